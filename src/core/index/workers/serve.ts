// The worker side of pool.ts: runs each task with the context it names and posts the result back, one task at a
// time and in the order received (the pool times the task at the head of a worker's queue).
import { getHeapStatistics } from 'v8';
import { parentPort, type TransferListItem } from 'worker_threads';
import { CONTEXTS_PER_WORKER, NO_CONTEXT, type FromWorker, type ToWorker } from './protocol';

export interface TaskOutput {
  result: unknown;
  /** Buffers in `result` handed over to the main thread instead of copied. */
  transfer?: TransferListItem[];
}

export type TaskHandler = (payload: unknown, context: unknown) => TaskOutput | Promise<TaskOutput>;

export function serveTasks(handle: TaskHandler): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  const contexts = new Map<number, unknown>();
  let previous: Promise<void> = Promise.resolve();
  /** The heap in use after a task, at most: read while the task's result is still held. */
  let peakHeap = 0;

  async function run(message: Exclude<ToWorker, { type: 'heap' }>): Promise<void> {
    if (message.type === 'context') {
      contexts.set(message.key, message.value);
      if (contexts.size > CONTEXTS_PER_WORKER) contexts.delete(contexts.keys().next().value!);
      return;
    }
    let reply: FromWorker;
    let transfer: TransferListItem[] | undefined;
    try {
      if (message.context !== NO_CONTEXT && !contexts.has(message.context)) throw new Error(`unknown context ${message.context}`);
      const output = await handle(message.payload, contexts.get(message.context));
      reply = { id: message.id, result: output.result };
      peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
      transfer = output.transfer;
    } catch (error) {
      reply = { id: message.id, error: error instanceof Error ? error.message : String(error) };
    }
    port!.postMessage(reply, transfer);
  }

  port.on('message', (message: ToWorker) => {
    if (message.type === 'heap') {
      const used = getHeapStatistics().used_heap_size;
      port.postMessage({ heap: { used, peak: Math.max(peakHeap, used) } } satisfies FromWorker);
      return;
    }
    previous = previous.then(() => run(message));
  });
  port.postMessage({ ready: true } satisfies FromWorker);
}
