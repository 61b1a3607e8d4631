import type { RawMention, Span } from '../../types';
import * as lexicon from '../../language';
import type { Gender } from '../../language';
import * as stringHelpers from '../../util/strings';
import * as textHelpers from '../../util/text';
import * as wordSets from '../../util/wordSets';
import { isAsciiLetterCode } from '../../util/chars';
import * as abbreviations from '../../language/abbreviations';
import * as appositives from '../../language/appositives';
import * as firstNameHonorific from '../../language/firstNameHonorific';
import * as nameParticles from '../../language/nameParticles';
import * as nameSuffixes from '../../language/nameSuffixes';
import * as officeRanks from '../../language/officeRanks';
import * as personCues from '../../language/personCues';

// Bound once: module re-exports are getters, too slow for the inner loop.
const {
  AMBIGUOUS_RANKS, CITY_WORDS, COMMON_CAPITALISED_SET, COUNTRY_WORDS, FUNCTION_WORD_SET, HONORIFIC_GENDER,
  HONORIFIC_PHRASES, MAX_HONORIFIC_WORDS, MONTH_NAMES, NATIONALITY_WORDS, ORGANISATION_WORDS, PLACE_HEAD_WORDS,
  ROLE_HEAD_NOUNS, ROLE_MODIFIERS, THING_NOUNS, TITLE_HEADS, firstNameGender, honorificKey, isFirstName,
} = lexicon;
const { detach } = stringHelpers;
const { isAllCaps, isSentenceStart } = textHelpers;
const { WordFilter, WordInterner } = wordSets;
const { DOTTED_ABBREVIATIONS } = abbreviations;
const { APPOSITIVE_STOP } = appositives;
const { FIRST_NAME_HONORIFIC } = firstNameHonorific;
const { CAPITAL_PARTICLES, GLUE_PREFIXES, NAME_PREFIXES, PARTICLES } = nameParticles;
const { NAME_SUFFIXES } = nameSuffixes;
const { OFFICE_BEFORE_RANK } = officeRanks;
const { PERSON_VERBS } = personCues;
/** First words of honorific phrases: a cheap test before building phrases. */
const HONORIFIC_FIRST_WORDS = new Set([...HONORIFIC_PHRASES].map((h) => h.split(' ')[0]));
/**
 * First word of honorific phrases -> most words in a phrase that starts with it. Tokens hold no dots or
 * spaces, so a phrase of n tokens has the honorific key of n words, led by its first token lower-cased.
 */
const HONORIFIC_WORDS_AFTER = (() => {
  const most = new Map<string, number>();
  for (const phrase of HONORIFIC_PHRASES) {
    const words = phrase.split(' ');
    most.set(words[0], Math.max(most.get(words[0]) ?? 0, words.length));
  }
  return most;
})();

export interface MentionOptions {
  /** Lower-cased names never treated as people (from corpus.yaml `notPeople`). */
  notPeople?: ReadonlySet<string>;
  /**
   * Surnames or full names already known as people elsewhere in the corpus (any case). A lone capitalised
   * word matching one is a mention even without a first name or title in this article.
   */
  knownNames?: ReadonlySet<string>;
  /**
   * Accept two- or three-word capitalised names whose first word is not a known given name and that have no
   * other cue ("Graeme Downie"). On by default; off trades recall for precision.
   */
  acceptUnknownFullNames?: boolean;
  /**
   * Also return lone capitalised words mid-sentence that this article does not confirm, flagged `tentative`
   * (identity resolution decides with the whole corpus). Off by default: alone, they are not mentions.
   */
  tentativeLoneNames?: boolean;
}

// A capitalised name word: optional Arabic/French/Irish particle prefix ("al-Assad", "d'Estaing", "O'Brien"
// is covered by the apostrophe inside), then letters, apostrophes and inner hyphens.
const NAME_WORD = String.raw`(?:(?:${[...NAME_PREFIXES].join('|')})[-'\u2019])?\p{Lu}[\p{L}\p{M}'\u2019]*(?:-\p{L}[\p{L}\p{M}'\u2019]*)*`;
const PARTICLE_ALT = [...PARTICLES].join('|');
/** Rules out most lower-case words after a name ("said", "government") without cutting them out. */
const PARTICLE_FILTER = new WordFilter(PARTICLES);
const GAP = String.raw`[ \u00a0]+`;
// A run of capitalised words joined by single spaces (and lower-case particles); a dot may follow a word
// ("Mr. Smith", "J. Smith"); runs are split at dots that end sentences later.
const RUN = new RegExp(
  String.raw`(?<![\p{L}\p{M}\d'\u2019-])${NAME_WORD}(?:\.?${GAP}(?:(?:${PARTICLE_ALT})${GAP})*${NAME_WORD})*`,
  'gu',
);
// The same run, anchored: tried only where a run can start (see nextRun). A unicode regex with a
// lookbehind is slow to slide over every character of an article.
const RUN_AT = new RegExp(RUN.source, 'uy');
const TOKEN = new RegExp(String.raw`${NAME_WORD}|\p{Ll}+`, 'gu');


interface Token {
  start: number;
  end: number;
  text: string;
  /** A dot follows directly. */
  dot: boolean;
  lower: boolean;
  /** WORD_* bits of the word as tokenized (see wordFacts); 0 for lower-case tokens. */
  facts: number;
}

type Status = 'accepted' | 'pending' | 'weak' | 'caps';

interface Candidate {
  start: number;
  end: number;
  honorific: string | null;
  names: Token[];
  role: string | null;
  status: Status;
  /** The last name word ended in a bare "s" that may be a lost possessive apostrophe ("Trumps"). */
  sStripCandidate: boolean;
}

/** Finds person mentions in one article's text, outside the `exclude` ranges; sorted by start. */
export function extractMentions(text: string, exclude: readonly Span[], options: MentionOptions = {}): RawMention[] {
  const excluded = [...exclude].sort((a, b) => a.start - b.start);
  let excludeIndex = 0;
  const candidates: Candidate[] = [];
  const run = { start: 0, end: 0 };
  for (let found = nextRun(text, 0, run); found; found = nextRun(text, run.end, run)) {
    const runStart = run.start;
    const runEnd = run.end;
    while (excludeIndex < excluded.length && excluded[excludeIndex].end <= runStart) excludeIndex++;
    if (excludeIndex < excluded.length && excluded[excludeIndex].start < runEnd) {
      // Keep the part of the run before the excluded range; drop the rest.
      const cut = excluded[excludeIndex].start;
      if (cut <= runStart) continue;
      parseRun(text, runStart, cut, false, candidates);
      continue;
    }
    parseRun(text, runStart, runEnd, true, candidates);
  }
  return finish(text, candidates, options);
}

