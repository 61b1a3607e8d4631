// Quote trails over a corpus, kept up to date one article at a time. Quotes with the same words share a node;
// nodes that `matchWords` joins (a cut, a light variant) are linked; a trail is a connected group of nodes whose
// quotes stand in two or more articles. An article that changes removes its quotes (a node left without quotes
// goes, with its links), adds its new ones (a new node is compared only with the quotes that share a shingle with
// it) and regroups only the trails those nodes belonged to.
import { partitionPoint } from '../util/sortedSearch';
import { ITEMS_PER_STEP, type Steps } from '../util/steps';
import { canJoinTrail, matchWords } from './match';
import { COMMON_SHINGLE, shingleCount, shinglesOf, ShinglePostings, writeShingles } from './postings';
import { KeyTable } from './keyTable';
import { TrailNodes, type TrailEntry } from './nodes';
import { quoteWords, wordsKey, type QuoteWords } from './words';

export type { TrailEntry } from './nodes';

/** A quote as the index reads it. */
export interface TrailQuoteInput {
  start: number;
  text: string;
}

/**
 * Shingles (runs of `SHINGLE` words) two quotes must share, not counting common ones, to be compared at all: one
 * shared run is often a coincidence of set phrases, and every light variant the matching allows keeps two.
 */
const SHARED_SHINGLES = 2;

/** The words of nodes by id, for the nodes an update compares (a sparse array: ids only grow). */
type WordsById = (QuoteWords | undefined)[];

/** A bulk rebuild when this share of the index changes at once (a load, corpus.yaml): one sort, no map. */
const BULK_SHARE = 0.25;

export class TrailIndex {
  private readonly nodes = new TrailNodes();
  private readonly byKey = new KeyTable();
  /** Per article, its quotes in the index by offset: start and node id of each, in pairs. */
  private readonly byPath = new Map<string, Int32Array>();
  private readonly postings = new ShinglePostings();
  private readonly groups = new Map<number, number[]>();
  private nextGroup = 1;
  /** Bumped on every change, so readers can cache what they built from a group. */
  version = 0;

  /** The group of the quote at `path` starting at `start`, or 0 when it is in none. */
  groupOf(path: string, start: number): number {
    const pairs = this.byPath.get(path);
    if (!pairs) return 0;
    const lo = partitionPoint(pairs.length >> 1, (pair) => pairs[2 * pair] < start);
    return 2 * lo < pairs.length && pairs[2 * lo] === start ? this.nodes.group(pairs[2 * lo + 1]) : 0;
  }

  /** Every group of linked or identical quotes, as group ids (trails still need two articles: see `entriesOf`). */
  groupIds(): IterableIterator<number> {
    return this.groups.keys();
  }

