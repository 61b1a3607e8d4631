import type { Mention, Person, RawMention } from './types';
import { FIRST_NAME_HONORIFICS, HONORIFIC_GENDER, HONORIFIC_PHRASES, firstNameGender, honorificKey, type Gender } from './lexicon';
import { foldName, slugify } from './text';

export interface DocumentMentions {
  path: string;
  mentions: readonly RawMention[];
}

export interface IdentityResult {
  /** People sorted by mention count, most first; each with its mentions filled in. */
  people: Person[];
  /** For each path, the person id of each mention (same order as the input), or null if dropped. */
  assignments: Map<string, (string | null)[]>;
}

/** Lower-case particles that belong to a surname, not to the given names ("Le Pen", "von der Leyen"). */
const SURNAME_PARTICLES = new Set(['le', 'la', 'de', 'di', 'da', 'du', 'van', 'von', 'der', 'den', 'del', 'della', 'des', 'dos', 'das', 'al', 'el', 'bin', 'ibn', 'ter', 'ten', 'zu', 'st']);

interface ParsedName {
  /** Folded given names (empty for a lone word). */
  given: string[];
  /** Folded surname key: the last word without an Arabic article ("al-Assad" -> "assad"). */
  surname: string;
  /** Folded lone word, when the name is a single word (could be a surname or a given name). */
  lone: string | null;
  gender: Gender | null;
  /** The honorific goes with a given name ("Sir Michael"). */
  firstNameHonorific: boolean;
}

interface Cluster {
  key: string;
  given: string | null;
  surname: string;
  gender: Gender | null;
  docs: Set<number>;
  /** Mentions assigned so far. */
  size: number;
  /** Set when corpus.yaml names this person. */
  canonical: string | null;
  mergedInto: Cluster | null;
}

function surnameKey(word: string): string {
  return foldName(word).replace(/^(?:al|el|ad|as|ash|at|az|ar|an)[-'\u2019]/, '').replace(/['\u2019]s$/, '');
}

const parseCache = new Map<string, ParsedName>();

/** Parsing is memoised on the name form: a corpus repeats the same few forms thousands of times. */
const parsedMentions = new WeakMap<RawMention, ParsedName>();

function parseName(m: RawMention): ParsedName {
  const known = parsedMentions.get(m);
  if (known) return known;
  const key = `${m.honorific ?? ''}|${m.nameParts.join(' ')}`;
  let p = parseCache.get(key);
  if (!p) {
    if (parseCache.size > 100_000) parseCache.clear();
    p = parseNameUncached(m);
    parseCache.set(key, p);
  }
  parsedMentions.set(m, p);
  return p;
}

function parseNameUncached(m: RawMention): ParsedName {
  const parts = m.nameParts;
  const hon = m.honorific ? honorificKey(m.honorific) : null;
  const honGender = hon ? HONORIFIC_GENDER.get(hon) ?? null : null;
  if (parts.length === 1) {
    const lone = surnameKey(parts[0]);
    return { given: [], surname: lone, lone, gender: honGender, firstNameHonorific: hon !== null && FIRST_NAME_HONORIFICS.has(hon) };
  }
  // The surname starts at the first particle after the first word, else it is the last word.
  let surnameStart = parts.length - 1;
  for (let i = 0; i < parts.length - 1; i++) {
    if (SURNAME_PARTICLES.has(parts[i].toLowerCase()) && (i > 0 || parts.length === 2)) { surnameStart = i; break; }
  }
  const given = parts.slice(0, surnameStart).map(foldName).filter((g) => g.length > 0);
  const surname = surnameKey(parts[parts.length - 1]);
  if (given.length === 0) return { given, surname, lone: null, gender: honGender, firstNameHonorific: false };
  const g = firstNameGender(parts[0]);
  return { given, surname, lone: null, gender: honGender ?? g ?? null, firstNameHonorific: false };
}

function normaliseAlias(name: string): string {
  const words = foldName(name).replace(/\./g, '').split(/\s+/).filter(Boolean);
  // Leading honorifics do not change who an alias names.
  while (words.length > 1 && HONORIFIC_PHRASES.has(words[0])) words.shift();
  return words.join(' ');
}

