// Small text helpers shared by the phases of quote extraction (character tests live in util/chars.ts).
import * as chars from '../../util/chars';
import type { Span } from '../../types';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { WORD_CHAR, isAsciiLetterCode } = chars;

/** The span without the whitespace at either end. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && chars.isSpace(text[start])) start++;
  while (end > start && chars.isSpace(text[end - 1])) end--;
  return { start, end };
}

/**
 * Whether the span holds at least `count` runs of letters and digits (the matches of /[\p{L}\p{N}]+/gu),
 * counted only as far as needed and without cutting strings. Characters beyond ASCII are read by code point,
 * as the regex reads them; a surrogate pair cut by the span's end is a lone surrogate, no letter.
 */
export function hasWords(text: string, span: Span, count: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = span.start; i < span.end; i++) {
    const code = text.charCodeAt(i);
    let isWordChar: boolean;
    if (code < 128) isWordChar = isAsciiLetterCode(code) || (code >= 48 && code <= 57);
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < span.end) {
      const point = text.codePointAt(i) as number;
      isWordChar = WORD_CHAR.test(String.fromCodePoint(point));
      if (point > 0xffff) i++;
    } else isWordChar = WORD_CHAR.test(text[i]);
    if (isWordChar && !inWord && ++words >= count) return true;
    inWord = isWordChar;
  }
  return words >= count;
}

/** Index of the last item that passes the test, or -1 (Array.prototype.findLastIndex is ES2023). */
export function findLast<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}
