// Scanning for names: runs of capitalised words (with the particles between them) and the tokens of a run.
// Both are written by hand for ASCII, where the unicode regexes they stand for are slow, and hand over to
// those regexes at any character they cannot classify exactly.
import * as nameParticles from '../../language/nameParticles';
import * as lexicon from '../../language';
import * as chars from '../../util/chars';
import { CodeUnits } from '../../util/codeUnits';
import * as wordSets from '../../util/wordSets';
import * as words from './words';
import type { NameToken } from './words';

// Bound once: module re-exports are getters, too slow for the inner loop.
const { CITY_WORDS, COUNTRY_WORDS, isFirstName } = lexicon;
const { GLUE_PREFIXES, NAME_PREFIXES, PARTICLES } = nameParticles;
const { asciiClassTable, isAsciiLetterCode, isAsciiUpperCode } = chars;
const { WordFilter } = wordSets;
const { HONORIFIC_FIRST_WORDS, WORDS, WORD_INNER_CAPITAL, WORD_LOWER, wordFacts, writeToken } = words;

/** Where a run of capitalised words starts and ends; nextRun fills it in. */
export interface RunBounds {
  start: number;
  end: number;
}

// A capitalised name word: optional Arabic/French/Irish particle prefix ("al-Assad", "d'Estaing", "O'Brien"
// is covered by the apostrophe inside), then letters, apostrophes and inner hyphens.
const NAME_WORD = String.raw`(?:(?:${[...NAME_PREFIXES].join('|')})[-'\u2019])?\p{Lu}[\p{L}\p{M}'\u2019]*(?:-\p{L}[\p{L}\p{M}'\u2019]*)*`;
const PARTICLE_ALT = [...PARTICLES].join('|');
/** Rules out most lower-case words after a name ("said", "government") without cutting them out. */
const PARTICLE_FILTER = new WordFilter(PARTICLES);
const GAP = String.raw`[ \u00a0]+`;
// A run of capitalised words joined by single spaces (and lower-case particles); a dot may follow a word
// ("Mr. Smith", "J. Smith"); runs are split at dots that end sentences later. Matched with flags `gu`.
export const RUN_SOURCE = String.raw`(?<![\p{L}\p{M}\d'\u2019-]|\p{L}\.)${NAME_WORD}(?:\.?${GAP}(?:(?:${PARTICLE_ALT})${GAP})*${NAME_WORD})*`;
// The run, anchored: tried only where a run can start (see nextRun). A unicode regex with a
// lookbehind is slow to slide over every character of an article.
const RUN_AT = new RegExp(RUN_SOURCE, 'uy');
/** A name word or a lower-case word (a particle): the tokens of a run (flags `gu`). */
export const NAME_TOKEN_SOURCE = String.raw`${NAME_WORD}|\p{Ll}+`;
const TOKEN = new RegExp(NAME_TOKEN_SOURCE, 'gu');

/**
 * The first run (RUN_SOURCE) at or after `from`, as a global regex's `exec` would find it: written to `out`,
 * true; false when there is none. A run starts with an upper-case letter (ASCII, or beyond U+00BF) or with a
 * particle prefix ("al-", "d'", "bin-"): a lower-case a/e/b/i/o/d/l at a word start with a hyphen or
 * apostrophe within its first five characters.
 */
export function nextRun(text: string, from: number, out: RunBounds): boolean {
  const n = text.length;
  const codes = runCodes.of(text);
  handRun.text = null;
  // The run's lookbehind: no run starts right after a letter, digit, apostrophe or hyphen. Only ASCII is
  // ruled out here; RUN_AT checks the rest. So a run is tried at the first character of an ASCII word and
  // at a character beyond U+00BF after anything but an ASCII word character; the rest of a word, and the
  // character after it, are skipped in a tight loop.
  let i = from > 0 && isWordCode(codes[from - 1]) ? wordEnd(codes, from, n) + 1 : from;
  while (i < n) {
    const code = codes[i];
    if (code < 128) {
      const cls = ASCII_CLASS[code];
      if ((cls & WORD_CODE) === 0) {
        i++;
        continue;
      }
      // The lower-case letters after the word's first: read once for the particle prefix test and the skip.
      let e = i + 1;
      while (e < n && codes[e] >= 97 && codes[e] <= 122) e++;
      if (((cls & UPPER_CODE) !== 0 || ((cls & PREFIX_CODE) !== 0 && e <= i + 4 && e < n && isPrefixSeparator(codes[e]))) && runAt(text, codes, i, out)) return true;
      i = wordEnd(codes, e, n) + 1;
      continue;
    }
    if (code >= 0xc0 && runAt(text, codes, i, out)) return true;
    i++;
  }
  return false;
}

