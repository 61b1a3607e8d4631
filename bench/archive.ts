// `npm run bench:archive` (not in CI): the PostgreSQL archive at scale. Generates N articles (the seeded
// generator of the other benchmarks, written one by one), starts a throwaway cluster (fsync on), indexes the
// folder with two indexer processes on shards 1/2 and 2/2 at once, then times the editor's queries with 1 and
// 8 concurrent clients: hover, references (first page of 1,000), quote search, a tree page (by outlet and by
// entity). Prints a table and writes bench/archive-results.json.
//
// Environment: BENCH_ARCHIVE_ARTICLES (default 100000), BENCH_ARCHIVE_DIR (where the corpus is written, default
// a folder in the system's temp folder, reused by later runs), BENCH_ARCHIVE_QUERIES (per kind and client
// count, default 200), BENCH_ARCHIVE_KEEP=1 (leave the cluster running and print its URL), BENCH_ARCHIVE_URL
// (only time the queries against that archive), BENCH_ARCHIVE_ONLY=hover,quoteSearch,… (those kinds only).
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type pg from 'pg';
import { connectPool } from '../src/archive/db';
import { articlePage, hoverCard, references } from '../src/archive/queries';
import { searchArchiveQuotes } from '../src/archive/quoteQueries';
import { createRandom, generateArticle, generateCorpus, type Random } from '../test/support/corpusGenerator';
import { startPgCluster } from '../test/support/pgCluster';
import { percentile } from './measure';

const ARTICLES = Number(process.env.BENCH_ARCHIVE_ARTICLES ?? 100_000);
const QUERIES = Number(process.env.BENCH_ARCHIVE_QUERIES ?? 200);
const SEED = 20170331;
const projectRoot = path.join(__dirname, '..');

/** Writes the corpus article by article (a 100,000-article corpus does not fit in memory as one array). */
function ensureCorpus(count: number): { dir: string; bytes: number } {
  const dir = process.env.BENCH_ARCHIVE_DIR ?? path.join(os.tmpdir(), 'corpus-navigator-bench', `archive-${count}`);
  const stamp = path.join(dir, '.generated');
  const expected = `${count} articles, seed ${SEED}`;
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').startsWith(expected)) {
    return { dir, bytes: Number(fs.readFileSync(stamp, 'utf8').split('\n')[1]) };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  // The generator's people, then articles drawn one at a time from a generator of the same seed.
  const { people } = generateCorpus(0, SEED);
  const random = createRandom(SEED + 1);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const article = generateArticle(random, people, i);
    const file = path.join(dir, article.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, article.text);
    bytes += Buffer.byteLength(article.text);
    if ((i + 1) % 10_000 === 0) console.error(`[bench:archive] generated ${i + 1} articles`);
  }
  fs.writeFileSync(stamp, `${expected}\n${bytes}`);
  return { dir, bytes };
}

interface IndexerRun {
  code: number | null;
  stderr: string;
  ms: number;
}

function runIndexer(dir: string, url: string, shard: string): Promise<IndexerRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    // /usr/bin/time reports the indexer's peak memory (the resolution holds every article's mention forms).
    const command = [process.execPath, '--max-old-space-size=8192', path.join(projectRoot, 'dist/cli.js'), 'index', dir, '--db', url, '--shard', shard, '--workers', '1'];
    const timed = fs.existsSync('/usr/bin/time');
    const child = spawn(timed ? '/usr/bin/time' : command[0], timed ? ['-f', 'peak RSS %M KB', ...command] : command.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      process.stderr.write(`[${shard}] ${chunk}`);
    });
    child.on('exit', (code) => resolve({ code, stderr, ms: Date.now() - started }));
  });
}

interface Samples {
  hovers: { path: string; offset: number }[];
  entities: string[];
  quoteQueries: string[];
  outlets: (string | null)[];
}

/** Query inputs drawn from the archive itself: mentions to hover, entities, words of real quotes with a typo now and then. */
async function drawSamples(db: pg.Pool, random: Random, count: number): Promise<Samples> {
  const hovers = (
    await db.query<{ path: string; start: number; end: number }>(
      `SELECT a.path, m.start, m."end" AS end FROM mentions m TABLESAMPLE SYSTEM (1) JOIN articles a ON a.id = m.article_id LIMIT $1`,
      [count],
    )
  ).rows.map((row) => ({ path: row.path, offset: row.start + Math.floor((row.end - row.start) / 2) }));
  const entities = (await db.query<{ entity_id: string }>('SELECT entity_id FROM mentions TABLESAMPLE SYSTEM (1) LIMIT $1', [count])).rows.map((row) => row.entity_id);
  const quotes = (await db.query<{ text: string }>('SELECT text FROM quotes TABLESAMPLE SYSTEM (1) LIMIT $1', [count])).rows;
  const quoteQueries = quotes.map(({ text }) => {
    const words = text.split(/\s+/).filter((word) => word.length > 2);
    const from = Math.floor(random.next() * Math.max(1, words.length - 3));
    let query = words.slice(from, from + 2 + Math.floor(random.next() * 3)).join(' ');
    if (random.next() < 0.3 && query.length > 6) {
      const at = 1 + Math.floor(random.next() * (query.length - 2));
      query = query.slice(0, at) + query.slice(at + 1);
    }
    return query;
  });
  const outlets = (await db.query<{ outlet: string | null }>('SELECT DISTINCT outlet FROM articles')).rows.map((row) => row.outlet);
  return { hovers, entities, quoteQueries, outlets };
}

