// Which quotes share a run of `SHINGLE` words: every such run ("shingle") of every trail-eligible quote, hashed,
// radix-sorted into one pair of typed arrays (8 bytes a shingle), plus a small map for quotes added since.
// A shingle found in more than `COMMON_SHINGLE` quotes is a common phrase and proposes no candidates.
import { lowerBoundOfNumbers, upperBoundOfNumbers } from '../util/sortedSearch';
import { SHINGLE } from './match';
import { GAP } from './words';

/** A shingle in more distinct quotes than this is a set phrase ("at the end of the"), not evidence. */
export const COMMON_SHINGLE = 8;

const { imul } = Math;
// Bound once: the loops below run over every word of every quote.
const GAP_HASH = GAP;
const SHINGLE_WORDS = SHINGLE;

/** The hash of every run of `SHINGLE` words without a gap, as unsigned 32-bit numbers, in order. */
export function shinglesOf(hashes: Int32Array): Uint32Array {
  const out = new Uint32Array(Math.max(0, hashes.length - SHINGLE_WORDS + 1));
  const count = writeShingles(hashes, out, 0);
  return count === out.length ? out : out.slice(0, count);
}

/** How many shingles `shinglesOf` would give, without making them. */
export function shingleCount(hashes: Int32Array): number {
  let count = 0;
  let run = 0;
  for (let i = 0; i < hashes.length; i++) {
    if (hashes[i] === GAP_HASH) run = 0;
    else if (++run >= SHINGLE_WORDS) count++;
  }
  return count;
}

/** Writes the shingles of `hashes` into `out` from `at`; returns how many. */
export function writeShingles(hashes: Int32Array, out: Uint32Array, at: number): number {
  let count = 0;
  let run = 0;
  for (let i = 0; i < hashes.length; i++) {
    if (hashes[i] === GAP_HASH) {
      run = 0;
      continue;
    }
    if (++run < SHINGLE_WORDS) continue;
    let hash = 0x811c9dc5 | 0;
    for (let k = i - SHINGLE_WORDS + 1; k <= i; k++) hash = imul(hash ^ hashes[k], 0x01000193) ^ (hash >>> 15);
    out[at + count++] = hash >>> 0;
  }
  return count;
}

/** Sorts `keys` ascending and carries `values` along (two 16-bit LSD passes: stable, linear). */
export function radixSortPairs(keys: Uint32Array, values: Int32Array): { keys: Uint32Array; values: Int32Array } {
  const n = keys.length;
  let spareKeys: Uint32Array = new Uint32Array(n);
  let spareValues: Int32Array = new Int32Array(n);
  const counts = new Int32Array(65536);
  for (let shift = 0; shift < 32; shift += 16) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & 0xffff]++;
    let sum = 0;
    for (let b = 0; b < 65536; b++) {
      const count = counts[b];
      counts[b] = sum;
      sum += count;
    }
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      const at = counts[(key >>> shift) & 0xffff]++;
      spareKeys[at] = key;
      spareValues[at] = values[i];
    }
    [keys, spareKeys] = [spareKeys, keys];
    [values, spareValues] = [spareValues, values];
  }
  return { keys, values };
}

/** From this many keys on, `SortedKeys` keeps 16-bit halves: the table of buckets (256 KB) is then paid back. */
const HALVES_FROM = 1 << 17;
const BUCKETS = 65536;

/**
 * Sorted 32-bit keys. Many of them are kept as their low 16 bits under a table of where each value of the high
 * 16 bits starts: 2 bytes a key instead of 4, and a search narrowed to one bucket at once.
 */
class SortedKeys {
  private constructor(
    private readonly full: Uint32Array | null,
    private readonly lows: Uint16Array | null,
    private readonly bucketStarts: Int32Array | null,
  ) {}

  static of(sorted: Uint32Array): SortedKeys {
    if (sorted.length < HALVES_FROM) return new SortedKeys(sorted, null, null);
    const lows = new Uint16Array(sorted.length);
    const starts = new Int32Array(BUCKETS + 1);
    for (let i = 0; i < sorted.length; i++) {
      const key = sorted[i];
      lows[i] = key & 0xffff;
      starts[(key >>> 16) + 1]++;
    }
    for (let b = 0; b < BUCKETS; b++) starts[b + 1] += starts[b];
    return new SortedKeys(null, lows, starts);
  }

