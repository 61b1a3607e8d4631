// Honorifics and ranks that belong inside a person mention's span ("Sir Michael Fallon", "Lt Gen Flynn").
// Office titles (President, Defence Secretary) are roles instead: see titles.ts.

import type { Gender } from './gender';
import { detach } from '../util/strings';

/** Multi-word ranks first so the longest form wins when matching. Lower-cased, single spaces, no dots. */
const MULTI_WORD = [
  'lt gen', 'lt-gen', 'lieutenant general', 'lieutenant-general', 'maj gen', 'major general', 'major-general',
  'brig gen', 'brigadier general', 'lt col', 'lieutenant colonel', 'lieutenant-colonel', 'rear admiral',
  'vice admiral', 'rear-admiral', 'vice-admiral', 'air marshal', 'air chief marshal', 'field marshal',
  'air vice marshal', 'lt cdr', 'lieutenant commander', 'staff sergeant', 'sergeant major', 'first lady',
  'the rev', 'the reverend', 'lance corporal', 'flight lieutenant', 'squadron leader', 'wing commander',
  'group captain', 'chief inspector', 'detective inspector', 'detective sergeant', 'detective chief inspector',
  'police constable', 'dr mrs', 'sheikh',
];

const SINGLE_WORD = (
  'mr mrs ms miss mx dr sir dame lord lady baroness baron viscount earl duke duchess countess prince princess ' +
  'gen general lt lieutenant col colonel maj major capt captain cpt adm admiral brig brigadier cdr cmdr ' +
  'commander sgt sergeant cpl corporal pte private pvt marshal commodore ensign ' +
  'prof professor rev reverend revd fr father rabbi imam ayatollah mullah sheikh sheik cardinal archbishop bishop ' +
  'mme mlle herr frau senor señor senora señora signor signora monsieur madame mademoiselle messrs mesdames ' +
  'insp inspector det detective supt superintendent pc dc sen rep gov'
).split(' ');

export const HONORIFIC_PHRASES: ReadonlySet<string> = new Set([...MULTI_WORD, ...SINGLE_WORD]);

/** Longest multi-word honorific in words, so matching can stop early. */
export const MAX_HONORIFIC_WORDS = 4;

/**
 * Words that are honorifics only when no office title precedes them: "General James Mattis" (rank) vs
 * "Attorney General Jeff Sessions" (office), "Major" vs "Sergeant Major".
 */
export const AMBIGUOUS_RANKS: ReadonlySet<string> = new Set(['general', 'major', 'private', 'marshal', 'father', 'sen', 'rep', 'gov', 'm', 'pc', 'dc', 'det']);

/** Honorifics that are only honorifics when followed by a dot or a capitalised name in a known form. */
export const DOT_ONLY_HONORIFICS: ReadonlySet<string> = new Set(['m']);

const MALE = 'mr sir lord baron viscount earl duke king prince brother father fr herr senor señor signor monsieur messrs rabbi imam ayatollah mullah sheikh sheik cardinal archbishop m'.split(' ');
const FEMALE = 'mrs ms miss dame lady madam baroness duchess countess queen princess sister mme mlle frau senora señora signora madame mademoiselle mesdames'.split(' ');

/** Honorific key (honorificKey) -> the gender it tells. */
export const HONORIFIC_GENDER: ReadonlyMap<string, Gender> = new Map<string, Gender>([
  ...MALE.map((h): [string, Gender] => [h, 'male']),
  ...FEMALE.map((h): [string, Gender] => [h, 'female']),
  ['first lady', 'female'],
]);

/** The gender an honorific phrase tells, by the whole phrase ("first lady") or else its first word ("Lady Justice"). */
export function honorificGender(honorific: string): Gender | null {
  const key = honorificKey(honorific);
  const whole = HONORIFIC_GENDER.get(key);
  if (whole) return whole;
  const space = key.indexOf(' ');
  return space < 0 ? null : HONORIFIC_GENDER.get(key.slice(0, space)) ?? null;
}

/**
 * Honorifics used with a first name rather than a surname ("Sir Michael", "Dame Judi", "Prince Harry",
 * "Father John"): a lone name word after one is a given name. Ranks ("General Mattis") and peerages ("Lord
 * Sugar") go with a surname. Read by identity resolution, per-article clusters and mention gender.
 */
export const FIRST_NAME_HONORIFICS: ReadonlySet<string> = new Set(['sir', 'dame', 'lady', 'prince', 'princess', 'father', 'sister', 'brother']);

/** Normalises an honorific phrase for lookup: lower case, no dots, single spaces. */
export function honorificKey(phrase: string): string {
  let key = honorificKeys.get(phrase);
  if (key === undefined) {
    if (honorificKeys.size > 50_000) honorificKeys.clear();
    key = phrase.toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ').trim();
    // A copy as the key: a phrase cut from an article would keep the article alive.
    honorificKeys.set(detach(phrase), key);
  }
  return key;
}

/** Memo of honorificKey: mention extraction asks for the same few phrases for every capitalised word. */
const honorificKeys = new Map<string, string>();

