// Starting and stopping code-server (VS Code 1.100.3 served over HTTP) and the Chromium that drives it, for
// the integration suite (test/vscodeLauncher.ts) and the end-to-end journeys (test/e2e/).
// Recipe: ../shared/notes/real-vscode-offline.md.
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CORPUS_NAV_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SERVER_START_TIMEOUT_MS = 60_000;

/** The checkout this file lives in (works from test/support/ under tsx and from a bundle under out/). */
export function findRepoRoot(from = __dirname): string {
  let dir = from;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'corpus-navigator') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no corpus-navigator package.json above ${from}`);
    dir = parent;
  }
}

/** Installs code-server when missing (scripts/code-server.mjs) and returns its entry script. */
export async function ensureCodeServer(repoRoot: string): Promise<string> {
  // A runtime import: the .mjs finds the repository through import.meta.url and has no type declarations.
  const url = pathToFileURL(path.join(repoRoot, 'scripts', 'code-server.mjs')).href;
  const module = (await import(url)) as { ensureCodeServer(): string };
  return module.ensureCodeServer();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.setTimeout(2_000, () => request.destroy());
  });
}

/** Keeps the last lines of a stream so a failing run can show what the server said. */
export class TailBuffer {
  private readonly lines: string[] = [];
  constructor(private readonly limit: number) {}
  push(text: string): void {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      this.lines.push(line);
      if (this.lines.length > this.limit) this.lines.shift();
    }
  }
  toString(): string {
    return this.lines.join('\n');
  }
}

/** `code-server --install-extension`: the same path a user takes with a downloaded VSIX. */
export function installExtension(entry: string, vsix: string, dirs: { userDataDir: string; extensionsDir: string }): string {
  const result = spawnSync(
    process.execPath,
    [entry, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir, '--install-extension', vsix],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) throw new Error(`code-server --install-extension exited with ${result.status ?? result.signal}:\n${output}`);
  return output;
}

export interface CodeServer {
  port: number;
  origin: string;
  /** The workbench URL opening `folder` (or no folder). */
  url(folder?: string): string;
  /** The server's last output lines, for diagnostics. */
  output: TailBuffer;
  /** Rejects when the server process ends before stop() was called. */
  exited: Promise<never>;
  stop(): Promise<void>;
}

/** Ends a detached child's whole process group (code-server runs its extension host and watcher as children). */
export async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const group = -child.pid;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(group, name);
    } catch {
      /* already gone */
    }
  };
  signal('SIGTERM');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const forced = new Promise<void>((resolve) =>
    setTimeout(() => {
      signal('SIGKILL');
      resolve();
    }, 3_000).unref(),
  );
  await Promise.race([exited, forced]);
}

/** Writes the user settings code-server starts with (User/settings.json under `userDataDir`). */
export function writeUserSettings(userDataDir: string, settings: Record<string, unknown>): void {
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

export async function startCodeServer(
  entry: string,
  dirs: { userDataDir: string; extensionsDir: string; configFile: string },
): Promise<CodeServer> {
  const port = await freePort();
  const output = new TailBuffer(150);
  const child = spawn(
    process.execPath,
    [
      entry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--config', dirs.configFile,
      '--user-data-dir', dirs.userDataDir,
      '--extensions-dir', dirs.extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const pid = child.pid;
  // Last resort should the runner end by a path that skips stop(): never leave code-server behind.
  const killOnExit = () => {
    try {
      if (pid) process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', killOnExit);
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  let stopped = false;
  const exitedEarly = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) => {
      if (!stopped) reject(new Error(`code-server exited early (${code ?? signal})\n${output.toString()}`));
    }),
  );
  exitedEarly.catch(() => undefined);

  const origin = `http://127.0.0.1:${port}`;
  const server: CodeServer = {
    port,
    origin,
    output,
    exited: exitedEarly,
    url: (folder) => (folder ? `${origin}/?folder=${encodeURIComponent(folder)}` : `${origin}/`),
    stop: async () => {
      stopped = true;
      process.removeListener('exit', killOnExit);
      await stopProcessGroup(child);
    },
  };
  try {
    const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
    while ((await Promise.race([httpStatus(`${origin}/healthz`), exitedEarly])) !== 200) {
      if (Date.now() > deadline) throw new Error(`code-server did not answer on port ${port} within ${SERVER_START_TIMEOUT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/**
 * Calls `onInterrupt` once, on the first SIGINT or SIGTERM. Ctrl+C reaches a runner more than once (from the
 * terminal's process group and relayed by npm/tsx or runTests()): staying subscribed means a repeated signal
 * cannot end the process by default before code-server and the browser are stopped.
 */
export function onFirstInterrupt(onInterrupt: (signal: NodeJS.Signals) => void): void {
  let received = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (received) return;
      received = true;
      onInterrupt(signal);
    });
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    // Playwright would exit the process on these signals before code-server is stopped: the runner handles them.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}
