import * as assert from 'assert';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { buildPersonCard, personMentionedAt, selectOtherMentions, type MentionOrder } from '../../src/core/query/personCard';
import type { Mention, Person } from '../../src/core/types';

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
      const hit = personMentionedAt(corpus, mention.path, offset);
      assert.ok(hit, `offset ${offset}`);
      assert.strictEqual(hit.person, person);
      assert.deepStrictEqual(hit.mention, mention);
    }
    assert.strictEqual(personMentionedAt(corpus, mention.path, 0), undefined, 'the title names nobody');
    assert.strictEqual(personMentionedAt(corpus, 'missing.txt', mention.start), undefined);
  });

  it('builds the card: counts, snippets with the name, and the hovered article marked', () => {
    assert.ok(person);
    const hovered = person.mentions.find((m) => m.path === 'a00.txt')!;
    const card = buildPersonCard(corpus, person.id, { limit: 20, fromPath: hovered.path, fromStart: hovered.start });
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
    const before = buildPersonCard(local, who().id)!.mentionCount;
    local.updateArticle('a02.txt', 'Story\nPublished: 2019-01-01\n\nNobody of note said anything.\n');
    assert.strictEqual(buildPersonCard(local, who().id)!.mentionCount, before - 1);
    assert.strictEqual(newest(), 'a05.txt');
  });
});
