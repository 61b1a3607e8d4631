// Extraction in worker threads (`BENCH_SKIP` section `workers`): index build through CorpusIndex.load with 0, 1
// and 2 workers at 1,000 and 10,000 articles, with the scaling efficiency (speed-up over in-thread / workers) and
// the heap of the main thread and of each worker at peak; then the longest event-loop block during a sliced
// 2,000-article load, with and without a competing CPU-bound process that the benchmark starts and kills.
//
// Environment: BENCH_WORKER_RUNS (timed loads per configuration, default 3).
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { monitorEventLoopDelay } from 'perf_hooks';
import { CorpusIndex } from '../src/core/index/corpusIndex';
import { NodeFileSystem } from '../src/core/extract/nodeFileSystem';
import { WorkerExtractor } from '../src/core/index/workers/workerExtractor';
import type { WorkerHeap } from '../src/core/index/workers/protocol';
import { generateCorpus, writeCorpus } from '../test/support/corpusGenerator';
import { gc, median, ms } from './measure';
import { add, results } from './report';

const WORKER_COUNTS = [0, 1, 2];
const RUNS = Math.max(1, Number(process.env.BENCH_WORKER_RUNS ?? 3));
const SLICED_ARTICLES = 2000;
/** The competing process spins at most this long, and is killed when the measurement ends. */
const COMPETITOR_MAX_MS = 120_000;

/**
 * Workers run the bundled worker (dist/extractWorker.js) beside the bundled benchmark, as the CLI and the
 * extension do.
 */
function extractorFor(workers: number): WorkerExtractor | undefined {
  return workers > 0 ? new WorkerExtractor({ workers }) : undefined;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

/**
 * The main thread's heap in use, sampled every 20 ms while `work` runs (the load yields between slices), above
 * what was in use before (the benchmark holds its generated corpora).
 */
async function withPeakHeap<T>(work: () => Promise<T>): Promise<{ value: T; peak: number }> {
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { value, peak: peak - before };
  } finally {
    clearInterval(timer);
  }
}

interface BuildFigures {
  workers: number;
  medianMs: number;
  runsMs: number[];
  mbPerS: number;
  speedUp: number;
  efficiency: number | null;
  /** Above the heap in use before the load. */
  mainPeakHeapBytes: number;
  workerHeaps: WorkerHeap[];
  cpuUserMs: number;
}

async function benchBuildWithWorkers(corpora: Map<number, { dir: string; bytes: number }>): Promise<Record<string, BuildFigures[]>> {
  const fileSystem = new NodeFileSystem();
  const figures: Record<string, BuildFigures[]> = {};
  for (const size of [1000, 10000]) {
    const corpus = corpora.get(size);
    if (!corpus) continue;
    const perCount: BuildFigures[] = [];
    for (const workers of WORKER_COUNTS) {
      const extractor = extractorFor(workers);
      try {
        const load = () => CorpusIndex.load(corpus.dir, fileSystem, { extractor });
        await load(); // warm-up: JIT, disk cache, workers started
        const times: number[] = [];
        let mainPeak = 0;
        const cpuBefore = process.cpuUsage();
        for (let i = 0; i < RUNS; i++) {
          gc();
          const started = performance.now();
          const { peak } = await withPeakHeap(load);
          times.push(performance.now() - started);
          mainPeak = Math.max(mainPeak, peak);
        }
        // Process-wide user CPU (all threads) per load.
        const cpuUserMs = process.cpuUsage(cpuBefore).user / 1000 / RUNS;
        const workerHeaps = extractor ? await extractor.heap() : [];
        const medianMs = median(times);
        const inThread = perCount[0]?.medianMs ?? medianMs;
        const speedUp = inThread / medianMs;
        perCount.push({
          workers,
          medianMs,
          runsMs: times,
          mbPerS: corpus.bytes / 1e6 / (medianMs / 1000),
          speedUp,
          efficiency: workers > 0 ? speedUp / workers : null,
          mainPeakHeapBytes: mainPeak,
          workerHeaps,
          cpuUserMs,
        });
      } finally {
        await extractor?.close();
      }
      const row = perCount[perCount.length - 1];
      const heaps = [`main +${mb(row.mainPeakHeapBytes)}`, ...row.workerHeaps.map((heap, i) => `worker ${i + 1} ${mb(heap.peak)}`)].join(', ');
      add(
        `workers: build ${size} articles, ${workers === 0 ? 'in-thread' : `${workers} worker${workers > 1 ? 's' : ''}`}`,
        `${row.mbPerS.toFixed(1)} MB/s (${ms(row.medianMs)})`,
        '',
        null,
        `${workers > 0 ? `speed-up ${row.speedUp.toFixed(2)}x, efficiency ${row.efficiency!.toFixed(2)}; ` : ''}user CPU ${(row.cpuUserMs / 1000).toFixed(1)} s a load; peak heap ${heaps}; median of ${RUNS}`,
      );
    }
    figures[size] = perCount;
  }
  return figures;
}

