// Fast fuzzy search over quotes with fuse.js as the ranker.
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
import * as fuseScore from './fuseScore';
import * as normalize from './normalize';
import { chunkScoreTables, logTable, pairLogTable, PreparedQuery } from './fuseScore';
import { Postings, TopK, countTrigrams } from './trigrams';

// Bound once: called per document when indexing and per candidate when scoring.
const { KEY_WEIGHT, fuseFieldNorm, textLog } = fuseScore;
const { foldPunctuation } = normalize;

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

function emptyStats(): QuoteSearchStats {
  return { exactScored: 0, skippedByBound: 0, ranked: 0, exhaustive: true, countMs: 0, boundMs: 0, exactMs: 0, fuseMs: 0 };
}

/**
 * Fuzzy search over quotes, ranked by fuse.js with the options of `QUOTE_FUSE_OPTIONS`.
 * Documents can be added and removed by article path; removed slots are compacted away when they pile up.
 */
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
    chunks.forEach((_chunk, c) => {
      if (this.counts[c].length < n) this.counts[c] = new Uint8Array(Math.max(n, this.counts[c].length * 2));
      this.counts[c].fill(0, 0, n);
    });
    countTrigrams(this.postings, chunks.map((chunk) => chunk.pattern), this.counts);
    const { bounds: boundTables, estimates: estimateTables } = chunkScoreTables(chunks);
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
    const boundLogs = logTable(boundTables[0]);
    const estimateLogs = logTable(estimateTables[0]);
    const counts0 = this.counts[0];
    const perfectPossible = prepared.chunks[0].length === patternLength;
    // Two chunks (queries of 33-64 characters): the log of the mean of both chunks' scores, per pair of counts,
    // is a table lookup too (same arithmetic as logOf, so the same bounds to the last bit).
    const pair = chunks.length === 2;
    const pairWidth = pair ? boundTables[1].length : 0;
    const pairBoundLogs = pairLogTable(boundTables, pair);
    const pairEstimateLogs = pairLogTable(estimateTables, pair);
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

/** Beyond this many documents left unresolved by the bound, the exactness check is skipped to stay interactive. */
const PENDING_BUDGET = 3000;
