import * as assert from 'assert';
import { ArticleFilter, entitiesOfType, groupBy, groupByMonth, groupByOutlet, groupByYear, mentionsByArticle, UNDATED, UNKNOWN_OUTLET } from '../../src/core/query/articleGroups';
import type { CorpusReader } from '../../src/core/api';
import type { Article, Entity, Mention, Person } from '../../src/core/types';
import { article, mention, person } from '../support/queryFixtures';

const withOutlet = (a: Article, outlet: string | null): Article => ({ ...a, outlet });

describe('article groups', () => {
  it('groups by key in order of first appearance, keeping the items’ order', () => {
    assert.deepStrictEqual([...groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (s) => s[0])], [['b', ['b1', 'b2']], ['a', ['a1', 'a2']], ['c', ['c1']]]);
  });

  it('lists outlets A to Z with the unknown outlet last, each newest first', () => {
    const articles = [
      withOutlet(article('1.txt', '2017-01-01'), 'The Times'),
      withOutlet(article('2.txt', null), null),
      withOutlet(article('3.txt', '2018-01-01'), ' The Times '),
      withOutlet(article('4.txt', '2016-01-01'), 'Daily Courier'),
      withOutlet(article('5.txt', '2017-06-01'), '   '),
    ];
    const groups = groupByOutlet(articles);
    assert.deepStrictEqual(groups.map((g) => g.label), ['Daily Courier', 'The Times', UNKNOWN_OUTLET]);
    assert.deepStrictEqual(groups[1].articles.map((a) => a.path), ['3.txt', '1.txt']);
    assert.deepStrictEqual(groups[2].articles.map((a) => a.path), ['2.txt', '5.txt'], 'the reverse of date order: undated first');
  });

  it('lists years newest first with undated last, and a year’s months newest first by name', () => {
    const articles = [article('a.txt', '2016-03-02'), article('b.txt', null), article('c.txt', '2017-11-30'), article('d.txt', '2016-12-01'), article('e.txt', '2016-03-20'), article('f.txt', '2016')];
    const years = groupByYear(articles);
    assert.deepStrictEqual(years.map((g) => g.key), ['2017', '2016', UNDATED]);
    const months = groupByMonth(years[1].articles);
    assert.deepStrictEqual(months.map((g) => [g.key, g.label]), [['12', 'December'], ['03', 'March'], ['', UNDATED]]);
    assert.deepStrictEqual(months[1].articles.map((a) => a.path), ['a.txt', 'e.txt']);
  });
});

describe('entity groupings', () => {
  const org = (id: string, mentions: Mention[]): Entity => ({ id, type: 'organization', name: id, aliases: [], roles: [], mentions });
  const alliance = org('organization:alliance', [mention('b.txt', 40, 'Alliance', 'organization:alliance'), mention('a.txt', 9, 'Alliance', 'organization:alliance'), mention('b.txt', 3, 'Alliance', 'organization:alliance')]);
  const lee = person([mention('a.txt', 0, 'Ann Lee')]);
  const bank = org('organization:bank', [mention('c.txt', 0, 'Bank', 'organization:bank')]);

  it('lists the entities of one type in the corpus order', () => {
    const corpus = { entities: () => [alliance, lee, bank] };
    assert.deepStrictEqual(entitiesOfType(corpus, 'organization').map((e) => e.id), ['organization:alliance', 'organization:bank']);
    assert.deepStrictEqual(entitiesOfType(corpus, 'person'), [lee]);
    assert.deepStrictEqual(entitiesOfType(corpus, 'place'), []);
  });

  it('lists an entity’s articles oldest first, each with its mentions by offset, skipping articles no longer there', () => {
    const articles = new Map([['a.txt', article('a.txt', '2018-01-01')], ['b.txt', article('b.txt', '2017-01-01')]]);
    const grouped = mentionsByArticle({ article: (path) => articles.get(path) }, alliance);
    assert.deepStrictEqual(grouped.map((g) => [g.article.path, g.mentions.map((m) => m.start)]), [['b.txt', [3, 40]], ['a.txt', [9]]]);
  });
});

describe('article filter', () => {
  const lee = person([mention('talks.txt', 0, 'Ann Lee'), mention('budget.txt', 5, 'Lee')], 'Ann Lee');
  lee.aliases = ['Dame Ann'];
  const other: Person = person([mention('sport.txt', 0, 'Bo Chan', 'bo-chan')], 'Bo Chan');
  const articles = new Map([
    ['talks.txt', article('talks.txt', null, 'Trade talks resume')],
    ['budget.txt', article('budget.txt', null, 'The budget')],
    ['sport.txt', article('sport.txt', null, 'Cup final')],
  ]);
  const mentions = new Map<string, Mention[]>([['talks.txt', lee.mentions.slice(0, 1)], ['budget.txt', lee.mentions.slice(1)], ['sport.txt', other.mentions]]);
  const people = new Map([[lee.id, lee], [other.id, other]]);
  const corpus = {
    article: (path: string) => articles.get(path),
    mentionsIn: (path: string) => mentions.get(path) ?? [],
    entity: (id: string) => people.get(id),
  } satisfies Pick<CorpusReader, 'article' | 'mentionsIn' | 'entity'>;

  it('keeps everything when empty', () => {
    const filter = new ArticleFilter('');
    assert.ok(filter.isEmpty);
    for (const a of articles.values()) assert.ok(filter.articlePasses(corpus, a));
  });

  it('keeps articles by title or path (ignoring case) or by a person they mention', () => {
    const byTitle = new ArticleFilter('TRADE');
    assert.deepStrictEqual([...articles.values()].filter((a) => byTitle.articlePasses(corpus, a)).map((a) => a.path), ['talks.txt']);
    const byAlias = new ArticleFilter('dame');
    assert.deepStrictEqual([...articles.values()].filter((a) => byAlias.articlePasses(corpus, a)).map((a) => a.path), ['talks.txt', 'budget.txt']);
    assert.ok(new ArticleFilter('sport.t').articlePasses(corpus, articles.get('sport.txt')!));
    assert.ok(!new ArticleFilter('nothing like it').articlePasses(corpus, articles.get('talks.txt')!));
  });

  it('keeps people by name or alias, or by an article of theirs whose title or path matches', () => {
    assert.ok(new ArticleFilter('ann l').entityPasses(corpus, lee));
    assert.ok(new ArticleFilter('budget').entityPasses(corpus, lee));
    assert.ok(!new ArticleFilter('budget').entityPasses(corpus, other));
    assert.ok(!new ArticleFilter('budget').entityMatches(lee));
    assert.ok(new ArticleFilter('cup').articleMatches(articles.get('sport.txt')!));
  });
});
