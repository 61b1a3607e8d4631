// A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temporary folder, a free port, started,
// a database created, stopped and deleted afterwards. PostgreSQL refuses to run as root, so as root the
// cluster belongs to the `postgres` user (or `nobody`) and its programs run through runuser.
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, chownSync, chmodSync } from 'fs';
import { createServer } from 'net';
import { tmpdir, userInfo } from 'os';
import * as nodePath from 'path';
import pg from 'pg';

export interface PgCluster {
  /** postgres://… of the database created for the caller. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Another empty database on the same cluster. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server and deletes its folder. */
  stop(): Promise<void>;
  /** Stops the server but keeps its data: a server gone down, for the tests of what clients do then. */
  pause(): Promise<void>;
  /** Starts a paused server again, on the same port. */
  resume(): Promise<void>;
}

export interface PgClusterOptions {
  database?: string;
  /** Keep fsync on (benchmarks); tests turn it off, a crash of the machine is not what they test. */
  durable?: boolean;
  /** Extra `-c name=value` settings. */
  settings?: Record<string, string | number>;
}

/** The folder holding initdb and pg_ctl: $PG_BIN, pg_config's, or the newest Debian install. */
export function postgresBinDir(): string | null {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && existsSync(nodePath.join(fromEnv, 'initdb'))) return fromEnv;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => existsSync(nodePath.join(debian, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return nodePath.join(debian, versions[0], 'bin');
  }
  const which = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const dir = which.status === 0 ? which.stdout.trim() : '';
  return dir && existsSync(nodePath.join(dir, 'initdb')) ? dir : null;
}

/** Why no cluster can be started here, or null when one can. */
export function postgresUnavailable(): string | null {
  if (!postgresBinDir()) return 'PostgreSQL server binaries (initdb, pg_ctl) not found: install the Debian package postgresql, or set PG_BIN';
  if (process.getuid?.() === 0 && !runAsUser()) return 'running as root and neither a postgres nor a nobody user exists to own the test cluster';
  return null;
}

function runAsUser(): string | null {
  for (const name of ['postgres', 'nobody']) {
    if (spawnSync('id', ['-u', name]).status === 0) return name;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const unavailable = postgresUnavailable();
  if (unavailable) throw new Error(unavailable);
  const bin = postgresBinDir()!;
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? runAsUser()! : userInfo().username;
  const dataDir = mkdtempSync(nodePath.join(tmpdir(), 'corpus-nav-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', owner], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', owner], { encoding: 'utf8' }).trim());
    chownSync(dataDir, uid, gid);
  }
  chmodSync(dataDir, 0o700);
  const run = (program: string, args: string[]) => {
    const command = asRoot ? ['runuser', '-u', owner, '--', nodePath.join(bin, program), ...args] : [nodePath.join(bin, program), ...args];
    const result = spawnSync(command[0], command.slice(1), { encoding: 'utf8', cwd: tmpdir() });
    if (result.status !== 0) throw new Error(`${program} failed (${result.status ?? result.error?.message}): ${result.stderr || result.stdout}`);
  };
  const pgData = nodePath.join(dataDir, 'data');
  const logFile = nodePath.join(dataDir, 'server.log');
  const port = await freePort();
  let serverOptions = '';
  try {
    run('initdb', ['-D', pgData, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    const settings: Record<string, string | number> = {
      port,
      listen_addresses: '127.0.0.1',
      unix_socket_directories: dataDir,
      ...(options.durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
      ...options.settings,
    };
    serverOptions = Object.entries(settings)
      .map(([name, value]) => `-c ${name}=${value}`)
      .join(' ');
    run('pg_ctl', ['-D', pgData, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start']);
  } catch (error) {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`${error instanceof Error ? error.message : String(error)}${log ? `\nserver log:\n${log}` : ''}`, { cause: error });
  }
  const urlOf = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const createDatabase = async (name: string): Promise<string> => {
    const client = new pg.Client({ connectionString: urlOf('postgres') });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
    } finally {
      await client.end();
    }
    return urlOf(name);
  };
  const url = await createDatabase(options.database ?? 'corpus');
  let stopped = false;
  let running = true;
  return {
    url,
    port,
    dataDir,
    createDatabase,
    async pause() {
      if (!running) return;
      run('pg_ctl', ['-D', pgData, '-m', 'fast', '-w', 'stop']);
      running = false;
    },
    async resume() {
      if (running) return;
      run('pg_ctl', ['-D', pgData, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start']);
      running = true;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        if (running) run('pg_ctl', ['-D', pgData, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
