// The article as read around a set of quotes: which characters are quoted, the tokens outside quotes, and
// the sentences (a full stop inside a quote does not end one). Built from the quotes it is given, which do
// not change afterwards; it reads the tokenizer's buffers and scratch arrays (scratch.ts), so it lives only
// while its article is extracted.
import type { Span } from '../../types';
import * as sortedSearch from '../../util/sortedSearch';
import type { Paragraph } from './model';
import { scratchBytes, scratchInts } from './scratch';
import { ParagraphSentences } from './sentences';
import { ASCII_FLAG, Token, cutToken, tokenOf, type TokenList } from './tokens';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { lowerBoundOfNumbers } = sortedSearch;

/** For a few reads (the search for unmarked quotes): tokens are picked out of the tokenizer's list per read. */
export class OutsideQuotes {
  /** 1 for each quoted character (one slot past the text, so an end offset can be read). */
  readonly quoted: ArrayLike<number>;
  /** Per paragraph index: its sentences, found when first asked for. */
  private readonly sentencesByParagraph: Map<number, ParagraphSentences>;

  /** `same`: a reading around the same quotes, whose quoted characters and sentences are taken over. */
  constructor(
    protected readonly text: string,
    quotes: readonly Readonly<Span>[],
    protected readonly allTokens: TokenList,
    same: OutsideQuotes | null = null,
  ) {
    if (same !== null) {
      this.quoted = same.quoted;
      this.sentencesByParagraph = same.sentencesByParagraph;
      return;
    }
    const quoted = scratchBytes(text.length + 1);
    for (const q of quotes) quoted.fill(1, q.start, q.end);
    this.quoted = quoted;
    this.sentencesByParagraph = new Map();
  }

  isQuoted(pos: number): boolean {
    return this.quoted[pos] === 1;
  }

  /** Words and clause punctuation in [start, end) outside quotes; a token running past `end` is cut there. */
  tokens(start: number, end: number): Token[] {
    const { text, quoted } = this;
    const { starts, ends, flags, count } = this.allTokens;
    const out: Token[] = [];
    for (let n = lowerBoundOfNumbers(starts, start, 0, count); n < count && starts[n] < end; n++) {
      const tokenStart = starts[n];
      if (quoted[tokenStart]) continue;
      const token = tokenOf(text, tokenStart, ends[n], flags[n]);
      out.push(token.end <= end ? token : cutToken(text, token, end));
    }
    return out;
  }

  /** Start of the sentence containing `pos`, within its paragraph. */
  sentenceStart(pos: number, para: Paragraph): number {
    return this.sentencesOf(para).start(pos);
  }

  /** End of the sentence containing `pos` (the whitespace after it, or the paragraph end). */
  sentenceEnd(pos: number, para: Paragraph): number {
    return this.sentencesOf(para).end(pos);
  }

  private sentencesOf(para: Paragraph): ParagraphSentences {
    let sentences = this.sentencesByParagraph.get(para.index);
    if (sentences === undefined) {
      sentences = new ParagraphSentences(this.text, para, this.quoted);
      this.sentencesByParagraph.set(para.index, sentences);
    }
    return sentences;
  }
}

/**
 * For reading the whole narration (the speaker search): the tokens outside quotes are listed once, and each
 * token object is made when first read and shared by every range that reads it (most words never are).
 */
export class IndexedOutsideQuotes extends OutsideQuotes {
  /** Start of each token outside quotes, in text order. */
  readonly tokenStarts: ArrayLike<number>;
  /** How many tokens lie outside quotes. */
  readonly tokenCount: number;
  /** Each token's number in the tokenizer's list; null when they are the same (no token of its list is quoted). */
  private readonly numbers: Int32Array | null;
  /** Per token outside quotes: 1 + the index of its Token in `tokenObjects`, 0 while none is made. */
  private readonly tokenSlots: Int32Array;
  /** The Tokens made so far, in the order read. */
  private readonly tokenObjects: Token[] = [];

  /**
   * `marked`: the reading around the marked quotes, when `quotes` are just those (most articles): its quoted
   * characters and sentences are taken over, and the tokenizer, which skipped those quotes, left no token in
   * them, so its list is taken as it is.
   */
  constructor(text: string, quotes: readonly Readonly<Span>[], allTokens: TokenList, marked: OutsideQuotes | null = null) {
    super(text, quotes, allTokens, marked);
    if (marked !== null) {
      this.tokenStarts = allTokens.starts;
      this.numbers = null;
      this.tokenCount = allTokens.count;
    } else {
      const { quoted } = this;
      const { starts, count } = allTokens;
      const unquotedStarts = scratchInts(count);
      const numbers = scratchInts(count);
      let kept = 0;
      for (let n = 0; n < count; n++) {
        if (quoted[starts[n]]) continue;
        unquotedStarts[kept] = starts[n];
        numbers[kept] = n;
        kept++;
      }
      this.tokenStarts = unquotedStarts;
      this.numbers = numbers;
      this.tokenCount = kept;
    }
    // A zeroed scratch array rather than a list of a slot per token: most tokens are never read, and a new
    // list per article sized to its tokens was garbage the size of the text.
    this.tokenSlots = scratchInts(this.tokenCount);
  }

  /** Index of the first token outside quotes that starts at or after `pos`. */
  firstTokenFrom(pos: number): number {
    return lowerBoundOfNumbers(this.tokenStarts, pos, 0, this.tokenCount);
  }

  /** The n-th token's number in the tokenizer's list. */
  private numberOf(n: number): number {
    const { numbers } = this;
    return numbers === null ? n : numbers[n];
  }

  tokenEnd(n: number): number {
    return this.allTokens.ends[this.numberOf(n)];
  }

  /** Whether the n-th token has no character beyond ASCII. */
  isAsciiToken(n: number): boolean {
    return (this.allTokens.flags[this.numberOf(n)] & ASCII_FLAG) !== 0;
  }

  /** The Token of the n-th token outside quotes. */
  token(n: number): Token {
    const slot = this.tokenSlots[n];
    if (slot !== 0) return this.tokenObjects[slot - 1];
    const number = this.numberOf(n);
    const { starts, ends, flags } = this.allTokens;
    const token = tokenOf(this.text, starts[number], ends[number], flags[number]);
    this.tokenSlots[n] = this.tokenObjects.push(token);
    return token;
  }

  override tokens(start: number, end: number): Token[] {
    const starts = this.tokenStarts;
    const out: Token[] = [];
    for (let n = this.firstTokenFrom(start); n < this.tokenCount && starts[n] < end; n++) out.push(this.token(n));
    const last = out[out.length - 1];
    if (last && last.end > end) out[out.length - 1] = cutToken(this.text, last, end);
    return out;
  }
}
