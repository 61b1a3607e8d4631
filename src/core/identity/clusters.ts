// A cluster is a would-be person: the mentions filed under one key. A full name defines "surname|given", a
// corpus.yaml alias defines "alias:<canonical name>", initials with no full name to match define
// "surname|initial", and a short form with no clear candidate falls back to "surname|initial" (or "surname|").
// This module holds the cluster and document state, the registry that files clusters by surname and given
// name, rule 1 (the cluster a mention's full name or alias defines), and the tallies of the mentions assigned
// to each cluster, from which people are built. A full-name cluster merged into an alias cluster (its root)
// becomes part of that person.
import type { MentionForm, Person } from '../types';
import type { Gender } from '../language';
import * as counts from '../util/counts';
import type { Tally } from '../util/counts';
import { ITEMS_PER_STEP, type Steps } from '../util/steps';
import * as textHelpers from '../util/text';
import * as names from './names';
import type { AliasTable, ParsedName } from './names';
import type { StoryKey } from './evidence';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { addToTally } = counts;
const { foldName } = textHelpers;
const { canonicalNameOf, parseName } = names;

export type ClusterKind = 'full' | 'alias' | 'initial' | 'fallback';

/**
 * Assigned mentions of one written form: how many, and the first of them, whose name parts give the form's
 * number of name words and its name without honorific (made when the person is described, not kept).
 */
export interface FormTally {
  count: number;
  form: MentionForm;
}

/**
 * A cluster's written forms, in the order they came: a list sized to fit while there are few (most clusters have
 * one to four: a third of a map's bytes), a map by text past FEW_FORMS.
 */
export type FormTallies = readonly FormTally[] | Map<string, FormTally>;

const FEW_FORMS = 8;
const NO_FORMS: readonly FormTally[] = [];

function formTallyOf(forms: FormTallies, text: string): FormTally | undefined {
  if (forms instanceof Map) return forms.get(text);
  for (let k = 0; k < forms.length; k++) if (forms[k].form.text === text) return forms[k];
  return undefined;
}

// Lists are copied, not pushed to or spliced: a pushed array keeps room for a dozen more.
function withForm(forms: FormTallies, tally: FormTally): FormTallies {
  if (forms instanceof Map) return forms.set(tally.form.text, tally);
  if (forms.length >= FEW_FORMS) return new Map([...forms, tally].map((f) => [f.form.text, f]));
  const grown = new Array<FormTally>(forms.length + 1);
  for (let k = 0; k < forms.length; k++) grown[k] = forms[k];
  grown[forms.length] = tally;
  return grown;
}

function withoutForm(forms: FormTallies, text: string): FormTallies {
  if (forms instanceof Map) {
    forms.delete(text);
    return forms;
  }
  if (forms.length === 1) return NO_FORMS;
  const rest = new Array<FormTally>(forms.length - 1);
  for (let k = 0, to = 0; k < forms.length; k++) if (forms[k].form.text !== text) rest[to++] = forms[k];
  return rest;
}

/** A cluster's form tallies, in the order the forms came. */
export function formTallies(forms: FormTallies): Iterable<FormTally> {
  return forms instanceof Map ? forms.values() : forms;
}

export interface ClusterState {
  key: string;
  /** Its place in the registry: what documents keep to name it. */
  readonly number: number;
  kind: ClusterKind;
  given: string | null;
  surname: string;
  canonical: string | null;
  /** Defining mentions (full names or alias forms for full/alias clusters; initials for initial clusters). */
  defining: number;
  male: number;
  female: number;
  /** Gender fixed by the canonical name of an alias cluster. */
  fixedGender: Gender | null;
  /** The alias cluster this full-name cluster belongs to. */
  mergedInto: ClusterState | null;
  /** Listed among its surname's (and given name's) candidates. */
  candidate: boolean;
  /** Full-name clusters merged into this alias cluster (null until one is: most clusters never merge). */
  mergedFrom: Set<ClusterState> | null;
  /** Every mention assigned to this cluster: count, per-document counts, forms and roles. */
  assigned: number;
  docs: Tally<DocState>;
  forms: FormTallies;
  /**
   * Each spelling of a role given to it, with its count (most people have none, most others one); spellings of
   * one role (case aside) are grouped when the person is described.
   */
  roles: Tally<string>;
  /**
   * Null while the cluster is not named in full: the other clusters named in full in the same articles and the
   * roles next to its full name, each with its number of articles (evidence.ts).
   */
  story: Tally<StoryKey>;
  /** The person it makes while it is a root cluster with mentions (people.ts), else null. */
  person: ClusterPerson | null;
}

/** A root cluster's person as the people table numbers it: id, slug and mention count kept for that. */
export interface ClusterPerson {
  root: ClusterState;
  id: string;
  slug: string;
  person: Person;
  mentionCount: number;
}

export interface DocState {
  key: string;
  mentions: readonly MentionForm[];
  /** The mentions' parsed names while a flush works on the document; null in between (`parsedOf` reads them again). */
  parsed: ParsedName[] | null;
  /**
   * Per mention, its cluster as `cellOf` packs it: the cluster its full name or alias defines (rule 1), else the
   * one rule 3 assigned it; NO_CLUSTER for none yet, or a mention dropped. 4 bytes a mention kept, where two
   * arrays of clusters took 16.
   */
  cells: Int32Array;
  resolved: boolean;
}

export const NO_CLUSTER = -1;

/** A document's cell for a cluster: its number, doubled, plus one when the mention defines the cluster. */
export function cellOf(c: ClusterState, defines: boolean): number {
  return c.number * 2 + (defines ? 1 : 0);
}

