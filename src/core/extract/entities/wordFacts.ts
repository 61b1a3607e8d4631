// A direct-mapped cache of the facts describeTokens computes from a token's characters alone (hashes, shape,
// affixes, case flags, lexicon bits): a word that recurs ("the", "said", a name) is described once. A slot
// keeps the word's characters and is read only when they match, so a hit gives exactly the computed facts.
import type { TokenInfo } from './tokenInfo';

const SLOTS_LOG2 = 14;
/** Longer words are described each time (they are rare, and a slot holds this many characters). */
export const MAX_CACHED_LENGTH = 16;
/** Facts a slot holds: folded, cased, shortShape, prefix2, prefix3, flags, lex. */
const FACTS = 7;

export class WordFacts {
  private readonly lengths = new Int32Array(1 << SLOTS_LOG2);
  private readonly chars = new Uint16Array(MAX_CACHED_LENGTH << SLOTS_LOG2);
  private readonly facts = new Int32Array(FACTS << SLOTS_LOG2);

  /** The slot of the word codes[start, end) (at most MAX_CACHED_LENGTH long). */
  slotOf(codes: Uint16Array, start: number, end: number): number {
    const length = end - start;
    // First, second, middle and last characters with the length: spread enough for a word cache, no loop.
    let h = Math.imul(codes[start] ^ (length << 16), 0x9e3779b1);
    h = Math.imul(h ^ codes[start + (length >> 1)] ^ (codes[end - 1] << 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 15) ^ codes[start + (length > 1 ? 1 : 0)], 0xc2b2ae35);
    return (h ^ (h >>> 13)) >>> (32 - SLOTS_LOG2);
  }

  /** Copies the facts of the word codes[start, end) into token i of `info` if `slot` holds it. */
  read(slot: number, codes: Uint16Array, start: number, end: number, info: TokenInfo, i: number): boolean {
    const length = end - start;
    if (this.lengths[slot] !== length) return false;
    const { chars } = this;
    const at = slot * MAX_CACHED_LENGTH - start;
    for (let k = start; k < end; k++) if (chars[at + k] !== codes[k]) return false;
    const { facts } = this;
    const f = slot * FACTS;
    info.folded[i] = facts[f];
    info.cased[i] = facts[f + 1];
    info.shortShape[i] = facts[f + 2];
    info.prefix2[i] = facts[f + 3];
    info.prefix3[i] = facts[f + 4];
    info.flags[i] = facts[f + 5];
    info.lex[i] = facts[f + 6];
    return true;
  }

  /** Keeps token i's facts (just described from codes[start, end)) in `slot`. */
  write(slot: number, codes: Uint16Array, start: number, end: number, info: TokenInfo, i: number): void {
    this.lengths[slot] = end - start;
    this.chars.set(codes.subarray(start, end), slot * MAX_CACHED_LENGTH);
    const { facts } = this;
    const f = slot * FACTS;
    facts[f] = info.folded[i];
    facts[f + 1] = info.cased[i];
    facts[f + 2] = info.shortShape[i];
    facts[f + 3] = info.prefix2[i];
    facts[f + 4] = info.prefix3[i];
    facts[f + 5] = info.flags[i];
    facts[f + 6] = info.lex[i];
  }
}
