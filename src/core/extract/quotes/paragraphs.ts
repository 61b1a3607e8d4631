// Phase 1: the article's paragraphs, the unit every later phase works in.
import type { Span } from '../../types';
import * as sortedSearch from '../../util/sortedSearch';
import * as chars from '../../util/chars';
import { forEachLine } from '../../util/text';
import type { Paragraph } from './model';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { lastAtOrBefore } = sortedSearch;
const { isSpace } = chars;

/** Splits text into paragraphs (non-blank lines), cutting out excluded ranges. */
export function splitParagraphs(text: string, exclude: readonly Span[]): Paragraph[] {
  const merged: Span[] = [];
  for (const span of [...exclude].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  const paragraphs: Paragraph[] = [];
  const push = (start: number, end: number): void => {
    while (start < end && isSpace(text[start])) start++;
    while (end > start && isSpace(text[end - 1])) end--;
    if (end > start) paragraphs.push({ start, end, index: paragraphs.length });
  };
  let k = 0;
  const line = (lineStart: number, lineEnd: number): void => {
    let s = lineStart;
    while (s < lineEnd) {
      while (k < merged.length && merged[k].end <= s) k++;
      const ex = k < merged.length && merged[k].start < lineEnd ? merged[k] : null;
      push(s, ex ? Math.max(s, ex.start) : lineEnd);
      if (!ex) break;
      s = Math.max(s, ex.end);
    }
  };
  // The runs of characters other than \r and \n: the lines that are not blank.
  forEachLine(text, (start, end) => {
    if (end > start) line(start, end);
  });
  return paragraphs;
}

function spanStart(span: Span): number {
  return span.start;
}

/** Index of the paragraph containing `pos`, or -1 (a binary search: a per-character table costs more to fill). */
export function paragraphAt(paragraphs: readonly Paragraph[], pos: number): number {
  const k = lastAtOrBefore(paragraphs, pos, spanStart);
  return k >= 0 && pos < paragraphs[k].end ? k : -1;
}
