// Indexing a folder into the archive: the same extraction as the folder index (worker threads included),
// incremental by content hash, committed in batches. A batch is one transaction, so a crash or Ctrl+C leaves
// every article either fully in (text, metadata, raw mentions and quotes) or as it was; a rerun skips what is
// in already. Several indexers may run at once on disjoint shards of the paths. Entity identity is resolved
// afterwards over the whole archive (resolve.ts).
import { createHash } from 'crypto';
import type pg from 'pg';
import { extractArticle, EXTRACTION_VERSION, StringPool } from '../core/extract/article';
import { parseCorpusYaml, emptyCorpusConfig } from '../core/extract/corpusYaml';
import { decodeBytes, errorMessage, listCorpusFiles, type CorpusFile } from '../core/extract/loader';
import { readCorpusConfig } from '../core/index/loading';
import type { ArticleExtractor } from '../core/index/workers/workerExtractor';
import { fnv1aUnsigned } from '../core/util/hash';
import type { ArticleExtraction, CorpusConfig, FileSystem } from '../core/types';
import { inTransaction, insertRows } from './db';
import { encodeExtraction } from './rawExtraction';
import { deleteResolved, LOCKS, migrate } from './schema';

/** Shard `index` of `count` (0-based): the paths whose hash falls in it. */
export interface Shard {
  index: number;
  count: number;
}

export function inShard(path: string, shard: Shard | undefined): boolean {
  return !shard || shard.count <= 1 || fnv1aUnsigned(path) % shard.count === shard.index;
}

/** Parses "K/N" (1-based K, as the user writes it). */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const k = match ? Number(match[1]) : NaN;
  const n = match ? Number(match[2]) : NaN;
  if (!(n >= 1 && k >= 1 && k <= n)) throw new Error(`--shard needs K/N with 1 <= K <= N, got "${text}"`);
  return { index: k - 1, count: n };
}

export interface IngestOptions {
  shard?: Shard;
  extractor?: ArticleExtractor;
  maxFileSizeBytes?: number;
  /** A batch is committed when it holds this many articles… */
  batchArticles?: number;
  /** …or this many bytes of text. */
  batchBytes?: number;
  /** Stops after the batch being written: what is committed stays. */
  signal?: AbortSignal;
  onProgress?: (progress: IngestProgress) => void;
}

export interface IngestProgress {
  done: number;
  total: number;
  written: number;
  bytes: number;
}

export interface IngestReport {
  files: number;
  unchanged: number;
  written: number;
  removed: number;
  /** Bytes of the files written. */
  bytes: number;
  problems: { path: string; message: string }[];
  /** False when the signal stopped the run before every file was looked at. */
  complete: boolean;
}

interface Pending {
  path: string;
  hash: string;
  extraction: ArticleExtraction;
  bytes: number;
}

const READ_AHEAD = 16;

const sha1 = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('base64');

/** What a configuration makes of an article: extractions made with another one are made again. */
export function configFingerprint(configText: string | null): string {
  return `v${EXTRACTION_VERSION}:${configText === null ? '' : createHash('sha1').update(configText).digest('base64')}`;
}

