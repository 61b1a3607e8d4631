// Ensures code-server 4.100.3 (VS Code 1.100.3 served over HTTP) is installed under .vscode-test/code-server/.
// VS Code desktop cannot be downloaded here; code-server comes from npm (see ../shared/notes/real-vscode-offline.md).
// Usable as a module (ensureCodeServer) and as a script: `node scripts/code-server.mjs`.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const codeServerDir = path.join(repoRoot, '.vscode-test', 'code-server');
export const codeServerBin = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

const DEBIAN_PACKAGES = ['libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config', 'ripgrep', 'chromium'];
// @vscode/ripgrep's postinstall downloads rg from GitHub unless this exact tarball is already in its cache.
const RIPGREP_CACHE = path.join(os.tmpdir(), 'vscode-ripgrep-cache-1.15.11', 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');

function log(message) {
  process.stderr.write(`[code-server] ${message}\n`);
}

function run(command, args, options = {}) {
  log(`$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

function installedVersion() {
  try {
    const manifest = path.join(codeServerDir, 'node_modules', 'code-server', 'package.json');
    return JSON.parse(fs.readFileSync(manifest, 'utf8')).version;
  } catch {
    return undefined;
  }
}

// code-server's postinstall installs VS Code's own dependencies last (lib/vscode/extensions): their presence
// tells a finished install from one that was interrupted.
const postinstallMarker = path.join(codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'node_modules');

export function isCodeServerInstalled() {
  return installedVersion() === CODE_SERVER_VERSION && fs.existsSync(codeServerBin) && fs.existsSync(postinstallMarker);
}

export function missingDebianPackages() {
  return DEBIAN_PACKAGES.filter((pkg) => {
    const status = spawnSync('dpkg', ['-s', pkg], { stdio: 'ignore' });
    return status.status !== 0;
  });
}

export function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (missing.length === 0) {
    log('Debian packages present');
    return;
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', ...missing], { env });
}

function prepareRipgrepCache() {
  if (fs.existsSync(RIPGREP_CACHE)) return;
  const rg = '/usr/bin/rg';
  if (!fs.existsSync(rg)) throw new Error(`${rg} missing: install the Debian package ripgrep`);
  log(`putting Debian's rg into the ripgrep download cache (${RIPGREP_CACHE})`);
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-'));
  try {
    fs.copyFileSync(rg, path.join(staging, 'rg'));
    fs.chmodSync(path.join(staging, 'rg'), 0o755);
    fs.mkdirSync(path.dirname(RIPGREP_CACHE), { recursive: true });
    execFileSync('tar', ['-czf', RIPGREP_CACHE, '-C', staging, 'rg']);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Installs code-server when missing and returns the path of its entry script (run it with node). */
export function ensureCodeServer() {
  if (isCodeServerInstalled()) {
    log(`code-server ${CODE_SERVER_VERSION} found in ${path.relative(repoRoot, codeServerDir)}/`);
    return codeServerBin;
  }
  const started = Date.now();
  log(`code-server ${CODE_SERVER_VERSION} missing: installing into ${codeServerDir} (1-4 minutes, about 300 MB)`);
  ensureDebianPackages();
  prepareRipgrepCache();
  // npm does not rerun the postinstall of a package already present: start an interrupted install afresh.
  fs.rmSync(path.join(codeServerDir, 'node_modules'), { recursive: true, force: true });
  fs.mkdirSync(codeServerDir, { recursive: true });
  // An own package.json keeps npm from walking up into the repository's manifest; allowScripts approves the
  // install scripts code-server needs (its postinstall installs and builds VS Code's native modules).
  const manifest = {
    name: 'code-server-host',
    private: true,
    description: 'Holds code-server for the integration tests and npm start',
    allowScripts: { 'code-server': true, argon2: true },
  };
  fs.writeFileSync(path.join(codeServerDir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  // npm_config_yes: node-pty's postinstall runs `npx node-gyp`; --unsafe-perm: code-server's postinstall refuses root without it.
  run('npm', ['install', '--unsafe-perm', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: codeServerDir,
    env: { ...process.env, npm_config_yes: 'true' },
  });
  if (!isCodeServerInstalled()) throw new Error(`code-server install finished but ${codeServerBin} is missing`);
  log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return codeServerBin;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureCodeServer();
  } catch (error) {
    log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
