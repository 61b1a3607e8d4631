// Phase 3: statements without marks ("said: The UK had to ..."), and their continuation into the next
// paragraph; then every quote of the article, marked or not, in text order.
import * as speech from '../../language/speech';
import * as sortedSearch from '../../util/sortedSearch';
import { hasSpeechIntro } from './clauses';
import * as helpers from './helpers';
import { QUOTE_CHARS } from './marks';
import type { MarkedQuotes } from './markedQuotes';
import type { MentionLookup } from './mentionLookup';
import type { Paragraph, QuotePart } from './model';
import type { OutsideQuotes } from './outsideQuotes';
import * as chars from '../../util/chars';
import { scratchBytes } from './scratch';
import { ParagraphSentences } from './sentences';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { FIRST_SECOND_PERSON } = speech;
const { lowerBoundOfNumbers } = sortedSearch;
const { hasWords, trimSpan } = helpers;
const { UPPER, isAsciiLetterCode, isSpace } = chars;

/**
 * All quotes of the article, sorted by start: the marked ones (less those nested in an unmarked statement)
 * and the unmarked statements found around them. `outsideMarked` reads the text around the marked quotes:
 * an introducing colon is looked for only there, and before any statement of its own paragraph is found,
 * so the statements of earlier paragraphs could not change what it reads.
 */
export function findUnmarkedQuotes(text: string, paragraphs: readonly Paragraph[], marked: MarkedQuotes, outsideMarked: OutsideQuotes, mentions: MentionLookup): readonly QuotePart[] {
  const parts = marked.parts.slice();
  /**
   * The marked quotes and the statements found so far: where a statement ends depends on the ones before it.
   * Made when first read (a paragraph with three statements or more), not a copy of the text's length per article.
   */
  let quotedSoFar = null as Uint8Array | null;
  const quotedSoFarNow = (): Uint8Array => {
    if (quotedSoFar === null) {
      quotedSoFar = scratchBytes(text.length + 1);
      quotedSoFar.set(outsideMarked.quoted);
      for (const p of parts) if (p.unmarked) quotedSoFar.fill(1, p.start, p.end);
    }
    return quotedSoFar;
  };
  let previous: QuotePart | null = null;
  /** The first colon at or after some position no later than the paragraph's start (-1: none left). */
  let nextColon = text.indexOf(':');
  for (const para of paragraphs) {
    const continued: QuotePart | null = previous ? continueUnmarked(text, previous, para, marked.quoteChars, mentions) : null;
    previous = null;
    if (continued) {
      parts.push(continued);
      quotedSoFar?.fill(1, continued.start, continued.end);
      previous = continued;
      continue;
    }
    // The next colon is carried from paragraph to paragraph: a search from each paragraph start could
    // run to a colon far ahead every time (quadratic in an article with few colons).
    if (nextColon >= 0 && nextColon < para.start) nextColon = text.indexOf(':', para.start);
    // Most paragraphs have no colon, so no statement.
    if (nextColon < 0 || nextColon >= para.end) continue;
    const intros: { colon: number; quoteStart: number }[] = [];
    let i = nextColon;
    for (; i >= 0 && i < para.end; i = text.indexOf(':', i + 1)) {
      if (outsideMarked.isQuoted(i)) continue;
      let j = i + 1;
      while (j < para.end && isSpace(text[j])) j++;
      if (j >= para.end || j === i + 1 || !(UPPER.test(text[j]) || /\d/.test(text[j]))) continue;
      if (!hasSpeechIntro(outsideMarked, i, para)) continue;
      intros.push({ colon: i, quoteStart: j });
    }
    nextColon = i;
    /** The paragraph's sentences once a statement is found in it; before that, the marked quotes' ones hold. */
    let sentencesSoFar: ParagraphSentences | null = null;
    intros.forEach((intro, k) => {
      // A statement runs to the sentence of the next colon that introduces one.
      let end = para.end;
      for (let n = k + 1; n < intros.length; n++) {
        const sentenceStart = sentencesSoFar === null ? outsideMarked.sentenceStart(intros[n].colon, para) : sentencesSoFar.start(intros[n].colon);
        if (sentenceStart > intro.quoteStart) {
          end = sentenceStart;
          break;
        }
      }
      const span = trimSpan(text, intro.quoteStart, end);
      if (!hasWords(text, span, 3)) return;
      // Marked quotes inside an unmarked statement are nested: drop them. Only the parts at the end of
      // the list that belong to this paragraph are looked at.
      for (let n = parts.length - 1; n >= 0 && parts[n].para === para.index; n--) {
        const p = parts[n];
        if (p.start >= span.start && p.end <= span.end) parts.splice(n, 1);
      }
      const part: QuotePart = {
        start: span.start,
        end: span.end,
        open: span.start,
        closeEnd: null,
        para: para.index,
        group: span.start,
        unmarked: true,
        partial: false,
        colon: intro.colon,
      };
      parts.push(part);
      quotedSoFar?.fill(1, span.start, span.end);
      // Where later statements end is read with this one quoted (from the one after next: the next one's
      // search starts past it).
      if (k + 2 < intros.length) sentencesSoFar = new ParagraphSentences(text, para, quotedSoFarNow());
      if (span.end === para.end) previous = part;
    });
  }
  return parts.sort((a, b) => a.start - b.start);
}

/** An apostrophe between two letters ("don't", "Britain’s"), which is no quote mark. */
const INNER_APOSTROPHE = /(?<=\p{L})['\u2019](?=\p{L})/gu;

/**
 * Whether the paragraph holds a quote-like character other than an apostrophe between two letters. Only
 * the quote-like characters are looked at (most paragraphs have none); a letter beyond ASCII next to one
 * leaves the answer to the regex, which reads whole code points.
 */
function hasQuoteMark(text: string, para: Paragraph, body: string, quoteChars: readonly number[]): boolean {
  for (let n = lowerBoundOfNumbers(quoteChars, para.start); n < quoteChars.length && quoteChars[n] < para.end; n++) {
    const q = quoteChars[n];
    const c = text.charCodeAt(q);
    if ((c !== 39 && c !== 0x2019) || q === para.start || q + 1 >= para.end) return true;
    const before = text.charCodeAt(q - 1);
    const after = text.charCodeAt(q + 1);
    if (before >= 128 || after >= 128) return QUOTE_CHARS.test(body.replace(INNER_APOSTROPHE, ''));
    if (!isAsciiLetterCode(before) || !isAsciiLetterCode(after)) return true;
  }
  return false;
}

/**
 * Rule for stripped-mark articles: an unmarked statement continues into the next paragraph only
 * when that paragraph reads as speech (first or second person) and shows no sign of narration
 * (no quote marks, no named person, no new speech introduction).
 */
function continueUnmarked(text: string, previous: QuotePart, para: Paragraph, quoteChars: readonly number[], mentions: MentionLookup): QuotePart | null {
  if (para.index !== previous.para + 1) return null;
  const body = text.slice(para.start, para.end);
  if (hasQuoteMark(text, para, body, quoteChars)) return null;
  if (!FIRST_SECOND_PERSON.test(body)) return null;
  if (mentions.within(para.start, para.end).length > 0) return null;
  if (/:\s/.test(body)) return null;
  return {
    start: para.start,
    end: para.end,
    open: para.start,
    closeEnd: null,
    para: para.index,
    group: previous.group,
    unmarked: true,
    partial: false,
    colon: -1,
  };
}
