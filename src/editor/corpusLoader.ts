// The default corpus loader: `CorpusIndex.load` with the warm-start cache of extractions kept in the extension's
// storage, and what the manager is told about how that cache served a load.
import * as vscode from 'vscode';
import type { Corpus } from '../core/api';
import { CorpusIndex } from '../core/index/corpusIndex';
import { MemoryExtractionCache, type ExtractionCache } from '../core/index/extractionCache';
import type { IndexLoadOptions } from '../core/index/loading';
import type { FileSystem } from '../core/types';
import { type CacheFiles, ShardedExtractionCache, hashPath } from './extractionCacheStore';

/** What the manager asks of a corpus loader: the index's options it sets, and a report on the cache. */
export interface CorpusLoaderOptions extends Pick<IndexLoadOptions, 'onProgress' | 'extractor'> {
  /** Files above this size are skipped (the core reports them in `problems()`). */
  maxFileSizeBytes: number;
  /** Told how the warm-start cache was used, once the corpus is loaded. */
  onCacheReport?: (report: CacheReport) => void;
}

export interface CacheReport {
  /** Entries read from the extension's storage at the start. */
  cachedEntries: number;
  /** Articles whose extraction came from the cache (same size, mtime and fingerprint). */
  reused: number;
  shardsRead: number;
  /** The longest parse of one shard file (one event-loop task), ms. */
  longestParseMs: number;
  /** How long reading and parsing the cache took in all, ms (spread over many event-loop turns). */
  readMs: number;
  /** Writes pending cache changes now (instead of after the debounce); resolves when they are on disk. */
  flush(): Promise<void>;
}

/** Loads one corpus; the default uses `CorpusIndex.load` with a warm-start cache, tests can pass their own. */
export type CorpusLoader = (root: string, fs: FileSystem, options: CorpusLoaderOptions) => Promise<Corpus>;

/** Quiet time before changed cache shards are written: a burst of file changes costs one save. */
const CACHE_SAVE_DEBOUNCE_MS = 2000;

/** Cache shard files in a folder of the extension's storage, through `workspace.fs`; writes go through a rename. */
function storageFiles(folder: vscode.Uri): CacheFiles {
  let created: Promise<void> | undefined;
  const ensureFolder = (): Promise<void> =>
    (created ??= Promise.resolve(vscode.workspace.fs.createDirectory(folder)).catch((error: unknown) => {
      created = undefined;
      throw error;
    }));
  const uri = (name: string) => vscode.Uri.joinPath(folder, name);
  let writes = 0;
  return {
    id: folder.toString(),
    read: async (name) => {
      try {
        return await vscode.workspace.fs.readFile(uri(name));
      } catch {
        return undefined;
      }
    },
    write: async (name, bytes) => {
      await ensureFolder();
      const temporary = uri(`${name}.${process.pid}.${writes++}.tmp`);
      await vscode.workspace.fs.writeFile(temporary, bytes);
      await vscode.workspace.fs.rename(temporary, uri(name), { overwrite: true });
    },
    remove: async (name) => {
      await vscode.workspace.fs.delete(uri(name));
    },
    list: async () => {
      try {
        return (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
      } catch {
        return [];
      }
    },
  };
}

/**
 * The default loader: `CorpusIndex.load` with a warm-start cache of extractions in the extension's storage
 * (never the corpus folder), keyed by each file's size and mtime and the extractor fingerprint. The cache is
 * sharded (extractionCacheStore.ts) so loading and saving it never blocks the extension host for long; after
 * the load, changed shards are saved, and again (debounced) whenever files change on disk.
 */
export function createCorpusLoader(storageUri: vscode.Uri | undefined, log: (line: string) => void): CorpusLoader {
  return async (root, fs, options) => {
    const cacheRoot = storageUri ? vscode.Uri.joinPath(storageUri, 'cache') : undefined;
    const cacheName = hashPath(root).toString(16);
    const files = cacheRoot ? storageFiles(vscode.Uri.joinPath(cacheRoot, cacheName)) : undefined;
    let cache: ExtractionCache = new MemoryExtractionCache();
    let sharded: ShardedExtractionCache | undefined;
    let readMs = 0;
    if (files && cacheRoot) {
      const started = performance.now();
      try {
        sharded = await ShardedExtractionCache.load(files);
      } catch {
        sharded = ShardedExtractionCache.empty(files); // unreadable: index from scratch
      }
      readMs = performance.now() - started;
      cache = sharded;
      // The single-file cache of earlier versions: replaced by the shards.
      void Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.joinPath(cacheRoot, `${cacheName}.json`))).catch(() => undefined);
    }
    const index = await CorpusIndex.load(root, fs, { ...options, cache });
    if (sharded) {
      const store = sharded;
      const report: CacheReport = {
        cachedEntries: store.stats.loaded,
        reused: store.stats.hits,
        shardsRead: store.stats.shardsRead,
        longestParseMs: store.stats.longestParseMs,
        readMs,
        flush: () => {
          store.cancelScheduledSave();
          return store.save();
        },
      };
      if (report.cachedEntries > 0) {
        log(
          `  warm start: ${report.reused} of ${index.articles().length} article(s) reused from ${report.cachedEntries} cached extraction(s) ` +
            `(${report.shardsRead} shard(s) in ${readMs.toFixed(0)} ms, longest parse ${report.longestParseMs.toFixed(1)} ms)`,
        );
      }
      options.onCacheReport?.(report);
      const onSaveError = (error: unknown) => log(`Could not write the index cache: ${String(error)}`);
      store.dropUntouched(); // files deleted since the last session
      if (store.isDirty) store.scheduleSave(0, onSaveError);
      index.onDidChange((paths) => {
        // Re-read files were stored by the core (`cache.set`); deleted ones leave the cache here.
        for (const path of paths) if (!index.article(path)) store.delete(path);
        if (store.isDirty) store.scheduleSave(CACHE_SAVE_DEBOUNCE_MS, onSaveError);
      });
    }
    return index;
  };
}
