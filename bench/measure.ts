// Timing, statistics and heap figures for the benchmark.
import * as inspector from 'inspector';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
export const ms = (value: number): string => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
export const gc = (): void => (global as { gc?: () => void }).gc?.();
/** JS heap plus typed-array backing stores (which live outside the V8 heap). */
export const heapMB = (): number => {
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.arrayBuffers) / 1e6;
};
/**
 * Heap once it has settled: full collections, with a turn of the event loop between them, until two in a
 * row agree (at least four). What a finished load leaves behind is sometimes freed only by the second or
 * third collection, so one or two collections can count a dropped index in the baseline.
 */
export async function settledHeapMB(): Promise<number> {
  let previous = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 12; round++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    const now = heapMB();
    if (round >= 3 && Math.abs(now - previous) < 0.05) return now;
    previous = now;
  }
  return previous;
}

/** `samples` timings of `fn` after `warmups` untimed calls; `before` runs, untimed, ahead of every call. */
export function sampleTimes(samples: number, fn: () => unknown, before?: () => void, warmups = 5): number[] {
  for (let i = 0; i < warmups; i++) {
    before?.();
    fn();
  }
  return Array.from({ length: samples }, () => {
    before?.();
    const started = performance.now();
    fn();
    return performance.now() - started;
  });
}

export async function timeIt(run: () => unknown | Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Self time per function over one run of `work`, top entries, to point the extractor work at its slowest stage. */
export async function profile(work: () => Promise<unknown>, top = 8): Promise<{ fn: string; ms: number; share: number }[]> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.start');
  await work();
  const { profile: cpu } = (await post('Profiler.stop')) as { profile: inspector.Profiler.Profile };
  session.disconnect();
  const self = new Map<string, number>();
  const byId = new Map(cpu.nodes.map((node) => [node.id, node]));
  const deltas = cpu.timeDeltas ?? [];
  let total = 0;
  (cpu.samples ?? []).forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const frame = node.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0));
    total += deltas[i] ?? 0;
  });
  return [...self]
    .filter(([key]) => !key.startsWith('(idle)') && !key.startsWith('(program)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, micros]) => ({ fn, ms: Math.round(micros / 1000), share: Math.round((1000 * micros) / total) / 10 }));
}
