// Tokenizer for the entity tagger: words, numbers and punctuation of raw article text as offsets into it,
// cut the way CoNLL-2003 (Reuters) cuts them, so a model trained there sees the same tokens in articles.
// Fed CoNLL text (tokens joined with spaces, sentences with newlines) it gives back exactly the CoNLL
// tokens and sentences. No strings are cut: a token is a [start, end) range of the text.
import { CodeUnits } from '../../util/codeUnits';
import * as wordSets from '../../util/wordSets';
import * as chars from '../../util/chars';

const { AsciiWordSet } = wordSets;
const { isAsciiDigitCode } = chars;

/** Token ranges and sentence boundaries of one text. Buffers are reused by the next `tokenize` call. */
export interface Tokens {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** Token index of each sentence's first token; `sentenceStarts[sentenceCount]` is `count`. */
  sentenceStarts: Int32Array;
  sentenceCount: number;
  /** The text's UTF-16 code units (from 0 to its length): a typed array reads faster than charCodeAt. */
  codes: Uint16Array;
}

/** Words whose final dot is part of the word ("Corp.", "Calif.", "Mr."), lower-cased, without the dot. */
const ABBREVIATIONS = new AsciiWordSet((
  'mr mrs ms messrs dr st ste mt ft jr sr prof rev revd fr lt gen col maj capt cmdr cdr adm sgt cpl pte ' +
  'sen rep gov pres supt insp det hon ' +
  'inc corp ltd co cos bros plc assn dept govt univ intl natl ' +
  'vol vols pp vs v etc al approx est fig ca cf eds ' +
  'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
  'ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev ' +
  'okla ore pa tenn tex va vt wash wis wisc wyo'
).split(' '));

/** Clitics CoNLL writes as tokens of their own ("Germany 's", "do n't"). */
const CLITICS = ["'s", "'m", "'re", "'ve", "'ll", "'d"];

const MAX_CHUNK_SPLITS = 16;

/** A run-on "sentence" (a list, a table, text without stops) is cut here: decoding cost and buffers stay bounded. */
const MAX_SENTENCE_TOKENS = 200;

/** Character classes for the scanning loop, precomputed for ASCII. */
const OTHER = 0;
const SPACE = 1;
const WORD = 2;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_CLASS[c] = classOf(c);

function classOf(c: number): number {
  return isSpaceCode(c) ? SPACE : isWordCode(c) ? WORD : OTHER;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0xfeff;
}

function isOpener(c: number): boolean {
  // ( [ { " ' “ ‘ « ¿ ¡
  return c === 40 || c === 91 || c === 123 || c === 34 || c === 39 || c === 0x201c || c === 0x2018 || c === 0xab || c === 0xbf || c === 0xa1 || c === 0x2039 || c === 0x201e;
}

function isCloser(c: number): boolean {
  // ) ] } " ' ” ’ » , ; : ! ?
  return c === 41 || c === 93 || c === 125 || c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x203a ||
    c === 44 || c === 59 || c === 58 || c === 33 || c === 63;
}

/** ASCII letters and digits, and letters of Latin-1 and beyond (but not the punctuation blocks). */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 192 && c < 0x2000 && c !== 215 && c !== 247);
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

function isUpperStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 192 && c <= 222 && c !== 215);
}

class Buffers implements Tokens {
  count = 0;
  starts: Int32Array = new Int32Array(1024);
  ends: Int32Array = new Int32Array(1024);
  sentenceStarts: Int32Array = new Int32Array(256);
  sentenceCount = 0;
  codes: Uint16Array = new Uint16Array(0);
  private readonly codeUnits = new CodeUnits();

  /** Sets `codes` to the code units of `text`. */
  readCodes(text: string): Uint16Array {
    this.codes = this.codeUnits.of(text);
    return this.codes;
  }

