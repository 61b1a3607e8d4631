// A direct-mapped cache of the facts describeTokens computes from a token's characters alone (hashes, shape,
// affixes, case flags, lexicon bits): a word that recurs ("the", "said", a name) is described once. A slot
// keeps the word's characters and is read only when they match, so a hit gives exactly the computed facts.
import type { TokenInfo } from './tokenInfo';

const SLOTS_LOG2 = 14;
/** Longer words are described each time (they are rare, and a slot holds this many characters). */
export const MAX_CACHED_LENGTH = 16;
/**
 * A slot: the word's length, its facts (folded, cased, shortShape, prefix2, prefix3, flags, lex), then its
 * characters two to an int; 16 ints side by side, so a lookup reads one or two cache lines, not one in each
 * of three arrays, and compares two characters at a time.
 */
const STRIDE = 16;
const FACTS = 1;
const CHARS = 8;

export class WordFacts {
  private readonly slots = new Int32Array(STRIDE << SLOTS_LOG2);

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
    const { slots } = this;
    const at = slot * STRIDE;
    if (slots[at] !== end - start) return false;
    let p = at + CHARS;
    let k = start;
    for (; k + 1 < end; k += 2, p++) if (slots[p] !== (codes[k] | (codes[k + 1] << 16))) return false;
    if (k < end && slots[p] !== codes[k]) return false;
    const f = at + FACTS;
    info.folded[i] = slots[f];
    info.cased[i] = slots[f + 1];
    info.shortShape[i] = slots[f + 2];
    info.prefix2[i] = slots[f + 3];
    info.prefix3[i] = slots[f + 4];
    info.flags[i] = slots[f + 5];
    info.lex[i] = slots[f + 6];
    return true;
  }

  /** Keeps token i's facts (just described from codes[start, end)) in `slot`. */
  write(slot: number, codes: Uint16Array, start: number, end: number, info: TokenInfo, i: number): void {
    const { slots } = this;
    const at = slot * STRIDE;
    slots[at] = end - start;
    let p = at + CHARS;
    let k = start;
    // An odd length's last character alone in its int, as read compares it.
    for (; k + 1 < end; k += 2, p++) slots[p] = codes[k] | (codes[k + 1] << 16);
    if (k < end) slots[p] = codes[k];
    const f = at + FACTS;
    slots[f] = info.folded[i];
    slots[f + 1] = info.cased[i];
    slots[f + 2] = info.shortShape[i];
    slots[f + 3] = info.prefix2[i];
    slots[f + 4] = info.prefix3[i];
    slots[f + 5] = info.flags[i];
    slots[f + 6] = info.lex[i];
  }
}
