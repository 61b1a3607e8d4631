// Phase 5: a speaker for every quote. A group takes the first cue one of its parts carries (cues.ts); a
// quote without one inherits from an introducing "X said:" or the quote before it; then quotes still
// without a cue are filled from their paragraph's one speaker, and headline quotes from the body quote
// they echo.
import * as speech from '../../language/speech';
import { hasSpeechIntro, isNounUse, isPassive, pronounGender } from './clauses';
import { Cues } from './cues';
import * as helpers from './helpers';
import { NO_CUE, type Attribution, type Paragraph, type QuotedArticle, type QuotePart, type Referents, type Speaker } from './model';
import { Subjects } from './subjects';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { NARRATIVE_LINKS, SPEECH_NOUNS, SPEECH_VERBS } = speech;
const { findLast } = helpers;

/** How many words of a title may stand between an inverted verb and the name ("said EEF chief economist, X"). */
const INVERTED_TITLE_TOKENS = 6;

/** The attribution of each quote of the article, by its index in `article.quotes`. */
export function attribute(article: QuotedArticle, referents: Referents): readonly Attribution[] {
  const { quotes } = article;
  const subjects = new Subjects(article, referents);
  const cues = new Cues(article, subjects);
  const groups = new Map<number, number[]>();
  quotes.forEach((p, i) => {
    const list = groups.get(p.group);
    if (list) list.push(i);
    else groups.set(p.group, [i]);
  });
  const speakers: Attribution[] = [];
  quotes.forEach((part, i) => {
    const group = groups.get(part.group) ?? [i];
    if (group[0] !== i) {
      speakers.push(speakers[group[0]]);
      return;
    }
    let speaker = NO_CUE;
    for (const member of group) {
      speaker = cues.cueFor(quotes[member]);
      if (speaker.kind !== 'none') break;
    }
    if (speaker.kind === 'none') speaker = inherited(article, subjects, part, i > 0 ? quotes[i - 1] : null, i > 0 ? speakers[i - 1] : NO_CUE);
    speakers.push(speaker);
  });
  fillFromParagraph(article, speakers);
  fillHeadlineEchoes(article, speakers);
  return speakers;
}

/** No cue of its own: the previous quote in the paragraph, or the previous paragraph's last quote. */
function inherited(article: QuotedArticle, subjects: Subjects, part: QuotePart, previous: QuotePart | null, previousSpeaker: Attribution): Attribution {
  if (part.partial) return NO_CUE;
  const { text, paragraphs, outside } = article;
  const para = paragraphs[part.para];
  const prevPara = part.para > 0 ? paragraphs[part.para - 1] : undefined;
  // "X said:" closing the previous paragraph introduces this one.
  if (part.open === para.start && prevPara && text[prevPara.end - 1] === ':' && !outside.isQuoted(prevPara.end - 1) && hasSpeechIntro(outside, prevPara.end - 1, prevPara)) {
    const start = outside.sentenceStart(prevPara.end - 1, prevPara);
    const tokens = outside.tokens(start, prevPara.end - 1);
    const verb = findLast(tokens, (t) => SPEECH_VERBS.has(t.lower) || SPEECH_NOUNS.has(t.lower));
    if (verb >= 0) return SPEECH_VERBS.has(tokens[verb].lower) ? subjects.subjectOf(tokens[verb].start, prevPara, start) : subjects.subjectFromSentence(start, prevPara.end - 1, prevPara);
  }
  const opensSentence = part.open === para.start || part.open === outside.sentenceStart(part.open + 1, para);
  if (!opensSentence) return NO_CUE;
  if (previous && previous.para === part.para) return previousSpeaker.kind !== 'none' ? previousSpeaker : reportedSpeaker(article, subjects, part);
  // Only a full quote carries over: a fragment in narration says little about who speaks next.
  if (!previous || part.open !== para.start || previous.para !== part.para - 1 || !prevPara || previous.partial) return reportedSpeaker(article, subjects, part);
  // The previous paragraph must end with that quote or its attribution, not with narration.
  const tail = previous.closeEnd === null ? prevPara.end : outside.sentenceEnd(previous.closeEnd, prevPara);
  if (tail < prevPara.end || previousSpeaker.kind === 'none') return reportedSpeaker(article, subjects, part);
  return previousSpeaker;
}

/**
 * A quote with no cue that opens a sentence right after reported speech: the named speaker of the sentence
 * before it, in its paragraph or ending the previous one ("Mr Bannister said rates may rise. “I think ...”").
 */
