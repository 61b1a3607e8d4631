// `npm start -- --archive` runs this beside VS Code: a throwaway PostgreSQL cluster in a temporary folder with
// corpus/ indexed into it by the CLI. It prints the connection as one JSON line on stdout, then keeps the
// cluster until its stdin closes or it gets SIGINT/SIGTERM, and deletes it.
import { spawnSync } from 'child_process';
import * as path from 'path';
import { startPgCluster } from '../test/support/pgCluster';

const repoRoot = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  const cluster = await startPgCluster({ database: 'archive' });
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= cluster.stop().then(() => process.exit(0)));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
  process.stderr.write(`[archive] PostgreSQL on 127.0.0.1:${cluster.port} (${cluster.dataDir}); indexing corpus/\n`);
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  const indexed = spawnSync(process.execPath, [cli, 'index', path.join(repoRoot, 'corpus'), '--db', cluster.url], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (indexed.status !== 0) {
    process.stderr.write(`[archive] indexing failed (${indexed.status})\n`);
    await cluster.stop();
    process.exit(1);
  }
  process.stdout.write(`${JSON.stringify({ host: '127.0.0.1', port: cluster.port, database: 'archive', user: 'postgres' })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[archive] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