/**
 * The first RUN match at or after `from` (what `RUN.exec` would find), or null. A run starts with an
 * upper-case letter (ASCII, or beyond U+00BF) or with a particle prefix ("al-", "d'", "bin-"): a lower-case
 * a/e/b/i/o/d/l at a word start with a hyphen or apostrophe within its first five characters.
 */
function nextRun(text: string, from: number, out: { start: number; end: number }): boolean {
  const n = text.length;
  // RUN's lookbehind: no run starts right after a letter, digit, apostrophe or hyphen. Only ASCII is
  // ruled out here; RUN_AT checks the rest.
  let afterWord = from > 0 && text.charCodeAt(from - 1) < 128 && (ASCII_CLASS[text.charCodeAt(from - 1)] & WORD_CODE) !== 0;
  for (let i = from; i < n; i++) {
    const code = text.charCodeAt(i);
    const cls = code < 128 ? ASCII_CLASS[code] : 0;
    if (!afterWord && (code >= 0xc0 || (cls & UPPER_CODE) !== 0 || ((cls & PREFIX_CODE) !== 0 && particlePrefixAt(text, i)))) {
      // The run by hand when its characters are ASCII (most are); RUN_AT where it meets anything else.
      const before = i > 0 ? text.charCodeAt(i - 1) : 32;
      let end = before === 0x2019 ? -1 : before >= 128 && !isPlainStop(before) ? NOT_PLAIN : plainRunEnd(text, i);
      if (end === NOT_PLAIN) {
        RUN_AT.lastIndex = i;
        const match = RUN_AT.exec(text);
        end = match ? i + match[0].length : -1;
      }
      if (end >= 0) {
        out.start = i;
        out.end = end;
        return true;
      }
    }
    afterWord = (cls & WORD_CODE) !== 0;
  }
  return false;
}

/** Returned by the hand-written matchers when a character they cannot classify exactly decides the match. */
const NOT_PLAIN = -2;

/** Common non-ASCII characters that are neither letters nor marks nor digits: curly quotes, dashes, ©, •, £, no-break space. */
function isPlainStop(c: number): boolean {
  return c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2014 || c === 0x2013 || c === 0x2026 || c === 0xa9 || c === 0x2022 || c === 0xa3 || c === 0xa0;
}

/** End of RUN matched at `i` (lookbehind already checked), -1 for no match, or NOT_PLAIN. */
function plainRunEnd(text: string, i: number): number {
  let end = plainNameWordEnd(text, i);
  if (end < 0) return end;
  const n = text.length;
  for (;;) {
    // (?:\.?GAP(?:PARTICLE GAP)*NAME_WORD)*: no backtracking can succeed where this fails (see below).
    let j = end;
    if (text.charCodeAt(j) === 46) j++;
    let c = text.charCodeAt(j);
    if (c === 0xa0) return NOT_PLAIN;
    if (c !== 32) return end;
    while (j < n && (c = text.charCodeAt(j)) === 32) j++;
    if (c === 0xa0) return NOT_PLAIN;
    // Particles: a whole lower-case word of the list followed by a gap (no other word of the list fits).
    for (;;) {
      let k = j;
      while (k < n && (c = text.charCodeAt(k)) >= 97 && c <= 122) k++;
      if (k === j || k >= n) break;
      if (c === 0xa0) return NOT_PLAIN;
      if (c !== 32 || !PARTICLE_FILTER.mayContain(text, j, k, true) || !PARTICLES.has(text.slice(j, k))) break;
      while (k < n && (c = text.charCodeAt(k)) === 32) k++;
      if (c === 0xa0) return NOT_PLAIN;
      j = k;
    }
    // A particle is a lower-case word followed by a gap: a name word cannot start there, so giving
    // particles back never lets NAME_WORD match.
    const next = plainNameWordEnd(text, j);
    if (next === NOT_PLAIN) return NOT_PLAIN;
    if (next < 0) return end;
    end = next;
  }
}

/** End of NAME_WORD at `p` in `text`, -1, or NOT_PLAIN when a non-ASCII character could change the answer. */
function plainNameWordEnd(s: string, p: number): number {
  const n = s.length;
  if (p >= n) return -1;
  const first = s.charCodeAt(p);
  if (first >= 128) return isPlainStop(first) ? -1 : NOT_PLAIN;
  let q = p;
  if (!isAsciiUpper(first)) {
    q = prefixedCapital(s, p, n);
    if (q < 0) return q;
  }
  let i = q + 1;
  for (;;) {
    while (i < n) {
      const c = s.charCodeAt(i);
      if (isAsciiLetterCode(c) || c === 39 || c === 0x2019) i++;
      else if (c >= 128 && !isPlainStop(c)) return NOT_PLAIN;
      else break;
    }
    if (i + 1 < n && s.charCodeAt(i) === 45) {
      const c = s.charCodeAt(i + 1);
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
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    if (/[A-Za-z0-9'-]/.test(ch)) table[c] |= WORD_CODE;
    if (/[A-Z]/.test(ch)) table[c] |= UPPER_CODE;
    // First letters of NAME_WORD's particle prefixes: al, el, ad, ash, ..., bin, ibn, abu, ould, d, l.
    if ('aebiodl'.includes(ch)) table[c] |= PREFIX_CODE;
  }
  return table;
})();

/** A hyphen or apostrophe within the first five characters of a lower-case word ("al-", "bint-", "d'"). */
function particlePrefixAt(text: string, i: number): boolean {
  for (let k = i + 1; k <= i + 4 && k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 45 || c === 39 || c === 0x2019) return true;
    if (c < 97 || c > 122) return false;
  }
  return false;
}

const GLUED = /^(\p{Lu}\p{Ll}{2,})(\p{Lu}\p{Ll}+)$/u;

/** A capital after the third character: the only words GLUED can split (checked without a regex). */
function hasInnerCapital(word: string): boolean {
  for (let k = 3; k < word.length; k++) {
    const code = word.charCodeAt(k);
    if ((code >= 65 && code <= 90) || code > 127) return true;
  }
  return false;
}

/** The TOKEN matches in text[from, to) (a run), as tokens with offsets in `text`. */
function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
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
      pushToken(tokens, text, p, end);
      p = end;
    }
    return tokens;
  }
  const run = text.slice(from, to);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(run); m; m = TOKEN.exec(run)) pushToken(tokens, text, from + m.index, from + m.index + m[0].length);
  return tokens;
}