/** Groups mentions across the corpus into people with one stable id each. */
export function resolveIdentities(docs: readonly DocumentMentions[], aliases: Readonly<Record<string, string[]>> = {}): IdentityResult {
  const aliasOf = new Map<string, string>();
  for (const [canonical, variants] of Object.entries(aliases)) {
    aliasOf.set(normaliseAlias(canonical), canonical);
    for (const v of variants ?? []) aliasOf.set(normaliseAlias(v), canonical);
  }

  const clusters = new Map<string, Cluster>();
  const bySurname = new Map<string, Cluster[]>();
  const byGiven = new Map<string, Cluster[]>();
  const assignment: (Cluster | null)[][] = docs.map((d) => new Array<Cluster | null>(d.mentions.length).fill(null));
  const parsed: ParsedName[][] = docs.map((d) => d.mentions.map(parseName));

  const getCluster = (key: string, given: string | null, surname: string, gender: Gender | null): Cluster => {
    let c = clusters.get(key);
    if (!c) {
      c = { key, given, surname, gender, docs: new Set(), size: 0, canonical: null, mergedInto: null };
      clusters.set(key, c);
      if (surname) push(bySurname, surname, c);
      if (given) push(byGiven, given, c);
    }
    if (!c.gender && gender) c.gender = gender;
    return c;
  };
  const assign = (c: Cluster, doc: number, index: number): void => {
    c.size++;
    c.docs.add(doc);
    assignment[doc][index] = c;
  };

  // Pass 1: names from corpus.yaml, then full names (given + surname): they define the people.
  const hasAliases = aliasOf.size > 0;
  docs.forEach((d, di) => d.mentions.forEach((m, mi) => {
    const canonical = hasAliases ? aliasOf.get(normaliseAlias(m.text)) ?? aliasOf.get(normaliseAlias(m.nameParts.join(' '))) : undefined;
    if (canonical !== undefined) {
      const p = parseName({ ...m, honorific: null, nameParts: canonical.split(/\s+/) });
      const c = getCluster(`alias:${foldName(canonical)}`, p.given[0] ?? null, p.surname, p.gender);
      c.canonical = canonical;
      assign(c, di, mi);
      return;
    }
    const p = parsed[di][mi];
    if (p.given.length && !(p.given[0].length === 1)) assign(getCluster(`${p.surname}|${p.given[0]}`, p.given[0], p.surname, p.gender), di, mi);
  }));
  // An alias cluster absorbs the heuristic cluster with the same surname and given name.
  for (const c of clusters.values()) {
    if (!c.canonical) continue;
    for (const other of bySurname.get(c.surname) ?? []) {
      if (other !== c && !other.canonical && other.given === c.given) other.mergedInto = c;
    }
  }

  // Pass 2: initials ("J. Smith"), lone words and surname-only forms ("Le Pen"), resolved against pass 1.
  docs.forEach((d, di) => d.mentions.forEach((_m, mi) => {
    if (assignment[di][mi]) return;
    const p = parsed[di][mi];
    const initial = p.given.length ? p.given[0] : null;
    let target: Cluster | null;
    if (p.lone !== null) {
      target = pick(bySurname.get(p.surname), di, p.gender, assignment[di], mi);
      // "Sir Michael": knights and dames go by their given name; any lone word may be a given name too.
      if (!target && (p.firstNameHonorific || !p.gender)) target = pick(byGiven.get(p.lone), di, p.gender, assignment[di], mi);
      if (!target && p.firstNameHonorific) target = pick(byGiven.get(p.lone), di, null, assignment[di], mi);
    } else {
      const candidates = (bySurname.get(p.surname) ?? []).filter((c) => !initial || (c.given ?? '').startsWith(initial));
      target = pick(candidates, di, p.gender, assignment[di], mi);
    }
    if (!target) target = getCluster(`${p.surname}|${initial ?? ''}`, initial, p.surname, p.gender);
    assign(target, di, mi);
  }));

  // Build people.
  const final = (c: Cluster): Cluster => {
    let x = c;
    while (x.mergedInto) x = x.mergedInto;
    return x;
  };
  // Walking the documents in order keeps each person's mentions in corpus order without sorting.
  const groups = new Map<Cluster, { doc: number; index: number }[]>();
  assignment.forEach((list, doc) => list.forEach((c, index) => {
    if (!c) return;
    const root = final(c);
    const members = groups.get(root);
    if (members) members.push({ doc, index });
    else groups.set(root, [{ doc, index }]);
  }));
  const built: { person: Person; root: Cluster }[] = [];
  for (const [root, members] of groups) {
    const forms = new Map<string, number>();
    const formExample = new Map<string, RawMention>();
    const roles = new Map<string, string>();
    const mentions: Mention[] = new Array<Mention>(members.length);
    for (let k = 0; k < members.length; k++) {
      const { doc, index } = members[k];
      const m = docs[doc].mentions[index];
      const count = forms.get(m.text);
      forms.set(m.text, (count ?? 0) + 1);
      if (count === undefined) formExample.set(m.text, m);
      if (m.role && !roles.has(m.role.toLowerCase())) roles.set(m.role.toLowerCase(), m.role);
      mentions[k] = { path: docs[doc].path, start: m.start, end: m.end, text: m.text, personId: '' };
    }
    // The fullest form without honorific; ties go to the more frequent form.
    let best = '';
    let bestWords = 0;
    let bestCount = 0;
    for (const [form, m] of formExample) {
      const words = m.nameParts.length;
      const count = forms.get(form) ?? 0;
      if (words > bestWords || (words === bestWords && count > bestCount)) {
        best = m.nameParts.join(' ');
        bestWords = words;
        bestCount = count;
      }
    }
    const name = root.canonical ?? best;
    const aliasList = [...forms.keys()].filter((f) => f !== name).sort((a, b) => (forms.get(b) ?? 0) - (forms.get(a) ?? 0) || a.localeCompare(b));
    built.push({ person: { id: '', name, aliases: aliasList, roles: [...roles.values()], mentions }, root });
  }
  // Stable ids: slug of the name; clashes get a numeric suffix in a fixed order.
  built.sort((a, b) => a.person.name.localeCompare(b.person.name) || b.person.mentions.length - a.person.mentions.length || a.root.key.localeCompare(b.root.key));
  const used = new Map<string, number>();
  for (const b of built) {
    const base = slugify(b.person.name);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    b.person.id = n === 1 ? base : `${base}-${n}`;
    for (const m of b.person.mentions) m.personId = b.person.id;
  }
  const idOf = new Map<Cluster, string>(built.map((b) => [b.root, b.person.id]));
  const assignments = new Map<string, (string | null)[]>();
  docs.forEach((d, di) => {
    const ids = assignment[di].map((c) => (c ? idOf.get(final(c)) ?? null : null));
    const existing = assignments.get(d.path);
    assignments.set(d.path, existing ? existing.concat(ids) : ids);
  });
  const people = built.map((b) => b.person).sort((a, b) => b.mentions.length - a.mentions.length || a.id.localeCompare(b.id));
  return { people, assignments };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Chooses the person a short form refers to: the only candidate; else the one named most recently
 * earlier in the same article; else the only one in the article; else, across the corpus, the only one.
 * Gender from an honorific rules candidates out. Ambiguity across the corpus yields null (a new person).
 */
function pick(candidates: Cluster[] | undefined, doc: number, gender: Gender | null, docAssignment: (Cluster | null)[], index: number): Cluster | null {
  if (!candidates || candidates.length === 0) return null;
  if (candidates.length === 1) return !gender || !candidates[0].gender || candidates[0].gender === gender ? candidates[0] : null;
  const fitting = gender ? candidates.filter((c) => !c.gender || c.gender === gender) : candidates;
  if (fitting.length === 0) return null;
  if (fitting.length === 1) return fitting[0];
  for (let i = index - 1; i >= 0; i--) {
    const c = docAssignment[i];
    if (c && fitting.includes(c)) return c;
  }
  const inDoc = fitting.filter((c) => c.docs.has(doc));
  if (inDoc.length >= 1) return inDoc.sort((a, b) => b.size - a.size)[0];
  return null;
}
