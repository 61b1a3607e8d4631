// The worker pool on its own: lazy start, idle shutdown, a crashed or hung worker replaced with only its task
// failing, cancellation, contexts, transferred buffers.
import * as assert from 'assert';
import * as path from 'path';
import { TaskFailure, WorkerPool, type PoolOptions } from '../../src/core/index/workers/pool';
import { CONTEXTS_PER_WORKER } from '../../src/core/index/workers/protocol';
import type { PoolTestTask } from '../support/poolTestWorker';

const script = path.join(__dirname, '..', 'support', 'poolTestWorker.ts');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('worker pool', function () {
  // Each worker compiles its TypeScript through tsx first.
  this.timeout(60_000);
  let pool: WorkerPool;
  const open = (options: Partial<PoolOptions> = {}) => (pool = new WorkerPool({ script, size: 2, ...options }));
  const run = <R = unknown>(task: PoolTestTask, options?: Parameters<WorkerPool['run']>[1]) => pool.run<R>(task, options);
  afterEach(async () => {
    await pool?.close();
  });

  it('starts workers with the first task and stops them when idle', async () => {
    open({ idleMs: 200 });
    assert.strictEqual(pool.workerCount, 0);
    assert.deepStrictEqual(await Promise.all([run({ op: 'echo', value: 1 }), run({ op: 'echo', value: 2 }), run({ op: 'echo', value: 3 })]), [1, 2, 3]);
    assert.strictEqual(pool.workerCount, 2);
    await sleep(600);
    assert.strictEqual(pool.workerCount, 0);
    assert.strictEqual(await run({ op: 'echo', value: 'again' }), 'again');
    assert.strictEqual(pool.workerCount, 1);
  });

  it('starts no more workers than tasks need, and no more than its size', async () => {
    open({ size: 3 });
    await run({ op: 'echo', value: 0 });
    assert.strictEqual(pool.workerCount, 1);
    await Promise.all(Array.from({ length: 20 }, (_, i) => run({ op: 'sleep', ms: 5, value: i })));
    assert.strictEqual(pool.workerCount, 3);
  });

  for (const [name, task, message] of [
    ['exits', { op: 'exit', code: 3 }, /worker crashed \(exit code 3\)/],
    ['throws outside the handler', { op: 'uncaught' }, /worker crashed \(poisoned task\)/],
  ] as const) {
    it(`replaces a worker that ${name}, failing only its task`, async () => {
      open({ size: 2 });
      const tasks = Array.from({ length: 12 }, (_, i) => run(i === 5 ? task : { op: 'sleep', ms: 10, value: i }));
      const settled = await Promise.allSettled(tasks);
      settled.forEach((outcome, i) => {
        if (i === 5) {
          assert.strictEqual(outcome.status, 'rejected');
          const reason = (outcome as PromiseRejectedResult).reason as TaskFailure;
          assert.ok(reason instanceof TaskFailure);
          assert.strictEqual(reason.kind, 'crashed');
          assert.match(reason.message, message);
        } else {
          assert.deepStrictEqual(outcome, { status: 'fulfilled', value: i });
        }
      });
      assert.strictEqual(await run({ op: 'echo', value: 'after' }), 'after');
    });
  }

  it('fails a task that runs too long, replaces its worker and goes on', async () => {
    open({ size: 1, taskTimeoutMs: 400 });
    const hung = run({ op: 'hang' });
    const next = run({ op: 'echo', value: 'next' });
    await assert.rejects(hung, (error: unknown) => error instanceof TaskFailure && error.kind === 'timed out' && /took longer than 400 ms/.test(error.message));
    assert.strictEqual(await next, 'next');
  });

  it('fails the tasks of a worker that does not start in time, however short the task timeout', async () => {
    pool = new WorkerPool({ script: path.join(__dirname, '..', 'support', 'neverReadyWorker.ts'), size: 1, taskTimeoutMs: 100, startTimeoutMs: 800 });
    const started = Date.now();
    await assert.rejects(run({ op: 'echo', value: 'never' }), (error: unknown) => error instanceof TaskFailure && error.kind === 'timed out' && /did not start within 800 ms/.test(error.message));
    assert.ok(Date.now() - started >= 750, `failed after ${Date.now() - started} ms, before the start timeout`);
  });

  it('takes a script path relative to the working directory', async () => {
    open({ script: path.relative(process.cwd(), script) });
    assert.strictEqual(await run({ op: 'echo', value: 'relative' }), 'relative');
  });

  it('reports an error thrown by the handler without losing the worker', async () => {
    open({ size: 1 });
    await run({ op: 'echo', value: 0 });
    await assert.rejects(run({ op: 'throw' }), (error: unknown) => error instanceof TaskFailure && error.kind === 'failed' && error.message === 'handler failed');
    assert.strictEqual(await run({ op: 'echo', value: 1 }), 1);
    assert.strictEqual(pool.workerCount, 1);
  });

  it('drops queued tasks and gives up on running ones when their signal aborts', async () => {
    open({ size: 1, tasksPerWorker: 1 });
    await run({ op: 'echo', value: 'warm' });
    const controller = new AbortController();
    const cancelled = Array.from({ length: 10 }, (_, i) => run({ op: 'sleep', ms: 300, value: i }, { signal: controller.signal }));
    const other = run({ op: 'echo', value: 'other corpus' });
    await sleep(50);
    const abortedAt = performance.now();
    controller.abort();
    const outcomes = await Promise.allSettled(cancelled);
    // Nothing waits for the queued tasks (ten would take 3 s), nor for the one running.
    assert.ok(performance.now() - abortedAt < 100);
    for (const outcome of outcomes) assert.strictEqual((outcome as PromiseRejectedResult).reason?.name, 'AbortError');
    assert.strictEqual(await other, 'other corpus');
    await assert.rejects(run({ op: 'echo', value: 0 }, { signal: controller.signal }), { name: 'AbortError' });
  });

  it('sends a context once per worker and again after the worker dropped it', async () => {
    open({ size: 1 });
    const contexts = Array.from({ length: CONTEXTS_PER_WORKER + 3 }, (_, key) => ({ key, value: { config: `corpus ${key}` } }));
    for (let round = 0; round < 2; round++) {
      for (const context of contexts) assert.deepStrictEqual(await run({ op: 'context' }, { context }), context.value);
    }
  });

  it('hands buffers over by transfer', async () => {
    open({ size: 1 });
    const buffer = await run<ArrayBuffer>({ op: 'bytes', length: 1024 });
    assert.ok(buffer instanceof ArrayBuffer);
    assert.strictEqual(new Uint8Array(buffer)[1023], 7);
  });

  it('fails each task with the reason when the worker cannot start, without retrying forever', async () => {
    open({ script: path.join(__dirname, 'no-such-worker.js') });
    const outcomes = await Promise.allSettled([1, 2, 3].map((value) => run({ op: 'echo', value })));
    for (const outcome of outcomes) {
      const reason = (outcome as PromiseRejectedResult).reason as TaskFailure;
      assert.strictEqual(reason.kind, 'crashed');
      assert.match(reason.message, /Cannot find module/);
    }
  });

  it('reports the heap of each running worker, its peak at least what is in use', async () => {
    open();
    assert.deepStrictEqual(await pool.heap(), []);
    await Promise.all([run({ op: 'sleep', ms: 20, value: 1 }), run({ op: 'bytes', length: 1000 })]);
    const heaps = await pool.heap();
    assert.strictEqual(heaps.length, pool.workerCount);
    assert.strictEqual(heaps.length, 2);
    for (const heap of heaps) assert.ok(heap.used > 0 && heap.peak >= heap.used, JSON.stringify(heap));
  });

  it('fails what is left when closed', async () => {
    open({ size: 1, tasksPerWorker: 1 });
    const running = run({ op: 'sleep', ms: 200, value: 0 });
    const queued = run({ op: 'echo', value: 1 });
    const outcomes = Promise.allSettled([running, queued]);
    await pool.close();
    for (const outcome of await outcomes) assert.strictEqual(((outcome as PromiseRejectedResult).reason as TaskFailure).kind, 'closed');
    await assert.rejects(run({ op: 'echo', value: 2 }), TaskFailure);
    assert.strictEqual(pool.workerCount, 0);
  });
});
