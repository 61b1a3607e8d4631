// Fast fuzzy search over quotes (and people) with fuse.js as the ranker.
//
// A plain `new Fuse(quotes, {keys: ['text', 'speaker'], ignoreLocation: true, includeMatches: true})` scans every
// quote with bitap at each error level: ~9 s per query at 100,000 quotes. Fuse's score of one document depends only
// on that document and the query, so the top results over a small candidate set equal those over the whole
// collection as long as the candidates contain them. We find those candidates exactly:
//   1. a hashed trigram index over each field as fuse sees it (lower-cased) counts, per 32-character pattern chunk,
//      how many of the query's trigram positions each document contains;
//   2. the q-gram lemma (an edit removes at most 3 trigram positions) turns that count into a lower bound on the
//      edit distance, hence on fuse's score (the same formula fuse uses, with its field norm);
//   3. documents are scored exactly, best estimate first, with Myers' bit-parallel edit distance (which equals the
//      error count bitap finds, in one pass instead of one per error level; both chunks of a 33-64 character query in
//      the same pass), skipping those whose bound cannot beat the current top results;
//   4. fuse.js ranks the few best with the same options as the plain call, so scores, order and highlight indices
//      are fuse's own.
import Fuse, { type FuseResultMatch, type IFuseOptions } from 'fuse.js';

/** The fuse options of the reference call; ranking uses exactly these, so results agree with it. */
export const QUOTE_FUSE_OPTIONS = { keys: ['text', 'speaker'], ignoreLocation: true, includeMatches: true } as const;

export interface SearchDoc {
  /** Unique id, e.g. `path#start`. */
  id: string;
  text: string;
  /** Display name of the speaker (searched as a second key), or null. */
  speaker: string | null;
  /** Person id of the speaker, for the `speaker` filter. */
  speakerId?: string | null;
  /** Article path, for incremental re-index by article. */
  path?: string;
}

export interface SearchHit<T = SearchDoc> {
  item: T;
  /** Fuse's score: 0 is perfect, 1 no match. */
  score: number;
  /** Fuse's matched ranges per key (`text`, `speaker`), inclusive [start, end] index pairs, for highlighting. */
  matches: readonly FuseResultMatch[];
}

export interface QuoteSearchOptions {
  /** Maximum number of hits (default 20). */
  limit?: number;
  /** Only quotes by this person id. */
  speaker?: string;
}

/** Length-preserving fold of typographic punctuation, so "there's" finds "There’s" and highlight indices stay valid. */
export function foldPunctuation(text: string): string {
  return text.replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'").replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"').replace(/[\u2013\u2014\u2212]/g, '-');
}

