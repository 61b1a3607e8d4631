import * as assert from 'assert';
import { KeyCounts } from '../../src/core/index/keyCounts';
import { addCount } from '../../src/core/util/counts';
import { createRandom } from '../support/corpusGenerator';

/** The keys it lists (those with a count other than zero). */
function sizeOf(counts: KeyCounts): number {
  let size = 0;
  counts.forEach(() => size++);
  return size;
}

describe('key counts', () => {
  it('counts like addCount on a map through any mix of adds and removals, colliding keys included', () => {
    for (const seed of [1, 2, 3]) {
      const random = createRandom(seed);
      const counts = new KeyCounts();
      const map = new Map<number, number>();
      // Few distinct keys, some differing only in high bits (the same low bits), 0 and negatives among them.
      const pool = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? (i << 20) | 5 : random.int(-(2 ** 31), 2 ** 31 - 1)));
      pool.push(0, -1);
      for (let step = 0; step < 20000; step++) {
        const key = random.pick(pool);
        const delta = random.chance(0.45) && (map.get(key) ?? 0) > 0 ? -1 : random.int(1, 2);
        counts.add(key, delta);
        addCount(map, key, delta);
        if (step % 997 === 0) {
          assert.strictEqual(sizeOf(counts), map.size, `size at ${step}`);
          for (const k of pool) assert.strictEqual(counts.get(k), map.get(k) ?? 0, `key ${k} at ${step}`);
        }
      }
      const listed = new Map<number, number>();
      counts.forEach((key, count) => listed.set(key, count));
      assert.deepStrictEqual(new Map([...listed].sort((a, b) => a[0] - b[0])), new Map([...map].sort((a, b) => a[0] - b[0])));
      // Everything taken back leaves it empty.
      for (const [key, count] of map) counts.add(key, -count);
      assert.strictEqual(sizeOf(counts), 0);
      for (const key of pool) assert.strictEqual(counts.get(key), 0);
    }
  });
});
