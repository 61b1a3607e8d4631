// One name, one reading per article: a name the tagger found once as an organisation or place is that
// wherever else the article writes it alone ("Nato said ... members of Nato"), and the names of countries and
// international bodies every desk knows are found even where the tagger saw none (it was trained on text that
// writes "NATO", not "Nato"). Only where nothing else claims the words: no tagger entity, no person.
import type { NamedEntityType, RawEntityMention, RawMention, Span } from '../../types';
import type { Entity } from '../entities';
import { GAZETTEER_COUNTRIES } from '../../language/gazetteerPlaces';
import { GAZETTEER_INTERNATIONAL_BODIES } from '../../language/gazetteerOrganisations';
import { KNOWN_NAME_GROUPS, entityKey } from '../../language/entityNames';
import { isFirstName } from '../../language/firstNames';
import { ROLE_MODIFIERS, TITLE_HEADS } from '../../language/titles';
import { isAsciiUpperCode } from '../../util/chars';
import { CodeUnits } from '../../util/codeUnits';
import { fnv1a, fnv1aOfCodes } from '../../util/hash';
import { rawEntityMention } from '../mentions/rawMention';

const COUNTRY_KEYS: ReadonlySet<string> = new Set(GAZETTEER_COUNTRIES.map(entityKey));

/**
 * Names found without the tagger, with their type: countries (places) and international bodies
 * (organisations), with the lexicon's variants of each. A name that is also a given name ("Chad", "Jordan")
 * is left to the tagger.
 */
export const KNOWN_NAMES: ReadonlyMap<string, NamedEntityType> = (() => {
  const names = new Map<string, NamedEntityType>();
  const add = (name: string, type: NamedEntityType): void => {
    if (!isFirstName(name.split(' ')[0]) && !names.has(name)) names.set(name, type);
  };
  for (const name of GAZETTEER_COUNTRIES) add(name, 'place');
  for (const name of GAZETTEER_INTERNATIONAL_BODIES) add(name, COUNTRY_KEYS.has(entityKey(name)) ? 'place' : 'organization');
  for (const group of KNOWN_NAME_GROUPS) {
    const type = group.some((name) => COUNTRY_KEYS.has(entityKey(name))) ? 'place' : 'organization';
    for (const name of group) {
      names.delete(name);
      add(name, type);
    }
  }
  return names;
})();

/** Words of a name, by its first word: the longest name is tried first. */
function byFirstWord(names: Iterable<string>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const name of names) {
    const space = name.indexOf(' ');
    const first = space < 0 ? name : name.slice(0, space);
    const list = index.get(first);
    if (list) list.push(name);
    else index.set(first, [name]);
  }
  for (const list of index.values()) list.sort((a, b) => b.length - a.length);
  return index;
}

const KNOWN_BY_FIRST_WORD = byFirstWord(KNOWN_NAMES.keys());

/** log2 of the bits of a first-word filter. */
const FILTER_BITS = 16;

/**
 * A bit set of the known names' first words by hash: most capitalised words of an article are ruled out
 * without cutting them out of the text to look them up. False positives only cost the lookup.
 */
const KNOWN_FILTER = (() => {
  const filter = new Uint8Array(1 << (FILTER_BITS - 3));
  for (const word of KNOWN_BY_FIRST_WORD.keys()) {
    const bit = fnv1a(word) >>> (32 - FILTER_BITS);
    filter[bit >>> 3] |= 1 << (bit & 7);
  }
  return filter;
})();

/** Whether the word with hash `hash` may be the first word of a known name. */
function mayBeKnownFirstWord(hash: number): boolean {
  const bit = hash >>> (32 - FILTER_BITS);
  return (KNOWN_FILTER[bit >>> 3] & (1 << (bit & 7))) !== 0;
}

/**
 * log2 of the bits of an article's first-word filter: with the hundred-odd names of an article, about one
 * article in three meets a word the filter lets through in vain.
 */
const LOCAL_FILTER_BITS = 14;

