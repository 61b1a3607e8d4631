// A pool of worker threads for independent tasks (article extraction). Workers start with the first task and
// stop after a while without one; a worker that crashes or takes too long on a task is replaced, and only that
// task fails; a task whose AbortSignal fires is dropped from the queue (or its result ignored if it is running).
import { createRequire } from 'module';
import * as nodePath from 'path';
import { Worker } from 'worker_threads';
import { CONTEXTS_PER_WORKER, NO_CONTEXT, type FromWorker, type ToWorker, type WorkerHeap } from './protocol';

export interface PoolOptions {
  /** The worker's entry: a bundled .js file, or its .ts source when the core itself runs from source (tsx). */
  script: string;
  /** At most this many workers. */
  size: number;
  /** Workers stop after this long without a task. */
  idleMs?: number;
  /** A task that runs longer fails, and its worker is replaced. */
  taskTimeoutMs?: number;
  /** A worker that is not ready this long after it was started fails its tasks. Loading the bundle takes far
   * longer than one task on a busy machine, so this is not the task timeout. */
  startTimeoutMs?: number;
  /** Tasks handed to a worker ahead of its results, so it does not wait for a busy main thread between tasks. */
  tasksPerWorker?: number;
}

export const DEFAULT_IDLE_MS = 5_000;
export const DEFAULT_TASK_TIMEOUT_MS = 30_000;

/** Shared by many tasks and sent once per worker (see protocol.ts). */
export interface TaskContext {
  key: number;
  value: unknown;
}

export interface TaskOptions {
  context?: TaskContext;
  signal?: AbortSignal;
}

/** Why a task failed in the pool (as opposed to a result that reports a problem). */
export class TaskFailure extends Error {
  constructor(
    readonly kind: 'crashed' | 'timed out' | 'failed' | 'closed',
    message: string,
  ) {
    super(message);
  }
}

interface Task {
  id: number;
  payload: unknown;
  context: TaskContext | undefined;
  signal: AbortSignal | undefined;
  settled: boolean;
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  /** Sent and not answered yet, in the order the worker runs them: the first one is running. */
  inFlight: Task[];
  /** Context keys this worker holds, oldest first. */
  contexts: number[];
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The uncaught error that is about to end the worker, for the task's reason. */
  error: string | undefined;
  /** The worker has loaded its code (tasks are timed from then on). */
  ready: boolean;
  stopped: boolean;
  /** Waiting for the worker's heap figures (undefined if it stops first). */
  heapWaiters: ((heap: WorkerHeap | undefined) => void)[];
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private queue: Task[] = [];
  private nextId = 1;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  /** Tasks by signal: one abort listener per signal however many tasks it covers (a corpus load has many). */
  private readonly bySignal = new Map<AbortSignal, { tasks: Set<Task>; onAbort: () => void }>();
  private readonly size: number;
  private readonly idleMs: number;
  private readonly taskTimeoutMs: number;
  private readonly startTimeoutMs: number;
  private readonly tasksPerWorker: number;

  constructor(private readonly options: PoolOptions) {
    this.size = Math.max(1, Math.floor(options.size));
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    this.taskTimeoutMs = options.taskTimeoutMs ?? DEFAULT_TASK_TIMEOUT_MS;
    this.startTimeoutMs = options.startTimeoutMs ?? Math.max(this.taskTimeoutMs, DEFAULT_TASK_TIMEOUT_MS);
    this.tasksPerWorker = Math.max(1, options.tasksPerWorker ?? 2);
  }

  /** Workers running now (0 before the first task and after an idle shutdown). */
  get workerCount(): number {
    return this.slots.length;
  }

  /** The heap of each running worker that answers within `timeoutMs` (for the benchmark). */
  async heap(timeoutMs = 5_000): Promise<WorkerHeap[]> {
    const replies = this.slots.map(
      (slot) =>
        new Promise<WorkerHeap | undefined>((resolve) => {
          const timer = setTimeout(() => {
            slot.heapWaiters.splice(slot.heapWaiters.indexOf(waiter), 1);
            resolve(undefined);
          }, timeoutMs);
          const waiter = (heap: WorkerHeap | undefined) => {
            clearTimeout(timer);
            resolve(heap);
          };
          slot.heapWaiters.push(waiter);
          slot.worker.postMessage({ type: 'heap' } satisfies ToWorker);
        }),
    );
    return (await Promise.all(replies)).filter((heap): heap is WorkerHeap => heap !== undefined);
  }

