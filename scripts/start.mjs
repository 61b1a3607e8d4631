// `npm start`: opens corpus/ in VS Code with the extension loaded from this checkout.
// `npm start -- --archive`: also starts a throwaway PostgreSQL cluster with corpus/ indexed into it
// (scripts/startArchive.ts) and opens an empty folder connected to that archive, so every article comes
// from the database; the cluster is deleted on Ctrl+C.
// Desktop VS Code when a `code` CLI is on PATH; otherwise code-server 4.100.3 (VS Code 1.100.3) on 127.0.0.1,
// printing the URL to open. Runs until Ctrl+C. PORT picks the port (default 8080).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ensureCodeServer, repoRoot } from './code-server.mjs';

const corpusFolder = path.join(repoRoot, 'corpus');
const withArchive = process.argv.includes('--archive');
/** The archive entry `npm start -- --archive` writes into code-server's user settings. */
const ARCHIVE_NAME = 'npm start';

function log(message) {
  process.stderr.write(`[start] ${message}\n`);
}

function build() {
  log('building the extension (node esbuild.js)');
  const result = spawnSync(process.execPath, ['esbuild.js'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function hasDesktopCode() {
  // code-server's integrated terminal puts its own `code` on PATH; that one cannot take --extensionDevelopmentPath.
  if (process.env.VSCODE_IPC_HOOK_CLI || process.env.CORPUS_NAV_VSCODE === 'code-server') return false;
  return spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
}

function healthy(port) {
  return new Promise((resolve) => {
    const request = http.get(`http://127.0.0.1:${port}/healthz`, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(2000, () => request.destroy());
  });
}

/** Starts scripts/startArchive.ts and resolves with the connection it prints; it lives as long as we do. */
function startArchive() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', 'startArchive.ts')], {
      cwd: repoRoot,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n')[0];
      if (output.includes('\n')) resolve({ child, connection: JSON.parse(line) });
    });
    child.on('exit', (code) => reject(new Error(`the archive's cluster did not start (exit ${code})`)));
  });
}

/** Writes (or with `connection` undefined, removes) the archive entry in a settings.json. */
function writeArchiveSetting(settingsFile, connection) {
  let settings;
  try {
    settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
  } catch {
    // Comments or a typo: the user's file is not rewritten.
    if (connection) log(`could not read ${settingsFile}: add the archive to corpusNavigator.archives yourself: ${JSON.stringify(connection)}`);
    return;
  }
  const others = (settings['corpusNavigator.archives'] ?? []).filter((a) => a?.name !== ARCHIVE_NAME);
  const archives = connection ? [...others, { name: ARCHIVE_NAME, ...connection, connectOnStartup: true }] : others;
  if (!connection && others.length === (settings['corpusNavigator.archives'] ?? []).length) return;
  settings['corpusNavigator.archives'] = archives;
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2) + '\n');
}

async function serveCodeServer(archive) {
  const entry = ensureCodeServer();
  const port = Number(process.env.PORT ?? 8080);
  // Kept between runs (settings, opened editors) and git-ignored, apart from any VS Code the user has.
  const stateDir = path.join(repoRoot, '.vscode-test', 'start');
  const settingsFile = path.join(stateDir, 'user-data', 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    // Open straight onto the corpus rather than VS Code's welcome walkthrough; the user may edit this file.
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify({ 'workbench.startupEditor': 'none' }, null, 2) + '\n');
  }
  writeArchiveSetting(settingsFile, archive?.connection);
  // With the archive, an empty folder: no local corpus, so every article opens from the database.
  const folder = archive ? path.join(stateDir, 'archive-workspace') : corpusFolder;
  fs.mkdirSync(folder, { recursive: true });
  const server = spawn(
    process.execPath,
    [
      entry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--config', path.join(stateDir, 'config.yaml'),
      '--user-data-dir', path.join(stateDir, 'user-data'),
      '--extensions-dir', path.join(stateDir, 'extensions'),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      folder,
    ],
    { detached: true, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping code-server${archive ? ' and the archive' : ''}`);
    archive?.child.kill('SIGTERM');
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    setTimeout(() => {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      process.exit(0);
    }, 3000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  server.on('exit', (code, signal) => {
    if (!stopping) log(`code-server exited (${code ?? signal})`);
    process.exit(stopping ? 0 : code || 1);
  });

  const deadline = Date.now() + 60_000;
  while (!(await healthy(port))) {
    if (Date.now() > deadline) {
      log(`code-server did not answer on port ${port}; is the port taken? Try PORT=8081 npm start`);
      stop('timeout');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // The payload loads this checkout as a development extension, as --extensionDevelopmentPath does on desktop.
  const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${repoRoot}`]];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log('Corpus Navigator is served by code-server 4.100.3 (VS Code 1.100.3). Open:');
  process.stdout.write(`\n    ${url}\n\n`);
  log('Ctrl+C stops it. After changing the code: npm run build, then reload the browser tab.');
}

build();
const archive = withArchive ? await startArchive() : undefined;
if (archive) log(`archive of corpus/ on PostgreSQL 127.0.0.1:${archive.connection.port}, database ${archive.connection.database}, user ${archive.connection.user}`);
if (hasDesktopCode()) {
  if (archive) {
    log('add this to your VS Code settings (corpusNavigator.archives), then run "Corpus Navigator: Connect to Archive…":');
    process.stdout.write(`\n    ${JSON.stringify({ name: ARCHIVE_NAME, ...archive.connection })}\n\n`);
    log('Ctrl+C stops the archive.');
    process.on('SIGINT', () => archive.child.kill('SIGTERM'));
    archive.child.on('exit', () => process.exit(0));
  }
  log(`opening ${corpusFolder} in VS Code with the extension from ${repoRoot}`);
  const result = spawnSync('code', [`--extensionDevelopmentPath=${repoRoot}`, corpusFolder], { stdio: 'inherit' });
  if (!archive) process.exit(result.status ?? 0);
} else {
  await serveCodeServer(archive);
}