/** Adds the token text[start, end); its text is the interned word, not a new cut of `text`. */
function pushToken(tokens: Token[], text: string, start: number, end: number): void {
  const entry = WORDS.find(text, start, end);
  const word = WORDS.word(entry);
  const facts = WORDS.value(entry);
  const glued = hasInnerCapital(word) ? GLUED.exec(word) : null;
  if (glued && !GLUE_PREFIXES.has(glued[1]) && (HONORIFIC_FIRST_WORDS.has(glued[2].toLowerCase()) || isFirstName(glued[2]) || CITY_WORDS.has(glued[1]) || COUNTRY_WORDS.has(glued[1]))) {
    // "ParisSir Keir": two words glued by a lost line break or space.
    tokens.push({ start, end: start + glued[1].length, text: glued[1], dot: false, lower: false, facts: wordFacts(glued[1]) });
    const b = start + glued[1].length;
    tokens.push({ start: b, end: b + glued[2].length, text: glued[2], dot: text.charCodeAt(b + glued[2].length) === 46, lower: false, facts: wordFacts(glued[2]) });
    return;
  }
  const lower = !isAsciiUpper(word.charCodeAt(0)) && isLowerToken(word);
  tokens.push({ start, end, text: word, dot: text.charCodeAt(end) === 46, lower, facts: lower ? 0 : facts });
}

function isLowerToken(word: string): boolean {
  const first = word[0];
  return first === first.toLowerCase() && !LOWER_PREFIXED_NAME.test(word);
}

const LOWER_PREFIXED_NAME = /^\p{Ll}+[-'\u2019]\p{Lu}/u;
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
  return isAsciiUpper(after) ? sep + 1 : -1;
}

/** Only ASCII and the curly apostrophe: the characters the hand-written TOKEN below classifies exactly. */
function isPlainRange(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 && c !== 0x2019) return false;
  }
  return true;
}

function isAsciiUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** End of NAME_WORD matched at `p` in a plain run ending at `n`, or -1. */
function nameWordEnd(s: string, p: number, n: number): number {
  let q = p;
  if (!isAsciiUpper(s.charCodeAt(p))) {
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

/** `wholeRun`: text[from, to) is a whole RUN match, not one cut short by an excluded range. */
function parseRun(text: string, from: number, to: number, wholeRun: boolean, out: Candidate[]): void {
  parseTokens(text, loneWordTokens(text, from, to, wholeRun) ?? tokenize(text, from, to), out);
}

function parseTokens(text: string, tokens: Token[], out: Candidate[]): void {
  // Split at dots that end a sentence: a dot after anything but an abbreviation or an initial.
  let segmentStart = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.dot && i < tokens.length - 1 && !isAbbreviation(t)) {
      parseSegment(text, tokens, segmentStart, i + 1, out);
      segmentStart = i + 1;
    }
  }
  parseSegment(text, tokens, segmentStart, tokens.length, out);
}

const NO_TOKENS: Token[] = [];

/**
 * The tokens of a run that is one plain capitalised word, the common case, read without the tokenizer;
 * none when it cannot be a name on its own ("The", "Government", "London": parseSegment would skip it as
 * a role word or a non-name word); null for any other run.
 */
function loneWordTokens(text: string, from: number, to: number, wholeRun: boolean): Token[] | null {
  if (!isAsciiUpper(text.charCodeAt(from))) return null;
  for (let k = from + 1; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 32 || (c >= 128 && c !== 0x2019)) return null;
  }
  // A whole run without a space (or a no-break space, beyond ASCII) is one NAME_WORD; a cut one may not be.
  if (!wholeRun && nameWordEnd(text, from, to) !== to) return null;
  const entry = WORDS.find(text, from, to);
  const word = WORDS.word(entry);
  const facts = WORDS.value(entry);
  // Glued words ("ParisSir") become two tokens; one-letter words and "A's" depend on the dot after them.
  if (word.length === 1 || hasInnerCapital(word) || (facts & WORD_NAME_NEEDS_DOT) !== 0) return null;
  if ((facts & WORD_ROLE) !== 0 || (facts & WORD_NAME_ALONE) === 0) return NO_TOKENS;
  return [{ start: from, end: to, text: word, dot: text.charCodeAt(to) === 46, lower: false, facts }];
}

function isAbbreviation(t: Token): boolean {
  if (!t.lower) return (t.facts & WORD_ABBREVIATION) !== 0;
  return t.text.length === 1 || DOTTED_ABBREVIATIONS.has(t.text.toLowerCase());
}

// What the parser asks of a capitalised word, as bits: one memo lookup per token instead of one per question.
const WORD_HONORIFIC_START = 1;
const WORD_ROLE = 2;
const WORD_TITLE_HEAD = 4;
const WORD_FIRST_NAME = 8;
const WORD_ABBREVIATION = 16;
/** An organisation, place or thing word: after a name it names a thing ("Trump Tower"). */
const WORD_THING_HEAD = 32;
const WORD_NAME_ALONE = 64;
const WORD_NAME_AFTER_GIVEN = 128;
/** "A's": whether it is a name word depends on the dot after it, so isNameWord asks per token. */
const WORD_NAME_NEEDS_DOT = 256;
/** Bits 9-11: the most words of an honorific phrase starting with this word (HONORIFIC_WORDS_AFTER). */
const WORD_HONORIFIC_LENGTH_SHIFT = 9;

/** Every word of every run, with its facts: the same words come back in every article. */
const WORDS = new WordInterner<number>(wordFactsUncached);

