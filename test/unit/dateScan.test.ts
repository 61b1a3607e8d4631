// findDate's pre-check (are there four digits in a row?) reads only every fourth character until it meets a
// digit: a date must be found at every offset and with digits of every kind around it.
import * as assert from 'assert';
import fc from 'fast-check';
import { findDate } from '../../src/core/extract/dates';

describe('findDate at every offset', () => {
  it('finds a date wherever it stands among letters, digits and spaces', () => {
    const filler = fc.array(fc.constantFrom('a', ' ', '1', '12', '123', '.', '/', '-', 'é', '\n'), { maxLength: 12 }).map((parts) => parts.join(''));
    const date = fc.constantFrom(['2017-04-06', '2017-04-06'], ['6 April 2017', '2017-04-06'], ['April 6, 2017', '2017-04-06'], ['31/12/1999', '1999-12-31']);
    fc.assert(
      fc.property(filler, date, (before, [written, iso]) => {
        const text = `${before} ${written} `;
        // The filler may itself hold a date or touch this one's digits: compare with the date alone at the same offset.
        const alone = `${' '.repeat(before.length)} ${written} `;
        assert.strictEqual(findDate(alone)?.iso, iso, JSON.stringify(alone));
        if (!/\d/.test(before)) assert.strictEqual(findDate(text)?.iso, iso, JSON.stringify(text));
      }),
      { seed: 20170406, numRuns: 500, endOnFailure: true },
    );
  });

  it('finds no date without four digits in a row', () => {
    for (const text of ['', '123', '6 April 17', '12/12/12', '1 2 3 4 5 6', '999.999.999']) assert.strictEqual(findDate(text), null, text);
  });
});
