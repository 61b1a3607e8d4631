// People the rules missed and the tagger found: a name the tagger reads as a person where no rule mention
// sits ("Duran" in a list of players, "H Ellis"). The rules come first; this only fills gaps: several words
// only with a name's shape; a lone word the tagger reads as a person is one unless it is a given name (a
// person the article never introduced: "Tyler said" names nobody the reader can tell) or a word that names
// other things (a country, a role word, a common word, a people: "Kurds"), or follows "the" ("the Titanic").
// Such a word, and a lone word the rules took without the tagger's reading, stay tentative: identity
// resolution weighs them with the whole corpus.
import type { RawMention } from '../../types';
import type { Entity } from '../entities';
import { THING_NOUNS } from '../../language/organisations';
import { isFirstName } from '../../language/firstNames';
import { CAPITAL_PARTICLES } from '../../language/nameParticles';
import { isNationalityPlural } from '../../language/places';
import { isAsciiWordCode } from '../../util/chars';
import { COMMON_CAPITALISED_SET, FUNCTION_WORD_SET } from '../../language/common';
import { ROLE_MODIFIERS } from '../../language/titles';
import { KNOWN_NAMES } from './consistency';
import { joinedAtParticles, withTaggerSpans } from './personSpans';

/** "the Trump administration", "Trump Tower": a name that modifies a thing is not a mention of the person. */
function modifiesThing(text: string, end: number): boolean {
  const next = /^ ([A-Za-z]+)/.exec(text.slice(end, end + 20));
  return next !== null && THING_NOUNS.has(next[1].toLowerCase());
}

/** Whether a lone word the tagger reads as a person is a name without the corpus' word ("said Okafor"). */
function confirmsLoneName(text: string, e: Entity): boolean {
  const word = e.text;
  const lower = word.toLowerCase();
  if (isFirstName(word) || KNOWN_NAMES.has(word) || COMMON_CAPITALISED_SET.has(lower) || FUNCTION_WORD_SET.has(lower) || ROLE_MODIFIERS.has(lower)) return false;
  return !isNationalityPlural(word) && !afterThe(text, e.start);
}

/** "the Titanic", "The Ashes": a lone capitalised word after the article names a thing, not a person. */
function afterThe(text: string, start: number): boolean {
  if (start < 4 || text.charCodeAt(start - 1) !== 0x20) return false;
  const word = text.slice(start - 4, start - 1);
  return (word === 'the' || word === 'The') && (start === 4 || !isAsciiWordCode(text.charCodeAt(start - 5)));
}

/** Words of a name the tagger found; lower-case words ("de", "van") stay in. */
function nameParts(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/**
 * Several words the rules did not take for a name are one only with a name's shape: a known given name first
 * ("Stephen King"), an initial ("H Ellis", "J. Smith"), or a particle that starts a surname ("Van Moer", "De Wilde"); titles of films and games ("Dungeon Keeper") are not.
 */
function looksLikeName(parts: readonly string[]): boolean {
  const first = parts[0];
  return isFirstName(first) || /^[A-Z]\.?$/.test(first) || CAPITAL_PARTICLES.has(first);
}

/**
 * `mentions` (sorted by start) with the tagger's person spans no rule mention overlaps, sorted by start;
 * `notPeople` holds lower-cased names never taken for people.
 */
export function withTaggedPeople(text: string, ruled: RawMention[], entities: readonly Entity[], notPeople: ReadonlySet<string>): RawMention[] {
  const tagged = joinedAtParticles(text, entities);
  const mentions = withTaggerSpans(text, ruled, tagged);
  const added: RawMention[] = [];
  let kept = mentions as RawMention[];
  let m = 0;
  for (const e of tagged) {
    if (e.type !== 'person' || notPeople.has(e.text.toLowerCase())) continue;
    while (m < mentions.length && mentions[m].end <= e.start) m++;
    const rule = m < mentions.length && mentions[m].start < e.end ? mentions[m] : null;
    if (rule !== null) {
      // The rules' tentative lone word is a name when the tagger reads the same word as one.
      if (rule.tentative === true && rule.start === e.start && rule.end === e.end && confirmsLoneName(text, e)) {
        if (kept === mentions) kept = mentions.slice();
        kept[m] = { ...rule, tentative: false };
      }
      continue;
    }
    if (modifiesThing(text, e.end)) continue;
    const parts = nameParts(e.text);
    if (parts.length > 1 && !looksLikeName(parts) && !process.env.X3) continue;
    const mention: RawMention = { start: e.start, end: e.end, text: e.text, honorific: null, nameParts: parts, role: null };
    if (parts.length === 1 && !confirmsLoneName(text, e)) mention.tentative = true;
    added.push(mention);
  }
  if (added.length === 0) return kept;
  return [...kept, ...added].sort((a, b) => a.start - b.start);
}
