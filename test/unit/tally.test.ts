import { strict as assert } from 'assert';
import { addCount, addToTallies, addToTally, tallyCount, tallyEntries, tallyKeys, type Tally } from '../../src/core/util/counts';

/** A small deterministic generator, so a failure can be replayed. */
function generator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
}

describe('Tally (counts of few keys)', () => {
  it('counts, forgets and orders keys as a map with addCount does, across its change of shape', () => {
    const random = generator(7);
    for (let trial = 0; trial < 300; trial++) {
      let tally: Tally<string> = null;
      const map = new Map<string, number>();
      const keys = 1 + random(40);
      for (let step = 0; step < 150; step++) {
        const key = `k${random(keys)}`;
        const held = map.get(key) ?? 0;
        const delta = held > 0 && random(2) === 1 ? -1 - random(held) : 1 + random(3);
        tally = addToTally(tally, key, delta);
        addCount(map, key, delta);
        assert.deepEqual([...tallyEntries(tally)], [...map], `trial ${trial}, step ${step}`);
        assert.deepEqual([...tallyKeys(tally)], [...map.keys()]);
        assert.equal(tallyCount(tally, key), map.get(key) ?? 0);
      }
    }
  });

  it('is null when empty, a flat list for a few keys and a map past sixteen', () => {
    let tally: Tally<number> = addToTally(null, 1, 2);
    assert.deepEqual(tally, [1, 2]);
    tally = addToTally(tally, 1, -2);
    assert.equal(tally, null);
    for (let key = 0; key < 16; key++) tally = addToTally(tally, key, 1);
    assert.ok(Array.isArray(tally) && tally.length === 32);
    tally = addToTally(tally, 16, 1);
    assert.ok(tally instanceof Map && tally.size === 17);
    for (let key = 0; key <= 16; key++) tally = addToTally(tally, key, -1);
    assert.equal(tally, null);
  });

  it('drops the entry of a key whose tally empties (addToTallies)', () => {
    const byName = new Map<string, Tally<string>>();
    addToTallies(byName, 'smith', 'a.txt', 1);
    addToTallies(byName, 'smith', 'b.txt', 2);
    assert.deepEqual([...tallyEntries(byName.get('smith')!)], [['a.txt', 1], ['b.txt', 2]]);
    addToTallies(byName, 'smith', 'a.txt', -1);
    addToTallies(byName, 'smith', 'b.txt', -2);
    assert.equal(byName.has('smith'), false);
  });
});
