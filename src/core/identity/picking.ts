// Rule 3: which person a short form goes to ("Smith", "Mr Smith", "J. Smith", "Sir John", a lone word).
// Every mention that does not define a cluster picks among the candidates of its surname (a lone word also
// among those of its given name) using only its own article as context: the only candidate that fits the
// gender; else the one named most recently before it in the article; else the one named most often in the
// article. With no clear choice it goes to the fallback cluster "surname|initial", which later mentions of
// that surname in the same article may then pick too. A lone word may join a person named in full only in
// other articles on evidence (evidence.ts); without it, it becomes a person of its own article. A tentative
// lone word (a capitalised word that may not be a name) is kept only when a surname known from full names
// takes it, on the same evidence.
import type { Gender } from '../language';
import { ITEMS_PER_STEP, type Steps } from '../util/steps';
import type { CandidateLists } from './candidates';
import type { Candidate, ClusterRegistry, ClusterState, DocState } from './clusters';
import * as clusterHelpers from './clusters';
import * as evidence from './evidence';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { roleKeys, sharesRole, sharesStory } = evidence;
const { NO_CLUSTER, cellOf, definesIn, parsedOf } = clusterHelpers;

const NO_CANDIDATES: readonly Candidate[] = [];

/**
 * Rule 3 for one document: keeps in `doc.cells` (in place: the index keeps the array) the defining cluster of
 * each mention that has one, and puts there a pick for each other mention, in article order.
 */
export function* resolveShortForms(doc: DocState, lists: CandidateLists, registry: ClusterRegistry, wideAt: number, inDoc: DocClusters): Steps<void> {
  const { bySurname, byGiven } = lists;
  inDoc.clear();
  const local = new LocalFallbacks();
  const { cells } = doc;
  for (let i = 0; i < cells.length; i++) {
    const c = registry.definedBy(doc, i);
    if (c) inDoc.add(c);
    else cells[i] = NO_CLUSTER;
  }
  const parsed = parsedOf(doc);
  const globalOnly = (global: readonly Candidate[] | undefined): readonly Candidate[] => global ?? NO_CANDIDATES;
  const weigh = new Evidence(doc, inDoc, lists, registry, wideAt);
  for (let i = 0; i < doc.mentions.length; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const before = i > 0 ? registry.ofCell(cells[i - 1]) : null;
    if (before) inDoc.assignedAt(before, i - 1);
    if (definesIn(cells[i])) continue;
    const p = parsed[i];
    const initial = p.given.length ? p.given[0] : null;
    let target: ClusterState | null;
    if (doc.mentions[i].tentative === true) {
      // Only a surname known from full names of people (here or, on evidence, in other articles) makes a
      // lone word a name: a cluster whose given name or honorific told a gender, not one built from unknown words.
      target = knownPerson(bySurname.get(p.surname), p.gender, i, inDoc, weigh);
      if (target) {
        cells[i] = cellOf(target, false);
        inDoc.add(target);
      }
      continue;
    }
    let unsupported = false;
    if (p.lone !== null) {
      // A lone word joins a person named in full only in other articles on evidence (evidence.ts); when
      // evidence alone kept it from the person it picked, it stays a person of its own article. (Among
      // several candidates pick() only chooses one already named in the article, so it is the one to weigh.)
      // A person named in full (a gendered cluster) is tried first, as for a tentative word: a lone word
      // elsewhere in the corpus with no full name (a fallback cluster) does not compete with one.
      target = knownPerson(bySurname.get(p.surname), p.gender, i, inDoc, weigh);
      let picked = target ?? pick(local.withLocal(bySurname.get(p.surname), p.surname), p.gender, inDoc);
      target ??= weigh.confirmed(picked, i, false);
      unsupported = picked !== target;
      // "Sir Michael": knights and dames go by their given name; any lone word may be a given name too.
      // A given name is shared by too many people for a story in common to tell them apart: only a role does.
      if (!target && (p.firstNameHonorific || !p.gender)) {
        picked = pick(globalOnly(byGiven.get(p.lone)), p.gender, inDoc);
        target = weigh.confirmed(picked, i, true);
        unsupported ||= picked !== target;
      }
      if (!target && p.firstNameHonorific) {
        picked = pick(globalOnly(byGiven.get(p.lone)), null, inDoc);
        target = weigh.confirmed(picked, i, true);
        unsupported ||= picked !== target;
      }
    } else {
      const candidates = local.withLocal(bySurname.get(p.surname), p.surname).filter((c) => !initial || (c.cluster.given ?? '').startsWith(initial));
      target = pick(candidates, p.gender, inDoc);
    }
    if (!target) {
      const key = unsupported ? `${p.surname}|${initial ?? ''}@${doc.key}` : `${p.surname}|${initial ?? ''}`;
      target = registry.get(key, 'fallback', initial, p.surname);
      if (!target.candidate) local.add(target, p.surname, p.gender);
    }
    cells[i] = cellOf(target, false);
    inDoc.add(target);
  }
  inDoc.clear();
  doc.resolved = true;
}