  /** Keys already split: their low halves in order, and where each high half's bucket starts. */
  static ofHalves(lows: Uint16Array, bucketStarts: Int32Array): SortedKeys {
    return new SortedKeys(null, lows, bucketStarts);
  }

  get length(): number {
    return this.full ? this.full.length : this.lows!.length;
  }

  /** Positions holding `key`: [from, to). */
  range(key: number): [number, number] {
    const { full } = this;
    if (full) {
      const from = lowerBoundOfNumbers(full, key);
      return [from, upperBoundOfNumbers(full, key, from)];
    }
    const lows = this.lows!;
    const starts = this.bucketStarts!;
    const bucket = key >>> 16;
    const low = key & 0xffff;
    const from = lowerBoundOfNumbers(lows, low, starts[bucket], starts[bucket + 1]);
    return [from, upperBoundOfNumbers(lows, low, from, starts[bucket + 1])];
  }

  /** Calls `visit` with each run of equal keys, [from, to), in order. */
  forEachRun(visit: (from: number, to: number) => void): void {
    const { full } = this;
    if (full) {
      eachRunOf(full, 0, full.length, visit);
      return;
    }
    const starts = this.bucketStarts!;
    for (let b = 0; b < BUCKETS; b++) if (starts[b] < starts[b + 1]) eachRunOf(this.lows!, starts[b], starts[b + 1], visit);
  }
}

function eachRunOf(values: Uint32Array | Uint16Array, start: number, end: number, visit: (from: number, to: number) => void): void {
  for (let from = start; from < end; ) {
    let to = from + 1;
    while (to < end && values[to] === values[from]) to++;
    visit(from, to);
    from = to;
  }
}

/** Shingle postings: sorted arrays built in one go, and a map for what came after. */
export class ShinglePostings {
  private keys = SortedKeys.of(new Uint32Array(0));
  /** Node ids 16-bit while every id fits (up to about 3,000 articles' quotes). */
  private nodes: Uint16Array | Int32Array = new Uint16Array(0);
  private readonly recent = new Map<number, number[]>();
  private recentCount = 0;

  /** Shingles added since the sorted arrays were built. */
  get added(): number {
    return this.recentCount;
  }

  /** Shingles in the sorted arrays. */
  get sorted(): number {
    return this.keys.length;
  }

  /** Replaces everything by these sorted postings (see `radixSortPairs`). */
  reset(keys: Uint32Array, nodes: Int32Array): void {
    this.keys = SortedKeys.of(keys);
    let max = 0;
    for (let i = 0; i < nodes.length; i++) if (nodes[i] > max) max = nodes[i];
    this.nodes = max <= 0xffff ? Uint16Array.from(nodes) : nodes;
    this.recent.clear();
    this.recentCount = 0;
  }

