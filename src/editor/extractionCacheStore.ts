// The warm-start cache of per-article extractions, persisted in slices so the extension host never parses or
// writes one huge JSON document: entries are spread over shard files by a hash of their path (about
// ENTRIES_PER_SHARD each, ~1 MB at newsroom article sizes), each shard is parsed or stringified in its own turn
// of the event loop, and a save rewrites only the shards whose entries changed. An entry is valid only for the
// same file size, mtime and fingerprint (extractor version + corpus.yaml), checked on every `get`.
// No vscode import: the extension passes file operations on its storage folder, tests pass their own.
import { isValidFor, type CacheEntry, type ExtractionCache } from '../core/index/extractionCache';
import { StringPool } from '../core/extract/article';
import { compactExtraction } from '../core/index/packed';
import { fnv1aUnsigned } from '../core/util/hash';
import { SliceClock, yieldToEventLoop } from '../core/util/steps';
import type { ArticleExtraction } from '../core/types';

/** File operations on one folder of the extension's storage (names are plain file names). */
export interface CacheFiles {
  /** Identifies the folder: saves to the same folder are serialised. */
  readonly id: string;
  /** The file's bytes, or undefined when it does not exist. */
  read(name: string): Promise<Uint8Array | undefined>;
  /** Replaces the file; should be atomic (write elsewhere, then rename) so a reader never sees half a shard. */
  write(name: string, bytes: Uint8Array): Promise<void>;
  remove(name: string): Promise<void>;
  list(): Promise<string[]>;
}

interface Manifest {
  format: number;
  bits: number;
  entries: number;
}

const FORMAT = 1;
const MANIFEST = 'manifest.json';
/** ~8 KB articles make ~17 KB entries: 32 of them (~0.5 MB) parse in under 10 ms in Node, ~25 ms on a busy extension host. */
export const ENTRIES_PER_SHARD = 32;
const MAX_BITS = 12;

/** Work per event-loop turn while cached entries are packed after a shard's parse, ms. */
const PACK_SLICE_MS = 4;
const savesInFlight = new Map<string, Promise<void>>();

/** A 32-bit hash of a path: spreads entries over shards independently of their order; also names cache folders. */
export const hashPath = fnv1aUnsigned;

/** Shard-count exponent for `count` entries. */
function bitsFor(count: number): number {
  let bits = 0;
  while (bits < MAX_BITS && count > ENTRIES_PER_SHARD << bits) bits++;
  return bits;
}

const shardName = (bits: number, shard: number): string => `shard-${bits}-${shard}.json`;

function isEntry(value: unknown): value is CacheEntry {
  const entry = value as Partial<CacheEntry> | null;
  return (
    !!entry &&
    typeof entry.size === 'number' &&
    typeof entry.mtime === 'number' &&
    typeof entry.fingerprint === 'string' &&
    typeof entry.extraction?.article?.text === 'string' &&
    Array.isArray(entry.extraction.mentions) &&
    Array.isArray(entry.extraction.quotes)
  );
}

/** The entry with its extraction packed (`compactExtraction`); undefined when the extraction is malformed. */
function packedEntry(entry: CacheEntry, pool: StringPool): CacheEntry | undefined {
  try {
    const { article, mentions, quotes, entities } = entry.extraction;
    return { ...entry, extraction: compactExtraction({ article, mentions: pool.mentions(mentions), quotes, ...(entities && { entities: pool.entityMentions(entities) }) }, pool) };
  } catch {
    return undefined;
  }
}

export interface CacheStats {
  /** Entries read at load. */
  loaded: number;
  /** Shard files read at load, and the longest single parse of one (ms). */
  shardsRead: number;
  longestParseMs: number;
  /** Shard files written by saves so far. */
  shardsWritten: number;
  /** `get` calls answered with a valid entry. */
  hits: number;
}

export class ShardedExtractionCache implements ExtractionCache {
  private readonly entries = new Map<string, CacheEntry>();
  /** Paths read or written since load: the others belong to files that no longer exist. */
  private readonly touched = new Set<string>();
  private readonly dirty = new Set<number>();
  private bits = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  readonly stats: CacheStats = { loaded: 0, shardsRead: 0, longestParseMs: 0, shardsWritten: 0, hits: 0 };

  private constructor(private readonly files: CacheFiles) {}

  /** An empty cache for `files` (nothing is read). */
  static empty(files: CacheFiles): ShardedExtractionCache {
    return new ShardedExtractionCache(files);
  }

