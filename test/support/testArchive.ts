// The archive the integration suite reads: a throwaway PostgreSQL cluster started by the test runner (before
// VS Code starts, stopped after it), with corpus/ indexed into it by the CLI. The suite finds the connection
// in CORPUS_NAV_TEST_ARCHIVE (JSON: host, port, database, user, and a read-only role with a password).
// The cluster lets its owner (postgres, the indexer) in without a password and asks every other role for one
// (scram-sha-256), as a shared server would.
import { spawnSync } from 'child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import pg from 'pg';
import { startPgCluster, type PgCluster } from './pgCluster';

export const TEST_ARCHIVE_ENV = 'CORPUS_NAV_TEST_ARCHIVE';
/** Why no cluster could be started (the archive tests fail with it). */
export const TEST_ARCHIVE_UNAVAILABLE_ENV = 'CORPUS_NAV_TEST_ARCHIVE_UNAVAILABLE';

export interface TestArchive {
  host: string;
  port: number;
  database: string;
  user: string;
  /** A role that may only read the archive, and must give this password. */
  reader: { user: string; password: string };
}

const READER = { user: 'reader', password: 'reader-secret' };

/** A cluster that asks a password of every role but postgres; `stop` also removes the hba file. */
export async function startPasswordCluster(database: string): Promise<PgCluster> {
  const hbaDir = mkdtempSync(path.join(os.tmpdir(), 'cn-hba-'));
  chmodSync(hbaDir, 0o755);
  const hba = path.join(hbaDir, 'pg_hba.conf');
  writeFileSync(hba, ['local all all trust', 'host all postgres 127.0.0.1/32 trust', 'host all all 127.0.0.1/32 scram-sha-256', ''].join('\n'));
  chmodSync(hba, 0o644);
  try {
    const cluster = await startPgCluster({ database, settings: { hba_file: hba, password_encryption: 'scram-sha-256' } });
    return { ...cluster, stop: () => cluster.stop().finally(() => rmSync(hbaDir, { recursive: true, force: true })) };
  } catch (error) {
    rmSync(hbaDir, { recursive: true, force: true });
    throw error;
  }
}

/** Adds the read-only role (SELECT on the archive's tables, nothing else) to an indexed archive. */
export async function addReader(url: string): Promise<{ user: string; password: string }> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE ROLE ${READER.user} LOGIN PASSWORD '${READER.password}'`);
    await admin.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${READER.user}`);
  } finally {
    await admin.end();
  }
  return READER;
}

/** Starts the cluster and indexes `corpusDir` with the built CLI; `stop` removes it again. */
export async function startTestArchive(repoRoot: string, corpusDir: string): Promise<{ archive: TestArchive; cluster: PgCluster; stop: () => Promise<void> }> {
  const cluster = await startPasswordCluster('archive');
  try {
    const cli = path.join(repoRoot, 'dist', 'cli.js');
    const indexed = spawnSync(process.execPath, [cli, 'index', corpusDir, '--db', cluster.url, '--workers', '0'], { encoding: 'utf8' });
    if (indexed.status !== 0) throw new Error(`corpus-navigator index failed (${indexed.status}): ${indexed.stderr || indexed.stdout}`);
    const reader = await addReader(cluster.url);
    return { archive: { host: '127.0.0.1', port: cluster.port, database: 'archive', user: 'postgres', reader }, cluster, stop: () => cluster.stop() };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}
