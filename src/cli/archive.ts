// The archive commands of the CLI (any command given --db URL): index a folder into a PostgreSQL archive,
// export it, search its quotes, resolve identities again.
import { promises as fsp } from 'fs';
import * as nodePath from 'path';
import type pg from 'pg';
import { connect, connectPool, describeUrl } from '../archive/db';
import { claimLastIndexer, ingestFolder, parseShard, releaseLastIndexer, type Shard } from '../archive/ingest';
import { searchArchiveQuotes } from '../archive/quoteQueries';
import { resolveArchive } from '../archive/resolve';
import { loadArchiveSnapshot } from '../archive/snapshot';
import { errorMessage } from '../core/extract/loader';
import { NodeFileSystem } from '../core/extract/nodeFileSystem';
import { defaultWorkerCount, WorkerExtractor } from '../core/index/workers/workerExtractor';
import { toExport } from '../core/query/export';
import type { CliIO } from './main';

export const ARCHIVE_USAGE = `Archive commands (a shared PostgreSQL archive; URL is postgres://user@host:port/database, the password
from PGPASSWORD or ~/.pgpass):
  index <folder> --db URL [--shard K/N]   Index the folder into the archive: only new and changed files are
                                          extracted, deleted ones removed; Ctrl+C keeps what is committed and a
                                          rerun resumes. --shard K/N takes the K-th of N disjoint parts of the
                                          paths, so N indexers can run at once. --batch N:
                                          articles per transaction (default 200).
  export --db URL [--out FILE]            Print the archive as JSON, the same as exporting the folder
  search --db URL "query" [--limit N]     Print the quotes that best match the query, one per line (--json: JSON)
  resolve --db URL                        Resolve entity identity again over the whole archive (index does it)
`;

interface ArchiveArgs {
  command: string;
  folder: string | null;
  url: string;
  shard: Shard | undefined;
  workers: number;
  out: string | null;
  limit: number;
  json: boolean;
  query: string | null;
  maxFileSizeBytes: number | undefined;
  batch: number | undefined;
}

class UsageError extends Error {}

