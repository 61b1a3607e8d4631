// Phase 4: referents, what "he said" or an unheld role can point back to: subject-like mentions (sentence
// subjects, names followed by a verb or "who") and the unnamed subjects of reporting verbs ("the official
// said"). Pronouns are not resolved here, so collecting stays linear and acyclic.
import type { RawMention } from '../../types';
import * as speech from '../../language/speech';
import { isAsciiLetterCode } from '../../util/chars';
import { AsciiWordSet } from '../../util/wordSets';
import * as clauses from './clauses';
import { NOT_A_REFERENT, speaker, type FoundNounPhrase, type Paragraph, type QuotedArticle, type Referents } from './model';
import { MentionReferent, ReferentList, type MentionCandidates } from './referentList';
import { paragraphAt } from './paragraphs';
import { Subjects } from './subjects';
import * as chars from '../../util/chars';
import { cutToken, type Token } from './tokens';

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
 * The article's referents, found per paragraph when first read (referentList.ts). A mention is only a candidate
 * until its `reach` is read (NOT_A_REFERENT: it is none, and readers skip it); judging one reads no referent.
 */
export function collectReferents(article: QuotedArticle): Referents {
  const { paragraphs, outside, mentions, clusters } = article;
  const reachOf = (m: RawMention, p: number): number => {
    if (mentions.isPossessive(m)) return NOT_A_REFERENT;
    const para = paragraphs[p];
    return looksLikeSubject(article, subjects, m, para) ? Infinity : attributesAQuote(article, m, para) ? creditReach(article, m, para) : NOT_A_REFERENT;
  };
  /** The candidate of each mention read so far, by mention index. */
  const made = new Array<MentionReferent | undefined>(mentions.list.length);
  const candidate = (index: number, para: number): MentionReferent => {
    const m = mentions.list[index];
    return (made[index] ??= new MentionReferent(m.start, para, clusters.gender[clusters.clusterOf[index]] ?? null, speaker(index), m, reachOf));
  };
  const candidates: MentionCandidates = {
    inParagraph(p: number): MentionReferent[] {
      const para = paragraphs[p];
      const found = mentions.startingIn(para.start, para.end).filter((index) => !outside.isQuoted(mentions.list[index].start));
      return found.sort((a, b) => a - b).map((index) => candidate(index, p));
    },
    findLast(test: (m: MentionReferent) => boolean): MentionReferent | undefined {
      for (let index = mentions.list.length - 1; index >= 0; index--) {
        const m = mentions.list[index];
        if (outside.isQuoted(m.start)) continue;
        const para = paragraphAt(paragraphs, m.start);
        if (para >= 0 && test(candidate(index, para))) return candidate(index, para);
      }
      return undefined;
    },
  };
  const list: ReferentList = new ReferentList(paragraphs, candidates, (p: number): FoundNounPhrase[] => subjectsOfVerbs(article, subjects, paragraphs[p]), article.roles);
  // Asked only what reads no referent: named subjects and noun phrases as read from the text.
  const subjects: Subjects = new Subjects(article, list);
  return list;
}

/**
 * The unnamed subjects of the paragraph's reporting verbs, in text order. Each token is first checked without its
 * string (SPEECH_VERB_FILTER): this runs for the few paragraphs whose referents are read, so the words of the
 * others are never checked. Its last token, when it runs past the paragraph's end, is read cut there, as tokens()
 * cuts it. Token objects are made only for possible verbs and the few words before them that isPassive and
 * isNounUse read.
 */
function subjectsOfVerbs(article: QuotedArticle, subjects: Subjects, para: Paragraph): FoundNounPhrase[] {
  const { outside } = article;
  const found: FoundNounPhrase[] = [];
  const window: Token[] = [];
  const after = outside.firstTokenFrom(para.end);
  for (let n = outside.firstTokenFrom(para.start); n < after; n++) speechVerbSubject(article, subjects, found, window, para, n);
  return found;
}

/** The unnamed subject of the speech verb that the n-th token outside quotes may be ("the official said"), added to `found`. */
function speechVerbSubject(article: QuotedArticle, subjects: Subjects, found: FoundNounPhrase[], window: Token[], para: Paragraph, n: number): void {
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
  const np = subjects.findNounPhrase(t.start, para);
  if (np && np.gender !== 'plural') found.push(np);
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
