// Who speaks: the subject of a reporting verb, of a sentence, or of an inverted "said Sir Keir"; a
// pronoun's referent; the person an unnamed noun phrase stands for.
import * as speech from '../../language/speech';
import * as sortedSearch from '../../util/sortedSearch';
import * as clauses from './clauses';
import { NOBODY, NOT_A_REFERENT, NO_CUE, UNRESOLVED, speaker, type Attribution, type Decided, type FoundNounPhrase, type NounPhrase, type Paragraph, type QuotedArticle, type Referent, type ReferentGender, type Referents } from './model';
import { paragraphAt } from './paragraphs';
import * as chars from '../../util/chars';
import type { Token } from './tokens';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const {
  ANONYMOUS_PERSON_NOUNS,
  CLAUSE_LINKS,
  DETERMINERS,
  FEMALE_NOUNS,
  INDEFINITE_DETERMINERS,
  LEADING_PHRASE_STARTERS,
  MALE_NOUNS,
  PREPOSITIONS,
  ROLE_NOUNS,
  SENTENCE_CONNECTIVES,
  SPEECH_VERBS,
  STANCE_VERBS,
  VERB_MODIFIERS,
} = speech;
const { lowerBound } = sortedSearch;
const { isSpace } = chars;
const { NON_PERSON_PRONOUNS, isNounUse, isPassive, isPersonNoun, pronounGender, skipModifiers } = clauses;

/** How many tokens a relative clause ("X, who ..., said") may run. */
const RELATIVE_CLAUSE_TOKENS = 30;

/** How many paragraphs back a pronoun may point. */
const PARAGRAPH_WINDOW = 3;

/** A clause mark a noun phrase does not run across: , ; : ( ) and the dashes. */
function isClauseMark(word: string): boolean {
  if (word.length !== 1) return false;
  const c = word.charCodeAt(0);
  return c === 0x2c || c === 0x3b || c === 0x3a || c === 0x28 || c === 0x29 || c === 0x2014 || c === 0x2013;
}

/** "minister's", "ministers'" (either apostrophe). */
function isPossessiveWord(word: string): boolean {
  const n = word.length;
  if (n < 2) return false;
  const last = word.charCodeAt(n - 1);
  const before = word.charCodeAt(n - 2);
  return (last === 0x73 && (before === 0x27 || before === 0x2019)) || (before === 0x73 && (last === 0x27 || last === 0x2019));
}

function referentPos(referent: Referent): number {
  return referent.pos;
}

/**
 * The speaker search over a quoted article. `referents` are what pronouns and unheld roles point back to
 * (while referents are being collected, the search is asked only what reads none).
 */
export class Subjects {
  private readonly text: string;
  private readonly paragraphs: QuotedArticle['paragraphs'];
  private readonly outside: QuotedArticle['outside'];
  private readonly mentions: QuotedArticle['mentions'];
  private readonly roles: QuotedArticle['roles'];
  private readonly clusterOf: QuotedArticle['clusters']['clusterOf'];

  constructor(
    article: QuotedArticle,
    private readonly referents: Referents,
  ) {
    this.text = article.text;
    this.paragraphs = article.paragraphs;
    this.outside = article.outside;
    this.mentions = article.mentions;
    this.roles = article.roles;
    this.clusterOf = article.clusters.clusterOf;
  }

  /** The last referent before `pos`, if any. */
  referentBefore(pos: number): Referent | undefined {
    const { referents } = this;
    for (let p = referents.lastParagraphBefore(pos); p >= 0; p--) {
      const refs = referents.inParagraph(p);
      for (let i = lowerBound(refs, pos, referentPos) - 1; i >= 0; i--) if (refs[i].reach !== NOT_A_REFERENT) return refs[i];
    }
    return undefined;
  }

  resolvePronoun(pos: number, gender: ReferentGender | null): Decided {
    const { referents } = this;
    const para = paragraphAt(this.paragraphs, pos);
    // A name credited with a quote, met beyond its reach: it does not answer, but it vetoes anyone else further back.
    let staleCluster = -1;
    // Paragraphs further back than the window are not read.
    const first = Math.max(0, para - PARAGRAPH_WINDOW);
    for (let p = referents.lastParagraphBefore(pos); p >= first; p--) {
      const refs = referents.inParagraph(p);
      for (let i = lowerBound(refs, pos, referentPos) - 1; i >= 0; i--) {
        const r = refs[i];
        if (r.gender === 'plural') continue;
        if (r.gender && gender && r.gender !== gender) continue;
        const reach = r.reach;
        if (reach === NOT_A_REFERENT) continue;
        const cluster = r.attribution.kind === 'speaker' ? this.clusterOf[r.attribution.mention] : -1;
        if (pos >= reach) {
          if (staleCluster < 0) staleCluster = cluster;
          continue;
        }
        return staleCluster < 0 || staleCluster === cluster ? r.attribution : NOBODY;
      }
    }
    return NOBODY;
  }

