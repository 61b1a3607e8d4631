// The trail index's nodes (one per distinct word sequence) as columns: the numbers in typed arrays, the texts in
// one array, each node's first quote inline and the rare further ones in a map, the links of the few linked nodes
// in another. About 40 bytes a node, where an object with its entry objects and arrays took over 200.
import type { TrailMatch } from './match';

/** A quote of a trail: where it is. */
export interface TrailEntry {
  readonly path: string;
  readonly start: number;
}

const MATCHES: readonly TrailMatch[] = ['whole', 'cut', 'varied'];
/** A node's links: linked node ids at even places, each followed by how they relate (a code in MATCHES). */
type Links = number[];
const NO_LINKS: Links = [];

function grown<T extends Int32Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array.subarray(0, Math.min(array.length, length)));
  return bigger;
}

export class TrailNodes {
  /** Ids handed out so far, dead ones included until `compact`. */
  count = 0;
  /** Nodes with at least one quote. */
  live = 0;
  /** The words of one of its quotes (all have the same words), re-read when a node is compared; undefined: dead. */
  private texts: (string | undefined)[] = [];
  private firstPaths: (string | undefined)[] = [];
  private firstStarts = new Int32Array(64);
  private wordCounts = new Int32Array(64);
  private shingleCounts = new Int32Array(64);
  private groups = new Int32Array(64);
  /** A node's quotes after its first (most quotes appear once). */
  private readonly moreEntries = new Map<number, TrailEntry[]>();
  /** Linked nodes of a node, with how they relate; only nodes with a link have an entry (most have one or two). */
  private readonly linksOf = new Map<number, Links>();

  /** A new node without quotes (add one at once); returns its id. */
  add(text: string, words: number, shingles: number): number {
    const id = this.count++;
    if (id >= this.groups.length) this.resize(Math.max(64, this.groups.length * 2));
    this.texts[id] = text;
    this.firstPaths[id] = undefined;
    this.wordCounts[id] = words;
    this.shingleCounts[id] = shingles;
    this.groups[id] = 0;
    this.live++;
    return id;
  }

  isLive(id: number): boolean {
    return this.texts[id] !== undefined;
  }

  text(id: number): string {
    return this.texts[id]!;
  }

  words(id: number): number {
    return this.wordCounts[id];
  }

  shingles(id: number): number {
    return this.shingleCounts[id];
  }

  group(id: number): number {
    return this.groups[id];
  }

  setGroup(id: number, group: number): void {
    this.groups[id] = group;
  }

  /** Every node back to no group. */
  clearGroups(): void {
    this.groups.fill(0, 0, this.count);
  }

  addEntry(id: number, path: string, start: number): void {
    if (this.firstPaths[id] === undefined) {
      this.firstPaths[id] = path;
      this.firstStarts[id] = start;
      return;
    }
    // Arrays of the exact length: a push would reserve room for 17 more.
    const more = this.moreEntries.get(id);
    this.moreEntries.set(id, more ? more.concat({ path, start }) : [{ path, start }]);
  }

  /**
   * Takes a quote off a node; true when that was its last one: the node is then dead (its text dropped, its id
   * unused until `compact`; the caller drops its links).
   */
  removeEntry(id: number, path: string, start: number): boolean {
    const more = this.moreEntries.get(id);
    if (this.firstPaths[id] === path && this.firstStarts[id] === start) {
      if (more) {
        const last = more.pop()!;
        this.firstPaths[id] = last.path;
        this.firstStarts[id] = last.start;
        if (more.length === 0) this.moreEntries.delete(id);
        return false;
      }
      this.firstPaths[id] = undefined;
      this.texts[id] = undefined;
      this.live--;
      return true;
    }
    if (more) {
      const at = more.findIndex((entry) => entry.path === path && entry.start === start);
      if (at >= 0) more.splice(at, 1);
      if (more.length === 0) this.moreEntries.delete(id);
    }
    return false;
  }

  /** Appends the node's quotes to `out`. */
  entries(id: number, out: TrailEntry[]): void {
    const path = this.firstPaths[id];
    if (path === undefined) return;
    out.push({ path, start: this.firstStarts[id] });
    const more = this.moreEntries.get(id);
    if (more) for (const entry of more) out.push(entry);
  }

