// One article's lines as keys for the corpus-wide count of repeated lines (page furniture): each non-blank
// line's normalised text hashed, with its range and what the count needs to know about it.
import { fnv1a } from '../util/hash';
import type { Span } from '../types';

/** The line may be page furniture: short enough, has a letter, and does not introduce the next line. */
export const LINE_COUNTED = 1;
/** A paragraph of prose by its length: the repeated-line count stops at it when it looks for a line's context. */
export const LINE_LONG = 2;
/** The line lies inside the article's own boilerplate. */
export const LINE_BOILERPLATE = 4;

/** Furniture is a notice, a credit or a caption: longer lines are paragraphs. */
const MAX_COUNTED_LENGTH = 300;
/** A line this long is a paragraph of prose rather than a label between paragraphs. */
const LONG_LINE = 120;

export interface LineTable {
  /** Per non-blank line: the hash of its normalised text (trimmed, spaces collapsed, lower case, no final full stop). */
  readonly keys: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** LINE_* bits. */
  readonly flags: Uint8Array;
}

const SPACE_RUN = /\s+/g;
const HAS_LETTER = /\p{L}/u;

/** The key of a line's text: lines that differ only in case, spacing or a final full stop share it. */
export function lineKey(line: string): number {
  const normalised = line.trim().replace(SPACE_RUN, ' ').toLowerCase().replace(/[.\s]+$/, '');
  return fnv1a(normalised);
}

/** The non-blank lines of `text` from `from` (after front matter), flagged against the article's boilerplate. */
export function lineTable(text: string, boilerplate: readonly Span[], from = 0): LineTable {
  const keys: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const flags: number[] = [];
  let bp = 0;
  let start = from;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let s = start;
    let e = end;
    while (s < e && text.charCodeAt(s) <= 32) s++;
    while (e > s && text.charCodeAt(e - 1) <= 32) e--;
    if (e > s) {
      const line = text.slice(s, e);
      while (bp < boilerplate.length && boilerplate[bp].end <= s) bp++;
      let flag = 0;
      if (bp < boilerplate.length && boilerplate[bp].start <= s && boilerplate[bp].end >= e) flag |= LINE_BOILERPLATE;
      if (line.length > LONG_LINE) flag |= LINE_LONG;
      if (line.length <= MAX_COUNTED_LENGTH && !line.endsWith(':') && HAS_LETTER.test(line)) flag |= LINE_COUNTED;
      keys.push(lineKey(line));
      starts.push(s);
      ends.push(e);
      flags.push(flag);
    }
    start = end + 1;
  }
  return { keys: Int32Array.from(keys), starts: Int32Array.from(starts), ends: Int32Array.from(ends), flags: Uint8Array.from(flags) };
}
