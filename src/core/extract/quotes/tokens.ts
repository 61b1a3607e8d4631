// The tokenizer: words and clause punctuation as offsets into the article, in one pass over the text.
import type { Span } from '../../types';
import * as chars from '../../util/chars';
import { KeptArray } from './scratch';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { WORD_CHAR } = chars;

/**
 * A word or clause punctuation mark, as offsets into the article; its strings are made only when read
 * (quoted tokens never are, and a string per token was the tokenizer's main cost).
 */
export class Token {
  private wordCache: string | undefined = undefined;
  private lowerCache: string | undefined = undefined;

  constructor(
    private readonly text: string,
    readonly start: number,
    readonly end: number,
    /** No capital and no non-ASCII letter: the word is its own lower case. */
    private readonly plain: boolean,
    /** No character beyond ASCII. */
    readonly isAscii: boolean,
  ) {}

  get word(): string {
    let word = this.wordCache;
    if (word === undefined) {
      word = this.text.slice(this.start, this.end);
      this.wordCache = word;
    }
    return word;
  }

  get lower(): string {
    let lower = this.lowerCache;
    if (lower === undefined) {
      lower = this.plain ? this.word : this.word.toLowerCase();
      this.lowerCache = lower;
    }
    return lower;
  }
}

/** ASCII character classes for the tokenizer: letter or digit (WORD, plus CAPITAL), or a joiner inside a word. */
const WORD = 1;
const CAPITAL = 2;
const JOINER = 4;
const ASCII_TOKEN_CLASS = chars.asciiClassTable([
  [WORD, /[A-Za-z0-9]/],
  [CAPITAL, /[A-Z]/],
  [JOINER, /['.-]/],
]);

/**
 * The tokenizer's output buffers (start, end and flags of each token), reused by every article: extraction
 * is synchronous and each extractor reads them only while it runs (they are overwritten by the next article).
 */
const keptStarts = new KeptArray((length) => new Int32Array(length));
const keptEnds = new KeptArray((length) => new Int32Array(length));
const keptFlags = new KeptArray((length) => new Int32Array(length));
/** Clause punctuation: its own lower case (a word's is found when its Token is made). */
export const PLAIN_FLAG = 1;
export const ASCII_FLAG = 2;

/** Whether the character at i (its code `code`) ends any token running into it: what the tokenizer's word loop stops at. */
function breaksToken(text: string, i: number, code: number): boolean {
  return code < 128 ? ASCII_TOKEN_CLASS[code] === 0 : code !== 0x2019 && !WORD_CHAR.test(text[i]);
}

/**
 * Words (with inner apostrophes, hyphens, full stops) and clause punctuation, in one pass, written to the
 * kept buffers; returns how many tokens there are. Token objects are made later, only for the tokens
 * read (quoted ones never are). Tokens starting inside a span of `skip` (sorted, not overlapping) are
 * never read, so the scan jumps over the span: it resumes after the span's last character that ends any
 * token, where a scan of the whole text would be between tokens too, so every other token comes out the same
 * (the tokens from there to the span's end are left out).
 */
function tokenize(text: string, skip: readonly Readonly<Span>[]): number {
  const n = text.length;
  // A token has at least one character: one slot per character is enough.
  const starts = keptStarts.atLeast(n);
  const ends = keptEnds.atLeast(n);
  const flags = keptFlags.atLeast(n);
  let count = 0;
  let i = 0;
  let nextSkip = 0;
  let skipStart = skip.length > 0 ? skip[0].start : n;
  /** Tokens starting before this offset lie inside the skipped span the scan resumed in, and are left out. */
  let skippedUntil = 0;
  while (i < n) {
    if (i >= skipStart) {
      while (nextSkip < skip.length && skip[nextSkip].end <= i) nextSkip++;
      if (nextSkip < skip.length && skip[nextSkip].start <= i) {
        skippedUntil = skip[nextSkip].end;
        let resume = skippedUntil;
        while (resume > i && !breaksToken(text, resume - 1, text.charCodeAt(resume - 1))) resume--;
        i = resume;
        nextSkip++;
      }
      skipStart = nextSkip < skip.length ? skip[nextSkip].start : n;
      continue;
    }
    const code = text.charCodeAt(i);
    if (code < 128 ? (ASCII_TOKEN_CLASS[code] & WORD) !== 0 : WORD_CHAR.test(text[i])) {
      let j = i + 1;
      // Whether a word has a capital is left to tokenOf: most tokens are never read.
      let ascii = code < 128;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (breaksToken(text, j, d)) break;
        if (d >= 128) ascii = false;
        j++;
      }
      if (i >= skippedUntil) {
        let end = j;
        if (end - i > 1 && text.charCodeAt(end - 1) === 46) end--;
        starts[count] = i;
        ends[count] = end;
        flags[count] = ascii ? ASCII_FLAG : 0;
        count++;
      }
      i = j;
      continue;
    }
    if ((code === 44 || code === 59 || code === 58 || code === 40 || code === 41 || code === 0x2014 || code === 0x2013) && i >= skippedUntil) {
      starts[count] = i;
      ends[count] = i + 1;
      flags[count] = PLAIN_FLAG | (code < 128 ? ASCII_FLAG : 0);
      count++;
    }
    i++;
  }
  // Only a number is returned: an object literal here made V8 deoptimise the loop over and over.
  return count;
}

/** The tokens of a text, in order: start, end and tokenizer flags of the first `count` tokens. */
export interface TokenList {
  readonly starts: ArrayLike<number>;
  readonly ends: ArrayLike<number>;
  readonly flags: ArrayLike<number>;
  readonly count: number;
}

/**
 * Tokenizes the text into the shared buffers: the result is valid until the next call (the next
 * article), so it must not be kept beyond the article's extraction. Tokens that start inside a span of
 * `skip` (sorted by start, not overlapping) are left out (when the spans are not sorted, perhaps not all).
 */
export function tokenizeText(text: string, skip: readonly Readonly<Span>[] = []): TokenList {
  const count = tokenize(text, skip);
  return { starts: keptStarts.atLeast(0), ends: keptEnds.atLeast(0), flags: keptFlags.atLeast(0), count };
}

/** The token text[start, end) with the tokenizer's flags. */
export function tokenOf(text: string, start: number, end: number, flags: number): Token {
  const ascii = (flags & ASCII_FLAG) !== 0;
  // Lower-casing is skipped for words with no capital or non-ASCII letter (most words).
  return new Token(text, start, end, (flags & PLAIN_FLAG) !== 0 || (ascii && !hasAsciiCapital(text, start, end)), ascii);
}

function hasAsciiCapital(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 128 && (ASCII_TOKEN_CLASS[code] & CAPITAL) !== 0) return true;
  }
  return false;
}

/** The token cut short at `end` (its flags describe the whole word, so its lower case is computed). */
export function cutToken(text: string, t: Token, end: number): Token {
  return new Token(text, t.start, end, false, t.isAscii);
}