/**
 * The names of an article's mentions (`found`) by first word, the longest first, each with the type of its
 * first mention. Only words no other phase claims are looked up, a few per article: a bit filter of the
 * first words' hashes answers most, and the mentions are read for the rest.
 */
class LocalNames {
  private readonly filter = new Int32Array(1 << (LOCAL_FILTER_BITS - 5));

  /** `codes` are the code units of the text the mentions' offsets point into (a mention's text is text[start, end)). */
  constructor(codes: Uint16Array, private readonly found: readonly RawEntityMention[]) {
    for (const m of found) {
      // The first word read from the code units: a mention's text is a slice, slow to scan with indexOf and charCodeAt.
      let space = m.start;
      while (space < m.end && codes[space] !== 0x20) space++;
      const bit = fnv1aOfCodes(codes, m.start, space) >>> (32 - LOCAL_FILTER_BITS);
      this.filter[bit >>> 5] |= 1 << (bit & 31);
    }
  }

  /** Whether the word with hash `hash` may be the first word of one of the names. */
  mayHold(hash: number): boolean {
    const bit = hash >>> (32 - LOCAL_FILTER_BITS);
    return (this.filter[bit >>> 5] & (1 << (bit & 31))) !== 0;
  }

  /** The names whose first word is `word` (hash `hash`; no space in it), the longest first; undefined when none. */
  withFirstWord(word: string, hash: number): readonly string[] | undefined {
    if (!this.mayHold(hash)) return undefined;
    let names: string[] | undefined;
    for (const m of this.found) {
      const name = m.text;
      if (name.startsWith(word) && (name.length === word.length || name.charCodeAt(word.length) === 0x20) && !names?.includes(name)) (names ??= []).push(name);
    }
    // Stable: names of one length stay in the order of their first mentions.
    return names?.sort((a, b) => b.length - a.length);
  }

  /** The type of the first mention of `name`, undefined when it is none of the names. */
  typeOf(name: string): NamedEntityType | undefined {
    for (const m of this.found) if (m.text === name) return m.type;
    return undefined;
  }
}

/** The code units of the text spreadNames reads. */
const spreadCodes = new CodeUnits();

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
}

/** The capitalised word right after `end` (one space between), or null. */
function nextWord(text: string, end: number): string | null {
  if (text.charCodeAt(end) !== 0x20 || !isAsciiUpperCode(text.charCodeAt(end + 1))) return null;
  let q = end + 1;
  while (q < text.length && isWordCode(text.charCodeAt(q))) q++;
  return text.slice(end + 1, q);
}

/** Whether a capitalised word sits right before `start` mid-sentence: the name is part of a longer one. */
function afterCapitalisedWord(text: string, start: number): boolean {
  if (start < 2 || text.charCodeAt(start - 1) !== 0x20) return false;
  let p = start - 1;
  while (p > 0 && isWordCode(text.charCodeAt(p - 1))) p--;
  return p < start - 1 && isAsciiUpperCode(text.charCodeAt(p)) && p > 0 && text.charCodeAt(p - 1) === 0x20 && !/[.!?:]/.test(text[p - 2] ?? '.');
}

/** Whether the name stands alone: no capitalised word joins it, except an office title ("US Defence Secretary"). */
function standsAlone(text: string, start: number, end: number): boolean {
  if (afterCapitalisedWord(text, start)) return false;
  const next = nextWord(text, end);
  if (next === null) return true;
  const lower = next.toLowerCase();
  return TITLE_HEADS.has(lower) || ROLE_MODIFIERS.has(lower);
}

/**
 * `found` with the other occurrences of its names, and of known names, that nothing else claims; sorted by
 * start. `text` is the text the tagger read (excluded ranges blanked); `tagged` its entities; `people` the
 * article's person mentions.
 */
