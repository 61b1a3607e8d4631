import * as assert from 'assert';
import { ITEMS_PER_STEP, runSteps, SliceClock, sortSteps, type Steps } from '../../src/core/util/steps';
import { createRandom as createSeededRandom } from '../support/corpusGenerator';

/** A seeded generator (mulberry32, shared with the bench corpus), so every run tests the same sequences. */
const createRandom = (seed: number): (() => number) => createSeededRandom(seed).next;

interface Item {
  key: number;
  name: string;
  /** Position before sorting: equal items must keep their order. */
  at: number;
}

const byKey = (a: Item, b: Item) => a.key - b.key;
const byKeyDescThenName = (a: Item, b: Item) => b.key - a.key || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function randomItems(random: () => number, length: number, keys: number): Item[] {
  return Array.from({ length }, (_, at) => ({ key: Math.floor(random() * keys), name: String.fromCharCode(97 + Math.floor(random() * 3)), at }));
}

describe('sortSteps', () => {
  it('orders exactly like Array.prototype.sort (stable) with the same comparator, in place', () => {
    const random = createRandom(11);
    for (const length of [0, 1, 2, 15, 16, 17, 33, 100, 1000, 5000]) {
      for (const keys of [1, 3, length + 1]) {
        for (const compare of [byKey, byKeyDescThenName]) {
          const items = randomItems(random, length, keys);
          const expected = items.slice().sort(compare);
          const sorted = runSteps(sortSteps(items, compare));
          assert.strictEqual(sorted, items, 'sorted in place');
          assert.deepStrictEqual(sorted.map((item) => item.at), expected.map((item) => item.at), `length ${length}, ${keys} keys`);
        }
      }
    }
  });

  it('sorts strings like the default sort', () => {
    const random = createRandom(3);
    const paths = Array.from({ length: 3000 }, () => `${Math.floor(random() * 50)}/Ä${Math.floor(random() * 1e6).toString(36)}.txt`);
    const sorted = runSteps(sortSteps(paths.slice(), (a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    assert.deepStrictEqual(sorted, paths.slice().sort());
  });

  it('does a bounded number of comparisons between two yields, however large the array', () => {
    const items = randomItems(createRandom(5), 50_000, 1000);
    let comparisons = 0;
    let longestStep = 0;
    let steps = 0;
    const sorting = sortSteps(items, (a, b) => (comparisons++, a.key - b.key));
    for (;;) {
      const before = comparisons;
      const result = sorting.next();
      longestStep = Math.max(longestStep, comparisons - before);
      if (result.done) break;
      steps++;
    }
    assert.ok(steps > 50_000 / ITEMS_PER_STEP, `${steps} steps`);
    assert.ok(longestStep <= 2 * ITEMS_PER_STEP, `longest step ${longestStep} comparisons`);
    for (let i = 1; i < items.length; i++) assert.ok(items[i - 1].key <= items[i].key);
  });
});

describe('SliceClock', () => {
  function* countTo(n: number, log: string[]): Steps<number> {
    try {
      for (let i = 1; i < n; i++) {
        log.push(`step ${i}`);
        yield;
      }
      return n;
    } finally {
      log.push('finally');
    }
  }

  it('pauses between every step with a zero budget, and never within a large budget', async () => {
    const log: string[] = [];
    const pause = async () => void log.push('pause');
    assert.strictEqual(await new SliceClock(0, undefined, pause).run(countTo(3, log)), 3);
    assert.deepStrictEqual(log, ['step 1', 'pause', 'step 2', 'pause', 'finally']);
    log.length = 0;
    assert.strictEqual(await new SliceClock(60_000, undefined, pause).run(countTo(3, log)), 3);
    assert.deepStrictEqual(log, ['step 1', 'step 2', 'finally']);
  });

  it('gives the event loop back: a timer set before the run fires during it', async () => {
    let fired = false;
    setImmediate(() => (fired = true));
    const seen: boolean[] = [];
    function* watch(): Steps<void> {
      for (let i = 0; i < 5; i++) {
        seen.push(fired);
        yield;
      }
    }
    await new SliceClock(0).run(watch());
    assert.deepStrictEqual(seen, [false, true, true, true, true]);
  });

  it('stops at the next pause when aborted, running the steps’ finally blocks', async () => {
    const controller = new AbortController();
    const log: string[] = [];
    const pause = async () => {
      log.push('pause');
      controller.abort();
    };
    await assert.rejects(new SliceClock(0, controller.signal, pause).run(countTo(10, log)));
    assert.deepStrictEqual(log, ['step 1', 'pause', 'finally']);
  });
});
