// The binary searches of util/sortedSearch against a linear scan of the same sorted lists.
import * as assert from 'assert';
import fc from 'fast-check';
import { lowerBound, partitionPoint, upperBound } from '../../src/core/util/sortedSearch';

const sortedNumbers = fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 40 }).map((values) => values.sort((a, b) => a - b));
const itself = (value: number): number => value;

describe('sorted search', () => {
  it('lowerBound and upperBound give the first index at or after, and after, a value', () => {
    fc.assert(
      fc.property(sortedNumbers, fc.integer({ min: -25, max: 25 }), (values, value) => {
        const firstAtOrAfter = values.findIndex((v) => v >= value);
        const firstAfter = values.findIndex((v) => v > value);
        assert.strictEqual(lowerBound(values, value, itself), firstAtOrAfter < 0 ? values.length : firstAtOrAfter);
        assert.strictEqual(upperBound(values, value, itself), firstAfter < 0 ? values.length : firstAfter);
      }),
    );
  });

  it('partitionPoint finds where a two-key order (count descending, then id) places an item', () => {
    const people = fc.array(fc.record({ count: fc.integer({ min: 0, max: 5 }), id: fc.string({ maxLength: 3 }) }), { maxLength: 30 });
    const order = (a: { count: number; id: string }, b: { count: number; id: string }): number => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    fc.assert(
      fc.property(people, fc.record({ count: fc.integer({ min: 0, max: 5 }), id: fc.string({ maxLength: 3 }) }), (list, probe) => {
        list.sort(order);
        const expected = list.findIndex((item) => order(item, probe) >= 0);
        assert.strictEqual(partitionPoint(list.length, (i) => order(list[i], probe) < 0), expected < 0 ? list.length : expected);
      }),
    );
  });
});
