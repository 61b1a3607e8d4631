// The lexicons the tagger reads as features, keyed by token hash: each token gets a bit set of the lists
// its word is in, and a phrase mark when a multi-word gazetteer entry ("New York", "Sri Lanka") covers it.
import { FIRST_NAMES } from '../../language/firstNames';
import { COMMON_CAPITALISED_SET, FUNCTION_WORD_SET, MONTH_NAMES } from '../../language/common';
import { HONORIFIC_PHRASES } from '../../language/honorifics';
import { ROLE_HEAD_NOUNS, TITLE_HEADS } from '../../language/titles';
import { CITY_WORDS, COUNTRY_WORDS, NATIONALITY_WORDS, PLACE_HEAD_WORDS } from '../../language/places';
import { ORGANISATION_WORDS } from '../../language/organisations';
import { SPEECH_VERBS } from '../../language/speech';
import { GAZETTEER_CITIES, GAZETTEER_COUNTRIES, GAZETTEER_GEOGRAPHY, GAZETTEER_REGIONS } from '../../language/gazetteerPlaces';
import { GAZETTEER_COMPANY_SUFFIXES, GAZETTEER_INTERNATIONAL_BODIES, GAZETTEER_ORGANISATION_HEADS } from '../../language/gazetteerOrganisations';
import { BUSINESS_WORDS, POLITICS_WORDS, SPORT_WORDS } from '../../language/entityTopics';
import { casedHash, foldedHash } from './hashing';
import { tokenize } from './tokenizer';

/** Lexicon classes, one bit each. */
export const LEX_FIRST_NAME = 0;
export const LEX_HONORIFIC = 1;
export const LEX_TITLE = 2;
export const LEX_COUNTRY = 3;
export const LEX_CITY = 4;
export const LEX_REGION = 5;
export const LEX_NATIONALITY = 6;
export const LEX_PLACE_WORD = 7;
export const LEX_ORG_WORD = 8;
export const LEX_COMPANY_SUFFIX = 9;
export const LEX_ORG_NAME = 10;
export const LEX_COMMON = 11;
export const LEX_SPEECH_VERB = 12;
export const LEX_DATE = 13;
export const LEX_SPORT = 14;
export const LEX_BUSINESS = 15;
export const LEX_POLITICS = 16;
export const LEX_CLASSES = 17;

const DAYS = 'monday tuesday wednesday thursday friday saturday sunday'.split(' ');

/**
 * Open-addressing table from a 32-bit key to a bit set; keys are hashes, 0 marks an empty slot. Slot s holds
 * its key at 2s and its bits at 2s + 1: a lookup that finds its key reads one cache line, not two.
 */
class HashBits {
  private entries = new Int32Array(2 << 14);
  private size = 0;

  add(key: number, bits: number): void {
    const k = key === 0 ? 1 : key;
    if ((this.size + 1) * 4 > this.entries.length) this.grow();
    const { entries } = this;
    const mask = (entries.length >> 1) - 1;
    let at = k & mask;
    while (entries[2 * at] !== 0 && entries[2 * at] !== k) at = (at + 1) & mask;
    if (entries[2 * at] === 0) this.size++;
    entries[2 * at] = k;
    entries[2 * at + 1] |= bits;
  }

  get(key: number): number {
    const k = key === 0 ? 1 : key;
    const { entries } = this;
    const mask = (entries.length >> 1) - 1;
    for (let at = k & mask; ; at = (at + 1) & mask) {
      const found = entries[2 * at];
      if (found === k) return entries[2 * at + 1];
      if (found === 0) return 0;
    }
  }

  private grow(): void {
    const old = this.entries;
    this.entries = new Int32Array(old.length * 2);
    this.size = 0;
    for (let at = 0; at < old.length; at += 2) if (old[at] !== 0) this.add(old[at], old[at + 1]);
  }
}

/** Folded-hash keys of words; acronyms (all capitals) are keyed case-sensitively so "US" is not "us". */
const words = new HashBits();
const acronyms = new HashBits();
/** Multi-word entries by the hash of their first token: [class, token hashes...] each. */
const phrases = new Map<number, number[][]>();
/** A bit beyond the classes, set on the first word of a multi-word entry: only those words look phrases up. */
const PHRASE_START = 1 << 30;

/** log2 of the bits of OPENING_PAIRS. */
const PAIR_FILTER_BITS = 16;

/**
 * A bit set of the multi-word entries' first two words by hash: most phrase-start words ("the", "that") are
 * followed by no entry's second word, and are ruled out without looking their entries up.
 */
const OPENING_PAIRS = new Int32Array(1 << (PAIR_FILTER_BITS - 5));

function openingPairBit(first: number, second: number): number {
  return Math.imul(first ^ Math.imul(second, 0x85ebca6b), 0xc2b2ae35) >>> (32 - PAIR_FILTER_BITS);
}