  /** Runs one task on a worker; rejects with a `TaskFailure`, or with the signal's reason when aborted. */
  run<R>(payload: unknown, options: TaskOptions = {}): Promise<R> {
    const { signal, context } = options;
    if (this.closed) return Promise.reject(new TaskFailure('closed', 'the worker pool is closed'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<R>((resolve, reject) => {
      const task: Task = { id: this.nextId++, payload, context, signal, settled: false, resolve: resolve as (r: unknown) => void, reject };
      if (signal) this.watch(signal, task);
      this.queue.push(task);
      this.dispatch();
    });
  }

  /** Fails what is queued or running and stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idleTimer);
    const failure = new TaskFailure('closed', 'the worker pool is closed');
    for (const task of this.queue) this.settle(task, false, failure);
    this.queue = [];
    const stopping = this.slots.splice(0).map((slot) => {
      for (const task of slot.inFlight) this.settle(task, false, failure);
      return this.stop(slot);
    });
    await Promise.all(stopping);
  }

  private watch(signal: AbortSignal, task: Task): void {
    let watched = this.bySignal.get(signal);
    if (!watched) {
      const tasks = new Set<Task>();
      const onAbort = () => {
        for (const aborted of [...tasks]) this.settle(aborted, false, signal.reason);
      };
      this.bySignal.set(signal, (watched = { tasks, onAbort }));
      signal.addEventListener('abort', onAbort, { once: true });
    }
    watched.tasks.add(task);
  }

  private settle(task: Task, ok: boolean, value: unknown): void {
    if (task.settled) return;
    task.settled = true;
    const watched = task.signal && this.bySignal.get(task.signal);
    if (watched) {
      watched.tasks.delete(task);
      if (watched.tasks.size === 0) {
        task.signal!.removeEventListener('abort', watched.onAbort);
        this.bySignal.delete(task.signal!);
      }
    }
    if (ok) task.resolve(value);
    else task.reject(value);
    // A cancelled task stays in the queue until dispatch reaches it; when nothing else is left, idle now.
    if (!ok) this.scheduleIdle();
  }

  private dispatch(): void {
    for (;;) {
      while (this.queue.length > 0 && this.queue[0].settled) this.queue.shift();
      if (this.queue.length === 0) break;
      let slot: Slot | undefined;
      for (const candidate of this.slots) if (!slot || candidate.inFlight.length < slot.inFlight.length) slot = candidate;
      if ((!slot || slot.inFlight.length > 0) && this.slots.length < this.size) slot = this.spawn();
      if (slot!.inFlight.length >= this.tasksPerWorker) break;
      this.send(slot!, this.queue.shift()!);
    }
    this.scheduleIdle();
  }

  private send(slot: Slot, task: Task): void {
    const { context } = task;
    if (context && !slot.contexts.includes(context.key)) {
      slot.worker.postMessage({ type: 'context', key: context.key, value: context.value } satisfies ToWorker);
      slot.contexts.push(context.key);
      if (slot.contexts.length > CONTEXTS_PER_WORKER) slot.contexts.shift();
    }
    slot.worker.postMessage({ type: 'task', id: task.id, context: context?.key ?? NO_CONTEXT, payload: task.payload } satisfies ToWorker);
    slot.inFlight.push(task);
    slot.worker.ref();
    if (slot.inFlight.length === 1 && slot.ready) this.startTimer(slot);
  }

  /** Times the task now at the head of the worker's queue (the one it is running). */
  private startTimer(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.timer = setTimeout(() => this.fail(slot, 'timed out', `took longer than ${formatSeconds(this.taskTimeoutMs)}`), this.taskTimeoutMs);
  }

  private spawn(): Slot {
    const worker = startWorker(nodePath.resolve(this.options.script));
    const slot: Slot = { worker, inFlight: [], contexts: [], timer: undefined, error: undefined, ready: false, stopped: false, heapWaiters: [] };
    worker.on('message', (message: FromWorker) => this.receive(slot, message));
    worker.on('error', (error) => {
      slot.error = error instanceof Error ? error.message : String(error);
    });
    worker.on('messageerror', (error) => this.fail(slot, 'failed', `result not readable: ${error.message}`));
    worker.on('exit', (code) => this.fail(slot, 'crashed', `worker crashed (${slot.error ?? `exit code ${code}`})`));
    slot.timer = setTimeout(() => this.fail(slot, 'timed out', `worker did not start within ${formatSeconds(this.startTimeoutMs)}`), this.startTimeoutMs);
    this.slots.push(slot);
    return slot;
  }

  private receive(slot: Slot, message: FromWorker): void {
    if (slot.stopped) return;
    if ('ready' in message) {
      slot.ready = true;
      clearTimeout(slot.timer);
      slot.timer = undefined;
      if (slot.inFlight.length > 0) this.startTimer(slot);
      return;
    }
    if ('heap' in message) {
      slot.heapWaiters.shift()?.(message.heap);
      return;
    }
    const index = slot.inFlight.findIndex((task) => task.id === message.id);
    if (index < 0) return;
    const [task] = slot.inFlight.splice(index, 1);
    clearTimeout(slot.timer);
    slot.timer = undefined;
    if (slot.inFlight.length > 0) this.startTimer(slot);
    if ('error' in message) this.settle(task, false, new TaskFailure('failed', message.error));
    else this.settle(task, true, message.result);
    this.dispatch();
  }

  /** The worker is lost (crash, hang, unreadable message): its running task fails, the others go back in the queue. */
  private fail(slot: Slot, kind: TaskFailure['kind'], message: string): void {
    if (slot.stopped) return;
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    void this.stop(slot);
    const [running, ...waiting] = slot.inFlight;
    slot.inFlight = [];
    this.queue.unshift(...waiting);
    if (running) this.settle(running, false, new TaskFailure(kind, message));
    if (!this.closed) this.dispatch();
  }

  private async stop(slot: Slot): Promise<void> {
    slot.stopped = true;
    clearTimeout(slot.timer);
    for (const waiter of slot.heapWaiters.splice(0)) waiter(undefined);
    await slot.worker.terminate();
  }

  /** With nothing queued or running, workers no longer keep the process alive, and stop after `idleMs`. */
  private scheduleIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (this.queue.some((task) => !task.settled) || this.slots.some((slot) => slot.inFlight.some((task) => !task.settled))) return;
    for (const slot of this.slots) slot.worker.unref();
    if (this.slots.length === 0) return;
    this.idleTimer = setTimeout(() => {
      for (const slot of this.slots.splice(0)) void this.stop(slot);
    }, this.idleMs);
    this.idleTimer.unref();
  }
}

/**
 * A worker for `script`. TypeScript sources (tests and benchmarks run the core under tsx) are loaded through
 * tsx's require hook, which a worker does not inherit from its parent.
 */
function startWorker(script: string): Worker {
  if (!script.endsWith('.ts')) return new Worker(script);
  const tsx = createRequire(script).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(script)});`, { eval: true });
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}
