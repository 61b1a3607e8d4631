// What the name parser asks of a capitalised word, worked out once per distinct word (wordFacts), and the
// token tests built on it: could it be part of a name, of an office title, an abbreviation.
import * as abbreviations from '../../language/abbreviations';
import * as lexicon from '../../language';
import * as nameSuffixes from '../../language/nameSuffixes';
import * as stringHelpers from '../../util/strings';
import * as textHelpers from '../../util/text';
import * as wordSets from '../../util/wordSets';

// Bound once: module re-exports are getters, too slow for the inner loop.
const {
  CITY_WORDS, COMMON_CAPITALISED_SET, COUNTRY_WORDS, FUNCTION_WORD_SET, HONORIFIC_PHRASES, MONTH_NAMES, NATIONALITY_WORDS,
  ORGANISATION_WORDS, PLACE_HEAD_WORDS, ROLE_MODIFIERS, THING_NOUNS, TITLE_HEADS, isFirstName,
} = lexicon;
const { TITLE_ABBREVIATIONS } = abbreviations;
const { NAME_SUFFIXES } = nameSuffixes;
const { detach } = stringHelpers;
const { isAllCaps } = textHelpers;
const { WordInterner } = wordSets;

/** First words of honorific phrases: a cheap test before building phrases. */
/** A word of a run of capitalised words, as the name parser reads it (scan.ts tokenizes runs into these). */
export interface NameToken {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** A dot follows directly. */
  readonly dot: boolean;
  readonly lower: boolean;
  /** WORD_* bits of the word as tokenized (see wordFacts); 0 for lower-case tokens. */
  readonly facts: number;
}

export const HONORIFIC_FIRST_WORDS = new Set([...HONORIFIC_PHRASES].map((h) => h.split(' ')[0]));
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

// What the parser asks of a capitalised word, as bits: one memo lookup per token instead of one per question.
export const WORD_HONORIFIC_START = 1;
export const WORD_ROLE = 2;
export const WORD_TITLE_HEAD = 4;
export const WORD_FIRST_NAME = 8;
export const WORD_ABBREVIATION = 16;
/** An organisation, place or thing word: after a name it names a thing ("Trump Tower"). */
export const WORD_THING_HEAD = 32;
export const WORD_NAME_ALONE = 64;
export const WORD_NAME_AFTER_GIVEN = 128;
/** "A's": whether it is a name word depends on the dot after it, so isNameWord asks per token. */
export const WORD_NAME_NEEDS_DOT = 256;
/** Bits 9-11: the most words of an honorific phrase starting with this word (HONORIFIC_WORDS_AFTER). */
export const WORD_HONORIFIC_LENGTH_SHIFT = 9;
/** A capital or a character beyond ASCII after the third character: the only words two glued words can make ("ParisSir"). */
export const WORD_INNER_CAPITAL = 1 << 12;
/** A lower-case word ("de", "said"), not a name after a lower-case prefix ("al-Assad"): a token that is no name word. */
export const WORD_LOWER = 1 << 13;

/** Every word of every run, with its facts: the same words come back in every article. */
export const WORDS = new WordInterner<number>(wordFactsUncached);

/** The WORD_* bits of a word as written. */
export function wordFacts(word: string): number {
  return WORDS.value(WORDS.find(word, 0, word.length));
}

function wordFactsUncached(word: string): number {
  const lower = word.toLowerCase();
  let facts = 0;
  if (HONORIFIC_FIRST_WORDS.has(lower)) facts |= WORD_HONORIFIC_START | (Math.min(7, HONORIFIC_WORDS_AFTER.get(lower) ?? 0) << WORD_HONORIFIC_LENGTH_SHIFT);
  if (TITLE_HEADS.has(lower) || ROLE_MODIFIERS.has(lower) || NATIONALITY_WORDS.has(word) || COUNTRY_WORDS.has(word) || ORGANISATION_WORDS.has(lower) || isAllCaps(word)) facts |= WORD_ROLE;
  if (TITLE_HEADS.has(lower)) facts |= WORD_TITLE_HEAD;
  if (isFirstName(word)) facts |= WORD_FIRST_NAME;
  if (word.length === 1 || TITLE_ABBREVIATIONS.has(lower)) facts |= WORD_ABBREVIATION;
  if (THING_NOUNS.has(lower) || ORGANISATION_WORDS.has(lower) || PLACE_HEAD_WORDS.has(lower)) facts |= WORD_THING_HEAD;
  if (hasInnerCapital(word)) facts |= WORD_INNER_CAPITAL;
  if (isLowerWord(word)) facts |= WORD_LOWER;
  if (word.length > 1) {
    if (possessiveBareLength(word) === 1) facts |= WORD_NAME_NEEDS_DOT;
    else {
      if (isNameWordUncached(word, false, false)) facts |= WORD_NAME_ALONE;
      if (isNameWordUncached(word, false, true)) facts |= WORD_NAME_AFTER_GIVEN;
    }
  }
  return facts;
}

