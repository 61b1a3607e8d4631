// People the rules missed and the tagger found: a name the tagger reads as a person where no rule mention
// sits ("Duran" in a list of players, "H Ellis"). The rules come first; this only fills gaps: a lone word
// flagged tentative so identity resolution weighs it with the whole corpus, several words only with a
// name's shape.
import type { RawMention } from '../../types';
import type { Entity } from '../entities';
import { THING_NOUNS } from '../../language/organisations';
import { isFirstName } from '../../language/firstNames';

/** "the Trump administration", "Trump Tower": a name that modifies a thing is not a mention of the person. */
function modifiesThing(text: string, end: number): boolean {
  const next = /^ ([A-Za-z]+)/.exec(text.slice(end, end + 20));
  return next !== null && THING_NOUNS.has(next[1].toLowerCase());
}

/** Words of a name the tagger found; lower-case words ("de", "van") stay in. */
function nameParts(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/**
 * Several words the rules did not take for a name are one only with a name's shape: a known given name first
 * ("Stephen King"), or an initial ("H Ellis", "J. Smith"); titles of films and games ("Dungeon Keeper") are not.
 */
function looksLikeName(parts: readonly string[]): boolean {
  const first = parts[0];
  return isFirstName(first) || /^[A-Z]\.?$/.test(first);
}

/**
 * `mentions` (sorted by start) with the tagger's person spans no rule mention overlaps, sorted by start;
 * `notPeople` holds lower-cased names never taken for people.
 */
export function withTaggedPeople(text: string, mentions: RawMention[], tagged: readonly Entity[], notPeople: ReadonlySet<string>): RawMention[] {
  const added: RawMention[] = [];
  let m = 0;
  for (const e of tagged) {
    if (e.type !== 'person' || notPeople.has(e.text.toLowerCase())) continue;
    while (m < mentions.length && mentions[m].end <= e.start) m++;
    if ((m < mentions.length && mentions[m].start < e.end) || modifiesThing(text, e.end)) continue;
    const parts = nameParts(e.text);
    if (parts.length > 1 && !looksLikeName(parts)) continue;
    const mention: RawMention = { start: e.start, end: e.end, text: e.text, honorific: null, nameParts: parts, role: null };
    if (parts.length === 1) mention.tentative = true;
    added.push(mention);
  }
  if (added.length === 0) return mentions;
  return [...mentions, ...added].sort((a, b) => a.start - b.start);
}
