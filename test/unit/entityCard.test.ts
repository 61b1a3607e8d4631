import * as assert from 'assert';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { buildEntityCard, entityMentionedAt, selectOtherMentions, type MentionOrder } from '../../src/core/query/entityCard';
import type { CorpusReader } from '../../src/core/api';
import type { Mention, Person, Quote } from '../../src/core/types';
import { fakeReader, type FakeEntity, type FakeMention, type FakeQuote } from '../support/fakeReader';

/** Articles naming one person, some dated (several on the same day), some undated; a few name her twice. */
function corpusTexts(): Record<string, string> {
  const texts: Record<string, string> = {};
  const days = ['2017-03-01', '2017-03-05', '2017-03-05', '2017-02-20', '2016-12-31', '2017-04-10', null, '2017-03-09', null, '2017-03-05', '2017-03-01'];
  days.forEach((day, i) => {
    const header = `Story number ${i}\n${day ? `Published: ${day}\n` : ''}\n`;
    const twice = i % 3 === 0 ? `\n\nLater, Gwendolyn Marchbanks spoke again about item ${i}.\n` : '\n';
    texts[`a${String(i).padStart(2, '0')}.txt`] = `${header}Senator Gwendolyn Marchbanks said the plan number ${i} was ready.${twice}`;
  });
  return texts;
}