  /** Subject of the reporting verb at `verbStart`, from the words right before it. */
  subjectOf(verbStart: number, para: Paragraph, sentenceStart: number): Attribution {
    const tokens = this.outside.tokens(sentenceStart, verbStart);
    const k = skipModifiers(tokens, tokens.length - 1, this.mentions.byEnd);
    if (k < 0) return this.subjectFromSentence(sentenceStart, verbStart, para);
    const t = tokens[k];
    if (t.lower === 'who') {
      let j = k - 1;
      if (j >= 0 && tokens[j].word === ',') j--;
      if (j < 0) return NO_CUE;
      const idx = this.mentions.byEnd.get(tokens[j].end);
      if (idx !== undefined && !this.outside.isQuoted(this.mentions.list[idx].start)) return speaker(idx);
      const np = this.nounPhraseBefore(tokens[j].end, para, sentenceStart);
      return np ? np.attribution : NO_CUE;
    }
    const idx = this.mentions.byEnd.get(t.end);
    if (idx !== undefined && !this.outside.isQuoted(this.mentions.list[idx].start)) return speaker(idx);
    const pronoun = pronounGender(t.lower);
    if (pronoun !== undefined) return this.resolvePronoun(t.start, pronoun);
    if (NON_PERSON_PRONOUNS.has(t.lower)) return NOBODY;
    if (t.word === ',') {
      const relative = this.relativeClauseSubject(tokens, k);
      if (relative.kind !== 'none') return relative;
    }
    if (t.word === ',' || CLAUSE_LINKS.has(t.lower) || t.word === ';') {
      // A participle or coordinated verb shares the subject of the previous reporting verb.
      for (let j = k - 1; j >= 0; j--) {
        if ((SPEECH_VERBS.has(tokens[j].lower) || STANCE_VERBS.has(tokens[j].lower)) && !isPassive(tokens, j) && !isNounUse(tokens, j)) {
          const earlier = this.subjectOf(tokens[j].start, para, sentenceStart);
          if (earlier.kind !== 'none') return earlier;
          break;
        }
      }
      return this.subjectFromSentence(sentenceStart, verbStart, para);
    }
    const np = this.nounPhraseBefore(verbStart, para, sentenceStart);
    return np ? np.attribution : NO_CUE;
  }

  /**
   * "Lord Janner, who is a member of the committee, told ITV": the name before a relative clause that ends at the
   * comma tokens[comma]. NO_CUE when there is none.
   */
  private relativeClauseSubject(tokens: readonly Token[], comma: number): Attribution {
    for (let j = comma - 2; j >= 1 && j >= comma - RELATIVE_CLAUSE_TOKENS; j--) {
      const t = tokens[j];
      if (t.word === ';') break;
      if (t.lower !== 'who' || tokens[j - 1].word !== ',') continue;
      // Only a name answers: "X, head of the unit, who ..." and "X of Worcester, who ..." are left to the sentence.
      const idx = j >= 2 ? this.mentions.byEnd.get(tokens[j - 2].end) : undefined;
      if (idx === undefined) return NO_CUE;
      const m = this.mentions.list[idx];
      return this.outside.isQuoted(m.start) || this.mentions.isPossessive(m) ? NO_CUE : speaker(idx);
    }
    return NO_CUE;
  }

  /**
   * The unnamed noun phrase ending right before `pos` (after auxiliaries): "a senior Western
   * diplomat", "the Prime Minister", "Donald Trump’s Defence Secretary". Null when there is none.
   */
  nounPhraseBefore(pos: number, para: Paragraph, sentenceStart = this.outside.sentenceStart(pos, para)): NounPhrase | null {
    const np = this.findNounPhrase(pos, para, sentenceStart);
    return np === null || np.role === null ? np : { pos: np.pos, gender: np.gender, attribution: this.roles.resolve(np.role, np.pos, this.referents) };
  }

