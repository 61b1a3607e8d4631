import * as assert from 'assert';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { relatedEntities } from '../../src/core/query/related';
import type { FakeMention } from '../support/fakeReader';
import { fakeReader } from '../support/fakeReader';

const ANN = { id: 'ann-lee', name: 'Ann Lee' };
const BOB = { id: 'bob-ray', name: 'Bob Ray' };
const CAT = { id: 'cat-orr', name: 'Cat Orr' };
const NATO = { id: 'organization:nato', name: 'NATO', type: 'organization' as const };
const PARIS = { id: 'place:paris', name: 'Paris', type: 'place' as const };

/** `who` mentioned in each listed article, `times` times. */
function mentions(who: string, paths: string[], times = 1): FakeMention[] {
  return paths.flatMap((path) => Array.from({ length: times }, (_, k) => ({ path, start: k * 10 + who.length, entityId: who })));
}

describe('related entities', () => {
  const paths = ['a.txt', 'b.txt', 'c.txt', 'd.txt'];
  const corpus = fakeReader(
    paths.map((path) => ({ path })),
    [ANN, BOB, CAT, NATO, PARIS],
    [
      ...mentions(ANN.id, ['a.txt', 'b.txt', 'c.txt']),
      // Bob is named five times in one shared article: still one article.
      ...mentions(BOB.id, ['a.txt'], 5),
      ...mentions(CAT.id, ['a.txt', 'b.txt', 'd.txt']),
      ...mentions(NATO.id, ['b.txt', 'c.txt']),
      ...mentions(PARIS.id, ['a.txt', 'b.txt', 'c.txt']),
    ],
  );

  it('counts shared articles, most first, people and organisations only, never the entity itself', () => {
    const related = relatedEntities(corpus, ANN.id);
    assert.deepStrictEqual(
      related.map((r) => [r.id, r.sharedArticles, r.type]),
      [
        [CAT.id, 2, 'person'],
        [NATO.id, 2, 'organization'],
        [BOB.id, 1, 'person'],
      ],
    );
  });

  it('lists places when asked, stops at the limit, breaks ties by id', () => {
    assert.deepStrictEqual(relatedEntities(corpus, ANN.id, { types: ['place'] }).map((r) => [r.id, r.sharedArticles]), [[PARIS.id, 3]]);
    assert.deepStrictEqual(relatedEntities(corpus, ANN.id, { limit: 2 }).map((r) => r.id), [CAT.id, NATO.id]);
    assert.deepStrictEqual(relatedEntities(corpus, ANN.id, { limit: 0 }), []);
  });

  it('points each at a shared article, the card’s own when it names them', () => {
    const fromB = relatedEntities(corpus, ANN.id, { fromPath: 'b.txt' });
    assert.deepStrictEqual(fromB.map((r) => [r.id, r.path]), [[CAT.id, 'b.txt'], [NATO.id, 'b.txt'], [BOB.id, 'a.txt']]);
  });

  it('knows nothing of unknown ids, and is symmetric in its counts', () => {
    assert.deepStrictEqual(relatedEntities(corpus, 'nobody'), []);
    for (const a of [ANN, BOB, CAT, NATO]) {
      for (const r of relatedEntities(corpus, a.id, { limit: 10, types: ['person', 'organization', 'place'] })) {
        const back = relatedEntities(corpus, r.id, { limit: 10, types: ['person', 'organization', 'place'] }).find((x) => x.id === a.id);
        assert.strictEqual(back?.sharedArticles, r.sharedArticles, `${a.id} and ${r.id}`);
      }
    }
  });

  it('follows changes to an indexed corpus', () => {
    const texts: Record<string, string> = {
      'a.txt': 'Senator Gwendolyn Marchbanks met Ambassador Theodore Quillfeather in the capital on Monday.\n',
      'b.txt': 'Senator Gwendolyn Marchbanks spoke to reporters about the budget on Tuesday.\n',
    };
    const index = CorpusIndex.fromTexts('/corpus', texts);
    const marchbanks = index.people().find((p) => p.name.endsWith('Marchbanks'));
    const quillfeather = index.people().find((p) => p.name.endsWith('Quillfeather'));
    assert.ok(marchbanks && quillfeather, `people found: ${index.people().map((p) => p.name).join(', ')}`);
    assert.deepStrictEqual(relatedEntities(index, marchbanks.id).map((r) => [r.id, r.sharedArticles]), [[quillfeather.id, 1]]);
    index.updateArticle('b.txt', `${texts['b.txt']}Later Ambassador Theodore Quillfeather joined Senator Gwendolyn Marchbanks.\n`);
    assert.deepStrictEqual(relatedEntities(index, marchbanks.id).map((r) => [r.id, r.sharedArticles]), [[quillfeather.id, 2]]);
  });
});
