// The article's person mentions, looked up by where they start and end.
import type { RawMention } from '../../types';
import * as sortedSearch from '../../util/sortedSearch';
import type { Token } from './tokens';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { lowerBoundOfNumbers } = sortedSearch;

export class MentionLookup {
  /** Mention index by start and by end offset (the last mention wins where two share one). */
  readonly byStart = new Map<number, number>();
  readonly byEnd = new Map<number, number>();
  /** Mention indices in text order, and their starts. */
  private readonly order: number[];
  private readonly orderStarts: number[];

  constructor(
    private readonly text: string,
    readonly list: readonly RawMention[],
  ) {
    list.forEach((m, i) => {
      this.byEnd.set(m.end, i);
      this.byStart.set(m.start, i);
    });
    this.order = list.map((_, i) => i).sort((a, b) => list[a].start - list[b].start);
    this.orderStarts = this.order.map((i) => list[i].start);
  }

  /** Mention indices whose span lies inside [start, end), in text order. */
  within(start: number, end: number): number[] {
    const { order, orderStarts, list } = this;
    const out: number[] = [];
    for (let i = lowerBoundOfNumbers(orderStarts, start); i < order.length && orderStarts[i] < end; i++) {
      if (list[order[i]].end <= end) out.push(order[i]);
    }
    return out;
  }

  /** Mention indices in text order. */
  inTextOrder(): readonly number[] {
    return this.order;
  }

  /** "Fallon's", "leaders'": the mention names an owner, not a speaker. */
  isPossessive(mention: RawMention): boolean {
    return /^(?:['\u2019]s?\b|s\b)/.test(this.text.slice(mention.end, mention.end + 2));
  }

  /** How many tokens before index k (exclusive) the mention ending at tokens[k] also covers. */
  tokensBefore(mention: number, tokens: readonly Token[], k: number): number {
    const start = this.list[mention].start;
    let n = 0;
    while (k - n - 1 >= 0 && tokens[k - n - 1].start >= start) n++;
    return n;
  }
}
