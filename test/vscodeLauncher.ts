// Stands in for the VS Code executable that @vscode/test-electron's runTests() spawns, where VS Code desktop
// cannot be downloaded: runs the same suite in VS Code 1.100.3 served by code-server, in headless Chromium.
// It accepts the arguments runTests() passes (--extensionDevelopmentPath=, --extensionTestsPath=, the folder;
// other flags are ignored) and exits with the code the suite's run() gives. Recipe:
// ../shared/notes/real-vscode-offline.md. Invoked through test/bin/vscode-launcher.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { format } from 'util';
import type { Browser } from 'playwright-core';
import { ensureCodeServer, launchChromium, onFirstInterrupt, startCodeServer, TailBuffer, writeUserSettings, type CodeServer } from './support/codeServer';

const repoRoot = path.resolve(__dirname, '..', '..');
const RUN_TIMEOUT_MS = Number(process.env.CORPUS_NAV_TEST_TIMEOUT_MS ?? 10 * 60_000);
const DIAGNOSTIC_TAIL_LINES = 150;
// test/integration/index.ts prints this first: workbench chatter before it is kept for diagnostics only.
const SUITE_START_MARKER = '[integration] ';
const EXIT_INTERRUPTED = 130;

interface LaunchRequest {
  extensionDevelopmentPaths: string[];
  extensionTestsPath?: string;
  folder?: string;
}

interface WorkbenchLogFile {
  relativePath: string;
  contents: string;
}

function log(message: string): void {
  process.stderr.write(`[vscode-launcher] ${message}\n`);
}

export function parseLaunchArgs(argv: readonly string[]): LaunchRequest {
  const request: LaunchRequest = { extensionDevelopmentPaths: [] };
  for (const arg of argv) {
    const [flag, ...rest] = arg.split('=');
    const value = rest.join('=');
    if (flag === '--extensionDevelopmentPath') request.extensionDevelopmentPaths.push(path.resolve(value));
    else if (flag === '--extensionTestsPath') request.extensionTestsPath = path.resolve(value);
    else if (arg.startsWith('-')) continue; // VS Code desktop flags (--no-sandbox, --user-data-dir=...) mean nothing here
    else request.folder ??= path.resolve(arg);
  }
  return request;
}

/** The workbench hands over each console call as the array of its arguments (format string first). */
export function formatAutomationMessage(message: unknown): string {
  if (Array.isArray(message)) return format(...(message as unknown[]));
  return typeof message === 'string' ? message : JSON.stringify(message);
}

export function payloadUrl(port: number, folder: string | undefined, payload: [string, string][]): string {
  const origin = `http://127.0.0.1:${port}`;
  const query = [folder ? `folder=${encodeURIComponent(folder)}` : '', `payload=${encodeURIComponent(JSON.stringify(payload))}`];
  return `${origin}/?${query.filter(Boolean).join('&')}`;
}

async function main(): Promise<number> {
  const request = parseLaunchArgs(process.argv.slice(2));
  if (!request.extensionTestsPath) throw new Error('missing --extensionTestsPath=');
  if (request.extensionDevelopmentPaths.length === 0) throw new Error('missing --extensionDevelopmentPath=');

  const codeServerEntry = await ensureCodeServer(repoRoot);

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-nav-vscode-'));
  const workbenchMessages = new TailBuffer(DIAGNOSTIC_TAIL_LINES);
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let workbenchLogs: WorkbenchLogFile[] = [];

  let stopping = false;
  const cleanup = async (): Promise<void> => {
    stopping = true;
    await browser?.close().catch(() => undefined);
    browser = undefined;
    await server?.stop();
    server = undefined;
    fs.rmSync(scratch, { recursive: true, force: true });
  };

  const interrupted = new Promise<number>((resolve) =>
    onFirstInterrupt((signal) => {
      log(`received ${signal}: stopping code-server and the browser`);
      resolve(EXIT_INTERRUPTED);
    }),
  );

  const run = async (): Promise<number> => {
    log('starting code-server on 127.0.0.1');
    const userDataDir = path.join(scratch, 'user-data');
    // VS Code's own default: code-server saves a dirty editor after a second, and tests hold unsaved edits longer.
    writeUserSettings(userDataDir, { 'files.autoSave': 'off' });
    server = await startCodeServer(codeServerEntry, {
      configFile: path.join(scratch, 'config.yaml'),
      userDataDir,
      extensionsDir: path.join(scratch, 'extensions'),
    });
    const { port } = server;
    browser = await launchChromium();
    if (stopping) {
      // Interrupted while Chromium started: cleanup() has already run.
      await browser.close();
      return EXIT_INTERRUPTED;
    }
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') workbenchMessages.push(`console.error: ${message.text()}`);
    });
    page.on('pageerror', (error) => workbenchMessages.push(`page error: ${error.stack ?? error.message}`));

    let reportExit: (code: number) => void = () => undefined;
    const suiteExited = new Promise<number>((resolve) => (reportExit = resolve));
    // The workbench calls these when it sees them on window: codeAutomationLog carries the extension host's
    // console (mocha's reporter included), codeAutomationExit the code the suite's run() settled with.
    let suiteStarted = false;
    await page.exposeFunction('codeAutomationLog', (level: string, message: unknown) => {
      const text = formatAutomationMessage(message);
      suiteStarted ||= text.startsWith(SUITE_START_MARKER);
      if (level === 'error' || level === 'warn') workbenchMessages.push(`[${level}] ${text}`);
      else if (suiteStarted) process.stdout.write(`${text}\n`);
      else workbenchMessages.push(`[${level}] ${text}`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number, logs?: WorkbenchLogFile[]) => {
      workbenchLogs = Array.isArray(logs) ? logs : [];
      reportExit(typeof code === 'number' ? code : 1);
    });

    const remote = (absolutePath: string): string => `vscode-remote://127.0.0.1:${port}${absolutePath}`;
    const url = payloadUrl(port, request.folder, [
      ...request.extensionDevelopmentPaths.map((p): [string, string] => ['extensionDevelopmentPath', remote(p)]),
      ['extensionTestsPath', remote(request.extensionTestsPath!)],
    ]);
    log(`opening ${url}`);
    await page.goto(url);

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the suite did not finish within ${RUN_TIMEOUT_MS / 1000} s`)), RUN_TIMEOUT_MS);
    });
    try {
      return await Promise.race([suiteExited, timedOut, server.exited]);
    } finally {
      clearTimeout(timer);
    }
  };

  const started = Date.now();
  let code: number;
  try {
    code = await Promise.race([run(), interrupted]);
  } catch (error) {
    log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
    code = 1;
  }
  if (code !== 0 && code !== EXIT_INTERRUPTED) {
    log(`run failed (exit code ${code}); diagnostics follow`);
    log(`--- code-server output (last ${DIAGNOSTIC_TAIL_LINES} lines) ---\n${server?.output.toString() || '(none)'}`);
    log(`--- browser console errors and workbench messages ---\n${workbenchMessages.toString() || '(none)'}`);
    // window.log repeats the workbench messages above; the extension host's logs add what they do not show.
    if (workbenchLogs.length) log(`workbench logs: ${workbenchLogs.map((f) => f.relativePath).join(', ')}`);
    for (const file of workbenchLogs.filter((f) => /exthost/i.test(f.relativePath))) {
      log(`--- workbench log ${file.relativePath} ---\n${file.contents.split('\n').slice(-DIAGNOSTIC_TAIL_LINES).join('\n')}`);
    }
  }
  await cleanup();
  log(`finished in ${((Date.now() - started) / 1000).toFixed(1)} s with exit code ${code}`);
  return code;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    },
  );
}
