// The incremental identity index: documents' mentions in, people and the changes of each flush out.
// Identity resolution follows three rules:
// 1. Names from corpus.yaml and full names (given + surname) define clusters ("fallon|michael").
//    An alias cluster absorbs the full-name cluster with its surname and given name.
// 2. Initials ("J. Smith") with no full-name cluster of that surname and initial define an initial cluster.
// 3. Every other mention (lone words, initials, surname-only forms) picks among the clusters of its
//    surname (or, for a lone word, of its given name) using only its own article as context; with no
//    clear choice it falls back to the cluster `surname|initial`.
// Each rule reads corpus-wide state only through its surname group (and given-name group for lone words),
// and that state does not depend on article order. So after a change only the groups touched by the changed
// article are rebuilt, and only the articles whose groups changed are re-resolved; the result equals a
// resolution from scratch (a unit test checks this). A flush runs as phases: replace the documents, rebuild
// the touched groups (candidates.ts), mark the documents those changes affect, resolve them (picking.ts),
// rebuild the people of the touched clusters (people.ts). Names are parsed in names.ts; cluster and
// document state and rule 1 live in clusters.ts.
import type { MentionForm, Person } from '../types';
import * as counts from '../util/counts';
import type { Tally } from '../util/counts';
import { ITEMS_PER_STEP, runSteps, runStepsSliced, type Steps } from '../util/steps';
import { CandidateIndex } from './candidates';
import * as clusterHelpers from './clusters';
import * as evidence from './evidence';
import { StoryIndex } from './evidence';
import { ClusterRegistry, type ClusterState, type DocState } from './clusters';
import * as names from './names';
import type { ParsedName } from './names';
import { PeopleTable, type IdentityChanges } from './people';
import { DocClusters, resolveShortForms } from './picking';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { addToTallies, tallyKeys } = counts;
const { definingClustersOf, parsedOf, rootOf, tallyAssigned } = clusterHelpers;
const { aliasTable, parseName } = names;
const { widelyReportedAt } = evidence;

/** What replacing a batch of documents touched: surname groups to rebuild and documents to resolve. */
interface ReplacedDocuments {
  dirtySurnames: Set<string>;
  toResolve: Set<DocState>;
}

/**
 * What rebuilding the groups changed: clusters whose candidacy, gender or merge changed, and their given
 * names; and the clusters whose story (evidence.ts) changed, whose short forms must be weighed again.
 */
interface GroupChanges {
  clusters: ClusterState[];
  givens: ReadonlySet<string>;
  stories: readonly ClusterState[];
}

/** Corpus-wide identity kept up to date one document at a time. */
export type { IdentityChanges };

export class IdentityIndex {
  private readonly aliasOf: Map<string, string>;
  private readonly docs = new Map<string, DocState>();
  private readonly pending = new Map<string, readonly MentionForm[] | null>();
  private readonly registry = new ClusterRegistry();
  private readonly candidates = new CandidateIndex(this.registry);
  /** Documents with mentions resolved in pass 3, per surname and (lone words) per given name. */
  private readonly surnameDocs = new Map<string, Tally<DocState>>();
  private readonly givenDocs = new Map<string, Tally<DocState>>();
  private readonly persons = new PeopleTable();
  private readonly stories = new StoryIndex(this.registry);
  /** What rule 3 keeps while it resolves one document, reused from document to document. */
  private readonly inDoc = new DocClusters();

  constructor(aliases: Readonly<Record<string, string[]>> = {}) {
    this.aliasOf = new Map(aliasTable(aliases));
  }

  /** Adds aliases for forms no document holds yet (a per-article name): documents set from now on see them. */
  addAliases(aliases: Readonly<Record<string, string[]>>): void {
    for (const [alias, canonical] of aliasTable(aliases)) this.aliasOf.set(alias, canonical);
  }

  setDoc(key: string, mentions: readonly MentionForm[]): void {
    this.pending.set(key, mentions);
  }

  removeDoc(key: string): void {
    this.pending.set(key, null);
  }

