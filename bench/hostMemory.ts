// The extension host's own memory in code-server, without Corpus Navigator and with it active but idle (an empty
// workspace, no corpus, no archive), so the figure the extension adds can be told from the host's baseline.
// Measured inside the extension host as test/integration/archiveMemory.test.ts does: a full collection, then
// process.memoryUsage(). Build first: node esbuild.js --tests. Run: npx tsx bench/hostMemory.ts [runs]
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { EXTENSION_ID } from '../src/editor/ids';
import { median } from './measure';

const repoRoot = path.resolve(__dirname, '..');
const OUT_ENV = 'CORPUS_NAV_HOST_MEMORY_OUT';

interface Sample {
  rssMB: number;
  heapMB: number;
  externalMB: number;
  activeExtensions: number;
}

/** Runs in the extension host (plain JS: it is loaded as the suite's run() module). */
const PROBE = `
const v8 = require('v8'); const vm = require('vm'); const fs = require('fs'); const vscode = require('vscode');
const MB = 2 ** 20;
function sample() {
  v8.setFlagsFromString('--expose-gc');
  vm.runInNewContext('gc')();
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rssMB: rss / MB, heapMB: heapUsed / MB, externalMB: external / MB, activeExtensions: vscode.extensions.all.filter((e) => e.isActive).length };
}
exports.run = async function () {
  console.log('[integration] host memory probe');
  const extension = vscode.extensions.getExtension(${JSON.stringify(EXTENSION_ID)});
  if (extension) {
    const api = extension.isActive ? extension.exports : await extension.activate();
    await api.manager.whenReady();
    await api.manager.whenIdle();
  }
  // Startup activations (onStartupFinished) settle first; then the median of three samples.
  await new Promise((resolve) => setTimeout(resolve, 8000));
  const samples = [];
  for (let i = 0; i < 3; i++) {
    samples.push(sample());
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  fs.writeFileSync(process.env.${OUT_ENV}, JSON.stringify({ loaded: Boolean(extension), samples }));
};
`;

async function measure(withExtension: boolean, scratch: string): Promise<Sample> {
  const out = path.join(scratch, `result-${withExtension}.json`);
  fs.rmSync(out, { force: true });
  process.env[OUT_ENV] = out;
  await runTests({
    // Without Corpus Navigator the development extension is an empty one (no code), so the host is otherwise the same.
    extensionDevelopmentPath: withExtension ? repoRoot : path.join(scratch, 'empty-extension'),
    extensionTestsPath: path.join(scratch, 'probe.js'),
    launchArgs: [path.join(scratch, 'workspace')],
    vscodeExecutablePath: path.join(repoRoot, 'test', 'bin', 'vscode-launcher'),
  });
  const result = JSON.parse(fs.readFileSync(out, 'utf8')) as { loaded: boolean; samples: Sample[] };
  if (result.loaded !== withExtension) throw new Error(`Corpus Navigator ${result.loaded ? 'was' : 'was not'} loaded`);
  const pick = (key: keyof Sample) => median(result.samples.map((s) => s[key]));
  return { rssMB: pick('rssMB'), heapMB: pick('heapMB'), externalMB: pick('externalMB'), activeExtensions: pick('activeExtensions') };
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 2);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-nav-host-memory-'));
  try {
    fs.mkdirSync(path.join(scratch, 'workspace'));
    fs.mkdirSync(path.join(scratch, 'empty-extension'));
    fs.writeFileSync(
      path.join(scratch, 'empty-extension', 'package.json'),
      JSON.stringify({ name: 'host-memory-probe', publisher: 'corpus-navigator', version: '0.0.0', engines: { vscode: '^1.100.0' } }),
    );
    fs.writeFileSync(path.join(scratch, 'probe.js'), PROBE);
    const line = (label: string, s: Sample) =>
      `${label}: rss ${s.rssMB.toFixed(0)} MB, heap ${s.heapMB.toFixed(1)} MB, external ${s.externalMB.toFixed(1)} MB (${s.activeExtensions} active extensions)`;
    for (let run = 1; run <= runs; run++) {
      const without = await measure(false, scratch);
      const withIt = await measure(true, scratch);
      console.log(`run ${run}`);
      console.log(`  ${line('without Corpus Navigator', without)}`);
      console.log(`  ${line('with it, idle', withIt)}`);
      console.log(`  added: rss ${(withIt.rssMB - without.rssMB).toFixed(0)} MB, heap ${(withIt.heapMB - without.heapMB).toFixed(1)} MB`);
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
