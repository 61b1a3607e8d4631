import { strict as assert } from 'assert';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { extractMentions } from '../../src/core/extract/mentions';

// A lone surname in an article that never gives the full name ("deter Putin from further aggression") is a
// mention when the corpus knows a person with that surname from other articles of the same story, and only
// then (identity's evidence: here two other people named in full in both articles).

const STORY_A = 'Talks in Moscow\n\nPresident Ivan Petrov met Anna Berg and Tomas Weir on Monday.\n';
const STORY_B = 'Sanctions\n\nAnna Berg and Tomas Weir said only a lasting peace will deter Petrov from further aggression.\n';

describe('tentative lone names', () => {
  it('are returned, flagged, only on request and only mid-sentence between lower-case words', () => {
    const text = 'Sanctions will deter Petrov from further aggression. Petrov said nothing. They beat West Indies by five wickets.';
    assert.deepEqual(extractMentions(text, []), []);
    const tentative = extractMentions(text, [], { tentativeLoneNames: true });
    assert.deepEqual(tentative.map((m) => [m.text, m.start, m.tentative]), [['Petrov', text.indexOf('Petrov'), true]]);
  });

  it('become mentions of the person the corpus knows by that surname', () => {
    const index = CorpusIndex.fromTexts('/corpus', {
      'a.txt': STORY_A,
      'b.txt': STORY_B,
    });
    const inB = index.mentionsIn('b.txt').filter((m) => m.text === 'Petrov');
    assert.equal(inB.length, 1);
    assert.equal(inB[0].text, 'Petrov');
    assert.equal(inB[0].entityId, index.mentionsIn('a.txt').find((m) => index.person(m.entityId))!.entityId);
    assert.equal(index.person(inB[0].entityId)?.mentions.length, 2);
  });

  it('are dropped when no person with that surname is known, and follow the corpus as it changes', () => {
    const index = CorpusIndex.fromTexts('/corpus', {
      'b.txt': STORY_B,
    });
    const petrovIn = (path: string): string[] => index.mentionsIn(path).map((m) => m.text).filter((t) => t.includes('Petrov'));
    assert.deepEqual(petrovIn('b.txt'), []);
    index.updateArticle('a.txt', STORY_A);
    assert.deepEqual(petrovIn('b.txt'), ['Petrov']);
    index.removeArticle('a.txt');
    assert.deepEqual(petrovIn('b.txt'), []);
    // A person of that surname from an unrelated story is no evidence.
    index.updateArticle('c.txt', 'Harvest\n\nFarmer Ivan Petrov said the wheat was in.\n');
    assert.deepEqual(petrovIn('b.txt'), []);
  });

  it('do not attach to a surname known only from unknown words (no gender from a given name or title)', () => {
    const index = CorpusIndex.fromTexts('/corpus', {
      'a.txt': 'Markets\n\nTraders at Banco Santander said shares fell.\n',
      'b.txt': 'Markets\n\nShares fell, said a research director at Santander on Monday.\n',
    });
    assert.deepEqual(index.mentionsIn('b.txt').filter((m) => index.entity(m.entityId)?.type === 'person'), []);
  });

  it('go, like any lone surname, first to the person named in full, not to a name of unknown words', () => {
    // "Zorbo Petrov" (no known given name, so no gender) would otherwise tie with "Ivan Petrov" and leave the
    // lone "Petrov" of the same story as Ivan Petrov a person of its own.
    const index = CorpusIndex.fromTexts('/corpus', {
      'a.txt': STORY_A,
      'b.txt': 'Sanctions\n\nAnna Berg and Tomas Weir spoke after the talks. "We will not give in," Petrov said later.\n',
      'c.txt': 'Chess\n\nThe game lasted six hours before Zorbo Petrov won.\n',
    });
    const ivan = index.mentionsIn('a.txt').find((m) => m.text === 'Ivan Petrov')!.entityId;
    assert.deepEqual(index.mentionsIn('b.txt').filter((m) => m.text === 'Petrov').map((m) => m.entityId), [ivan]);
  });
});
