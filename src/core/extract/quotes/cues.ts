// Phase 5a: the cue a quote carries in its own sentence: an attribution after it (", he said") or a
// reporting verb before it ("X said: ", "according to X").
import * as speech from '../../language/speech';
import * as clauses from './clauses';
import * as helpers from './helpers';
import { NOBODY, NO_CUE, speaker, type Attribution, type Paragraph, type QuotedArticle, type QuotePart } from './model';
import type { Subjects } from './subjects';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { PREPOSITIONS, SPEECH_NOUNS, SPEECH_VERBS, STANCE_VERBS } = speech;
const { isNounUse, isPassive } = clauses;
const { findLast } = helpers;

export class Cues {
  private readonly text: string;
  private readonly paragraphs: QuotedArticle['paragraphs'];
  private readonly outside: QuotedArticle['outside'];
  private readonly mentions: QuotedArticle['mentions'];

  constructor(
    article: QuotedArticle,
    private readonly subjects: Subjects,
  ) {
    this.text = article.text;
    this.paragraphs = article.paragraphs;
    this.outside = article.outside;
    this.mentions = article.mentions;
  }

  /** Attribution from the quote's own sentence: after it (", he said") or before it ("X said: "). */
  cueFor(part: QuotePart): Attribution {
    const para = this.paragraphs[part.para];
    if (part.closeEnd !== null) {
      const trailing = this.trailingCue(part, para);
      if (trailing.kind !== 'none') return trailing;
    }
    const sentenceStart = this.outside.sentenceStart(part.unmarked && part.colon >= 0 ? part.colon : part.open, para);
    const before = part.unmarked && part.colon >= 0 ? part.colon : part.open;
    const tokens = this.outside.tokens(sentenceStart, before);
    // "in his response:", "in a statement:"
    const lastTwo = tokens.slice(-3);
    const noun = lastTwo.find((t) => SPEECH_NOUNS.has(t.lower));
    const introColon = part.unmarked ? part.colon >= 0 : /:\s*$/.test(this.text.slice(Math.max(sentenceStart, before - 3), before));
    if (noun && introColon) {
      const verbBefore = findLast(tokens, (t) => SPEECH_VERBS.has(t.lower));
      if (verbBefore >= 0 && verbBefore >= tokens.length - 6) return this.subjects.subjectOf(tokens[verbBefore].start, para, sentenceStart);
      return this.subjects.subjectFromSentence(sentenceStart, before, para);
    }
    // "so-called “hybrid” techniques": a term held at arm's length, nobody's words.
    if (part.partial && /\bso-called\s*$/i.test(this.text.slice(Math.max(para.start, part.open - 12), part.open))) return NOBODY;
    let infinitive = -1;
    for (let k = tokens.length - 1; k >= 0; k--) {
      const t = tokens[k];
      if (t.lower === 'according' && tokens[k + 1]?.lower === 'to') return this.subjects.afterVerbSubject(tokens[k + 1].end, para);
      // "allegations by Sir Fallon that ...": the speech noun names its speaker.
      const byMention = this.mentions.byEnd.get(t.end);
      if (byMention !== undefined && k >= 2 && tokens[k - 1 - this.mentions.tokensBefore(byMention, tokens, k)]?.lower === 'by') {
        const nounIndex = k - 2 - this.mentions.tokensBefore(byMention, tokens, k);
        if (nounIndex >= 0 && SPEECH_NOUNS.has(tokens[nounIndex].lower)) return speaker(byMention);
      }
      const isVerb = (SPEECH_VERBS.has(t.lower) || (part.partial && STANCE_VERBS.has(t.lower))) && !isNounUse(tokens, k);
      if (!isVerb || isPassive(tokens, k)) continue;
      // "to indicate", "right to ask": an infinitive belongs to an earlier verb or the main subject.
      if (k > 0 && tokens[k - 1].lower === 'to') {
        if (infinitive < 0) infinitive = t.start;
        continue;
      }
      return this.subjects.subjectOf(t.start, para, sentenceStart);
    }
    if (infinitive >= 0 && part.partial) {
      // "Mr Trump used his interviews to indicate ...": the named subject of the clause.
      const subject = this.subjects.referentBefore(infinitive);
      if (subject && subject.pos >= sentenceStart && subject.attribution.kind === 'speaker') return subject.attribution;
    }
    if (part.partial) {
      // "‘backstop’ to deter Russia, PM says": a reporting verb later in the same sentence.
      const end = this.outside.sentenceEnd(part.closeEnd ?? part.end, para);
      const later = this.outside.tokens(part.closeEnd ?? part.end, end);
      const k = later.findIndex((t) => SPEECH_VERBS.has(t.lower));
      if (k >= 0 && !isPassive(later, k)) {
        const idx = k > 0 ? this.mentions.byEnd.get(later[k - 1].end) : undefined;
        if (idx !== undefined) return speaker(idx);
        const np = this.subjects.nounPhraseBefore(later[k].start, para, sentenceStart);
        return np ? np.attribution : NO_CUE;
      }
    }
    return NO_CUE;
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
    if (!/[,!?\u2014-]$/.test(inner) && !commaOutside && (part.partial || !/^\s+[a-z]/.test(restHead))) return NO_CUE;
    const end = this.outside.sentenceEnd(i, para);
    const tokens = this.outside.tokens(i, end);
    for (let k = 0; k < tokens.length && k < 7; k++) {
      const t = tokens[k];
      if (t.word === ',' || t.word === ';' || PREPOSITIONS.has(t.lower)) break;
      if (t.lower === 'according' && tokens[k + 1]?.lower === 'to') return this.subjects.afterVerbSubject(tokens[k + 1].end, para);
      if (!SPEECH_VERBS.has(t.lower)) continue;
      if (k === 0) return this.subjects.afterVerbSubject(t.end, para);
      return this.subjects.subjectOf(t.start, para, i);
    }
    return NO_CUE;
  }
}
