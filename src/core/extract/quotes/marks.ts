// Phase 2a: the quote marks of a paragraph, told from apostrophes, and paired into top-level quotes.
import type { Span } from '../../types';
import * as sortedSearch from '../../util/sortedSearch';
import * as chars from '../../util/chars';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { lowerBoundOfNumbers } = sortedSearch;
const { isSpace, isSpaceOrEdge, isWord } = chars;

export type MarkKind = 'double' | 'single';

interface Mark {
  pos: number;
  len: number;
  kind: MarkKind;
  canOpen: boolean;
  canClose: boolean;
  /** A closing single mark that could be a plural possessive ("leaders’ meeting"). */
  ambiguous: boolean;
}

const OPEN_CONTEXT = /[\s([{\u2014\u2013\-/\u201C\u2018"'\u2022*]/;
const CLOSE_CONTEXT = /[\s.,;:!?)\]}\u2014\u2013\-/\u201D\u2019"'\u2026]/;
/** The two contexts' answers for ASCII characters, read from a table rather than by a regex per mark. */
const OPENS = 1;
const CLOSES = 2;
const ASCII_CONTEXT = chars.asciiClassTable([
  [OPENS, OPEN_CONTEXT],
  [CLOSES, CLOSE_CONTEXT],
]);

/** Whether the character `c` (one character) is in the context class `bit` (its regex `pattern`). */
function inContext(c: string, bit: number, pattern: RegExp): boolean {
  const code = c.charCodeAt(0);
  return code < 128 ? (ASCII_CONTEXT[code] & bit) !== 0 : pattern.test(c);
}
export const QUOTE_CHARS = /["'\u201C\u201D\u201E\u2018\u2019\u00AB\u00BB]/;
/** QUOTE_CHARS, all of them (the regex engine finds these rare characters faster than a per-character loop). */
const QUOTE_CHARS_ALL = /["'\u201C\u201D\u201E\u2018\u2019\u00AB\u00BB]/g;

/** Positions of the quote-like characters in the text, in order. */
export function quoteCharPositions(text: string): number[] {
  const positions: number[] = [];
  QUOTE_CHARS_ALL.lastIndex = 0;
  // test, not exec: the match is one character, found at lastIndex - 1, and no match object is made.
  while (QUOTE_CHARS_ALL.test(text)) positions.push(QUOTE_CHARS_ALL.lastIndex - 1);
  return positions;
}

/** Classifies each quote-like character of a paragraph as an opening/closing mark or an apostrophe. */
export function scanMarks(text: string, para: Span, quoteChars: readonly number[]): Mark[] {
  const marks: Mark[] = [];
  for (let q = lowerBoundOfNumbers(quoteChars, para.start); q < quoteChars.length && quoteChars[q] < para.end; q++) {
    const i = quoteChars[q];
    const c = text[i];
    const prev = i > para.start ? text[i - 1] : undefined;
    let len = 1;
    // Mojibake of an opening curly single quote in some headlines: '˜
    if (c === "'" && text[i + 1] === '\u02DC') len = 2;
    const next = i + len < para.end ? text[i + len] : undefined;
    // An apostrophe inside a word (Britain’s, don't) is never a mark: decided before the costlier tests.
    if ((c === '\u2019' || c === "'") && len === 1 && isWord(prev) && isWord(next)) continue;
    const leftFlank = (prev === undefined || inContext(prev, OPENS, OPEN_CONTEXT)) && !isSpaceOrEdge(next);
    const rightFlank = (next === undefined || inContext(next, CLOSES, CLOSE_CONTEXT)) && !isSpaceOrEdge(prev);
    switch (c) {
      case '\u201C':
      case '\u201E':
      case '\u00AB':
        marks.push({ pos: i, len, kind: 'double', canOpen: true, canClose: rightFlank && !leftFlank, ambiguous: false });
        break;
      case '\u201D':
      case '\u00BB':
        marks.push({ pos: i, len, kind: 'double', canOpen: leftFlank && !rightFlank, canClose: true, ambiguous: false });
        break;
      case '"':
        if (leftFlank || rightFlank) marks.push({ pos: i, len, kind: 'double', canOpen: leftFlank, canClose: rightFlank, ambiguous: false });
        break;
      case '\u2018':
        // ‘90s written with the wrong mark is still an elision.
        if (/^\d\ds\b/.test(text.slice(i + len, i + len + 5)) || isSpaceOrEdge(next)) break;
        marks.push({ pos: i, len, kind: 'single', canOpen: true, canClose: rightFlank && !leftFlank && !isWord(next), ambiguous: false });
        break;
      case '\u2019':
      case "'": {
        if (len === 2) {
          marks.push({ pos: i, len, kind: 'single', canOpen: true, canClose: false, ambiguous: false });
          break;
        }
        if (isWord(prev) && isWord(next)) break; // Britain’s, don't
        // Elisions: ’90s, rock ’n’ roll, 'em, 'til, 'cause.
        if (/^(?:\d\ds\b|n['\u2019]\s|em\b|til\b|cause\b|tis\b|twas\b)/i.test(text.slice(i + len, i + len + 5))) break;
        if (prev === 'n' && (text[i - 2] === '\u2019' || text[i - 2] === "'")) break;
        const canOpen = c === "'" && leftFlank && !rightFlank;
        const canClose = rightFlank;
        if (!canOpen && !canClose) break;
        // A mark after "s" followed by a word may be a plural possessive (leaders’ meeting).
        const ambiguous = canClose && (prev === 's' || prev === 'S') && next !== undefined && isSpace(next);
        marks.push({ pos: i, len, kind: 'single', canOpen, canClose, ambiguous });
        break;
      }
    }
  }
  return marks;
}

export interface PairedQuote {
  open: number;
  openLen: number;
  close: number | null;
  closeLen: number;
  kind: MarkKind;
}

/** Pairs marks with a stack; returns top-level quotes only (nested quotes stay inside their parent). */
export function pairMarks(marks: Mark[]): PairedQuote[] {
  const result: PairedQuote[] = [];
  const stack: Mark[] = [];
  for (let i = 0; i < marks.length; i++) {
    const m = marks[i];
    let openIndex = -1;
    if (m.canClose) for (let s = stack.length - 1; s >= 0 && openIndex < 0; s--) if (stack[s].kind === m.kind) openIndex = s;
    if (openIndex >= 0 && !(m.ambiguous && laterClearCloser(marks, i))) {
      const opener = stack[openIndex];
      stack.length = openIndex;
      if (openIndex === 0) result.push({ open: opener.pos, openLen: opener.len, close: m.pos, closeLen: m.len, kind: m.kind });
      continue;
    }
    if (m.canOpen) stack.push(m);
  }
  if (stack.length > 0) result.push({ open: stack[0].pos, openLen: stack[0].len, close: null, closeLen: 0, kind: stack[0].kind });
  return result;
}

/**
 * For an ambiguous closer: is there a later unambiguous single closer before the next single opener? Read
 * forward only when asked (ambiguous closers are rare).
 */
function laterClearCloser(marks: readonly Mark[], i: number): boolean {
  for (let j = i + 1; j < marks.length; j++) {
    const m = marks[j];
    if (m.kind !== 'single') continue;
    if (m.canClose && !m.ambiguous) return true;
    if (m.canOpen && !m.canClose) return false;
  }
  return false;
}
