// Long computations written as step generators (`yield` between bounded units of work), so the same code runs
// either at once (CLI, tests, incremental updates) or in slices that give the event loop back (the extension host
// must not be blocked for more than a few milliseconds at a time). Both ways do the same work in the same order.

/** A computation that yields between bounded units of work and returns its result at the end. */
export type Steps<T> = Generator<void, T, void>;

/**
 * Work between two yields to the event loop when sliced, in ms. A task can still run longer by one step or one
 * garbage collection (10-15 ms at 10,000 articles), so this is kept well under the 50 ms that users notice.
 */
export const DEFAULT_SLICE_MS = 5;

/** Mentions (or similar items) handled per step inside one document: a huge article must not be one step. */
export const ITEMS_PER_STEP = 2048;

/** Lets everything waiting on the event loop (input, timers, I/O callbacks) run before going on. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

/** Runs every step now. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const result = steps.next();
    if (result.done) return result.value;
  }
}

/**
 * Measures the work done since the event loop was last given back, so code in several phases (listing files,
 * extracting articles, resolving) can share one slice instead of each phase starting a full slice of its own.
 */
export class SliceClock {
  private sliceStart = performance.now();

  constructor(
    private readonly budgetMs: number = DEFAULT_SLICE_MS,
    private readonly signal?: AbortSignal,
    private readonly pause: () => Promise<void> = yieldToEventLoop,
  ) {}

  /** The slice has used its budget: give the event loop back before more work. */
  get due(): boolean {
    return performance.now() - this.sliceStart >= this.budgetMs;
  }

  /** Gives the event loop back now and starts a new slice; throws if aborted meanwhile. */
  async yield(): Promise<void> {
    await this.pause();
    this.signal?.throwIfAborted();
    this.sliceStart = performance.now();
  }

  /**
   * Runs the steps, giving the event loop back between two steps whenever the slice is used up. If someone
   * else ran the generator to its end meanwhile (a synchronous reader that could not wait), this ends with
   * `undefined`.
   */
  async run<T>(steps: Steps<T>): Promise<T> {
    try {
      for (;;) {
        const result = steps.next();
        if (result.done) return result.value;
        if (this.due) await this.yield();
      }
    } catch (error) {
      steps.return(undefined as never); // runs the generator's `finally` blocks
      throw error;
    }
  }
}

/** Runs the steps in slices of about `budgetMs`, awaiting `pause()` between slices (see `SliceClock.run`). */
export function runStepsSliced<T>(steps: Steps<T>, pause: () => Promise<void>, budgetMs: number, signal?: AbortSignal): Promise<T> {
  return new SliceClock(budgetMs, signal, pause).run(steps);
}

/** Runs of this length are insertion-sorted before merging (fewer passes over the array). */
const SORTED_RUN = 16;

/**
 * Sorts `items` in place and returns it, like `items.sort(compare)`, in steps of about `ITEMS_PER_STEP`
 * comparisons: a stable bottom-up merge sort, so for a consistent comparator the order is exactly that of
 * `Array.prototype.sort` (also stable). Items must not be `undefined` (`sort` moves those to the end).
 */
export function* sortSteps<T>(items: T[], compare: (a: T, b: T) => number): Steps<T[]> {
  const n = items.length;
  if (n < 2) return items;
  let work = 0;
  for (let start = 0; start < n; start += SORTED_RUN) {
    const end = Math.min(n, start + SORTED_RUN);
    for (let i = start + 1; i < end; i++) {
      const item = items[i];
      let j = i - 1;
      for (; j >= start && compare(items[j], item) > 0; j--) items[j + 1] = items[j];
      items[j + 1] = item;
    }
    if ((work += SORTED_RUN * 4) >= ITEMS_PER_STEP) {
      work = 0;
      yield;
    }
  }
  let from = items;
  let to = new Array<T>(n);
  for (let width = SORTED_RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let i = lo;
      let j = mid;
      for (let k = lo; k < hi; k++) {
        // Equal items keep their order: the right run wins only when strictly smaller.
        to[k] = i < mid && (j >= hi || compare(from[j], from[i]) >= 0) ? from[i++] : from[j++];
        if (++work >= ITEMS_PER_STEP) {
          work = 0;
          yield;
        }
      }
    }
    [from, to] = [to, from];
  }
  if (from !== items) {
    for (let k = 0; k < n; k++) {
      items[k] = from[k];
      if (++work >= ITEMS_PER_STEP) {
        work = 0;
        yield;
      }
    }
  }
  return items;
}
