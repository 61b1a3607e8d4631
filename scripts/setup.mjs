// Installs what `npm start` and `npm test` need on a fresh clone, saying what it does, and does nothing when
// it is all there: the npm dependencies (`npm ci` when node_modules does not match package-lock.json) and,
// with --code-server, the Debian packages and code-server (VS Code 1.100.3) that the editor tests drive.
// Node built-ins only: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function log(message) {
  process.stderr.write(`[setup] ${message}\n`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Why node_modules does not match package-lock.json, or null when it does. */
export function dependencyMismatch(root = repoRoot) {
  const wanted = readJson(path.join(root, 'package-lock.json'))?.packages;
  if (!wanted) return 'package-lock.json missing or unreadable';
  // npm writes this hidden lockfile after every install: what node_modules holds.
  const installed = readJson(path.join(root, 'node_modules', '.package-lock.json'))?.packages;
  if (!installed) return 'node_modules missing (nothing has run npm ci yet)';
  for (const [location, entry] of Object.entries(wanted)) {
    if (location === '' || entry.optional || entry.peer) continue;
    const have = installed[location];
    if (!have) return `${location.replace(/^node_modules\//, '')} not installed`;
    if (have.version !== entry.version) return `${location.replace(/^node_modules\//, '')} is ${have.version}, package-lock.json wants ${entry.version}`;
  }
  return null;
}

function ensureNpmDependencies() {
  const mismatch = dependencyMismatch();
  if (mismatch === null) return;
  log(`${mismatch}: running npm ci (about a minute)`);
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    log(`npm ci failed (${result.status ?? result.error?.message}); run it yourself to see why`);
    process.exit(1);
  }
}

/** The archive's tests start a throwaway PostgreSQL cluster: Debian's server package when initdb is missing. */
function ensurePostgres() {
  const root = '/usr/lib/postgresql';
  const installed = fs.existsSync(root) && fs.readdirSync(root).some((version) => fs.existsSync(path.join(root, version, 'bin', 'initdb')));
  if (installed) return;
  log('PostgreSQL server missing: installing the Debian package postgresql');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'postgresql']]) {
    const result = spawnSync('apt-get', args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.status !== 0) throw new Error(`apt-get ${args[0]} failed (${result.status ?? result.error?.message})`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureNpmDependencies();
  if (process.argv.includes('--code-server')) {
    const { ensureCodeServer, ensureDebianPackages } = await import('./code-server.mjs');
    try {
      // Checked every time (cheap): code-server may be there while the browser the tests drive is not.
      ensureDebianPackages();
      ensureCodeServer();
    } catch (error) {
      log(`code-server could not be installed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
    try {
      ensurePostgres();
    } catch (error) {
      log(`PostgreSQL could not be installed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  }
}