export function spreadNames(text: string, found: RawEntityMention[], tagged: readonly Entity[], people: readonly RawMention[], notEntities: ReadonlySet<string>): RawEntityMention[] {
  const codes = spreadCodes.of(text);
  const local = new LocalNames(codes, found);
  const claimed = new Claims([tagged, people, found]);
  // Made at the first name, holding it: an empty literal starts as an array of small integers and changes kind at the first push.
  let added: RawEntityMention[] | null = null;
  const n = text.length;
  for (let start = 0; start < n; start++) {
    // Straight to the next capital A-Z: most characters are none.
    while (start < n && (codes[start] - 65) >>> 0 > 25) start++;
    if (start === n) break;
    if (start > 0 && isWordCode(codes[start - 1])) continue;
    let wordEnd = start + 1;
    while (wordEnd < n && isNamePartCode(codes[wordEnd])) wordEnd++;
    const at = start;
    start = wordEnd;
    // Most capitalised words are part of a name another phase found: ruled out before they are looked up.
    const next = claimed.freeUntil(at, n);
    if (next < 0) continue;
    // A possessive or a closing full stop is not part of the word ("Nato's", "... the UK.").
    let end = wordEnd;
    if (end - at > 2 && codes[end - 1] === 0x73 && isApostrophe(codes[end - 2])) end -= 2;
    else if (isApostrophe(codes[end - 1])) end--;
    let hash = fnv1aOfCodes(codes, at, end);
    const dotted = codes[end - 1] === 0x2e;
    const undottedHash = dotted ? fnv1aOfCodes(codes, at, end - 1) : hash;
    if (!mayBeKnownFirstWord(hash) && !local.mayHold(hash) && !(dotted && (mayBeKnownFirstWord(undottedHash) || local.mayHold(undottedHash)))) continue;
    let word = text.slice(at, end);
    let candidates = KNOWN_BY_FIRST_WORD.get(word);
    if (candidates === undefined && dotted) {
      word = text.slice(at, end - 1);
      hash = undottedHash;
      candidates = KNOWN_BY_FIRST_WORD.get(word);
    }
    const localCandidates = local.withFirstWord(word, hash);
    if (candidates === undefined && localCandidates === undefined) continue;
    const name = fits(text, at, next, localCandidates) ?? fits(text, at, next, candidates);
    if (name === undefined || (notEntities.size > 0 && notEntities.has(name.toLowerCase()))) continue;
    const nameEnd = at + name.length;
    if (!standsAlone(text, at, nameEnd)) continue;
    const mention = rawEntityMention(at, nameEnd, name, local.typeOf(name) ?? KNOWN_NAMES.get(name)!);
    if (added === null) added = [mention];
    else added.push(mention);
    if (nameEnd > start) start = nameEnd;
  }
  if (added === null) return found;
  return [...found, ...added].sort((a, b) => a.start - b.start);
}

/** Spans other phases claimed, as lists each sorted by start with no overlaps inside a list. */
class Claims {
  private readonly at: Int32Array;

  constructor(private readonly lists: readonly (readonly Span[])[]) {
    this.at = new Int32Array(lists.length);
  }

  /** For increasing `offset`s: -1 when a span covers it, else where the next span starts (or `end`). */
  freeUntil(offset: number, end: number): number {
    let next = end;
    for (let k = 0; k < this.lists.length; k++) {
      const list = this.lists[k];
      let i = this.at[k];
      while (i < list.length && list[i].end <= offset) i++;
      this.at[k] = i;
      if (i === list.length) continue;
      if (list[i].start <= offset) return -1;
      if (list[i].start < next) next = list[i].start;
    }
    return next;
  }
}

/** The first of `names` written at `start` as a whole word, ending before `limit`. */
function fits(text: string, start: number, limit: number, names: readonly string[] | undefined): string | undefined {
  if (names === undefined) return undefined;
  for (const name of names) {
    const end = start + name.length;
    if (end <= limit && text.startsWith(name, start) && !(end < text.length && isWordCode(text.charCodeAt(end)))) return name;
  }
  return undefined;
}

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019;
}

/** Characters inside a name token: letters, digits, full stops ("U.S."), "&", apostrophes, hyphens. */
function isNamePartCode(c: number): boolean {
  return isWordCode(c) || c === 0x2e || c === 0x26 || c === 0x2d || isApostrophe(c);
}
