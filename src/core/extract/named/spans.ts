// One tagger entity to an organisation or place mention, or none: CoNLL-2003 span conventions (no leading
// lower-case "the"), institutions named by their seat typed as organisations, and the adjectives a tagger may take
// for places ("British", "US-led") dropped: a nationality or a compound adjective is not a mention.
import type { RawEntityMention } from '../../types';
import type { Entity } from '../entities';
import { INSTITUTION_SEATS, NOT_ENTITY_NAMES } from '../../language/entityNames';
import { NATIONALITY_WORDS } from '../../language/places';
import { FUNCTION_WORD_SET, HOLIDAY_NAMES, MONTH_NAMES, WEEKDAY_NAMES } from '../../language/common';
import { isAsciiLetterCode, isAsciiLowerCode, isAsciiRange, isAsciiUpperCode, UPPER } from '../../util/chars';
import { ROLE_MODIFIERS, TITLE_HEADS } from '../../language/titles';
import { KNOWN_NAMES } from './consistency';
import { AMBIGUOUS_RANKS, HONORIFIC_PHRASES } from '../../language/honorifics';
import { AsciiWordSet } from '../../util/wordSets';
import { rawEntityMention } from '../mentions/rawMention';

/**
 * The mention a tagger entity stands for, or null. A country or international body the tagger took for
 * another kind of name ("Nato forces" as MISC) is taken as what it is.
 */
export function namedSpan(text: string, entity: Entity): RawEntityMention | null {
  if (entity.type !== 'organization' && entity.type !== 'place') {
    const known = KNOWN_NAMES.get(entity.text);
    return known === undefined ? null : rawEntityMention(entity.start, entity.end, entity.text, known);
  }
  let { start } = entity;
  const { end } = entity;
  // "the Kremlin" -> "Kremlin"; a capitalised "The" the tagger took in is part of the name ("The Sunday Telegraph").
  if (text.startsWith('the ', start) && end - start > 4) start += 4;
  const span = start === entity.start ? entity.text : text.slice(start, end);
  const first = span.charCodeAt(0);
  if (!isAsciiUpperCode(first) && !(first >= 48 && first <= 57) && !(first >= 0xc0 && UPPER.test(span[0]))) return null;
  if (NATIONALITY_WORDS.has(span) || NOT_ENTITY_NAMES.has(span) || isCommonWord(span) || startsWithHonorific(span) || afterHonorific(text, start) || isCompoundAdjective(span) || beginsOfficeTitle(text, span, end)) return null;
  const type = INSTITUTION_SEATS.has(span) ? 'organization' : entity.type;
  return rawEntityMention(start, end, span, type);
}

/** Function words, days, months and holidays, looked up in the text without cutting the word out. */
const COMMON_WORDS = new AsciiWordSet([...FUNCTION_WORD_SET, ...WEEKDAY_NAMES, ...MONTH_NAMES, ...HOLIDAY_NAMES]);

/** One capitalised word that is a function word, a day, a month or a holiday ("One", "Christmas"): never a place or body. */
function isCommonWord(span: string): boolean {
  if (span.length < 3 || span.length > 12) return false;
  // Lower case after the first letter: one word, and not an acronym ("US", "IT").
  for (let k = 1; k < span.length; k++) if (!isAsciiLowerCode(span.charCodeAt(k))) return false;
  return isAsciiUpperCode(span.charCodeAt(0)) && COMMON_WORDS.has(span, 0, span.length);
}

/** Words of an office title before its head, taken for a department: "Defence" in "the Defence Secretary". */
function beginsOfficeTitle(text: string, span: string, end: number): boolean {
  if (text.charCodeAt(end) !== 0x20 || !isAsciiUpperCode(text.charCodeAt(end + 1))) return false;
  let q = end + 1;
  while (q < text.length && (isAsciiLetterCode(text.charCodeAt(q)) || text.charCodeAt(q) === 0x2d)) q++;
  if (!TITLE_HEADS.has(text.slice(end + 1, q).toLowerCase())) return false;
  for (const word of span.split(' ')) if (!ROLE_MODIFIERS.has(word.toLowerCase())) return false;
  return true;
}

/** Honorifics that mark a person's name, looked up in the text without cutting the word out. */
const PERSON_HONORIFICS = new AsciiWordSet([...HONORIFIC_PHRASES].filter((word) => !AMBIGUOUS_RANKS.has(word)));

/** Whether text[start, end) without one final dot, lower-cased, is in PERSON_HONORIFICS. */
function isPersonHonorific(text: string, start: number, end: number): boolean {
  const stop = end > start && text.charCodeAt(end - 1) === 0x2e ? end - 1 : end;
  if (stop <= start) return false;
  if (!isAsciiRange(text, start, stop)) {
    const word = text.slice(start, stop).toLowerCase();
    return !AMBIGUOUS_RANKS.has(word) && HONORIFIC_PHRASES.has(word);
  }
  return PERSON_HONORIFICS.has(text, start, stop);
}

/** "Mrs Georgia Brent": a name after an honorific is a person's, whatever the tagger read. */
function startsWithHonorific(span: string): boolean {
  const space = span.indexOf(' ');
  return space >= 0 && isPersonHonorific(span, 0, space);
}

/** "Mrs [Georgia Brent]": a name right after an honorific is a person's. */
function afterHonorific(text: string, start: number): boolean {
  if (start < 3 || text.charCodeAt(start - 1) !== 0x20) return false;
  let p = start - 1;
  while (p > 0 && (isAsciiLetterCode(text.charCodeAt(p - 1)) || text.charCodeAt(p - 1) === 0x2e)) p--;
  return isPersonHonorific(text, p, start - 1);
}

/** "US-led", "Kremlin-backed": a name joined by a hyphen to a lower-case word is an adjective. */
function isCompoundAdjective(span: string): boolean {
  // The last hyphen, read by hand: lastIndexOf is a call out of optimised code.
  for (let k = span.length - 1; k > 0; k--) if (span.charCodeAt(k) === 0x2d) return isAsciiLowerCode(span.charCodeAt(k + 1));
  return false;
}
