// The editor's figures: activate() and the event-loop blocks measured inside VS Code (test/integration/perf.test.ts),
// with a stub-vscode fallback for activate(), and the VSIX size.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import Module from 'module';
import * as os from 'os';
import * as path from 'path';
import { median, ms } from './measure';
import { add, results, ROOT, RUNS, SKIP } from './report';


/** A stand-in `vscode` module: every property is a callable, constructible proxy. Enough to time activate(). */
function fakeVscode(): unknown {
  const make = (name: string): unknown =>
    new Proxy(function () {}, {
      get: (_target, prop) => {
        if (prop === 'then') return undefined;
        if (prop === Symbol.toPrimitive) return () => name;
        if (prop === 'workspaceFolders') return [];
        return make(`${name}.${String(prop)}`);
      },
      apply: () => make(`${name}()`),
      construct: () => make(`new ${name}`) as object,
    });
  return make('vscode');
}

function runPerfSuiteInVsCode(): void {
  console.log('  running test/integration/perf.test.ts inside VS Code (about a minute; BENCH_SKIP=vscode skips it)');
  fs.rmSync(path.join(ROOT, 'out', 'perf'), { recursive: true, force: true });
  try {
    execFileSync('npm', ['run', '--silent', 'test:integration'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CORPUS_NAV_TEST_GREP: 'performance figures' },
    });
  } catch (error) {
    console.log(`  (the run inside VS Code failed: ${(error as Error).message.split('\n')[0]})`);
  }
}