/** A child process that keeps one core busy until killed (or `COMPETITOR_MAX_MS` at most). */
function startCompetitor(): ChildProcess {
  return spawn(process.execPath, ['-e', `const end = Date.now() + ${COMPETITOR_MAX_MS}; let x = 0; while (Date.now() < end) x++;`], { stdio: 'ignore' });
}

async function stopCompetitor(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill();
  await exited;
}

/** The longest gap between 2 ms timer ticks, and monitorEventLoopDelay's maximum, while `work` runs. */
async function longestBlock(work: () => Promise<unknown>): Promise<{ gapMs: number; histogramMaxMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let last = performance.now();
  let gapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    gapMs = Math.max(gapMs, now - last);
    last = now;
  }, 2);
  histogram.enable();
  try {
    await work();
  } finally {
    histogram.disable();
    clearInterval(timer);
  }
  return { gapMs: Math.max(gapMs, performance.now() - last), histogramMaxMs: histogram.max / 1e6 };
}

async function benchEventLoop(): Promise<Record<string, unknown>[]> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-nav-bench-workers-'));
  const figures: Record<string, unknown>[] = [];
  try {
    writeCorpus(generateCorpus(SLICED_ARTICLES), folder);
    const fileSystem = new NodeFileSystem();
    for (const competing of [false, true]) {
      for (const workers of WORKER_COUNTS) {
        const extractor = extractorFor(workers);
        const competitor = competing ? startCompetitor() : undefined;
        try {
          const load = () => CorpusIndex.load(folder, fileSystem, { extractor });
          await load(); // warm-up
          const gaps: number[] = [];
          const histogramMaxes: number[] = [];
          const times: number[] = [];
          for (let i = 0; i < RUNS; i++) {
            gc();
            const started = performance.now();
            const block = await longestBlock(load);
            times.push(performance.now() - started);
            gaps.push(block.gapMs);
            histogramMaxes.push(block.histogramMaxMs);
          }
          figures.push({ workers, competing, gapsMs: gaps, histogramMaxMs: histogramMaxes, loadMs: times });
          add(
            `workers: longest event-loop block, sliced ${SLICED_ARTICLES} articles, ${workers === 0 ? 'in-thread' : `${workers} worker${workers > 1 ? 's' : ''}`}${competing ? ', competing CPU-bound process' : ''}`,
            `${ms(median(gaps))} median, ${ms(Math.max(...gaps))} max`,
            '',
            null,
            `${RUNS} loads of ${ms(median(times))} (median); monitorEventLoopDelay max ${ms(Math.max(...histogramMaxes))}`,
          );
        } finally {
          if (competitor) await stopCompetitor(competitor);
          await extractor?.close();
        }
      }
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return figures;
}

export async function benchWorkers(corpora: Map<number, { dir: string; bytes: number }>): Promise<void> {
  console.log(`\nExtraction in worker threads (CorpusIndex.load with 0, 1 and 2 workers; ${os.cpus().length} cores, workers and main thread bundled as shipped)`);
  const build = await benchBuildWithWorkers(corpora);
  const eventLoop = await benchEventLoop();
  results.workers = { runs: RUNS, build, eventLoop };
}
