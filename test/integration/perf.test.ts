// Performance figures from inside the extension host, for `npm run bench` to report (out/perf/*.json): how long
// activate() took, and the longest event-loop block while a generated 2,000-article corpus (outside the
// workspace) indexes cold (in worker threads, the default) and then warm from the cache. Speed is judged by the
// benchmark, not here: these tests assert only what must hold functionally (the corpus loaded completely, in
// workers when cold; the warm start reused it).
import * as assert from 'assert';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { monitorEventLoopDelay, PerformanceObserver, constants as perfConstants } from 'perf_hooks';
import * as vscode from 'vscode';
import { generateCorpus, writeCorpus } from '../support/corpusGenerator';
import type { CorpusEntry } from '../../src/editor/corpusManager';
import { eventually, extensionApi } from './_helpers';

const PERF_DIR = path.join(__dirname, '..', '..', 'perf');
const ARTICLES = 2000;

async function writeFigures(name: string, figures: Record<string, unknown>): Promise<void> {
  await fsp.mkdir(PERF_DIR, { recursive: true });
  const file = path.join(PERF_DIR, name);
  await fsp.writeFile(file, JSON.stringify({ ...figures, vscode: vscode.version, at: new Date().toISOString() }, null, 2) + '\n');
  console.log(`  wrote ${file}`);
}

/**
 * Samples the event loop every 2 ms: the longest gap, and whether it started before or after `mark()` (the
 * corpus reported ready), to tell the load's own work from what features do when it lands.
 */
function gapSampler() {
  let last = performance.now();
  let markedAt = Number.POSITIVE_INFINITY;
  const longest = { before: 0, after: 0 };
  const timer = setInterval(() => {
    const now = performance.now();
    const gap = now - last;
    if (last < markedAt) longest.before = Math.max(longest.before, gap);
    else longest.after = Math.max(longest.after, gap);
    last = now;
  }, 2);
  return {
    mark: () => (markedAt = performance.now()),
    stop: () => {
      clearInterval(timer);
      return longest;
    },
  };
}

interface LoadFigures {
  loadMs: number | undefined;
  maxEventLoopDelayMs: number;
  p99EventLoopDelayMs: number;
  longestGapDuringLoadMs: number;
  longestGapAfterReadyMs: number;
  /** Young-generation collections in the window: the longest event-loop blocks have been these, not our tasks. */
  scavenges: { count: number; totalMs: number; longestMs: number };
  cache: Omit<NonNullable<CorpusEntry['cache']>, 'flush'> | undefined;
  /** Articles extracted in worker threads (the default `indexing.workers`); 0 when all came from the cache. */
  extractedInWorkers: number;
}

describe('performance figures (written to out/perf/ for npm run bench)', function () {
  this.timeout(300_000);
  let folder: string | undefined;

  after(async () => {
    const api = await extensionApi();
    if (folder) {
      if (api.manager.entries().some((e) => e.root === folder)) await api.manager.removeFolder(folder);
      await fsp.rm(folder, { recursive: true, force: true });
    }
  });

  it('activate() returned its own duration', async () => {
    const api = await extensionApi();
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs >= 0, `activationMs = ${api.activationMs}`);
    await writeFigures('activation.json', { activationMs: api.activationMs });
  });

  it(`indexes a generated ${ARTICLES}-article corpus completely, cold and then warm from the cache`, async () => {
    const api = await extensionApi();
    folder = await fsp.mkdtemp(path.join(os.tmpdir(), 'corpus-nav-perf-'));
    const bytes = writeCorpus(generateCorpus(ARTICLES), folder);
    const root = folder;

    const load = async (): Promise<{ entry: CorpusEntry; figures: LoadFigures }> => {
      const histogram = monitorEventLoopDelay({ resolution: 1 });
      const sampler = gapSampler();
      const ready = api.manager.onDidChange(({ entry }) => {
        if (entry?.root === root && entry.state === 'ready') sampler.mark();
      });
      const extractedBefore = api.workers.extractedFiles;
      const scavengeMs: number[] = [];
      const gcObserver = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if ((entry as unknown as { detail?: { kind?: number } }).detail?.kind === perfConstants.NODE_PERFORMANCE_GC_MINOR) scavengeMs.push(entry.duration);
        }
      });
      gcObserver.observe({ entryTypes: ['gc'] });
      histogram.enable();
      try {
        await api.manager.addFolder(vscode.Uri.file(root));
        await api.manager.whenIdle();
        // Let the features that react to the new corpus (tree, search, status bar) do their work inside the window.
        await new Promise((resolve) => setTimeout(resolve, 2000));
      } finally {
        histogram.disable();
        gcObserver.disconnect();
        ready.dispose();
      }
      const gaps = sampler.stop();
      const entry = await eventually(() => api.manager.entries().find((e) => e.root === root && e.state === 'ready'), 60_000, 'the corpus to be ready');
      const { flush: _flush, ...cache } = entry.cache ?? { flush: undefined };
      return {
        entry,
        figures: {
          loadMs: entry.loadMs,
          maxEventLoopDelayMs: histogram.max / 1e6,
          p99EventLoopDelayMs: histogram.percentile(99) / 1e6,
          longestGapDuringLoadMs: gaps.before,
          longestGapAfterReadyMs: gaps.after,
          scavenges: { count: scavengeMs.length, totalMs: scavengeMs.reduce((sum, d) => sum + d, 0), longestMs: Math.max(0, ...scavengeMs) },
          cache: entry.cache ? (cache as LoadFigures['cache']) : undefined,
          extractedInWorkers: api.workers.extractedFiles - extractedBefore,
        },
      };
    };

    const cold = await load();
    assert.strictEqual(cold.entry.corpus?.articles().length, ARTICLES, 'every article indexed (cold)');
    assert.ok((cold.entry.corpus?.people().length ?? 0) > 100, 'people found');
    assert.strictEqual(cold.figures.extractedInWorkers, ARTICLES, 'every article extracted in a worker (cold)');
    const coldPeople = cold.entry.corpus!.people().map((p) => `${p.id}:${p.mentions.length}`);
    assert.ok(cold.entry.cache, 'the extension has storage for the warm-start cache');
    await cold.entry.cache.flush();

    await api.manager.removeFolder(root);
    assert.ok(!api.manager.entries().some((e) => e.root === root));
    const warm = await load();
    assert.strictEqual(warm.entry.corpus?.articles().length, ARTICLES, 'every article indexed (warm)');
    assert.strictEqual(warm.entry.cache?.reused, ARTICLES, 'the warm start reused every cached extraction');
    assert.deepStrictEqual(warm.entry.corpus!.people().map((p) => `${p.id}:${p.mentions.length}`), coldPeople, 'same people as the cold index');

    await writeFigures('indexing.json', { articles: ARTICLES, bytes, cold: cold.figures, warm: warm.figures });
    console.log(`  cold: ${JSON.stringify(cold.figures)}`);
    console.log(`  warm: ${JSON.stringify(warm.figures)}`);
  });
});
