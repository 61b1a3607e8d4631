import type { ExtractedQuote, RawMention, Span } from '../../types';
import { clusterMentions, type ArticleClusters } from '../../identity/articleClusters';
import type { Gender as PersonGender } from '../../language';
import * as speech from '../../language/speech';
import { isAsciiLetterCode } from '../../util/chars';
import * as sortedSearch from '../../util/sortedSearch';
import { detach } from '../../util/strings';
import { AsciiWordSet, WordFilter } from '../../util/wordSets';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const {
  ABBREVIATIONS,
  ANONYMOUS_PERSON_NOUNS,
  CLAUSE_LINKS,
  DETERMINERS,
  FEMALE_NOUNS,
  FIRST_SECOND_PERSON,
  INDEFINITE_DETERMINERS,
  LEADING_PHRASE_STARTERS,
  MALE_NOUNS,
  PASSIVE_MARKERS,
  PREPOSITIONS,
  ROLE_NOUNS,
  SENTENCE_CONNECTIVES,
  SPEECH_NOUNS,
  SPEECH_VERBS,
  STANCE_VERBS,
  VERB_MODIFIERS,
} = speech;
const { lastAtOrBefore, lowerBound, lowerBoundOfNumbers } = sortedSearch;

// Overview. One linear pass per paragraph finds quote marks and pairs them; a second pass finds
// unmarked quotes ("said: The UK had to ..."); then each quote group gets a speaker from, in order:
// an attribution right after it (", he said"), a reporting verb before it in its sentence, the
// previous quote in the paragraph, or the previous paragraph (continuations). A speaker is a
// mention index; `NOBODY` means "decided: no person" (anonymous source, organisation, unresolved
// role) and stops further guessing, because a wrong speaker is worse than none.

/** A referent's gender: a person's, or plural ("officials", an organisation); null when unknown. */
type Gender = PersonGender | 'plural' | null;
const NOBODY = -1;
/** Decided: a definite but unnamed person ("the Prime Minister" with no known holder). */
const UNRESOLVED = -2;
/** A mention index, NOBODY or UNRESOLVED (decided: no person), or undefined (no cue found). */
type Attribution = number | undefined;

interface Paragraph extends Span {
  index: number;
}

interface QuotePart extends Span {
  /** Position of the opening mark (equals `start` for unmarked quotes' intro colon handling). */
  open: number;
  /** Index just after the closing mark, or null when the part runs to its paragraph end unclosed. */
  closeEnd: number | null;
  para: number;
  group: number;
  unmarked: boolean;
  partial: boolean;
  /** For unmarked quotes: where the introducing colon is. */
  colon: number;
  speaker: Attribution;
}

/**
 * A word or clause punctuation mark, as offsets into the article; its strings are made only when read
 * (quoted tokens never are, and a string per token was the tokenizer's main cost).
 */
class Token {
  private wordCache: string | undefined = undefined;
  private lowerCache: string | undefined = undefined;

  constructor(
    private readonly text: string,
    readonly start: number,
    readonly end: number,
    /** No capital and no non-ASCII letter: the word is its own lower case. */
    private readonly plain: boolean,
    /** No character beyond ASCII. */
    readonly isAscii: boolean,
  ) {}

  get word(): string {
    let word = this.wordCache;
    if (word === undefined) {
      word = this.text.slice(this.start, this.end);
      this.wordCache = word;
    }
    return word;
  }

  get lower(): string {
    let lower = this.lowerCache;
    if (lower === undefined) {
      lower = this.plain ? this.word : this.word.toLowerCase();
      this.lowerCache = lower;
    }
    return lower;
  }
}

interface Referent {
  pos: number;
  para: number;
  gender: Gender;
  attribution: number;
}

/** One wording of a role ("defence secretary"): its words before the head, and the clusters known by it. */
interface RoleWording {
  modifiers: string[];
  clusters: number[];
}

