// Score sums of word features (features.ts wordFeatures) by word, case context and topic: a word that
// recurs ("Mr", "The", a name said ten times) is scored once. Direct-mapped and bounded; the key is the
// word's cased and folded hashes (64 bits) with its context, so a stale or colliding slot is never read.
import type { TokenInfo } from './tokenInfo';

const SLOTS_LOG2 = 13;
const T = 9;
/** A slot's cased hash, folded key and nine sums side by side: one random read touches one or two cache lines. */
const STRIDE = 2 + T;

export class EmissionCache {
  private readonly filled = new Uint8Array(1 << SLOTS_LOG2);
  /** Slot s: cased hash at s * STRIDE, folded key at s * STRIDE + 1, sums from sumsAt(s). */
  readonly sums = new Float64Array(STRIDE << SLOTS_LOG2);
  /** The weights the sums were made with: other weights empty the cache. */
  private owner: object | null = null;

  /** The slot for token i, cleared and unfilled when it holds another word (see isFilled). */
  slotOf(info: TokenInfo, i: number, owner: object): number {
    if (owner !== this.owner) {
      this.filled.fill(0);
      this.owner = owner;
    }
    const cased = info.cased[i];
    const folded = info.folded[i] ^ Math.imul(info.caseContext[i] * 8 + info.topic + 1, 0x9e3779b1);
    const slot = Math.imul(cased ^ Math.imul(folded, 0x85ebca6b), 0xc2b2ae35) >>> (32 - SLOTS_LOG2);
    const key = slot * STRIDE;
    const { sums } = this;
    if (this.filled[slot] === 0 || sums[key] !== cased || sums[key + 1] !== folded) {
      this.filled[slot] = 0;
      sums[key] = cased;
      sums[key + 1] = folded;
    }
    return slot;
  }

  /** Where a slot's nine sums start in `sums`. */
  sumsAt(slot: number): number {
    return slot * STRIDE + 2;
  }

  isFilled(slot: number): boolean {
    return this.filled[slot] === 1;
  }

  /** Marks a slot's sums (sums[sumsAt(slot) ...]) as written. */
  markFilled(slot: number): void {
    this.filled[slot] = 1;
  }
}
