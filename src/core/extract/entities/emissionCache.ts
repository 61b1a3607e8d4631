// Score sums of word features (features.ts wordFeatures) by word, case context and topic: a word that
// recurs ("Mr", "The", a name said ten times) is scored once. Direct-mapped and bounded; the key is the
// word's cased and folded hashes (64 bits) with its context, so a stale or colliding slot is never read.
// The shipped weights are int8, so every sum is an exact integer: slots hold int32s, half the bytes of
// doubles, which keeps the cache small beside the weights it sums.
import type { TokenInfo } from './tokenInfo';

const SLOTS_LOG2 = 13;
const T = 9;
/** A slot: cased hash, folded key, a filled mark, the nine sums; 12 ints side by side, one random read. */
const STRIDE = 12;
const FOLDED = 1;
const FILLED = 2;
const SUMS = 3;

export class EmissionCache {
  /** Slot s: its key and filled mark from s * STRIDE, its sums from sumsAt(s). */
  readonly sums = new Int32Array(STRIDE << SLOTS_LOG2);
  /** The weights the sums were made with: other weights empty the cache. */
  private owner: object | null = null;

  /** The slot for token i, cleared and unfilled when it holds another word (see isFilled). */
  slotOf(info: TokenInfo, i: number, weights: { emission: ArrayLike<number> }): number {
    if (weights !== this.owner) {
      if (!(weights.emission instanceof Int8Array)) throw new Error('the emission cache needs integer weights');
      this.sums.fill(0);
      this.owner = weights;
    }
    const cased = info.cased[i];
    const folded = info.folded[i] ^ Math.imul(info.caseContext[i] * 8 + info.topic + 1, 0x9e3779b1);
    const slot = Math.imul(cased ^ Math.imul(folded, 0x85ebca6b), 0xc2b2ae35) >>> (32 - SLOTS_LOG2);
    const key = slot * STRIDE;
    const { sums } = this;
    if (sums[key + FILLED] === 0 || sums[key] !== cased || sums[key + FOLDED] !== folded) {
      sums[key] = cased;
      sums[key + FOLDED] = folded;
      sums[key + FILLED] = 0;
    }
    return slot;
  }

  /** Where a slot's nine sums start in `sums`. */
  sumsAt(slot: number): number {
    return slot * STRIDE + SUMS;
  }

  isFilled(slot: number): boolean {
    return this.sums[slot * STRIDE + FILLED] === 1;
  }

  /** Stores scores[at, at + 9) as a slot's sums and marks them written. */
  fill(slot: number, scores: Float64Array, at: number): void {
    const { sums } = this;
    const to = slot * STRIDE + SUMS;
    for (let t = 0; t < T; t++) sums[to + t] = scores[at + t];
    sums[slot * STRIDE + FILLED] = 1;
  }
}