function reportedSpeaker(article: QuotedArticle, subjects: Subjects, part: QuotePart): Attribution {
  const { paragraphs, outside } = article;
  let para = paragraphs[part.para];
  let end = part.open;
  if (part.open === para.start) {
    const prevPara = paragraphs[part.para - 1];
    if (prevPara === undefined) return NO_CUE;
    para = prevPara;
    end = prevPara.end;
  }
  const start = outside.sentenceStart(end - 1, para);
  const tokens = outside.tokens(start, end);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.lower === 'according' && tokens[k + 1]?.lower === 'to') return named(subjects.afterVerbSubject(tokens[k + 1].end, para));
    if (!SPEECH_VERBS.has(t.lower) || isNounUse(tokens, k) || isPassive(tokens, k) || tokens[k - 1]?.lower === 'to') continue;
    // "said it was odd and then the meeting ended": the sentence ends in narration.
    for (let j = k + 1; j < tokens.length; j++) if (NARRATIVE_LINKS.has(tokens[j].lower)) return NO_CUE;
    // "Rates may rise, said Mr Bannister": the name after the verb. "Mr Blair has failed, he claimed": the
    // pronoun is someone other than a name inside the reported clause.
    if (tokens[k - 1]?.word === ',') {
      const inverted = invertedSpeaker(article, subjects, t.end, para);
      if (inverted !== null) return inverted;
    }
    const gender = tokens[k - 2]?.word === ',' ? pronounGender(tokens[k - 1].lower) : undefined;
    if (gender !== undefined) {
      const referent = subjects.resolvePronoun(tokens[k - 1].start, gender);
      return referent.kind === 'speaker' && article.mentions.list[referent.mention].start >= start ? NO_CUE : named(referent);
    }
    return named(subjects.subjectOf(t.start, para, start));
  }
  return NO_CUE;
}

/**
 * ", said Mr Bannister." at the end of a clause: the name right after the verb (past a title), or null when
 * the verb is not inverted ("Peter Knight, director of Context, says 24 companies ...").
 */
function invertedSpeaker(article: QuotedArticle, subjects: Subjects, verbEnd: number, para: Paragraph): Attribution | null {
  const found = subjects.afterVerbSubject(verbEnd, para);
  if (found.kind !== 'speaker') return null;
  const m = article.mentions.list[found.mention];
  const between = article.outside.tokens(verbEnd, m.start);
  return between.length <= INVERTED_TITLE_TOKENS && /^\s*(?:[,.;:!?]|$)/.test(article.text.slice(m.end, m.end + 2)) ? found : null;
}

/** Only a named person carries over from reported speech. */
function named(attribution: Attribution): Attribution {
  return attribution.kind === 'speaker' ? attribution : NO_CUE;
}

/**
 * A quote with no cue at all, in a paragraph whose attributed quotes all have one named speaker
 * (an analysis paragraph quoting one person), gets that speaker, unless its sentence names
 * someone else.
 */
function fillFromParagraph(article: QuotedArticle, speakers: Attribution[]): void {
  const { quotes, paragraphs, outside, mentions } = article;
  const { clusterOf } = article.clusters;
  const byPara = new Map<number, number[]>();
  quotes.forEach((p, i) => {
    const list = byPara.get(p.para);
    if (list) list.push(i);
    else byPara.set(p.para, [i]);
  });
  for (const [index, list] of byPara) {
    if (list.some((i) => speakers[i].kind === 'nobody' || speakers[i].kind === 'unresolved')) continue;
    const named: Speaker[] = [];
    for (const i of list) {
      const attribution = speakers[i];
      if (attribution.kind === 'speaker') named.push(attribution);
    }
    if (named.length === 0) continue;
    const speaker = named[0];
    const cluster = clusterOf[speaker.mention];
    if (named.some((s) => clusterOf[s.mention] !== cluster)) continue;
    const para = paragraphs[index];
    for (const i of list) {
      if (speakers[i].kind !== 'none') continue;
      const p = quotes[i];
      const start = outside.sentenceStart(p.open, para);
      const end = outside.sentenceEnd(p.closeEnd ?? p.end, para);
      const other = mentions.within(start, end).some((m) => !outside.isQuoted(mentions.list[m].start) && !mentions.isPossessive(mentions.list[m]) && clusterOf[m] !== cluster);
      if (!other) speakers[i] = speaker;
    }
  }
}

/**
 * Headlines and standfirsts repeat the body's quotes ("UK ends ‘business as usual’"): a headline
 * quote without a named speaker takes the speaker of the body quote that contains its words.
 */
function fillHeadlineEchoes(article: QuotedArticle, speakers: Attribution[]): void {
  const { text, quotes, paragraphs } = article;
  const { clusterOf } = article.clusters;
  const normal = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const normalised = new Map<number, string>();
  const normalOf = (i: number): string => {
    let n = normalised.get(i);
    if (n === undefined) {
      n = ' ' + normal(text.slice(quotes[i].start, quotes[i].end)) + ' ';
      normalised.set(i, n);
    }
    return n;
  };
  for (let i = 0; i < quotes.length; i++) {
    const p = quotes[i];
    // A named or decidedly unnamed speaker stays; an unresolved role may be named by the body.
    if (speakers[i].kind === 'speaker' || speakers[i].kind === 'nobody') continue;
    const para = paragraphs[p.para];
    if (para.index > 3 || /[.!?]["\u201D\u2019']?$/.test(text.slice(para.start, para.end))) continue;
    const words = normal(text.slice(p.start, p.end));
    if (!words) continue;
    const named = new Set<number>();
    let first: Speaker | null = null;
    for (let j = 0; j < quotes.length; j++) {
      const speaker = speakers[j];
      if (quotes[j].para <= p.para || speaker.kind !== 'speaker') continue;
      if (!normalOf(j).includes(' ' + words + ' ')) continue;
      named.add(clusterOf[speaker.mention]);
      first ??= speaker;
    }
    if (first !== null && named.size === 1) speakers[i] = first;
  }
}