/** Lower-cases, folds diacritics and typographic punctuation: the normal form for comparing names. */
export function normalizeForSearch(text: string): string {
  return foldPunctuation(text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')).toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------------
// Fuse's scoring, reproduced (fuse.js 7, options above; verified against fuse in test/unit/search.test.ts).

const MAX_BITS = 32;
const THRESHOLD = 0.6;
const KEY_WEIGHT = 0.5; // two keys of weight 1, normalised by fuse to 0.5 each
const LOG_EPSILON = Math.log(Number.EPSILON);
const LOG_MIN_SCORE = Math.log(0.001);

/** Fuse's field norm: 1/sqrt(number of whitespace-separated tokens), rounded to 3 decimals. */
export function fuseFieldNorm(value: string): number {
  let tokens = 0;
  let inWord = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const separator = (code >= 9 && code <= 13) || code === 32 || code === 160;
    if (!separator) {
      if (!inWord) tokens++;
      inWord = true;
    } else inWord = false;
  }
  if (tokens === 0) tokens = 1;
  return Math.round(1000 / Math.sqrt(tokens)) / 1000;
}

/** Splits a lower-cased pattern the way fuse's BitapSearch does: 32-character chunks, the last one overlapping. */
function fuseChunks(pattern: string): string[] {
  if (pattern.length <= MAX_BITS) return [pattern];
  const chunks: string[] = [];
  const remainder = pattern.length % MAX_BITS;
  const end = pattern.length - remainder;
  for (let i = 0; i < end; i += MAX_BITS) chunks.push(pattern.substr(i, MAX_BITS));
  if (remainder) chunks.push(pattern.substr(pattern.length - MAX_BITS));
  return chunks;
}

/** Largest error count fuse accepts for a chunk of this length (errors / length <= threshold). */
function maxErrors(length: number): number {
  let errors = 0;
  while (errors + 1 < length && (errors + 1) / length <= THRESHOLD) errors++;
  return errors;
}

/** One chunk of a query, prepared for Myers' algorithm. */
class PreparedChunk {
  readonly length: number;
  readonly maxErrors: number;
  private readonly peq = new Map<number, number>();
  private readonly ascii = new Int32Array(128);

  constructor(readonly pattern: string) {
    this.length = pattern.length;
    this.maxErrors = maxErrors(pattern.length);
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      if (code < 128) this.ascii[code] |= 1 << i;
      else this.peq.set(code, (this.peq.get(code) ?? 0) | (1 << i));
    }
  }

  /** Smallest edit distance between the chunk and any substring of `text` (Myers 1999, semi-global). */
  minErrors(text: string): number {
    const m = this.length;
    const high = 1 << (m - 1);
    const ascii = this.ascii;
    const peq = this.peq;
    let pv = -1;
    let mv = 0;
    let score = m;
    let best = m;
    for (let j = 0; j < text.length; j++) {
      const code = text.charCodeAt(j);
      const eq = code < 128 ? ascii[code] : (peq.get(code) ?? 0);
      const xv = eq | mv;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & high) score++;
      else if (mh & high) score--;
      ph <<= 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      if (score < best) {
        best = score;
        if (best === 0) break;
      }
    }
    return best;
  }

  /**
   * `minErrors` of this chunk and of `other` over the same text in one pass (one read of each character, one loop):
   * written into `out` as [this chunk's, other's].
   */
  minErrorsWith(other: PreparedChunk, text: string, out: Int32Array): Int32Array {
    const m1 = this.length;
    const high1 = 1 << (m1 - 1);
    const ascii1 = this.ascii;
    const peq1 = this.peq;
    const m2 = other.length;
    const high2 = 1 << (m2 - 1);
    const ascii2 = other.ascii;
    const peq2 = other.peq;
    let pv1 = -1;
    let mv1 = 0;
    let score1 = m1;
    let best1 = m1;
    let pv2 = -1;
    let mv2 = 0;
    let score2 = m2;
    let best2 = m2;
    for (let j = 0; j < text.length; j++) {
      const code = text.charCodeAt(j);
      const ascii = code < 128;
      const eq1 = ascii ? ascii1[code] : (peq1.get(code) ?? 0);
      const xv1 = eq1 | mv1;
      const xh1 = ((((eq1 & pv1) + pv1) | 0) ^ pv1) | eq1;
      let ph1 = mv1 | ~(xh1 | pv1);
      let mh1 = pv1 & xh1;
      if (ph1 & high1) score1++;
      else if (mh1 & high1) score1--;
      ph1 <<= 1;
      mh1 <<= 1;
      pv1 = mh1 | ~(xv1 | ph1);
      mv1 = ph1 & xv1;
      if (score1 < best1) best1 = score1;

      const eq2 = ascii ? ascii2[code] : (peq2.get(code) ?? 0);
      const xv2 = eq2 | mv2;
      const xh2 = ((((eq2 & pv2) + pv2) | 0) ^ pv2) | eq2;
      let ph2 = mv2 | ~(xh2 | pv2);
      let mh2 = pv2 & xh2;
      if (ph2 & high2) score2++;
      else if (mh2 & high2) score2--;
      ph2 <<= 1;
      mh2 <<= 1;
      pv2 = mh2 | ~(xv2 | ph2);
      mv2 = ph2 & xv2;
      if (score2 < best2) best2 = score2;
      if (best1 === 0 && best2 === 0) break;
    }
    out[0] = best1;
    out[1] = best2;
    return out;
  }
}

