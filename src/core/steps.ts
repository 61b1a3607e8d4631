// Long computations written as step generators (`yield` between bounded units of work), so the same code runs
// either at once (CLI, tests, incremental updates) or in slices that give the event loop back (the extension host
// must not be blocked for more than a few milliseconds at a time). Both ways do the same work in the same order.

/** A computation that yields between bounded units of work and returns its result at the end. */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step now. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const result = steps.next();
    if (result.done) return result.value;
  }
}

/**
 * Runs the steps in slices of about `budgetMs`, awaiting `pause()` between slices. If someone else ran the
 * generator to its end meanwhile (a synchronous reader that could not wait), this ends with `undefined`.
 */
export async function runStepsSliced<T>(steps: Steps<T>, pause: () => Promise<void>, budgetMs: number, signal?: AbortSignal): Promise<T> {
  let sliceStart = performance.now();
  try {
    for (;;) {
      const result = steps.next();
      if (result.done) return result.value;
      if (performance.now() - sliceStart >= budgetMs) {
        await pause();
        signal?.throwIfAborted();
        sliceStart = performance.now();
      }
    }
  } catch (error) {
    steps.return(undefined as never); // runs the generator's `finally` blocks
    throw error;
  }
}

/** Mentions (or similar items) handled per step inside one document: a huge article must not be one step. */
export const ITEMS_PER_STEP = 2048;
