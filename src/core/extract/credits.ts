// Who a story is credited to, read from the lines that state it: the byline ("By Greg Beacham, The Associated
// Press"), a wire dateline ("LONDON (Reuters) -"), "With files from The Canadian Press", a report's sign-off
// ("This report by The Canadian Press was first published ...") or a station's closing line ("CTV Vancouver").
// The credit is its own field beside the outlet: a wire agency or a sister station is not the publisher.
import { MEDIA_WORDS, NEWS_AGENCY } from '../language/newsOrganisations';

const NAME_WORDS = /^(?:The\s+)?[A-Z][\p{L}&'’.-]*(?:\s+(?:of|and|&|on|the)?\s*[A-Z&][\p{L}&'’.-]*){0,5}$/u;
const ACRONYM = /^[A-Z]{2,6}$/;
/** A broadcaster's call letters and the place or desk it serves: "CTV Vancouver", "CBC News". */
const STATION = /^[A-Z]{2,5}(?:\s+[A-Z][a-z]+){1,2}$/;
const CORPORATE_SUFFIX = /\b(?:Ltd|Limited|plc|PLC|Inc|LLC|GmbH|Group|Publishing|Holdings|Corporation|Corp|Company|Co)\b\.?/;
/** A person's name as a byline gives it: two to four capitalised words. */
const PERSON_NAME = /^[A-Z][\p{L}'’-]+(?:\s+(?:[A-Z]\.|[A-Z][\p{L}'’-]+|de|van|von|der|da|di|le|la)){1,3}$/u;
const BYLINE_SEPARATOR = /\s*(?:,|\||·|•|–|—|\s-\s)\s*/;
const MAX_BYLINE_LINE = 100;
const MAX_CREDIT_WORDS = 4;

/** An outlet-like name: starts with "The", is an acronym (BBC, AFP), or contains a news-organisation word. */
export function looksLikeOutlet(name: string): boolean {
  if (!NAME_WORDS.test(name) || name.length > 60) return false;
  if (CORPORATE_SUFFIX.test(name)) return false;
  return /^The\s/.test(name) || ACRONYM.test(name) || MEDIA_WORDS.test(name) || NEWS_AGENCY.test(name);
}

/** A name that credits a story: an outlet-like name or a station ("CTV Vancouver"). */
export function looksLikeCredit(name: string): boolean {
  return looksLikeOutlet(name) || (STATION.test(name) && !CORPORATE_SUFFIX.test(name));
}

export function isNewsAgency(name: string): boolean {
  return NEWS_AGENCY.test(name.trim());
}

export interface Byline {
  byline: string | null;
  credit: string | null;
}

/**
 * A byline line: "By Jane Smith", "By Jane Smith, The Associated Press", "Jane Smith · CTV News",
 * "By The Canadian Press". Null when the line is not one (a name alone is a byline only after "By").
 */
export function parseByline(line: string): Byline | null {
  if (line.length > MAX_BYLINE_LINE) return null;
  const by = /^by\s+(.+)$/i.exec(line);
  const rest = (by ? by[1] : line).trim().replace(/[.]$/, '');
  let parts = rest.split(BYLINE_SEPARATOR).filter((part) => part !== '');
  // "By Jane Smith The Associated Press": the outlet starts at its "The".
  if (by && parts.length === 1) {
    const the = /^(.+?)\s+(The\s+[A-Z].*)$/.exec(rest);
    if (the && PERSON_NAME.test(the[1]) && looksLikeCredit(the[2])) parts = [the[1], the[2]];
  }
  if (parts.length === 0) return null;
  const [first, ...others] = parts;
  const credit = others.find(looksLikeCredit) ?? null;
  if (PERSON_NAME.test(first) && !looksLikeCredit(first)) {
    if (!by && credit === null) return null;
    // Every other part must be a credit or a role ("Staff Writer"): otherwise it is a list of names or prose.
    if (others.some((part) => !looksLikeCredit(part) && !/^[A-Z][a-z]+(?:\s+[A-Za-z]+){0,3}$/.test(part))) return null;
    return { byline: first, credit };
  }
  if (by && looksLikeCredit(first) && others.length === 0) return { byline: null, credit: first };
  return null;
}

/** "LONDON (Reuters) - ...": the agency named in a wire dateline. */
export function wireCredit(line: string): string | null {
  const wire = /^[A-Z][A-Z .,'’-]{1,40}\s?\(([A-Z][\p{L}&. ]{1,40})\)\s*[-–—]/u.exec(line);
  const name = wire?.[1].trim();
  return name && looksLikeCredit(name) ? name : null;
}

/** "With files from The Canadian Press and Reuters", "This report by The Canadian Press was first published ...". */
export function creditLine(line: string): string | null {
  const files = /^[-–—]?\s*(?:with|includes?|contains?) (?:files|reporting|material) from\s+(.+?)\.?$/i.exec(line);
  const report = /^this (?:report|story|article) (?:by|from)\s+(.+?)\s+was (?:first )?published\b/i.exec(line);
  const named = files?.[1] ?? report?.[1];
  if (!named) return null;
  return named.split(/\s*(?:,|\band\b|&)\s*/).find(looksLikeCredit) ?? null;
}

/** A line that is only a credit: "The Associated Press", "CTV Vancouver", "- The Canadian Press". */
export function creditOnlyLine(line: string): string | null {
  const name = line.replace(/^[-–—]{1,2}\s*/, '').replace(/[.]$/, '').trim();
  // A credit is a short name; a title-case headline with "Times" in it is not one.
  return name !== '' && name.split(/\s+/).length <= MAX_CREDIT_WORDS && looksLikeCredit(name) ? name : null;
}
