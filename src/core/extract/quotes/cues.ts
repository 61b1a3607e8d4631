// Phase 5a: the cue a quote carries in its own sentence: an attribution after it (", he said") or a
// reporting verb before it ("X said: ", "according to X").
import * as speech from '../../language/speech';
import * as clauses from './clauses';
import * as helpers from './helpers';
import { NOBODY, NO_CUE, UNRESOLVED, speaker, type Attribution, type Paragraph, type QuotedArticle, type QuotePart } from './model';
import type { Subjects } from './subjects';
import type { Token } from './tokens';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { PREPOSITIONS, SPEECH_NOUNS, SPEECH_VERBS, STANCE_VERBS, VERB_MODIFIERS } = speech;
const { isNounUse, isPassive, pronounGender, skipModifiers } = clauses;

/** A past participle right before the quote, or before "as" ("called", "described as"), not "are calling". */
function labels(tokens: readonly Token[], k: number): boolean {
  const rest = tokens.length - 1 - k;
  return !tokens[k].lower.endsWith('ing') && (rest === 0 || (rest === 1 && tokens[k + 1].lower === 'as'));
}

/** The first token from k on that is not an auxiliary or adverb. */
function skipModifiersForward(tokens: readonly Token[], k: number): number {
  while (k < tokens.length && VERB_MODIFIERS.has(tokens[k].lower)) k++;
  return k;
}

