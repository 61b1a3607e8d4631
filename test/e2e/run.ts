// `npm run test:e2e`: packages the extension as a VSIX, installs it into a fresh code-server (VS Code 1.100.3),
// opens a copy of corpus/ in headless Chromium and runs the journeys of journeys.ts as a person would.
// Screenshots of every step go to screenshots/ (git-ignored). Exits 1 when packaging or a journey fails.
//
// Options: --only <id-substring> (repeatable) runs some journeys; CORPUS_NAV_E2E_VSIX=<file> tests that VSIX
// instead of packaging one.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { ensureCodeServer, findRepoRoot, installExtension, launchChromium, onFirstInterrupt, startCodeServer, writeUserSettings, type CodeServer } from '../support/codeServer';
import { postgresUnavailable } from '../support/pgCluster';
import { archiveJourney, listArchiveInUserSettings, startArchiveFixture, type ArchiveFixture } from './journeyArchive';
import { correctionJourney } from './journeyCorrections';
import { JOURNEYS as BASE_JOURNEYS, type Journey } from './journeys';
import { timelineJourney } from './journeyTimeline';
import { Screenshots, Workbench } from './workbench';

const JOURNEYS: readonly Journey[] = [...BASE_JOURNEYS, timelineJourney, correctionJourney, archiveJourney];

const repoRoot = findRepoRoot(__dirname);
const screenshotDir = path.join(repoRoot, 'screenshots');
const JOURNEY_TIMEOUT_MS = 3 * 60_000;
const VIEWPORT = { width: 1280, height: 800 };

/** User settings that make runs alike: no welcome page, no trust prompt, no telemetry, one theme. */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 300,
  'window.zoomLevel': 0,
};

function log(message: string): void {
  process.stderr.write(`[e2e] ${message}\n`);
}

/** `vsce package`, failing on any warning: the VSIX users get is the one under test. */
function packageVsix(outFile: string): void {
  const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  log('packaging the extension (vsce package --no-dependencies)');
  // No stdin: were vsce to ask "continue despite warnings?", the answer is no.
  const result = spawnSync(vsce, ['package', '--no-dependencies', '-o', outFile], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 5 * 60_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) throw new Error(`vsce package failed (${result.status ?? result.signal}):\n${output}`);
  const warnings = output.split('\n').filter((line) => /\bWARNING\b/i.test(line));
  if (warnings.length) throw new Error(`vsce package warned:\n${warnings.join('\n')}`);
  const summary = /Packaged: .*/.exec(output)?.[0] ?? 'packaged';
  log(summary);
}

interface Outcome {
  journey: Journey;
  ok: boolean;
  ms: number;
  error?: string;
}

