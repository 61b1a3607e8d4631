// How identity resolution reads a mention's name: the folded given names, the surname key (particles such as
// "Le" or "von der" belong to the surname, an Arabic article does not: "al-Assad" is filed under "assad"),
// the lone word of a one-word name, and the gender told by the honorific or the first given name. Also the
// normalised form under which corpus.yaml aliases are looked up. Parsing is memoised per name form; the
// cache outlives the articles, so it keeps detached copies only.
import type { MentionForm } from '../types';
import * as lexicon from '../language';
import type { Gender } from '../language';
import * as nameParticles from '../language/nameParticles';
import * as stringHelpers from '../util/strings';
import * as textHelpers from '../util/text';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { FIRST_NAME_HONORIFICS, HONORIFIC_PHRASES, firstNameGender, honorificGender, honorificKey } = lexicon;
const { detach } = stringHelpers;
const { ARTICLE_PREFIXES, PARTICLES } = nameParticles;
/** An Arabic article joined to a surname: not part of the key the surname is filed under. */
const ARTICLE_PREFIX = new RegExp(`^(?:${[...ARTICLE_PREFIXES].join('|')})[-'\u2019]`);
const { foldName } = textHelpers;


export interface ParsedName {
  /** Folded given names (empty for a lone word). */
  given: string[];
  /** Folded surname key: the last word without an Arabic article ("al-Assad" -> "assad"). */
  surname: string;
  /** Folded lone word, when the name is a single word (could be a surname or a given name). */
  lone: string | null;
  gender: Gender | null;
  /** The honorific goes with a given name ("Sir Michael"). */
  firstNameHonorific: boolean;
  /** The key of the cluster the name defines as a full name ("smith|john": a given name longer than an initial), else null. */
  fullKey: string | null;
}

function surnameKey(word: string): string {
  return foldName(word).replace(ARTICLE_PREFIX, '').replace(/['\u2019]s$/, '');
}

const parseCache = new Map<string, Map<string, ParsedName>>();

/**
 * Parsing is memoised on the name form: a corpus repeats the same few forms thousands of times. The text
 * decides the name parts (they are its words after the honorific), so honorific and text make the key.
 */
export function parseName(m: MentionForm): ParsedName {
  // Keyed by honorific, then text: no key string is built per mention.
  const honorific = m.honorific ?? '';
  let byText = parseCache.get(honorific);
  if (!byText) parseCache.set(detach(honorific), (byText = new Map()));
  let p = byText.get(m.text);
  if (!p) {
    if (byText.size > 100_000) byText.clear();
    // Parsed from detached copies: the cache outlives the article the mention came from. Array.from, not map:
    // a mapped array is holey, the name parts parsed elsewhere are packed.
    p = parseNameUncached({ ...m, text: detach(m.text), honorific: m.honorific === null ? null : detach(m.honorific), nameParts: Array.from(m.nameParts, detach) });
    byText.set(detach(m.text), p);
  }
  return p;
}

function parseNameUncached(m: MentionForm): ParsedName {
  const parts = m.nameParts;
  const hon = m.honorific ? honorificKey(m.honorific) : null;
  const honGender = m.honorific ? honorificGender(m.honorific) : null;
  if (parts.length === 1) {
    const lone = surnameKey(parts[0]);
    return { given: [], surname: lone, lone, gender: honGender, firstNameHonorific: hon !== null && FIRST_NAME_HONORIFICS.has(hon), fullKey: null };
  }
  // The surname starts at the first particle after the first word, else it is the last word.
  let surnameStart = parts.length - 1;
  for (let i = 0; i < parts.length - 1; i++) {
    if (PARTICLES.has(parts[i].toLowerCase()) && (i > 0 || parts.length === 2)) { surnameStart = i; break; }
  }
  const given = parts.slice(0, surnameStart).map(foldName).filter((g) => g.length > 0);
  const surname = surnameKey(parts[parts.length - 1]);
  if (given.length === 0) return { given, surname, lone: null, gender: honGender, firstNameHonorific: false, fullKey: null };
  const g = firstNameGender(parts[0]);
  const fullKey = given[0].length > 1 ? `${surname}|${given[0]}` : null;
  return { given, surname, lone: null, gender: honGender ?? g ?? null, firstNameHonorific: false, fullKey };
}

function normaliseAlias(name: string): string {
  const words = foldName(name).replace(/\./g, '').split(/\s+/).filter(Boolean);
  // Leading honorifics do not change who an alias names.
  while (words.length > 1 && HONORIFIC_PHRASES.has(words[0])) words.shift();
  return words.join(' ');
}

/** corpus.yaml aliases: normalised alias (the canonical name included) -> canonical name. */
export type AliasTable = ReadonlyMap<string, string>;

export function aliasTable(aliases: Readonly<Record<string, string[]>>): AliasTable {
  const table = new Map<string, string>();
  for (const [canonical, variants] of Object.entries(aliases)) {
    table.set(normaliseAlias(canonical), canonical);
    for (const v of variants ?? []) table.set(normaliseAlias(v), canonical);
  }
  return table;
}

/** The canonical name a mention is an alias of, by its text or else by its name without the honorific. */
export function canonicalNameOf(aliases: AliasTable, m: MentionForm): string | undefined {
  return aliases.get(normaliseAlias(m.text)) ?? aliases.get(normaliseAlias(m.nameParts.join(' ')));
}