/** How many tokens an apposition after a name may run (", an analyst with a bank in the City, told"). */
const APPOSITION_TOKENS = 16;
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
    // "in his response:", "in a statement:" (the colon first: most quotes follow none).
    const introColon = part.unmarked ? part.colon >= 0 : /:\s*$/.test(this.text.slice(Math.max(sentenceStart, before - 3), before));
    if (introColon && tokens.slice(-3).some((t) => SPEECH_NOUNS.has(t.lower))) {
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
      if (!isVerb) continue;
      if (isPassive(tokens, k)) {
        // "has been described as “3G on steroids”": a label nobody in particular gave, unless "by X" names its author.
        if (part.partial && labels(tokens, k)) return this.agentAfter(part, para);
        continue;
      }
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
        // "... in “the battle of words” between them, she added." A name in the sentence itself is what was reported
        // on ("Mr Blair has “the same passion”, he said"), not who speaks.
        const pronoun = k > 0 ? pronounGender(later[k - 1].lower) : undefined;
        if (pronoun !== undefined) {
          const referent = this.subjects.resolvePronoun(later[k - 1].start, pronoun);
          return referent.kind === 'speaker' && this.mentions.list[referent.mention].start >= sentenceStart ? NO_CUE : referent;
        }
        const np = this.subjects.nounPhraseBefore(later[k].start, para, sentenceStart);
        return np ? np.attribution : NO_CUE;
      }
    }
    return NO_CUE;
  }

  /** "described as “…” by Mr X": the name right after "by", else NOBODY. */
  private agentAfter(part: QuotePart, para: Paragraph): Attribution {
    const after = part.closeEnd ?? part.end;
    const by = /^\s*by\s+/i.exec(this.text.slice(after, Math.min(para.end, after + 8)));
    const named = by ? this.mentions.byStart.get(after + by[0].length) : undefined;
    return named === undefined ? NOBODY : speaker(named);
  }

  /** ", he said", "the official said", "said Sir Keir", "Sir Keir told reporters". */
  private trailingCue(part: QuotePart, para: Paragraph): Attribution {
    const { text } = this;
    const closeEnd = part.closeEnd as number;
    let i = closeEnd;
    while (i < para.end && (text.charCodeAt(i) === 44 || text.charCodeAt(i) === 59)) i++;
    const restHead = text.slice(i, Math.min(para.end, i + 3));
    const commaOutside = i > closeEnd;
    // The quote's last character, read rather than a regex run over the whole quote.
    const last = part.end > part.start ? text.charCodeAt(part.end - 1) : -1;
    const endsOpen = last === 44 || last === 33 || last === 63 || last === 0x2014 || last === 45;
    if (!endsOpen && !commaOutside && (part.partial || !/^\s+[a-z]/.test(restHead))) return NO_CUE;
    const end = this.outside.sentenceEnd(i, para);
    const tokens = this.outside.tokens(i, end);
    // Past a preposition ("director of telecoms research Tony Lavender said") only a name right before the verb counts.
    let afterPreposition = false;
    for (let k = 0; k < tokens.length && k < (afterPreposition ? 10 : 7); k++) {
      const t = tokens[k];
      if (t.word === ',' || t.word === ';') {
        const named = t.word === ',' && !afterPreposition ? this.appositiveCue(tokens, k) : NO_CUE;
        if (named.kind !== 'none') return named;
        break;
      }
      if (PREPOSITIONS.has(t.lower)) {
        if (k === 0) break;
        afterPreposition = true;
        continue;
      }
      if (!afterPreposition && t.lower === 'according' && tokens[k + 1]?.lower === 'to') return this.subjects.afterVerbSubject(tokens[k + 1].end, para);
      if (!SPEECH_VERBS.has(t.lower)) continue;
      if (k === 0) return this.subjects.afterVerbSubject(t.end, para);
      if (afterPreposition) return this.namedSubjectBefore(tokens, k, i);
      return this.subjects.subjectOf(t.start, para, i);
    }
    return part.partial ? NO_CUE : this.unnamedCue(tokens, i);
  }

  /**
   * An attribution the search above could not read (", shop owner Jane Roe, told AP"): someone speaks, so the
   * quote takes no speaker from the quotes around it.
   */
  private unnamedCue(tokens: readonly Token[], from: number): Attribution {
    for (let k = 0; k < tokens.length && k < APPOSITION_TOKENS; k++) {
      const t = tokens[k];
      if (t.word === ';') break;
      // "he continued, adding that": a participle shares a subject already passed.
      if (!SPEECH_VERBS.has(t.lower) || (t.lower.endsWith('ing') && tokens[k - 1]?.lower !== 'as') || isNounUse(tokens, k) || isPassive(tokens, k)) continue;
      // The verb of a later quote ("... into “one with no exit”, he said") is not this quote's.
      for (let pos = from; pos < t.start; pos++) if (this.outside.isQuoted(pos)) return NO_CUE;
      // "the paper quoted chief executive Geoff Dixon as saying": the name between "quoted" and "as".
      if (k >= 2 && tokens[k - 1].lower === 'as') {
        const named = this.mentions.byEnd.get(tokens[k - 2].end);
        const quotedAt = named === undefined ? -1 : findLast(tokens.slice(0, k - 2), (x) => x.lower === 'quoted');
        if (named !== undefined && quotedAt >= 0 && tokens.slice(quotedAt + 1, k - 2).every((x) => x.start >= this.mentions.list[named].start || !this.mentions.byStart.has(x.start))) return speaker(named);
      }
      return UNRESOLVED;
    }
    return NO_CUE;
  }

  /**
   * The mention ending right before the verb at tokens[k] (past auxiliaries), or NO_CUE; not the object of a
   * preposition ("adviser to President Vladimir Putin told") nor a name past a dash or bracket.
   */
  private namedSubjectBefore(tokens: readonly Token[], k: number, from: number): Attribution {
    const j = skipModifiers(tokens, k - 1, this.mentions.byEnd);
    const idx = j >= 0 ? this.mentions.byEnd.get(tokens[j].end) : undefined;
    if (idx === undefined || isPassive(tokens, k)) return NO_CUE;
    const m = this.mentions.list[idx];
    const before = findLast(tokens, (t) => t.end <= m.start);
    if (before >= 0 && PREPOSITIONS.has(tokens[before].lower)) return NO_CUE;
    return /[-\u2013\u2014(]\s|\s[-\u2013\u2014(]/.test(this.text.slice(from, m.start)) ? NO_CUE : speaker(idx);
  }

  /** ", the firm's CEO, Cynthia Musselman, told the BBC": a title, then the name between commas, then the verb. */
  private titledName(tokens: readonly Token[], comma: number): Attribution {
    const first = tokens[comma + 1];
    const named = first === undefined ? undefined : this.mentions.byStart.get(first.start);
    if (named === undefined || tokens.slice(0, comma).some((t) => this.mentions.byStart.has(t.start))) return NO_CUE;
    const m = this.mentions.list[named];
    let k = comma + 1;
    while (k < tokens.length && tokens[k].end <= m.end) k++;
    if (k === comma + 1 || tokens[k]?.word !== ',') return NO_CUE;
    const verb = skipModifiersForward(tokens, k + 1);
    return verb < tokens.length && SPEECH_VERBS.has(tokens[verb].lower) && !tokens[verb].lower.endsWith('ing') ? speaker(named) : NO_CUE;
  }

  /**
   * ", Ivo Geijsen, an analyst with a bank, told Bloomberg", ", Mr Prettejohn, the firm's chief executive said": a name
   * opening the attribution, then its apposition up to the reporting verb. `comma` is the comma after the name.
   */
  private appositiveCue(tokens: readonly Token[], comma: number): Attribution {
    const titled = this.titledName(tokens, comma);
    if (titled.kind !== 'none') return titled;
    const named = this.mentions.byStart.get(tokens[0].start);
    if (named === undefined || this.mentions.list[named].end !== tokens[comma - 1].end || this.mentions.isPossessive(this.mentions.list[named])) return NO_CUE;
    // "Smith, Jones and Brown said": several people.
    if (tokens[comma + 1] === undefined || tokens[comma + 1].lower === 'and' || this.mentions.byStart.has(tokens[comma + 1].start)) return NO_CUE;
    for (let k = comma + 1; k < tokens.length && k <= comma + APPOSITION_TOKENS; k++) {
      const t = tokens[k];
      if (t.word === ';' || (this.mentions.byStart.has(t.start) && !this.mentions.isPossessive(this.mentions.list[this.mentions.byStart.get(t.start) as number]))) return NO_CUE;
      if (!SPEECH_VERBS.has(t.lower) || isNounUse(tokens, k) || isPassive(tokens, k)) continue;
      // The verb closes the apposition: after its closing comma, or right after its last word ("chief executive said").
      return tokens[k - 1].word === ',' || !PREPOSITIONS.has(tokens[k - 1].lower) ? speaker(named) : NO_CUE;
    }
    return NO_CUE;
  }
}

