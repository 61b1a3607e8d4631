import { strict as assert } from 'assert';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { extractMentions } from '../../src/core/extract/mentions';

// A lone surname in an article that never gives the full name ("deter Putin from further aggression") is a
// mention when the corpus knows a person with that surname from other articles, and only then.

describe('tentative lone names', () => {
  it('are returned, flagged, only on request and only mid-sentence between lower-case words', () => {
    const text = 'Sanctions will deter Petrov from further aggression. Petrov said nothing. They beat West Indies by five wickets.';
    assert.deepEqual(extractMentions(text, []), []);
    const tentative = extractMentions(text, [], { tentativeLoneNames: true });
    assert.deepEqual(tentative.map((m) => [m.text, m.start, m.tentative]), [['Petrov', text.indexOf('Petrov'), true]]);
  });

  it('become mentions of the person the corpus knows by that surname', () => {
    const index = CorpusIndex.fromTexts('/corpus', {
      'a.txt': 'Talks in Moscow\n\nPresident Ivan Petrov met the envoy on Monday.\n',
      'b.txt': 'Sanctions\n\nOnly a lasting peace will deter Petrov from further aggression, officials said.\n',
    });
    const inB = index.mentionsIn('b.txt');
    assert.equal(inB.length, 1);
    assert.equal(inB[0].text, 'Petrov');
    assert.equal(inB[0].personId, index.mentionsIn('a.txt')[0].personId);
    assert.equal(index.person(inB[0].personId)?.mentions.length, 2);
  });

  it('are dropped when no person with that surname is known, and follow the corpus as it changes', () => {
    const index = CorpusIndex.fromTexts('/corpus', {
      'b.txt': 'Sanctions\n\nOnly a lasting peace will deter Petrov from further aggression, officials said.\n',
    });
    assert.deepEqual(index.mentionsIn('b.txt'), []);
    index.updateArticle('a.txt', 'Talks in Moscow\n\nPresident Ivan Petrov met the envoy on Monday.\n');
    assert.deepEqual(index.mentionsIn('b.txt').map((m) => m.text), ['Petrov']);
    index.removeArticle('a.txt');
    assert.deepEqual(index.mentionsIn('b.txt'), []);
  });

  it('do not attach to a surname known only from unknown words (no gender from a given name or title)', () => {
    const index = CorpusIndex.fromTexts('/corpus', {
      'a.txt': 'Markets\n\nTraders at Banco Santander said shares fell.\n',
      'b.txt': 'Markets\n\nShares fell, said a research director at Santander on Monday.\n',
    });
    assert.deepEqual(index.mentionsIn('b.txt'), []);
  });
});
