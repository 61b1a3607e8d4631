// Names of things written like people's: a phase after the rules and the tagger that drops a person mention
// the words around it show to be a vessel or a storm ("the aircraft carrier Carl Vinson"), a title (the whole
// of a quotation: "his film “Michael Collins”"), or a company (a legal-form word or a continent ends it: "Warner
// Bros", "Nintendo Europe").
import type { RawMention } from '../../types';
import { THING_NOUNS_BEFORE } from '../../language/organisations';
import { GAZETTEER_COMPANY_SUFFIXES } from '../../language/gazetteerOrganisations';
import { GAZETTEER_GEOGRAPHY } from '../../language/gazetteerPlaces';
import { isAsciiLowerCode } from '../../util/chars';

const QUOTE_MARKS = '"\'\u201c\u2018';
const COMPANY_SUFFIXES: ReadonlySet<string> = new Set(GAZETTEER_COMPANY_SUFFIXES);
/** One-word continents and world regions: a name ending in one is a firm's regional arm ("Nintendo Europe"), no surname. */
const WORLD_REGIONS: ReadonlySet<string> = new Set(GAZETTEER_GEOGRAPHY.filter((name) => !name.includes(' ')));

/** The lower-case word right before `start` (one space between), or ''. */
function lowerWordBefore(text: string, start: number): string {
  if (start < 2 || text.charCodeAt(start - 1) !== 0x20) return '';
  let p = start - 1;
  while (p > 0 && isAsciiLowerCode(text.charCodeAt(p - 1))) p--;
  return text.slice(p, start - 1);
}

/** Where the character next to a span on one side sits, past at most one space: `step` -1 before `at`, 1 from `at`. */
function neighbourAt(text: string, at: number, step: -1 | 1): number {
  const p = step < 0 ? at - 1 : at;
  return text[p] === ' ' ? p + step : p;
}

/**
 * Whether the mention is the whole of a quotation: a title ("“Michael Collins”", CoNLL's `" Michael Collins "`).
 * A straight quote before it opens only when the line before it holds an even number of them; the quote after
 * it closes only when no letter follows ("'s").
 */
function isQuotedTitle(text: string, m: RawMention): boolean {
  const before = neighbourAt(text, m.start, -1);
  const after = neighbourAt(text, m.end, 1);
  const open = text[before];
  const close = text[after];
  if (open === undefined || close === undefined || !QUOTE_MARKS.includes(open) || /\p{L}/u.test(text[after + 1] ?? '')) return false;
  if (open === '\u201c' || open === '\u2018') return close === (open === '\u201c' ? '\u201d' : '\u2019');
  if ((open !== '"' && open !== "'") || close !== open) return false;
  let count = 0;
  for (let p = before - 1; p >= 0 && text[p] !== '\n'; p--) if (text[p] === open) count++;
  return count % 2 === 0;
}

function namesThing(text: string, m: RawMention): boolean {
  if (m.honorific !== null) return false;
  if (THING_NOUNS_BEFORE.has(lowerWordBefore(text, m.start))) return true;
  const last = m.nameParts[m.nameParts.length - 1];
  if (m.nameParts.length > 1 && (COMPANY_SUFFIXES.has(last) || WORLD_REGIONS.has(last))) return true;
  return isQuotedTitle(text, m);
}

/** `mentions` (sorted by start) without those that name things; the same array when none does. */
export function withoutNamedThings(text: string, mentions: RawMention[]): RawMention[] {
  let out: RawMention[] | null = null;
  for (let i = 0; i < mentions.length; i++) {
    if (namesThing(text, mentions[i])) out ??= mentions.slice(0, i);
    else out?.push(mentions[i]);
  }
  return out ?? mentions;
}
