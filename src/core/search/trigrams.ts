// Hashed trigram postings, and a small heap for the best candidates. Collisions only raise counts, which loosens
// the bound on a document's score but never makes it wrong.

const BUCKET_BITS = 18;
const BUCKETS = 1 << BUCKET_BITS;

function trigramBucket(text: string, i: number): number {
  const h = Math.imul(text.charCodeAt(i), 0x9e3779b1) ^ Math.imul(text.charCodeAt(i + 1), 0x85ebca77) ^ Math.imul(text.charCodeAt(i + 2), 0xc2b2ae3d);
  return (Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> (32 - BUCKET_BITS)) & (BUCKETS - 1);
}

export class Postings {
  private lists: (Int32Array | undefined)[] = new Array(BUCKETS);
  private lengths = new Int32Array(BUCKETS);
  private seen = new Int32Array(BUCKETS).fill(-1);

  add(slot: number, lowerText: string): void {
    for (let i = 0; i + 2 < lowerText.length; i++) {
      const bucket = trigramBucket(lowerText, i);
      if (this.seen[bucket] === slot) continue;
      this.seen[bucket] = slot;
      let list = this.lists[bucket];
      const length = this.lengths[bucket];
      if (!list || length === list.length) {
        const grown = new Int32Array(list ? list.length * 2 : 4);
        if (list) grown.set(list);
        this.lists[bucket] = list = grown;
      }
      list[length] = slot;
      this.lengths[bucket] = length + 1;
    }
  }

  forEach(bucket: number, visit: (slot: number) => void): void {
    const list = this.lists[bucket];
    if (!list) return;
    for (let i = 0, n = this.lengths[bucket]; i < n; i++) visit(list[i]);
  }

  list(bucket: number): [Int32Array | undefined, number] {
    return [this.lists[bucket], this.lengths[bucket]];
  }
}

/** Trigram positions of a chunk grouped by bucket, with how many positions fall in each. */
export function chunkBuckets(chunk: string): Map<number, number> {
  const buckets = new Map<number, number>();
  for (let i = 0; i + 2 < chunk.length; i++) {
    const bucket = trigramBucket(chunk, i);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
  }
  return buckets;
}

/** A small binary heap of (key, value) pairs keeping the `capacity` smallest keys. */
export class TopK {
  readonly keys: number[] = [];
  readonly values: number[] = [];
  constructor(private readonly capacity: number) {}
  get size(): number {
    return this.keys.length;
  }
  /** The largest kept key, or +Infinity while not full. */
  get worst(): number {
    return this.keys.length < this.capacity ? Infinity : this.keys[0];
  }
  offer(key: number, value: number): void {
    const keys = this.keys;
    const values = this.values;
    if (keys.length < this.capacity) {
      keys.push(key);
      values.push(value);
      let i = keys.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.greater(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
    } else if (key < keys[0] || (key === keys[0] && value < values[0])) {
      keys[0] = key;
      values[0] = value;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let largest = i;
        if (left < keys.length && this.greater(left, largest)) largest = left;
        if (right < keys.length && this.greater(right, largest)) largest = right;
        if (largest === i) break;
        this.swap(i, largest);
        i = largest;
      }
    }
  }
  /** Order by key, then by value (equal fuse scores rank the lower index first). */
  private greater(a: number, b: number): boolean {
    return this.keys[a] > this.keys[b] || (this.keys[a] === this.keys[b] && this.values[a] > this.values[b]);
  }
  private swap(a: number, b: number): void {
    const k = this.keys[a];
    this.keys[a] = this.keys[b];
    this.keys[b] = k;
    const v = this.values[a];
    this.values[a] = this.values[b];
    this.values[b] = v;
  }
}

/**
 * Adds, per chunk, the multiplicity of each of its trigram buckets to `counts[c]` of every document in that bucket.
 * Chunks of one query overlap (the last one is shifted back to end on the pattern's end), so each posting list is
 * read once for all the chunks that share its bucket.
 */
export function countTrigrams(postings: Postings, chunks: readonly string[], counts: readonly Uint8Array[]): void {
  const multiplicities = new Map<number, number[]>();
  chunks.forEach((chunk, c) => {
    for (const [bucket, multiplicity] of chunkBuckets(chunk)) {
      let perChunk = multiplicities.get(bucket);
      if (!perChunk) multiplicities.set(bucket, (perChunk = new Array<number>(chunks.length).fill(0)));
      perChunk[c] = multiplicity;
    }
  });
  for (const [bucket, perChunk] of multiplicities) {
    const [list, length] = postings.list(bucket);
    if (!list) continue;
    const first = perChunk.findIndex((multiplicity) => multiplicity > 0);
    const second = perChunk.findIndex((multiplicity, c) => c > first && multiplicity > 0);
    const third = second < 0 ? -1 : perChunk.findIndex((multiplicity, c) => c > second && multiplicity > 0);
    if (second >= 0 && third < 0) {
      const [countsA, countsB] = [counts[first], counts[second]];
      const [addA, addB] = [perChunk[first], perChunk[second]];
      for (let i = 0; i < length; i++) {
        const slot = list[i];
        countsA[slot] += addA;
        countsB[slot] += addB;
      }
    } else {
      perChunk.forEach((multiplicity, c) => {
        if (multiplicity === 0) return;
        const chunkCounts = counts[c];
        for (let i = 0; i < length; i++) chunkCounts[list[i]] += multiplicity;
      });
    }
  }
}
