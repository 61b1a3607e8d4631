// A quote's words as trail matching compares them: case, quote marks, apostrophes, dashes and punctuation do
// not count, an ellipsis inside the quote is a gap marker, and each word is a 32-bit hash (no strings are cut).
import { FUNCTION_WORD_SET } from '../language/common';
import { asciiClassTable, WORD_CHAR } from '../util/chars';

/** The hash that marks an ellipsis ("...", "…") inside a quote; no word hashes to it. */
export const GAP = 0;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const { imul } = Math;

export interface QuoteWords {
  /** Word hashes in order, `GAP` where an ellipsis leaves words out. */
  hashes: Int32Array;
  /** Words (gaps not counted). */
  words: number;
  /** Words that are not function words ("the", "we", "will", "not"). */
  content: number;
  /** Ellipses inside the quote (a leading or trailing one only marks a cut and is not kept). */
  gaps: number;
}

/** ASCII letters and digits: the characters of words. */
const ASCII_WORD = asciiClassTable([[1, /[A-Za-z0-9]/]]);
/** Apostrophes inside a word are dropped, so "don't", "don’t" and "dont" are one word. */
const isApostropheCode = (code: number): boolean => code === 39 || code === 0x2019 || code === 0x2018 || code === 0x2bc;

function rawWordHash(word: string): number {
  let hash = FNV_OFFSET;
  for (let k = 0; k < word.length; k++) {
    const code = word.charCodeAt(k);
    if (!isApostropheCode(code)) hash = imul(hash ^ code, FNV_PRIME);
  }
  return hash;
}

/** Function-word hashes in an open-addressing table (a Set lookup per word of every quote is the slow part). */
const FUNCTION_TABLE_BITS = 11;
const FUNCTION_TABLE = new Int32Array(1 << FUNCTION_TABLE_BITS);
const FUNCTION_TABLE_MASK = FUNCTION_TABLE.length - 1;
for (const word of FUNCTION_WORD_SET) {
  const raw = rawWordHash(word);
  let slot = raw & FUNCTION_TABLE_MASK;
  while (FUNCTION_TABLE[slot] !== 0 && FUNCTION_TABLE[slot] !== raw) slot = (slot + 1) & FUNCTION_TABLE_MASK;
  FUNCTION_TABLE[slot] = raw;
}

function isFunctionWord(raw: number): boolean {
  for (let slot = raw & FUNCTION_TABLE_MASK; ; slot = (slot + 1) & FUNCTION_TABLE_MASK) {
    const entry = FUNCTION_TABLE[slot];
    if (entry === raw) return raw !== 0;
    if (entry === 0) return false;
  }
}

/**
 * The word's hash with its lowest bit telling content words (1) from function words (0), so matching can weigh
 * a changed "the" less than a changed "security" without looking the word up again. Never `GAP`.
 */
function taggedHash(raw: number): number {
  return isFunctionWord(raw) ? raw & ~1 || 2 : raw | 1;
}

let scratch = new Int32Array(256);

/** Splits a quote into word hashes (lower case, apostrophes dropped, any other non-word character a break). */
export function quoteWords(text: string): QuoteWords {
  if (scratch.length < text.length + 1) scratch = new Int32Array(text.length + 1);
  const out = scratch;
  let length = 0;
  let words = 0;
  let content = 0;
  let gaps = 0;
  let hash = FNV_OFFSET;
  let inWord = false;
  let dots = 0;
  for (let k = 0; k <= text.length; k++) {
    let code = k < text.length ? text.charCodeAt(k) : 32;
    if (code < 128 ? ASCII_WORD[code] === 1 : WORD_CHAR.test(text[k])) {
      if (code >= 65 && code <= 90) code |= 32;
      else if (code >= 128) code = text[k].toLowerCase().charCodeAt(0);
      hash = imul(hash ^ code, FNV_PRIME);
      inWord = true;
      dots = 0;
      continue;
    }
    if (inWord) {
      if (isApostropheCode(code)) continue;
      const tagged = taggedHash(hash);
      out[length++] = tagged;
      words++;
      content += tagged & 1;
      inWord = false;
      hash = FNV_OFFSET;
    }
    // An ellipsis: "..." or "…", kept once between two words.
    const ellipsis = code === 46 ? ++dots === 3 : ((dots = 0), code === 0x2026);
    if (ellipsis && length > 0 && out[length - 1] !== GAP) {
      out[length++] = GAP;
      gaps++;
    }
  }
  if (length > 0 && out[length - 1] === GAP) {
    length--;
    gaps--;
  }
  return { hashes: out.slice(0, length), words, content, gaps };
}

/** A key for the exact word sequence (quotes with the same words share it): two 32-bit hashes in one number. */
export function wordsKey(words: QuoteWords): number {
  const { hashes } = words;
  let a = FNV_OFFSET;
  let b = 0x2545f491;
  for (let i = 0; i < hashes.length; i++) {
    a = imul(a ^ hashes[i], FNV_PRIME);
    b = imul(b ^ hashes[i], 0x5bd1e995) ^ (b >>> 13);
  }
  // 21 bits of the second hash above 32 of the first: an exact integer, below 2^53.
  return (b >>> 11) * 0x100000000 + (a >>> 0);
}
