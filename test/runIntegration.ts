// Runs the integration suite (out/test/integration/index.js) inside a real VS Code, in a fresh copy of corpus/.
// Default: code-server 4.100.3 (VS Code 1.100.3) in headless Chromium through test/bin/vscode-launcher, because VS Code desktop
// cannot be downloaded here. With CORPUS_NAV_VSCODE=desktop (or --desktop) runTests() downloads VS Code desktop
// (CORPUS_NAV_VSCODE_VERSION, default stable) and runs the same suite there.
// CORPUS_NAV_TEST_WORKSPACE=<folder> opens that folder instead of the copy.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { postgresUnavailable } from './support/pgCluster';
import { startTestArchive, TEST_ARCHIVE_ENV, TEST_ARCHIVE_UNAVAILABLE_ENV } from './support/testArchive';

const repoRoot = path.resolve(__dirname, '..', '..');

function copyCorpus(): string {
  // Tests may write (settings, caches, edits): they must never touch the user's corpus.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-nav-workspace-'));
  const folder = path.join(workspace, 'corpus');
  fs.cpSync(path.join(repoRoot, 'corpus'), folder, { recursive: true });
  return folder;
}

/** sha256 of every file under `root` (symlinks not followed), keyed by relative path. */
export function checksums(root: string): Map<string, string> {
  const sums = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const abs = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.isFile()) sums.set(path.relative(root, abs), createHash('sha256').update(fs.readFileSync(abs)).digest('hex'));
    }
  };
  walk(root);
  return sums;
}

/**
 * What changed between two checksum maps: files changed or removed, and (when `allowNew` is false) files added.
 * The real corpus must be byte-for-byte unchanged; the workspace copy may gain files the tests create.
 */
export function changedFiles(before: Map<string, string>, after: Map<string, string>, allowNew: boolean): string[] {
  const changes: string[] = [];
  for (const [file, sum] of before) {
    if (!after.has(file)) changes.push(`removed ${file}`);
    else if (after.get(file) !== sum) changes.push(`modified ${file}`);
  }
  if (!allowNew) for (const file of after.keys()) if (!before.has(file)) changes.push(`added ${file}`);
  return changes;
}

async function main(): Promise<number> {
  const desktop = process.env.CORPUS_NAV_VSCODE === 'desktop' || process.argv.includes('--desktop');
  const givenWorkspace = process.env.CORPUS_NAV_TEST_WORKSPACE;
  const workspace = givenWorkspace ? path.resolve(givenWorkspace) : copyCorpus();
  const extensionTestsPath = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(extensionTestsPath)) throw new Error(`${extensionTestsPath} missing: run node esbuild.js --tests`);

  console.log(`[integration] ${desktop ? 'VS Code desktop' : 'code-server in headless Chromium'}, workspace ${workspace}`);
  // The extension must never write into a corpus: checksums of the user's corpus/ and of the workspace's
  // own files before the suite, compared after it (tests may add files to the copy, never change its articles).
  const realCorpus = path.join(repoRoot, 'corpus');
  const realBefore = checksums(realCorpus);
  const workspaceBefore = checksums(workspace);
  let archive: Awaited<ReturnType<typeof startTestArchive>> | undefined;
  try {
    // The archive suite reads a real PostgreSQL server, started here before VS Code and stopped after it
    // (a few seconds; a grep cannot tell here which tests it keeps). Without PostgreSQL the suite says why.
    const unavailable = postgresUnavailable();
    if (unavailable) {
      process.env[TEST_ARCHIVE_UNAVAILABLE_ENV] = unavailable;
    } else if (!process.env[TEST_ARCHIVE_ENV]) {
      archive = await startTestArchive(repoRoot, path.join(repoRoot, 'corpus'));
      process.env[TEST_ARCHIVE_ENV] = JSON.stringify(archive.archive);
      console.log(`[integration] archive of corpus/ on PostgreSQL port ${archive.archive.port}`);
    }
    let exitCode = 0;
    try {
      await runTests({
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath,
        launchArgs: [workspace],
        ...(desktop
          ? { version: process.env.CORPUS_NAV_VSCODE_VERSION ?? 'stable' }
          : { vscodeExecutablePath: path.join(repoRoot, 'test', 'bin', 'vscode-launcher') }),
      });
    } catch (error) {
      if (!(error instanceof TestRunFailedError)) throw error;
      console.error(`[integration] ${error.message}`);
      exitCode = error.code || 1;
    }
    const writes = [
      ...changedFiles(realBefore, checksums(realCorpus), false).map((c) => `corpus/: ${c}`),
      ...changedFiles(workspaceBefore, checksums(workspace), true).map((c) => `workspace: ${c}`),
    ];
    if (writes.length > 0) {
      console.error(`[integration] FAILED no-writes check: corpus files changed during the suite:\n  ${writes.join('\n  ')}`);
      return exitCode || 1;
    }
    console.log(`[integration] no-writes check passed: ${realBefore.size} files in corpus/ and ${workspaceBefore.size} in the workspace unchanged`);
    return exitCode;
  } finally {
    await archive?.stop();
    if (!givenWorkspace) fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[integration] failed to run the tests:', error);
    process.exit(1);
  },
);