  /** nounPhraseBefore as read from the text: a role noun's holder is left to be found. */
  findNounPhrase(pos: number, para: Paragraph, sentenceStart = this.outside.sentenceStart(pos, para)): FoundNounPhrase | null {
    const tokens = this.outside.tokens(sentenceStart, pos);
    let k = skipModifiers(tokens, tokens.length - 1, this.mentions.byEnd);
    if (k < 0 || this.mentions.byEnd.has(tokens[k].end)) return null;
    if (pronounGender(tokens[k].lower) !== undefined || NON_PERSON_PRONOUNS.has(tokens[k].lower)) return null;
    // The phrase's words, collected from its end back (reversed once it is complete).
    const words: Token[] = [];
    let determiner: string | null = null;
    let possessor = false;
    for (; k >= 0; k--) {
      const t = tokens[k];
      if (isClauseMark(t.word)) break;
      if (DETERMINERS.has(t.lower)) {
        determiner = t.lower;
        break;
      }
      if (isPossessiveWord(t.word)) {
        possessor = true;
        break;
      }
      if (PREPOSITIONS.has(t.lower)) {
        // "a spokesman in London", "a diplomat based in London": the head comes before the place.
        if (words.some((w) => isPersonNoun(w.lower))) break;
        words.length = 0;
        continue;
      }
      if (SPEECH_VERBS.has(t.lower) || STANCE_VERBS.has(t.lower) || (t.lower !== t.word ? false : t.lower.endsWith('ed'))) break;
      words.push(t);
      if (words.length > 8) return null;
    }
    if (words.length === 0) return null;
    words.reverse();
    const head = words.find((w) => isPersonNoun(w.lower));
    const last = words[words.length - 1];
    const gender: ReferentGender | null = last.lower.endsWith('s') && ANONYMOUS_PERSON_NOUNS.has(last.lower) && !ROLE_NOUNS.has(last.lower) ? 'plural' : MALE_NOUNS.has(last.lower) ? 'male' : FEMALE_NOUNS.has(last.lower) ? 'female' : null;
    const npStart = words[0].start;
    if (!head) {
      // No person noun: an organisation or place speaks ("the Russian embassy", "Downing Street").
      return { pos: npStart, gender: 'plural', attribution: NOBODY, role: null };
    }
    // "the minister and his deputy": two people. ("the Orkney and Shetland MP" is one.)
    const and = words.findIndex((w) => w.lower === 'and');
    if (and > 0 && words.slice(0, and).some((w) => isPersonNoun(w.lower))) return { pos: npStart, gender: 'plural', attribution: NOBODY, role: null };
    if (determiner && INDEFINITE_DETERMINERS.has(determiner)) return { pos: npStart, gender, attribution: NOBODY, role: null };
    if (gender === 'plural') return { pos: npStart, gender, attribution: NOBODY, role: null };
    if (!ROLE_NOUNS.has(last.lower)) return { pos: npStart, gender, attribution: determiner || possessor ? UNRESOLVED : NOBODY, role: null };
    return { pos: npStart, gender, attribution: UNRESOLVED, role: words.map((w) => w.word).join(' ') };
  }

  /** Subject at the start of the sentence, past connectives and a leading adverbial phrase. */
  subjectFromSentence(sentenceStart: number, limit: number, para: Paragraph): Attribution {
    return this.sentenceSubject(sentenceStart, limit, para, true);
  }

