// The article as read around a set of quotes: which characters are quoted, the tokens outside quotes, and
// the sentences (a full stop inside a quote does not end one). Built once from the quotes it is given and
// complete from then on; the speaker search reads the narration only through it.
import type { Span } from '../../types';
import * as sortedSearch from '../../util/sortedSearch';
import type { Paragraph } from './model';
import { ParagraphSentences } from './sentences';
import { ASCII_FLAG, Token, cutToken, tokenOf, type TokenTriples } from './tokens';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { lowerBoundOfNumbers } = sortedSearch;

export class OutsideQuotes {
  /** 1 for each quoted character (one slot past the text, so an end offset can be read). */
  readonly quoted: ArrayLike<number>;
  /** Start, end and tokenizer flags of each token that does not start inside a quote, in text order. */
  readonly tokenStarts: ArrayLike<number>;
  readonly tokenEnds: ArrayLike<number>;
  private readonly tokenFlags: Int32Array;
  /** How many tokens lie outside quotes. */
  readonly tokenCount: number;
  /** Token objects, made when a token is first read (most never are) and shared by every range that reads it. */
  private readonly tokenObjects: (Token | null)[] = [];
  /** Per paragraph index: its sentences, found when first asked for. */
  private readonly sentencesByParagraph = new Map<number, ParagraphSentences>();

  constructor(
    private readonly text: string,
    quotes: readonly Readonly<Span>[],
    tokens: TokenTriples,
  ) {
    const quoted = new Uint8Array(text.length + 1);
    for (const q of quotes) quoted.fill(1, q.start, q.end);
    this.quoted = quoted;
    // The tokens are copied out of the tokenizer's buffer, which the next article overwrites.
    const all = tokens.data;
    const total = tokens.length / 3;
    const starts = new Int32Array(total);
    const ends = new Int32Array(total);
    const flags = new Int32Array(total);
    let count = 0;
    for (let i = 0; i < tokens.length; i += 3) {
      if (quoted[all[i]]) continue;
      starts[count] = all[i];
      ends[count] = all[i + 1];
      flags[count] = all[i + 2];
      count++;
    }
    this.tokenStarts = starts;
    this.tokenEnds = ends;
    this.tokenFlags = flags;
    this.tokenCount = count;
    const objects = this.tokenObjects;
    for (let i = 0; i < count; i++) objects.push(null);
  }

  isQuoted(pos: number): boolean {
    return this.quoted[pos] === 1;
  }

  /** Index of the first token outside quotes that starts at or after `pos`. */
  firstTokenFrom(pos: number): number {
    return lowerBoundOfNumbers(this.tokenStarts, pos, 0, this.tokenCount);
  }

  /** Whether the n-th token has no character beyond ASCII. */
  isAsciiToken(n: number): boolean {
    return (this.tokenFlags[n] & ASCII_FLAG) !== 0;
  }

  /** The Token of the n-th token outside quotes. */
  token(n: number): Token {
    let token = this.tokenObjects[n];
    if (token === null) {
      token = tokenOf(this.text, this.tokenStarts[n], this.tokenEnds[n], this.tokenFlags[n]);
      this.tokenObjects[n] = token;
    }
    return token;
  }

  /** Words and clause punctuation in [start, end) outside quotes; a token running past `end` is cut there. */
  tokens(start: number, end: number): Token[] {
    const starts = this.tokenStarts;
    const out: Token[] = [];
    for (let n = this.firstTokenFrom(start); n < this.tokenCount && starts[n] < end; n++) out.push(this.token(n));
    const last = out[out.length - 1];
    if (last && last.end > end) out[out.length - 1] = cutToken(this.text, last, end);
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
