// Per-token facts the features are built from, computed once per text in one pass over each token's
// characters: hashes of the word as written and folded, its shapes and affixes, case flags, lexicon bits,
// gazetteer phrase marks, and sentence-level marks (sentence start, headline in capitals).
import * as hashing from './hashing';
import * as lexicon from './lexicon';
import type { Tokens } from './tokenizer';
import { MAX_CACHED_LENGTH, WordFacts } from './wordFacts';
const { lexiconBits, markPhrases } = lexicon;
const { HASH_START, foldCode, hashStep } = hashing;

export const F_INITIAL_UPPER = 1;
export const F_HAS_UPPER = 2;
export const F_NO_LOWER = 4;
export const F_HAS_LOWER = 8;
export const F_HAS_DIGIT = 16;
export const F_HAS_LETTER = 32;
export const F_HYPHEN = 64;
export const F_DOT = 128;
export const F_APOSTROPHE = 256;
export const F_SENTENCE_INITIAL = 512;
export const F_HEADLINE = 1024;
export const F_CANDIDATE = 2048;

/** Token facts of one text; arrays are indexed by token and reused across texts. */
export class TokenInfo {
  count = 0;
  /** The text and token ranges described (for the features only candidates need, computed on demand). */
  text = '';
  starts: Int32Array = new Int32Array(0);
  ends: Int32Array = new Int32Array(0);
  /** The text's topic: 0 none, 1 sport, 2 business, 3 politics (most topic words, at least three). */
  topic = 0;
  capacity = 0;
  folded = new Int32Array(0);
  cased = new Int32Array(0);
  shortShape = new Int32Array(0);
  prefix2 = new Int32Array(0);
  prefix3 = new Int32Array(0);
  flags = new Int32Array(0);
  lex = new Int32Array(0);
  phrase = new Int32Array(0);
  /** Case class (see caseClass) with sentence-initial and headline bits: a small number. */
  caseContext = new Int32Array(0);

  ensure(count: number): void {
    if (count <= this.capacity) return;
    const capacity = Math.max(1024, count * 2);
    this.capacity = capacity;
    this.folded = new Int32Array(capacity);
    this.cased = new Int32Array(capacity);
    this.shortShape = new Int32Array(capacity);
    this.prefix2 = new Int32Array(capacity);
    this.prefix3 = new Int32Array(capacity);
    this.flags = new Int32Array(capacity);
    this.lex = new Int32Array(capacity);
    this.phrase = new Int32Array(capacity);
    this.caseContext = new Int32Array(capacity);
  }
}

/** Shape class of a code unit: X upper, x lower, d digit, else the (folded) character itself. */
function shapeCode(c: number): number {
  if (c >= 97 && c <= 122) return 120;
  if (c >= 65 && c <= 90) return 88;
  if (c >= 48 && c <= 57) return 100;
  if (c < 128) return c;
  if (c >= 192 && c <= 222 && c !== 215) return 88;
  if (c >= 223 && c <= 255 && c !== 247) return 120;
  if (c < 0x370 || (c >= 0x2000 && c <= 0x206f)) return foldCode(c);
  const lower = String.fromCharCode(c).toLowerCase().charCodeAt(0);
  if (lower !== c) return 88;
  return String.fromCharCode(c).toUpperCase().charCodeAt(0) !== c ? 120 : foldCode(c);
}

function shapeOf(c: number): number {
  return c < 128 ? ASCII_SHAPE[c] : shapeCode(c);
}

/** Folded code, shape code and flag bits of each ASCII character, precomputed for the per-character loop. */
const ASCII_FOLD = new Uint16Array(128);
const ASCII_SHAPE = new Uint16Array(128);
const ASCII_FLAGS = new Int32Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_FOLD[c] = foldCode(c);
  const s = shapeCode(c);
  ASCII_SHAPE[c] = s;
  ASCII_FLAGS[c] = s === 88 ? F_HAS_UPPER | F_HAS_LETTER : s === 120 ? F_HAS_LOWER | F_HAS_LETTER : s === 100 ? F_HAS_DIGIT :
    c === 45 ? F_HYPHEN : c === 46 ? F_DOT : c === 39 ? F_APOSTROPHE : 0;
}

