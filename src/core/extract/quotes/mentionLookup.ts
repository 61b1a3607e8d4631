// The article's person mentions, looked up by where they start and end.
import type { RawMention } from '../../types';
import * as chars from '../../util/chars';
import { isSortedBy } from '../../util/compare';
import * as sortedSearch from '../../util/sortedSearch';
import { scratchInts } from './scratch';
import type { Token } from './tokens';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { lowerBoundOfNumbers } = sortedSearch;
const { isAsciiWordCode } = chars;

/** A mention index by text offset, read like a ReadonlyMap<number, number>. */
export interface OffsetLookup {
  get(offset: number): number | undefined;
  has(offset: number): boolean;
}

/**
 * Mention indices by offset in an open-addressing table over scratch arrays: the lookups run for most tokens a
 * speaker search reads, and two Maps per article were garbage. Lives, like the scratch, while its article is extracted.
 */
class OffsetTable implements OffsetLookup {
  /** offset + 1 per slot, 0 for an empty one. */
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;

  constructor(count: number) {
    let size = 16;
    while (size < 2 * count) size *= 2;
    this.keys = scratchInts(size);
    this.values = scratchInts(size);
    this.mask = size - 1;
  }

  /** The slot holding `offset`, or the empty slot where it would go. */
  private slot(offset: number): number {
    const { keys, mask } = this;
    let at = Math.imul(offset, 0x9e3779b1) & mask;
    while (keys[at] !== 0 && keys[at] !== offset + 1) at = (at + 1) & mask;
    return at;
  }

  set(offset: number, value: number): void {
    const at = this.slot(offset);
    this.keys[at] = offset + 1;
    this.values[at] = value;
  }

  get(offset: number): number | undefined {
    const at = this.slot(offset);
    return this.keys[at] === 0 ? undefined : this.values[at];
  }

  has(offset: number): boolean {
    return this.keys[this.slot(offset)] !== 0;
  }
}

function byStartOffset(a: RawMention, b: RawMention): number {
  return a.start - b.start;
}

export class MentionLookup {
  /** Mention index by start and by end offset (the last mention wins where two share one). */
  readonly byStart: OffsetLookup;
  readonly byEnd: OffsetLookup;
  /** Mention indices in text order, and their starts. */
  private readonly order: number[];
  private readonly orderStarts: number[];

  constructor(
    private readonly text: string,
    readonly list: readonly RawMention[],
  ) {
    const byStart = new OffsetTable(list.length);
    const byEnd = new OffsetTable(list.length);
    for (let i = 0; i < list.length; i++) {
      byEnd.set(list[i].end, i);
      byStart.set(list[i].start, i);
    }
    this.byStart = byStart;
    this.byEnd = byEnd;
    // Mentions usually come in text order: then the (stable) sort would change nothing.
    const order = list.map((_, i) => i);
    this.order = isSortedBy(list, byStartOffset) ? order : order.sort((a, b) => list[a].start - list[b].start);
    this.orderStarts = this.order.map((i) => list[i].start);
  }

  /** Mention indices whose span lies inside [start, end), in text order. */
  within(start: number, end: number): number[] {
    return this.startingIn(start, end, end);
  }

  /** Mention indices starting in [start, end) (and ending by `endBy`), in text order. */
  startingIn(start: number, end: number, endBy = Infinity): number[] {
    const { order, orderStarts, list } = this;
    const out: number[] = [];
    for (let i = lowerBoundOfNumbers(orderStarts, start); i < order.length && orderStarts[i] < end; i++) {
      if (list[order[i]].end <= endBy) out.push(order[i]);
    }
    return out;
  }

  /** Mention indices in text order. */
  inTextOrder(): readonly number[] {
    return this.order;
  }

  /** "Fallon's", "leaders'": the mention names an owner, not a speaker. */
  isPossessive(mention: RawMention): boolean {
    // What /^(?:['\u2019]s?\b|s\b)/ answers on the two characters after the mention, read without cutting them
    // out (this runs for most mentions): an apostrophe before a word character, or an "s" that ends a word there.
    const { text } = this;
    const end = mention.end;
    if (end >= text.length) return false;
    const first = text.charCodeAt(end);
    const second = end + 1 < text.length ? text.charCodeAt(end + 1) : -1;
    if (first === 39 || first === 0x2019) return second >= 0 && isAsciiWordCode(second);
    return first === 115 && !(second >= 0 && isAsciiWordCode(second));
  }

  /** How many tokens before index k (exclusive) the mention ending at tokens[k] also covers. */
  tokensBefore(mention: number, tokens: readonly Token[], k: number): number {
    const start = this.list[mention].start;
    let n = 0;
    while (k - n - 1 >= 0 && tokens[k - n - 1].start >= start) n++;
    return n;
  }
}
