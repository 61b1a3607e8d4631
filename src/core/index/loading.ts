// Reading a corpus from disk into the index: corpus.yaml, then every article, read a few files ahead of the
// extraction so disk latency overlaps with it, reusing cached extractions where the file has not changed.
import * as nodePath from 'path';
import { CORPUS_CONFIG_FILE, decodeBytes, errorMessage, readCorpusFile, type CorpusFile, type ReadResult } from '../extract/loader';
import type { SliceClock, Steps } from '../util/steps';
import type { ArticleExtraction, CorpusConfig, FileSystem } from '../types';
import type { ExtractionCache } from './extractionCache';
import type { ArticleExtractor, ExtractedFile, ExtractorResult } from './workers/workerExtractor';

/** How `CorpusIndex.load` reads a corpus. */
export interface IndexLoadOptions {
  /** Called after each file with the number of files done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Larger files are skipped with a problem. */
  maxFileSizeBytes?: number;
  signal?: AbortSignal;
  /** Also yield to the event loop after this many files (it always yields after `sliceMs` of work). */
  yieldEvery?: number;
  /** Work between two yields to the event loop, in ms (default `DEFAULT_SLICE_MS`; 0 yields after every step, for tests). */
  sliceMs?: number;
  cache?: ExtractionCache;
  /** Reads and extracts the files not in the cache elsewhere (worker threads), if it takes a corpus this size. */
  extractor?: ArticleExtractor;
}

const READ_AHEAD = 16;

/** corpus.yaml's text (null when there is none), or why it could not be read. */
export type ConfigRead = { ok: true; text: string | null } | { ok: false; reason: string };

/** Reads the corpus.yaml at the root of a corpus; a missing or unreadable file means the defaults. */
export async function readCorpusConfig(root: string, fs: FileSystem): Promise<ConfigRead> {
  const absPath = nodePath.join(root, CORPUS_CONFIG_FILE);
  let bytes: Uint8Array | null = null;
  try {
    if ((await fs.stat(absPath)).type === 'file') bytes = await fs.readFile(absPath);
  } catch {
    bytes = null; // No corpus.yaml: defaults.
  }
  const decoded = bytes === null ? null : decodeBytes(bytes);
  if (decoded && !decoded.ok) return { ok: false, reason: decoded.reason };
  return { ok: true, text: decoded ? decoded.text : null };
}

/** Where loaded files go: the index's own bookkeeping for each outcome. */
export interface LoadTarget {
  /** Tells extractions from an earlier extractor or corpus.yaml apart in the cache. */
  readonly fingerprint: string;
  /** What the extractor elsewhere needs of corpus.yaml. */
  readonly config: CorpusConfig;
  /** A cached extraction is still valid for the file. */
  reuse(path: string, extraction: ArticleExtraction): void;
  /** Takes in an extraction made elsewhere (a worker): unpacked into the index's own storage. */
  adopt(path: string, extracted: ExtractedFile): ArticleExtraction;
  /** Extracts a file read from disk; null when the extractor failed on it (a problem for that file). */
  extractSteps(path: string, text: string, encoding: 'utf-8' | 'windows-1252'): Steps<ArticleExtraction | null>;
  /** The file was skipped (too large, not readable, not text). */
  skip(path: string, reason: string): void;
}

type ReadOrReuse = ReadResult | ExtractorResult | { ok: 'cached'; extraction: ArticleExtraction };

/** Reads every file into `target` in list order, giving the event loop back whenever `clock` says so. */
export async function loadFiles(fs: FileSystem, files: readonly CorpusFile[], options: IndexLoadOptions, clock: SliceClock, target: LoadTarget): Promise<void> {
  const { signal, onProgress, cache, maxFileSizeBytes, yieldEvery } = options;
  const extractor = options.extractor?.accepts(files.length) ? options.extractor : undefined;
  const ahead = Math.max(READ_AHEAD, extractor?.tasksAhead ?? 0);
  // Reads (or extractions elsewhere) run a few files ahead so disk latency overlaps with extraction.
  const readAhead = new Map<number, Promise<ReadOrReuse>>();
  const startRead = (i: number) => {
    if (i >= files.length || readAhead.has(i)) return;
    readAhead.set(i, readOrReuse(fs, files[i], cache, target, maxFileSizeBytes, extractor, signal));
  };
  for (let i = 0; i < files.length; i++) {
    signal?.throwIfAborted();
    for (let k = i; k < i + ahead; k++) startRead(k);
    const result = await readAhead.get(i)!;
    readAhead.delete(i);
    const file = files[i];
    if (result.ok === 'cached') {
      target.reuse(file.path, result.extraction);
    } else if (result.ok === 'extracted') {
      const extraction = target.adopt(file.path, result);
      if (cache) await cache.set(file.path, result.size, result.mtime, target.fingerprint, extraction);
    } else if (result.ok) {
      const extraction = await clock.run(target.extractSteps(file.path, result.text, result.encoding));
      if (extraction && cache) await cache.set(file.path, result.size, result.mtime, target.fingerprint, extraction);
    } else {
      target.skip(file.path, result.reason);
    }
    onProgress?.(i + 1, files.length);
    if ((yieldEvery && (i + 1) % yieldEvery === 0) || clock.due) await clock.yield();
  }
}

async function readOrReuse(
  fs: FileSystem,
  file: CorpusFile,
  cache: ExtractionCache | undefined,
  target: LoadTarget,
  maxFileSizeBytes: number | undefined,
  extractor: ArticleExtractor | undefined,
  signal: AbortSignal | undefined,
): Promise<ReadOrReuse> {
  let stat: { size: number; mtime: number };
  try {
    stat = await fs.stat(file.absPath);
  } catch (error) {
    return { ok: false as const, reason: `not readable: ${errorMessage(error)}` };
  }
  if (cache) {
    const cached = await cache.get(file.path, stat.size, stat.mtime, target.fingerprint);
    if (cached) return { ok: 'cached' as const, extraction: cached };
  }
  if (extractor) return extractor.extract(file, stat, { config: target.config, maxFileSizeBytes, signal });
  return readCorpusFile(fs, file.absPath, { maxFileSizeBytes, knownStat: stat });
}