/** A query prepared for computing fuse's score of any field value (exported for tests). */
export class PreparedQuery {
  readonly chunks: PreparedChunk[];
  /** A text shorter than this matches no chunk: its edit distance to a chunk of m characters is at least m - length. */
  private readonly shortestMatchable: number;
  constructor(readonly pattern: string) {
    this.chunks = fuseChunks(pattern).map((chunk) => new PreparedChunk(chunk));
    this.shortestMatchable = Math.min(...this.chunks.map((chunk) => chunk.length - Math.min(chunk.maxErrors, chunk.length - 1)));
  }

  /** Fuse's bitap score of a lower-cased field value: 0 (identical), 0.001..0.6 averaged over chunks, or 1 (no match). */
  fieldScore(lowerValue: string): number {
    if (lowerValue.length === this.pattern.length && lowerValue === this.pattern) return 0;
    if (lowerValue.length < this.shortestMatchable) return 1;
    const chunks = this.chunks;
    if (chunks.length === 2) {
      // Queries of 33-64 characters: both chunks in one pass over the text (the exact scoring's hot loop).
      const [first, second] = chunks;
      const errors = first.minErrorsWith(second, lowerValue, this.pairErrors);
      return combineChunkScores(first, errors[0], second, errors[1]);
    }
    let total = 0;
    let matched = false;
    for (const chunk of chunks) {
      const errors = chunk.minErrors(lowerValue);
      if (errors <= chunk.maxErrors && errors < chunk.length) {
        matched = true;
        total += Math.max(0.001, errors / chunk.length);
      } else total += 1;
    }
    return matched ? total / chunks.length : 1;
  }

  private readonly pairErrors = new Int32Array(2);
}

/** The mean of two chunks' scores, as fieldScore's loop sums them (same operations, so the same value to the last bit). */
function combineChunkScores(first: PreparedChunk, firstErrors: number, second: PreparedChunk, secondErrors: number): number {
  const firstMatched = firstErrors <= first.maxErrors && firstErrors < first.length;
  const secondMatched = secondErrors <= second.maxErrors && secondErrors < second.length;
  if (!firstMatched && !secondMatched) return 1;
  const total = (firstMatched ? Math.max(0.001, firstErrors / first.length) : 1) + (secondMatched ? Math.max(0.001, secondErrors / second.length) : 1);
  return total / 2;
}

// ---------------------------------------------------------------------------------------------------------------
// Hashed trigram postings. Collisions only raise counts, which loosens the bound but never makes it wrong.

const BUCKET_BITS = 18;
const BUCKETS = 1 << BUCKET_BITS;

function trigramBucket(text: string, i: number): number {
  const h = Math.imul(text.charCodeAt(i), 0x9e3779b1) ^ Math.imul(text.charCodeAt(i + 1), 0x85ebca77) ^ Math.imul(text.charCodeAt(i + 2), 0xc2b2ae3d);
  return (Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> (32 - BUCKET_BITS)) & (BUCKETS - 1);
}

class Postings {
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
function chunkBuckets(chunk: string): Map<number, number> {
  const buckets = new Map<number, number>();
  for (let i = 0; i + 2 < chunk.length; i++) {
    const bucket = trigramBucket(chunk, i);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
  }
  return buckets;
}

/** A small binary heap of (key, value) pairs keeping the `capacity` smallest keys. */
class TopK {
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

export interface QuoteSearchStats {
  /** Documents scored exactly (Myers). */
  exactScored: number;
  /** Promising documents not scored because their lower bound could not beat the kept scores. */
  skippedByBound: number;
  /** Candidates handed to fuse. */
  ranked: number;
  /** True when the lower bounds proved no other document could enter the top (the result equals plain fuse's). */
  exhaustive: boolean;
  countMs: number;
  boundMs: number;
  exactMs: number;
  fuseMs: number;
}

/**
 * Fuzzy search over quotes, ranked by fuse.js with the options of `QUOTE_FUSE_OPTIONS`.
 * Documents can be added and removed by article path; removed slots are compacted away when they pile up.
 */
function emptyStats(): QuoteSearchStats {
  return { exactScored: 0, skippedByBound: 0, ranked: 0, exhaustive: true, countMs: 0, boundMs: 0, exactMs: 0, fuseMs: 0 };
}

export class QuoteSearch<T extends SearchDoc = SearchDoc> {
  private docs: (T | undefined)[] = [];
  private lowerTexts: string[] = [];
  private halfNorms = new Float64Array(16);
  private speakerKeys = new Int32Array(16);
  /** Lengths of the lower-cased texts, kept apart so the bound loop does not touch 100,000 strings. */
  private lowerLengths = new Int32Array(16);
  private speakers: { lower: string; halfNorm: number }[] = [];
  private speakerIndex = new Map<string, number>();
  private postings = new Postings();
  private bySpeakerId = new Map<string, Set<number>>();
  private byPath = new Map<string, number[]>();
  private alive = 0;
  private counts: Uint8Array[] = [];
  // Per-query scratch, kept between queries: allocating 100,000-slot arrays per keystroke costs collections.
  private scoredScratch = new Uint8Array(0);
  private boundsScratch = new Float64Array(0);
  /** Diagnostics of the last query (for the benchmark). */
  lastStats: QuoteSearchStats = emptyStats();