/**
 * The clusters of the document being resolved: how many of its mentions each has so far, in the order they came,
 * and where each was last assigned. Kept by cluster number in typed arrays the identity index reuses from
 * document to document: two maps a document cost a hash lookup for every candidate of every short form.
 */
export class DocClusters {
  private counts = new Int32Array(256);
  /** Where each cluster was last assigned before the mention being resolved, or -1. */
  private lastAt = new Int32Array(256).fill(-1);
  /** The clusters with mentions, in the order they came. */
  readonly order: ClusterState[] = [];

  count(c: ClusterState): number {
    return c.number < this.counts.length ? this.counts[c.number] : 0;
  }

  has(c: ClusterState): boolean {
    return this.count(c) > 0;
  }

  /** Where the cluster was last assigned before the mention being resolved, or -1. */
  at(c: ClusterState): number {
    return c.number < this.lastAt.length ? this.lastAt[c.number] : -1;
  }

  /** One more mention of the cluster. */
  add(c: ClusterState): void {
    this.fit(c.number);
    if (this.counts[c.number]++ === 0) this.order.push(c);
  }

  /** The mention at `i` went to the cluster (it has it already). */
  assignedAt(c: ClusterState, i: number): void {
    this.fit(c.number);
    this.lastAt[c.number] = i;
  }

  /** Forgets the document (the arrays are all zeros and -1 again). */
  clear(): void {
    for (const c of this.order) {
      this.counts[c.number] = 0;
      this.lastAt[c.number] = -1;
    }
    this.order.length = 0;
  }

  private fit(number: number): void {
    if (number < this.counts.length) return;
    const size = Math.max(2 * this.counts.length, number + 1);
    const counts = new Int32Array(size);
    counts.set(this.counts);
    const lastAt = new Int32Array(size).fill(-1);
    lastAt.set(this.lastAt);
    this.counts = counts;
    this.lastAt = lastAt;
  }
}

/** The person named in full (a cluster whose given name or honorific told a gender) a lone word picks, when the evidence lets it join. */
function knownPerson(candidates: readonly Candidate[] | undefined, gender: Gender | null, i: number, inDoc: DocClusters, weigh: Evidence): ClusterState | null {
  if (candidates === undefined) return null;
  const known = gendered(candidates);
  return known.length ? weigh.confirmed(pick(known, gender, inDoc), i, false) : null;
}

const genderedOfList = new WeakMap<readonly Candidate[], readonly Candidate[]>();

/** The candidates with a gender, filtered once per candidate list (the lists live until their group is rebuilt). */
function gendered(candidates: readonly Candidate[]): readonly Candidate[] {
  let known = genderedOfList.get(candidates);
  if (!known) {
    known = candidates.every((c) => c.gender !== null) ? candidates : candidates.filter((c) => c.gender !== null);
    genderedOfList.set(candidates, known);
  }
  return known;
}

/**
 * Whether a lone word of one article may join the cluster it picked: one already named in the article, a
 * local fallback, or one named in full elsewhere whose story or role the article shares (evidence.ts).
 */
class Evidence {
  private articleKeys: ClusterState[] | null = null;
  /** Made at the first cluster weighed: most articles weigh none. */
  private storyShared: Map<ClusterState, boolean> | null = null;

  constructor(
    private readonly doc: DocState,
    private readonly inDoc: DocClusters,
    private readonly lists: CandidateLists,
    private readonly registry: ClusterRegistry,
    private readonly wideAt: number,
  ) {}

  /** The cluster pick() chose when the mention may join it: named in the article, or on evidence; else null. */
  confirmed(c: ClusterState | null, index: number, roleOnly: boolean): ClusterState | null {
    if (!c || this.inDoc.has(c) || c.kind === 'fallback') return c;
    const roles = roleKeys(this.doc.mentions[index].role);
    if (roles.length > 0 && sharesRole(c, roles)) return c;
    return !roleOnly && this.sharesStory(c) ? c : null;
  }

  /** Whether the article shares the cluster's story, asked once per cluster and article. */
  private sharesStory(c: ClusterState): boolean {
    const known = (this.storyShared ??= new Map());
    let shared = known.get(c);
    if (shared === undefined) known.set(c, (shared = sharesStory(c, this.keys(), this.wideAt)));
    return shared;
  }

