// Quote trails over a corpus, kept up to date one article at a time. Quotes with the same words share a node;
// nodes that `matchWords` joins (a cut, a light variant) are linked; a trail is a connected group of nodes whose
// quotes stand in two or more articles. An article that changes removes its quotes (a node left without quotes
// goes, with its links), adds its new ones (a new node is compared only with the quotes that share a shingle with
// it) and regroups only the trails those nodes belonged to.
import { ITEMS_PER_STEP, type Steps } from '../util/steps';
import { canJoinTrail, matchWords, type TrailMatch } from './match';
import { COMMON_SHINGLE, radixSortPairs, shingleCount, shinglesOf, ShinglePostings, writeShingles } from './postings';
import { KeyTable } from './keyTable';
import { quoteWords, wordsKey, type QuoteWords } from './words';

/** A quote as the index reads it. */
export interface TrailQuoteInput {
  start: number;
  text: string;
}

/** A quote of a trail: where it is. */
export interface TrailEntry {
  readonly path: string;
  readonly start: number;
}

interface Entry extends TrailEntry {
  readonly node: number;
}

interface TextNode {
  readonly key: number;
  /** The words of one of its quotes (they all have the same words): re-read when a new node is compared with it. */
  readonly text: string;
  readonly words: number;
  readonly shingles: number;
  entries: Entry[];
  /** Linked nodes with how they relate, or null. */
  links: Map<number, TrailMatch> | null;
  group: number;
}

/**
 * Shingles (runs of `SHINGLE` words) two quotes must share, not counting common ones, to be compared at all: one
 * shared run is often a coincidence of set phrases, and every light variant the matching allows keeps two.
 */
const SHARED_SHINGLES = 2;

/** Most quotes appear once: `[entry]` holds one slot where a push onto `[]` reserves 17. */
function addEntry(node: TextNode, entry: Entry): void {
  if (node.entries.length === 0) node.entries = [entry];
  else node.entries.push(entry);
}

/** The words of nodes by id, for the nodes an update compares (a sparse array: ids only grow). */
type WordsById = (QuoteWords | undefined)[];

/** A bulk rebuild when this share of the index changes at once (a load, corpus.yaml): one sort, no map. */
const BULK_SHARE = 0.25;

export class TrailIndex {
  private nodes: (TextNode | undefined)[] = [];
  private readonly byKey = new KeyTable();
  private readonly byPath = new Map<string, Entry[]>();
  private readonly postings = new ShinglePostings();
  private liveNodes = 0;
  private readonly groups = new Map<number, number[]>();
  private nextGroup = 1;
  /** Bumped on every change, so readers can cache what they built from a group. */
  version = 0;

  /** Quotes of one article by offset, with a trail group or 0. */
  entriesIn(path: string): readonly TrailEntry[] {
    return this.byPath.get(path) ?? [];
  }

