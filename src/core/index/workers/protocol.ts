// Messages between the worker pool (pool.ts) and a worker (serve.ts).

/** Data many tasks share (a corpus's configuration), sent to a worker once, before the first task that needs it. */
export interface ContextMessage {
  type: 'context';
  key: number;
  value: unknown;
}

export interface TaskMessage {
  type: 'task';
  id: number;
  /** The key of a context sent before, or NO_CONTEXT. */
  context: number;
  payload: unknown;
}

/** Asks for the worker's heap figures (answered at once, between tasks). */
export interface HeapMessage {
  type: 'heap';
}

export type ToWorker = ContextMessage | TaskMessage | HeapMessage;

/** A worker's own V8 heap, in bytes: in use now, and the most seen after any task so far. */
export interface WorkerHeap {
  used: number;
  peak: number;
}

/** `ready` comes first, once the worker has loaded its code: task timeouts do not count its start-up. */
export type FromWorker = { ready: true } | { heap: WorkerHeap } | { id: number; result: unknown } | { id: number; error: string };

export const NO_CONTEXT = -1;

/**
 * Contexts a worker keeps, dropping the one received first beyond that. The pool keeps the same list per worker
 * (both sides see the same context messages in the same order), so it knows what it must send again.
 */
export const CONTEXTS_PER_WORKER = 8;
