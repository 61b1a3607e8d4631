// The role of a person named in the text: office words in front of the name ("US defence secretary"), or
// an appositive after it ("Nigel Farage, the Ukip leader,"). Each is read from the text around the name.
import * as appositives from '../../language/appositives';
import * as lexicon from '../../language';
import * as chars from '../../util/chars';
import * as textHelpers from '../../util/text';
import * as wordSets from '../../util/wordSets';
import * as words from './words';

// Bound once: module re-exports are getters, too slow for the inner loop.
const { COUNTRY_WORDS, NATIONALITY_WORDS, ORGANISATION_WORDS, ROLE_HEAD_NOUNS, ROLE_MODIFIERS } = lexicon;
const { APPOSITIVE_STOP } = appositives;
const { isAsciiLetterCode, isAsciiRange } = chars;
const { isAllCaps } = textHelpers;
const { WordFilter, WordInterner } = wordSets;
const { possessiveBareLength } = words;

const ROLE_HEAD_FILTER = new WordFilter(ROLE_HEAD_NOUNS);
const ROLE_HEAD_OR_MODIFIER_FILTER = new WordFilter([...ROLE_HEAD_NOUNS, ...ROLE_MODIFIERS]);
/** The longest word roleBefore reads; its quick test (firstWordBeforeMayFit) reads the same word. */
const ROLE_WORD_MAX_LENGTH = 40;

// What roleBefore asks of a word read before a name, as bits: worked out once per distinct word (as written).
/** It may be part of a role in front of a name (and is not "the", which ends the role words). */
const ROLE_FITS = 1;
/** "of", "and", "for", "the": dropped from the front of the role words. */
const ROLE_LEAD_DROPPED = 2;
const ROLE_HEAD = 4;
const ROLE_OF = 8;

const ROLE_WORDS = new WordInterner<number>(roleWordFacts);

function roleWordFacts(word: string): number {
  const bare = word.slice(0, possessiveBareLength(word));
  const lower = bare.toLowerCase();
  const capital = bare[0] !== bare[0].toLowerCase();
  const possessive = bare.length < word.length;
  const fits = possessive ? capital : ROLE_HEAD_NOUNS.has(lower) || ROLE_MODIFIERS.has(lower)
    || (capital && (NATIONALITY_WORDS.has(bare) || COUNTRY_WORDS.has(bare) || ORGANISATION_WORDS.has(lower) || isAllCaps(bare)));
  const whole = word.toLowerCase();
  return (fits && lower !== 'the' ? ROLE_FITS : 0) | (LEAD_DROPPED.includes(whole) ? ROLE_LEAD_DROPPED : 0)
    | (ROLE_HEAD_NOUNS.has(whole) ? ROLE_HEAD : 0) | (whole === 'of' ? ROLE_OF : 0);
}

const LEAD_DROPPED = ['of', 'and', 'for', 'the'];
/** The most words roleBefore reads. */
const ROLE_MAX_WORDS = 8;
/** The role words roleBefore read, nearest the name first: their offsets and ROLE_* bits. */
const roleStarts = new Int32Array(ROLE_MAX_WORDS);
const roleEnds = new Int32Array(ROLE_MAX_WORDS);
const roleFacts = new Int32Array(ROLE_MAX_WORDS);

/**
 * Role words in front of a name, possibly over a comma: "US defence secretary General ...", "the Chinese President, Xi".
 * Words are looked up in place and the role is cut out of the text only when one is found: most names have none.
 */
