// Which clusters a short form ("Smith", "Mr Smith", "J. Smith", "Sir John") may refer to. Candidates are
// listed per surname group: the alias clusters and full-name clusters that have defining mentions, and
// (rule 2) a cluster per initial that no full name of the surname fits. Rule 1's merge is settled here too:
// a full-name cluster joins the first alias cluster (by key) with its surname and given name. A lone word
// may also be a given name, so the candidates are listed per given name as well. Everything here depends
// only on the clusters of the group, never on article order, so a group is rebuilt on its own when a
// document touching it changes.
import type { Gender } from '../language';
import * as clusterHelpers from './clusters';
import type { Candidate, ClusterRegistry, ClusterState } from './clusters';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { byKey, clusterSignature, genderOfCluster, toCandidate } = clusterHelpers;

/** The initial mentions ("J. Smith") of one surname and initial that rule 3 resolves, with their genders. */
export interface InitialTally {
  count: number;
  male: number;
  female: number;
}

/** The clusters of a surname that names define: alias clusters (sorted by key) and full-name clusters. */
interface Definers {
  aliases: ClusterState[];
  fullNames: ClusterState[];
}

const NO_CLUSTERS: ReadonlySet<ClusterState> = new Set();

/** What rule 3 reads: the candidates per surname and per given name, each list sorted by cluster key. */
export interface CandidateLists {
  readonly bySurname: ReadonlyMap<string, readonly Candidate[]>;
  readonly byGiven: ReadonlyMap<string, readonly Candidate[]>;
}

/** Candidate lists per surname and per given name, with the initial mentions they are built from. */
export class CandidateIndex implements CandidateLists {
  /** Surname -> initial -> its initial mentions. */
  private readonly initials = new Map<string, Map<string, InitialTally>>();
  private readonly surnameLists = new Map<string, Candidate[]>();
  private readonly givenLists = new Map<string, Candidate[]>();
  /** Candidates per surname (full, alias and active initial clusters), sorted by key. */
  readonly bySurname: ReadonlyMap<string, readonly Candidate[]> = this.surnameLists;
  /** Candidates per given name: every candidate cluster with that given name, sorted by key. */
  readonly byGiven: ReadonlyMap<string, readonly Candidate[]> = this.givenLists;

  constructor(private readonly registry: ClusterRegistry) {}

  /** Adds (sign 1) or removes (sign -1) one initial mention of a surname. */
  addInitial(surname: string, initial: string, gender: Gender | null, sign: 1 | -1): void {
    let byInitial = this.initials.get(surname);
    if (!byInitial) this.initials.set(surname, (byInitial = new Map()));
    const entry = byInitial.get(initial) ?? { count: 0, male: 0, female: 0 };
    entry.count += sign;
    if (gender === 'male') entry.male += sign;
    else if (gender === 'female') entry.female += sign;
    if (entry.count === 0) byInitial.delete(initial);
    else byInitial.set(initial, entry);
    if (byInitial.size === 0) this.initials.delete(surname);
  }

  /**
   * Recomputes one surname's merges and candidates; returns the clusters whose candidacy, gender or merge
   * changed (their given names' lists are left to `rebuildGiven`). An alias cluster that loses a merged
   * cluster is added to `dirtyRoots`.
   */
  rebuildSurname(surname: string, dirtyRoots: Set<ClusterState>): ClusterState[] {
    const before = signaturesOf(this.surnameLists.get(surname));
    const clusters = this.registry.ofSurname(surname) ?? NO_CLUSTERS;
    const { aliases, fullNames } = definersOf(clusters);
    const merged = applyMerges(clusters, aliases, dirtyRoots);
    const candidates = [...aliases, ...fullNames];
    for (const [initial, tally] of unmatchedInitials(candidates, this.initials.get(surname))) candidates.push(this.initialCluster(surname, initial, tally));
    candidates.sort(byKey);
    for (const c of before.keys()) c.candidate = false;
    for (const c of candidates) c.candidate = true;
    if (candidates.length) this.surnameLists.set(surname, candidates.map(toCandidate));
    else this.surnameLists.delete(surname);
    return [...merged, ...changedCandidates(before, candidates)];
  }

