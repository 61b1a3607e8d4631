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

const FUNCTION_WORD_HASHES: ReadonlySet<number> = new Set([...FUNCTION_WORD_SET].map(rawWordHash));

/**
 * The word's hash with its lowest bit telling content words (1) from function words (0), so matching can weigh
 * a changed "the" less than a changed "security" without looking the word up again. Never `GAP`.
 */
function taggedHash(raw: number): number {
  if (FUNCTION_WORD_HASHES.has(raw)) return raw & ~1 || 2;
  return raw | 1;
}

/** Whether a word hash (from `quoteWords`) is of a content word. */
export function isContentHash(hash: number): boolean {
  return (hash & 1) === 1;
}

/** Splits a quote into word hashes (lower case, apostrophes dropped, any other non-word character a break). */
export function quoteWords(text: string): QuoteWords {
  const out: number[] = [];
  let words = 0;
  let content = 0;
  let hash = FNV_OFFSET;
  let inWord = false;
  let dots = 0;
  const endWord = () => {
    if (!inWord) return;
    const h = taggedHash(hash);
    out.push(h);
    words++;
    content += h & 1;
    inWord = false;
    hash = FNV_OFFSET;
  };
  const gap = () => {
    if (out.length > 0 && out[out.length - 1] !== GAP) out.push(GAP);
  };
  for (let k = 0; k < text.length; k++) {
    let code = text.charCodeAt(k);
    if (code < 128 ? ASCII_WORD[code] === 1 : WORD_CHAR.test(text[k])) {
      if (code >= 65 && code <= 90) code |= 32;
      else if (code >= 128) code = text[k].toLowerCase().charCodeAt(0);
      hash = imul(hash ^ code, FNV_PRIME);
      inWord = true;
      dots = 0;
      continue;
    }
    if (isApostropheCode(code) && inWord) continue;
    endWord();
    if (code === 46) {
      if (++dots === 3) gap();
    } else {
      dots = 0;
      if (code === 0x2026) gap();
    }
  }
  endWord();
  if (out.length > 0 && out[out.length - 1] === GAP) out.pop();
  let gaps = 0;
  for (const h of out) if (h === GAP) gaps++;
  return { hashes: Int32Array.from(out), words, content, gaps };
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