/** The WORD_* bits of a word as written. */
function wordFacts(word: string): number {
  return WORDS.value(WORDS.find(word, 0, word.length));
}

function wordFactsUncached(word: string): number {
  const lower = word.toLowerCase();
  let facts = 0;
  if (HONORIFIC_FIRST_WORDS.has(lower)) facts |= WORD_HONORIFIC_START | (Math.min(7, HONORIFIC_WORDS_AFTER.get(lower) ?? 0) << WORD_HONORIFIC_LENGTH_SHIFT);
  if (TITLE_HEADS.has(lower) || ROLE_MODIFIERS.has(lower) || NATIONALITY_WORDS.has(word) || COUNTRY_WORDS.has(word) || ORGANISATION_WORDS.has(lower) || isAllCaps(word)) facts |= WORD_ROLE;
  if (TITLE_HEADS.has(lower)) facts |= WORD_TITLE_HEAD;
  if (isFirstName(word)) facts |= WORD_FIRST_NAME;
  if (word.length === 1 || DOTTED_ABBREVIATIONS.has(lower)) facts |= WORD_ABBREVIATION;
  if (THING_NOUNS.has(lower) || ORGANISATION_WORDS.has(lower) || PLACE_HEAD_WORDS.has(lower)) facts |= WORD_THING_HEAD;
  if (word.length > 1) {
    if (possessiveBareLength(word) === 1) facts |= WORD_NAME_NEEDS_DOT;
    else {
      if (isNameWordUncached(word, false, false)) facts |= WORD_NAME_ALONE;
      if (isNameWordUncached(word, false, true)) facts |= WORD_NAME_AFTER_GIVEN;
    }
  }
  return facts;
}

/** Matches the longest honorific at tokens[i..]; returns the number of tokens it covers, or 0. */
function matchHonorific(tokens: Token[], i: number, end: number): number {
  const facts = tokens[i].facts;
  if ((facts & WORD_HONORIFIC_START) === 0) return 0;
  // Longer phrases than any honorific starting with this word cannot match: skip building them.
  const longest = (facts >> WORD_HONORIFIC_LENGTH_SHIFT) & 7;
  for (let n = Math.min(MAX_HONORIFIC_WORDS, longest, end - i - 1); n >= 1; n--) {
    let phrase = '';
    for (let k = i; k < i + n; k++) phrase += (k > i ? ' ' : '') + tokens[k].text;
    const key = honorificKey(phrase);
    if (!HONORIFIC_PHRASES.has(key)) continue;
    if (n === 1 && AMBIGUOUS_RANKS.has(key)) {
      const prev = i > 0 ? tokens[i - 1].text.toLowerCase() : '';
      if (OFFICE_BEFORE_RANK.has(prev)) return 0;
      // "M." is French Monsieur only with its dot.
      if (key === 'm' && !tokens[i].dot) return 0;
    }
    // The honorific must be followed by a name word.
    if (i + n < end && !tokens[i + n].lower) return n;
  }
  return 0;
}

/** A capitalised word that could be part of an office title in front of a name ("Defence Secretary"). */
function isRoleWord(t: Token): boolean {
  if (t.lower) return t.text === 'of' || t.text === 'for';
  return (t.facts & WORD_ROLE) !== 0;
}

function isTitleHead(t: Token): boolean {
  return (t.facts & WORD_TITLE_HEAD) !== 0;
}

/** Strips a possessive ending: "Trump's" -> "Trump". Returns the bare length. */
function possessiveBareLength(word: string): number {
  const n = word.length;
  if (n <= 2) return n;
  const last = word.charCodeAt(n - 1);
  const before = word.charCodeAt(n - 2);
  if (last === 115 && (before === 39 || before === 0x2019)) return n - 2; // 's, ’s
  if (before === 115 && (last === 39 || last === 0x2019)) return n - 1; // s', s’
  return n;
}

/** Could this word be part of a person's name? `afterGiven` relaxes the check for surnames like "May". */
function isNameWord(t: Token, afterGiven: boolean): boolean {
  if (t.lower) return false;
  if (t.text.length === 1) return t.dot; // an initial
  if ((t.facts & WORD_NAME_NEEDS_DOT) === 0) return (t.facts & (afterGiven ? WORD_NAME_AFTER_GIVEN : WORD_NAME_ALONE)) !== 0;
  // Memoised per word as before: the first token seen decides, dot or not (so output does not change).
  const cache = afterGiven ? nameWordAfterGiven : nameWordAlone;
  let result = cache.get(t.text);
  if (result === undefined) {
    if (cache.size > 50_000) cache.clear();
    result = isNameWordUncached(t.text, t.dot, afterGiven);
    cache.set(detach(t.text), result);
  }
  return result;
}

const nameWordAlone = new Map<string, boolean>();
const nameWordAfterGiven = new Map<string, boolean>();

function isNameWordUncached(text: string, dot: boolean, afterGiven: boolean): boolean {
  const word = text.slice(0, possessiveBareLength(text));
  if (word.length === 1) return dot; // an initial
  if (/\d/.test(word)) return false;
  // "US-led", "Kremlin-backed": a hyphenated modifier, not a name.
  if (/-\p{Ll}/u.test(word) && !/^\p{Ll}+-/u.test(word)) return false;
  if (isAllCaps(word) && !NAME_SUFFIXES.has(word)) return false;
  const lower = word.toLowerCase();
  if (isFirstName(word) && !COUNTRY_WORDS.has(word)) return true;
  if (afterGiven) {
    // A surname after a given name may be a common word ("Theresa May", "Gordon Brown"): only clear
    // organisation and place words end the name.
    return !ORGANISATION_WORDS.has(lower) && !PLACE_HEAD_WORDS.has(lower) && !COUNTRY_WORDS.has(word) && !NATIONALITY_WORDS.has(word) && !TITLE_HEADS.has(lower);
  }
  if (FUNCTION_WORD_SET.has(lower) || COMMON_CAPITALISED_SET.has(lower) || MONTH_NAMES.has(lower)) return false;
  if (ORGANISATION_WORDS.has(lower) || PLACE_HEAD_WORDS.has(lower) || TITLE_HEADS.has(lower) || ROLE_MODIFIERS.has(lower)) return false;
  if (COUNTRY_WORDS.has(word) || CITY_WORDS.has(word) || NATIONALITY_WORDS.has(word)) return false;
  if (HONORIFIC_PHRASES.has(lower)) return false;
  return true;
}

