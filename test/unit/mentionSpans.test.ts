import { strict as assert } from 'assert';
import { extractMentions } from '../../src/core/extract/mentions';

// Span classes of the rules alone, as CoNLL-style news writes them.

const names = (text: string): string[] => extractMentions(text, [], { tentativeLoneNames: true }).map((m) => m.text);

describe('person spans of the rules', () => {
  it('never start a name at a letter inside an abbreviation ("U.S.", "U.N.")', () => {
    assert.deepEqual(names('The U.S. Deputy Envoy Harriet Lomax arrived.'), ['Harriet Lomax']);
    assert.deepEqual(names('He urged the U.N. High Commissioner to act.'), []);
    // An initial after a space still starts a name.
    assert.deepEqual(names('The paper was written by J. Harlow and friends.'), ['J. Harlow']);
  });

  it('end a name at a lower-case "st" (a scorecard\'s "stumped"), which is no name particle', () => {
    const found = extractMentions('P. Ruddock st Okonjo b Mensah 12\n', [], { tentativeLoneNames: true });
    assert.deepEqual(found.map((m) => m.text), ['P. Ruddock', 'Okonjo', 'Mensah']);
  });
});