/** 0 no letters, 1 lower case, 2 capitalised, 3 all capitals, 4 one capital letter, 5 mixed ("McDonald", "iPod"). */
function caseClass(flags: number, length: number): number {
  if ((flags & F_HAS_LETTER) === 0) return 0;
  if ((flags & F_HAS_UPPER) === 0) return 1;
  if ((flags & F_NO_LOWER) !== 0) return length === 1 ? 4 : 3;
  return (flags & F_INITIAL_UPPER) !== 0 ? 2 : 5;
}

/** Describes every token of `tokens` (from `text`) into `info`. */
export function describeTokens(text: string, tokens: Tokens, info: TokenInfo): void {
  const n = tokens.count;
  info.ensure(n + 1);
  info.count = n;
  info.text = text;
  info.starts = tokens.starts;
  info.ends = tokens.ends;
  const { starts, ends } = tokens;
  const { codes } = tokens;
  const { lex } = info;
  // Topic words counted as tokens are described (lexicon bits are final then): no pass of its own.
  let sport = 0;
  let business = 0;
  let politics = 0;
  for (let i = 0; i < n; i++) {
    const start = starts[i];
    const end = ends[i];
    if (end - start > MAX_CACHED_LENGTH) {
      describeToken(codes, start, end, i, info);
    } else {
      const slot = wordFacts.slotOf(codes, start, end);
      if (!wordFacts.read(slot, codes, start, end, info, i)) {
        describeToken(codes, start, end, i, info);
        wordFacts.write(slot, codes, start, end, info, i);
      }
    }
    const bits = lex[i];
    if ((bits & SPORT) !== 0) sport++;
    if ((bits & BUSINESS) !== 0) business++;
    if ((bits & POLITICS) !== 0) politics++;
  }
  for (let s = 0; s < tokens.sentenceCount; s++) describeSentence(text, tokens, s, info);
  markPhrases(info.folded, lex, 0, n, info.phrase);
  info.topic = topicOf(sport, business, politics);
}

const wordFacts = new WordFacts();
const SPORT = 1 << lexicon.LEX_SPORT;
const BUSINESS = 1 << lexicon.LEX_BUSINESS;
const POLITICS = 1 << lexicon.LEX_POLITICS;

/** The topic of a text from its counts of sport, business and politics words. */
function topicOf(sport: number, business: number, politics: number): number {
  const best = Math.max(sport, business, politics);
  if (best < 2) return 0;
  return best === sport ? 1 : best === business ? 2 : 3;
}