function hasInnerCapital(word: string): boolean {
  for (let k = 3; k < word.length; k++) {
    const code = word.charCodeAt(k);
    if ((code >= 65 && code <= 90) || code > 127) return true;
  }
  return false;
}

function isLowerWord(word: string): boolean {
  const first = word[0];
  return first === first.toLowerCase() && !LOWER_PREFIXED_NAME.test(word);
}

const LOWER_PREFIXED_NAME = /^\p{Ll}+[-'\u2019]\p{Lu}/u;

/** A token whose dot does not end a sentence: an abbreviation or an initial. */
export function isAbbreviation(t: NameToken): boolean {
  if (!t.lower) return (t.facts & WORD_ABBREVIATION) !== 0;
  return t.text.length === 1 || TITLE_ABBREVIATIONS.has(t.text.toLowerCase());
}

/** A capitalised word that could be part of an office title in front of a name ("Defence Secretary"). */
export function isRoleWord(t: NameToken): boolean {
  if (t.lower) return t.text === 'of' || t.text === 'for';
  return (t.facts & WORD_ROLE) !== 0;
}

export function isTitleHead(t: NameToken): boolean {
  return (t.facts & WORD_TITLE_HEAD) !== 0;
}

/** Strips a possessive ending: "Trump's" -> "Trump". Returns the bare length. */
export function possessiveBareLength(word: string): number {
  const n = word.length;
  if (n <= 2) return n;
  const last = word.charCodeAt(n - 1);
  const before = word.charCodeAt(n - 2);
  if (last === 115 && (before === 39 || before === 0x2019)) return n - 2; // 's, ’s
  if (before === 115 && (last === 39 || last === 0x2019)) return n - 1; // s', s’
  return n;
}

/** Could this word be part of a person's name? `afterGiven` relaxes the check for surnames like "May". */
export function isNameWord(t: NameToken, afterGiven: boolean): boolean {
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

/** A token slot of a reused array (see putNameToken): rewritten from run to run. */
type TokenSlot = { -readonly [K in keyof NameToken]: NameToken[K] };

/**
 * Writes a token at tokens[at], rewriting the object already there: a run's tokens live in one array reused
 * from run to run, and most are dropped (only the names of candidates are kept, as copies: copyTokens).
 */
export function writeToken(tokens: NameToken[], at: number, start: number, end: number, text: string, dot: boolean, lower: boolean, facts: number): void {
  const t = tokens[at] as TokenSlot | undefined;
  if (t === undefined) {
    tokens[at] = { start, end, text, dot, lower, facts };
    return;
  }
  t.start = start;
  t.end = end;
  t.text = text;
  t.dot = dot;
  t.lower = lower;
  t.facts = facts;
}

/** Copies of tokens[from, to), in a packed array of exactly their number. */
export function copyTokens(tokens: readonly NameToken[], from: number, to: number): NameToken[] {
  const copies = tokens.slice(from, to);
  for (let k = 0; k < copies.length; k++) {
    const t = copies[k];
    copies[k] = { start: t.start, end: t.end, text: t.text, dot: t.dot, lower: t.lower, facts: t.facts };
  }
  return copies;
}

/** The token cut to `text` (a possessive or lost-apostrophe "s" dropped), with the facts of that text. */
export function withText(t: NameToken, text: string, end: number): NameToken {
  return { ...t, text, end, facts: t.lower ? 0 : wordFacts(text) };
}