function parseSegment(text: string, tokens: Token[], from: number, to: number, out: Candidate[]): void {
  let i = from;
  while (i < to) {
    if (tokens[i].lower) { i++; continue; }
    // Office title in front of the name: kept as the role, outside the span.
    let roleFrom = -1;
    let roleTo = -1;
    if (!matchHonorific(tokens, i, to) && isRoleWord(tokens[i])) {
      let j = i;
      let lastHead = -1;
      while (j < to && isRoleWord(tokens[j]) && !(j > i && matchHonorific(tokens, j, to))) {
        if (isTitleHead(tokens[j])) lastHead = j;
        j++;
      }
      if (lastHead >= 0 && lastHead === j - 1 && j < to) {
        roleFrom = i;
        roleTo = j;
        i = j;
      } else if (j > i && !(j < to && isNameWord(tokens[j - 1], false) && (tokens[j - 1].facts & WORD_FIRST_NAME) !== 0)) {
        // Not a title: organisation or place words ("Foreign Office"); skip them.
        i = j;
        continue;
      }
    }
    const honWords = i < to ? matchHonorific(tokens, i, to) : 0;
    const honStart = honWords ? tokens[i].start : -1;
    const honorific = honWords ? text.slice(tokens[i].start, tokens[i + honWords - 1].end + (tokens[i + honWords - 1].dot ? 1 : 0)) : null;
    i += honWords;
    // The name words.
    const nameFrom = i;
    let hasGiven = false;
    while (i < to) {
      const t = tokens[i];
      if (t.lower) {
        // A lower-case particle inside a name needs a name word after it.
        if (i > nameFrom && PARTICLES.has(t.text)) {
          let k = i;
          while (k < to && tokens[k].lower && PARTICLES.has(tokens[k].text)) k++;
          if (k < to && !tokens[k].lower) { i = k; continue; }
        }
        break;
      }
      const afterGiven = hasGiven || (i > nameFrom && (honWords > 0 || roleFrom >= 0));
      if (!isNameWord(t, afterGiven || (honWords > 0 && i === nameFrom))) break;
      if (i === nameFrom && ((t.facts & WORD_FIRST_NAME) !== 0 || (t.text.length === 1 && t.dot))) hasGiven = true;
      if (i > nameFrom) hasGiven = true;
      i++;
      if (possessiveBareLength(t.text) < t.text.length) break; // "Trump's team": the name ends here
    }
    while (i > nameFrom && tokens[i - 1].lower) i--; // never end on a particle
    if (i === nameFrom) {
      if (honWords === 0 && roleFrom < 0) i++;
      continue;
    }
    const names = tokens.slice(nameFrom, i);
    // A name directly followed by an organisation or place word names a thing ("Trump Tower", "Lancaster House").
    const last = names[names.length - 1];
    const possessive = possessiveBareLength(last.text) < last.text.length;
    if (!possessive && i < to && !tokens[i].lower) {
      if ((tokens[i].facts & WORD_THING_HEAD) !== 0) {
        i++;
        continue;
      }
    }
    if (!possessive && i >= to && isFollowedByThingNoun(text, last.end)) continue;
    const start = honWords ? honStart : names[0].start;
    const end = last.start + possessiveBareLength(last.text);
    const cleanNames = possessive ? names.map((t, k) => (k === names.length - 1 ? withText(t, t.text.slice(0, possessiveBareLength(t.text)), end) : t)) : names;
    // Drop a sentence-final dot from the last word unless it is an initial.
    const role = roleFrom >= 0 ? roleWithContext(text, tokens[roleFrom].start, text.slice(tokens[roleFrom].start, tokens[roleTo - 1].end)) : roleBefore(text, start) ?? roleAfter(text, end, possessive);
    out.push({
      start, end, honorific, names: cleanNames, role,
      status: classify(text, cleanNames, honorific, roleFrom >= 0 || role !== null || roleDirectlyBefore(text, start), start, end),
      sStripCandidate: !possessive && last.text.length > 3 && last.text.endsWith('s') && !last.text.endsWith('ss'),
    });
  }
}

/** The token cut to `text` (a possessive or lost-apostrophe "s" dropped), with the facts of that text. */
function withText(t: Token, text: string, end: number): Token {
  return { ...t, text, end, facts: t.lower ? 0 : wordFacts(text) };
}