export function roleBefore(text: string, start: number, checkFirstWord = true): string | null {
  let p = spacesStartBefore(text, start);
  let comma = false;
  if (text[p - 1] === ',') {
    comma = true;
    p--;
  }
  if (checkFirstWord && !firstWordBeforeMayFit(text, p)) return null;
  let count = 0;
  let wordsStart = p;
  while (count < ROLE_MAX_WORDS) {
    const wordEnd = spacesStartBefore(text, p);
    const q = wordStartBefore(text, wordEnd, ROLE_WORD_MAX_LENGTH);
    if (q === wordEnd) break;
    const facts = ROLE_WORDS.value(ROLE_WORDS.find(text, q, wordEnd));
    if ((facts & ROLE_FITS) === 0) break;
    roleStarts[count] = q;
    roleEnds[count] = wordEnd;
    roleFacts[count] = facts;
    count++;
    p = q;
    wordsStart = p;
    if (p > 0 && text[p - 1] !== ' ' && text[p - 1] !== '\u00a0') break;
  }
  // In text order the words are count - 1 down to 0; `lead` is the first kept.
  let lead = count - 1;
  while (lead >= 0 && (roleFacts[lead] & ROLE_LEAD_DROPPED) !== 0) lead--;
  if (lead < 0) return null;
  let head = lead;
  while (head >= 0 && (roleFacts[head] & ROLE_HEAD) === 0) head--;
  if (head < 0) return null;
  // The word next to the name must be a head noun or sit inside a title ("Secretary of State").
  if ((roleFacts[0] & ROLE_HEAD) === 0) {
    let of = head - 1;
    while (of >= 0 && (roleFacts[of] & ROLE_OF) === 0) of--;
    if (of < 0) return null;
  }
  if (comma) {
    // "the Chinese President, Xi Jinping" is an appositive; "as President, Gen Mattis" is not.
    const det = /([\p{L}'\u2019]+)[ \u00a0]+$/u.exec(text.slice(Math.max(0, wordsStart - 20), wordsStart));
    const leadWord = text.slice(roleStarts[lead], roleEnds[lead]);
    if (!(det && /^(?:the|a|an|his|her|its|their)$/i.test(det[1])) && possessiveBareLength(leadWord) === leadWord.length) return null;
  }
  let role = text.slice(roleStarts[lead], roleEnds[lead]);
  for (let k = lead - 1; k >= 0; k--) role += ' ' + text.slice(roleStarts[k], roleEnds[k]);
  return role;
}

/**
 * False when the word ending before `p` certainly does not fit roleBefore's first test, so no role can
 * be found: the usual case ("said Smith", "and Smith"), told without cutting or lower-casing the word.
 */
function firstWordBeforeMayFit(text: string, p: number): boolean {
  const wordEnd = spacesStartBefore(text, p);
  const q = wordStartBefore(text, wordEnd, ROLE_WORD_MAX_LENGTH);
  if (q === wordEnd) return false;
  const first = text.charCodeAt(q);
  // A word starting in lower case is not capitalised: as a possessive it never fits, otherwise it fits
  // only as a role head noun or modifier.
  if (first < 97 || first > 122) return true;
  return ROLE_HEAD_OR_MODIFIER_FILTER.mayContain(text, q, wordEnd, isAsciiRange(text, q, wordEnd));
}

/** Extends an in-run title ("Secretary") with lower-case role words before it ("US defence"). */
export function roleWithContext(text: string, runStart: number, inRun: string): string {
  const before = roleBefore(text, runStart);
  if (before && !/,\s*$/.test(text.slice(runStart - 3, runStart))) return `${before} ${inRun}`;
  const m = /((?:\p{Lu}[\p{L}]*|US|UK|UN|EU)[ \u00a0]+)$/u.exec(text.slice(Math.max(0, runStart - 12), runStart));
  return m && (NATIONALITY_WORDS.has(m[1].trim()) || isAllCaps(m[1].trim())) ? `${m[1].trim()} ${inRun}` : inRun;
}

/** A role head noun ("secretary", "leader") is the word right before the name. */
export function roleDirectlyBefore(text: string, start: number): boolean {
  const wordEnd = spacesStartBefore(text, start);
  if (wordEnd === start) return false;
  const q = wordStartBefore(text, wordEnd, 30);
  return q < wordEnd && ROLE_HEAD_FILTER.mayContain(text, q, wordEnd, isAsciiRange(text, q, wordEnd)) && ROLE_HEAD_NOUNS.has(text.slice(q, wordEnd).toLowerCase());
}

/** Start of the spaces and no-break spaces that end at `p` (`p` when there are none). */
function spacesStartBefore(text: string, p: number): number {
  let q = p;
  while (q > 0 && (text[q - 1] === ' ' || text[q - 1] === '\u00a0')) q--;
  return q;
}

/** Start of the word that ends at `wordEnd`, read backwards at most `maxLength` characters (`wordEnd` when none). */
function wordStartBefore(text: string, wordEnd: number, maxLength: number): number {
  let q = wordEnd;
  while (q > 0 && wordEnd - q < maxLength && isWordChar(text.charCodeAt(q - 1))) q--;
  return q;
}

/** Letters (any script), apostrophes, hyphens and dots: the characters of a word read backwards. */
function isWordChar(code: number): boolean {
  if (isAsciiLetterCode(code)) return true;
  if (code === 39 || code === 45 || code === 46 || code === 0x2019) return true;
  return code >= 0xc0 && code !== 0x2014 && code !== 0x2013 && code !== 0x201c && code !== 0x201d && code !== 0x2018 && code !== 0x00a0 && code !== 0x2022;
}

/** Appositive description after a name: "Nigel Farage, the Ukip leader," -> "Ukip leader". */
export function roleAfter(text: string, end: number, possessive: boolean, checkWords = true): string | null {
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