function isWordCode(code: number): boolean {
  return code < 128 && (ASCII_CLASS[code] & WORD_CODE) !== 0;
}

/** The end of the ASCII word characters from `i`. */
function wordEnd(codes: Uint16Array, i: number, n: number): number {
  while (i < n && isWordCode(codes[i])) i++;
  return i;
}

/** The run at `i`, where one may start, into `out` (true), or false when none matches there. */
function runAt(text: string, codes: Uint16Array, i: number, out: RunBounds): boolean {
  if (afterAbbreviationDot(text, i)) return false;
  // The run by hand when its characters are ASCII (most are); RUN_AT where it meets anything else.
  const before = i > 0 ? text.charCodeAt(i - 1) : 32;
  let end = before === 0x2019 ? -1 : before >= 128 && !isPlainStop(before) ? NOT_PLAIN : plainRunEnd(text, codes, i);
  let byHand = true;
  if (end === NOT_PLAIN) {
    RUN_AT.lastIndex = i;
    const match = RUN_AT.exec(text);
    end = match ? i + match[0].length : -1;
    byHand = false;
  }
  if (end < 0) return false;
  out.start = i;
  out.end = end;
  handRun.text = byHand ? text : null;
  handRun.start = i;
  handRun.end = end;
  return true;
}

/**
 * The words of the run nextRun found last when it read the run by hand (text null otherwise): their start
 * and end offsets in `bounds`, `words` pairs, as plainRunEnd met them. They are the run's tokens, found
 * again without reading the run a second time (runWords).
 */
const handRun = { text: null as string | null, start: 0, end: 0, words: 0, bounds: new Int32Array(64) };

/** Records a word of the run plainRunEnd is reading: the `index`th. */
function recordWord(index: number, start: number, end: number): void {
  let bounds = handRun.bounds;
  if (2 * index + 2 > bounds.length) {
    bounds = new Int32Array(bounds.length * 2);
    bounds.set(handRun.bounds);
    handRun.bounds = bounds;
  }
  bounds[2 * index] = start;
  bounds[2 * index + 1] = end;
}

/**
 * How many words text[from, to) has when it is the run nextRun found last and read by hand (the bounds of
 * several in runWordBounds; one is the whole run), else -1: the tokenizer then reads the run.
 */
export function runWords(text: string, from: number, to: number): number {
  return handRun.text !== null && from === handRun.start && to === handRun.end && text === handRun.text ? handRun.words : -1;
}

/** The bounds of the words runWords counted, when more than one: start and end of the k-th word at 2k and 2k + 1. */
export function runWordBounds(): Int32Array {
  return handRun.bounds;
}

/** The code units of the text nextRun scans (it is called once per run, with the same text) and the runs' words are read from. */
const runCodes = new CodeUnits();

/** The code units of `text`, the one nextRun scans: valid until a call with another text. */
export function codesOf(text: string): Uint16Array {
  return runCodes.of(text);
}

/** "U.S.", "U.N.": a letter right after a letter and a dot is inside an abbreviation, not an initial starting a name. */
function afterAbbreviationDot(text: string, i: number): boolean {
  if (i < 2 || text.charCodeAt(i - 1) !== 0x2e) return false;
  const c = text.charCodeAt(i - 2);
  if (c < 128) return isAsciiLetterCode(c);
  // Beyond ASCII as the run's lookbehind reads it: the code point before the dot (a surrogate pair whole).
  const at = c >= 0xdc00 && c <= 0xdfff && i > 2 ? i - 3 : i - 2;
  return LETTER.test(String.fromCodePoint(text.codePointAt(at)!));
}

const LETTER = /^\p{L}$/u;

/** Returned by the hand-written matchers when a character they cannot classify exactly decides the match. */
const NOT_PLAIN = -2;

/** Common non-ASCII characters that are neither letters nor marks nor digits: curly quotes, dashes, ©, •, £, no-break space. */
function isPlainStop(c: number): boolean {
  return c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2014 || c === 0x2013 || c === 0x2026 || c === 0xa9 || c === 0x2022 || c === 0xa3 || c === 0xa0;
}

/**
 * End of the run matched at `i` (lookbehind already checked), -1 for no match, or NOT_PLAIN. `codes`: the
 * text's code units (runCodes), read faster than the string (past the text's end they are not NaN).
 */