function isAcronym(entry: string): boolean {
  return entry.length >= 2 && entry === entry.toUpperCase() && entry !== entry.toLowerCase();
}

function addEntries(list: Iterable<string>, lexClass: number): void {
  for (const entry of list) {
    const tokens = tokenize(entry);
    if (tokens.count === 0) continue;
    if (tokens.count === 1) {
      const start = tokens.starts[0];
      const end = tokens.ends[0];
      if (isAcronym(entry)) acronyms.add(casedHash(entry, start, end), 1 << lexClass);
      else words.add(foldedHash(entry, start, end), 1 << lexClass);
      continue;
    }
    const hashes = [lexClass];
    for (let t = 0; t < tokens.count; t++) hashes.push(foldedHash(entry, tokens.starts[t], tokens.ends[t]));
    const list = phrases.get(hashes[1]) ?? [];
    list.push(hashes);
    phrases.set(hashes[1], list);
    words.add(hashes[1], PHRASE_START);
    const bit = openingPairBit(hashes[1], hashes[2]);
    OPENING_PAIRS[bit >>> 5] |= 1 << (bit & 31);
  }
}

addEntries(FIRST_NAMES.keys(), LEX_FIRST_NAME);
addEntries(HONORIFIC_PHRASES, LEX_HONORIFIC);
addEntries([...TITLE_HEADS, ...ROLE_HEAD_NOUNS], LEX_TITLE);
addEntries([...COUNTRY_WORDS, ...GAZETTEER_COUNTRIES], LEX_COUNTRY);
addEntries([...CITY_WORDS, ...GAZETTEER_CITIES], LEX_CITY);
addEntries([...GAZETTEER_REGIONS, ...GAZETTEER_GEOGRAPHY], LEX_REGION);
addEntries(NATIONALITY_WORDS, LEX_NATIONALITY);
addEntries(PLACE_HEAD_WORDS, LEX_PLACE_WORD);
addEntries([...ORGANISATION_WORDS, ...GAZETTEER_ORGANISATION_HEADS], LEX_ORG_WORD);
addEntries(GAZETTEER_COMPANY_SUFFIXES, LEX_COMPANY_SUFFIX);
addEntries(GAZETTEER_INTERNATIONAL_BODIES, LEX_ORG_NAME);
addEntries([...FUNCTION_WORD_SET, ...COMMON_CAPITALISED_SET], LEX_COMMON);
addEntries(SPEECH_VERBS, LEX_SPEECH_VERB);
addEntries([...MONTH_NAMES, ...DAYS], LEX_DATE);
addEntries(SPORT_WORDS, LEX_SPORT);
addEntries(BUSINESS_WORDS, LEX_BUSINESS);
addEntries(POLITICS_WORDS, LEX_POLITICS);

/**
 * Lexicon bits of a token from its folded and cased hashes; `capitals`: it has a capital (acronyms need one).
 * Bit 30 marks the first word of a multi-word entry (markPhrases reads it; LEX_CLASS_MASK drops it).
 */
export function lexiconBits(folded: number, cased: number, capitals: boolean): number {
  return capitals ? words.get(folded) | acronyms.get(cased) : words.get(folded);
}

/** The class bits of lexicon bits. */
const LEX_CLASS_MASK = (1 << 30) - 1;

/**
 * Marks multi-word gazetteer matches over tokens [from, to): phrase[i] = 1 + 2 * class + (inside ? 1 : 0),
 * 0 outside any match; the longest match starting at a token wins. `folded` holds each token's folded hash,
 * `lex` its lexiconBits, whose phrase-start bit this drops (leaving the class bits).
 */
export function markPhrases(folded: Int32Array, lex: Int32Array, from: number, to: number, phrase: Int32Array): void {
  phrase.fill(0, from, to);
  for (let i = from; i < to; i++) {
    const bits = lex[i];
    if ((bits & PHRASE_START) === 0) continue;
    lex[i] = bits & LEX_CLASS_MASK;
    if (i + 1 === to) continue;
    const pairBit = openingPairBit(folded[i], folded[i + 1]);
    if ((OPENING_PAIRS[pairBit >>> 5] & (1 << (pairBit & 31))) === 0) continue;
    const candidates = phrases.get(folded[i]);
    if (candidates === undefined) continue;
    let best: number[] | undefined;
    for (const entry of candidates) {
      const n = entry.length - 1;
      if (i + n > to || (best !== undefined && n <= best.length - 1)) continue;
      let k = 1;
      while (k < n && folded[i + k] === entry[k + 1]) k++;
      if (k === n) best = entry;
    }
    if (best === undefined) continue;
    const n = best.length - 1;
    phrase[i] = 1 + 2 * best[0];
    for (let k = 1; k < n; k++) {
      phrase[i + k] = 2 + 2 * best[0];
      lex[i + k] &= LEX_CLASS_MASK;
    }
    i += n - 1;
  }
}
