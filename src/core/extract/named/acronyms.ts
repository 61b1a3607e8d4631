// Acronyms an article defines: "the North Atlantic Treaty Organization (Nato)", "Organisation for Security
// and Co-operation in Europe (OSCE)". The acronym's mention records the long form it stands for, so identity
// resolution makes the two one entity across the corpus; a long form the tagger missed becomes an
// organisation mention when its initials spell the acronym.
import type { RawEntityMention, RawMention, Span } from '../../types';
import { isAsciiUpperCode } from '../../util/chars';
import { rawEntityMention } from '../mentions/rawMention';

/** "(NATO)", "(Nato)", "(U.N.)", "(OSCE)", "(DRC)": a capital, then letters, full stops or "&". */
const DEFINITION = /\(([A-Z][A-Za-z.&]{1,11})\)/g;
/** Lower-case words that may sit inside a long form; they give no initial. */
const JOINING_WORDS: ReadonlySet<string> = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'de', 'du', 'des', 'la', 'le', 'to', '&']);

/** Capitals of the acronym, lower-cased, full stops and "&" dropped: "U.N." -> "un". */
function acronymLetters(acronym: string): string {
  return acronym.replace(/[.&]/g, '').toLowerCase();
}

/**
 * Whether the initials of `longForm` spell the acronym: of every word but the joining words, or of the
 * capitalised words only ("Co-operation" gives one initial in "OSCE").
 */
function spells(longForm: string, letters: string): boolean {
  const initials: string[] = [];
  for (const word of longForm.split(/[\s-]+/)) {
    if (word === '' || JOINING_WORDS.has(word)) continue;
    initials.push(word[0].toLowerCase());
  }
  const all = initials.join('');
  if (all === letters) return true;
  const capitals = longForm
    .split(/\s+/)
    .filter((word) => word !== '' && isAsciiUpperCode(word.charCodeAt(0)))
    .map((word) => word[0].toLowerCase())
    .join('');
  return capitals === letters;
}

/** The capitalised run ending at `end` (words with capitals, joining words inside), or null. */
function longFormBefore(text: string, end: number): Span | null {
  let start = end;
  let at = end;
  for (let words = 0; words < 10; words++) {
    let p = at;
    while (p > 0 && /[A-Za-z'&-]/.test(text[p - 1])) p--;
    if (p === at) break;
    const word = text.slice(p, at);
    if (isAsciiUpperCode(word.charCodeAt(0))) start = p;
    else if (!JOINING_WORDS.has(word)) break;
    if (p === 0 || text[p - 1] !== ' ') break;
    at = p - 1;
  }
  return start < end ? { start, end } : null;
}

function overlapsAny(items: readonly Span[], span: Span): boolean {
  for (const item of items) if (item.start < span.end && item.end > span.start) return true;
  return false;
}

/**
 * `found` (sorted by start) with the acronyms the text defines linked to their long forms, and the long forms
 * and acronyms the tagger missed added; sorted by start.
 */
export function linkAcronyms(text: string, found: RawEntityMention[], people: readonly RawMention[], notEntities: ReadonlySet<string>): RawEntityMention[] {
  if (text.indexOf('(') < 0) return found;
  let added = false;
  for (const match of text.matchAll(DEFINITION)) {
    const open = match.index;
    if (open < 2 || text[open - 1] !== ' ') continue;
    const acronym = match[1];
    const letters = acronymLetters(acronym);
    if (letters.length < 2) continue;
    const longEnd = open - 1;
    let long = found.find((m) => m.end === longEnd);
    if (long === undefined) {
      const run = longFormBefore(text, longEnd);
      if (run === null) continue;
      const runText = text.slice(run.start, run.end);
      if (!spells(runText, letters) || overlapsAny(people, run) || overlapsAny(found, run) || notEntities.has(runText.toLowerCase())) continue;
      long = rawEntityMention(run.start, run.end, runText, 'organization');
      found.push(long);
      added = true;
    } else if (!spells(long.text, letters)) continue;
    const span = { start: open + 1, end: open + 1 + acronym.length };
    const tagged = found.find((m) => m.start === span.start && m.end === span.end);
    if (tagged) {
      tagged.type = long.type;
      tagged.expansion = long.text;
    } else if (!overlapsAny(found, span) && !overlapsAny(people, span) && !notEntities.has(acronym.toLowerCase())) {
      found.push(rawEntityMention(span.start, span.end, acronym, long.type, long.text));
      added = true;
    }
  }
  return added ? found.sort((a, b) => a.start - b.start) : found;
}