/** How sure we are that a name is a person before seeing the rest of the article. */
function classify(text: string, names: Token[], honorific: string | null, titled: boolean, start: number, end: number): Status {
  const first = names[0];
  if (honorific !== null || titled) return 'accepted';
  if (names.length >= 2) {
    const given = firstNameGender(first.text) !== undefined && !COUNTRY_WORDS.has(first.text);
    const initial = first.text.length === 1 && first.dot;
    if (given || initial) return 'accepted';
    if (CAPITAL_PARTICLES.has(first.text)) return 'pending';
    // "Fayez al-Sarraj", "Ursula von der Leyen": particles mark a name.
    if (names.some((t, k) => k > 0 && (t.lower || /^\p{Ll}+[-'\u2019]\p{Lu}/u.test(t.text)))) return 'accepted';
    if (hasPersonCue(text, end)) return 'accepted';
    // Unknown words: short ones and inner capitals ("Hide Ad", "SettingsTerms") are rarely names.
    if (names.some((t) => t.text.length < 3 || /\p{Ll}\p{Lu}/u.test(t.text.slice(2)))) return 'pending';
    return 'weak';
  }
  if (first.text.length === 1) return 'pending';
  if (followedByCountryInParens(text, end)) return 'accepted';
  return 'pending';
}

/** "Sampras (U.S.)", "Smith (Britain)": results tables name people with their country in brackets. */
function followedByCountryInParens(text: string, end: number): boolean {
  // The regex below needs "(" or " (" right after the name: most names have neither.
  const next = text.charCodeAt(end);
  if (next !== 40 && !(next === 32 && text.charCodeAt(end + 1) === 40)) return false;
  const m = /^ ?\( ?([^()\n]{1,24}?) ?\)/.exec(text.slice(end, end + 30));
  if (!m) return false;
  const inner = m[1].trim();
  return COUNTRY_WORDS.has(inner) || NATIONALITY_WORDS.has(inner) || /^(?:\p{Lu}\.?){2,4}$/u.test(inner) || inner.split(' ').every((w) => COUNTRY_WORDS.has(w) || CITY_WORDS.has(w));
}

function hasPersonCue(text: string, end: number): boolean {
  if (followedByCountryInParens(text, end)) return true;
  const next = text.charCodeAt(end);
  if (next !== 44 && next !== 32) return false;
  const m = /^,? (\p{Ll}+)/u.exec(text.slice(end, end + 16));
  return m !== null && PERSON_VERBS.has(m[1]);
}

const THING_NOUN_FILTER = new WordFilter(THING_NOUNS);

/** A thing noun after the gap at `end` ("Trump administration"); the lower-case word is read by hand when ASCII. */
function isFollowedByThingNoun(text: string, end: number): boolean {
  const gap = text.charCodeAt(end);
  if (gap !== 32 && gap !== 0xa0) return false;
  // The regex saw at most 24 characters from `end`.
  const limit = Math.min(text.length, end + 24);
  let k = end + 1;
  for (; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) return isFollowedByThingNounByRegex(text, end); // \p{Ll} beyond ASCII
    if (c < 97 || c > 122) break;
  }
  return k > end + 1 && THING_NOUN_FILTER.mayContain(text, end + 1, k, true) && THING_NOUNS.has(text.slice(end + 1, k));
}

function isFollowedByThingNounByRegex(text: string, end: number): boolean {
  const m = /^[ \u00a0](\p{Ll}+)/u.exec(text.slice(end, end + 24));
  return m !== null && THING_NOUNS.has(m[1]);
}

function roleDirectlyBefore(text: string, start: number): boolean {
  let q = start;
  while (q > 0 && (text[q - 1] === ' ' || text[q - 1] === '\u00a0')) q--;
  if (q === start) return false;
  const wordEnd = q;
  while (q > 0 && wordEnd - q < 30 && isWordChar(text.charCodeAt(q - 1))) q--;
  return q < wordEnd && ROLE_HEAD_FILTER.mayContain(text, q, wordEnd, isAsciiRange(text, q, wordEnd)) && ROLE_HEAD_NOUNS.has(text.slice(q, wordEnd).toLowerCase());
}

/** Letters (any script), apostrophes, hyphens and dots: the characters of a word read backwards. */
function isWordChar(code: number): boolean {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return true;
  if (code === 39 || code === 45 || code === 46 || code === 0x2019) return true;
  return code >= 0xc0 && code !== 0x2014 && code !== 0x2013 && code !== 0x201c && code !== 0x201d && code !== 0x2018 && code !== 0x00a0 && code !== 0x2022;
}

const ROLE_HEAD_FILTER = new WordFilter(ROLE_HEAD_NOUNS);
const ROLE_HEAD_OR_MODIFIER_FILTER = new WordFilter([...ROLE_HEAD_NOUNS, ...ROLE_MODIFIERS]);

function isAsciiRange(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (text.charCodeAt(k) >= 128) return false;
  return true;
}

/** Role words in front of a name, possibly over a comma: "US defence secretary General ...", "the Chinese President, Xi". */
function roleBefore(text: string, start: number, checkFirstWord = true): string | null {
  let p = start;
  while (p > 0 && (text[p - 1] === ' ' || text[p - 1] === '\u00a0')) p--;
  let comma = false;
  if (text[p - 1] === ',') {
    comma = true;
    p--;
  }
  if (checkFirstWord && !firstWordBeforeMayFit(text, p)) return null;
  const words: string[] = [];
  let wordsStart = p;
  for (let n = 0; n < 8; n++) {
    let q = p;
    while (q > 0 && (text[q - 1] === ' ' || text[q - 1] === '\u00a0')) q--;
    const wordEnd = q;
    while (q > 0 && wordEnd - q < 40 && isWordChar(text.charCodeAt(q - 1))) q--;
    if (q === wordEnd) break;
    const word = text.slice(q, wordEnd);
    const bare = word.slice(0, possessiveBareLength(word));
    const lower = bare.toLowerCase();
    const capital = bare[0] !== bare[0].toLowerCase();
    const possessive = bare.length < word.length;
    const fits = possessive ? capital : ROLE_HEAD_NOUNS.has(lower) || ROLE_MODIFIERS.has(lower)
      || (capital && (NATIONALITY_WORDS.has(bare) || COUNTRY_WORDS.has(bare) || ORGANISATION_WORDS.has(lower) || isAllCaps(bare)));
    if (!fits || lower === 'the') break;
    words.unshift(word);
    p = q;
    wordsStart = p;
    if (p > 0 && text[p - 1] !== ' ' && text[p - 1] !== '\u00a0') break;
  }
  while (words.length && ['of', 'and', 'for', 'the'].includes(words[0].toLowerCase())) words.shift();
  if (!words.length) return null;
  const lastBare = words[words.length - 1].toLowerCase();
  const headIndex = words.findIndex((w) => ROLE_HEAD_NOUNS.has(w.toLowerCase()));
  if (headIndex < 0) return null;
  // The word next to the name must be a head noun or sit inside a title ("Secretary of State").
  if (!ROLE_HEAD_NOUNS.has(lastBare) && !(headIndex < words.length - 1 && words.slice(headIndex + 1).some((w) => w.toLowerCase() === 'of'))) return null;
  if (comma) {
    // "the Chinese President, Xi Jinping" is an appositive; "as President, Gen Mattis" is not.
    const det = /([\p{L}'\u2019]+)[ \u00a0]+$/u.exec(text.slice(Math.max(0, wordsStart - 20), wordsStart));
    const lead = words[0];
    if (!(det && /^(?:the|a|an|his|her|its|their)$/i.test(det[1])) && possessiveBareLength(lead) === lead.length) return null;
  }
  return words.join(' ');
}

/**
 * False when the word ending before `p` certainly does not fit roleBefore's first test, so no role can
 * be found: the usual case ("said Smith", "and Smith"), told without cutting or lower-casing the word.
 */
function firstWordBeforeMayFit(text: string, p: number): boolean {
  let q = p;
  while (q > 0 && (text[q - 1] === ' ' || text[q - 1] === '\u00a0')) q--;
  const wordEnd = q;
  while (q > 0 && wordEnd - q < 40 && isWordChar(text.charCodeAt(q - 1))) q--;
  if (q === wordEnd) return false;
  const first = text.charCodeAt(q);
  // A word starting in lower case is not capitalised: as a possessive it never fits, otherwise it fits
  // only as a role head noun or modifier.
  if (first < 97 || first > 122) return true;
  return ROLE_HEAD_OR_MODIFIER_FILTER.mayContain(text, q, wordEnd, isAsciiRange(text, q, wordEnd));
}

/** Extends an in-run title ("Secretary") with lower-case role words before it ("US defence"). */
function roleWithContext(text: string, runStart: number, inRun: string): string {
  const before = roleBefore(text, runStart);
  if (before && !/,\s*$/.test(text.slice(runStart - 3, runStart))) return `${before} ${inRun}`;
  const m = /((?:\p{Lu}[\p{L}]*|US|UK|UN|EU)[ \u00a0]+)$/u.exec(text.slice(Math.max(0, runStart - 12), runStart));
  return m && (NATIONALITY_WORDS.has(m[1].trim()) || isAllCaps(m[1].trim())) ? `${m[1].trim()} ${inRun}` : inRun;
}

/** Appositive description after a name: "Nigel Farage, the Ukip leader," -> "Ukip leader". */
function roleAfter(text: string, end: number, possessive: boolean, checkWords = true): string | null {
  if (possessive || text[end] !== ',') return null;
  if (checkWords && !appositiveMayHoldRole(text, end)) return null;
  const m = /^,[ \u00a0]+([^,.;:!?()\n"\u201c\u201d]{2,120})/u.exec(text.slice(end, end + 130));
  if (!m) return null;
  const words = m[1].trim().split(/[ \u00a0]+/);
  const kept: string[] = [];
  for (const w of words) {
    if (APPOSITIVE_STOP.has(w.toLowerCase())) break;
    kept.push(w);
    if (kept.length > 10) return null;
  }
  while (kept.length && ['the', 'a', 'an'].includes(kept[0].toLowerCase())) kept.shift();
  if (!kept.length || !kept.some((w) => ROLE_HEAD_NOUNS.has(w.toLowerCase().replace(/['\u2019]s$/, '')))) return null;
  return kept.join(' ');
}

/**
 * False when no word the appositive regex of roleAfter can see after the comma at `end` may be a role head
 * noun, so roleAfter finds nothing ("Smith, who said", "Smith, 54, said"): told by a scan, without the
 * regex, the split and the lower-casing. Any doubt (characters beyond ASCII, controls, a word the regex
 * may cut at its length limit) answers true.
 */
function appositiveMayHoldRole(text: string, end: number): boolean {
  let k = end + 1;
  while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 0xa0)) k++;
  // The regex reads at most 130 characters from the comma, and its group at most 120.
  const limit = Math.min(text.length, end + 130, k + 120);
  while (k < limit) {
    let c = text.charCodeAt(k);
    if (isAppositiveStop(c)) return false;
    if (c === 32 || c === 0xa0) {
      k++;
      continue;
    }
    const start = k;
    for (; k < limit; k++) {
      c = text.charCodeAt(k);
      if (c === 32 || c === 0xa0 || isAppositiveStop(c)) break;
      if (c < 32 || c >= 128) return true;
    }
    if (k === limit) return true;
    // roleAfter drops a possessive "'s" before the lookup.
    const wordEnd = k - start >= 2 && (text.charCodeAt(k - 1) | 32) === 115 && text.charCodeAt(k - 2) === 39 ? k - 2 : k;
    if (ROLE_HEAD_FILTER.mayContain(text, start, wordEnd, true)) return true;
  }
  return false;
}

/** The ASCII characters that end roleAfter's appositive: , . ; : ! ? ( ) and line feed, double quote. */
function isAppositiveStop(c: number): boolean {
  return c === 44 || c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 40 || c === 41 || c === 10 || c === 34;
}

function finish(text: string, candidates: Candidate[], options: MentionOptions): RawMention[] {
  const notPeople = options.notPeople;
  const acceptWeak = options.acceptUnknownFullNames ?? true;
  // Names confirmed in this article (or elsewhere in the corpus) confirm their lone surnames and given names.
  const knownSurnames = new Map<string, number>();
  const knownGiven = new Set<string>();
  for (const c of candidates) {
    if (c.status !== 'accepted' && !(acceptWeak && c.status === 'weak')) continue;
    const surname = c.names[c.names.length - 1].text;
    knownSurnames.set(surname, (knownSurnames.get(surname) ?? 0) + 1);
    if (c.names.length >= 2) knownGiven.add(c.names[0].text);
  }
  const external = options.knownNames;
  const isKnown = (word: string): boolean => knownSurnames.has(word) || knownGiven.has(word) || (external !== undefined && (external.has(word) || external.has(word.toLowerCase())));
  const result: RawMention[] = [];
  for (const c of candidates) {
    let { end, names } = c;
    let keep = c.status === 'accepted' || (acceptWeak && c.status === 'weak');
    const last = names[names.length - 1];
    if (c.sStripCandidate && (keep || names.length === 1)) {
      // "Trumps advisors": a lost apostrophe, when the bare form is a known name and the s-form is not.
      const bare = last.text.slice(0, -1);
      const sFormElsewhere = (knownSurnames.get(last.text) ?? 0) - (keep ? 1 : 0) > 0;
      if (isKnown(bare) && !sFormElsewhere) {
        end -= 1;
        names = [...names.slice(0, -1), withText(last, bare, end)];
        keep = true;
      }
    }
    if (!keep && c.status !== 'weak') {
      if (names.length === 1) {
        const word = names[0].text;
        if (isKnown(word) && !(MONTH_NAMES.has(word.toLowerCase()) && monthContext(text, c.start, c.end))) keep = true;
      } else if (names.every((t) => t.lower || isKnown(t.text))) keep = true;
    }
    if (!keep && names.length === 1 && c.honorific === null && last.text.includes('-') && HYPHENATED_PAIR.test(last.text)) {
      // "Trump-Putin alliance": each half is a mention when each is a known name.
      const halves = last.text.split('-');
      if (halves.every((h) => isKnown(h))) {
        let at = last.start;
        for (const h of halves) {
          result.push({ start: at, end: at + h.length, text: h, honorific: null, nameParts: [h], role: null });
          at += h.length + 1;
        }
      }
      continue;
    }
    if (!keep && c.status === 'weak' && names.some((t) => knownSurnames.has(t.text) && (knownSurnames.get(t.text) ?? 0) > 1)) keep = true;
    if (!keep) {
      // "deter Putin from further aggression": a name the corpus may know from other articles.
      if (options.tentativeLoneNames && c.status === 'pending' && names.length === 1 && c.honorific === null && names[0].text.length > 1
        && !isSentenceStart(text, c.start) && inLowerCaseContext(text, c.start, end) && !(MONTH_NAMES.has(names[0].text.toLowerCase()) && monthContext(text, c.start, end))
        && !(notPeople && notPeople.has(names[0].text.toLowerCase()))) {
        result.push({ start: c.start, end, text: text.slice(c.start, end), honorific: null, nameParts: [names[0].text], role: c.role, tentative: true });
      }
      continue;
    }
    const nameParts = names.map((t) => t.text);
    if (notPeople && notPeople.size > 0 && (notPeople.has(nameParts.join(' ').toLowerCase()) || notPeople.has(text.slice(c.start, end).toLowerCase()))) continue;
    result.push({ start: c.start, end, text: text.slice(c.start, end), honorific: c.honorific, nameParts, role: c.role });
  }
  return result;
}

/**
 * Between lower-case words, as in running prose ("deter Putin from"): not in a run of capitalised words
 * ("West Indies", "AC Milan"), a list or a table, where a lone capital is more often part of another name.
 */
function inLowerCaseContext(text: string, start: number, end: number): boolean {
  let p = start - 1;
  while (p >= 0 && (text[p] === ' ' || text[p] === '\u00a0')) p--;
  if (p === start - 1 || p < 0) return false;
  // The word before must be a lower-case word: look at its first letter.
  if (!isAsciiLowerCode(text.charCodeAt(p))) return false;
  while (p > 0 && isAsciiLowerCode(text.charCodeAt(p - 1))) p--;
  if (p > 0 && isWordCharBefore(text.charCodeAt(p - 1), text[p - 1])) return false;
  let q = end;
  while (q < text.length && (text[q] === ' ' || text[q] === '\u00a0')) q++;
  const after = text[q];
  return after === undefined || after.toLowerCase() === after;
}

/** /[\p{L}\d'\u2019-]/u on one UTF-16 unit; ASCII by table, the rest by the regex. */
function isWordCharBefore(code: number, ch: string): boolean {
  if (code < 128) return (ASCII_CLASS[code] & WORD_CODE) !== 0;
  return /[\p{L}\d'\u2019-]/u.test(ch);
}

function isAsciiLowerCode(code: number): boolean {
  return code >= 97 && code <= 122;
}

const HYPHENATED_PAIR = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)+$/u;

/** "in May", "May 5", "early May": the month, not Theresa May. */
function monthContext(text: string, start: number, end: number): boolean {
  return /(?:\b(?:in|on|by|since|until|till|from|of|early|late|mid|last|next|this|since)[ \u00a0]+)$/i.test(text.slice(Math.max(0, start - 10), start))
    || /^[ \u00a0]+\d/.test(text.slice(end, end + 3));
}

/** Gender of a person mention from its honorific or given name; null when it cannot be told. */
export function genderOf(mention: Pick<RawMention, 'honorific' | 'nameParts'>): Gender | null {
  if (mention.honorific) {
    const g = HONORIFIC_GENDER.get(honorificKey(mention.honorific));
    if (g) return g;
  }
  if (mention.nameParts.length >= 2 || (mention.honorific && FIRST_NAME_HONORIFIC.has(honorificKey(mention.honorific)))) {
    return firstNameGender(mention.nameParts[0]) ?? null;
  }
  return null;
}

/** The hand-written scanners next to the regexes they stand for: a property test holds them to the same matches. */
export const scannersForTests = {
  runs(text: string): [number, number][] {
    const found: [number, number][] = [];
    const run = { start: 0, end: 0 };
    for (let more = nextRun(text, 0, run); more; more = nextRun(text, run.end, run)) found.push([run.start, run.end]);
    return found;
  },
  runsByRegex(text: string): [number, number][] {
    return [...text.matchAll(RUN)].map((m) => [m.index, m.index + m[0].length]);
  },
  /** Candidates of text[from, to) as extractMentions parses it, or by the tokenizer alone (no lone-word path). */
  candidates(text: string, from: number, to: number, wholeRun: boolean, tokenizerOnly: boolean): Candidate[] {
    const out: Candidate[] = [];
    if (tokenizerOnly) parseTokens(text, tokenize(text, from, to), out);
    else parseRun(text, from, to, wholeRun, out);
    return out;
  },
  /** roleBefore with and without its quick test of the first word. */
  roleBefore(text: string, start: number, checkFirstWord: boolean): string | null {
    return roleBefore(text, start, checkFirstWord);
  },
  /** roleAfter with and without its quick scan of the words after the comma. */
  roleAfter(text: string, end: number, checkWords: boolean): string | null {
    return roleAfter(text, end, false, checkWords);
  },
  thingNounAfter: isFollowedByThingNoun,
  thingNounAfterByRegex: isFollowedByThingNounByRegex,
  possessiveBareLength,
  isWordCharBefore,
  /** Tokens of text[from, to) (the whole text by default). */
  tokens(text: string, from = 0, to = text.length): Token[] {
    return tokenize(text, from, to);
  },
  tokensByRegex(text: string, from = 0, to = text.length): Token[] {
    const tokens: Token[] = [];
    for (const m of text.slice(from, to).matchAll(TOKEN)) pushToken(tokens, text, from + m.index, from + m.index + m[0].length);
    return tokens;
  },
};
