// Sentence boundaries inside a paragraph. A full stop inside a quote ends a sentence only where the quote
// closes, so the boundaries depend on which characters are quoted.
import * as abbreviations from '../../language/abbreviations';
import * as sortedSearch from '../../util/sortedSearch';
import * as chars from '../../util/chars';
import { AsciiWordSet } from '../../util/wordSets';
import type { Paragraph } from './model';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { ABBREVIATIONS } = abbreviations;
const { lowerBoundOfNumbers } = sortedSearch;
const { LETTER, UPPER, isAsciiLetterCode, isAsciiUpperCode, isSpace, isSpaceCode } = chars;

/** ABBREVIATIONS for a word of the text that is all ASCII, read without cutting it out. */
const ASCII_ABBREVIATIONS = new AsciiWordSet(ABBREVIATIONS);
/** Beyond ASCII, what may open a sentence besides a capital; module-level so it is made once. */
const SENTENCE_OPENER = /[\d"\u201C\u2018'\u2022]/;
const SINGLE_CAPITAL = /^\p{Lu}$/u;

/** A stop and its closing marks, right before whitespace: where endsSentenceBefore can be true. */
const STOP_BEFORE_SPACE = /[.!?\u2026]["\u201D\u2019')\]]*(?=\s)/g;

/** Marks that may follow a full stop before the space ('.” ', '.) '); tested per space, so not a regex. */
function isCloserAfterStop(code: number): boolean {
  return code === 34 || code === 0x201d || code === 0x2019 || code === 39 || code === 41 || code === 93;
}

/** The sentences of one paragraph, given which characters are quoted (1 in `quoted`). */
export class ParagraphSentences {
  /** The whitespace positions that end a sentence, in order. */
  private readonly ends: number[] = [];

  constructor(
    private readonly text: string,
    private readonly para: Paragraph,
    quoted: ArrayLike<number>,
  ) {
    // Only a space after a stop (and closing marks) can end a sentence: find those, then check each.
    STOP_BEFORE_SPACE.lastIndex = para.start;
    // test, not exec: the match ends at lastIndex, and no match object is made.
    while (STOP_BEFORE_SPACE.test(text)) {
      const i = STOP_BEFORE_SPACE.lastIndex;
      if (i >= para.end) break;
      if (isSpaceCode(text.charCodeAt(i)) && endsSentenceBefore(text, i, para, quoted)) this.ends.push(i);
    }
  }

  /** Start of the sentence containing `pos`. */
  start(pos: number): number {
    const { ends } = this;
    const k = lowerBoundOfNumbers(ends, pos) - 1;
    if (k < 0) return this.para.start;
    let j = ends[k];
    while (j < pos && isSpace(this.text[j])) j++;
    return j;
  }

  /** End of the sentence containing `pos` (the whitespace after it, or the paragraph end). */
  end(pos: number): number {
    const { ends } = this;
    const k = lowerBoundOfNumbers(ends, pos);
    return k < ends.length ? ends[k] : this.para.end;
  }
}

/** Whether the whitespace at `i` follows a sentence end (". ", ".” ", "?) "). */
function endsSentenceBefore(text: string, i: number, para: Paragraph, quoted: ArrayLike<number>): boolean {
  let j = i - 1;
  while (j > para.start && isCloserAfterStop(text.charCodeAt(j))) j--;
  const stop = text.charCodeAt(j);
  if (!(stop === 46 || stop === 33 || stop === 63 || stop === 0x2026)) return false;
  // A full stop inside a quote ends a sentence only where the quote closes.
  if (quoted[j] && quoted[i]) return false;
  let k = i;
  while (k < para.end && isSpace(text[k])) k++;
  if (k >= text.length) return false;
  const next = text.charCodeAt(k);
  // ASCII: a capital, a digit or a straight quote mark (the regexes' answer for those characters).
  if (next < 128 ? !(isAsciiUpperCode(next) || (next >= 48 && next <= 57) || next === 34 || next === 39) : !(UPPER.test(text[k]) || SENTENCE_OPENER.test(text[k]))) return false;
  if (text.charCodeAt(j) === 46) {
    let w = j;
    let ascii = true;
    for (; w > para.start; w--) {
      const code = text.charCodeAt(w - 1);
      if (code < 128) {
        if (!isAsciiLetterCode(code)) break;
      } else if (LETTER.test(text[w - 1])) ascii = false;
      else break;
    }
    if (ascii) {
      if ((j - w === 1 && isAsciiUpperCode(text.charCodeAt(w))) || ASCII_ABBREVIATIONS.has(text, w, j)) return false;
    } else {
      const word = text.slice(w, j);
      if (ABBREVIATIONS.has(word.toLowerCase()) || SINGLE_CAPITAL.test(word)) return false;
    }
  }
  return true;
}
