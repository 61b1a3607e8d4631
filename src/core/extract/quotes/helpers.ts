// Character tests and small text helpers shared by the phases of quote extraction. The character tests run
// on every character of every article, so the common cases are tested by code before any regex.
import type { Span } from '../../types';
import { isAsciiLetterCode } from '../../util/chars';

/** A letter or digit of any script. */
export const WORD_CHAR = /[\p{L}\p{N}]/u;
export const LETTER = /\p{L}/u;
export const UPPER = /\p{Lu}/u;
const SPACE = /\s/;

/** Whitespace test without a regex: this runs on every character of every article. */
export function isSpace(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || (code > 0x1fff && SPACE.test(c));
}

export function isSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || (code > 0x1fff && SPACE.test(String.fromCharCode(code)));
}

export function isWord(c: string | undefined): boolean {
  return c !== undefined && WORD_CHAR.test(c);
}

export function isSpaceOrEdge(c: string | undefined): boolean {
  return c === undefined || isSpace(c);
}

/** \s among ASCII characters: space, tab, line feed, vertical tab, form feed, carriage return. */
export function isAsciiSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/** \w without the u flag: [A-Za-z0-9_]. */
export function isAsciiWordCode(code: number): boolean {
  return isAsciiLetterCode(code) || (code >= 48 && code <= 57) || code === 95;
}

/** The span without the whitespace at either end. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
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
