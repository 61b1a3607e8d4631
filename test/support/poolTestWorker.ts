// A worker for the pool tests: each task names what to do, including the ways a worker can fail.
import { serveTasks } from '../../src/core/index/workers/serve';

export type PoolTestTask =
  | { op: 'echo'; value: unknown }
  | { op: 'context' }
  | { op: 'sleep'; ms: number; value: unknown }
  | { op: 'bytes'; length: number }
  | { op: 'throw' }
  | { op: 'exit'; code: number }
  | { op: 'uncaught' }
  | { op: 'hang' };

serveTasks(async (payload, context) => {
  const task = payload as PoolTestTask;
  switch (task.op) {
    case 'echo':
      return { result: task.value };
    case 'context':
      return { result: context };
    case 'sleep':
      await new Promise((resolve) => setTimeout(resolve, task.ms));
      return { result: task.value };
    case 'bytes': {
      const buffer = new Uint8Array(task.length).fill(7).buffer;
      return { result: buffer, transfer: [buffer] };
    }
    case 'throw':
      throw new Error('handler failed');
    case 'exit':
      process.exit(task.code);
      break;
    case 'uncaught':
      process.nextTick(() => {
        throw new Error('poisoned task');
      });
      return new Promise(() => {});
    case 'hang':
      for (;;) {
        // Busy forever: only terminating the worker ends this.
      }
  }
  throw new Error('unknown op');
});