interface Mark {
  pos: number;
  len: number;
  kind: 'double' | 'single';
  canOpen: boolean;
  canClose: boolean;
  /** A closing single mark that could be a plural possessive ("leaders’ meeting"). */
  ambiguous: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const SPACE = /\s/;
const OPEN_CONTEXT = /[\s([{\u2014\u2013\-/\u201C\u2018"'\u2022*]/;
const CLOSE_CONTEXT = /[\s.,;:!?)\]}\u2014\u2013\-/\u201D\u2019"'\u2026]/;
const QUOTE_CHARS = /["'\u201C\u201D\u201E\u2018\u2019\u00AB\u00BB]/;
/** QUOTE_CHARS, all of them (the regex engine finds these rare characters faster than a per-character loop). */
const QUOTE_CHARS_ALL = /["'\u201C\u201D\u201E\u2018\u2019\u00AB\u00BB]/g;

/** Positions of the quote-like characters in the text, in order. */
function quoteCharPositions(text: string): number[] {
  const positions: number[] = [];
  QUOTE_CHARS_ALL.lastIndex = 0;
  for (let m = QUOTE_CHARS_ALL.exec(text); m; m = QUOTE_CHARS_ALL.exec(text)) positions.push(m.index);
  return positions;
}
const PRONOUN_GENDER: Record<string, Gender> = { he: 'male', she: 'female' };

/**
 * PRONOUN_GENDER[lower] without a keyed lookup per word (slow for a fresh string: V8 looks it up in its
 * string table). Besides "he" and "she" only "constructor" is defined there, inherited from Object and
 * kept so no output changes; no other inherited member of an object is a lower-case word.
 */
export function pronounGender(lower: string): Gender | undefined {
  if (lower === 'he' || lower === 'she' || lower === 'constructor') return PRONOUN_GENDER[lower];
  return undefined;
}
const NON_PERSON_PRONOUNS = new Set(['they', 'we', 'i', 'it', 'you', 'this', 'that', 'which']);
const PARAGRAPH_WINDOW = 3;
/** How many words before a reporting verb isPassive reads ("was widely reported"). */
const PASSIVE_LOOKBACK = 3;
/** Speech verbs, twice: a cheap pre-check, then an exact test of ASCII words; neither needs the word's string. */
const SPEECH_VERB_FILTER = new WordFilter(SPEECH_VERBS);
const SPEECH_VERB_WORDS = new AsciiWordSet(SPEECH_VERBS);
/** A stop and its closing marks, right before whitespace: where endsSentenceBefore can be true. */
const STOP_BEFORE_SPACE = /[.!?\u2026]["\u201D\u2019')\]]*(?=\s)/g;
/** Marks that may follow a full stop before the space ('.” ', '.) '); tested per space, so not a regex. */
function isCloserAfterStop(code: number): boolean {
  return code === 34 || code === 0x201d || code === 0x2019 || code === 39 || code === 41 || code === 93;
}

/** Whitespace test without a regex: this runs on every character of every article. */
function isSpace(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || (code > 0x1fff && SPACE.test(c));
}

function isSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || (code > 0x1fff && SPACE.test(String.fromCharCode(code)));
}

function isWord(c: string | undefined): boolean {
  return c !== undefined && WORD_CHAR.test(c);
}
function isSpaceOrEdge(c: string | undefined): boolean {
  return c === undefined || isSpace(c);
}

/** Splits text into paragraphs (non-blank lines), cutting out excluded ranges. */
function splitParagraphs(text: string, exclude: readonly Span[]): Paragraph[] {
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
  const lineRe = /[^\r\n]+/g;
  for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) {
    const lineEnd = m.index + m[0].length;
    let s = m.index;
    while (s < lineEnd) {
      while (k < merged.length && merged[k].end <= s) k++;
      const ex = k < merged.length && merged[k].start < lineEnd ? merged[k] : null;
      push(s, ex ? Math.max(s, ex.start) : lineEnd);
      if (!ex) break;
      s = Math.max(s, ex.end);
    }
  }
  return paragraphs;
}

/** Classifies each quote-like character of a paragraph as an opening/closing mark or an apostrophe. */
function scanMarks(text: string, para: Span, quoteChars: readonly number[]): Mark[] {
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
    const leftFlank = (prev === undefined || OPEN_CONTEXT.test(prev)) && !isSpaceOrEdge(next);
    const rightFlank = (next === undefined || CLOSE_CONTEXT.test(next)) && !isSpaceOrEdge(prev);
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

interface PairedQuote {
  open: number;
  openLen: number;
  close: number | null;
  closeLen: number;
  kind: 'double' | 'single';
}

/** Pairs marks with a stack; returns top-level quotes only (nested quotes stay inside their parent). */
function pairMarks(marks: Mark[]): PairedQuote[] {
  const result: PairedQuote[] = [];
  const stack: Mark[] = [];
  // For an ambiguous closer: is there a later unambiguous single closer before the next single opener?
  const laterClearCloser: boolean[] = new Array(marks.length).fill(false);
  let seen = false;
  for (let i = marks.length - 1; i >= 0; i--) {
    const m = marks[i];
    laterClearCloser[i] = seen;
    if (m.kind !== 'single') continue;
    if (m.canClose && !m.ambiguous) seen = true;
    else if (m.canOpen && !m.canClose) seen = false;
  }
  for (let i = 0; i < marks.length; i++) {
    const m = marks[i];
    const openIndex = m.canClose ? findLast(stack, (s) => s.kind === m.kind) : -1;
    if (openIndex >= 0 && !(m.ambiguous && laterClearCloser[i])) {
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

/** ASCII character classes for the tokenizer: letter or digit (WORD, plus CAPITAL), or a joiner inside a word. */
const WORD = 1;
const CAPITAL = 2;
const JOINER = 4;
const ASCII_TOKEN_CLASS = (() => {
  const table = new Uint8Array(128);
  for (let c = 48; c <= 57; c++) table[c] = WORD;
  for (let c = 97; c <= 122; c++) table[c] = WORD;
  for (let c = 65; c <= 90; c++) table[c] = WORD | CAPITAL;
  table[39] = table[46] = table[45] = JOINER;
  return table;
})();

/**
 * The tokenizer's output buffer, reused by every article: extraction is synchronous and each extractor
 * reads it only while it runs (it is overwritten by the next article).
 */
let tokenScratch = new Int32Array(0);
/** 3 slots per character of a 64K-character article (768 KB). */
const MAX_KEPT_SCRATCH = 3 * 65536 + 1024;
const PLAIN_FLAG = 1;
const ASCII_FLAG = 2;

/**
 * Words (with inner apostrophes, hyphens, full stops) and clause punctuation, in one pass, written to
 * tokenScratch as (start, end, flags) triples; returns how many slots are filled. Token objects are made
 * later, only for the tokens read (quoted ones never are).
 */
function tokenize(text: string): number {
  const n = text.length;
  // A token has at least one character: 3 slots per character is enough.
  if (tokenScratch.length < 3 * n) tokenScratch = new Int32Array(3 * n + 1024);
  const out = tokenScratch;
  let length = 0;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code < 128 ? (ASCII_TOKEN_CLASS[code] & WORD) !== 0 : WORD_CHAR.test(text[i])) {
      let j = i + 1;
      // Lower-casing is skipped for words with no capital or non-ASCII letter (most words).
      let ascii = code < 128;
      let plain = ascii && (ASCII_TOKEN_CLASS[code] & CAPITAL) === 0;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d < 128) {
          const kind = ASCII_TOKEN_CLASS[d];
          if (kind === 0) break;
          if ((kind & CAPITAL) !== 0) plain = false;
        } else if (d === 0x2019 || WORD_CHAR.test(text[j])) {
          plain = ascii = false;
        } else break;
        j++;
      }
      let end = j;
      if (end - i > 1 && text.charCodeAt(end - 1) === 46) end--;
      out[length] = i;
      out[length + 1] = end;
      out[length + 2] = (plain ? PLAIN_FLAG : 0) | (ascii ? ASCII_FLAG : 0);
      length += 3;
      i = j;
      continue;
    }
    if (code === 44 || code === 59 || code === 58 || code === 40 || code === 41 || code === 0x2014 || code === 0x2013) {
      out[length] = i;
      out[length + 1] = i + 1;
      out[length + 2] = PLAIN_FLAG | (code < 128 ? ASCII_FLAG : 0);
      length += 3;
    }
    i++;
  }
  // Only a number is returned: an object literal here made V8 deoptimise the loop over and over.
  return length;
}

function cutToken(text: string, t: Token, end: number): Token {
  return new Token(text, t.start, end, false, t.isAscii);
}

/** Sort keys for sortedSearch, made once rather than as a closure per search. */
function spanStart(span: Span): number {
  return span.start;
}
function referentPos(referent: Referent): number {
  return referent.pos;
}

function findLast<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return { start, end };
}

const roleWordsCache = new Map<string, string[]>();

function roleWords(role: string): string[] {
  let words = roleWordsCache.get(role);
  if (!words) {
    const key = detach(role);
    words = splitRole(key);
    if (roleWordsCache.size > 10000) roleWordsCache.clear();
    roleWordsCache.set(key, words);
  }
  return words;
}

function splitRole(role: string): string[] {
  return role
    .toLowerCase()
    .replace(/\b[\p{L}.-]+['\u2019]s\b/gu, ' ')
    .split(/[^\p{L}]+/u)
    .filter((w) => w && !DETERMINERS.has(w) && w !== 'of' && w !== 'and' && w !== 'former')
    .flatMap((w) => (w === 'pm' ? ['prime', 'minister'] : [w]));
}

/** Finds quotations in one article and attributes each to a mention (by index) or to nobody. */
export function extractQuotes(text: string, exclude: readonly Span[], mentions: readonly RawMention[]): ExtractedQuote[] {
  const quotes = new QuoteExtractor(text, exclude, mentions).run();
  // A huge article's token buffer is not kept for the next (ordinary) ones.
  if (tokenScratch.length > MAX_KEPT_SCRATCH) tokenScratch = new Int32Array(0);
  return quotes;
}

class QuoteExtractor {
  private readonly paragraphs: Paragraph[];
  private readonly inQuote: Uint8Array;
  private readonly parts: QuotePart[] = [];
  private readonly mentionByEnd = new Map<number, number>();
  private readonly mentionByStart = new Map<number, number>();
  private readonly cluster: ArticleClusters;
  private referents: Referent[] = [];
  private readonly mentionOrder: number[];
  /** Every token of the text as (start, end, flags) triples, in a buffer shared by all extractors. */
  private readonly allTokens: Int32Array;
  private readonly allTokensLength: number;
  /**
   * Offsets into allTokens of the tokens outside quotes, set once every quote is found (what counts as
   * quoted no longer changes); their Token objects are made when first read (most words never are).
   */
  private unquoted: Int32Array | null = null;
  private unquotedCount = 0;
  private readonly unquotedObjects: (Token | null)[] = [];
  private clusterMentionLists: number[][] | null = null;
  private roleWordings: Map<string, RoleWording[]> | null = null;
  /** Positions of the quote-like characters of the text, in order (found with the marked quotes). */
  private quoteChars: readonly number[] = [];
  /** Sentence ends per paragraph start; dropped when a new quote changes what counts as quoted. */
  private readonly sentenceEndCache = new Map<number, number[]>();

  constructor(
    private readonly text: string,
    exclude: readonly Span[],
    private readonly mentions: readonly RawMention[],
  ) {
    this.paragraphs = splitParagraphs(text, exclude);
    this.inQuote = new Uint8Array(text.length + 1);
    mentions.forEach((m, i) => {
      this.mentionByEnd.set(m.end, i);
      this.mentionByStart.set(m.start, i);
    });
    this.cluster = clusterMentions(mentions);
    this.mentionOrder = mentions.map((_, i) => i).sort((a, b) => mentions[a].start - mentions[b].start);
    // One tokenisation of the whole text; quoted words are filtered out when a range is read.
    this.allTokensLength = tokenize(text);
    this.allTokens = tokenScratch;
  }

  run(): ExtractedQuote[] {
    this.findMarkedQuotes();
    this.findUnmarkedQuotes();
    this.parts.sort((a, b) => a.start - b.start);
    this.findUnquotedTokens();
    this.buildReferents();
    this.attribute();
    return this.parts.map((p) => ({
      start: p.start,
      end: p.end,
      text: this.text.slice(p.start, p.end),
      group: p.group,
      partial: p.partial,
      unmarked: p.unmarked,
      speakerMention: p.speaker === undefined || p.speaker < 0 ? null : p.speaker,
    }));
  }

  // ---------------------------------------------------------------- marked quotes

  private findMarkedQuotes(): void {
    const { text } = this;
    type OpenGroup = { group: number; kind: 'double' | 'single' };
    let openGroup: OpenGroup | null = null;
    const quoteChars = quoteCharPositions(text);
    this.quoteChars = quoteChars;
    for (const para of this.paragraphs) {
      const quotes = pairMarks(scanMarks(text, para, quoteChars));
      const continuing = openGroup as OpenGroup | null;
      openGroup = null;
      quotes.forEach((q, qi) => {
        const inner = trimSpan(text, q.open + q.openLen, q.close ?? para.end);
        if (inner.end <= inner.start) return;
        const isFirstAtStart = qi === 0 && q.open === para.start;
        let group = inner.start;
        if (continuing && isFirstAtStart && continuing.kind === q.kind) group = continuing.group;
        if (q.close === null) {
          const nextPara = this.paragraphs[para.index + 1];
          const continues = nextPara !== undefined && this.opensWith(nextPara, q.kind);
          if (continues) openGroup = { group, kind: q.kind };
          // An unclosed mark that neither continues nor belonged to a group is kept only when it
          // clearly opens a statement; otherwise it is a stray mark and is dropped.
          else if (group === inner.start && !(q.kind === 'double' && this.opensStatement(q.open, para) && wordCount(text, inner) >= 3)) return;
        }
        if (q.kind === 'single' && !/[\p{L}\p{N}].*[\p{L}\p{N}]/su.test(text.slice(inner.start, inner.end))) return;
        this.parts.push({
          start: inner.start,
          end: inner.end,
          open: q.open,
          closeEnd: q.close === null ? null : q.close + q.closeLen,
          para: para.index,
          group,
          unmarked: false,
          partial: false,
          colon: -1,
          speaker: undefined,
        });
        this.inQuote.fill(1, inner.start, inner.end);
      });
    }
    for (const part of this.parts) part.partial = this.isPartial(part);
    this.sentenceEndCache.clear();
  }

  private opensWith(para: Paragraph, kind: 'double' | 'single'): boolean {
    const c = this.text[para.start];
    return kind === 'double' ? c === '\u201C' || c === '"' || c === '\u201E' || c === '\u00AB' : c === '\u2018' || c === "'";
  }

  /** The mark stands at the paragraph start, or after a colon or comma. */
  private opensStatement(open: number, para: Span): boolean {
    let i = open - 1;
    while (i >= para.start && isSpace(this.text[i])) i--;
    return i < para.start || this.text[i] === ':' || this.text[i] === ',';
  }

  private isPartial(part: QuotePart): boolean {
    const { text } = this;
    const para = this.paragraphs[part.para];
    if (part.open === para.start) return false;
    let i = part.open - 1;
    while (i >= para.start && isSpace(text[i])) i--;
    if (i < para.start || text[i] === ':' || /[.!?\u2022]/.test(text[i])) return false;
    const inner = text.slice(part.start, part.end);
    const startsUpper = UPPER.test(inner[0]);
    const endsSentence = /[.!?,]$/.test(inner);
    return !(startsUpper && endsSentence && wordCount(text, part) >= 4);
  }

  // ---------------------------------------------------------------- unmarked quotes

  private findUnmarkedQuotes(): void {
    const { text } = this;
    let previous: QuotePart | null = null;
    /** The first colon at or after some position no later than the paragraph's start (-1: none left). */
    let nextColon = text.indexOf(':');
    for (const para of this.paragraphs) {
      const continued: QuotePart | null = previous ? this.continueUnmarked(previous, para) : null;
      previous = null;
      if (continued) {
        previous = continued;
        continue;
      }
      const intros: { colon: number; quoteStart: number }[] = [];
      // The next colon is carried from paragraph to paragraph: a search from each paragraph start could
      // run to a colon far ahead every time (quadratic in an article with few colons).
      if (nextColon >= 0 && nextColon < para.start) nextColon = text.indexOf(':', para.start);
      let i = nextColon;
      for (; i >= 0 && i < para.end; i = text.indexOf(':', i + 1)) {
        if (this.inQuote[i]) continue;
        let j = i + 1;
        while (j < para.end && isSpace(text[j])) j++;
        if (j >= para.end || j === i + 1 || !(UPPER.test(text[j]) || /\d/.test(text[j]))) continue;
        if (!this.hasSpeechIntro(i, para)) continue;
        intros.push({ colon: i, quoteStart: j });
      }
      nextColon = i;
      intros.forEach((intro, k) => {
        let end = para.end;
        for (let n = k + 1; n < intros.length; n++) {
          const sentenceStart = this.sentenceStart(intros[n].colon, para);
          if (sentenceStart > intro.quoteStart) {
            end = sentenceStart;
            break;
          }
        }
        const span = trimSpan(text, intro.quoteStart, end);
        if (wordCount(text, span) < 3) return;
        // Marked quotes inside an unmarked statement are nested: drop them.
        for (let n = this.parts.length - 1; n >= 0 && this.parts[n].para === para.index; n--) {
          const p = this.parts[n];
          if (p.start >= span.start && p.end <= span.end) this.parts.splice(n, 1);
        }
        const part: QuotePart = {
          ...span,
          open: span.start,
          closeEnd: null,
          para: para.index,
          group: span.start,
          unmarked: true,
          partial: false,
          colon: intro.colon,
          speaker: undefined,
        };
        this.parts.push(part);
        this.inQuote.fill(1, span.start, span.end);
        this.sentenceEndCache.delete(para.start);
        if (span.end === para.end) previous = part;
      });
    }
  }

  /**
   * Rule for stripped-mark articles: an unmarked statement continues into the next paragraph only
   * when that paragraph reads as speech (first or second person) and shows no sign of narration
   * (no quote marks, no named person, no new speech introduction).
   */
  private continueUnmarked(previous: QuotePart, para: Paragraph): QuotePart | null {
    if (para.index !== previous.para + 1) return null;
    const body = this.text.slice(para.start, para.end);
    // Only a paragraph with a quote-like character (most have none) needs its apostrophes taken out to tell.
    const firstQuoteChar = this.quoteChars[lowerBoundOfNumbers(this.quoteChars, para.start)];
    const hasQuoteChar = firstQuoteChar !== undefined && firstQuoteChar < para.end;
    if (hasQuoteChar && QUOTE_CHARS.test(body.replace(/(?<=\p{L})['\u2019](?=\p{L})/gu, ''))) return null;
    if (!FIRST_SECOND_PERSON.test(body)) return null;
    if (this.mentionsWithin(para.start, para.end).length > 0) return null;
    if (/:\s/.test(body)) return null;
    const part: QuotePart = {
      start: para.start,
      end: para.end,
      open: para.start,
      closeEnd: null,
      para: para.index,
      group: previous.group,
      unmarked: true,
      partial: false,
      colon: -1,
      speaker: undefined,
    };
    this.parts.push(part);
    this.inQuote.fill(1, para.start, para.end);
    this.sentenceEndCache.delete(para.start);
    return part;
  }

  /** A reporting verb (not passive) or speech noun ends the clause before this colon. */
  private hasSpeechIntro(colon: number, para: Span): boolean {
    const tokens = this.tokens(this.sentenceStart(colon, para), colon);
    for (let k = tokens.length - 1; k >= 0 && k >= tokens.length - 7; k--) {
      const t = tokens[k];
      if (t.word === ',' && k < tokens.length - 1) break;
      if (SPEECH_VERBS.has(t.lower) && !this.isPassive(tokens, k) && !this.isNounUse(tokens, k)) return true;
      if (SPEECH_NOUNS.has(t.lower) && k >= tokens.length - 2) return true;
    }
    return false;
  }

  // ---------------------------------------------------------------- sentences and tokens

  /** Start of the sentence containing `pos`, within its paragraph; full stops inside quotes do not count. */
  private sentenceStart(pos: number, para: Span): number {
    const ends = this.sentenceEnds(para);
    const k = lowerBoundOfNumbers(ends, pos) - 1;
    if (k < 0) return para.start;
    let j = ends[k];
    while (j < pos && isSpace(this.text[j])) j++;
    return j;
  }

  private sentenceEnd(pos: number, para: Span): number {
    const ends = this.sentenceEnds(para);
    const k = lowerBoundOfNumbers(ends, pos);
    return k < ends.length ? ends[k] : para.end;
  }

  /** The whitespace positions that end a sentence in a paragraph, computed once per paragraph. */
  private sentenceEnds(para: Span): number[] {
    let ends = this.sentenceEndCache.get(para.start);
    if (!ends) {
      ends = [];
      // Only a space after a stop (and closing marks) can end a sentence: find those, then check each.
      STOP_BEFORE_SPACE.lastIndex = para.start;
      for (let m = STOP_BEFORE_SPACE.exec(this.text); m; m = STOP_BEFORE_SPACE.exec(this.text)) {
        const i = m.index + m[0].length;
        if (i >= para.end) break;
        if (isSpaceCode(this.text.charCodeAt(i)) && this.endsSentenceBefore(i, para)) ends.push(i);
      }
      this.sentenceEndCache.set(para.start, ends);
    }
    return ends;
  }

  /** Whether the whitespace at `i` follows a sentence end (". ", ".” ", "?) "). */
  private endsSentenceBefore(i: number, para: Span): boolean {
    const { text } = this;
    let j = i - 1;
    while (j > para.start && isCloserAfterStop(text.charCodeAt(j))) j--;
    const stop = text.charCodeAt(j);
    if (!(stop === 46 || stop === 33 || stop === 63 || stop === 0x2026)) return false;
    // A full stop inside a quote ends a sentence only where the quote closes.
    if (this.inQuote[j] && this.inQuote[i]) return false;
    let k = i;
    while (k < para.end && isSpace(text[k])) k++;
    const next = text[k];
    if (next === undefined || !(UPPER.test(next) || /[\d"\u201C\u2018'\u2022]/.test(next))) return false;
    if (text[j] === '.') {
      let w = j;
      while (w > para.start && LETTER.test(text[w - 1])) w--;
      const word = text.slice(w, j);
      if (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) return false;
    }
    return true;
  }

  private findUnquotedTokens(): void {
    const all = this.allTokens;
    const { inQuote } = this;
    const unquoted = new Int32Array(this.allTokensLength / 3);
    let count = 0;
    for (let i = 0; i < this.allTokensLength; i += 3) if (!inQuote[all[i]]) unquoted[count++] = i;
    this.unquoted = unquoted;
    this.unquotedCount = count;
    const objects = this.unquotedObjects;
    for (let i = 0; i < count; i++) objects.push(null);
  }

  /** Index into `unquoted` of the first unquoted token starting at or after `pos`. */
  private firstUnquotedFrom(pos: number): number {
    const unquoted = this.unquoted as Int32Array;
    const all = this.allTokens;
    let lo = 0;
    let hi = this.unquotedCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[unquoted[mid]] < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The Token of the n-th unquoted token, made once and shared by every range that reads it. */
  private unquotedToken(n: number): Token {
    let token = this.unquotedObjects[n];
    if (token === null) {
      const at = (this.unquoted as Int32Array)[n];
      const all = this.allTokens;
      const flags = all[at + 2];
      token = new Token(this.text, all[at], all[at + 1], (flags & PLAIN_FLAG) !== 0, (flags & ASCII_FLAG) !== 0);
      this.unquotedObjects[n] = token;
    }
    return token;
  }

  /** Words and clause punctuation in [start, end), skipping quoted text. */
  private tokens(start: number, end: number): Token[] {
    const unquoted = this.unquoted;
    if (unquoted) {
      // Quotes are final: a range is a run of the unquoted tokens (the last one cut at `end`).
      const all = this.allTokens;
      const out: Token[] = [];
      for (let n = this.firstUnquotedFrom(start); n < this.unquotedCount && all[unquoted[n]] < end; n++) out.push(this.unquotedToken(n));
      const last = out[out.length - 1];
      if (last && last.end > end) out[out.length - 1] = cutToken(this.text, last, end);
      return out;
    }
    return this.tokensOutsideQuotes(start, end);
  }

  /** Token objects for the unquoted tokens starting in [start, end), the last one cut at `end`. */
  private tokensOutsideQuotes(start: number, end: number): Token[] {
    const all = this.allTokens;
    const length = this.allTokensLength;
    const { text, inQuote } = this;
    // First triple whose start is >= start.
    let lo = 0;
    let hi = length / 3;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid * 3] < start) lo = mid + 1;
      else hi = mid;
    }
    const out: Token[] = [];
    for (let i = lo * 3; i < length && all[i] < end; i += 3) {
      const tokenStart = all[i];
      if (inQuote[tokenStart]) continue;
      const flags = all[i + 2];
      const tokenEnd = all[i + 1];
      // A cut token is lower-cased like any other (its flags describe the whole word).
      if (tokenEnd <= end) out.push(new Token(text, tokenStart, tokenEnd, (flags & PLAIN_FLAG) !== 0, (flags & ASCII_FLAG) !== 0));
      else out.push(new Token(text, tokenStart, end, false, (flags & ASCII_FLAG) !== 0));
    }
    return out;
  }

  /** Mention indices whose span lies inside [start, end). */
  private mentionsWithin(start: number, end: number): number[] {
    const order = this.mentionOrder;
    const out: number[] = [];
    for (let i = lowerBound(order, start, (m) => this.mentions[m].start); i < order.length && this.mentions[order[i]].start < end; i++) {
      if (this.mentions[order[i]].end <= end) out.push(order[i]);
    }
    return out;
  }

  /** Steps back over auxiliaries and adverbs ("has also", "will on Monday evening"), never over a name. */
  private skipModifiers(tokens: Token[], k: number): number {
    while (k >= 0 && VERB_MODIFIERS.has(tokens[k].lower) && !this.mentionByEnd.has(tokens[k].end)) k--;
    return k;
  }

  /** How many tokens before index k (exclusive) the mention ending at tokens[k] also covers. */
  private mentionTokenCount(mention: number, tokens: Token[], k: number): number {
    const start = this.mentions[mention].start;
    let n = 0;
    while (k - n - 1 >= 0 && tokens[k - n - 1].start >= start) n++;
    return n;
  }

  /** "his remarks", "the claims", "a warning": the word is a noun here, not a reporting verb. */
  private isNounUse(tokens: Token[], k: number): boolean {
    const prev = tokens[k - 1];
    return prev !== undefined && (DETERMINERS.has(prev.lower) || /['\u2019]s$/.test(prev.word));
  }

  private isPassive(tokens: Token[], k: number): boolean {
    for (let j = k - 1; j >= 0 && j >= k - PASSIVE_LOOKBACK; j--) {
      if (PASSIVE_MARKERS.has(tokens[j].lower)) return true;
      if (!VERB_MODIFIERS.has(tokens[j].lower)) return false;
    }
    return false;
  }

  private isPossessive(mention: RawMention): boolean {
    return /^(?:['\u2019]s?\b|s\b)/.test(this.text.slice(mention.end, mention.end + 2));
  }

  private mentionInQuote(mention: RawMention): boolean {
    return this.inQuote[mention.start] === 1;
  }

  private genderOfMention(index: number): Gender {
    return this.cluster.gender[this.cluster.clusterOf[index]] ?? null;
  }

  /** Index of the paragraph containing `pos`, or -1 (a binary search: a per-character table costs more to fill). */
  private paraOf(pos: number): number {
    const paragraphs = this.paragraphs;
    const k = lastAtOrBefore(paragraphs, pos, spanStart);
    return k >= 0 && pos < paragraphs[k].end ? k : -1;
  }

  // ---------------------------------------------------------------- referents for pronouns

  /**
   * Subject-like mentions (sentence subjects, names followed by a verb or "who") and the subjects of
   * reporting verbs that are unnamed ("the official said"): what "he said" can point back to.
   */
  private buildReferents(): void {
    const refs: Referent[] = [];
    this.mentions.forEach((m, index) => {
      if (this.mentionInQuote(m) || this.isPossessive(m)) return;
      const para = this.paraOf(m.start);
      if (para < 0) return;
      if (this.looksLikeSubject(m, this.paragraphs[para])) refs.push({ pos: m.start, para, gender: this.genderOfMention(index), attribution: index });
    });
    this.referents = refs;
    // Unnamed subjects of reporting verbs, resolved without pronouns to stay linear and acyclic.
    // Token objects are made only for possible verbs and the few words before them that isPassive and
    // isNounUse read, not for every word of the paragraph.
    const unquoted = this.unquoted as Int32Array;
    const all = this.allTokens;
    const { text } = this;
    const window: Token[] = [];
    for (const para of this.paragraphs) {
      const first = this.firstUnquotedFrom(para.start);
      for (let n = first; n < this.unquotedCount && all[unquoted[n]] < para.end; n++) {
        const at = unquoted[n];
        // The paragraph's last token may run past its end and is then cut there, as tokens() does.
        const end = Math.min(all[at + 1], para.end);
        const ascii = (all[at + 2] & ASCII_FLAG) !== 0;
        if (!SPEECH_VERB_FILTER.mayContain(text, all[at], end, ascii) || (ascii && !SPEECH_VERB_WORDS.has(text, all[at], end))) continue;
        window.length = 0;
        for (let w = Math.max(first, n - PASSIVE_LOOKBACK); w < n; w++) window.push(this.unquotedToken(w));
        const whole = this.unquotedToken(n);
        const t = whole.end > para.end ? cutToken(text, whole, para.end) : whole;
        window.push(t);
        const k = window.length - 1;
        if (!SPEECH_VERBS.has(t.lower) || this.isPassive(window, k) || this.isNounUse(window, k)) continue;
        const np = this.nounPhraseBefore(t.start, para);
        if (np && np.gender !== 'plural') refs.push({ pos: np.pos, para: para.index, gender: np.gender, attribution: np.attribution });
      }
    }
    refs.sort((a, b) => a.pos - b.pos);
    this.referents = refs;
  }

  private looksLikeSubject(m: RawMention, para: Paragraph): boolean {
    const limit = Math.min(para.end, m.end + 60);
    const asciiWho = asciiWhoFollows(this.text, m.end, limit);
    const asciiWords = asciiWho === null ? null : asciiWordsAfter(this.text, m.end, limit);
    let words: readonly string[] | null;
    if (asciiWords !== null) {
      if (asciiWho) return true;
      words = asciiWords;
    } else {
      // A character beyond ASCII nearby: the regexes the ASCII scanners stand for.
      const after = this.text.slice(m.end, limit);
      if (/^,?\s+who\b/.test(after)) return true;
      const match = after.match(/^\s+([\p{L}]+)(?:\s+([\p{L}]+))?(?:\s+([\p{L}]+))?/u);
      words = match ? match.slice(1) : null;
    }
    if (words) {
      for (const w of words) {
        if (!w) break;
        const lower = w.toLowerCase();
        if (SPEECH_VERBS.has(lower) || STANCE_VERBS.has(lower) || /^[a-z]+ed$/.test(w) || lower === 'who') return true;
        if (!VERB_MODIFIERS.has(lower) || UPPER.test(w[0])) break;
        if (/^(?:has|have|had|will|would|is|was|can|could|must|should|may|might)$/.test(lower)) return true;
      }
    }
    const subject = this.sentenceSubject(this.sentenceStart(m.start, para), m.end + 1, para, false);
    return subject !== undefined && subject !== NOBODY && this.mentions[subject] === m;
  }

  private resolvePronoun(pos: number, gender: Gender): Attribution {
    const para = this.paraOf(pos);
    for (let i = lowerBound(this.referents, pos, referentPos) - 1; i >= 0; i--) {
      const r = this.referents[i];
      if (para - r.para > PARAGRAPH_WINDOW) break;
      if (r.gender === 'plural') continue;
      if (r.gender && gender && r.gender !== gender) continue;
      return r.attribution;
    }
    return NOBODY;
  }

  // ---------------------------------------------------------------- subjects

  /** Subject of the reporting verb at `verbStart`, from the words right before it. */
  private subjectOf(verbStart: number, para: Paragraph, sentenceStart: number): Attribution {
    const tokens = this.tokens(sentenceStart, verbStart);
    const k = this.skipModifiers(tokens, tokens.length - 1);
    if (k < 0) return this.subjectFromSentence(sentenceStart, verbStart, para);
    const t = tokens[k];
    if (t.lower === 'who') {
      let j = k - 1;
      if (j >= 0 && tokens[j].word === ',') j--;
      if (j < 0) return undefined;
      const idx = this.mentionByEnd.get(tokens[j].end);
      if (idx !== undefined && !this.mentionInQuote(this.mentions[idx])) return idx;
      const np = this.nounPhraseBefore(tokens[j].end, para, sentenceStart);
      return np ? np.attribution : undefined;
    }
    const idx = this.mentionByEnd.get(t.end);
    if (idx !== undefined && !this.mentionInQuote(this.mentions[idx])) return idx;
    const pronoun = pronounGender(t.lower);
    if (pronoun !== undefined) return this.resolvePronoun(t.start, pronoun);
    if (NON_PERSON_PRONOUNS.has(t.lower)) return NOBODY;
    if (t.word === ',' || CLAUSE_LINKS.has(t.lower) || t.word === ';') {
      // A participle or coordinated verb shares the subject of the previous reporting verb.
      for (let j = k - 1; j >= 0; j--) {
        if ((SPEECH_VERBS.has(tokens[j].lower) || STANCE_VERBS.has(tokens[j].lower)) && !this.isPassive(tokens, j) && !this.isNounUse(tokens, j)) {
          const earlier = this.subjectOf(tokens[j].start, para, sentenceStart);
          if (earlier !== undefined) return earlier;
          break;
        }
      }
      return this.subjectFromSentence(sentenceStart, verbStart, para);
    }
    const np = this.nounPhraseBefore(verbStart, para, sentenceStart);
    return np ? np.attribution : undefined;
  }

  /**
   * The unnamed noun phrase ending right before `pos` (after auxiliaries): "a senior Western
   * diplomat", "the Prime Minister", "Donald Trump’s Defence Secretary". Null when there is none.
   */
  private nounPhraseBefore(pos: number, para: Paragraph, sentenceStart = this.sentenceStart(pos, para)): { pos: number; gender: Gender; attribution: number } | null {
    const tokens = this.tokens(sentenceStart, pos);
    let k = this.skipModifiers(tokens, tokens.length - 1);
    if (k < 0 || this.mentionByEnd.has(tokens[k].end)) return null;
    if (pronounGender(tokens[k].lower) !== undefined || NON_PERSON_PRONOUNS.has(tokens[k].lower)) return null;
    const words: Token[] = [];
    let determiner: string | null = null;
    let possessor = false;
    for (; k >= 0; k--) {
      const t = tokens[k];
      if (/^[,;:()\u2014\u2013]$/.test(t.word)) break;
      if (DETERMINERS.has(t.lower)) {
        determiner = t.lower;
        break;
      }
      if (/['\u2019]s$|s['\u2019]$/.test(t.word)) {
        possessor = true;
        break;
      }
      if (PREPOSITIONS.has(t.lower)) {
        // "a spokesman in London", "a diplomat based in London": the head comes before the place.
        if (words.some((w) => isPersonNoun(w.lower))) break;
        words.length = 0;
        continue;
      }
      if (SPEECH_VERBS.has(t.lower) || STANCE_VERBS.has(t.lower) || (t.lower !== t.word ? false : /ed$/.test(t.lower))) break;
      words.unshift(t);
      if (words.length > 8) return null;
    }
    if (words.length === 0) return null;
    const head = words.find((w) => isPersonNoun(w.lower));
    const last = words[words.length - 1];
    const gender: Gender = /s$/.test(last.lower) && ANONYMOUS_PERSON_NOUNS.has(last.lower) && !ROLE_NOUNS.has(last.lower) ? 'plural' : MALE_NOUNS.has(last.lower) ? 'male' : FEMALE_NOUNS.has(last.lower) ? 'female' : null;
    const npStart = words[0].start;
    if (!head) {
      // No person noun: an organisation or place speaks ("the Russian embassy", "Downing Street").
      return { pos: npStart, gender: 'plural', attribution: NOBODY };
    }
    // "the minister and his deputy": two people. ("the Orkney and Shetland MP" is one.)
    const and = words.findIndex((w) => w.lower === 'and');
    if (and > 0 && words.slice(0, and).some((w) => isPersonNoun(w.lower))) return { pos: npStart, gender: 'plural', attribution: NOBODY };
    if (determiner && INDEFINITE_DETERMINERS.has(determiner)) return { pos: npStart, gender, attribution: NOBODY };
    if (gender === 'plural') return { pos: npStart, gender, attribution: NOBODY };
    if (!ROLE_NOUNS.has(last.lower)) return { pos: npStart, gender, attribution: determiner || possessor ? UNRESOLVED : NOBODY };
    const role = words.map((w) => w.word).join(' ');
    return { pos: npStart, gender, attribution: this.resolveRole(role, npStart, possessor) };
  }

  /** Subject at the start of the sentence, past connectives and a leading adverbial phrase. */
  private subjectFromSentence(sentenceStart: number, limit: number, para: Paragraph): Attribution {
    return this.sentenceSubject(sentenceStart, limit, para, true);
  }

  private sentenceSubject(sentenceStart: number, limit: number, para: Paragraph, resolve: boolean): Attribution {
    const tokens = this.tokens(sentenceStart, limit);
    let k = 0;
    const skipConnectives = (): void => {
      while (k < tokens.length && (SENTENCE_CONNECTIVES.has(tokens[k].lower) || tokens[k].word === ',')) k++;
    };
    skipConnectives();
    if (k < tokens.length && LEADING_PHRASE_STARTERS.has(tokens[k].lower) && !this.mentionByStart.has(tokens[k].start)) {
      const comma = tokens.findIndex((t, j) => j > k && t.word === ',');
      if (comma < 0) return undefined;
      k = comma + 1;
      skipConnectives();
    }
    if (k >= tokens.length) return undefined;
    const t = tokens[k];
    const idx = this.mentionByStart.get(t.start);
    if (idx !== undefined) {
      const m = this.mentions[idx];
      if (this.mentionInQuote(m)) return undefined;
      // "X and Y said": a plural subject has no single speaker.
      const after = this.text.slice(m.end, m.end + 5);
      if (/^\s+and\s/.test(after)) return NOBODY;
      if (!this.isPossessive(m)) return idx;
    }
    const pronoun = pronounGender(t.lower);
    if (pronoun !== undefined) return resolve ? this.resolvePronoun(t.start, pronoun) : undefined;
    if (NON_PERSON_PRONOUNS.has(t.lower)) return NOBODY;
    // "The Russian defence minister, Sergey Shoygu, kept ...": the apposition names the subject.
    const comma = tokens.findIndex((x, j) => j > k && j <= k + 8 && x.word === ',');
    if (comma > 0 && comma + 1 < tokens.length) {
      const named = this.mentionByStart.get(tokens[comma + 1].start);
      if (named !== undefined) {
        const m = this.mentions[named];
        const afterMention = this.text.slice(m.end, m.end + 2);
        if (/^,/.test(afterMention) && tokens.slice(k, comma).every((x) => !this.mentionByStart.has(x.start))) return named;
      }
    }
    if (!resolve) return undefined;
    // An unnamed subject: find where its noun phrase ends (first verb-like word or comma).
    let end = k;
    while (end < tokens.length && end < k + 9) {
      const x = tokens[end];
      if (x.word === ',' || SPEECH_VERBS.has(x.lower) || STANCE_VERBS.has(x.lower) || (VERB_MODIFIERS.has(x.lower) && x.lower === x.word) || (x.lower === x.word && /ed$/.test(x.lower))) break;
      end++;
    }
    if (end === k || end >= tokens.length) return undefined;
    if (tokens.slice(k, end).some((x) => this.mentionByStart.has(x.start))) return undefined;
    const np = this.nounPhraseBefore(tokens[end].start, para, sentenceStart);
    return np ? np.attribution : undefined;
  }

  /** Resolves a role noun phrase ("the Defence Secretary", "the Orkney and Shetland MP") to a mention. */
  private resolveRole(role: string, pos: number, _possessor: boolean): number {
    const words = roleWords(role);
    if (words.length === 0) return UNRESOLVED;
    const head = words[words.length - 1];
    const modifiers = words.slice(0, -1);
    const strong = new Set<number>();
    const { clusterOf, roles } = this.cluster;
    for (const { modifiers: rmods, clusters } of this.roleWordingsByHead().get(head) ?? []) {
      if (!(modifiers.every((w) => rmods.includes(w)) || (rmods.length > 0 && rmods.every((w) => modifiers.includes(w))))) continue;
      // Two holders already make the role noun unresolved: the rest need not be collected.
      for (let i = 0; i < clusters.length && strong.size < 2; i++) strong.add(clusters[i]);
    }
    if (strong.size === 1) return this.nearestOfCluster([...strong][0], pos);
    if (strong.size > 1) return UNRESOLVED;
    // No holder known by this role: the role noun points back to the named subject of this or the
    // previous paragraph ("Sir Keir Starmer has called ... The Prime Minister warned"), unless that
    // person is known by another office ("the Defence Secretary" is not "the Prime Minister").
    const para = this.paraOf(pos);
    for (let i = this.referents.length - 1; i >= 0; i--) {
      const r = this.referents[i];
      if (r.pos >= pos) continue;
      if (para - r.para > 1 || r.attribution < 0) break;
      const known = roles[clusterOf[r.attribution]];
      const sameHead = known.some((x) => {
        const rw = roleWords(x);
        return rw[rw.length - 1] === head;
      });
      return known.length === 0 || sameHead ? r.attribution : UNRESOLVED;
    }
    return UNRESOLVED;
  }

  /**
   * The known roles by head word ("secretary"): each distinct wording's modifiers and the clusters known by
   * it. Looked up per role noun, where scanning every cluster's roles was quadratic in a long article.
   */
  private roleWordingsByHead(): Map<string, RoleWording[]> {
    if (this.roleWordings === null) {
      const byHead = new Map<string, RoleWording[]>();
      const byWords = new Map<string, RoleWording>();
      this.cluster.roles.forEach((list, cluster) => {
        for (const role of list) {
          const words = roleWords(role);
          if (words.length === 0) continue;
          // Role words are letters only, so a space cannot join two wordings into one key.
          const key = words.join(' ');
          let wording = byWords.get(key);
          if (wording === undefined) {
            wording = { modifiers: words.slice(0, -1), clusters: [] };
            byWords.set(key, wording);
            const head = words[words.length - 1];
            const list = byHead.get(head);
            if (list) list.push(wording);
            else byHead.set(head, [wording]);
          }
          if (wording.clusters[wording.clusters.length - 1] !== cluster) wording.clusters.push(cluster);
        }
      });
      this.roleWordings = byHead;
    }
    return this.roleWordings;
  }

  /**
   * The cluster's last mention outside quotes that starts before `pos`, else its first one (or -1): a
   * binary search in the cluster's mentions, where a scan of all mentions per role noun was quadratic.
   */
  private nearestOfCluster(cluster: number, pos: number): number {
    const list = this.unquotedMentionsOfCluster()[cluster] ?? [];
    const before = lowerBound(list, pos, (i) => this.mentions[i].start) - 1;
    return before >= 0 ? list[before] : list.length > 0 ? list[0] : -1;
  }

  /** Per cluster, its mentions outside quotes in text order; made once quotes are final. */
  private unquotedMentionsOfCluster(): number[][] {
    if (this.clusterMentionLists === null) {
      const lists: number[][] = [];
      const { clusterOf } = this.cluster;
      for (const i of this.mentionOrder) {
        if (this.mentionInQuote(this.mentions[i])) continue;
        (lists[clusterOf[i]] ??= []).push(i);
      }
      // Only valid once no new quote can change what counts as quoted.
      if (this.unquoted !== null) this.clusterMentionLists = lists;
      return lists;
    }
    return this.clusterMentionLists;
  }

  // ---------------------------------------------------------------- attribution

  private attribute(): void {
    const groups = new Map<number, QuotePart[]>();
    for (const p of this.parts) {
      const list = groups.get(p.group);
      if (list) list.push(p);
      else groups.set(p.group, [p]);
    }
    let previous: QuotePart | null = null;
    for (const part of this.parts) {
      const group = groups.get(part.group) ?? [part];
      if (group[0] !== part) {
        part.speaker = group[0].speaker;
        previous = part;
        continue;
      }
      let speaker: Attribution;
      for (const member of group) {
        speaker = this.cueFor(member);
        if (speaker !== undefined) break;
      }
      if (speaker === undefined) speaker = this.inherited(part, previous);
      part.speaker = speaker;
      previous = part;
    }
    this.fillFromParagraph();
    this.fillHeadlineEchoes();
  }

  /**
   * A quote with no cue at all, in a paragraph whose attributed quotes all have one named speaker
   * (an analysis paragraph quoting one person), gets that speaker, unless its sentence names
   * someone else.
   */
  private fillFromParagraph(): void {
    const byPara = new Map<number, QuotePart[]>();
    for (const p of this.parts) {
      const list = byPara.get(p.para);
      if (list) list.push(p);
      else byPara.set(p.para, [p]);
    }
    for (const [index, list] of byPara) {
      if (list.some((p) => p.speaker !== undefined && p.speaker < 0)) continue;
      const speakers = new Set(list.filter((p) => p.speaker !== undefined).map((p) => this.cluster.clusterOf[p.speaker as number]));
      if (speakers.size !== 1) continue;
      const speaker = list.find((p) => p.speaker !== undefined)?.speaker as number;
      const cluster = this.cluster.clusterOf[speaker];
      const para = this.paragraphs[index];
      for (const p of list) {
        if (p.speaker !== undefined) continue;
        const start = this.sentenceStart(p.open, para);
        const end = this.sentenceEnd(p.closeEnd ?? p.end, para);
        const other = this.mentionsWithin(start, end).some((i) => !this.mentionInQuote(this.mentions[i]) && !this.isPossessive(this.mentions[i]) && this.cluster.clusterOf[i] !== cluster);
        if (!other) p.speaker = speaker;
      }
    }
  }

  /**
   * Headlines and standfirsts repeat the body's quotes ("UK ends ‘business as usual’"): a headline
   * quote without a named speaker takes the speaker of the body quote that contains its words.
   */
  private fillHeadlineEchoes(): void {
    const normal = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const normalised = new Map<QuotePart, string>();
    const normalOf = (q: QuotePart): string => {
      let n = normalised.get(q);
      if (n === undefined) {
        n = ' ' + normal(this.text.slice(q.start, q.end)) + ' ';
        normalised.set(q, n);
      }
      return n;
    };
    for (const p of this.parts) {
      if (p.speaker !== undefined && p.speaker !== UNRESOLVED) continue;
      const para = this.paragraphs[p.para];
      if (para.index > 3 || /[.!?]["\u201D\u2019']?$/.test(this.text.slice(para.start, para.end))) continue;
      const words = normal(this.text.slice(p.start, p.end));
      if (!words) continue;
      const speakers = new Set<number>();
      let first = -1;
      for (const q of this.parts) {
        if (q.para <= p.para || q.speaker === undefined || q.speaker < 0) continue;
        if (!normalOf(q).includes(' ' + words + ' ')) continue;
        speakers.add(this.cluster.clusterOf[q.speaker]);
        if (first < 0) first = q.speaker;
      }
      if (speakers.size === 1) p.speaker = first;
    }
  }

  /** Attribution from the quote's own sentence: after it (", he said") or before it ("X said: "). */
  private cueFor(part: QuotePart): Attribution {
    const para = this.paragraphs[part.para];
    if (part.closeEnd !== null) {
      const trailing = this.trailingCue(part, para);
      if (trailing !== undefined) return trailing;
    }
    const sentenceStart = this.sentenceStart(part.unmarked && part.colon >= 0 ? part.colon : part.open, para);
    const before = part.unmarked && part.colon >= 0 ? part.colon : part.open;
    const tokens = this.tokens(sentenceStart, before);
    // "in his response:", "in a statement:"
    const lastTwo = tokens.slice(-3);
    const noun = lastTwo.find((t) => SPEECH_NOUNS.has(t.lower));
    const introColon = part.unmarked ? part.colon >= 0 : /:\s*$/.test(this.text.slice(Math.max(sentenceStart, before - 3), before));
    if (noun && introColon) {
      const verbBefore = findLast(tokens, (t) => SPEECH_VERBS.has(t.lower));
      if (verbBefore >= 0 && verbBefore >= tokens.length - 6) return this.subjectOf(tokens[verbBefore].start, para, sentenceStart);
      return this.subjectFromSentence(sentenceStart, before, para);
    }
    // "so-called “hybrid” techniques": a term held at arm's length, nobody's words.
    if (part.partial && /\bso-called\s*$/i.test(this.text.slice(Math.max(para.start, part.open - 12), part.open))) return NOBODY;
    let infinitive = -1;
    for (let k = tokens.length - 1; k >= 0; k--) {
      const t = tokens[k];
      if (t.lower === 'according' && tokens[k + 1]?.lower === 'to') return this.afterVerbSubject(tokens[k + 1].end, para);
      // "allegations by Sir Fallon that ...": the speech noun names its speaker.
      const byMention = this.mentionByEnd.get(t.end);
      if (byMention !== undefined && k >= 2 && tokens[k - 1 - this.mentionTokenCount(byMention, tokens, k)]?.lower === 'by') {
        const nounIndex = k - 2 - this.mentionTokenCount(byMention, tokens, k);
        if (nounIndex >= 0 && SPEECH_NOUNS.has(tokens[nounIndex].lower)) return byMention;
      }
      const isVerb = (SPEECH_VERBS.has(t.lower) || (part.partial && STANCE_VERBS.has(t.lower))) && !this.isNounUse(tokens, k);
      if (!isVerb || this.isPassive(tokens, k)) continue;
      // "to indicate", "right to ask": an infinitive belongs to an earlier verb or the main subject.
      if (k > 0 && tokens[k - 1].lower === 'to') {
        if (infinitive < 0) infinitive = t.start;
        continue;
      }
      return this.subjectOf(t.start, para, sentenceStart);
    }
    if (infinitive >= 0 && part.partial) {
      // "Mr Trump used his interviews to indicate ...": the named subject of the clause.
      const subject = this.referents[lowerBound(this.referents, infinitive, referentPos) - 1];
      if (subject && subject.pos >= sentenceStart && subject.attribution >= 0) return subject.attribution;
    }
    if (part.partial) {
      // "‘backstop’ to deter Russia, PM says": a reporting verb later in the same sentence.
      const end = this.sentenceEnd(part.closeEnd ?? part.end, para);
      const later = this.tokens(part.closeEnd ?? part.end, end);
      const k = later.findIndex((t) => SPEECH_VERBS.has(t.lower));
      if (k >= 0 && !this.isPassive(later, k)) {
        const idx = k > 0 ? this.mentionByEnd.get(later[k - 1].end) : undefined;
        if (idx !== undefined) return idx;
        const np = this.nounPhraseBefore(later[k].start, para, sentenceStart);
        return np ? np.attribution : undefined;
      }
    }
    return undefined;
  }

  /** ", he said", "the official said", "said Sir Keir", "Sir Keir told reporters". */
  private trailingCue(part: QuotePart, para: Paragraph): Attribution {
    const { text } = this;
    const closeEnd = part.closeEnd as number;
    const inner = text.slice(part.start, part.end);
    let i = closeEnd;
    while (i < para.end && /[,;]/.test(text[i])) i++;
    const restHead = text.slice(i, Math.min(para.end, i + 3));
    const commaOutside = i > closeEnd;
    if (!/[,!?\u2014-]$/.test(inner) && !commaOutside && (part.partial || !/^\s+[a-z]/.test(restHead))) return undefined;
    const end = this.sentenceEnd(i, para);
    const tokens = this.tokens(i, end);
    for (let k = 0; k < tokens.length && k < 7; k++) {
      const t = tokens[k];
      if (t.word === ',' || t.word === ';' || PREPOSITIONS.has(t.lower)) break;
      if (this.inQuote[t.start]) break;
      if (t.lower === 'according' && tokens[k + 1]?.lower === 'to') return this.afterVerbSubject(tokens[k + 1].end, para);
      if (!SPEECH_VERBS.has(t.lower)) continue;
      if (k === 0) return this.afterVerbSubject(t.end, para);
      return this.subjectOf(t.start, para, i);
    }
    return undefined;
  }

  /** Subject after an inverted verb: "said Sir Keir", "said a spokesman", "according to X". */
  private afterVerbSubject(pos: number, para: Paragraph): Attribution {
    const { text } = this;
    let i = pos;
    while (i < para.end && isSpace(text[i])) i++;
    const idx = this.mentionByStart.get(i);
    if (idx !== undefined) return idx;
    const word = /^[\p{L}]+/u.exec(text.slice(i, i + 20));
    if (!word) return undefined;
    const lower = word[0].toLowerCase();
    const pronoun = pronounGender(lower);
    if (pronoun !== undefined) return this.resolvePronoun(i, pronoun);
    const end = this.sentenceEnd(i, para);
    const tokens = this.tokens(i, end);
    let k = 0;
    while (k < tokens.length && k < 9 && tokens[k].word !== ',' && !this.mentionByStart.has(tokens[k].start)) k++;
    if (k < tokens.length && this.mentionByStart.has(tokens[k].start)) {
      // "said the Prime Minister, Sir Keir Starmer" / "said Ukip leader Nigel Farage"
      const m = this.mentionByStart.get(tokens[k].start) as number;
      return m;
    }
    const np = this.nounPhraseBefore(k < tokens.length ? tokens[k].start : end, para, i);
    return np ? np.attribution : NOBODY;
  }

  /** No cue of its own: the previous quote in the paragraph, or the previous paragraph's last quote. */
  private inherited(part: QuotePart, previous: QuotePart | null): Attribution {
    if (part.partial) return undefined;
    const para = this.paragraphs[part.para];
    const prevPara = part.para > 0 ? this.paragraphs[part.para - 1] : undefined;
    // "X said:" closing the previous paragraph introduces this one.
    if (part.open === para.start && prevPara && this.text[prevPara.end - 1] === ':' && !this.inQuote[prevPara.end - 1] && this.hasSpeechIntro(prevPara.end - 1, prevPara)) {
      const start = this.sentenceStart(prevPara.end - 1, prevPara);
      const tokens = this.tokens(start, prevPara.end - 1);
      const verb = findLast(tokens, (t) => SPEECH_VERBS.has(t.lower) || SPEECH_NOUNS.has(t.lower));
      if (verb >= 0) return SPEECH_VERBS.has(tokens[verb].lower) ? this.subjectOf(tokens[verb].start, prevPara, start) : this.subjectFromSentence(start, prevPara.end - 1, prevPara);
    }
    if (!previous) return undefined;
    if (previous.para === part.para) {
      return part.open === this.sentenceStart(part.open + 1, para) || part.open === para.start ? previous.speaker : undefined;
    }
    // Only a full quote carries over: a fragment in narration says little about who speaks next.
    if (part.open !== para.start || previous.para !== part.para - 1 || !prevPara || previous.partial) return undefined;
    // The previous paragraph must end with that quote or its attribution, not with narration.
    const tail = previous.closeEnd === null ? prevPara.end : this.sentenceEnd(previous.closeEnd, prevPara);
    if (tail < prevPara.end) return undefined;
    return previous.speaker;
  }
}

/**
 * /^,?\s+who\b/ on text[start, limit) for ASCII text: true or false, or null when a character beyond ASCII
 * is met where it could change the answer (the caller then runs the regex).
 */
export function asciiWhoFollows(text: string, start: number, limit: number): boolean | null {
  let i = start;
  if (i < limit && text.charCodeAt(i) === 44) i++;
  const spaces = i;
  for (; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128) return null;
    if (!isAsciiSpaceCode(code)) break;
  }
  if (i === spaces || i + 3 > limit) return false;
  if (text.charCodeAt(i) !== 119 || text.charCodeAt(i + 1) !== 104 || text.charCodeAt(i + 2) !== 111) return false;
  // \b without the u flag: a word character is [A-Za-z0-9_]; anything beyond ASCII is not one.
  return i + 3 === limit || !isAsciiWordCode(text.charCodeAt(i + 3));
}

/**
 * The words /^\s+(\p{L}+)(?:\s+(\p{L}+))?(?:\s+(\p{L}+))?/u captures in text[start, limit), for ASCII text:
 * up to three letter runs, each after whitespace. Null when a character beyond ASCII is met where it could
 * be a space or letter (the caller then runs the regex).
 */
export function asciiWordsAfter(text: string, start: number, limit: number): string[] | null {
  const words: string[] = [];
  let i = start;
  while (words.length < 3) {
    const spaces = i;
    for (; i < limit; i++) {
      const code = text.charCodeAt(i);
      if (code >= 128) return null;
      if (!isAsciiSpaceCode(code)) break;
    }
    if (i === spaces) break;
    const wordStart = i;
    for (; i < limit; i++) {
      const code = text.charCodeAt(i);
      if (code >= 128) return null;
      if (!isAsciiLetterCode(code)) break;
    }
    if (i === wordStart) break;
    words.push(text.slice(wordStart, i));
  }
  return words;
}

/** \s among ASCII characters: space, tab, line feed, vertical tab, form feed, carriage return. */
function isAsciiSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

function isAsciiWordCode(code: number): boolean {
  return isAsciiLetterCode(code) || (code >= 48 && code <= 57) || code === 95;
}

function isPersonNoun(lower: string): boolean {
  return ANONYMOUS_PERSON_NOUNS.has(lower) || ROLE_NOUNS.has(lower);
}

function wordCount(text: string, span: Span): number {
  const m = text.slice(span.start, span.end).match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}