async function runJourney(browser: Browser, server: CodeServer, journey: Journey, folders: Record<Journey['folder'], string>, shots: Screenshots, archive?: { fixture: ArchiveFixture; settingsFile: string }): Promise<Outcome> {
  const started = Date.now();
  const restoreSettings = journey.folder === 'archive' && archive ? listArchiveInUserSettings(archive.settingsFile, archive.fixture.archive) : undefined;
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  // Copying a selection is how the journeys read it; the clipboard API needs these on http://127.0.0.1.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  let timer: NodeJS.Timeout | undefined;
  try {
    const wb = new Workbench(page);
    const work = (async () => {
      await page.goto(server.url(folders[journey.folder]));
      await wb.waitReady();
      // With a corpus open, journeys start once the extension has indexed it (its status bar item shows).
      if (journey.folder !== 'empty' && journey.folder !== 'archive') await wb.statusBarItem(/articles? ·/).waitFor({ timeout: 90_000 });
      await journey.run({ page, wb, shots, folder: folders[journey.folder], archive: archive?.fixture });
    })();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${JOURNEY_TIMEOUT_MS / 1000} s`)), JOURNEY_TIMEOUT_MS);
    });
    await Promise.race([work, timeout]);
    return { journey, ok: true, ms: Date.now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const shot = await shots.take(page, `FAILED-${journey.id}`).catch(() => undefined);
    const details = [message, shot ? `screenshot: ${path.relative(repoRoot, shot)}` : '', pageErrors.length ? `page errors: ${pageErrors.slice(-5).join(' | ')}` : '']
      .filter(Boolean)
      .join('\n    ');
    return { journey, ok: false, ms: Date.now() - started, error: details };
  } finally {
    clearTimeout(timer);
    await context.close().catch(() => undefined);
    restoreSettings?.();
  }
}

/** A copy of the BBC development corpus' articles with a corpus.yaml, when the corpus is on this machine. */
function copyRealCorpus(target: string): boolean {
  const source = path.join(repoRoot, '..', 'shared', 'data', 'bbc-news', 'articles');
  if (!fs.existsSync(source)) return false;
  fs.cpSync(source, target, { recursive: true });
  fs.writeFileSync(path.join(target, 'corpus.yaml'), '# BBC News articles, 2004-2005: no metadata besides the text.\n');
  return true;
}

function selectedJourneys(argv: readonly string[]): readonly Journey[] {
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) if (argv[i] === '--only' && argv[i + 1]) only.push(argv[++i]);
  if (only.length === 0) return JOURNEYS;
  const chosen = JOURNEYS.filter((j) => only.some((o) => j.id.includes(o)));
  if (chosen.length === 0) throw new Error(`--only ${only.join(', ')} matches none of ${JOURNEYS.map((j) => j.id).join(', ')}`);
  return chosen;
}

async function main(): Promise<number> {
  const started = Date.now();
  const journeys = selectedJourneys(process.argv.slice(2));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-nav-e2e-'));
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let archive: ArchiveFixture | undefined;
  let cleaning: Promise<void> | undefined;
  // One cleanup, however many paths ask for it (a signal, the end of main): each waits for it to finish.
  const cleanup = (): Promise<void> =>
    (cleaning ??= (async () => {
      await browser?.close().catch(() => undefined);
      await server?.stop().catch(() => undefined);
      await archive?.stop().catch(() => undefined);
      fs.rmSync(scratch, { recursive: true, force: true });
    })());
  let interrupted = false;
  onFirstInterrupt((signal) => {
    interrupted = true;
    log(`received ${signal}: stopping code-server and the browser`);
    void cleanup().finally(() => process.exit(130));
  });

  try {
    const vsix = process.env.CORPUS_NAV_E2E_VSIX ? path.resolve(process.env.CORPUS_NAV_E2E_VSIX) : path.join(scratch, 'corpus-navigator.vsix');
    if (!process.env.CORPUS_NAV_E2E_VSIX) packageVsix(vsix);

    const entry = await ensureCodeServer(repoRoot);
    const dirs = {
      userDataDir: path.join(scratch, 'user-data'),
      extensionsDir: path.join(scratch, 'extensions'),
      configFile: path.join(scratch, 'config.yaml'),
    };
    installExtension(entry, vsix, dirs);
    log(`installed ${path.basename(vsix)} into a fresh extensions folder`);
    writeUserSettings(dirs.userDataDir, SETTINGS);

    // Journeys may change files and settings: they get a copy of the corpus, never corpus/ itself.
    const folders = {
      corpus: path.join(scratch, 'workspace', 'corpus'),
      empty: path.join(scratch, 'empty', 'notes'),
      bbc: path.join(scratch, 'real', 'bbc-news'),
      archive: path.join(scratch, 'archive', 'newsroom'),
    };
    fs.cpSync(path.join(repoRoot, 'corpus'), folders.corpus, { recursive: true });
    fs.mkdirSync(folders.empty, { recursive: true });
    fs.mkdirSync(folders.archive, { recursive: true });
    // The archive journey reads a throwaway PostgreSQL cluster holding corpus/, where PostgreSQL is installed.
    if (journeys.some((j) => j.folder === 'archive')) {
      const unavailable = postgresUnavailable();
      if (unavailable) log(`PostgreSQL is not here (${unavailable}): the archive journey is skipped`);
      else {
        archive = await startArchiveFixture(repoRoot);
        log(`archive of corpus/ on PostgreSQL port ${archive.archive.port}`);
      }
    }
    if (!copyRealCorpus(folders.bbc)) log('the BBC development corpus is not here: its journey is skipped');

    fs.rmSync(screenshotDir, { recursive: true, force: true });
    const shots = new Screenshots(screenshotDir);

    server = await startCodeServer(entry, dirs);
    log(`code-server on ${server.origin}`);
    browser = await launchChromium();

    const outcomes: Outcome[] = [];
    for (const journey of journeys) {
      if (interrupted) break;
      if (journey.folder === 'bbc' && !fs.existsSync(folders.bbc)) continue;
      if (journey.folder === 'archive' && !archive) continue;
      log(`journey ${journey.id}: ${journey.title}`);
      const settingsFile = path.join(dirs.userDataDir, 'User', 'settings.json');
      const outcome = await runJourney(browser, server, journey, folders, shots, archive && { fixture: archive, settingsFile });
      outcomes.push(outcome);
      log(`  ${outcome.ok ? 'passed' : 'FAILED'} in ${(outcome.ms / 1000).toFixed(1)} s${outcome.error ? `\n    ${outcome.error}` : ''}`);
    }

    const failed = outcomes.filter((o) => !o.ok);
    process.stdout.write(`\n${outcomes.length - failed.length} passing, ${failed.length} failing (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    for (const o of outcomes) process.stdout.write(`  ${o.ok ? '✓' : '✗'} ${o.journey.id}: ${o.journey.title}\n`);
    process.stdout.write(`screenshots: ${path.relative(repoRoot, screenshotDir)}/ (${shots.taken.length})\n`);
    if (failed.length) log(`code-server's last output:\n${server.output.toString() || '(none)'}`);
    return failed.length ? 1 : 0;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