  push(start: number, end: number): void {
    if (this.count === this.starts.length) {
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }

  currentSentenceStart(): number {
    return this.sentenceCount === 0 ? 0 : this.sentenceStarts[this.sentenceCount - 1];
  }

  /** Starts a sentence at the next token (no-op when the current sentence is still empty). */
  startSentence(): void {
    if (this.sentenceCount > 0 && this.sentenceStarts[this.sentenceCount - 1] === this.count) return;
    if (this.sentenceCount + 1 >= this.sentenceStarts.length) this.sentenceStarts = grow(this.sentenceStarts);
    this.sentenceStarts[this.sentenceCount++] = this.count;
  }
}

function grow(array: Int32Array): Int32Array {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

const buffers = new Buffers();
/** Ends of the pieces split off a chunk's end, innermost first (emitted in reverse). */
const trailing = new Int32Array(MAX_CHUNK_SPLITS);

/**
 * Tokens of `text`. A line break ends a sentence, and so does a ".", "!" or "?" token (maybe followed by
 * closing marks) before a word that starts with a capital, a digit or an opening mark. The result's buffers
 * are shared: read them before the next call.
 */
export function tokenize(text: string): Tokens {
  const out = buffers;
  out.count = 0;
  out.sentenceCount = 0;
  const length = text.length;
  const code = out.readCodes(text);
  let pos = 0;
  let newLine = true;
  let afterStop = false;
  while (pos < length) {
    const c = code[pos];
    const first = c < 128 ? ASCII_CLASS[c] : classOf(c);
    if (first === SPACE) {
      if (c === 10 || c === 13) newLine = true;
      pos++;
      continue;
    }
    // Most chunks are plain words or numbers: one token, no splitting to consider.
    let plain = first === WORD;
    let end = pos + 1;
    for (; end < length; end++) {
      const d = code[end];
      if (d >= 97 && d <= 122) continue; // most characters are lower-case letters
      const kind = d < 128 ? ASCII_CLASS[d] : classOf(d);
      if (kind === WORD) continue;
      if (kind === SPACE) break;
      plain = false;
    }
    if (newLine || (afterStop && (isUpperStart(c) || isAsciiDigitCode(c) || isOpener(c))) || out.count - out.currentSentenceStart() >= MAX_SENTENCE_TOKENS) {
      out.startSentence();
    }
    if (plain) {
      out.push(pos, end);
      afterStop = false;
    } else {
      splitChunk(code, text, pos, end, newLine, out);
      afterStop = endsSentence(code, out);
    }
    newLine = false;
    pos = end;
  }
  if (out.sentenceCount > 0 && out.sentenceStarts[out.sentenceCount - 1] === out.count) out.sentenceCount--;
  if (out.sentenceCount + 1 >= out.sentenceStarts.length) out.sentenceStarts = grow(out.sentenceStarts);
  out.sentenceStarts[out.sentenceCount] = out.count;
  return out;
}

/** Whether the last tokens are a sentence's final ".", "!" or "?", maybe followed by closing marks. */
function endsSentence(code: Uint16Array, out: Buffers): boolean {
  for (let t = out.count - 1; t >= 0 && t >= out.count - 3; t--) {
    if (out.ends[t] - out.starts[t] !== 1) return false;
    const c = code[out.starts[t]];
    if (c === 46 || c === 33 || c === 63) return true;
    if (c !== 34 && c !== 39 && c !== 41 && c !== 0x201d && c !== 0x2019) return false;
  }
  return false;
}

/** Splits the whitespace-free chunk text[start, end) (`code` holds its code units) into tokens. */
function splitChunk(code: Uint16Array, text: string, start: number, end: number, lineStart: boolean, out: Buffers): void {
  let a = start;
  let b = end;
  // Opening marks, one token each ("(Reuters" -> "(" "Reuters"), but not the apostrophe of a clitic.
  while (b - a > 1 && isOpener(code[a]) && !(isApostrophe(code[a]) && isClitic(code, a, b))) {
    out.push(a, a + 1);
    a++;
  }
  let splits = 0;
  let hasOpenBracket = false;
  for (let k = start; k < end && !hasOpenBracket; k++) hasOpenBracket = code[k] === 40;
  while (b - a > 1 && splits < MAX_CHUNK_SPLITS) {
    const c = code[b - 1];
    if (c === 46) {
      const dots = trailingDots(code, a, b);
      if (dots === b - a) break; // "...", ".."
      if (dots >= 2) {
        if (b - dots - a === 1) break; // "f..."
        trailing[splits++] = b;
        b -= dots;
        continue;
      }
      if (keepsDot(code, text, a, b - 1, lineStart && a === start)) break;
      trailing[splits++] = b;
      b--;
      continue;
    }
    if (!isCloser(c)) break;
    if (c === 41 && !hasOpenBracket && isAsciiDigitCode(code[b - 2])) break; // "53.04)." in price tables
    if (isApostrophe(c) && isApostrophe(code[b - 2])) break;
    trailing[splits++] = b;
    b--;
  }
  // Clitics and "n't" ("Clinton's" -> "Clinton" "'s", "don't" -> "do" "n't").
  const clitic = cliticStart(code, a, b);
  if (clitic > a) {
    pushDashSplit(code, a, clitic, out);
    out.push(clitic, b);
  } else {
    pushDashSplit(code, a, b, out);
  }
  let from = b;
  for (let k = splits - 1; k >= 0; k--) {
    out.push(from, trailing[k]);
    from = trailing[k];
  }
}

function trailingDots(code: Uint16Array, a: number, b: number): number {
  let n = 0;
  while (b - n > a && code[b - n - 1] === 46) n++;
  return n;
}

/** Whether the dot after text[a, b) belongs to the word: abbreviations, initials, list numbers. */
function keepsDot(code: Uint16Array, text: string, a: number, b: number, firstOnLine: boolean): boolean {
  if (b - a === 1 && !isAsciiDigitCode(code[a])) return true; // an initial, "J."
  let digits = true;
  for (let k = a; k < b; k++) {
    const c = code[k];
    if (c === 46) return true; // "U.S.", "a.m."
    if (!isAsciiDigitCode(c)) digits = false;
  }
  if (digits) return firstOnLine; // "1." numbering a list or a results table
  if (b - a > 5) return false;
  for (let k = a; k < b; k++) if (code[k] >= 128) return false;
  return ABBREVIATIONS.has(text, a, b);
}

function isClitic(code: Uint16Array, a: number, b: number): boolean {
  for (const clitic of CLITICS) {
    if (b - a !== clitic.length) continue;
    let k = 1;
    while (k < clitic.length && (code[a + k] | 32) === clitic.charCodeAt(k)) k++;
    if (k === clitic.length) return true;
  }
  return false;
}

/** Start of a clitic ending text[a, b) that follows at least one letter, or -1. */
function cliticStart(code: Uint16Array, a: number, b: number): number {
  const n = b - a;
  if (n >= 4 && (code[b - 1] | 32) === 116 && isApostrophe(code[b - 2]) && (code[b - 3] | 32) === 110) return b - 3;
  for (let len = 2; len <= 3; len++) {
    if (n <= len) break;
    const at = b - len;
    if (isApostrophe(code[at]) && isClitic(code, at, b) && isLetterBefore(code, at)) return at;
  }
  return -1;
}

function isLetterBefore(code: Uint16Array, at: number): boolean {
  const c = code[at - 1] | 32;
  return (c >= 97 && c <= 122) || c >= 192;
}

/** Pushes text[a, b), cut at em and en dashes ("war—and" -> "war" "—" "and"). */
function pushDashSplit(code: Uint16Array, a: number, b: number, out: Buffers): void {
  let from = a;
  for (let k = a; k < b; k++) {
    const c = code[k];
    if (c !== 0x2014 && c !== 0x2013) continue;
    if (k > from) out.push(from, k);
    out.push(k, k + 1);
    from = k + 1;
  }
  if (b > from) out.push(from, b);
}