  constructor(items: readonly T[] = []) {
    this.add(items);
  }

  get size(): number {
    return this.alive;
  }

  /** All live documents in index order (the order ties are broken in). */
  items(): T[] {
    return this.docs.filter((doc): doc is T => doc !== undefined);
  }

  add(items: readonly T[]): void {
    for (const item of items) this.addOne(item);
  }

  /** Removes every document of one article. */
  removePath(path: string): void {
    const slots = this.byPath.get(path);
    if (!slots) return;
    this.byPath.delete(path);
    for (const slot of slots) {
      const doc = this.docs[slot];
      if (!doc) continue;
      this.docs[slot] = undefined;
      this.lowerTexts[slot] = '';
      // A removed slot's bound and estimate become 0 (no match), so the bound loop passes it by without a liveness check.
      this.halfNorms[slot] = 0;
      this.speakerKeys[slot] = -1;
      this.lowerLengths[slot] = 0;
      if (doc.speakerId) this.bySpeakerId.get(doc.speakerId)?.delete(slot);
      this.alive--;
    }
    // Dead slots still sit in the postings; rebuild once they are a third of the index.
    if (this.docs.length - this.alive > Math.max(1000, this.docs.length / 3)) this.rebuild();
  }

  /** Replaces the documents of one article (re-index after a change). */
  replacePath(path: string, items: readonly T[]): void {
    this.removePath(path);
    this.add(items);
  }

  search(query: string, options: QuoteSearchOptions = {}): SearchHit<T>[] {
    const limit = Math.max(1, options.limit ?? 20);
    const filter = options.speaker !== undefined ? (this.bySpeakerId.get(options.speaker) ?? new Set<number>()) : undefined;
    if (!query.trim()) {
      const slots = filter ? [...filter].sort((a, b) => a - b) : this.docs.keys();
      const hits: SearchHit<T>[] = [];
      for (const slot of slots) {
        const item = this.docs[slot];
        if (item) hits.push({ item, score: 1, matches: [] });
        if (hits.length >= limit) break;
      }
      return hits;
    }
    const prepared = new PreparedQuery(foldPunctuation(query).toLowerCase());
    const candidates = this.candidates(prepared, limit + 10, filter);
    const ranked = candidates.sort((a, b) => a - b).map((slot) => this.docs[slot] as T);
    this.lastStats.ranked = ranked.length;
    const fuseStarted = performance.now();
    // fuse ranks the candidates (index order keeps its tie-break by index) over the same folded text we scored.
    const fuse = new Fuse(ranked, {
      ...QUOTE_FUSE_OPTIONS,
      keys: [...QUOTE_FUSE_OPTIONS.keys],
      includeScore: true,
      getFn: (doc: T, path: string | string[]) => {
        const key = Array.isArray(path) ? path[0] : path;
        const value = key === 'text' ? doc.text : doc.speaker;
        return value === null ? undefined : foldPunctuation(value);
      },
    } as IFuseOptions<T>);
    const hits = fuse.search(foldPunctuation(query), { limit }).map((result) => ({
      item: result.item,
      score: result.score ?? 1,
      matches: result.matches ?? [],
    }));
    this.lastStats.fuseMs = performance.now() - fuseStarted;
    return hits;
  }

