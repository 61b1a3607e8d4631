// Document memory: how each word was tagged earlier in the same text, and in which cases it is written
// anywhere in the text ("Commission" in mid-sentence tells what "COMMISSION" in a headline is).
import * as tokenFacts from './tokenInfo';
import type { TokenInfo } from './tokenInfo';

const { F_HAS_LETTER } = tokenFacts;

/** Kinds a word was tagged as: 0 for outside any entity, 1 + type for an entity type. */
export const MEMORY_KINDS = 5;

export const SEEN_LOWER = 1;
export const SEEN_CAPITALISED_MID_SENTENCE = 2;
export const SEEN_SENTENCE_INITIAL = 4;
export const SEEN_IN_HEADLINE = 8;

/** A token's slot not yet known (noteCases skips tokens without letters). */
const UNNOTED = -2;

export class DocumentMemory {
  private keys = new Int32Array(0);
  private counts = new Int32Array(0);
  private seen = new Int32Array(0);
  private mask = 0;
  /** Each token's slot (its word's), from noteCases: the decoder's lookups of a token need no probing. */
  private tokenSlots = new Int32Array(0);

  /** Forgets everything and sizes the table for a text of `tokenCount` tokens. */
  reset(tokenCount: number): void {
    if (this.tokenSlots.length < tokenCount) this.tokenSlots = new Int32Array(tokenCount * 2);
    let size = 256;
    while (size < tokenCount * 2) size *= 2;
    if (size > this.keys.length) {
      this.keys = new Int32Array(size);
      this.counts = new Int32Array(size * MEMORY_KINDS);
      this.seen = new Int32Array(size);
    } else {
      this.keys.fill(0, 0, size);
      this.counts.fill(0, 0, size * MEMORY_KINDS);
      this.seen.fill(0, 0, size);
    }
    this.mask = size - 1;
  }

  /** Notes in which cases each word of the text is written. */
  noteCases(info: TokenInfo): void {
    const { folded, flags, caseContext } = info;
    const { tokenSlots } = this;
    for (let i = 0; i < info.count; i++) {
      if ((flags[i] & F_HAS_LETTER) === 0) {
        tokenSlots[i] = UNNOTED;
        continue;
      }
      const context = caseContext[i];
      const caseClass = context >> 2;
      let bit = 0;
      if ((context & 1) !== 0) bit = SEEN_IN_HEADLINE;
      else if ((context & 2) !== 0) bit = SEEN_SENTENCE_INITIAL;
      else if (caseClass === 1) bit = SEEN_LOWER;
      else if (caseClass === 2) bit = SEEN_CAPITALISED_MID_SENTENCE;
      const slot = this.slot(folded[i]);
      tokenSlots[i] = slot;
      this.seen[slot] |= bit;
    }
  }

  /** The slot of token i's word (folded hash `key`) after noteCases, -1 when the word is not in the table. */
  slotOfToken(i: number, key: number): number {
    const slot = this.tokenSlots[i];
    return slot === UNNOTED ? this.find(key) : slot;
  }

  /** Counts one tagging of token i (a word noteCases noted) as `kind`. */
  record(i: number, kind: number): void {
    this.counts[this.tokenSlots[i] * MEMORY_KINDS + kind]++;
  }

  /** The SEEN_ bits of the word in `slot` (see slotOfToken). */
  cases(slot: number): number {
    return slot < 0 ? 0 : this.seen[slot];
  }

  /**
   * For the word in `slot` (see slotOfToken): 0 when it was not tagged before; else 1 + 2 * most frequent kind
   * + (1 if it was the only kind).
   */
  recall(slot: number): number {
    if (slot < 0) return 0;
    const base = slot * MEMORY_KINDS;
    let best = 0;
    let total = 0;
    for (let k = 0; k < MEMORY_KINDS; k++) {
      const c = this.counts[base + k];
      total += c;
      if (c > this.counts[base + best]) best = k;
    }
    if (total === 0) return 0;
    return 1 + 2 * best + (this.counts[base + best] === total ? 1 : 0);
  }

  private find(key: number): number {
    const k = key === 0 ? 1 : key;
    for (let at = k & this.mask; ; at = (at + 1) & this.mask) {
      const found = this.keys[at];
      if (found === k) return at;
      if (found === 0) return -1;
    }
  }

  private slot(key: number): number {
    const k = key === 0 ? 1 : key;
    let at = k & this.mask;
    while (this.keys[at] !== 0 && this.keys[at] !== k) at = (at + 1) & this.mask;
    this.keys[at] = k;
    return at;
  }
}
