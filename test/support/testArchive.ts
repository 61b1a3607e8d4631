// The archive the integration suite reads: a throwaway PostgreSQL cluster started by the test runner (before
// VS Code starts, stopped after it), with corpus/ indexed into it by the CLI. The suite finds the connection
// in CORPUS_NAV_TEST_ARCHIVE (JSON: host, port, database, user).
import { spawnSync } from 'child_process';
import * as path from 'path';
import { startPgCluster } from './pgCluster';

export const TEST_ARCHIVE_ENV = 'CORPUS_NAV_TEST_ARCHIVE';
/** Why no cluster could be started (the archive tests fail with it). */
export const TEST_ARCHIVE_UNAVAILABLE_ENV = 'CORPUS_NAV_TEST_ARCHIVE_UNAVAILABLE';

export interface TestArchive {
  host: string;
  port: number;
  database: string;
  user: string;
}

/** Starts the cluster and indexes `corpusDir` with the built CLI; `stop` removes it again. */
export async function startTestArchive(repoRoot: string, corpusDir: string): Promise<{ archive: TestArchive; stop: () => Promise<void> }> {
  const cluster = await startPgCluster({ database: 'archive' });
  try {
    const cli = path.join(repoRoot, 'dist', 'cli.js');
    const indexed = spawnSync(process.execPath, [cli, 'index', corpusDir, '--db', cluster.url, '--workers', '0'], { encoding: 'utf8' });
    if (indexed.status !== 0) throw new Error(`corpus-navigator index failed (${indexed.status}): ${indexed.stderr || indexed.stdout}`);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return { archive: { host: '127.0.0.1', port: cluster.port, database: 'archive', user: 'postgres' }, stop: () => cluster.stop() };
}