/** Runs `count` queries from `clients` concurrent clients; the latency of each, in ms. */
async function timeQueries(clients: number, count: number, query: (i: number) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) {
        const i = next++;
        const started = performance.now();
        await query(i);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies;
}

/** Size, counts and query latencies of the archive at `url`. */
async function measureArchive(url: string, mb: number): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  const pool = connectPool(url, { max: 8 });
  try {
    await pool.query('ANALYZE');
    const size = await pool.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
    const tables = await pool.query<{ name: string; bytes: string }>(
      `SELECT relname AS name, pg_total_relation_size(oid) AS bytes FROM pg_class
       WHERE relname IN ('articles', 'mentions', 'quotes', 'entities', 'entity_articles', 'quote_words') ORDER BY 2 DESC`,
    );
    const counts = await pool.query<{ articles: number; mentions: number; quotes: number; entities: number }>(
      'SELECT (SELECT count(*)::int FROM articles) AS articles, (SELECT count(*)::int FROM mentions) AS mentions, (SELECT count(*)::int FROM quotes) AS quotes, (SELECT count(*)::int FROM entities) AS entities',
    );
    results.database = {
      MB: Number(size.rows[0].bytes) / 1e6,
      MBPerTextMB: Number(size.rows[0].bytes) / 1e6 / mb,
      tablesMB: Object.fromEntries(tables.rows.map((row) => [row.name, Number(row.bytes) / 1e6])),
      ...counts.rows[0],
    };
    const samples = await drawSamples(pool, createRandom(7), QUERIES);
    const kinds: Record<string, (i: number) => Promise<unknown>> = {
      hover: (i) => hoverCard(pool, samples.hovers[i % samples.hovers.length].path, samples.hovers[i % samples.hovers.length].offset),
      references: (i) => references(pool, samples.entities[i % samples.entities.length]),
      quoteSearch: (i) => searchArchiveQuotes(pool, samples.quoteQueries[i % samples.quoteQueries.length], { limit: 50 }),
      treePageOutlet: (i) => articlePage(pool, { by: 'outlet', outlet: samples.outlets[i % samples.outlets.length] }, { limit: 100, offset: (i * 37) % 1000 }),
      treePageEntity: (i) => articlePage(pool, { by: 'entity', entityId: samples.entities[i % samples.entities.length] }, { limit: 100 }),
    };
    const only = process.env.BENCH_ARCHIVE_ONLY?.split(',');
    const latency: Record<string, Record<string, { p50: number; p95: number; max: number; load: number }>> = {};
    for (const [kind, query] of Object.entries(kinds)) {
      if (only && !only.includes(kind)) continue;
      await timeQueries(1, Math.min(20, QUERIES), query); // warm-up
      latency[kind] = {};
      for (const clients of [1, 8]) {
        const values = await timeQueries(clients, QUERIES, query);
        const load = os.loadavg()[0];
        latency[kind][`${clients} client${clients > 1 ? 's' : ''}`] = { p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values), load };
        console.error(`[bench:archive] ${kind}, ${clients} clients: p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms (load ${load.toFixed(1)})`);
      }
    }
    results.latencyMs = latency;
  } finally {
    await pool.end();
  }
  return results;
}

async function main(): Promise<void> {
  const { dir, bytes } = ensureCorpus(ARTICLES);
  const mb = bytes / 1e6;
  const results: Record<string, unknown> = { articles: ARTICLES, textMB: mb, cores: os.availableParallelism(), loadBefore: os.loadavg() };
  const existing = process.env.BENCH_ARCHIVE_URL;
  if (existing) {
    // Queries only, against an archive indexed before (BENCH_ARCHIVE_KEEP=1 leaves one running).
    Object.assign(results, await measureArchive(existing, mb));
  } else {
    console.error(`[bench:archive] ${ARTICLES} articles, ${mb.toFixed(0)} MB in ${dir}`);
    const cluster = await startPgCluster({ durable: true, settings: { shared_buffers: '256MB', max_wal_size: '4GB', max_connections: 40 } });
    try {
      const started = Date.now();
      const runs = await Promise.all([runIndexer(dir, cluster.url, '1/2'), runIndexer(dir, cluster.url, '2/2')]);
      const totalMs = Date.now() - started;
      if (runs.some((run) => run.code !== 0)) throw new Error(`an indexer failed:\n${runs.map((run) => run.stderr).join('\n')}`);
      const ingestSeconds = Math.max(...runs.map((run) => Number(/ in ([\d.]+) s\)/.exec(run.stderr)?.[1] ?? NaN)));
      results.ingest = {
        ingestSeconds,
        ingestMBps: mb / ingestSeconds,
        resolveSeconds: runs.map((run) => Number(/in ([\d.]+) s$/m.exec(run.stderr)?.[1] ?? 0)),
        peakRssMB: runs.map((run) => Number(/peak RSS (\d+) KB/.exec(run.stderr)?.[1] ?? NaN) / 1024),
        totalSeconds: totalMs / 1000,
        totalMBps: mb / (totalMs / 1000),
        loadAfter: os.loadavg(),
      };
      Object.assign(results, await measureArchive(cluster.url, mb));
    } finally {
      if (process.env.BENCH_ARCHIVE_KEEP) console.error(`[bench:archive] cluster left running: ${cluster.url} (${cluster.dataDir})`);
      else await cluster.stop();
    }
  }
  results.loadAfterQueries = os.loadavg();
  const out = path.join(__dirname, existing ? 'archive-results-queries.json' : 'archive-results.json');
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
