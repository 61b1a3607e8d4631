import { strict as assert } from 'assert';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { ArticleMentions } from '../../src/core/index/mentionLists';
import { packEntities, packQuotes } from '../../src/core/index/packed';
import type { ArticleExtraction, Entity, Mention } from '../../src/core/types';
import { byMentionsThenId, byPathThenStart } from '../../src/core/util/compare';

// The view keeps mentions packed and makes Mention objects (and Entity.mentions) when read: what a reader gets
// must be what the per-article lists say, in path then offset order, after edits as after a fresh load.

const TEXTS: Record<string, string> = {
  'a.txt': 'Talks in Brussels\n\nJohn Smith said Nato would meet in Russia. Smith added that Nato was ready.\n',
  'b.txt': 'Sanctions\n\nThe European Union and Nato warned Russia. Anna Weber said the EU would act.\n',
  'c.txt': 'Markets\n\nAnna Weber told reporters Russia had not replied. Dr Weber said Nato was united.\n',
};

const key = (m: Mention): string => `${m.path}:${m.start}-${m.end}:${m.text}:${m.entityId}`;

/** Every entity's mentions as the per-article lists give them, regrouped by entity. */
function fromArticles(index: CorpusIndex): Map<string, string[]> {
  const byEntity = new Map<string, string[]>();
  for (const article of index.articles()) {
    for (const m of index.mentionsIn(article.path)) {
      const list = byEntity.get(m.entityId) ?? [];
      list.push(key(m));
      byEntity.set(m.entityId, list);
    }
  }
  return byEntity;
}

function assertConsistent(index: CorpusIndex): void {
  const expected = fromArticles(index);
  const listed = index.entities();
  assert.deepEqual(new Set(listed.map((e) => e.id)), new Set(expected.keys()), 'entities() lists exactly the entities mentioned');
  for (const entity of listed) {
    const mentions = entity.mentions;
    assert.deepEqual(mentions.map(key), expected.get(entity.id), `mentions of ${entity.id}`);
    assert.deepEqual([...mentions].sort(byPathThenStart).map(key), mentions.map(key), `${entity.id}: path then offset order`);
    assert.equal(index.entity(entity.id), entity);
  }
  assert.deepEqual(listed.map((e) => e.id), [...listed].sort(byMentionsThenId).map((e) => e.id), 'entities by mention count, then id');
  assert.deepEqual(index.people().map((p) => p.id), [...index.people()].sort(byMentionsThenId).map((p) => p.id));
}

function summary(index: CorpusIndex): unknown {
  return index.entities().map((e: Entity) => ({ id: e.id, type: e.type, mentions: e.mentions.map(key) }));
}

describe('packed mention lists', () => {
  it('gives each entity the mentions the articles list, of every type', () => {
    const index = CorpusIndex.fromTexts('/corpus', TEXTS);
    assertConsistent(index);
    const types = new Set(index.entities().map((e) => e.type));
    assert.ok(types.has('person') && types.has('place') && types.has('organization'), `types found: ${[...types].join(', ')}`);
  });

  it('follows edits and removals as a fresh load of the same texts does', () => {
    const index = CorpusIndex.fromTexts('/corpus', TEXTS);
    index.entities().forEach((e) => e.mentions); // made once before the edits: they must not stick
    const edited: Record<string, string> = { ...TEXTS, 'a.txt': 'Talks in Brussels\n\nJohn Smith said the talks would go on. Smith met Anna Weber in Russia.\n' };
    index.updateArticle('a.txt', edited['a.txt']);
    assertConsistent(index);
    assert.deepEqual(summary(index), summary(CorpusIndex.fromTexts('/corpus', edited)));
    index.removeArticle('b.txt');
    const rest = Object.fromEntries(Object.entries(edited).filter(([path]) => path !== 'b.txt'));
    assertConsistent(index);
    assert.deepEqual(summary(index), summary(CorpusIndex.fromTexts('/corpus', rest)));
  });

  it('hands out the same arrays while a reader holds them, and takes an assigned list', () => {
    const index = CorpusIndex.fromTexts('/corpus', TEXTS);
    const nato = index.entities().find((e) => e.name === 'Nato');
    assert.ok(nato, 'Nato is an entity');
    const held = nato.mentions;
    assert.equal(nato.mentions, held);
    assert.equal(index.mentionsIn('a.txt'), index.mentionsIn('a.txt'));
    const inA = index.mentionsIn('a.txt').filter((m) => m.entityId === nato.id);
    assert.deepEqual(inA.map(key), held.filter((m) => m.path === 'a.txt').map(key));
    nato.mentions = [];
    assert.deepEqual(nato.mentions, []);
  });

  it("reads each index's own mentions while two indexes of different texts live side by side", () => {
    const first = CorpusIndex.fromTexts('/corpus', TEXTS);
    const rest = Object.fromEntries(Object.entries(TEXTS).filter(([path]) => path !== 'c.txt'));
    const second = CorpusIndex.fromTexts('/corpus', rest);
    assertConsistent(first);
    assertConsistent(second);
    const weber = (index: CorpusIndex) => index.people().find((p) => p.name === 'Anna Weber')!.mentions.map((m) => m.path);
    assert.deepEqual(new Set(weber(first)), new Set(['b.txt', 'c.txt']));
    assert.deepEqual(new Set(weber(second)), new Set(['b.txt']));
    assert.deepEqual(Object.keys(first.people()[0]), ['id', 'type', 'name', 'aliases', 'roles', 'mentions'], 'no other enumerable key');
  });
});