  /** The node's quotes stand in two articles or more. */
  inTwoArticles(id: number): boolean {
    const path = this.firstPaths[id];
    for (const entry of this.moreEntries.get(id) ?? []) if (entry.path !== path) return true;
    return false;
  }

  /** The node's links: linked node ids at even places (read them with a step of 2), in the order they were made. */
  links(id: number): readonly number[] {
    return this.linksOf.get(id) ?? NO_LINKS;
  }

  /** How two nodes relate, or undefined when they are not linked. */
  linkBetween(a: number, b: number): TrailMatch | undefined {
    const own = this.linksOf.get(a);
    const at = own ? findId(own, b) : -1;
    return at >= 0 ? MATCHES[own![at + 1]] : undefined;
  }

  /** Links two nodes both ways. */
  link(a: number, b: number, match: TrailMatch): void {
    this.linkOneWay(a, b, match);
    this.linkOneWay(b, a, match);
  }

  /** Drops the node's links (both ways); calls `unlinked` with each node it was linked to. */
  unlink(id: number, unlinked: (other: number) => void): void {
    const own = this.linksOf.get(id);
    if (!own) return;
    this.linksOf.delete(id);
    for (let i = 0; i < own.length; i += 2) {
      const other = own[i];
      const theirs = this.linksOf.get(other);
      if (theirs) {
        const slot = findId(theirs, id);
        if (slot >= 0 && theirs.length === 2) this.linksOf.delete(other);
        else if (slot >= 0) this.linksOf.set(other, theirs.slice(0, slot).concat(theirs.slice(slot + 2)));
      }
      unlinked(other);
    }
  }

  /** Drops every link. */
  clearLinks(): void {
    this.linksOf.clear();
  }

  /** Renumbers live nodes 0..n-1 in order; the old id -> new id, -1 for dead (null when none was dead). */
  compact(): Int32Array | null {
    if (this.live === this.count) return null;
    const newId = new Int32Array(this.count).fill(-1);
    let n = 0;
    for (let id = 0; id < this.count; id++) {
      if (this.texts[id] === undefined) continue;
      newId[id] = n;
      // New ids never exceed old ones: moved down in place.
      this.texts[n] = this.texts[id];
      this.firstPaths[n] = this.firstPaths[id];
      this.firstStarts[n] = this.firstStarts[id];
      this.wordCounts[n] = this.wordCounts[id];
      this.shingleCounts[n] = this.shingleCounts[id];
      this.groups[n] = this.groups[id];
      n++;
    }
    this.texts.length = n;
    this.firstPaths.length = n;
    this.count = n;
    const more = [...this.moreEntries];
    this.moreEntries.clear();
    for (const [id, entries] of more) if (newId[id] >= 0) this.moreEntries.set(newId[id], entries);
    const links = [...this.linksOf];
    this.linksOf.clear();
    for (const [id, own] of links) {
      if (newId[id] < 0) continue;
      for (let i = 0; i < own.length; i += 2) own[i] = newId[own[i]];
      this.linksOf.set(newId[id], own);
    }
    return newId;
  }

  /** Gives back the spare room of the columns (after a bulk update, when no growth is due soon). */
  trim(): void {
    const length = this.count + (this.count >> 4) + 64;
    if (this.groups.length > length) this.resize(length);
    this.texts = this.texts.slice();
    this.firstPaths = this.firstPaths.slice();
  }

  private resize(length: number): void {
    this.firstStarts = grown(this.firstStarts, length);
    this.wordCounts = grown(this.wordCounts, length);
    this.shingleCounts = grown(this.shingleCounts, length);
    this.groups = grown(this.groups, length);
  }

  private linkOneWay(from: number, to: number, match: TrailMatch): void {
    const code = MATCHES.indexOf(match);
    const own = this.linksOf.get(from);
    if (!own) {
      this.linksOf.set(from, [to, code]);
      return;
    }
    const at = findId(own, to);
    // A new array of the exact length: a push would reserve room for 17 more.
    if (at >= 0) own[at + 1] = code;
    else this.linksOf.set(from, own.concat(to, code));
  }
}

function findId(links: Links, id: number): number {
  for (let i = 0; i < links.length; i += 2) if (links[i] === id) return i;
  return -1;
}