  private addOne(item: T): void {
    const slot = this.docs.length;
    this.docs.push(item);
    const lower = foldPunctuation(item.text).toLowerCase();
    this.lowerTexts.push(lower);
    if (slot >= this.halfNorms.length) {
      const norms = new Float64Array(this.halfNorms.length * 2);
      norms.set(this.halfNorms);
      this.halfNorms = norms;
      const keys = new Int32Array(this.speakerKeys.length * 2);
      keys.set(this.speakerKeys);
      this.speakerKeys = keys;
      const lengths = new Int32Array(this.lowerLengths.length * 2);
      lengths.set(this.lowerLengths);
      this.lowerLengths = lengths;
    }
    this.halfNorms[slot] = KEY_WEIGHT * fuseFieldNorm(item.text);
    this.lowerLengths[slot] = lower.length;
    this.speakerKeys[slot] = item.speaker === null ? -1 : this.speakerKey(item.speaker);
    this.postings.add(slot, lower);
    if (item.speakerId) {
      let set = this.bySpeakerId.get(item.speakerId);
      if (!set) this.bySpeakerId.set(item.speakerId, (set = new Set()));
      set.add(slot);
    }
    if (item.path !== undefined) {
      let slots = this.byPath.get(item.path);
      if (!slots) this.byPath.set(item.path, (slots = []));
      slots.push(slot);
    }
    this.alive++;
  }

  private speakerKey(speaker: string): number {
    const lower = foldPunctuation(speaker).toLowerCase();
    let key = this.speakerIndex.get(lower);
    if (key === undefined) {
      key = this.speakers.length;
      this.speakers.push({ lower, halfNorm: KEY_WEIGHT * fuseFieldNorm(speaker) });
      this.speakerIndex.set(lower, key);
    }
    return key;
  }

  private rebuild(): void {
    const items = this.items();
    this.docs = [];
    this.lowerTexts = [];
    this.speakers = [];
    this.speakerIndex = new Map();
    this.postings = new Postings();
    this.bySpeakerId = new Map();
    this.byPath = new Map();
    this.alive = 0;
    this.add(items);
  }

  /**
   * Adds, per chunk, the multiplicity of each of its trigram buckets to the count of every document in that bucket.
   * Chunks of one query overlap (the last one is shifted back to end on the pattern's end), so each posting list is
   * read once for all the chunks that share its bucket.
   */
  private countTrigrams(chunks: readonly PreparedChunk[]): void {
    const multiplicities = new Map<number, number[]>();
    chunks.forEach((chunk, c) => {
      for (const [bucket, multiplicity] of chunkBuckets(chunk.pattern)) {
        let perChunk = multiplicities.get(bucket);
        if (!perChunk) multiplicities.set(bucket, (perChunk = new Array<number>(chunks.length).fill(0)));
        perChunk[c] = multiplicity;
      }
    });
    for (const [bucket, perChunk] of multiplicities) {
      const [list, length] = this.postings.list(bucket);
      if (!list) continue;
      const first = perChunk.findIndex((multiplicity) => multiplicity > 0);
      const second = perChunk.findIndex((multiplicity, c) => c > first && multiplicity > 0);
      const third = second < 0 ? -1 : perChunk.findIndex((multiplicity, c) => c > second && multiplicity > 0);
      if (second >= 0 && third < 0) {
        const [countsA, countsB] = [this.counts[first], this.counts[second]];
        const [addA, addB] = [perChunk[first], perChunk[second]];
        for (let i = 0; i < length; i++) {
          const slot = list[i];
          countsA[slot] += addA;
          countsB[slot] += addB;
        }
      } else {
        perChunk.forEach((multiplicity, c) => {
          if (multiplicity === 0) return;
          const counts = this.counts[c];
          for (let i = 0; i < length; i++) counts[list[i]] += multiplicity;
        });
      }
    }
  }

