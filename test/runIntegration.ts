// Runs the integration suite (out/test/integration/index.js) inside a real VS Code, in a fresh copy of corpus/.
// Default: code-server 1.100.3 in headless Chromium through test/bin/vscode-launcher, because VS Code desktop
// cannot be downloaded here. With CORPUS_NAV_VSCODE=desktop (or --desktop) runTests() downloads VS Code desktop
// (CORPUS_NAV_VSCODE_VERSION, default stable) and runs the same suite there.
// CORPUS_NAV_TEST_WORKSPACE=<folder> opens that folder instead of the copy.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests, TestRunFailedError } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '..', '..');

function copyCorpus(): string {
  // Tests may write (settings, caches, edits): they must never touch the user's corpus.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-nav-workspace-'));
  const folder = path.join(workspace, 'corpus');
  fs.cpSync(path.join(repoRoot, 'corpus'), folder, { recursive: true });
  return folder;
}

async function main(): Promise<number> {
  const desktop = process.env.CORPUS_NAV_VSCODE === 'desktop' || process.argv.includes('--desktop');
  const givenWorkspace = process.env.CORPUS_NAV_TEST_WORKSPACE;
  const workspace = givenWorkspace ? path.resolve(givenWorkspace) : copyCorpus();
  const extensionTestsPath = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(extensionTestsPath)) throw new Error(`${extensionTestsPath} missing: run node esbuild.js --tests`);

  console.log(`[integration] ${desktop ? 'VS Code desktop' : 'code-server in headless Chromium'}, workspace ${workspace}`);
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      launchArgs: [workspace],
      ...(desktop
        ? { version: process.env.CORPUS_NAV_VSCODE_VERSION ?? 'stable' }
        : { vscodeExecutablePath: path.join(repoRoot, 'test', 'bin', 'vscode-launcher') }),
    });
    return 0;
  } catch (error) {
    if (error instanceof TestRunFailedError) {
      console.error(`[integration] ${error.message}`);
      return error.code || 1;
    }
    throw error;
  } finally {
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