  /**
   * Who the article names: the clusters named in full in it, and the only candidate of each lone word
   * ("President Trump", "Sir Keir") that has just one. They depend on the article and its own names' candidate
   * lists only, not on the order of resolution.
   */
  private keys(): ClusterState[] {
    if (this.articleKeys) return this.articleKeys;
    const keys = new Set<ClusterState>();
    const { doc } = this;
    const { bySurname, byGiven } = this.lists;
    const parsed = parsedOf(doc);
    for (let i = 0; i < doc.mentions.length; i++) {
      const c = this.registry.definedBy(doc, i);
      if (c) {
        keys.add(c);
        continue;
      }
      const p = parsed[i];
      if (p.lone === null || doc.mentions[i].tentative === true) continue;
      const list = p.firstNameHonorific ? byGiven.get(p.lone) : bySurname.get(p.surname);
      if (list && list.length === 1) keys.add(list[0].cluster);
    }
    this.articleKeys = [...keys];
    return this.articleKeys;
  }
}

/** Fallback clusters made in one article: later mentions of their surname in the article may pick them too. */
class LocalFallbacks {
  // Made at the article's first fallback cluster: many articles make none.
  private bySurname: Map<string, ClusterState[]> | null = null;
  /** The gender of the first mention with one that fell back to the cluster. */
  private gender: Map<ClusterState, Gender | null> | null = null;
  /** Global plus local candidates per surname, rebuilt when a local fallback is added. */
  private combined: Map<string, Candidate[]> | null = null;

  withLocal(global: readonly Candidate[] | undefined, surname: string): readonly Candidate[] {
    const local = this.bySurname?.get(surname);
    if (!local) return global ?? NO_CANDIDATES;
    const gender = this.gender!;
    const combined = this.combined!;
    let out = combined.get(surname);
    if (!out) {
      // Order does not matter to pick(): its ties go by position in the article.
      out = global ? [...global] : [];
      for (const cluster of local) out.push({ cluster, gender: gender.get(cluster) ?? null });
      combined.set(surname, out);
    }
    return out;
  }

  add(cluster: ClusterState, surname: string, gender: Gender | null): void {
    const bySurname = (this.bySurname ??= new Map());
    const genders = (this.gender ??= new Map());
    const combined = (this.combined ??= new Map());
    const local = bySurname.get(surname);
    let changed = true;
    if (!local) bySurname.set(surname, [cluster]);
    else if (!local.includes(cluster)) local.push(cluster);
    else changed = false;
    if (!genders.get(cluster) && gender) {
      genders.set(cluster, gender);
      changed = true;
    }
    if (changed) combined.delete(surname);
  }
}

/**
 * The gender of `cluster` as a candidate (the last entry for it), or undefined when it is none. A scan, not a map
 * cached per list: the lists are short, and a map for each of the corpus' thousands of lists is megabytes kept.
 */
function candidateGender(candidates: readonly Candidate[], cluster: ClusterState): Gender | null | undefined {
  for (let i = candidates.length - 1; i >= 0; i--) if (candidates[i].cluster === cluster) return candidates[i].gender;
  return undefined;
}

/**
 * Chooses the cluster a short form refers to: the only candidate; else the one named most recently
 * earlier in the same article; else the one named most often in the article, then first. Gender from an honorific
 * rules candidates out. Ambiguity with no help from the article yields null (the fallback cluster).
 */
function pick(candidates: readonly Candidate[], gender: Gender | null, inDoc: DocClusters): ClusterState | null {
  if (candidates.length === 0) return null;
  if (candidates.length === 1) return !gender || !candidates[0].gender || candidates[0].gender === gender ? candidates[0].cluster : null;
  let fitCount = 0;
  let only: ClusterState | null = null;
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    if (gender && c.gender && c.gender !== gender) continue;
    fitCount++;
    only = c.cluster;
  }
  if (fitCount <= 1) return only;
  // The fitting candidate assigned last before the mention.
  let recent: ClusterState | null = null;
  let recentAt = -1;
  for (let k = candidates.length - 1; k >= 0; k--) {
    const c = candidates[k].cluster;
    const at = inDoc.at(c);
    if (at > recentAt && fits(candidates, c, gender)) {
      recent = c;
      recentAt = at;
    }
  }
  if (recent) return recent;
  // Named most often in the article; ties go to the one named first.
  let best: ClusterState | null = null;
  let bestCount = 0;
  for (const cluster of inDoc.order) {
    const n = inDoc.count(cluster);
    if (n > bestCount && fits(candidates, cluster, gender)) {
      best = cluster;
      bestCount = n;
    }
  }
  return best;
}

/** Whether the cluster is a candidate whose gender (as a candidate) fits the mention's. */
function fits(candidates: readonly Candidate[], c: ClusterState, gender: Gender | null): boolean {
  const g = candidateGender(candidates, c);
  return g !== undefined && (!gender || !g || g === gender);
}