  /** Person ids of one document's mentions, in input order (null: dropped). */
  idsOf(key: string): (string | null)[] {
    const doc = this.docs.get(key);
    if (!doc) return [];
    const ids = new Array<string | null>(doc.cells.length);
    for (let i = 0; i < ids.length; i++) {
      const c = this.registry.ofCell(doc.cells[i]);
      ids[i] = c ? this.persons.idOf(rootOf(c)) : null;
    }
    return ids;
  }

  /** People by id; their `mentions` are left to the caller (empty arrays here). */
  people(): ReadonlyMap<string, Person> {
    return this.persons.people();
  }

  /** Applies the pending document changes. */
  flush(): IdentityChanges {
    return runSteps(this.flushSteps());
  }

  /** `flush` in slices of about `budgetMs`, awaiting `pause()` between them; the result is the same. */
  flushAsync(pause: () => Promise<void>, budgetMs: number, signal?: AbortSignal): Promise<IdentityChanges> {
    return runStepsSliced(this.flushSteps(), pause, budgetMs, signal);
  }

  /**
   * `flush` as steps, none longer than one document's share of work (a huge document is split too). The
   * pending changes are taken at the start: documents set or removed meanwhile wait for the next flush.
   * Reads (`idsOf`, `people`) between steps see a half-applied state; a flush left unfinished leaves the index
   * unusable.
   */
  *flushSteps(): Steps<IdentityChanges> {
    if (this.flushing) throw new Error('IdentityIndex: a flush is already running');
    this.flushing = true;
    try {
      return yield* this.applyPending();
    } finally {
      this.flushing = false;
    }
  }

  private flushing = false;

  private *applyPending(): Steps<IdentityChanges> {
    const changes: IdentityChanges = { docs: new Set(), people: new Set() };
    if (this.pending.size === 0) return changes;
    const batch = [...this.pending];
    this.pending.clear();
    /** Root clusters whose person must be rebuilt, in the order they were touched. */
    const dirtyRoots = new Set<ClusterState>();
    // With no documents before, every document is new: each is resolved, and no change needs tracing to them.
    const fresh = this.docs.size === 0;
    this.stories.begin(this.docs.size);
    const { dirtySurnames, toResolve } = yield* this.replaceDocuments(batch, dirtyRoots, changes);
    const changed = yield* this.rebuildGroups(dirtySurnames, dirtyRoots);
    yield* this.markAffected(changed, toResolve, dirtyRoots, changes, fresh);
    yield;
    yield* this.resolveDocuments(toResolve, dirtyRoots, changes);
    yield* this.persons.rebuild(dirtyRoots, changes, fresh);
    // Parsed names are memoised per form: a later flush reads them again for the few documents it touches.
    for (const doc of toResolve) doc.parsed = null;
    return changes;
  }

  /** Takes the old version of each document out of the index and puts the new one in, unresolved. */
  private *replaceDocuments(batch: readonly [string, readonly MentionForm[] | null][], dirtyRoots: Set<ClusterState>, changes: IdentityChanges): Steps<ReplacedDocuments> {
    const dirtySurnames = new Set<string>();
    const toResolve = new Set<DocState>();
    for (const [key, mentions] of batch) {
      const old = this.docs.get(key);
      if (old) {
        yield* tallyAssigned(old, -1, dirtyRoots, this.registry);
        yield* this.contribute(old, -1, dirtySurnames);
        this.stories.contribute(old, -1);
        this.docs.delete(key);
        toResolve.delete(old);
      }
      changes.docs.add(key);
      if (mentions) {
        const doc = yield* this.createDoc(key, mentions);
        this.docs.set(key, doc);
        yield* this.contribute(doc, 1, dirtySurnames);
        this.stories.contribute(doc, 1);
        toResolve.add(doc);
      }
      yield;
    }
    return { dirtySurnames, toResolve };
  }

  /** Rebuilds the touched surname groups, then the given-name lists of the clusters that changed. */
  private *rebuildGroups(dirtySurnames: ReadonlySet<string>, dirtyRoots: Set<ClusterState>): Steps<GroupChanges> {
    const clusters: ClusterState[] = [];
    for (const surname of dirtySurnames) {
      for (const c of this.candidates.rebuildSurname(surname, dirtyRoots)) clusters.push(c);
      yield;
    }
    // Given-name lists are rebuilt once all surname groups are: they list clusters of every surname.
    const givens = new Set<string>();
    for (const c of clusters) if (c.given) givens.add(c.given);
    for (const given of givens) {
      this.candidates.rebuildGiven(given);
      yield;
    }
    return { clusters, givens, stories: this.stories.changed(this.docs.size) };
  }

