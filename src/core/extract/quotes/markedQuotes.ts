// Phase 2: the quotes between marks, paragraph by paragraph; a quote left open at a paragraph end goes on
// in the next paragraph when that one opens with the same kind of mark.
import * as helpers from './helpers';
import { pairMarks, quoteCharPositions, scanMarks, type MarkKind } from './marks';
import * as chars from '../../util/chars';
import type { Paragraph, QuotePart } from './model';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { hasWords, trimSpan } = helpers;
const { UPPER, isSpace } = chars;

export interface MarkedQuotes {
  /** In paragraph order, and within a paragraph in text order. */
  readonly parts: readonly QuotePart[];
  /** Positions of the quote-like characters of the text, in order. */
  readonly quoteChars: readonly number[];
}

export function findMarkedQuotes(text: string, paragraphs: readonly Paragraph[]): MarkedQuotes {
  const parts: QuotePart[] = [];
  type OpenGroup = { group: number; kind: MarkKind };
  let openGroup: OpenGroup | null = null;
  const quoteChars = quoteCharPositions(text);
  /** The first quote-like character at or after the current paragraph's start (quoteChars.length: none). */
  let nextChar = 0;
  for (const para of paragraphs) {
    while (nextChar < quoteChars.length && quoteChars[nextChar] < para.start) nextChar++;
    const continuing = openGroup as OpenGroup | null;
    openGroup = null;
    // A paragraph without a mark (no quote-like character, or only apostrophes inside words) holds no quote,
    // and no group goes on past it.
    if (nextChar === quoteChars.length || quoteChars[nextChar] >= para.end) continue;
    const marks = scanMarks(text, para, quoteChars);
    if (marks.length === 0) continue;
    const quotes = pairMarks(marks);
    quotes.forEach((q, qi) => {
      const inner = trimSpan(text, q.open + q.openLen, q.close ?? para.end);
      if (inner.end <= inner.start) return;
      const isFirstAtStart = qi === 0 && q.open === para.start;
      let group = inner.start;
      if (continuing && isFirstAtStart && continuing.kind === q.kind) group = continuing.group;
      if (q.close === null) {
        const nextPara = paragraphs[para.index + 1];
        const continues = nextPara !== undefined && opensWith(text, nextPara, q.kind);
        if (continues) openGroup = { group, kind: q.kind };
        // An unclosed mark that neither continues nor belonged to a group is kept only when it
        // clearly opens a statement; otherwise it is a stray mark and is dropped.
        else if (group === inner.start && !(q.kind === 'double' && opensStatement(text, q.open, para) && hasWords(text, inner, 3))) return;
      }
      if (q.kind === 'single' && !/[\p{L}\p{N}].*[\p{L}\p{N}]/su.test(text.slice(inner.start, inner.end))) return;
      parts.push({
        start: inner.start,
        end: inner.end,
        open: q.open,
        closeEnd: q.close === null ? null : q.close + q.closeLen,
        para: para.index,
        group,
        unmarked: false,
        partial: isPartial(text, para, q.open, inner.start, inner.end),
        colon: -1,
      });
    });
  }
  return { parts, quoteChars };
}

function opensWith(text: string, para: Paragraph, kind: MarkKind): boolean {
  const c = text[para.start];
  return kind === 'double' ? c === '\u201C' || c === '"' || c === '\u201E' || c === '\u00AB' : c === '\u2018' || c === "'";
}

/** The mark stands at the paragraph start, or after a colon or comma. */
function opensStatement(text: string, open: number, para: Paragraph): boolean {
  let i = open - 1;
  while (i >= para.start && isSpace(text[i])) i--;
  return i < para.start || text[i] === ':' || text[i] === ',';
}

/** A fragment quoted mid-sentence rather than a full statement: not after a colon or a sentence end, or not a sentence itself. */
function isPartial(text: string, para: Paragraph, open: number, start: number, end: number): boolean {
  if (open === para.start) return false;
  let i = open - 1;
  while (i >= para.start && isSpace(text[i])) i--;
  if (i < para.start || text[i] === ':' || /[.!?\u2022]/.test(text[i])) return false;
  const startsUpper = UPPER.test(text[start]);
  // The last character, read rather than a regex run over the whole quote.
  const last = text.charCodeAt(end - 1);
  const endsSentence = last === 46 || last === 33 || last === 63 || last === 44;
  return !(startsUpper && endsSentence && hasWords(text, { start, end }, 4));
}
