// General knowledge of how organisations and places are named: the usual variants of well-known names (a
// country's short forms, an international body's acronym), institutions named by their seat ("the Kremlin
// said"), and the key under which the spellings of one name meet ("NATO", "Nato" -> "nato"; "U.S." -> "us").
// Written by hand from general knowledge, not from any corpus.
import { foldName } from '../util/text';
import { FUNCTION_WORD_SET } from './common';
import { PARTY_MEMBER_WORDS } from './organisations';
import { PREPOSITIONS, SPEECH_VERBS, STANCE_VERBS } from './speech';

/** Names of one entity a line, `|` between them, the usual full name first. */
const VARIANT_GROUPS = `
United States|US|U.S.|USA|U.S.A.|United States of America|America
United Kingdom|UK|U.K.|Britain|Great Britain
European Union|EU|E.U.
United Nations|UN|U.N.
Nato|NATO|North Atlantic Treaty Organization|North Atlantic Treaty Organisation|North Atlantic Alliance
Soviet Union|USSR|U.S.S.R.
United Arab Emirates|UAE|U.A.E.
Democratic Republic of Congo|Democratic Republic of the Congo|DR Congo|DRC
Ivory Coast|Cote d'Ivoire
Czech Republic|Czechia
Myanmar|Burma
Netherlands|Holland
Kyiv|Kiev
Odesa|Odessa
World Health Organization|WHO
International Monetary Fund|IMF
World Trade Organization|WTO
International Atomic Energy Agency|IAEA
European Central Bank|ECB
Organization of the Petroleum Exporting Countries|Opec|OPEC
Organization for Security and Co-operation in Europe|OSCE
Federal Bureau of Investigation|FBI
Central Intelligence Agency|CIA
International Criminal Court|ICC
Islamic State|IS|Isis|ISIS|Isil|ISIL|Daesh
`;

/**
 * Seats of power that news prose names for the institution ("the Kremlin said", "the Pentagon confirmed"):
 * mentioned as organisations even where a tagger trained on CoNLL-2003 reads a place.
 */
const SEATS = `Kremlin|Pentagon|White House|Elysee|Elysee Palace|Élysée|Élysée Palace|Quai d'Orsay|Zhongnanhai`;

/**
 * Policies a tagger trained on older news takes for organisations ("Brexit"), and acronyms of common things
 * written in capitals ("DVD", "PC"): not names of organisations or places.
 */
export const NOT_ENTITY_NAMES: ReadonlySet<string> = new Set(
  `Brexit Grexit Obamacare Trumpcare Megxit DVD DVDs CD CDs PC PCs TV TVs ID IDs GDP CEO CEOs AIDS HIV DNA SMS GPS VAT
  MP3 UFO LCD HD HDTV PDA PDAs IT AI ISP ISPs DSL ATM ATMs IPO IPOs OK RSS PIN`.split(/\s+/),
);

/**
 * The key under which spellings of one name meet: accents, case, full stops and a leading "the" dropped,
 * "organisation" spelt "organization", hyphens and other punctuation joined ("Co-operation", "Cooperation").
 */
export function entityKey(name: string): string {
  let key = foldName(name).replace(/[.\u2019']/g, '');
  key = key.replace(/organis/g, 'organiz').replace(/[-\u2010\u2011]/g, '');
  key = key.replace(/[^a-z0-9]+/g, ' ').trim();
  return key.startsWith('the ') ? key.slice(4) : key;
}

function groups(list: string): string[][] {
  return list
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => line.split('|'));
}

/** Names of one well-known entity each, the usual full name first. */
export const KNOWN_NAME_GROUPS: readonly (readonly string[])[] = groups(VARIANT_GROUPS);

/** Key of each well-known variant -> the group's usual full name. */
export const KNOWN_NAME_OF: ReadonlyMap<string, string> = new Map(KNOWN_NAME_GROUPS.flatMap((names) => names.map((name) => [entityKey(name), names[0]] as const)));

/** Institutions named by their seat, as written. */
export const INSTITUTION_SEATS: ReadonlySet<string> = new Set(SEATS.split('|'));

/** Lower-case words that join the parts of a name ("Bank of England", "Frankfurt am Main", "Marks and Spencer"). */
const NAME_JOINERS: ReadonlySet<string> = new Set([...PREPOSITIONS, 'and', '&', 'am', 'im', 'y', 'et', 'und']);

/**
 * Capitalised words that open a sentence and never a name: a tagger's span that starts with one starts after it
 * ("[Both] Labour and Conservative"). Not "All" ("All Blacks"), "First" ("First Chicago") or "The".
 */
export const NEVER_BEGINS_NAMES: ReadonlySet<string> = new Set(
  'Both Either Neither And But Or If When While Because Although Though Since Unless'.split(' '),
);

/** Whether the lower-case `word` joins the parts of a name, so that a name cannot end with it. */
export function joinsName(word: string): boolean {
  return NAME_JOINERS.has(word);
}

/**
 * Lower-case words never inside a name: verbs of saying and stance, pronouns, auxiliaries, conjunctions
 * ("Tories [accuse] Labour", "the Lords [if] Conservative"). "the" is one too unless a joiner comes before it
 * ("Independent [the] Tories", but "Bank of the West").
 */
const NEVER_IN_NAMES: ReadonlySet<string> = new Set(
  [...FUNCTION_WORD_SET, ...SPEECH_VERBS, ...STANCE_VERBS].filter((word) => !NAME_JOINERS.has(word) && word !== 'the'),
);

/**
 * Whether the lower-case `word`, after `previous` (lower-cased) in a span, shows that the span is not one name.
 * "the" is only read so in an organisation's or place's (`institution`): people and titles have it ("Muffin the Mule").
 */
export function breaksName(word: string, previous: string, institution: boolean): boolean {
  return word === 'the' ? institution && !NAME_JOINERS.has(previous) : NEVER_IN_NAMES.has(word);
}

/**
 * Keys of other names of the organisation keyed `key`: its singular (`singularOrganisationKey`), and a party's
 * name without "Party" ("labour party" -> "labour"; one word only when it names a party's member: the Congress
 * Party is not the US Congress).
 */
export function organisationKeyVariants(key: string): string[] {
  const variants: string[] = [];
  const singular = singularOrganisationKey(key);
  if (singular !== null) variants.push(singular);
  if (key.endsWith(' party')) {
    const base = key.slice(0, -' party'.length);
    if (namesOneOrganisation(base)) variants.push(base);
  }
  return variants;
}

/** Whether a shorter key names only the organisation it was cut from: several words, or a party's member ("tory"). */
function namesOneOrganisation(key: string): boolean {
  return key.includes(' ') || PARTY_MEMBER_WORDS.has(key);
}

/**
 * The key an organisation's plural name shares with its singular ("liberal democrats" -> "liberal democrat",
 * "tories" -> "tory"), or null. One word only when it names a party's member: "Times" and "Time" are two papers.
 */
export function singularOrganisationKey(key: string): string | null {
  let singular: string;
  if (key.endsWith('ies') && key.length > 4 && key.charCodeAt(key.length - 4) !== 0x20) singular = `${key.slice(0, -3)}y`;
  else if (key.endsWith('s') && !/(?:ss|us|is)$/.test(key) && key.length > 3 && key.charCodeAt(key.length - 2) !== 0x20) singular = key.slice(0, -1);
  else return null;
  return namesOneOrganisation(singular) ? singular : null;
}