describe('packed mention lists: one article', () => {
  for (const [label, base] of [['16-bit', 3], ['32-bit', 40000]] as const) {
    it(`reads refs and slots back (${label} cells)`, () => {
      // Person mentions from `base` on, organisation mentions 0 and 1: positions a large article would reach.
      const count = base + 2;
      const offsets = new Int32Array(2 * count);
      const forms = Array.from({ length: count }, (_, i) => ({ text: `Person ${i}`, honorific: null, nameParts: [`Person`, `${i}`], role: null }));
      for (let i = 0; i < count; i++) [offsets[2 * i], offsets[2 * i + 1]] = [100 * i, 100 * i + 8];
      const entities = packEntities([
        { start: 5, end: 9, text: 'Nato', type: 'organization' },
        { start: 20, end: 26, text: 'Russia', type: 'place' },
      ]);
      const parts = { mentions: { offsets, forms }, quotes: packQuotes([]), entities };
      const extraction = { article: { path: 'a.txt' }, mentions: [], quotes: [] } as unknown as ArticleExtraction;
      const article = new ArticleMentions('a.txt', extraction, parts, [~0, base, ~1, base + 1], ['nato', 'person-a', 'russia', 'nato']);
      assert.deepEqual(article.entityIds, ['nato', 'person-a', 'russia']);
      assert.equal(article.count, 4);
      assert.deepEqual(article.mentions().map(key), ['a.txt:5-9:Nato:nato', `a.txt:${100 * base}-${100 * base + 8}:Person ${base}:person-a`, 'a.txt:20-26:Russia:russia', `a.txt:${100 * base + 100}-${100 * base + 108}:Person ${base + 1}:nato`]);
      assert.deepEqual(Array.from(article.slotCounts()), [2, 1, 1]);
      const nato: Mention[] = [];
      article.mentionsAt(0, nato);
      assert.deepEqual(nato.map((m) => m.text), ['Nato', `Person ${base + 1}`]);
    });
  }
});

describe('packed mention lists: quotes made when read', () => {
  it('takes speaker and source from the listed mentions, by start, the same array while held', () => {
    // Person mentions 0 (listed) and 1 (not listed: no person); organisation mentions 0 (listed) and 1 (not listed).
    const offsets = Int32Array.from([10, 14, 60, 64]);
    const forms = ['Lane', 'Moor'].map((text) => ({ text, honorific: null, nameParts: [text], role: null }));
    const entities = packEntities([
      { start: 30, end: 34, text: 'Nato', type: 'organization' },
      { start: 80, end: 86, text: 'Russia', type: 'place' },
    ]);
    const quote = (start: number, speakerMention: number | null, sourceEntity?: number) =>
      ({ start, end: start + 5, text: `q${start}`, group: start, partial: false, unmarked: false, speakerMention, ...(sourceEntity === undefined ? {} : { sourceEntity }) });
    const quotes = [quote(200, 0, 0), quote(100, 1, 0), quote(150, 1, 1), quote(300, null)];
    const parts = { mentions: { offsets, forms }, quotes: packQuotes(quotes), entities };
    const extraction = { article: { path: 'a.txt' }, mentions: [], quotes: [] } as unknown as ArticleExtraction;
    const article = new ArticleMentions('a.txt', extraction, parts, [0, ~0], ['person-lane', 'nato'], Int32Array.from([1, 2, 0, 3]));
    const made = article.quotes();
    assert.deepEqual(made.map((q) => [q.start, q.speaker, q.source]), [[100, null, 'nato'], [150, null, null], [200, 'person-lane', 'person-lane'], [300, null, null]]);
    assert.equal(article.quotes(), made);
    assert.equal(article.quoteCount, made.length);
    assert.deepEqual(new Set(article.quoteSources()), new Set(['nato', 'person-lane']));
  });
});