/** The order the card promises, by sorting everything: the reference the fast selection must equal. */
function reference(corpus: CorpusIndex, person: Person, limit: number, order: MentionOrder, fromPath: string, fromStart: number): Mention[] {
  const day = (path: string) => {
    const date = corpus.article(path)?.date;
    return date ? Date.parse(date) / 86_400_000 : null;
  };
  const here = order === 'newest' ? null : day(fromPath);
  const first = new Map<string, Mention>();
  for (const m of person.mentions) if (m.path !== fromPath && (!first.has(m.path) || m.start < first.get(m.path)!.start)) first.set(m.path, m);
  const key = (m: Mention) => {
    const d = day(m.path);
    if (d === null) return Number.POSITIVE_INFINITY;
    return here === null ? -d : Math.abs(d - here);
  };
  const others = [...first.values()].sort((a, b) => key(a) - key(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const local = person.mentions
    .filter((m) => m.path === fromPath && !(m.start <= fromStart && fromStart < m.end))
    .sort((a, b) => Math.abs(a.start - fromStart) - Math.abs(b.start - fromStart) || a.start - b.start);
  return [...others, ...local].slice(0, limit);
}

describe('person card', () => {
  const corpus = CorpusIndex.fromTexts('/corpus', corpusTexts());
  const person = corpus.people().find((p) => p.name.includes('Marchbanks'));

  it('finds the person in every article', () => {
    assert.ok(person, 'Gwendolyn Marchbanks was not extracted');
    assert.strictEqual(new Set(person.mentions.map((m) => m.path)).size, 11);
  });

  for (const order of ['nearest', 'newest'] as const) {
    it(`lists one mention per other article ${order} first, then the hovered article's, up to the limit`, () => {
      assert.ok(person);
      for (const hovered of person.mentions) {
        for (const limit of [0, 1, 2, 3, 5, 10, 20]) {
          const got = selectOtherMentions(corpus, person, { limit, order, fromPath: hovered.path, fromStart: hovered.start });
          const want = reference(corpus, person, limit, order, hovered.path, hovered.start);
          assert.deepStrictEqual(
            got.map((m) => `${m.path}:${m.start}`),
            want.map((m) => `${m.path}:${m.start}`),
            `${order}, limit ${limit}, hovered ${hovered.path}:${hovered.start}`,
          );
        }
      }
    });
  }

  it('finds the person a hover or a Go to starts from: the mention whose span holds the offset', () => {
    assert.ok(person);
    const mention = person.mentions[0];
    for (const offset of [mention.start, mention.start + 3, mention.end]) {
      const hit = entityMentionedAt(corpus, mention.path, offset);
      assert.ok(hit, `offset ${offset}`);
      assert.strictEqual(hit.entity, person);
      assert.deepStrictEqual(hit.mention, mention);
    }
    assert.strictEqual(entityMentionedAt(corpus, mention.path, 0), undefined, 'the title names nobody');
    assert.strictEqual(entityMentionedAt(corpus, 'missing.txt', mention.start), undefined);
  });

  it('builds the card: counts, snippets with the name, and the hovered article marked', () => {
    assert.ok(person);
    const hovered = person.mentions.find((m) => m.path === 'a00.txt')!;
    const card = buildEntityCard(corpus, person.id, { limit: 20, fromPath: hovered.path, fromStart: hovered.start });
    assert.ok(card);
    assert.strictEqual(card.mentionCount, person.mentions.length);
    assert.strictEqual(card.articleCount, 11);
    const inHovered = person.mentions.filter((m) => m.path === 'a00.txt').length;
    assert.strictEqual(card.otherMentions.length, 10 + inHovered - 1, 'one per other article plus the hovered article’s others');
    for (const entry of card.otherMentions) {
      assert.match(entry.match, /Marchbanks/);
      assert.strictEqual(entry.sameArticle, entry.path === 'a00.txt');
      assert.strictEqual(entry.date, corpus.article(entry.path)?.date ?? null);
    }
    assert.ok(card.otherMentions.some((entry) => entry.sameArticle), 'the second mention in the hovered article fills a slot');
  });

  it('sees changes: an edited article moves in the order and the counts follow', () => {
    const local = CorpusIndex.fromTexts('/corpus', corpusTexts());
    const who = () => local.people().find((p) => p.name.includes('Marchbanks'))!;
    const from = who().mentions.find((m) => m.path === 'a00.txt')!;
    const newest = () => selectOtherMentions(local, who(), { limit: 1, order: 'newest', fromPath: from.path, fromStart: from.start })[0].path;
    assert.strictEqual(newest(), 'a05.txt'); // 2017-04-10
    local.updateArticle('a02.txt', `Story\nPublished: 2019-01-01\n\n${corpusTexts()['a02.txt'].split('\n\n').slice(1).join('\n\n')}`);
    assert.strictEqual(newest(), 'a02.txt');
    const before = buildEntityCard(local, who().id)!.mentionCount;
    local.updateArticle('a02.txt', 'Story\nPublished: 2019-01-01\n\nNobody of note said anything.\n');
    assert.strictEqual(buildEntityCard(local, who().id)!.mentionCount, before - 1);
    assert.strictEqual(newest(), 'a05.txt');
  });
});

/** A reader with an organisation, a place and people, their mentions wherever the names are written: the card rules are the same for every type. */
function typedReader(): CorpusReader {
  const texts: Record<string, string> = {
    'p1.txt': 'The Alliance met. Ann Lee and Bo Park spoke. "We stand ready," the Alliance said in Ostravia.',
    'p2.txt': 'Ann Lee visited Ostravia. The Alliance was silent.',
    'p3.txt': 'In Ostravia, Bo Park and Ann Lee said "the Alliance must act now, and act together, whatever the cost".',
  };
  const dates: Record<string, string> = { 'p1.txt': '2020-01-01', 'p2.txt': '2020-02-01', 'p3.txt': '2020-03-01' };
  const entities: FakeEntity[] = [
    { id: 'organization:alliance', type: 'organization', name: 'Alliance' },
    { id: 'place:ostravia', type: 'place', name: 'Ostravia' },
    { id: 'ann-lee', type: 'person', name: 'Ann Lee' },
    { id: 'bo-park', type: 'person', name: 'Bo Park' },
  ];
  const mentions: FakeMention[] = [];
  for (const [path, text] of Object.entries(texts)) {
    for (const entity of entities) {
      for (let at = text.indexOf(entity.name); at !== -1; at = text.indexOf(entity.name, at + 1)) mentions.push({ path, start: at, entityId: entity.id, text: entity.name });
    }
  }
  const quoteIn = (path: string, words: string, source: string): FakeQuote => ({ path, start: texts[path].indexOf(words), text: words, source });
  const quotes = [quoteIn('p1.txt', 'We stand ready,', 'organization:alliance'), quoteIn('p3.txt', 'the Alliance must act now, and act together, whatever the cost', 'ann-lee')];
  const articles = Object.entries(texts).map(([path, text]) => ({ path, text, date: dates[path], title: path.toUpperCase() }));
  return fakeReader(articles, entities, mentions, quotes);
}

describe('entity card for every type', () => {
  const reader = typedReader();

  it('finds an organisation under the cursor, and nothing when its type is not wanted', () => {
    const start = 'The Alliance'.indexOf('Alliance');
    const hit = entityMentionedAt(reader, 'p1.txt', start + 2);
    assert.strictEqual(hit?.entity.type, 'organization');
    assert.strictEqual(entityMentionedAt(reader, 'p1.txt', start + 2, new Set(['person', 'place'])), undefined);
    assert.strictEqual(entityMentionedAt(reader, 'p1.txt', start + 2, new Set(['organization']))?.entity.id, 'organization:alliance');
  });

  it('names the type, counts mentions and articles, lists its quotes', () => {
    const card = buildEntityCard(reader, 'organization:alliance', { limit: 5, fromPath: 'p1.txt', fromStart: 4 });
    assert.ok(card);
    assert.strictEqual(card.type, 'organization');
    assert.strictEqual(card.mentionCount, 4, 'twice in p1, once in p2, once inside the quote of p3');
    assert.strictEqual(card.articleCount, 3);
    assert.strictEqual(card.quoteCount, 1);
    assert.deepStrictEqual(card.quotes.map((q) => [q.path, q.text, q.date]), [['p1.txt', 'We stand ready,', '2020-01-01']]);
    assert.deepStrictEqual(card.otherMentions.map((m) => m.path), ['p2.txt', 'p3.txt', 'p1.txt']);
  });

  it('builds a place’s card, lists the newest quotes first and cuts long ones at a word', () => {
    const place = buildEntityCard(reader, 'place:ostravia');
    assert.ok(place);
    assert.strictEqual(place.type, 'place');
    assert.strictEqual(place.quoteCount, 0);
    assert.deepStrictEqual(place.quotes, []);
    const ann = buildEntityCard(reader, 'ann-lee', { quoteLength: 30 });
    assert.ok(ann);
    assert.strictEqual(ann.quotes[0].text, 'the Alliance must act now, and…');
    // Three quotes from one source over three dates: the two newest, newest first.
    const many = typedReader();
    const extra = (path: string, text: string): Quote => ({ ...many.quotesFrom('organization:alliance')[0], path, start: 0, end: text.length, text });
    const quotes = [extra('p2.txt', 'second'), extra('p3.txt', 'third'), ...many.quotesFrom('organization:alliance')];
    const card = buildEntityCard({ ...many, quotesFrom: () => quotes }, 'organization:alliance');
    assert.deepStrictEqual(card?.quotes.map((q) => q.text), ['third', 'second']);
    assert.strictEqual(card?.quoteCount, 3);
  });
});