/** Whether a cell holds a defining mention's cluster. */
export function definesIn(cell: number): boolean {
  return cell >= 0 && (cell & 1) === 1;
}

/** The document's parsed names, parsed again (from the memo) after the flush that last worked on it let them go. */
export function parsedOf(doc: DocState): ParsedName[] {
  return (doc.parsed ??= doc.mentions.map(parseName));
}

/** A cluster a short form may refer to, with the gender it had when its candidate list was built. */
export interface Candidate {
  cluster: ClusterState;
  gender: Gender | null;
}

export function genderOfCluster(c: ClusterState): Gender | null {
  if (c.kind === 'alias') return c.fixedGender;
  return c.male > c.female ? 'male' : c.female > c.male ? 'female' : null;
}

export function toCandidate(cluster: ClusterState): Candidate {
  return { cluster, gender: genderOfCluster(cluster) };
}

export function rootOf(c: ClusterState): ClusterState {
  return c.mergedInto ?? c;
}

/** What other mentions' choices depend on; `gender` is the one recorded when the candidates were listed. */
export function clusterSignature(c: ClusterState, gender: Gender | null): string {
  return `${c.key}:${gender ?? ''}:${rootOf(c).key}`;
}

export const byKey = (a: ClusterState, b: ClusterState): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Every cluster ever made, by key and by number, and filed by surname and given name. Clusters are kept for good. */
export class ClusterRegistry {
  private readonly byKey = new Map<string, ClusterState>();
  private readonly byNumber: ClusterState[] = [];
  private readonly bySurname = new Map<string, Set<ClusterState>>();
  private readonly byGiven = new Map<string, Set<ClusterState>>();

  /** The cluster of a document's cell, or null for NO_CLUSTER. */
  ofCell(cell: number): ClusterState | null {
    return cell < 0 ? null : this.byNumber[cell >> 1];
  }

  /** The cluster a document's mention defines (rule 1), or null. */
  definedBy(doc: DocState, i: number): ClusterState | null {
    const cell = doc.cells[i];
    return definesIn(cell) ? this.byNumber[cell >> 1] : null;
  }

  /** The cluster with this key, made on first use; a fallback cluster takes the kind of a rule that later defines it. */
  get(key: string, kind: ClusterKind, given: string | null, surname: string): ClusterState {
    let c = this.byKey.get(key);
    if (!c) {
      c = {
        key, number: this.byNumber.length, kind, given, surname, canonical: null, defining: 0, male: 0, female: 0, fixedGender: null,
        mergedInto: null, candidate: false, mergedFrom: null, assigned: 0, docs: null, forms: NO_FORMS, roles: null, story: null, person: null,
      };
      this.byKey.set(key, c);
      this.byNumber.push(c);
      let bySurname = this.bySurname.get(surname);
      if (!bySurname) this.bySurname.set(surname, (bySurname = new Set()));
      bySurname.add(c);
      if (given) {
        let byGiven = this.byGiven.get(given);
        if (!byGiven) this.byGiven.set(given, (byGiven = new Set()));
        byGiven.add(c);
      }
    } else if (c.kind === 'fallback' && kind !== 'fallback') {
      c.kind = kind;
    }
    return c;
  }

  ofSurname(surname: string): ReadonlySet<ClusterState> | undefined {
    return this.bySurname.get(surname);
  }

  ofGiven(given: string): ReadonlySet<ClusterState> | undefined {
    return this.byGiven.get(given);
  }
}

/**
 * Rule 1 for one document: per mention, the cell of the cluster its corpus.yaml alias or its full name
 * defines, or NO_CLUSTER for the mentions rule 3 resolves. An alias cluster takes its given name, surname and
 * gender from the canonical name.
 */
export function* definingClustersOf(mentions: readonly MentionForm[], parsed: readonly ParsedName[], aliases: AliasTable, registry: ClusterRegistry): Steps<Int32Array> {
  const defining = new Int32Array(mentions.length).fill(NO_CLUSTER);
  const hasAliases = aliases.size > 0;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const canonical = hasAliases ? canonicalNameOf(aliases, m) : undefined;
    if (canonical !== undefined) {
      const p = parseName({ ...m, honorific: null, nameParts: canonical.split(/\s+/) });
      const c = registry.get(`alias:${foldName(canonical)}`, 'alias', p.given[0] ?? null, p.surname);
      c.canonical = canonical;
      c.fixedGender = p.gender;
      defining[i] = cellOf(c, true);
      continue;
    }
    const p = parsed[i];
    if (p.fullKey !== null) defining[i] = cellOf(registry.get(p.fullKey, 'full', p.given[0], p.surname), true);
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
  }
  return defining;
}

/** Adds or removes one document's assigned mentions to their clusters' counts, forms and roles. */
export function* tallyAssigned(doc: DocState, sign: 1 | -1, dirtyRoots: Set<ClusterState>, registry: ClusterRegistry): Steps<void> {
  const { cells } = doc;
  for (let i = 0; i < doc.mentions.length; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const c = registry.ofCell(cells[i]);
    if (!c) continue;
    const m = doc.mentions[i];
    c.assigned += sign;
    c.docs = addToTally(c.docs, doc, sign);
    const form = formTallyOf(c.forms, m.text);
    if (form) {
      form.count += sign;
      if (form.count === 0) c.forms = withoutForm(c.forms, m.text);
    } else if (sign > 0) {
      c.forms = withForm(c.forms, { count: 1, form: m });
    }
    if (m.role) c.roles = addToTally(c.roles, m.role, sign);
    dirtyRoots.add(rootOf(c));
  }
}