/** Figures the integration suite measured inside VS Code (test/integration/perf.test.ts), if it has run. */
function readPerf<T>(name: string): T | undefined {
  const file = path.join(ROOT, 'out', 'perf', name);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

interface PerfLoad {
  loadMs?: number;
  maxEventLoopDelayMs: number;
  longestGapDuringLoadMs: number;
  longestGapAfterReadyMs: number;
  scavenges?: { count: number; totalMs: number; longestMs: number };
  cache?: { reused: number; cachedEntries: number; longestParseMs: number; readMs: number };
  extractedInWorkers?: number;
}

function reportIntegrationPerf(): boolean {
  const activation = readPerf<{ activationMs: number; vscode: string; at: string }>('activation.json');
  const indexing = readPerf<{ articles: number; bytes: number; cold: PerfLoad; warm: PerfLoad; vscode: string; at: string }>('indexing.json');
  results.integrationPerf = { activation, indexing };
  if (activation) {
    add('activate()', ms(activation.activationMs), '<= 50 ms', activation.activationMs <= 50, `measured in VS Code ${activation.vscode} integration run (out/perf/activation.json, ${activation.at})`);
  }
  if (indexing) {
    const label = `${indexing.articles.toLocaleString('en')} articles`;
    for (const [kind, load] of [['cold', indexing.cold], ['warm', indexing.warm]] as const) {
      const note = [
        `load ${load.loadMs ?? '?'} ms`,
        `longest gap during load ${ms(load.longestGapDuringLoadMs)}, after ready ${ms(load.longestGapAfterReadyMs)}`,
        load.scavenges ? `${load.scavenges.count} young-generation GCs, ${ms(load.scavenges.totalMs)} in all, longest ${ms(load.scavenges.longestMs)}` : '',
        load.extractedInWorkers ? `${load.extractedInWorkers} extracted in worker threads` : '',
        load.cache && kind === 'warm' ? `${load.cache.reused} reused, longest shard parse ${ms(load.cache.longestParseMs)}` : '',
      ].filter(Boolean).join('; ');
      add(`longest event-loop block, indexing ${label} (${kind})`, ms(load.maxEventLoopDelayMs), '<= 50 ms', load.maxEventLoopDelayMs <= 50, `VS Code ${indexing.vscode} extension host, monitorEventLoopDelay max; ${note}`);
    }
  }
  if (!activation && !indexing) console.log('  (no out/perf/*.json: run `npm run test:integration` for the in-VS Code figures)');
  return activation !== undefined;
}

export async function benchActivate(): Promise<void> {
  console.log('\nactivate() and VSIX');
  // The real host's figures: run the performance suite inside VS Code (code-server, installed on first use) so
  // they are fresh for this build; the stub timing below is a fallback where that cannot run.
  if (!SKIP.has('vscode')) runPerfSuiteInVsCode();
  if (reportIntegrationPerf()) return;
  const bundle = path.join(ROOT, 'dist/extension.js');
  if (!fs.existsSync(bundle)) {
    add('activate()', 'n/a', '<= 50 ms', null, 'dist/extension.js missing: run `node esbuild.js`');
  } else {
    const moduleWithResolve = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
    const originalResolve = moduleWithResolve._resolveFilename;
    const fakePath = path.join(os.tmpdir(), 'corpus-navigator-fake-vscode.js');
    // esbuild's interop copies the module's own keys, so list the API's top-level names from @types/vscode.
    const typings = fs.readFileSync(path.join(ROOT, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
    const stub = fakeVscode() as Record<string, unknown>;
    const api: Record<string, unknown> = {};
    for (const match of typings.matchAll(/^\t?(?: {4}|\t)export (?:class|enum|namespace|function|const|let) (\w+)/gm)) api[match[1]] = stub[match[1]];
    require.cache[fakePath] = { id: fakePath, filename: fakePath, loaded: true, exports: api } as NodeJS.Module;
    moduleWithResolve._resolveFilename = function (request: string, ...rest: unknown[]) {
      return request === 'vscode' ? fakePath : originalResolve.call(this, request, ...rest);
    };
    try {
      const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-bench-'));
      const context = new Proxy(
        { subscriptions: [] as unknown[], extensionPath: ROOT, globalStorageUri: { fsPath: storage }, storageUri: { fsPath: storage } },
        { get: (target, prop) => (prop in target ? target[prop as keyof typeof target] : (fakeVscode() as Record<string | symbol, unknown>)[prop]) },
      );
      const times: number[] = [];
      for (let i = 0; i <= RUNS; i++) {
        delete require.cache[require.resolve(bundle)];
        const started = performance.now();
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built bundle is CommonJS, loaded fresh each run
        const extension = require(bundle) as { activate: (context: unknown) => unknown };
        const loadMs = performance.now() - started;
        const activateStarted = performance.now();
        await extension.activate(context);
        if (i > 0) times.push(loadMs + performance.now() - activateStarted);
      }
      results.activate = { medianMs: median(times), runsMs: times, method: 'dist/extension.js required and activate() called with a stub vscode module (require time included)' };
      add('activate() (bundle load + activate, stub vscode)', ms(median(times)), '<= 50 ms', median(times) <= 50, 'stub vscode API: real host timing in the integration tests');
    } catch (error) {
      results.activate = { error: String(error) };
      add('activate()', 'n/a', '<= 50 ms', null, `stub vscode not enough: ${String(error).split('\n')[0]}; measured in integration`);
    } finally {
      moduleWithResolve._resolveFilename = originalResolve;
    }
  }
}

export function benchVsix(): void {
  const out = path.join(os.tmpdir(), 'corpus-navigator-bench.vsix');
  try {
    fs.rmSync(out, { force: true });
    execFileSync('npx', ['--no-install', '@vscode/vsce', 'package', '--no-dependencies', '-o', out], { cwd: ROOT, stdio: 'pipe', timeout: 300_000 });
    const bytes = fs.statSync(out).size;
    results.vsix = { bytes };
    // 1.5 MB since the entity tagger's weights ship in the bundle (the named-entities issue's limit for a model).
    add('VSIX size', `${(bytes / 1024).toFixed(0)} KB`, '<= 1.5 MB', bytes <= 1.5 * 1024 * 1024, '`vsce package --no-dependencies` (bundle has the deps and the tagger weights)');
  } catch (error) {
    const message = String((error as { stderr?: Buffer }).stderr ?? error).trim().split('\n').filter(Boolean).slice(-1)[0];
    results.vsix = { error: message };
    add('VSIX size', 'n/a', '<= 1.5 MB', null, `vsce package failed: ${message}`);
  }
}