  /** Log of fuse's exact score of a slot (0 = no match). */
  private exactLogScore(prepared: PreparedQuery, slot: number, speakerLogs: Float64Array): number {
    const speakerKey = this.speakerKeys[slot];
    return textLog(prepared.fieldScore(this.lowerTexts[slot]), this.halfNorms[slot]) + (speakerKey < 0 ? 0 : speakerLogs[speakerKey]);
  }

  /** Slots of the `wanted` best documents by fuse's score (fewer if fewer match). */
  private candidates(prepared: PreparedQuery, wanted: number, filter: ReadonlySet<number> | undefined): number[] {
    const started = performance.now();
    const n = this.docs.length;
    const chunks = prepared.chunks;
    // The speaker key is scored exactly, once per distinct speaker.
    const speakerLogs = new Float64Array(this.speakers.length);
    this.speakers.forEach((speaker, key) => {
      speakerLogs[key] = textLog(prepared.fieldScore(speaker.lower), speaker.halfNorm);
    });

    const stats = emptyStats();
    this.lastStats = stats;
    const best = new TopK(wanted);
    if (this.scoredScratch.length < n) this.scoredScratch = new Uint8Array(Math.max(n, this.scoredScratch.length * 2));
    const scored = this.scoredScratch;
    scored.fill(0, 0, n);
    const scoreSlot = (slot: number): void => {
      if (scored[slot]) return;
      scored[slot] = 1;
      stats.exactScored++;
      const log = this.exactLogScore(prepared, slot, speakerLogs);
      if (log < 0) best.offer(log, slot);
    };

    // Short patterns have no trigrams to bound with; a speaker filter leaves few documents: score them all.
    const shortest = Math.min(...chunks.map((chunk) => chunk.length));
    if (shortest < 3 || (filter && filter.size <= 3000)) {
      for (let slot = 0; slot < n; slot++) if (this.docs[slot] && (!filter || filter.has(slot))) scoreSlot(slot);
      stats.exactMs = performance.now() - started;
      return best.values.slice();
    }

    // Per chunk: how many of its trigram positions each document contains.
    while (this.counts.length < chunks.length) this.counts.push(new Uint8Array(0));
    const boundTables: Float64Array[] = [];
    const estimateTables: Float64Array[] = [];
    chunks.forEach((_chunk, c) => {
      if (this.counts[c].length < n) this.counts[c] = new Uint8Array(Math.max(n, this.counts[c].length * 2));
      this.counts[c].fill(0, 0, n);
    });
    this.countTrigrams(chunks);
    chunks.forEach((chunk) => {
      const positions = chunk.length - 2;
      const bound = new Float64Array(positions + 1);
      const estimate = new Float64Array(positions + 1);
      const chunkScore = (errors: number): number => (errors <= chunk.maxErrors ? Math.max(0.001, errors / chunk.length) : 1);
      for (let present = 0; present <= positions; present++) {
        // q-gram lemma: d errors destroy at most 3d of the (length - 2) trigram positions: a lower bound on d.
        bound[present] = chunkScore(Math.ceil((positions - present) / 3));
        // In practice about one error per missing trigram (flatter for long queries' chunks, see
        // longChunkErrorEstimate): the order in which documents are scored.
        estimate[present] = chunkScore(chunks.length > 1 ? longChunkErrorEstimate(positions - present) : positions - present);
      }
      boundTables.push(bound);
      estimateTables.push(estimate);
    });
    stats.countMs = performance.now() - started;

    const single = chunks.length === 1;
    const patternLength = prepared.pattern.length;
    const logOf = (tables: Float64Array[], slot: number): number => {
      let textScore: number;
      if (single) textScore = tables[0][this.counts[0][slot]];
      else {
        let total = 0;
        for (let c = 0; c < chunks.length; c++) total += tables[c][this.counts[c][slot]];
        textScore = total / chunks.length;
      }
      if (textScore === 0.001 && this.lowerLengths[slot] === patternLength) textScore = 0;
      const speakerKey = this.speakerKeys[slot];
      return textLog(textScore, this.halfNorms[slot]) + (speakerKey < 0 ? 0 : speakerLogs[speakerKey]);
    };
    // One chunk (queries up to 32 characters): the log of each count's score is a table lookup.
    const logTable = (table: Float64Array): Float64Array => table.map((score) => (score >= 1 ? 0 : Math.log(score)));
    const boundLogs = logTable(boundTables[0]);
    const estimateLogs = logTable(estimateTables[0]);
    const counts0 = this.counts[0];
    const perfectPossible = prepared.chunks[0].length === patternLength;
    // Two chunks (queries of 33-64 characters): the log of the mean of both chunks' scores, per pair of counts,
    // is a table lookup too (same arithmetic as logOf, so the same bounds to the last bit).
    const pair = chunks.length === 2;
    const pairWidth = pair ? boundTables[1].length : 0;
    const pairLogs = (tables: Float64Array[]): Float64Array => {
      const logs = new Float64Array(pair ? tables[0].length * pairWidth : 0);
      for (let a = 0; pair && a < tables[0].length; a++) {
        for (let b = 0; b < pairWidth; b++) {
          const score = (0 + tables[0][a] + tables[1][b]) / 2;
          logs[a * pairWidth + b] = score >= 1 ? 0 : score === 0.001 ? LOG_MIN_SCORE : Math.log(score);
        }
      }
      return logs;
    };
    const pairBoundLogs = pairLogs(boundTables);
    const pairEstimateLogs = pairLogs(estimateTables);
    const counts1 = pair ? this.counts[1] : counts0;

    // Score exactly the documents with the best estimates; keep every lower bound for the exactness check.
    if (this.boundsScratch.length < n) this.boundsScratch = new Float64Array(Math.max(n, this.boundsScratch.length * 2));
    const bounds = this.boundsScratch;
    bounds.fill(0, 0, n);
    // Queries over 32 characters: the estimate above puts fuse's top within the first few hundred documents, and each
    // exact score costs one Myers pass per chunk, so fewer are scored.
    const promising = new TopK(Math.max(4 * wanted, chunks.length > 1 ? LONG_QUERY_PROMISING : 1500));
    // The heap's worst kept estimate, read once per offer instead of once per document.
    let promisingWorst = Infinity;
    const offerPromising = (estimate: number, slot: number): number => {
      promising.offer(estimate, slot);
      return promising.worst;
    };
    const halfNorms = this.halfNorms;
    const speakerKeys = this.speakerKeys;
    const lowerLengths = this.lowerLengths;
    for (let slot = 0; slot < n; slot++) {
      if (filter && !filter.has(slot)) continue;
      if (single && !(perfectPossible && lowerLengths[slot] === patternLength)) {
        const speakerKey = speakerKeys[slot];
        const speakerLog = speakerKey < 0 ? 0 : speakerLogs[speakerKey];
        const count = counts0[slot];
        const bound = halfNorms[slot] * boundLogs[count] + speakerLog;
        bounds[slot] = bound;
        if (bound < 0) {
          const estimate = halfNorms[slot] * estimateLogs[count] + speakerLog;
          if (estimate < promisingWorst) promisingWorst = offerPromising(estimate, slot);
        }
      } else if (pair && lowerLengths[slot] !== patternLength) {
        const speakerKey = speakerKeys[slot];
        const speakerLog = speakerKey < 0 ? 0 : speakerLogs[speakerKey];
        const cell = counts0[slot] * pairWidth + counts1[slot];
        const bound = halfNorms[slot] * pairBoundLogs[cell] + speakerLog;
        bounds[slot] = bound;
        if (bound < 0) {
          const estimate = halfNorms[slot] * pairEstimateLogs[cell] + speakerLog;
          if (estimate < promisingWorst) promisingWorst = offerPromising(estimate, slot);
        }
      } else {
        bounds[slot] = logOf(boundTables, slot);
        if (bounds[slot] < 0) promisingWorst = offerPromising(logOf(estimateTables, slot), slot);
      }
    }
    stats.boundMs = performance.now() - started - stats.countMs;
    // Best estimates first: the top fills with good scores early, and a document whose lower bound cannot beat the
    // kept scores is skipped (it could not enter the top, so the result is the same as scoring it).
    const order = promising.keys.map((_, i) => i).sort((a, b) => promising.keys[a] - promising.keys[b] || promising.values[a] - promising.values[b]);
    for (const i of order) {
      const slot = promising.values[i];
      if (bounds[slot] > best.worst + 1e-12) stats.skippedByBound++;
      else scoreSlot(slot);
    }

    // Any other document whose lower bound still reaches the kept scores could belong in the top. Score them when
    // they are few (the result is then exact); otherwise the estimate's choice stands and `exhaustive` says so.
    const worst = best.worst + 1e-12;
    const pending: number[] = [];
    for (let slot = 0; slot < n && pending.length <= PENDING_BUDGET; slot++) if (bounds[slot] <= worst && bounds[slot] < 0 && !scored[slot]) pending.push(slot);
    if (pending.length <= PENDING_BUDGET) for (const slot of pending) scoreSlot(slot);
    else stats.exhaustive = false;
    stats.exactMs = performance.now() - started - stats.countMs - stats.boundMs;
    return best.values.slice();
  }
}

/** Documents scored exactly, by best estimate, for a query of several chunks (before the exactness check). */
const LONG_QUERY_PROMISING = 400;

/**
 * Estimated errors of a 32-character chunk (every chunk of a query over 32 characters) in a document missing
 * `missing` of its 30 trigram positions. With few missing, the document holds a near copy and each missing trigram
 * is about one error; with many, it holds none, and the best alignment against unrelated text costs about a third
 * of the chunk plus a little per missing trigram (measured on the benchmark's 100,000 quotes: about 14 errors at 10
 * missing, 18 at 20, 22 at 30). One error per missing trigram ranks all of those as no match, which buries the
 * short quotes fuse ranks first (a short field's norm outweighs a mediocre match).
 */
export function longChunkErrorEstimate(missing: number): number {
  return Math.round(Math.min(missing, 10 + 0.4 * missing));
}

/** Beyond this many documents left unresolved by the bound, the exactness check is skipped to stay interactive. */
const PENDING_BUDGET = 3000;

/** log of a key's factor in fuse's total score, score^(weight * norm), given weight * norm; 0 when it does not match. */
function textLog(score: number, halfNorm: number): number {
  if (score >= 1) return 0;
  return halfNorm * (score === 0 ? LOG_EPSILON : score === 0.001 ? LOG_MIN_SCORE : Math.log(score));
}

// ---------------------------------------------------------------------------------------------------------------
// People: names and aliases. Few documents, so a trigram overlap narrows and fuse ranks.

export interface PeopleSearchDoc {
  id: string;
  name: string;
  aliases: readonly string[];
}

export const PEOPLE_FUSE_OPTIONS = { keys: ['name', 'aliases'], ignoreLocation: true, includeMatches: true, includeScore: true } as const;

export class PeopleSearch<T extends PeopleSearchDoc = PeopleSearchDoc> {
  private people: T[];
  private postings = new Postings();