  /** The quotes of a group. */
  entriesOf(group: number): TrailEntry[] {
    const out: TrailEntry[] = [];
    for (const id of this.groups.get(group) ?? []) this.nodes.entries(id, out);
    return out;
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
    const died: QuoteWords[] = [];
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
    const { nodes } = this;
    const bulk = added.length > 0 && (this.postings.sorted === 0 || changedQuotes + this.postings.added >= BULK_SHARE * nodes.live);
    let linking: number[];
    if (bulk) {
      // Every node is compared again: one sort, and the same links as a first load. Links and groups are
      // dropped before the nodes are renumbered, which then has none of them to renumber.
      this.groups.clear();
      nodes.clearLinks();
      this.compactNodes(wordsOf);
      nodes.trim();
      touched.clear();
      nodes.clearGroups();
      linking = [];
      for (let id = 0; id < nodes.count; id++) {
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
  private withCommonnessChanges(added: readonly number[], died: readonly QuoteWords[], wordsOf: WordsById, touched: Set<number>): number[] {
    const delta = new Map<number, number>();
    for (const id of added) for (const hash of shinglesOf(wordsOf[id]!.hashes)) delta.set(hash, (delta.get(hash) ?? 0) + 1);
    for (const words of died) for (const hash of shinglesOf(words.hashes)) delta.set(hash, (delta.get(hash) ?? 0) - 1);
    const linking = new Set(added);
    const { nodes } = this;
    const isLive = (id: number) => nodes.isLive(id);
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
        if (!nodes.isLive(id) || linking.has(id)) continue;
        linking.add(id);
        touched.add(id);
        nodes.unlink(id, (other) => touched.add(other));
        wordsOf[id] ??= quoteWords(nodes.text(id));
      }
    }
    return [...linking];
  }

  private removeArticle(path: string, touched: Set<number>, staleGroups: Set<number>, died: QuoteWords[]): void {
    const pairs = this.byPath.get(path);
    if (!pairs) return;
    this.byPath.delete(path);
    const { nodes } = this;
    for (let p = 0; p < pairs.length; p += 2) {
      const id = pairs[p + 1];
      const text = nodes.text(id);
      touched.add(id);
      if (nodes.group(id)) staleGroups.add(nodes.group(id));
      if (!nodes.removeEntry(id, path, pairs[p])) continue;
      nodes.unlink(id, (other) => touched.add(other));
      // The node's key is its words' (not kept per node: a removal is rare next to the nodes the index holds).
      const words = quoteWords(text);
      this.byKey.delete(wordsKey(words));
      died.push(words);
    }
  }

  /** Adds an article's trail-eligible quotes; returns how many quotes it read. */
  private addArticle(path: string, quotes: readonly TrailQuoteInput[], added: number[], wordsOf: WordsById, touched: Set<number>): number {
    const { nodes } = this;
    const starts: number[] = [];
    const ids: number[] = [];
    for (const quote of quotes) {
      const words = quoteWords(quote.text);
      if (!canJoinTrail(words)) continue;
      const key = wordsKey(words);
      let id = this.byKey.get(key);
      if (id === undefined) {
        id = nodes.add(quote.text, words.words, shingleCount(words.hashes));
        this.byKey.set(key, id);
        added.push(id);
        wordsOf[id] = words;
      }
      nodes.addEntry(id, path, quote.start);
      touched.add(id);
      starts.push(quote.start);
      ids.push(id);
    }
    if (starts.length > 0) this.byPath.set(path, startNodePairs(starts, ids));
    return quotes.length;
  }

  /** Sorts every node's shingles afresh (after `compactNodes`: no dead ones). */
  private *rebuildPostingsSteps(wordsOf: WordsById): Steps<void> {
    const { nodes } = this;
    let total = 0;
    for (let id = 0; id < nodes.count; id++) total += nodes.shingles(id);
    const keys = new Uint32Array(total);
    const values = new Int32Array(total);
    let at = 0;
    for (let id = 0; id < nodes.count; id++) {
      let words = wordsOf[id];
      if (!words) wordsOf[id] = words = quoteWords(nodes.text(id));
      const count = writeShingles(words.hashes, keys, at);
      values.fill(id, at, (at += count));
      if (id % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    }
    yield;
    this.postings.sortAndReset(keys, values);
    yield;
  }

  /** Renumbers live nodes 0..n-1 (entries, links, lookups and `wordsOf` follow); the old id -> new id, -1 for dead. */
  private compactNodes(wordsOf: WordsById): Int32Array | null {
    const newId = this.nodes.compact();
    if (!newId) return null;
    const words: WordsById = [];
    wordsOf.forEach((w, id) => {
      if (w && newId[id] >= 0) words[newId[id]] = w;
    });
    wordsOf.length = 0;
    words.forEach((w, id) => (wordsOf[id] = w));
    this.byKey.renumber(newId);
    for (const pairs of this.byPath.values()) for (let p = 1; p < pairs.length; p += 2) pairs[p] = newId[pairs[p]];
    // Groups list node ids: renumbered too.
    for (const [group, members] of this.groups) this.groups.set(group, members.map((id) => newId[id]).filter((id) => id >= 0));
    return newId;
  }

  /** Compares each added node with the nodes sharing enough shingles with it, and links those that match. */
  private *linkSteps(added: readonly number[], wordsOf: WordsById, touched: Set<number>, bulk: boolean): Steps<void> {
    const { nodes, postings } = this;
    const nodeCount = nodes.count;
    const hits = new Int32Array(nodeCount);
    const isAdded = new Uint8Array(nodeCount);
    for (const id of added) isAdded[id] = 1;
    const seen: number[] = [];
    const found: number[] = [];
    // A bulk link reads each node's shared runs straight from the sorted postings; a few added nodes search them.
    const shared = bulk ? postings.sharedRuns(nodeCount, isAdded) : null;
    const isLive = (id: number) => nodes.isLive(id);
    let work = 0;
    for (const id of added) {
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
            if (other === id || !nodes.isLive(other) || (isAdded[other] && other < id)) continue;
            if (hits[other]++ === 0) seen.push(other);
          }
        }
      }
      for (const other of seen) {
        const shingles = hits[other];
        hits[other] = 0;
        if (shingles < SHARED_SHINGLES) continue;
        let otherWords = wordsOf[other];
        if (!otherWords) wordsOf[other] = otherWords = quoteWords(nodes.text(other));
        const match = matchWords(words, otherWords);
        if (!match) continue;
        nodes.link(id, other, match);
        touched.add(other);
      }
      touched.add(id);
      work += seen.length + nodes.shingles(id);
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
  private isBridge(id: number): boolean {
    const { nodes } = this;
    const links = nodes.links(id);
    if (links.length < 4) return false;
    const words = nodes.words(id);
    const longer: number[] = [];
    for (let l = 0; l < links.length; l += 2) if (nodes.words(links[l]) > words) longer.push(links[l]);
    for (let i = 0; i < longer.length; i++) {
      for (let j = i + 1; j < longer.length; j++) if (nodes.linkBetween(longer[i], longer[j]) === undefined) return true;
    }
    return false;
  }

  /**
   * Regroups around the touched nodes: a group is a connected set of nodes that are not bridges (a bridge is a
   * group of its own). Links changed at a node can change whether its neighbours bridge, so they count as touched.
   */
  private *regroupSteps(touched: Set<number>, stale: Set<number>): Steps<void> {
    const { nodes, groups } = this;
    for (const id of [...touched]) {
      const links = nodes.links(id);
      for (let l = 0; l < links.length; l += 2) touched.add(links[l]);
    }
    for (const id of touched) if (nodes.isLive(id) && nodes.group(id)) stale.add(nodes.group(id));
    const ungroup = (group: number) => {
      for (const id of groups.get(group) ?? []) {
        if (nodes.isLive(id) && nodes.group(id) === group) {
          nodes.setGroup(id, 0);
          touched.add(id);
        }
      }
      groups.delete(group);
    };
    for (const group of stale) ungroup(group);
    const bridges = new Map<number, boolean>();
    const bridge = (id: number) => {
      let is = bridges.get(id);
      if (is === undefined) bridges.set(id, (is = this.isBridge(id)));
      return is;
    };
    let work = 0;
    for (const start of touched) {
      if (!nodes.isLive(start) || nodes.group(start)) continue;
      const group = this.nextGroup++;
      const members = [start];
      nodes.setGroup(start, group);
      if (!bridge(start)) {
        for (let i = 0; i < members.length; i++) {
          const links = nodes.links(members[i]);
          for (let l = 0; l < links.length; l += 2) {
            const other = links[l];
            const otherGroup = nodes.group(other);
            if (otherGroup === group || bridge(other)) continue;
            // A group of before that this one now reaches (a former bridge between them) is merged in.
            if (otherGroup) ungroup(otherGroup);
            nodes.setGroup(other, group);
            members.push(other);
          }
        }
      }
      // One node in one article is no trail: not kept as a group, so the read side never looks at it.
      if (members.length > 1 || nodes.inTwoArticles(start)) groups.set(group, members.slice()); // exact length: kept
      else nodes.setGroup(start, 0);
      if ((work += members.length) >= ITEMS_PER_STEP) {
        work = 0;
        yield;
      }
    }
  }
}

/** An article's quotes as (start, node) pairs by start (extraction order when starts tie). */
function startNodePairs(starts: readonly number[], ids: readonly number[]): Int32Array {
  const order = starts.map((_, i) => i);
  if (!isAscending(starts)) order.sort((a, b) => starts[a] - starts[b]);
  const pairs = new Int32Array(2 * order.length);
  for (let k = 0; k < order.length; k++) {
    pairs[2 * k] = starts[order[k]];
    pairs[2 * k + 1] = ids[order[k]];
  }
  return pairs;
}

function isAscending(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] < values[i - 1]) return false;
  return true;
}
