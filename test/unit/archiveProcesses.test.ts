// Indexer processes against a throwaway PostgreSQL cluster: killed mid-run and run again, stopped with
// Ctrl+C, and two at once on disjoint shards. Each ends with the export equal to the folder's.
import * as assert from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { connect } from '../../src/archive/db';
import { needsResolution } from '../../src/archive/resolve';
import { main } from '../../src/cli/main';
import { generateCorpus, writeCorpus } from '../support/corpusGenerator';
import { startPgCluster, type PgCluster } from '../support/pgCluster';

const projectRoot = path.join(__dirname, '..', '..');
const BATCH = 10;
const ARTICLES = 120;

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function startIndexer(args: string[]): { child: ChildProcess; done: Promise<Finished> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src/cli/cli.ts'), ...args], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<Finished>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
  return { child, done };
}

async function cliOutput(...argv: string[]): Promise<string> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  assert.strictEqual(code, 0, stderr);
  return stdout;
}

async function articleCount(url: string): Promise<number> {
  const client = await connect(url);
  try {
    const exists = (await client.query<{ exists: boolean }>("SELECT to_regclass('articles') IS NOT NULL AS exists")).rows[0].exists;
    return exists ? (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM articles')).rows[0].n : 0;
  } finally {
    await client.end();
  }
}

async function waitForArticles(url: string, atLeast: number, finished: Promise<Finished>): Promise<void> {
  let ended = false;
  void finished.then(() => (ended = true));
  for (;;) {
    if ((await articleCount(url)) >= atLeast) return;
    if (ended) throw new Error('the indexer ended before it was interrupted');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('archive indexer processes (PostgreSQL)', function () {
  this.timeout(240_000);
  let cluster: PgCluster;
  let dir: string;
  let folderExport: string;
  let databases = 0;
  const freshDatabase = () => cluster.createDatabase(`indexer_${++databases}`);

  before(async () => {
    cluster = await startPgCluster();
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'cn-archive-proc-'));
    writeCorpus(generateCorpus(ARTICLES, 7), dir);
    folderExport = await cliOutput('export', dir, '--workers', '0');
  });
  after(async () => {
    await cluster?.stop();
    if (dir) await fsp.rm(dir, { recursive: true, force: true });
  });

  it('an indexer killed mid-run leaves whole batches; a rerun resumes and gives the same archive', async () => {
    const url = await freshDatabase();
    const { child, done } = startIndexer(['index', dir, '--db', url, '--workers', '0', '--batch', String(BATCH)]);
    await waitForArticles(url, 2 * BATCH, done);
    child.kill('SIGKILL');
    const killed = await done;
    assert.strictEqual(killed.signal, 'SIGKILL');
    const committed = await articleCount(url);
    assert.ok(committed >= 2 * BATCH && committed < ARTICLES, `${committed} articles committed`);
    assert.strictEqual(committed % BATCH, 0, 'only whole batches are committed');
    const client = await connect(url);
    try {
      assert.strictEqual(await needsResolution(client), true, 'the killed run did not resolve identities');
    } finally {
      await client.end();
    }

    const rerun = startIndexer(['index', dir, '--db', url, '--workers', '0', '--batch', String(BATCH)]);
    const finished = await rerun.done;
    assert.strictEqual(finished.code, 0, finished.stderr);
    assert.match(finished.stderr, new RegExp(`${ARTICLES - committed} written .*, ${committed} unchanged`));
    assert.strictEqual(await cliOutput('export', '--db', url), folderExport);
  });

  it('Ctrl+C stops after the batch being written, with exit status 130; a rerun finishes', async () => {
    const url = await freshDatabase();
    const { child, done } = startIndexer(['index', dir, '--db', url, '--workers', '0', '--batch', String(BATCH)]);
    await waitForArticles(url, BATCH, done);
    child.kill('SIGINT');
    const stopped = await done;
    assert.strictEqual(stopped.code, 130, stopped.stderr);
    assert.match(stopped.stderr, /stopped; run the same command again to resume/);
    const committed = await articleCount(url);
    assert.ok(committed < ARTICLES, `${committed} articles committed`);
    assert.strictEqual(committed % BATCH, 0);
    const rerun = await startIndexer(['index', dir, '--db', url, '--workers', '0']).done;
    assert.strictEqual(rerun.code, 0, rerun.stderr);
    assert.strictEqual(await cliOutput('export', '--db', url), folderExport);
  });

  it('two indexers at once on disjoint shards (with worker threads) build the archive of the whole folder', async () => {
    const url = await freshDatabase();
    const [first, second] = await Promise.all([
      startIndexer(['index', dir, '--db', url, '--workers', '1', '--shard', '1/2']).done,
      startIndexer(['index', dir, '--db', url, '--workers', '1', '--shard', '2/2']).done,
    ]);
    assert.strictEqual(first.code, 0, first.stderr);
    assert.strictEqual(second.code, 0, second.stderr);
    const written = [first, second].map((run) => Number(/(\d+) written/.exec(run.stderr)?.[1]));
    assert.ok(
      written.every((count) => count > ARTICLES / 4),
      `each shard took a share: ${written.join(', ')}`,
    );
    assert.strictEqual(written[0] + written[1], ARTICLES);
    assert.strictEqual(await cliOutput('export', '--db', url), folderExport);
  });
});