  constructor(people: readonly T[]) {
    this.people = [...people];
    this.people.forEach((person, slot) => this.postings.add(slot, [person.name, ...person.aliases].map((name) => normalizeForSearch(name)).join(' | ')));
  }

  search(query: string, options: { limit?: number } = {}): SearchHit<T>[] {
    const limit = Math.max(1, options.limit ?? 20);
    const pattern = normalizeForSearch(query.trim());
    let candidates: T[];
    if (pattern.length < 3 || this.people.length <= 500) candidates = this.people;
    else {
      const counts = new Uint16Array(this.people.length);
      for (const [bucket, multiplicity] of chunkBuckets(pattern)) this.postings.forEach(bucket, (slot) => (counts[slot] += multiplicity));
      const top = new TopK(300);
      counts.forEach((count, slot) => {
        if (count > 0) top.offer(-count, slot);
      });
      candidates = top.values.sort((a, b) => a - b).map((slot) => this.people[slot]);
    }
    const fuse = new Fuse(candidates, { ...PEOPLE_FUSE_OPTIONS, keys: [...PEOPLE_FUSE_OPTIONS.keys] });
    return fuse.search(query.trim(), { limit }).map((result) => ({
      item: result.item,
      score: result.score ?? 1,
      matches: result.matches ?? [],
    }));
  }
}
