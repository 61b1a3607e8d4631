// Small text helpers shared by the phases of quote extraction (character tests live in util/chars.ts).
import * as chars from '../../util/chars';
import type { Span } from '../../types';

/** The span without the whitespace at either end. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && chars.isSpace(text[start])) start++;
  while (end > start && chars.isSpace(text[end - 1])) end--;
  return { start, end };
}

/** How many runs of letters and digits the span holds. */
export function wordCount(text: string, span: Span): number {
  const m = text.slice(span.start, span.end).match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}

/** Index of the last item that passes the test, or -1 (Array.prototype.findLastIndex is ES2023). */
export function findLast<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}