  /**
   * A group whose candidates changed re-resolves its documents; a cluster whose merge changed moves every
   * mention of it to another person, so its documents' ids change and both roots are rebuilt. After a `fresh`
   * start every document is to resolve and changed already: only the roots are marked.
   */
  private *markAffected(changed: GroupChanges, toResolve: Set<DocState>, dirtyRoots: Set<ClusterState>, changes: IdentityChanges, fresh: boolean): Steps<void> {
    if (fresh) {
      for (const c of changed.clusters) {
        dirtyRoots.add(c);
        dirtyRoots.add(rootOf(c));
      }
      return;
    }
    // Sets of documents can be as large as the corpus (a surname named everywhere): walked in steps.
    let walked = 0;
    const changedSurnames = new Set(changed.clusters.map((c) => c.surname));
    const changedGivens = new Set(changed.givens);
    for (const c of changed.stories) {
      if (!c.candidate) continue;
      changedSurnames.add(c.surname);
      if (c.given) changedGivens.add(c.given);
    }
    for (const surname of changedSurnames) {
      for (const doc of tallyKeys(this.surnameDocs.get(surname) ?? null)) {
        toResolve.add(doc);
        if (++walked % ITEMS_PER_STEP === 0) yield;
      }
    }
    for (const given of changedGivens) {
      for (const doc of tallyKeys(this.givenDocs.get(given) ?? null)) {
        toResolve.add(doc);
        if (++walked % ITEMS_PER_STEP === 0) yield;
      }
    }
    for (const c of changed.clusters) {
      dirtyRoots.add(c);
      dirtyRoots.add(rootOf(c));
      for (const doc of tallyKeys(c.docs)) {
        changes.docs.add(doc.key);
        if (++walked % ITEMS_PER_STEP === 0) yield;
      }
    }
  }

  /** Rule 3 for each document to resolve, moving its mentions' tallies from the old assignment to the new. */
  private *resolveDocuments(toResolve: ReadonlySet<DocState>, dirtyRoots: Set<ClusterState>, changes: IdentityChanges): Steps<void> {
    for (const doc of toResolve) {
      if (doc.resolved) yield* tallyAssigned(doc, -1, dirtyRoots, this.registry);
      yield* resolveShortForms(doc, this.candidates, this.registry, widelyReportedAt(this.docs.size), this.inDoc);
      yield* tallyAssigned(doc, 1, dirtyRoots, this.registry);
      changes.docs.add(doc.key);
      yield;
    }
  }

  private *createDoc(key: string, mentions: readonly MentionForm[]): Steps<DocState> {
    const parsed = new Array<ParsedName>(mentions.length);
    for (let i = 0; i < mentions.length; i++) {
      parsed[i] = parseName(mentions[i]);
      if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    }
    const cells = yield* definingClustersOf(mentions, parsed, this.aliasOf, this.registry);
    return { key, mentions, parsed, cells, resolved: false };
  }

  /** Adds (sign 1) or removes (sign -1) a document's defining evidence and its pass-3 index entries. */
  private *contribute(doc: DocState, sign: 1 | -1, dirtySurnames: Set<string>): Steps<void> {
    const parsed = parsedOf(doc);
    for (let i = 0; i < doc.mentions.length; i++) {
      if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
      const p = parsed[i];
      const c = this.registry.definedBy(doc, i);
      if (c) {
        c.defining += sign;
        if (p.gender === 'male') c.male += sign;
        else if (p.gender === 'female') c.female += sign;
        dirtySurnames.add(c.surname);
        continue;
      }
      dirtySurnames.add(p.surname);
      addToTallies(this.surnameDocs, p.surname, doc, sign);
      if (doc.mentions[i].tentative === true) continue;
      if (p.lone !== null) addToTallies(this.givenDocs, p.lone, doc, sign);
      else if (p.given.length) this.candidates.addInitial(p.surname, p.given[0], p.gender, sign);
    }
  }
}
