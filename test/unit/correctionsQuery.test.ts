import * as assert from 'assert';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { describeCorrection, entitiesToOffer, identityNameOf, notEntityCorrection, splitCorrection } from '../../src/core/query/corrections';

const TEXTS = {
  'a.txt': 'One\n\nKim Moran appealed for help. Moran said the search would go on. Tom Watson agreed. Jack Black and Emma Stone came.\n',
  'b.txt': 'Two\n\nDr Erin Kim said the wards were full. "We need beds," said Dr Kim. Tom Watson agreed again, and Watson left.\n',
};

describe('corrections: what the commands offer and write', () => {
  const index = CorpusIndex.fromTexts('/c', TEXTS);

  it('offers entities sharing a word with the name first, never the entity itself', () => {
    const offered = entitiesToOffer(index, 'Dr Kim', 'erin-kim');
    assert.ok(!offered.some((e) => e.id === 'erin-kim'));
    assert.strictEqual(offered[0].id, 'kim-moran');
    assert.deepStrictEqual(new Set(offered.map((e) => e.id)), new Set(index.entities().map((e) => e.id).filter((id) => id !== 'erin-kim')));
    assert.strictEqual(entitiesToOffer(index, 'Kim', null, 1).length, 1);
  });

  it('a split to a renamed person uses the name identity knows it by', () => {
    const renamed = CorpusIndex.fromTexts('/c', TEXTS, 'names:\n  tom-watson: Thomas Watson\n');
    const person = renamed.person('tom-watson')!;
    assert.strictEqual(person.name, 'Thomas Watson');
    assert.strictEqual(identityNameOf(renamed, person), 'Tom Watson');
    assert.strictEqual(identityNameOf(index, index.person('tom-watson')!), 'Tom Watson');
  });

  it('builds each correction from the mention or entity it was chosen on', () => {
    const mention = index.mentionsIn('b.txt').find((m) => m.text === 'Dr Kim')!;
    const entity = index.entity(mention.entityId)!;
    assert.deepStrictEqual(notEntityCorrection({ mention, entity }, 'article'), { kind: 'notEntity', name: 'Dr Kim', path: 'b.txt' });
    assert.deepStrictEqual(notEntityCorrection({ mention, entity }, 'corpus'), { kind: 'notEntity', name: 'Dr Kim' });
    assert.deepStrictEqual(notEntityCorrection({ entity }, 'article'), { kind: 'notEntity', name: entity.name });
    assert.deepStrictEqual(splitCorrection(mention, ' Kim Lee '), { kind: 'alias', path: 'b.txt', canonical: 'Kim Lee', form: 'Dr Kim' });
  });

  it('describes what a correction did in one sentence', () => {
    const nameOf = (id: string) => index.entity(id)?.name ?? id;
    assert.strictEqual(describeCorrection({ kind: 'merge', from: 'erin-kim', into: 'kim-moran' }, nameOf), 'Erin Kim is now merged with Kim Moran.');
    assert.match(describeCorrection({ kind: 'alias', path: 'b.txt', canonical: 'Kim', form: 'Dr Kim' }, nameOf), /person of that article only/);
    assert.match(describeCorrection({ kind: 'alias', path: 'b.txt', canonical: 'Kim Lee', form: 'Dr Kim' }, nameOf), /is now Kim Lee/);
    assert.match(describeCorrection({ kind: 'notEntity', name: 'Watson', path: 'b.txt' }, nameOf), /in b\.txt/);
  });
});
