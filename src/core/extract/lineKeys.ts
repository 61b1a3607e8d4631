// One article's lines as keys for the corpus-wide count of repeated lines (page furniture): each non-blank
// line's normalised text hashed, with its range and what the count needs to know about it.
import { fnv1a } from '../util/hash';
import type { Span } from '../types';

/** The line may be page furniture: not long, has a letter, states no date, and does not introduce the next line. */
export const LINE_COUNTED = 1;
/** A paragraph of prose by its length (see LONG_LINE). */
export const LINE_LONG = 2;
/** The line lies inside the article's own boilerplate. */
export const LINE_BOILERPLATE = 4;

/**
 * Furniture is a label, a credit or a caption: a line this long is a paragraph of prose, never counted, and the
 * repeated-line count stops at it when it looks for a line's context (copies of one story share paragraphs).
 */
const LONG_LINE = 160;

export interface LineTable {
  /** Per non-blank line: the hash of its normalised text (see `scanLine`). */
  readonly keys: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** LINE_* bits. */
  readonly flags: Uint8Array;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

const isBlank = (code: number): boolean => code <= 32 || code === 0xa0;

/**
 * Scans the line that starts at or after `from` (up to the next newline) in one pass: its trimmed range, and
 * the FNV-1a hash of its normalised text (inner spaces collapsed to one, ASCII letters in lower case, final
 * full stops and spaces left out). Hashing per code unit is what util/hash's fnv1a does; it is done inline
 * here because the normalised text is never built (this runs over every line of the corpus).
 */
function scanLine(
  text: string,
  from: number,
  out: { start: number; end: number; next: number; key: number; letter: boolean; colon: boolean; year: boolean },
): void {
  let i = from;
  const n = text.length;
  while (i < n && text.charCodeAt(i) !== 10 && isBlank(text.charCodeAt(i))) i++;
  out.start = i;
  let hash = FNV_OFFSET;
  let key = FNV_OFFSET;
  let end = i;
  let space = false;
  let letter = false;
  let digits = 0;
  let year = false;
  let last = 0;
  for (; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c === 10) break;
    if (isBlank(c)) {
      space = true;
      continue;
    }
    if (space) {
      hash = Math.imul(hash ^ 32, FNV_PRIME);
      space = false;
    }
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || c >= 0xc0) letter = true;
    if (c >= 48 && c <= 57) {
      if (++digits === 4) year = true;
    } else digits = 0;
    hash = Math.imul(hash ^ c, FNV_PRIME);
    if (c !== 46) key = hash;
    end = i + 1;
    last = c;
  }
  out.end = end;
  out.next = i + 1;
  out.key = key;
  out.letter = letter;
  out.colon = last === 58;
  out.year = year;
}

const scratch = { start: 0, end: 0, next: 0, key: 0, letter: false, colon: false, year: false };

/** The key of a line's text: lines that differ only in ASCII case, spacing or final full stops share it. */
export function lineKey(line: string): number {
  scanLine(line.replace(/\n/g, ' '), 0, scratch);
  return scratch.key;
}

/** Prefix of a paragraph hashed for its key: enough to tell paragraphs apart as contexts, not all of it. */
const PARAGRAPH_KEY_PREFIX = 64;

/** Scratch columns reused by every call (grown when an article has more lines), copied out at their length. */
let scratchKeys = new Int32Array(1024);
let scratchStarts = new Int32Array(1024);
let scratchEnds = new Int32Array(1024);
let scratchFlags = new Uint8Array(1024);

function growScratch(): void {
  const grow = <T extends Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
    const grown = make(old.length * 2);
    grown.set(old);
    return grown;
  };
  scratchKeys = grow(scratchKeys, (n) => new Int32Array(n));
  scratchStarts = grow(scratchStarts, (n) => new Int32Array(n));
  scratchEnds = grow(scratchEnds, (n) => new Int32Array(n));
  scratchFlags = grow(scratchFlags, (n) => new Uint8Array(n));
}

/** The non-blank lines of `text` from `from` (after front matter), flagged against the article's boilerplate. */
export function lineTable(text: string, boilerplate: readonly Span[], from = 0): LineTable {
  let count = 0;
  const add = (key: number, start: number, end: number, flag: number) => {
    if (count === scratchKeys.length) growScratch();
    scratchKeys[count] = key;
    scratchStarts[count] = start;
    scratchEnds[count] = end;
    scratchFlags[count] = flag;
    count++;
  };
  let bp = 0;
  let at = from;
  const line = scratch;
  while (at < text.length) {
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd === -1) lineEnd = text.length;
    let s: number;
    let e: number;
    if (lineEnd - at > LONG_LINE + 8) {
      // A paragraph: only a context for furniture around it, so its key need only tell it from others.
      s = at;
      e = lineEnd;
      while (s < e && isBlank(text.charCodeAt(s))) s++;
      while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
      at = lineEnd + 1;
      if (e <= s) continue;
      if (e - s > LONG_LINE) {
        while (bp < boilerplate.length && boilerplate[bp].end <= s) bp++;
        const inBoilerplate = bp < boilerplate.length && boilerplate[bp].start <= s && boilerplate[bp].end >= e;
        add(fnv1a(text, s, Math.min(e, s + PARAGRAPH_KEY_PREFIX)) ^ Math.imul(e - s, FNV_PRIME), s, e, inBoilerplate ? LINE_LONG | LINE_BOILERPLATE : LINE_LONG);
        continue;
      }
      at = s;
    }
    scanLine(text, at, line);
    at = line.next;
    s = line.start;
    e = line.end;
    if (e <= s) continue;
    let flag = 0;
    while (bp < boilerplate.length && boilerplate[bp].end <= s) bp++;
    if (bp < boilerplate.length && boilerplate[bp].start <= s && boilerplate[bp].end >= e) flag |= LINE_BOILERPLATE;
    if (e - s > LONG_LINE) flag |= LINE_LONG;
    // A line with a four-digit run states a date ("LONDON 1996-12-06", "Updated 5 May 2024"): a dateline or a
    // stamp about this story, whose place and time are the story's own, never furniture to mask.
    else if (!line.colon && line.letter && !line.year) flag |= LINE_COUNTED;
    add(line.key, s, e, flag);
  }
  return { keys: scratchKeys.slice(0, count), starts: scratchStarts.slice(0, count), ends: scratchEnds.slice(0, count), flags: scratchFlags.slice(0, count) };
}