  /** Recomputes one given name's candidates from the clusters now listed as candidates of their surnames. */
  rebuildGiven(given: string): void {
    const list: ClusterState[] = [];
    for (const c of this.registry.ofGiven(given) ?? []) if (c.candidate) list.push(c);
    list.sort(byKey);
    if (list.length) this.givenLists.set(given, list.map(toCandidate));
    else this.givenLists.delete(given);
  }

  /** Rule 2: the cluster of a surname's initial, with the counts of the initial mentions that define it. */
  private initialCluster(surname: string, initial: string, tally: InitialTally): ClusterState {
    const c = this.registry.get(`${surname}|${initial}`, 'initial', initial, surname);
    c.defining = tally.count;
    c.male = tally.male;
    c.female = tally.female;
    return c;
  }
}

/** Each listed cluster's signature as it was listed. */
function signaturesOf(candidates: readonly Candidate[] | undefined): Map<ClusterState, string> {
  const signatures = new Map<ClusterState, string>();
  for (const { cluster, gender } of candidates ?? []) signatures.set(cluster, clusterSignature(cluster, gender));
  return signatures;
}

function definersOf(clusters: ReadonlySet<ClusterState>): Definers {
  const aliases: ClusterState[] = [];
  const fullNames: ClusterState[] = [];
  for (const c of clusters) {
    if ((c.kind === 'full' || c.kind === 'alias') && c.defining > 0) (c.kind === 'alias' ? aliases : fullNames).push(c);
  }
  aliases.sort(byKey);
  return { aliases, fullNames };
}

/** The alias cluster a full-name cluster belongs to: the first (by key) with its given name, while it has defining mentions. */
function mergeTargetOf(c: ClusterState, aliases: readonly ClusterState[]): ClusterState | null {
  return c.defining > 0 ? aliases.find((a) => a.given === c.given) ?? null : null;
}

/** Moves each full-name cluster of the surname to its merge target; returns the clusters that moved. */
function applyMerges(clusters: ReadonlySet<ClusterState>, aliases: readonly ClusterState[], dirtyRoots: Set<ClusterState>): ClusterState[] {
  const moved: ClusterState[] = [];
  for (const c of clusters) {
    if (c.kind !== 'full') continue;
    const target = mergeTargetOf(c, aliases);
    if (c.mergedInto === target) continue;
    if (c.mergedInto) {
      dirtyRoots.add(c.mergedInto);
      c.mergedInto.mergedFrom?.delete(c);
    }
    c.mergedInto = target;
    if (target) (target.mergedFrom ??= new Set()).add(c);
    moved.push(c);
  }
  return moved;
}

/** Rule 2: the initials of a surname that no alias or full name (given name starting with the initial) fits. */
function unmatchedInitials(definers: readonly ClusterState[], initials: ReadonlyMap<string, InitialTally> | undefined): [string, InitialTally][] {
  const unmatched: [string, InitialTally][] = [];
  for (const [initial, tally] of initials ?? []) {
    if (!definers.some((c) => c.kind !== 'initial' && (c.given ?? '').startsWith(initial))) unmatched.push([initial, tally]);
  }
  return unmatched;
}

/** The clusters listed now whose signature differs from the one they were listed with, then those no longer listed. */
function changedCandidates(before: ReadonlyMap<ClusterState, string>, after: readonly ClusterState[]): ClusterState[] {
  const changed: ClusterState[] = [];
  for (const c of after) if (before.get(c) !== clusterSignature(c, genderOfCluster(c))) changed.push(c);
  if (before.size === 0) return changed;
  const listed = new Set(after);
  for (const c of before.keys()) if (!listed.has(c)) changed.push(c);
  return changed;
}