  /**
   * Replaces everything by these postings, unsorted, with node ids ascending: `radixSortPairs`
   * and `reset` in one, whose last pass writes the kept arrays (16-bit halves, 16-bit ids) at once instead of
   * sorted 32-bit copies that are then packed again.
   */
  sortAndReset(keys: Uint32Array, nodes: Int32Array): void {
    const n = keys.length;
    if (n < HALVES_FROM) {
      const sorted = radixSortPairs(keys, nodes);
      this.reset(sorted.keys, sorted.values);
      return;
    }
    // The low halves' pass, as in radixSortPairs.
    const byLowKeys = new Uint32Array(n);
    const byLowNodes = new Int32Array(n);
    const at = new Int32Array(BUCKETS);
    for (let i = 0; i < n; i++) at[keys[i] & 0xffff]++;
    for (let b = 0, sum = 0; b < BUCKETS; b++) {
      const count = at[b];
      at[b] = sum;
      sum += count;
    }
    for (let i = 0; i < n; i++) {
      const to = at[keys[i] & 0xffff]++;
      byLowKeys[to] = keys[i];
      byLowNodes[to] = nodes[i];
    }
    // The high halves' pass: its bucket starts are what SortedKeys keeps, and it writes the kept arrays.
    const starts = new Int32Array(BUCKETS + 1);
    for (let i = 0; i < n; i++) starts[(byLowKeys[i] >>> 16) + 1]++;
    for (let b = 0; b < BUCKETS; b++) starts[b + 1] += starts[b];
    at.set(starts.subarray(0, BUCKETS));
    const lows = new Uint16Array(n);
    const kept = nodes[n - 1] <= 0xffff ? new Uint16Array(n) : new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const key = byLowKeys[i];
      const to = at[key >>> 16]++;
      lows[to] = key & 0xffff;
      kept[to] = byLowNodes[i];
    }
    this.keys = SortedKeys.ofHalves(lows, starts);
    this.nodes = kept;
    this.recent.clear();
    this.recentCount = 0;
  }

  add(hash: number, node: number): void {
    const list = this.recent.get(hash);
    if (list) list.push(node);
    else this.recent.set(hash, [node]);
    this.recentCount++;
  }

  /**
   * For a bulk link after `reset`: per node, the sorted postings' runs of its shingles that are shared and not
   * common (start and end pairs), so linking needs no search. Only nodes for which `wanted` is true get theirs.
   */
  sharedRuns(nodeCount: number, wanted: Uint8Array): { offsets: Int32Array; runs: Int32Array } {
    const { keys, nodes } = this;
    const offsets = new Int32Array(nodeCount + 1);
    // The shared runs are noted as they are counted: the fill below walks them, not every key again.
    const shared: number[] = [];
    keys.forEachRun((from, to) => {
      if (to - from < 2 || to - from > COMMON_SHINGLE) return;
      shared.push(from, to);
      for (let i = from; i < to; i++) if (wanted[nodes[i]]) offsets[nodes[i] + 1] += 2;
    });
    for (let id = 0; id < nodeCount; id++) offsets[id + 1] += offsets[id];
    const runs = new Int32Array(offsets[nodeCount]);
    const fill = offsets.slice(0, nodeCount);
    for (let r = 0; r < shared.length; r += 2) {
      const from = shared[r];
      const to = shared[r + 1];
      for (let i = from; i < to; i++) {
        const node = nodes[i];
        if (!wanted[node]) continue;
        runs[fill[node]++] = from;
        runs[fill[node]++] = to;
      }
    }
    return { offsets, runs };
  }

  /** The node at a position of the sorted postings (see `sharedRuns`). */
  nodeAt(position: number): number {
    return this.nodes[position];
  }

  /** Entries with this shingle in the sorted arrays: [from, to). */
  private range(hash: number): [number, number] {
    return this.keys.range(hash);
  }

  /** Live nodes with this shingle, counted up to `limit` (enough to tell common before and after a change). */
  liveCount(hash: number, isLive: (node: number) => boolean, limit: number): number {
    const [from, to] = this.range(hash);
    let count = 0;
    for (let i = from; i < to && count < limit; i++) if (isLive(this.nodes[i])) count++;
    for (const node of this.recent.get(hash) ?? []) if (count < limit && isLive(node)) count++;
    return count;
  }

  /** Appends to `out` every node with this shingle (dead ones too), common or not. */
  allNodesWith(hash: number, out: number[]): void {
    const [from, to] = this.range(hash);
    for (let i = from; i < to; i++) out.push(this.nodes[i]);
    for (const node of this.recent.get(hash) ?? []) out.push(node);
  }

  /** Appends to `out` every live node with this shingle, unless more than `COMMON_SHINGLE` have it. */
  nodesWith(hash: number, out: number[], isLive: (node: number) => boolean): void {
    const at = out.length;
    const [from, to] = this.range(hash);
    // A common shingle may have thousands of entries: stop at the first one too many.
    for (let i = from; i < to; i++) {
      if (!isLive(this.nodes[i])) continue;
      out.push(this.nodes[i]);
      if (out.length - at > COMMON_SHINGLE) {
        out.length = at;
        return;
      }
    }
    for (const node of this.recent.get(hash) ?? []) if (isLive(node)) out.push(node);
    if (out.length - at > COMMON_SHINGLE) out.length = at;
  }
}
