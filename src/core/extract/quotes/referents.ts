// Phase 4: referents, what "he said" or an unheld role can point back to: subject-like mentions (sentence
// subjects, names followed by a verb or "who") and the unnamed subjects of reporting verbs ("the official
// said"). Pronouns are not resolved here, so collecting stays linear and acyclic.
import type { RawMention } from '../../types';
import * as speech from '../../language/speech';
import { isAsciiLetterCode } from '../../util/chars';
import { AsciiWordSet } from '../../util/wordSets';
import * as clauses from './clauses';
import { NOT_A_REFERENT, speaker, type Decided, type Paragraph, type QuotedArticle, type Referent, type ReferentGender } from './model';
import { paragraphAt } from './paragraphs';
import { Subjects } from './subjects';
import * as chars from '../../util/chars';
import { cutToken, mayRunThrough, type Token } from './tokens';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { INVERTED_SPEECH_VERBS, SPEECH_VERBS, STANCE_VERBS, VERB_MODIFIERS } = speech;
const { PASSIVE_LOOKBACK, SPEECH_VERB_FILTER, isNounUse, isPassive } = clauses;
const { UPPER, isAsciiSpaceCode, isAsciiWordCode } = chars;

/** How many sentences after its own a name credited with a quote stays what "he said" points back to. */
const CREDIT_REACH = 2;
/** How far before a name attributesAQuote looks for the quote or the inverted verb. */
const INVERTED_LOOKBACK = 90;
const CLOSING_MARK_BEFORE = /["\u201D\u2019'],?\s+$/;
/** A closing mark or comma, an inverted reporting verb, then up to six words of a role ("said EEF chief economist, "). */
const INVERTED_VERB_BEFORE = new RegExp(`(?:["\u201D\u2019'],?|,)\\s+(?:${[...INVERTED_SPEECH_VERBS].join('|')})\\s+(?:[\\p{L}\\p{N}'\u2019.&-]+\\s+){0,6}(?:,\\s+)?$`, 'u');

/** Speech verbs, exactly, for ASCII words, without the word's string (after SPEECH_VERB_FILTER's pre-check). */
const SPEECH_VERB_WORDS = new AsciiWordSet(SPEECH_VERBS);

/**
 * A mention that may be a referent: whether it is one (a subject, or a name credited with a quote) and how far
 * it reaches are found when first read. A pronoun or role reads back only a few paragraphs and stops at the
 * first that answers, so most mentions are never judged. Judging reads no referent, so it may happen at any time.
 */
class MentionReferent implements Referent {
  private knownReach = UNJUDGED;

  constructor(
    readonly pos: number,
    readonly para: number,
    readonly gender: ReferentGender | null,
    readonly attribution: Decided,
    private readonly judge: MentionJudge,
    private readonly mention: RawMention,
  ) {}

  get reach(): number {
    let reach = this.knownReach;
    if (reach === UNJUDGED) this.knownReach = reach = this.judge.reachOf(this.mention, this.para);
    return reach;
  }
}

/** A reach not yet found. */
const UNJUDGED = -2;

/** What a mention's reach is judged with: its article, and a speaker search that is asked for named subjects only. */
class MentionJudge {
  constructor(
    private readonly article: QuotedArticle,
    private readonly subjects: Subjects,
  ) {}

  /** Infinity for a subject-like mention, the end of its credit for a name credited with a quote, else NOT_A_REFERENT. */
  reachOf(m: RawMention, paraIndex: number): number {
    const { article } = this;
    if (article.mentions.isPossessive(m)) return NOT_A_REFERENT;
    const para = article.paragraphs[paraIndex];
    return looksLikeSubject(article, this.subjects, m, para) ? Infinity : attributesAQuote(article, m, para) ? creditReach(article, m, para) : NOT_A_REFERENT;
  }
}

/**
 * The article's referents, sorted by position. A mention's entry is only a candidate until its `reach` is read:
 * NOT_A_REFERENT there means it is none, and readers skip it.
 */
export function collectReferents(article: QuotedArticle): readonly Referent[] {
  const { paragraphs, outside, mentions, clusters } = article;
  const refs: Referent[] = [];
  // A role noun met here ("the Defence Secretary said") resolves against the referents collected so far:
  // the named subjects, then the unnamed ones of earlier paragraphs.
  const subjects = new Subjects(article, refs);
  const judge = new MentionJudge(article, subjects);
  mentions.list.forEach((m, index) => {
    if (outside.isQuoted(m.start)) return;
    const para = paragraphAt(paragraphs, m.start);
    if (para < 0) return;
    refs.push(new MentionReferent(m.start, para, clusters.gender[clusters.clusterOf[index]] ?? null, speaker(index), judge, m));
  });
  // Only the tokens the tokenizer flagged as possible speech verbs are read, and the paragraph's last
  // token when it runs past the paragraph's end (it is cut there, as tokens() does, and read as cut). Token
  // objects are made only for possible verbs and the few words before them that isPassive and isNounUse read.
  const { text } = article;
  const starts = outside.tokenStarts;
  const filtered = outside.filteredTokens;
  const filteredCount = outside.filteredCount;
  const window: Token[] = [];
  let f = 0;
  for (const para of paragraphs) {
    while (f < filteredCount && starts[filtered[f]] < para.start) f++;
    // Only a paragraph cut short of a word (by an excluded range) can have a token running past its end.
    const cut = mayRunThrough(text, para.end) ? tokenRunningPast(outside, para) : -1;
    for (; f < filteredCount && starts[filtered[f]] < para.end; f++) if (filtered[f] !== cut) speechVerbReferent(article, subjects, refs, window, para, filtered[f]);
    if (cut >= 0) speechVerbReferent(article, subjects, refs, window, para, cut);
  }
  return refs.sort((a, b) => a.pos - b.pos);
}

/** The paragraph's last token outside quotes when it runs past the paragraph's end, else -1. */
function tokenRunningPast(outside: QuotedArticle['outside'], para: Paragraph): number {
  const first = outside.firstTokenFrom(para.start);
  const after = outside.firstTokenFrom(para.end);
  return after > first && outside.tokenEnd(after - 1) > para.end ? after - 1 : -1;
}

/** The unnamed subject of the speech verb that the n-th token outside quotes may be ("the official said"), added to `refs`. */
function speechVerbReferent(article: QuotedArticle, subjects: Subjects, refs: Referent[], window: Token[], para: Paragraph, n: number): void {
  const { text, outside } = article;
  const start = outside.tokenStarts[n];
  const end = Math.min(outside.tokenEnd(n), para.end);
  const ascii = outside.isAsciiToken(n);
  if (!SPEECH_VERB_FILTER.mayContain(text, start, end, ascii) || (ascii && !SPEECH_VERB_WORDS.has(text, start, end))) return;
  window.length = 0;
  // The words before it in its paragraph (token starts ascend, so those at or after the paragraph's start).
  for (let w = Math.max(0, n - PASSIVE_LOOKBACK); w < n; w++) if (outside.tokenStarts[w] >= para.start) window.push(outside.token(w));
  const whole = outside.token(n);
  const t = whole.end > para.end ? cutToken(text, whole, para.end) : whole;
  window.push(t);
  const k = window.length - 1;
  if (!SPEECH_VERBS.has(t.lower) || isPassive(window, k) || isNounUse(window, k)) return;
  const np = subjects.nounPhraseBefore(t.start, para);
  if (np && np.gender !== 'plural') refs.push({ pos: np.pos, para: para.index, gender: np.gender, attribution: np.attribution, reach: Infinity });
}

function looksLikeSubject(article: QuotedArticle, subjects: Subjects, m: RawMention, para: Paragraph): boolean {
  const { text } = article;
  const limit = Math.min(para.end, m.end + 60);
  const asciiWho = asciiWhoFollows(text, m.end, limit);
  const asciiWords = asciiWho === null ? null : asciiWordsAfter(text, m.end, limit);
  let words: readonly string[] | null;
  if (asciiWords !== null) {
    if (asciiWho) return true;
    words = asciiWords;
  } else {
    // A character beyond ASCII nearby: the regexes the ASCII scanners stand for.
    const after = text.slice(m.end, limit);
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
  const subject = subjects.sentenceSubject(article.outside.sentenceStart(m.start, para), m.end + 1, para, false);
  return subject.kind === 'speaker' && article.mentions.list[subject.mention] === m;
}

/**
 * The name credited with the quote before it: right after its closing mark ("...,” James Carrick, an
 * economist, told") or after an inverted reporting verb ("...,” said chief executive Clara Furse").
 */
function attributesAQuote(article: QuotedArticle, m: RawMention, para: Paragraph): boolean {
  const { text, outside } = article;
  const from = Math.max(para.start, m.start - INVERTED_LOOKBACK);
  const before = text.slice(from, m.start);
  const closing = CLOSING_MARK_BEFORE.exec(before);
  if (closing && outside.isQuoted(from + closing.index - 1)) return true;
  const inverted = INVERTED_VERB_BEFORE.exec(before);
  if (!inverted) return false;
  const cue = from + inverted.index;
  // The verb follows a quote's closing mark or a comma of the narration ("Not least, said Paul King, ...").
  return text[cue] === ',' ? !outside.isQuoted(cue) : outside.isQuoted(cue - 1);
}

/** The end of the CREDIT_REACH-th sentence after the one naming `m`, across paragraphs. */
function creditReach(article: QuotedArticle, m: RawMention, para: Paragraph): number {
  const { outside, paragraphs } = article;
  let end = outside.sentenceEnd(m.end, para);
  for (let n = 0; n < CREDIT_REACH; n++) {
    if (end < para.end) {
      end = outside.sentenceEnd(end + 1, para);
      continue;
    }
    const next = paragraphs[para.index + 1];
    if (!next) return end;
    para = next;
    end = outside.sentenceEnd(next.start, next);
  }
  return end;
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
    const wordStart = skipAscii(text, i, limit, isAsciiSpaceCode);
    if (wordStart < 0) return null;
    if (wordStart === i) break;
    i = skipAscii(text, wordStart, limit, isAsciiLetterCode);
    if (i < 0) return null;
    if (i === wordStart) break;
    words.push(text.slice(wordStart, i));
  }
  return words;
}

/** The end of the run of ASCII characters passing `test` from `i` (before `limit`), or -1 at a character beyond ASCII. */
function skipAscii(text: string, i: number, limit: number, test: (code: number) => boolean): number {
  for (; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128) return -1;
    if (!test(code)) break;
  }
  return i;
}