function plainRunEnd(text: string, codes: Uint16Array, i: number): number {
  let end = plainNameWordEnd(text, codes, i);
  if (end < 0) return end;
  const n = text.length;
  // The words as they are read (particles too), kept up to the last name word; the first is recorded with
  // the second, so a run of one word (most runs) records nothing.
  const firstEnd = end;
  handRun.words = 1;
  for (;;) {
    // (?:\.?GAP(?:PARTICLE GAP)*NAME_WORD)*: no backtracking can succeed where this fails (see below).
    let j = end;
    let words = handRun.words;
    if (j < n && codes[j] === 46) j++;
    let c = j < n ? codes[j] : -1;
    if (c === 0xa0) return NOT_PLAIN;
    if (c !== 32) return end;
    while (j < n && (c = codes[j]) === 32) j++;
    if (c === 0xa0) return NOT_PLAIN;
    // Particles: a whole lower-case word of the list followed by a gap (no other word of the list fits).
    for (;;) {
      let k = j;
      while (k < n && (c = codes[k]) >= 97 && c <= 122) k++;
      if (k === j) break;
      // A lower-case word that is no particle is a particle prefix ("al-") only before a hyphen or an
      // apostrophe: otherwise no name word starts at it, and the run ends.
      if (k >= n) return end;
      if (c === 0xa0) return NOT_PLAIN;
      if (c !== 32 || !PARTICLE_FILTER.mayContain(text, j, k, true) || !PARTICLES.has(text.slice(j, k))) {
        if (!isPrefixSeparator(c)) return end;
        break;
      }
      if (words === 1) recordWord(0, i, firstEnd);
      recordWord(words++, j, k);
      while (k < n && (c = codes[k]) === 32) k++;
      if (c === 0xa0) return NOT_PLAIN;
      j = k;
    }
    // A particle is a lower-case word followed by a gap: a name word cannot start there, so giving
    // particles back never lets NAME_WORD match.
    const next = plainNameWordEnd(text, codes, j);
    if (next === NOT_PLAIN) return NOT_PLAIN;
    if (next < 0) return end;
    if (words === 1) recordWord(0, i, firstEnd);
    recordWord(words++, j, next);
    handRun.words = words;
    end = next;
  }
}

/** End of NAME_WORD at `p` in `s` (its code units `codes`), -1, or NOT_PLAIN when a non-ASCII character could change the answer. */
function plainNameWordEnd(s: string, codes: Uint16Array, p: number): number {
  const n = s.length;
  if (p >= n) return -1;
  const first = codes[p];
  if (first >= 128) return isPlainStop(first) ? -1 : NOT_PLAIN;
  let q = p;
  if (!isAsciiUpperCode(first)) {
    q = prefixedCapital(s, p, n);
    if (q < 0) return q;
  }
  let i = q + 1;
  for (;;) {
    while (i < n) {
      const c = codes[i];
      if (isAsciiLetterCode(c) || c === 39 || c === 0x2019) i++;
      else if (c >= 128 && !isPlainStop(c)) return NOT_PLAIN;
      else break;
    }
    if (i + 1 < n && codes[i] === 45) {
      const c = codes[i + 1];
      if (c >= 128 && !isPlainStop(c)) return NOT_PLAIN;
      if (isAsciiLetterCode(c)) {
        i += 2;
        continue;
      }
    }
    return i;
  }
}

