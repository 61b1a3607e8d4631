// Article extraction in worker threads, for `CorpusIndex.load` (LoadOptions.extractor): each worker reads a
// file itself, extracts it and sends the packed result back; the index unpacks results in file order, so the
// corpus comes out the same as when every article is extracted in the main thread.
import { existsSync } from 'fs';
import { availableParallelism } from 'os';
import * as nodePath from 'path';
import type { StringPool } from '../../extract/article';
import type { CorpusFile } from '../../extract/loader';
import { decodeExtraction } from './codec';
import type { ExtractRequest, ExtractResponse } from './extractTask';
import { TaskFailure, WorkerPool, type PoolOptions } from './pool';
import type { WorkerHeap } from './protocol';
import type { ArticleExtraction, CorpusConfig } from '../../types';

export interface ExtractedFile {
  ok: 'extracted';
  size: number;
  mtime: number;
  /** The extraction as the index keeps it; mention strings and forms are shared through `pool`. */
  unpack(pool: StringPool): ArticleExtraction;
}

export type ExtractorResult = ExtractedFile | { ok: false; reason: string };

/** Extracts articles outside the loading thread. */
export interface ArticleExtractor {
  /** Whether a load of `fileCount` files should use it: below some size, extracting in-thread is faster. */
  accepts(fileCount: number): boolean;
  /** Files to hand it ahead of the one the index waits for, so that no worker runs dry. */
  readonly tasksAhead: number;
  /** Reads and extracts one file. Never rejects: a failure, a timeout or a cancellation is a reason. */
  extract(file: CorpusFile, stat: { size: number; mtime: number }, options: { config: CorpusConfig; maxFileSizeBytes?: number; signal?: AbortSignal }): Promise<ExtractorResult>;
}

/**
 * Below this many files a load stays in-thread when no worker is running: starting workers (~40 ms each, then
 * the extractor runs cold in each) costs more than it saves. On 2 cores one worker breaks even in wall time at
 * about 100 files of ~8 KB, for ~15% more CPU. With workers still running from a previous load, the pool pays
 * off sooner.
 */
export const MIN_FILES_COLD = 100;
export const MIN_FILES_WARM = 25;
/**
 * Worker threads when none are asked for (the CLI and the extension): one core is left to the loading thread,
 * which unpacks the results and builds the index. On the 2-core development machine, under load from other jobs,
 * 1 worker had the best median time on 10,000 articles (3+3 interleaved rounds: 16.1 s, in-thread 21.2 s,
 * 2 workers 21.6 s) for 9% more CPU than in-thread (2 workers: 20% more).
 */
export function defaultWorkerCount(cores = availableParallelism()): number {
  return Math.max(1, cores - 1);
}

/**
 * Files queued in each worker: enough that it does not run dry while the main thread is busy or not scheduled
 * (a result waits for the main thread's event loop before the next file is sent).
 */
const TASKS_PER_WORKER = 8;

/**
 * The worker entry next to this code: bundled, this module is part of dist/cli.js or dist/extension.js and
 * esbuild.js writes dist/extractWorker.js beside them; run from source (tests, tsx), it sits beside
 * extractWorker.ts.
 */
export const EXTRACT_WORKER_SCRIPT = nodePath.join(__dirname, __filename.endsWith('.ts') ? 'extractWorker.ts' : 'extractWorker.js');

export interface WorkerExtractorOptions extends Partial<PoolOptions> {
  /** Worker threads (at least 1). */
  workers: number;
  minFilesCold?: number;
  minFilesWarm?: number;
}

export class WorkerExtractor implements ArticleExtractor {
  private readonly pool: WorkerPool;
  private readonly minFilesCold: number;
  private readonly minFilesWarm: number;
  /** False when the worker entry is missing (a bundle built without it): loads then stay in-thread. */
  private readonly available: boolean;
  /** Configurations by identity: each is sent to a worker once (a corpus.yaml change makes a new one). */
  private readonly contextKeys = new WeakMap<CorpusConfig, number>();
  private nextContextKey = 1;
  private extractedCount = 0;
  readonly tasksAhead: number;
  /** Worker threads at most. */
  readonly workers: number;

  constructor(options: WorkerExtractorOptions) {
    const script = options.script ?? EXTRACT_WORKER_SCRIPT;
    const tasksPerWorker = options.tasksPerWorker ?? TASKS_PER_WORKER;
    this.pool = new WorkerPool({ ...options, script, size: options.workers, tasksPerWorker });
    this.workers = Math.max(1, Math.floor(options.workers));
    this.tasksAhead = this.workers * tasksPerWorker;
    this.available = existsSync(script);
    this.minFilesCold = options.minFilesCold ?? MIN_FILES_COLD;
    this.minFilesWarm = options.minFilesWarm ?? MIN_FILES_WARM;
  }

  /** Workers running now (they start with the first file and stop when idle). */
  get workerCount(): number {
    return this.pool.workerCount;
  }

  /** Files extracted in a worker so far. */
  get extractedFiles(): number {
    return this.extractedCount;
  }

  accepts(fileCount: number): boolean {
    return this.available && fileCount >= (this.pool.workerCount > 0 ? this.minFilesWarm : this.minFilesCold);
  }

  async extract(file: CorpusFile, stat: { size: number; mtime: number }, options: { config: CorpusConfig; maxFileSizeBytes?: number; signal?: AbortSignal }): Promise<ExtractorResult> {
    const { config, maxFileSizeBytes, signal } = options;
    let key = this.contextKeys.get(config);
    if (key === undefined) this.contextKeys.set(config, (key = this.nextContextKey++));
    const request: ExtractRequest = { absPath: file.absPath, path: file.path, size: stat.size, mtime: stat.mtime, maxFileSizeBytes };
    let response: ExtractResponse;
    try {
      response = await this.pool.run<ExtractResponse>(request, { context: { key, value: config }, signal });
    } catch (error) {
      if (!(error instanceof TaskFailure)) return { ok: false, reason: 'cancelled' };
      return { ok: false, reason: `extraction failed: ${error.message}` };
    }
    if (!response.ok) return response;
    this.extractedCount++;
    const { buffer } = response;
    return { ok: 'extracted', size: stat.size, mtime: stat.mtime, unpack: (pool) => decodeExtraction(buffer, pool) };
  }

  /** The heap of each running worker. */
  heap(): Promise<WorkerHeap[]> {
    return this.pool.heap();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
