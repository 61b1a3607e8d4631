import * as assert from 'assert';
import { definingMention, personReferences } from '../../src/core/query/definition';
import { mentionsInDateOrder } from '../../src/core/query/ordering';
import { article, articlesReader, mention, person } from '../support/queryFixtures';

describe('definition and references', () => {
  const corpus = articlesReader([article('2016.txt', '2016-06-01'), article('2017.txt', '2017-06-01'), article('2015.txt', '2015-06-01')]);
  const fallon = person(
    [mention('2015.txt', 3, 'Sir Michael', 'michael-fallon'), mention('2016.txt', 50, 'Fallon', 'michael-fallon'), mention('2016.txt', 8, 'Sir Michael Fallon', 'michael-fallon'), mention('2017.txt', 0, 'Michael Fallon', 'michael-fallon')],
    'Michael Fallon',
  );

  it('defines a person at the oldest mention that spells the full name', () => {
    const defining = definingMention(corpus, fallon);
    assert.strictEqual(defining && `${defining.path}:${defining.start}`, '2016.txt:8');
  });

  it('falls back to the oldest mention when none spells the full name', () => {
    const short = person([mention('2017.txt', 0, 'Lee'), mention('2015.txt', 7, 'Ms Lee')], 'Ann Lee');
    const defining = definingMention(corpus, short);
    assert.strictEqual(defining && `${defining.path}:${defining.start}`, '2015.txt:7');
    assert.strictEqual(definingMention(corpus, person([], 'Nobody')), undefined);
  });

  it('lists every mention in date order as references, without the definition unless the declaration is included', () => {
    const all = personReferences(corpus, fallon, { includeDeclaration: true });
    assert.deepStrictEqual(all, mentionsInDateOrder(corpus, fallon));
    assert.strictEqual(all.length, 4);
    const withoutDeclaration = personReferences(corpus, fallon, { includeDeclaration: false });
    assert.deepStrictEqual(withoutDeclaration.map((m) => `${m.path}:${m.start}`), ['2015.txt:3', '2016.txt:50', '2017.txt:0']);
  });
});