const WORD_CODE = 1;
const UPPER_CODE = 2;
const PREFIX_CODE = 4;
/** ASCII character classes for nextRun: word characters, capitals, first letters of particle prefixes. */
const ASCII_CLASS = (() => {
  const table = asciiClassTable([
    [WORD_CODE, /[A-Za-z0-9'-]/],
    [UPPER_CODE, /[A-Z]/],
  ]);
  // First letters of NAME_WORD's particle prefixes: al, el, ad, ash, ..., bin, ibn, abu, ould, d, l.
  for (const prefix of NAME_PREFIXES) table[prefix.charCodeAt(0)] |= PREFIX_CODE;
  return table;
})();

/**
 * What ends a particle prefix ("al-", "d'", "bint-"): a run may start at a lower-case word with one of
 * these within its first five characters.
 */
function isPrefixSeparator(c: number): boolean {
  return c === 45 || c === 39 || c === 0x2019;
}

/** Split only words with WORD_INNER_CAPITAL. */
const GLUED = /^(\p{Lu}\p{Ll}{2,})(\p{Lu}\p{Ll}+)$/u;

/**
 * Writes the TOKEN matches in text[from, to) (a run), as tokens with offsets in `text`, at the head of `tokens`
 * (an array reused from run to run: one that grows by push from empty reserves 16 slots) and returns how many.
 */
export function tokenizeRun(text: string, from: number, to: number, tokens: NameToken[]): number {
  let count = 0;
  if (isPlainRange(text, from, to)) {
    // TOKEN by hand (the same matches, in the same order): most runs are ASCII, where a unicode regex is slow.
    let p = from;
    while (p < to) {
      let end = nameWordEnd(text, p, to);
      if (end < 0) end = lowerWordEnd(text, p, to);
      if (end < 0) {
        p++;
        continue;
      }
      count = putNameToken(tokens, count, text, p, end);
      p = end;
    }
    return count;
  }
  const run = text.slice(from, to);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(run); m; m = TOKEN.exec(run)) count = putNameToken(tokens, count, text, from + m.index, from + m.index + m[0].length);
  return count;
}

/**
 * Writes the token text[start, end) at tokens[at] (two for glued words; in place of the tokens there, see
 * writeToken) and returns the index after it; its text is the interned word, not a new cut of `text`.
 */
export function putNameToken(tokens: NameToken[], at: number, text: string, start: number, end: number): number {
  const entry = WORDS.findCodes(text, runCodes.of(text), start, end);
  const word = WORDS.word(entry);
  const facts = WORDS.value(entry);
  const glued = (facts & WORD_INNER_CAPITAL) !== 0 ? GLUED.exec(word) : null;
  if (glued && !GLUE_PREFIXES.has(glued[1]) && (HONORIFIC_FIRST_WORDS.has(glued[2].toLowerCase()) || isFirstName(glued[2]) || CITY_WORDS.has(glued[1]) || COUNTRY_WORDS.has(glued[1]))) {
    // "ParisSir Keir": two words glued by a lost line break or space.
    writeToken(tokens, at, start, start + glued[1].length, glued[1], false, false, wordFacts(glued[1]));
    const b = start + glued[1].length;
    writeToken(tokens, at + 1, b, b + glued[2].length, glued[2], text.charCodeAt(b + glued[2].length) === 46, false, wordFacts(glued[2]));
    return at + 2;
  }
  const lower = (facts & WORD_LOWER) !== 0;
  writeToken(tokens, at, start, end, word, text.charCodeAt(end) === 46, lower, lower ? 0 : facts);
  return at + 1;
}

/** Rules out most lower-case words with an apostrophe or hyphen ("don't", "e-mail") without cutting them out. */
const NAME_PREFIX_FILTER = new WordFilter(NAME_PREFIXES);

/**
 * Where the capital after a particle prefix ("al-", "d'", "bint-") starting at `p` is, -1 when there is
 * none, or NOT_PLAIN. Every prefix is lower-case letters followed by a separator, so the only prefix that
 * can fit is the whole lower-case word at `p` (NAME_WORD's alternation order then makes no difference).
 */
function prefixedCapital(s: string, p: number, n: number): number {
  // Characters at or past `n` read as NaN, as past the end of a string.
  let sep = p;
  while (sep < p + 5 && sep < n) {
    const c = s.charCodeAt(sep);
    if (c >= 97 && c <= 122) sep++;
    else break;
  }
  const c = sep < n ? s.charCodeAt(sep) : NaN;
  if (sep === p || !(c === 45 || c === 39 || c === 0x2019) || !NAME_PREFIX_FILTER.mayContain(s, p, sep, true) || !NAME_PREFIXES.has(s.slice(p, sep))) return -1;
  const after = sep + 1 < n ? s.charCodeAt(sep + 1) : NaN;
  if (after >= 128 && !isPlainStop(after)) return NOT_PLAIN;
  return isAsciiUpperCode(after) ? sep + 1 : -1;
}

/** Only ASCII and the curly apostrophe: the characters the hand-written TOKEN below classifies exactly. */
function isPlainRange(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 && c !== 0x2019) return false;
  }
  return true;
}

/** End of NAME_WORD matched at `p` in a plain run ending at `n`, or -1. */
export function nameWordEnd(s: string, p: number, n: number): number {
  let q = p;
  if (!isAsciiUpperCode(s.charCodeAt(p))) {
    // A plain run has no character that could make this NOT_PLAIN.
    q = prefixedCapital(s, p, n);
    if (q < 0) return -1;
  }
  let i = q + 1;
  for (;;) {
    while (i < n) {
      const c = s.charCodeAt(i);
      if (isAsciiLetterCode(c) || c === 39 || c === 0x2019) i++;
      else break;
    }
    if (i + 1 < n && s.charCodeAt(i) === 45 && isAsciiLetterCode(s.charCodeAt(i + 1))) i += 2;
    else return i;
  }
}

/** End of a run of lower-case letters at `p` in a plain run ending at `n`, or -1. */
function lowerWordEnd(s: string, p: number, n: number): number {
  let i = p;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) i++;
    else break;
  }
  return i > p ? i : -1;
}

/** /[\p{L}\d'\u2019-]/u on one UTF-16 unit; ASCII by table, the rest by the regex. */
export function isWordCharBefore(code: number, ch: string): boolean {
  if (code < 128) return (ASCII_CLASS[code] & WORD_CODE) !== 0;
  return /[\p{L}\d'\u2019-]/u.test(ch);
}
