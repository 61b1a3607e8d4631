import * as assert from 'assert';
import { parseEntityQuery, withTypeTag } from '../../src/core/search/entityQuery';

const types = (query: string) => {
  const parsed = parseEntityQuery(query).types;
  return parsed ? [...parsed].sort() : null;
};

describe('entity query', () => {
  it('reads type tags anywhere, abbreviated while unambiguous, and keeps the rest as text', () => {
    assert.deepStrictEqual(parseEntityQuery('#org nato'), { text: 'nato', types: new Set(['organization']) });
    assert.deepStrictEqual(types('foreign #o office'), ['organization']);
    assert.strictEqual(parseEntityQuery('foreign #o office').text, 'foreign office');
    assert.deepStrictEqual(types('#PLACE russia'), ['place']);
    assert.deepStrictEqual(types('#loc'), ['place']);
    assert.deepStrictEqual(types('#pe smith'), ['person']);
    assert.deepStrictEqual(types('#people #place'), ['person', 'place']);
    assert.deepStrictEqual(types('smith'), null);
  });

  it('leaves unknown and ambiguous tags in the text', () => {
    assert.deepStrictEqual(parseEntityQuery('#p smith'), { text: '#p smith', types: null });
    assert.deepStrictEqual(parseEntityQuery('#metoo'), { text: '#metoo', types: null });
    assert.deepStrictEqual(parseEntityQuery('# smith'), { text: '# smith', types: null });
  });

  it('replaces the tags of a query with one type, or removes them', () => {
    assert.strictEqual(withTypeTag('#person nato', 'organization'), '#org nato');
    assert.strictEqual(withTypeTag('nato', 'place'), '#place nato');
    assert.strictEqual(withTypeTag('', 'place'), '#place ');
    assert.strictEqual(withTypeTag('#org nato', undefined), 'nato');
  });
});