  /** Reads every shard, one parse per event-loop turn; unreadable shards are skipped (those files re-extract). */
  static async load(files: CacheFiles): Promise<ShardedExtractionCache> {
    const cache = new ShardedExtractionCache(files);
    let manifest: Manifest | undefined;
    try {
      const bytes = await files.read(MANIFEST);
      const parsed = bytes && (JSON.parse(new TextDecoder().decode(bytes)) as Manifest);
      if (parsed && parsed.format === FORMAT && Number.isInteger(parsed.bits) && parsed.bits >= 0 && parsed.bits <= MAX_BITS) manifest = parsed;
    } catch {
      manifest = undefined;
    }
    if (!manifest) return cache;
    cache.bits = manifest.bits;
    const count = 1 << manifest.bits;
    // Shared name forms and strings across the cached entries, as a load shares them across fresh extractions.
    const pool = new StringPool();
    // The next shard is read while this one is parsed.
    let pending = files.read(shardName(manifest.bits, 0)).catch(() => undefined);
    for (let shard = 0; shard < count; shard++) {
      const bytes = await pending;
      if (shard + 1 < count) pending = files.read(shardName(manifest.bits, shard + 1)).catch(() => undefined);
      await yieldToEventLoop();
      if (!bytes) continue;
      // The parse counts towards the first turn of packing this shard's entries.
      const clock = new SliceClock(PACK_SLICE_MS);
      const started = performance.now();
      let parsed: [string, unknown][];
      try {
        parsed = Object.entries(JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>);
        cache.stats.shardsRead++;
      } catch {
        parsed = [];
        cache.dirty.add(shard); // rewrite it at the next save
      }
      cache.stats.longestParseMs = Math.max(cache.stats.longestParseMs, performance.now() - started);
      // Entries are kept packed, as the index keeps a fresh extraction: the parsed objects then die young
      // instead of filling the young generation with survivors that every scavenge copies (30-50 ms pauses
      // on the extension host). Packing takes its own turns.
      for (const [path, entry] of parsed) {
        if (clock.due) await clock.yield();
        const packed = isEntry(entry) ? packedEntry(entry, pool) : undefined;
        if (packed) cache.entries.set(path, packed);
        else cache.dirty.add(shard);
      }
    }
    cache.stats.loaded = cache.entries.size;
    return cache;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Whether a save would write anything. */
  get isDirty(): boolean {
    return this.dirty.size > 0 || this.layoutBits() !== this.bits;
  }

  /** The shard-count exponent to save with: small drifts keep the layout, so one new article does not rewrite every shard. */
  private layoutBits(): number {
    const wanted = bitsFor(this.entries.size);
    return Math.abs(wanted - this.bits) > 1 || this.entries.size === 0 || (this.bits === 0 && wanted > 0) ? wanted : this.bits;
  }

  get(path: string, size: number, mtime: number, fingerprint: string): ArticleExtraction | undefined {
    this.touched.add(path);
    const entry = this.entries.get(path);
    if (!entry || !isValidFor(entry, size, mtime, fingerprint)) return undefined;
    this.stats.hits++;
    return entry.extraction;
  }

  set(path: string, size: number, mtime: number, fingerprint: string, extraction: ArticleExtraction): void {
    this.touched.add(path);
    this.entries.set(path, { size, mtime, fingerprint, extraction });
    this.dirty.add(this.shardOf(path));
  }

  delete(path: string): void {
    if (this.entries.delete(path)) this.dirty.add(this.shardOf(path));
  }

  /** Drops entries no `get`/`set` asked for since load (files deleted between sessions). Call after a full index. */
  dropUntouched(): void {
    for (const path of [...this.entries.keys()]) if (!this.touched.has(path)) this.delete(path);
  }

  /** Saves after `delayMs` of quiet; a later call restarts the wait, so a burst of changes costs one save. */
  scheduleSave(delayMs: number, onError?: (error: unknown) => void): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.save().catch((error) => onError?.(error));
    }, delayMs);
  }

  /** Cancels a scheduled save. */
  cancelScheduledSave(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Writes the changed shards (all of them when the shard count changes), one stringify per event-loop turn. */
  save(): Promise<void> {
    const previous = savesInFlight.get(this.files.id) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.writeShards());
    savesInFlight.set(this.files.id, run);
    void run.finally(() => {
      if (savesInFlight.get(this.files.id) === run) savesInFlight.delete(this.files.id);
    }).catch(() => undefined);
    return run;
  }

  private async writeShards(): Promise<void> {
    if (!this.isDirty) return;
    const oldBits = this.bits;
    const bits = this.layoutBits();
    const relayout = bits !== oldBits;
    const shards = relayout ? [...Array(1 << bits).keys()] : [...this.dirty].sort((a, b) => a - b);
    this.bits = bits;
    this.dirty.clear();
    const wantedShards = new Set(shards);
    const byShard = new Map<number, [string, CacheEntry][]>();
    for (const entry of this.entries) {
      const shard = this.shardOf(entry[0]);
      if (!wantedShards.has(shard)) continue;
      const list = byShard.get(shard);
      if (list) list.push(entry);
      else byShard.set(shard, [entry]);
    }
    const encoder = new TextEncoder();
    try {
      for (const shard of shards) {
        await yieldToEventLoop();
        const bytes = encoder.encode(JSON.stringify(Object.fromEntries(byShard.get(shard) ?? [])));
        await this.files.write(shardName(bits, shard), bytes);
        this.stats.shardsWritten++;
      }
      const manifest: Manifest = { format: FORMAT, bits, entries: this.entries.size };
      await this.files.write(MANIFEST, encoder.encode(JSON.stringify(manifest)));
    } catch (error) {
      // Written again at the next save.
      for (const shard of shards) this.dirty.add(shard);
      throw error;
    }
    if (relayout) {
      for (const name of await this.files.list()) {
        const match = /^shard-(\d+)-\d+\.json$/.exec(name);
        if (match && Number(match[1]) !== bits) await this.files.remove(name).catch(() => undefined);
      }
    }
  }

  private shardOf(path: string): number {
    return this.bits === 0 ? 0 : hashPath(path) & ((1 << this.bits) - 1);
  }
}
