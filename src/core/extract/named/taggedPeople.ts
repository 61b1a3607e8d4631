// People the rules missed and the tagger found: a name the tagger reads as a person where no rule mention
// sits ("Duran" in a list of players, "H Ellis"). The rules come first; this only fills gaps: several words
// only with a name's shape; a lone word the tagger reads as a person is one unless it is a given name (a
// person the article never introduced: "Tyler said" names nobody the reader can tell) or a word that names
// other things (a country, a role word, a common word, a people: "Kurds"), or follows "the" ("the Titanic").
// Such a word, and a lone word the rules took without the tagger's reading, stay tentative: identity
// resolution weighs them with the whole corpus.
import type { RawMention } from '../../types';
import type { Entity } from '../entities';
import { ORGANISATION_WORDS, THING_NOUNS } from '../../language/organisations';
import { isFirstName } from '../../language/firstNames';
import { CAPITAL_PARTICLES } from '../../language/nameParticles';
import { CITY_WORDS, COUNTRY_WORDS, NATIONALITY_WORDS, PLACE_HEAD_WORDS, isNationalityPlural } from '../../language/places';
import { PERSON_VERBS } from '../../language/personCues';
import { ANONYMOUS_PERSON_NOUNS } from '../../language/speech';
import { isAsciiWordCode } from '../../util/chars';
import { COMMON_CAPITALISED_SET, FUNCTION_WORD_SET } from '../../language/common';
import { ROLE_HEAD_NOUNS, ROLE_MODIFIERS, TITLE_HEADS } from '../../language/titles';
import { KNOWN_NAMES } from './consistency';
import { joinedAtParticles, withNicknamesJoined, withTaggerSpans } from './personSpans';
import { withoutNamedThings } from './namedThings';
import { rawMention } from '../mentions/rawMention';

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

/** The word before `start` (lower-case words only; a comma may sit between), or ''. */
function wordBefore(text: string, start: number): string {
  const m = /([a-z]+),? $/.exec(text.slice(Math.max(0, start - 24), start));
  return m === null ? '' : m[1];
}

/**
 * What shows a person where the words alone do not: a speech verb after the name or "said" before it
 * ("said Apurva Shah", "Chen Wei-ming told"), a role noun before it ("spokesman Per Lund"), or a country in
 * brackets after it, as results lists write players ("Darryn Hill ( Australia )").
 */
function hasPersonCue(text: string, e: Entity): boolean {
  const before = wordBefore(text, e.start);
  if (before === 'said' || before === 'says' || ROLE_HEAD_NOUNS.has(before) || ANONYMOUS_PERSON_NOUNS.has(before)) return true;
  const after = /^,? ([a-z]+)|^ \( ?([A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?) ?\)/.exec(text.slice(e.end, e.end + 30));
  if (after === null) return false;
  return after[1] !== undefined ? PERSON_VERBS.has(after[1]) : COUNTRY_WORDS.has(after[2]) || KNOWN_NAMES.get(after[2]) === 'place';
}

/**
 * Words that could be a name the lexicons do not know ("Apurva Shah"): capitalised, not in capitals, the first
 * no common, role, title or place word ("Scotland Yard"), none a role modifier or organisation word ("Print Culture").
 */
function plainName(parts: readonly string[]): boolean {
  const first = parts[0];
  const lower = first.toLowerCase();
  if (FUNCTION_WORD_SET.has(lower) || COMMON_CAPITALISED_SET.has(lower) || ROLE_MODIFIERS.has(lower) || TITLE_HEADS.has(lower) || PLACE_HEAD_WORDS.has(lower)) return false;
  if (COUNTRY_WORDS.has(first) || CITY_WORDS.has(first) || NATIONALITY_WORDS.has(first)) return false;
  // A surname may be a word of a place or a title ("Damon Hill", "Shayne King"); an organisation's or thing's word ends no name.
  for (const part of parts) {
    if (part === part.toUpperCase() || !/^\p{Lu}/u.test(part)) return false;
    const word = part.toLowerCase();
    if (ROLE_MODIFIERS.has(word) || ORGANISATION_WORDS.has(word) || THING_NOUNS.has(word)) return false;
  }
  return true;
}

/** Words of a name the tagger found; lower-case words ("de", "van") stay in. */
function nameParts(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/**
 * Several words the rules did not take for a name are one with a name's shape: a known given name first
 * ("Stephen King"), initials ("H Ellis", "J. Smith", "D.A. Weibring"), or a particle that starts a surname ("Van Moer",
 * "De Wilde"); titles of films and games ("Dungeon Keeper") are not. Other plain words need a cue (hasPersonCue).
 */
function looksLikeName(parts: readonly string[]): boolean {
  const first = parts[0];
  return isFirstName(first) || /^(?:[A-Z]\.?|(?:[A-Z]\.){2,3})$/.test(first) || CAPITAL_PARTICLES.has(first);
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
    if (e.type !== 'person' || (notPeople.size > 0 && notPeople.has(e.text.toLowerCase()))) continue;
    while (m < mentions.length && mentions[m].end <= e.start) m++;
    const rule = m < mentions.length && mentions[m].start < e.end ? mentions[m] : null;
    if (rule !== null) {
      // The rules' tentative lone word is a name when the tagger reads the same word as one.
      if (rule.tentative === true && rule.start === e.start && rule.end === e.end && confirmsLoneName(text, e)) {
        if (kept === mentions) kept = mentions.slice();
        kept[m] = rawMention(rule.start, rule.end, rule.text, rule.honorific, rule.nameParts, rule.role, false);
      }
      continue;
    }
    if (modifiesThing(text, e.end)) continue;
    const parts = nameParts(e.text);
    if (parts.length > 1 && !looksLikeName(parts) && !(plainName(parts) && hasPersonCue(text, e))) continue;
    added.push(rawMention(e.start, e.end, e.text, null, parts, null, parts.length === 1 && !confirmsLoneName(text, e) ? true : undefined));
  }
  const all = added.length === 0 ? kept : [...kept, ...added].sort((a, b) => a.start - b.start);
  return withoutNamedThings(text, withNicknamesJoined(text, all) as RawMention[]);
}