/** Writes the folder's corpus.yaml into the archive; returns it parsed and its fingerprint. */
async function storeConfig(db: pg.ClientBase, root: string, fs: FileSystem): Promise<{ config: CorpusConfig; fingerprint: string; problems: string[] }> {
  const read = await readCorpusConfig(root, fs);
  const text = read.ok ? read.text : null;
  const config = text === null ? emptyCorpusConfig() : parseCorpusYaml(text);
  await db.query("INSERT INTO archive_meta (key, value) VALUES ('corpus.yaml', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [JSON.stringify(text)]);
  const problems = read.ok ? [] : [`corpus.yaml not read: ${read.reason}`];
  return { config, fingerprint: configFingerprint(text), problems };
}

/** Ingests the folder `root` (this shard of it) into the archive. Identity is left to `resolveArchive`. */
export async function ingestFolder(db: pg.ClientBase, root: string, fs: FileSystem, options: IngestOptions = {}): Promise<IngestReport> {
  await migrate(db);
  await db.query('SELECT pg_advisory_lock_shared($1)', [LOCKS.ingest]);
  try {
    return await ingestLocked(db, root, fs, options);
  } finally {
    await db.query('SELECT pg_advisory_unlock_shared($1)', [LOCKS.ingest]);
  }
}

/**
 * After an ingest: true when no other indexer is still ingesting, so this one should resolve identities now;
 * false when another one is (it resolves when it finishes, with this one's articles in). Holds the ingest lock
 * exclusively when true: resolve, then call `releaseLastIndexer`.
 */
export async function claimLastIndexer(db: pg.ClientBase): Promise<boolean> {
  const { rows } = await db.query<{ claimed: boolean }>('SELECT pg_try_advisory_lock($1) AS claimed', [LOCKS.ingest]);
  return rows[0].claimed;
}

export async function releaseLastIndexer(db: pg.ClientBase): Promise<void> {
  await db.query('SELECT pg_advisory_unlock($1)', [LOCKS.ingest]);
}

async function ingestLocked(db: pg.ClientBase, root: string, fs: FileSystem, options: IngestOptions): Promise<IngestReport> {
  const { shard, signal } = options;
  const { config, fingerprint, problems: configProblems } = await storeConfig(db, root, fs);
  const listed = await listCorpusFiles(root, fs, { signal });
  const files = listed.files.filter((file) => inShard(file.path, shard));
  const report: IngestReport = { files: files.length, unchanged: 0, written: 0, removed: 0, bytes: 0, problems: [...listed.problems], complete: false };
  for (const message of configProblems) report.problems.push({ path: 'corpus.yaml', message });

  const stored = new Map<string, string>();
  const { rows } = await db.query<{ path: string; content_hash: string; fingerprint: string }>('SELECT path, content_hash, fingerprint FROM articles');
  for (const row of rows) if (inShard(row.path, shard)) stored.set(row.path, `${row.content_hash} ${row.fingerprint}`);

  // Gone from the folder (or no longer readable): removed, in one transaction.
  const present = new Set(files.map((file) => file.path));
  await removeArticles(db, [...stored.keys()].filter((path) => !present.has(path)), report);

  const batchArticles = options.batchArticles ?? 200;
  const batchBytes = options.batchBytes ?? 4 * 1024 * 1024;
  let batch: Pending[] = [];
  let batchSize = 0;
  const failed: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await writeBatch(db, batch, fingerprint);
    report.written += batch.length;
    batch = [];
    batchSize = 0;
  };

  const extractor = options.extractor?.accepts(files.length) ? options.extractor : undefined;
  const ahead = Math.max(READ_AHEAD, extractor?.tasksAhead ?? 0);
  const reads = new Map<number, Promise<FileOutcome>>();
  let pool = new StringPool();
  const start = (i: number) => {
    if (i < files.length && !reads.has(i)) reads.set(i, readAndExtract(files[i], fs, stored.get(files[i].path), fingerprint, config, options, extractor, () => pool));
  };
  for (let i = 0; i < files.length; i++) {
    if (signal?.aborted) break;
    for (let k = i; k < i + ahead; k++) start(k);
    const outcome = await reads.get(i)!;
    reads.delete(i);
    const { path } = files[i];
    if (outcome.kind === 'unchanged') report.unchanged++;
    else if (outcome.kind === 'problem') {
      report.problems.push({ path, message: outcome.message });
      if (stored.has(path)) failed.push(path);
    } else {
      batch.push({ path, hash: outcome.hash, extraction: outcome.extraction, bytes: outcome.bytes });
      batchSize += outcome.bytes;
      report.bytes += outcome.bytes;
      if (batch.length >= batchArticles || batchSize >= batchBytes) {
        await flush();
        pool = new StringPool();
      }
    }
    options.onProgress?.({ done: i + 1, total: files.length, written: report.written, bytes: report.bytes });
  }
  // Reads still in flight after a stop are left to finish on their own; nothing more is written.
  await Promise.allSettled(reads.values());
  if (!signal?.aborted) {
    await flush();
    // A file that was indexed and now fails to read or extract is not in the folder index either.
    await removeArticles(db, failed, report);
    report.complete = true;
  }
  return report;
}

