// Score sums of word features (features.ts wordFeatures) by word, case context and topic: a word that
// recurs ("Mr", "The", a name said ten times) is scored once. Direct-mapped and bounded; the key is the
// word's cased and folded hashes (64 bits) with its context, so a stale or colliding slot is never read.
import type { TokenInfo } from './tokenInfo';

const SLOTS_LOG2 = 13;
const T = 9;

export class EmissionCache {
  private readonly cased = new Int32Array(1 << SLOTS_LOG2);
  private readonly folded = new Int32Array(1 << SLOTS_LOG2);
  private readonly filled = new Uint8Array(1 << SLOTS_LOG2);
  readonly sums = new Float64Array(T << SLOTS_LOG2);
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
    if (this.filled[slot] === 0 || this.cased[slot] !== cased || this.folded[slot] !== folded) {
      this.filled[slot] = 0;
      this.cased[slot] = cased;
      this.folded[slot] = folded;
    }
    return slot;
  }

  isFilled(slot: number): boolean {
    return this.filled[slot] === 1;
  }

  /** Marks a slot's sums (sums[slot * 9 ...]) as written. */
  markFilled(slot: number): void {
    this.filled[slot] = 1;
  }
}