/** Describes token i, codes[start, end), into `info`. */
function describeToken(codes: Uint16Array, start: number, end: number, i: number, info: TokenInfo): void {
  let folded = HASH_START;
  let cased = HASH_START;
  let shortShape = HASH_START;
  let prefix2 = HASH_START;
  let prefix3 = HASH_START;
  let flags = 0;
  let lastShape = -1;
  let foldedBefore = folded;
  let casedBefore = cased;
  let changed = false;
  for (let k = start; k < end; k++) {
    const c = codes[k];
    let f: number;
    let s: number;
    if (c < 128) {
      f = ASCII_FOLD[c];
      s = ASCII_SHAPE[c];
      flags |= ASCII_FLAGS[c];
    } else {
      f = foldCode(c);
      s = shapeCode(c);
      flags |= s === 88 ? F_HAS_UPPER | F_HAS_LETTER : s === 120 ? F_HAS_LOWER | F_HAS_LETTER : f === 39 ? F_APOSTROPHE : 0;
    }
    foldedBefore = folded;
    folded = hashStep(folded, f);
    if (k - start === 1) prefix2 = folded;
    else if (k - start === 2) prefix3 = folded;
    if (s === 88 || (f !== c && c >= 128)) changed = true;
    if (s !== lastShape) {
      shortShape = hashStep(shortShape, s);
      lastShape = s;
    }
  }
  if ((flags & F_HAS_UPPER) !== 0 && shapeOf(codes[start]) === 88) flags |= F_INITIAL_UPPER;
  if ((flags & F_HAS_LOWER) === 0) flags |= F_NO_LOWER;
  // The cased hash equals the folded one unless folding changed a character: only capitals, ’ and ‘ change.
  if (changed) {
    for (let k = start; k < end; k++) {
      const c = codes[k];
      casedBefore = cased;
      cased = hashStep(cased, c >= 48 && c <= 57 ? 48 : c);
    }
  } else {
    cased = folded;
    casedBefore = foldedBefore;
  }
  const length = end - start;
  info.folded[i] = folded;
  info.cased[i] = cased;
  info.shortShape[i] = shortShape;
  info.prefix2[i] = length < 2 ? folded : prefix2;
  info.prefix3[i] = length < 3 ? folded : prefix3;
  info.flags[i] = flags;
  // An abbreviation's lexicon entry has no dot ("Mr." is "mr", "Corp." is "corp").
  const dotted = length > 2 && codes[end - 1] === 46;
  const capitals = (flags & F_HAS_UPPER) !== 0;
  info.lex[i] = (flags & F_HAS_LETTER) === 0 ? 0 : lexiconBits(folded, cased, capitals) | (dotted ? lexiconBits(foldedBefore, casedBefore, capitals) : 0);
}

/** Hash of a token's shape with runs of a class cut at four ("Xxxx", "dddd-dd-dd", "X.X."). */
export function longShape(text: string, start: number, end: number): number {
  let shape = HASH_START;
  let run = 0;
  let lastShape = -1;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    const s = c < 128 ? ASCII_SHAPE[c] : shapeCode(c);
    run = s === lastShape ? run + 1 : 1;
    lastShape = s;
    if (run <= 4) shape = hashStep(shape, s);
  }
  return shape;
}

/** Hash of a token's last `length` characters, folded. */
export function suffixHash(text: string, start: number, end: number, length: number): number {
  let hash = HASH_START;
  for (let k = Math.max(start, end - length); k < end; k++) hash = hashStep(hash, foldCode(text.charCodeAt(k)));
  return hash;
}

function describeSentence(text: string, tokens: Tokens, s: number, info: TokenInfo): void {
  const from = tokens.sentenceStarts[s];
  const to = tokens.sentenceStarts[s + 1];
  const { flags } = info;
  let letters = 0;
  let lower = false;
  for (let i = from; i < to; i++) {
    if ((flags[i] & F_HAS_LOWER) !== 0) lower = true;
    if ((flags[i] & F_HAS_UPPER) !== 0) letters++;
  }
  const sentenceFlags = !lower && letters >= 1 ? F_HEADLINE : 0;
  let initial = from;
  while (initial < to - 1 && (flags[initial] & (F_HAS_LETTER | F_HAS_DIGIT)) === 0) initial++;
  for (let i = from; i < to; i++) {
    let f = flags[i] | sentenceFlags;
    if (i === initial) f |= F_SENTENCE_INITIAL;
    if ((f & F_HAS_UPPER) !== 0 || (i > from && i + 1 < to && (flags[i - 1] & F_HAS_UPPER) !== 0 &&
      ((flags[i + 1] & F_HAS_UPPER) !== 0 || (i + 2 < to && (flags[i + 2] & F_HAS_UPPER) !== 0)))) f |= F_CANDIDATE;
    flags[i] = f;
    const length = tokens.ends[i] - tokens.starts[i];
    info.caseContext[i] = caseClass(f, length) * 4 + (i === initial ? 2 : 0) + (sentenceFlags & F_HEADLINE ? 1 : 0);
  }
}