function parseArchiveArgs(argv: readonly string[]): ArchiveArgs {
  const positional: string[] = [];
  const args: Omit<ArchiveArgs, 'command' | 'folder' | 'query' | 'url'> & { url: string | null } = {
    url: null,
    shard: undefined,
    workers: defaultWorkerCount(),
    out: null,
    limit: 20,
    json: false,
    maxFileSizeBytes: undefined,
    batch: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    const number = (text: string) => {
      const parsed = Number(text);
      if (!Number.isFinite(parsed) || parsed < 0) throw new UsageError(`${arg} needs a number, got "${text}"`);
      return parsed;
    };
    if (arg === '--db') args.url = value();
    else if (arg.startsWith('--db=')) args.url = arg.slice(5);
    else if (arg === '--shard') args.shard = parseShard(value());
    else if (arg === '--workers') args.workers = Math.floor(number(value()));
    else if (arg === '--out' || arg === '-o') args.out = value();
    else if (arg === '--limit') args.limit = Math.max(1, Math.floor(number(value())));
    else if (arg === '--max-file-size') args.maxFileSizeBytes = number(value()) * 1024 * 1024;
    else if (arg === '--batch') args.batch = Math.max(1, Math.floor(number(value())));
    else if (arg === '--json') args.json = true;
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (!args.url) throw new UsageError('--db needs a URL');
  const [command, second, ...rest] = positional;
  if (rest.length > 0) throw new UsageError(`unexpected argument ${rest[0]}`);
  if (command === 'index' && !second) throw new UsageError('index needs a folder');
  if (command === 'search' && !second) throw new UsageError('search needs a query');
  if ((command === 'export' || command === 'resolve') && second) throw new UsageError(`unexpected argument ${second}`);
  return {
    ...args,
    url: args.url,
    command: command ?? '',
    folder: command === 'index' ? second : null,
    query: command === 'search' ? second : null,
  };
}

/** Runs an archive command; the exit status as `main` returns it. */
export async function archiveMain(argv: readonly string[], io: CliIO): Promise<number> {
  let args: ArchiveArgs;
  try {
    args = parseArchiveArgs(argv);
    if (!['index', 'export', 'search', 'resolve'].includes(args.command)) throw new UsageError(`unknown archive command "${args.command}"`);
  } catch (error) {
    io.stderr(`corpus-navigator: ${errorMessage(error)}\n${ARCHIVE_USAGE}`);
    return 2;
  }
  let client: pg.Client;
  try {
    client = await connect(args.url, { applicationName: `corpus-navigator ${args.command}`, parallel: args.command === 'index' || args.command === 'resolve' });
  } catch (error) {
    io.stderr(`corpus-navigator: cannot connect to ${describeUrl(args.url)}: ${errorMessage(error)}\n`);
    return 1;
  }
  try {
    if (args.command === 'index') return await runIndex(client, args, io);
    if (args.command === 'resolve') {
      const report = await resolveArchive(client, { force: true });
      io.stderr(`corpus-navigator: resolved ${report.articles} articles (${report.rewritten} rewritten, ${report.entities} entities) in ${report.ms} ms\n`);
      return 0;
    }
    if (args.command === 'export') {
      const json = `${JSON.stringify(toExport(await loadArchiveSnapshot(client)), null, 2)}\n`;
      if (args.out === null) io.stdout(json);
      else await fsp.writeFile(args.out, json, 'utf8');
      return 0;
    }
    const pool = connectPool(args.url, { max: 1 });
    try {
      const hits = await searchArchiveQuotes(pool, args.query!, { limit: args.limit });
      if (args.json) io.stdout(`${JSON.stringify(hits, null, 2)}\n`);
      else for (const hit of hits) io.stdout(`${hit.path}:${hit.start}\t${hit.sourceName ?? '-'}\t${hit.text}\n`);
    } finally {
      await pool.end();
    }
    return 0;
  } catch (error) {
    io.stderr(`corpus-navigator: ${errorMessage(error)}\n`);
    return 1;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function runIndex(client: pg.Client, args: ArchiveArgs, io: CliIO): Promise<number> {
  const root = nodePath.resolve(args.folder!);
  const controller = new AbortController();
  // The first Ctrl+C finishes the batch being written and stops; the second stops at once (the open
  // transaction is rolled back by the server, the committed batches stay).
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    io.stderr('corpus-navigator: stopping after the current batch (Ctrl+C again to stop now)\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  const extractor = args.workers > 0 ? new WorkerExtractor({ workers: args.workers }) : undefined;
  const started = Date.now();
  try {
    const report = await ingestFolder(client, root, new NodeFileSystem(), {
      shard: args.shard,
      extractor,
      signal: controller.signal,
      maxFileSizeBytes: args.maxFileSizeBytes,
      batchArticles: args.batch,
    });
    for (const problem of report.problems) io.stderr(`corpus-navigator: ${problem.path}: ${problem.message}\n`);
    const seconds = (Date.now() - started) / 1000;
    io.stderr(
      `corpus-navigator: ${report.files} files${args.shard ? ` in shard ${args.shard.index + 1}/${args.shard.count}` : ''}: ${report.written} written (${(report.bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s), ${report.unchanged} unchanged, ${report.removed} removed\n`,
    );
    if (!report.complete) {
      io.stderr('corpus-navigator: stopped; run the same command again to resume\n');
      return 130;
    }
    if (!(await claimLastIndexer(client))) {
      io.stderr('corpus-navigator: another indexer is still running: it resolves identities when it finishes\n');
      return 0;
    }
    let resolved;
    try {
      resolved = await resolveArchive(client);
    } finally {
      await releaseLastIndexer(client);
    }
    if (resolved.ran) io.stderr(`corpus-navigator: identities resolved over ${resolved.articles} articles (${resolved.rewritten} rewritten, ${resolved.entities} entities) in ${(resolved.ms / 1000).toFixed(1)} s\n`);
    return 0;
  } finally {
    process.off('SIGINT', onSigint);
    await extractor?.close();
  }
}
