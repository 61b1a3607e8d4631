import { strict as assert } from 'assert';
import { withoutNamedThings } from '../../src/core/extract/named/namedThings';
import type { RawMention } from '../../src/core/types';

// Names of things written like people's: a vessel or a storm, a title (a whole quotation), a company.

function mention(text: string, name: string, extra: Partial<RawMention> = {}): RawMention {
  const start = text.indexOf(name);
  assert.ok(start >= 0, `"${name}" not in the text`);
  return { start, end: start + name.length, text: name, honorific: null, nameParts: name.split(' '), role: null, ...extra };
}

const kept = (text: string, names: string[]): string[] => withoutNamedThings(text, names.map((n) => mention(text, n))).map((m) => m.text);

describe('person mentions that name things', () => {
  it('drops a name after a vessel or storm noun', () => {
    assert.deepEqual(kept('Jets flew from the aircraft carrier Mary Hollis on Monday.', ['Mary Hollis']), []);
    assert.deepEqual(kept('The frigates Dunmore and Hale sailed.', ['Dunmore', 'Hale']), ['Hale']);
    assert.deepEqual(kept('The captain Mary Hollis sailed.', ['Mary Hollis']), ['Mary Hollis']);
  });

  it('drops a name that is the whole of a quotation, in curly or straight quotes', () => {
    assert.deepEqual(kept('His new film \u201cTom Brennan\u201d opens on Friday.', ['Tom Brennan']), []);
    assert.deepEqual(kept('His new film " Tom Brennan " opens on Friday.', ['Tom Brennan']), []);
    // A quote that closes an earlier quotation, or a possessive after the name, is no title around it.
    assert.deepEqual(kept('The paper called " Night Rain " Brennan \'s best book.', ['Brennan']), ['Brennan']);
    assert.deepEqual(kept('\u201cWe won,\u201d Tom Brennan said.', ['Tom Brennan']), ['Tom Brennan']);
  });

  it('drops a name a company\'s legal form ends, and keeps a mention with an honorific', () => {
    assert.deepEqual(kept('The film was released by Hollis Bros on Friday.', ['Hollis Bros']), []);
    // A continent after a firm's name is its regional arm; a country may be a surname ("Elizabeth France").
    assert.deepEqual(kept('David Brant, Hollis Europe\'s manager, spoke.', ['David Brant', 'Hollis Europe']), ['David Brant']);
    assert.deepEqual(kept('The commissioner Elizabeth France spoke.', ['Elizabeth France']), ['Elizabeth France']);
    const text = 'Sailors on the carrier Mr Hollis once commanded cheered.';
    const withHonorific = mention(text, 'Mr Hollis', { honorific: 'Mr', nameParts: ['Hollis'] });
    assert.deepEqual(withoutNamedThings(text, [withHonorific]).map((m) => m.text), ['Mr Hollis']);
  });

  it('returns the same list when nothing is dropped', () => {
    const text = 'Tom Brennan said so.';
    const list = [mention(text, 'Tom Brennan')];
    assert.equal(withoutNamedThings(text, list), list);
  });
});