  /**
   * The sentence's subject: a named one, a pronoun's referent or an unnamed noun phrase. Without `resolve`
   * only a named subject (or NOBODY for "X and Y" or a non-person pronoun) is found, and referents are not read.
   */
  sentenceSubject(sentenceStart: number, limit: number, para: Paragraph, resolve: boolean): Attribution {
    const tokens = this.outside.tokens(sentenceStart, limit);
    let k = 0;
    const skipConnectives = (): void => {
      while (k < tokens.length && (SENTENCE_CONNECTIVES.has(tokens[k].lower) || tokens[k].word === ',')) k++;
    };
    skipConnectives();
    if (k < tokens.length && LEADING_PHRASE_STARTERS.has(tokens[k].lower) && !this.mentions.byStart.has(tokens[k].start)) {
      const comma = tokens.findIndex((t, j) => j > k && t.word === ',');
      if (comma < 0) return NO_CUE;
      k = comma + 1;
      skipConnectives();
    }
    if (k >= tokens.length) return NO_CUE;
    const t = tokens[k];
    const idx = this.mentions.byStart.get(t.start);
    if (idx !== undefined) {
      const m = this.mentions.list[idx];
      if (this.outside.isQuoted(m.start)) return NO_CUE;
      // "X and Y said": a plural subject has no single speaker.
      const after = this.text.slice(m.end, m.end + 5);
      if (/^\s+and\s/.test(after)) return NOBODY;
      if (!this.mentions.isPossessive(m)) return speaker(idx);
    }
    const pronoun = pronounGender(t.lower);
    if (pronoun !== undefined) return resolve ? this.resolvePronoun(t.start, pronoun) : NO_CUE;
    if (NON_PERSON_PRONOUNS.has(t.lower)) return NOBODY;
    // "The Russian defence minister, Sergey Shoygu, kept ...": the apposition names the subject.
    const comma = tokens.findIndex((x, j) => j > k && j <= k + 8 && x.word === ',');
    if (comma > 0 && comma + 1 < tokens.length) {
      const named = this.mentions.byStart.get(tokens[comma + 1].start);
      if (named !== undefined) {
        const m = this.mentions.list[named];
        const afterMention = this.text.slice(m.end, m.end + 2);
        if (/^,/.test(afterMention) && tokens.slice(k, comma).every((x) => !this.mentions.byStart.has(x.start))) return speaker(named);
      }
    }
    if (!resolve) return NO_CUE;
    // An unnamed subject: find where its noun phrase ends (first verb-like word or comma).
    let end = k;
    while (end < tokens.length && end < k + 9) {
      const x = tokens[end];
      if (x.word === ',' || SPEECH_VERBS.has(x.lower) || STANCE_VERBS.has(x.lower) || (VERB_MODIFIERS.has(x.lower) && x.lower === x.word) || (x.lower === x.word && /ed$/.test(x.lower))) break;
      end++;
    }
    if (end === k || end >= tokens.length) return NO_CUE;
    if (tokens.slice(k, end).some((x) => this.mentions.byStart.has(x.start))) return NO_CUE;
    const np = this.nounPhraseBefore(tokens[end].start, para, sentenceStart);
    return np ? np.attribution : NO_CUE;
  }

  /** Subject after an inverted verb: "said Sir Keir", "said a spokesman", "according to X". */
  afterVerbSubject(pos: number, para: Paragraph): Attribution {
    const { text } = this;
    let i = pos;
    while (i < para.end && isSpace(text[i])) i++;
    // "said De Telegraaf's image editor, Peter Schoonen": an owner's name is not the speaker.
    const nameAt = (start: number): number | undefined => {
      const found = this.mentions.byStart.get(start);
      return found === undefined || this.mentions.isPossessive(this.mentions.list[found]) ? undefined : found;
    };
    const idx = nameAt(i);
    if (idx !== undefined) return speaker(idx);
    const word = /^[\p{L}]+/u.exec(text.slice(i, i + 20));
    if (!word) return NO_CUE;
    const lower = word[0].toLowerCase();
    const pronoun = pronounGender(lower);
    if (pronoun !== undefined) return this.resolvePronoun(i, pronoun);
    const end = this.outside.sentenceEnd(i, para);
    const tokens = this.outside.tokens(i, end);
    let k = 0;
    while (k < tokens.length && k < 9 && tokens[k].word !== ',' && nameAt(tokens[k].start) === undefined) k++;
    const inverted = k < tokens.length ? nameAt(tokens[k].start) : undefined;
    // "said the Prime Minister, Sir Keir Starmer" / "said Ukip leader Nigel Farage"
    if (inverted !== undefined) return speaker(inverted);
    // "said EEF chief economist, Steve Radley.": a name in apposition that ends the clause.
    const named = k > 0 && tokens[k]?.word === ',' ? nameAt(tokens[k + 1]?.start ?? -1) : undefined;
    if (named !== undefined && /^\s*(?:[,.;:!?]|$)/.test(text.slice(this.mentions.list[named].end, this.mentions.list[named].end + 2)) && this.mentions.list[named].end <= end) return speaker(named);
    const np = this.nounPhraseBefore(k < tokens.length ? tokens[k].start : end, para, i);
    return np ? np.attribution : NOBODY;
  }
}
