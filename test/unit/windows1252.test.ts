import * as assert from 'assert';
import { fromWindows1252, sameInWindows1252, toWindows1252 } from '../../src/core/util/windows1252';

// The one-byte form of article text: Latin-1 as itself, Windows-1252's curly quotes, dashes and the like as
// bytes 0x80-0x9F. It must read back to the same text, and refuse what it cannot hold.

const WINDOWS_1252_BEYOND_LATIN1 = '\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178';
const HELD = `ab cd.\n\t\u00a0\u00e9\u00ff\u00a3${WINDOWS_1252_BEYOND_LATIN1}`;
const REFUSED = ['\u0080', '\u0081', '\u009f', '\u6771', '\u0101', '\ud800', '\udc00', '\ud83d\ude00'];

/** A small deterministic generator (tests must not depend on Math.random). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function textOf(next: () => number, length: number, alphabet: string): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
  return text;
}

describe('Windows-1252 one-byte text', () => {
  it('reads back every text it holds, one byte per character, and its slices too', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const text = textOf(next, 1 + Math.floor(next() * 60), HELD);
      const stored = toWindows1252(text);
      assert.ok(stored !== null, JSON.stringify(text));
      assert.strictEqual(stored.length, text.length);
      assert.ok(/^[\0-\xff]*$/.test(stored), 'one byte per character');
      assert.strictEqual(fromWindows1252(stored), text);
      const from = Math.floor(next() * text.length);
      const to = from + Math.floor(next() * (text.length - from + 1));
      const part = stored.slice(from, to);
      assert.strictEqual(fromWindows1252(part), text.slice(from, to));
      assert.strictEqual(sameInWindows1252(part), part === text.slice(from, to));
    }
  });

  it('gives Latin-1 text back as it is', () => {
    const text = 'caf\u00e9 "plain" text \u00a3';
    assert.strictEqual(toWindows1252(text), text);
    assert.ok(sameInWindows1252(text));
  });

  it('refuses C1 controls and characters Windows-1252 lacks, anywhere in the text', () => {
    const next = random(11);
    for (const refused of REFUSED) {
      for (let round = 0; round < 20; round++) {
        const text = textOf(next, 10, HELD);
        const at = Math.floor(next() * (text.length + 1));
        assert.strictEqual(toWindows1252(text.slice(0, at) + refused + text.slice(at)), null, `U+${refused.charCodeAt(0).toString(16)}`);
      }
    }
  });
});
