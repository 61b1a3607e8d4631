import { strict as assert } from 'assert';
import { CodeUnits } from '../../src/core/util/codeUnits';
import { fnv1a, fnv1aOfCodes } from '../../src/core/util/hash';

// The code units scanners read instead of charCodeAt: the same numbers, whatever the text holds.

function unitsOf(text: string): number[] {
  return Array.from({ length: text.length }, (_, k) => text.charCodeAt(k));
}

describe('code units of a text', () => {
  it('are the text\'s UTF-16 code units, lone surrogates and characters beyond Latin-1 included', () => {
    const units = new CodeUnits();
    const text = 'Mr Zoë Ng said “yes” \ud83d\ude00 and \ud800 alone, 1,000 — café';
    assert.deepEqual(Array.from(units.of(text).subarray(0, text.length)), unitsOf(text));
  });

  it('follow the text asked for, growing past the first buffer and shrinking back', () => {
    const units = new CodeUnits();
    const long = 'Ab\u2019c '.repeat(10_000);
    const short = 'Nato said';
    assert.deepEqual(Array.from(units.of(short).subarray(0, short.length)), unitsOf(short));
    assert.deepEqual(Array.from(units.of(long).subarray(0, long.length)), unitsOf(long));
    assert.deepEqual(Array.from(units.of(short).subarray(0, short.length)), unitsOf(short));
    // An equal text in another string reads the same units.
    const again = ['Nato', 'said'].join(' ');
    assert.deepEqual(Array.from(units.of(again).subarray(0, again.length)), unitsOf(short));
  });

  it('let go of a huge text\'s buffer at the next text of usual length', () => {
    const units = new CodeUnits();
    const usual = units.of('Nato said').length;
    const huge = 'x'.repeat(300_000);
    assert.ok(units.of(huge).length >= huge.length);
    assert.equal(units.of('Nato said').length, usual);
    // A buffer grown for a long but not huge text stays for the next one.
    const long = 'y'.repeat(50_000);
    const grown = units.of(long).length;
    assert.equal(units.of('Nato said').length, grown);
  });

  it('hash as the text does', () => {
    const text = 'the UN’s Zoë, Nato';
    const codes = new CodeUnits().of(text);
    for (const [start, end] of [[0, 3], [4, 8], [10, 13], [15, 19], [0, text.length]]) assert.equal(fnv1aOfCodes(codes, start, end), fnv1a(text, start, end));
  });
});