type FileOutcome = { kind: 'unchanged' } | { kind: 'problem'; message: string } | { kind: 'extracted'; hash: string; extraction: ArticleExtraction; bytes: number };

async function readAndExtract(
  file: CorpusFile,
  fs: FileSystem,
  storedKey: string | undefined,
  fingerprint: string,
  config: CorpusConfig,
  options: IngestOptions,
  extractor: ArticleExtractor | undefined,
  pool: () => StringPool,
): Promise<FileOutcome> {
  let bytes: Uint8Array;
  let stat: { size: number; mtime: number };
  try {
    stat = await fs.stat(file.absPath);
    if (options.maxFileSizeBytes !== undefined && stat.size > options.maxFileSizeBytes) {
      return { kind: 'problem', message: `larger than the ${(options.maxFileSizeBytes / 1048576).toFixed(1)} MB limit: skipped` };
    }
    bytes = await fs.readFile(file.absPath);
  } catch (error) {
    return { kind: 'problem', message: `not readable: ${errorMessage(error)}` };
  }
  const hash = sha1(bytes);
  if (storedKey === `${hash} ${fingerprint}`) return { kind: 'unchanged' };
  if (extractor) {
    const result = await extractor.extract(file, stat, { config, maxFileSizeBytes: options.maxFileSizeBytes, signal: options.signal });
    if (!result.ok) return { kind: 'problem', message: result.reason };
    return { kind: 'extracted', hash, extraction: result.unpack(pool()), bytes: bytes.length };
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { kind: 'problem', message: decoded.reason };
  try {
    return { kind: 'extracted', hash, extraction: extractArticle(file.path, decoded.text, decoded.encoding, config), bytes: bytes.length };
  } catch (error) {
    return { kind: 'problem', message: `extraction failed: ${errorMessage(error)}` };
  }
}

/**
 * One transaction: the articles upserted, and the resolved mentions and quotes of those that were there
 * before dropped until the next resolution.
 */
async function writeBatch(db: pg.ClientBase, batch: readonly Pending[], fingerprint: string): Promise<void> {
  const articleRows = batch.map(({ path, hash, extraction }) => {
    const { article } = extraction;
    const { details, raw } = encodeExtraction(extraction);
    return [path, hash, fingerprint, article.title, article.outlet, article.date, details, article.text, raw];
  });
  await inTransaction(db, async () => {
    // A batch lost with a crashed server is ingested again by the rerun: the commit need not wait for the disk.
    await db.query('SET LOCAL synchronous_commit = off');
    // xmax is set on a row the upsert updated: only those can have mentions and quotes already.
    const rows = await insertRows<{ id: number; replaced: boolean }>(
      db,
      articleRows,
      9,
      (values) => `INSERT INTO articles (path, content_hash, fingerprint, title, outlet, date, details, text, raw_extraction)
       VALUES ${values}
       ON CONFLICT (path) DO UPDATE SET content_hash = excluded.content_hash, fingerprint = excluded.fingerprint, title = excluded.title,
         outlet = excluded.outlet, date = excluded.date, details = excluded.details, text = excluded.text,
         raw_extraction = excluded.raw_extraction, resolved_key = NULL
       RETURNING id, xmax <> 0 AS replaced`,
    );
    await deleteResolved(db, rows.filter((row) => row.replaced).map((row) => row.id));
  });
}

/** Removes articles (their mentions and quotes go with them) and tells the next resolution identities may have changed. */
async function removeArticles(db: pg.ClientBase, paths: readonly string[], report: IngestReport): Promise<void> {
  if (paths.length === 0) return;
  await inTransaction(db, async () => {
    const { rows } = await db.query<{ id: number }>('DELETE FROM articles WHERE path = ANY($1::text[]) RETURNING id', [paths]);
    await deleteResolved(db, rows.map((row) => row.id));
    await db.query("INSERT INTO archive_meta (key, value) VALUES ('removals', '1') ON CONFLICT (key) DO UPDATE SET value = (archive_meta.value::bigint + 1)::text");
    report.removed += rows.length;
  });
}