  /** The group of the quote at `path` starting at `start`, or 0 when it is in none. */
  groupOf(path: string, start: number): number {
    const entries = this.byPath.get(path);
    if (!entries) return 0;
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (entries[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    const entry = entries[lo];
    return entry && entry.start === start ? this.nodes[entry.node]!.group : 0;
  }

  /** Every group of linked or identical quotes, as group ids (trails still need two articles: see `entriesOf`). */
  groupIds(): IterableIterator<number> {
    return this.groups.keys();
  }

  /** The quotes of a group. */
  entriesOf(group: number): TrailEntry[] {
    const out: TrailEntry[] = [];
    for (const id of this.groups.get(group) ?? []) out.push(...this.nodes[id]!.entries);
    return out;
  }

  /** Quotes in the index (trail-eligible ones only). */
  get size(): number {
    let n = 0;
    for (const entries of this.byPath.values()) n += entries.length;
    return n;
  }

  /**
   * Sets the quotes of articles (undefined: the article went away), in steps of bounded work. Links depend only on
   * the two quotes and on which shingles are common, so after any sequence of updates the trails are those a
   * fresh index of the same articles would find: a shingle that turns common or stops being common has every
   * quote with it compared again.
   */
  *updateSteps(changes: Iterable<readonly [path: string, quotes: readonly TrailQuoteInput[] | undefined]>): Steps<void> {
    this.version++;
    const touched = new Set<number>();
    const staleGroups = new Set<number>();
    const added: number[] = [];
    const died: string[] = [];
    const wordsOf: WordsById = [];
    let work = 0;
    let changedQuotes = 0;
    for (const [path, quotes] of changes) {
      this.removeArticle(path, touched, staleGroups, died);
      if (quotes) changedQuotes += this.addArticle(path, quotes, added, wordsOf, touched);
      if ((work += (quotes?.length ?? 0) + 8) >= ITEMS_PER_STEP) {
        work = 0;
        yield;
      }
    }
    const bulk = added.length > 0 && (this.postings.sorted === 0 || changedQuotes + this.postings.added >= BULK_SHARE * this.liveNodes);
    let linking: number[];
    if (bulk) {
      // Every node is compared again: one sort, and the same links as a first load.
      this.compactNodes(wordsOf);
      touched.clear();
      this.groups.clear();
      linking = [];
      for (let id = 0; id < this.nodes.length; id++) {
        const node = this.nodes[id]!;
        node.links = null;
        node.group = 0;
        linking.push(id);
        touched.add(id);
      }
      yield* this.rebuildPostingsSteps(wordsOf);
    } else {
      for (const id of added) for (const hash of shinglesOf(wordsOf[id]!.hashes)) this.postings.add(hash, id);
      linking = this.withCommonnessChanges(added, died, wordsOf, touched);
    }
    yield* this.linkSteps(linking, wordsOf, touched, bulk);
    yield* this.regroupSteps(touched, staleGroups);
  }

  /**
   * The added nodes, plus every node with a shingle that this update made common or no longer common, its links
   * dropped so it is compared again as if new.
   */
  private withCommonnessChanges(added: readonly number[], died: readonly string[], wordsOf: WordsById, touched: Set<number>): number[] {
    const delta = new Map<number, number>();
    for (const id of added) for (const hash of shinglesOf(wordsOf[id]!.hashes)) delta.set(hash, (delta.get(hash) ?? 0) + 1);
    for (const text of died) for (const hash of shinglesOf(quoteWords(text).hashes)) delta.set(hash, (delta.get(hash) ?? 0) - 1);
    const linking = new Set(added);
    const isLive = (id: number) => this.nodes[id] !== undefined;
    const holders: number[] = [];
    for (const [hash, change] of delta) {
      if (change === 0) continue;
      // Counted far enough that a capped count is common both before and after the change (a count capped just
      // past COMMON_SHINGLE would make every change to a set phrase look like a crossing and re-link its holders).
      const live = this.postings.liveCount(hash, isLive, COMMON_SHINGLE + 1 + Math.abs(change));
      const before = live - change;
      if (live > COMMON_SHINGLE === before > COMMON_SHINGLE) continue;
      holders.length = 0;
      this.postings.allNodesWith(hash, holders);
      for (const id of holders) {
        const node = this.nodes[id];
        if (!node || linking.has(id)) continue;
        linking.add(id);
        touched.add(id);
        for (const other of node.links?.keys() ?? []) {
          this.nodes[other]!.links!.delete(id);
          touched.add(other);
        }
        node.links = null;
        wordsOf[id] ??= quoteWords(node.text);
      }
    }
    return [...linking];
  }

  private removeArticle(path: string, touched: Set<number>, staleGroups: Set<number>, died: string[]): void {
    const entries = this.byPath.get(path);
    if (!entries) return;
    this.byPath.delete(path);
    for (const entry of entries) {
      const node = this.nodes[entry.node]!;
      const at = node.entries.indexOf(entry);
      node.entries.splice(at, 1);
      touched.add(entry.node);
      if (node.group) staleGroups.add(node.group);
      if (node.entries.length > 0) continue;
      for (const other of node.links?.keys() ?? []) {
        this.nodes[other]!.links!.delete(entry.node);
        touched.add(other);
      }
      this.byKey.delete(node.key);
      this.nodes[entry.node] = undefined;
      died.push(node.text);
      this.liveNodes--;
    }
  }

  /** Adds an article's trail-eligible quotes; returns how many quotes it read. */
  private addArticle(path: string, quotes: readonly TrailQuoteInput[], added: number[], wordsOf: WordsById, touched: Set<number>): number {
    const entries: Entry[] = [];
    for (const quote of quotes) {
      const words = quoteWords(quote.text);
      if (!canJoinTrail(words)) continue;
      const key = wordsKey(words);
      let id = this.byKey.get(key);
      if (id === undefined) {
        id = this.nodes.length;
        this.nodes.push({ key, text: quote.text, words: words.words, shingles: shingleCount(words.hashes), entries: [], links: null, group: 0 });
        this.byKey.set(key, id);
        this.liveNodes++;
        added.push(id);
        wordsOf[id] = words;
      }
      const entry: Entry = { path, start: quote.start, node: id };
      addEntry(this.nodes[id]!, entry);
      touched.add(id);
      entries.push(entry);
    }
    if (entries.length > 0) {
      if (!isSortedByStart(entries)) entries.sort((a, b) => a.start - b.start);
      this.byPath.set(path, entries);
    }
    return quotes.length;
  }

  /** Sorts every node's shingles afresh (after `compactNodes`: no dead ones). */
  private *rebuildPostingsSteps(wordsOf: WordsById): Steps<void> {
    let total = 0;
    for (let id = 0; id < this.nodes.length; id++) total += this.nodes[id]!.shingles;
    const keys = new Uint32Array(total);
    const values = new Int32Array(total);
    let at = 0;
    for (let id = 0; id < this.nodes.length; id++) {
      let words = wordsOf[id];
      if (!words) wordsOf[id] = words = quoteWords(this.nodes[id]!.text);
      const count = writeShingles(words.hashes, keys, at);
      values.fill(id, at, (at += count));
      if (id % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    }
    yield;
    const sorted = radixSortPairs(keys, values);
    this.postings.reset(sorted.keys, sorted.values);
    yield;
  }

  /** Renumbers live nodes 0..n-1 (entries, links, lookups and `wordsOf` follow); the old id -> new id, -1 for dead. */
  private compactNodes(wordsOf: WordsById): Int32Array | null {
    if (this.liveNodes === this.nodes.length) return null;
    const newId = new Int32Array(this.nodes.length).fill(-1);
    const nodes: TextNode[] = [];
    for (let id = 0; id < this.nodes.length; id++) {
      const node = this.nodes[id];
      if (!node) continue;
      newId[id] = nodes.length;
      nodes.push(node);
    }
    const words: WordsById = [];
    wordsOf.forEach((w, id) => {
      if (w && newId[id] >= 0) words[newId[id]] = w;
    });
    wordsOf.length = 0;
    words.forEach((w, id) => (wordsOf[id] = w));
    this.byKey.clear();
    for (let id = 0; id < nodes.length; id++) {
      const node = nodes[id];
      this.byKey.set(node.key, id);
      if (node.links) node.links = new Map([...node.links].map(([other, match]) => [newId[other], match]));
    }
    for (const [path, entries] of this.byPath) this.byPath.set(path, entries.map((entry) => ({ path: entry.path, start: entry.start, node: newId[entry.node] })));
    for (const node of nodes) node.entries = [];
    for (const entries of this.byPath.values()) for (const entry of entries) addEntry(nodes[entry.node], entry);
    this.nodes = nodes;
    // Groups list node ids: renumbered too.
    for (const [group, members] of this.groups) this.groups.set(group, members.map((id) => newId[id]).filter((id) => id >= 0));
    return newId;
  }

  /** Compares each added node with the nodes sharing enough shingles with it, and links those that match. */
  private *linkSteps(added: readonly number[], wordsOf: WordsById, touched: Set<number>, bulk: boolean): Steps<void> {
    const nodeCount = this.nodes.length;
    const hits = new Int32Array(nodeCount);
    const isAdded = new Uint8Array(nodeCount);
    for (const id of added) isAdded[id] = 1;
    const seen: number[] = [];
    const found: number[] = [];
    const { postings } = this;
    // A bulk link reads each node's shared runs straight from the sorted postings; a few added nodes search them.
    const shared = bulk ? postings.sharedRuns(nodeCount, isAdded) : null;
    const { nodes } = this;
    const isLive = (id: number) => nodes[id] !== undefined;
    let work = 0;
    for (const id of added) {
      const node = nodes[id]!;
      const words = wordsOf[id]!;
      if (shared) {
        const { offsets, runs } = shared;
        for (let r = offsets[id]; r < offsets[id + 1]; r += 2) {
          for (let p = runs[r]; p < runs[r + 1]; p++) {
            const other = postings.nodeAt(p);
            if (other === id || (isAdded[other] && other < id)) continue;
            if (hits[other]++ === 0) seen.push(other);
          }
        }
      } else {
        const shingles = shinglesOf(words.hashes);
        for (let s = 0; s < shingles.length; s++) {
          found.length = 0;
          postings.nodesWith(shingles[s], found, isLive);
          for (const other of found) {
            if (other === id || !nodes[other] || (isAdded[other] && other < id)) continue;
            if (hits[other]++ === 0) seen.push(other);
          }
        }
      }
      for (const other of seen) {
        const shingles = hits[other];
        hits[other] = 0;
        const candidate = nodes[other]!;
        if (shingles < SHARED_SHINGLES) continue;
        let otherWords = wordsOf[other];
        if (!otherWords) wordsOf[other] = otherWords = quoteWords(candidate.text);
        const match = matchWords(words, otherWords);
        if (!match) continue;
        (node.links ??= new Map()).set(other, match);
        (candidate.links ??= new Map()).set(id, match);
        touched.add(other);
      }
      touched.add(id);
      work += seen.length + node.shingles;
      seen.length = 0;
      if (work >= ITEMS_PER_STEP) {
        work = 0;
        yield;
      }
    }
  }

  /**
   * Whether a node is part of longer quotes that are not joined to each other: then it is a phrase they share
   * ("and the canals at the heart of our plans"), not one quote, and its links group nothing.
   */
  private isBridge(node: TextNode): boolean {
    const links = node.links;
    if (!links || links.size < 2) return false;
    const longer: number[] = [];
    for (const id of links.keys()) if (this.nodes[id]!.words > node.words) longer.push(id);
    for (let i = 0; i < longer.length; i++) {
      const own = this.nodes[longer[i]]!.links;
      for (let j = i + 1; j < longer.length; j++) if (!own?.has(longer[j])) return true;
    }
    return false;
  }

  /**
   * Regroups around the touched nodes: a group is a connected set of nodes that are not bridges (a bridge is a
   * group of its own). Links changed at a node can change whether its neighbours bridge, so they count as touched.
   */
  private *regroupSteps(touched: Set<number>, stale: Set<number>): Steps<void> {
    const { nodes, groups } = this;
    for (const id of [...touched]) for (const other of nodes[id]?.links?.keys() ?? []) touched.add(other);
    for (const id of touched) {
      const node = nodes[id];
      if (node && node.group) stale.add(node.group);
    }
    const ungroup = (group: number) => {
      for (const id of groups.get(group) ?? []) {
        const node = nodes[id];
        if (node && node.group === group) {
          node.group = 0;
          touched.add(id);
        }
      }
      groups.delete(group);
    };
    for (const group of stale) ungroup(group);
    const bridges = new Map<number, boolean>();
    const bridge = (id: number) => {
      let is = bridges.get(id);
      if (is === undefined) bridges.set(id, (is = this.isBridge(nodes[id]!)));
      return is;
    };
    let work = 0;
    for (const start of touched) {
      const first = nodes[start];
      if (!first || first.group) continue;
      const group = this.nextGroup++;
      const members = [start];
      first.group = group;
      if (!bridge(start)) {
        for (let i = 0; i < members.length; i++) {
          for (const other of nodes[members[i]]!.links?.keys() ?? []) {
            const node = nodes[other]!;
            if (node.group === group || bridge(other)) continue;
            // A group of before that this one now reaches (a former bridge between them) is merged in.
            if (node.group) ungroup(node.group);
            node.group = group;
            members.push(other);
          }
        }
      }
      // One node in one article is no trail: not kept as a group, so the read side never looks at it.
      if (members.length > 1 || hasTwoArticles(first.entries)) groups.set(group, members);
      else first.group = 0;
      if ((work += members.length) >= ITEMS_PER_STEP) {
        work = 0;
        yield;
      }
    }
  }
}

function isSortedByStart(entries: readonly Entry[]): boolean {
  for (let i = 1; i < entries.length; i++) if (entries[i].start < entries[i - 1].start) return false;
  return true;
}

function hasTwoArticles(entries: readonly TrailEntry[]): boolean {
  for (let i = 1; i < entries.length; i++) if (entries[i].path !== entries[0].path) return true;
  return false;
}
