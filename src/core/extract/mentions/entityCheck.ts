// The entity check: a phase after the rules that drops a rule mention the learned entity tagger reads as
// an organisation, place or other name ("U.S. officials", "Nato said"). The rules stay first: the tagger
// misreads some people the rules get right ("Theresa May" as a month, "Trump-Putin" as a place).
import type { RawMention, Span } from '../../types';
import type { Entity } from '../entities';
import { isFirstName } from '../../language/firstNames';
import { SPEECH_VERBS } from '../../language/speech';
import { isAsciiLetterCode, isAsciiLowerCode } from '../../util/chars';
import { isSentenceStart } from '../../util/text';
import { GAZETTEER_COUNTRIES } from '../../language/gazetteerPlaces';
import { GAZETTEER_INTERNATIONAL_BODIES } from '../../language/gazetteerOrganisations';

/**
 * The text the tagger reads: only the sentences around mentions it may drop (`checkable`), so an article costs
 * little more to index; everything else, `exclude` ranges (front matter, boilerplate) included, is blanked
 * with offsets kept, and a line break between the windows keeps each a sentence of its own.
 */
export function taggableText(text: string, exclude: readonly Span[], mentions: readonly RawMention[]): string | null {
  const parts: string[] = [];
  const safe = safeSurnames(text, mentions);
  let at = 0;
  let windows = 0;
  for (const m of mentions) {
    if (!checkable(text, m) || (m.nameParts.length === 1 && safe.has(m.nameParts[0]))) continue;
    let start = sentenceStart(text, m.start);
    const end = sentenceEnd(text, m.end);
    if (end <= at) continue;
    if (start < at) start = at;
    for (const span of exclude) if (span.end > start && span.end <= m.start) start = span.end;
    let stop = end;
    for (const span of exclude) if (span.start < stop && span.start >= m.end) stop = span.start;
    if (start > at) parts.push(blank(start - at));
    parts.push(text.slice(start, stop));
    at = stop;
    windows++;
  }
  if (windows === 0) return null;
  if (at < text.length) parts.push(blank(text.length - at));
  return parts.join('');
}

function blank(length: number): string {
  return '\n'.padEnd(length, ' ');
}

/** Start of the sentence around `at`: after the previous line break or sentence-final stop. */
function sentenceStart(text: string, at: number): number {
  for (let p = at - 1; p > 0; p--) {
    const c = text.charCodeAt(p);
    if (c === NEWLINE) return p + 1;
    if (isSpace(c) && isStop(text.charCodeAt(p - 1))) return p + 1;
  }
  return 0;
}

/** End of the sentence around `at`: its stop, or the line break. */
function sentenceEnd(text: string, at: number): number {
  for (let p = at; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (c === NEWLINE) return p;
    if (isStop(c) && (p + 1 === text.length || isSpace(text.charCodeAt(p + 1)))) return p + 1;
  }
  return text.length;
}

function isStop(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === NEWLINE || c === 0xa0 || c === 0x09;
}

/** "Renée Dupont said": a full name followed by a speech verb. */
function speaks(text: string, m: RawMention): boolean {
  let p = m.end;
  while (p < text.length && (text.charCodeAt(p) === 0x20 || text.charCodeAt(p) === 0x2c)) p++;
  let q = p;
  while (q < text.length && isAsciiLowerCode(text.charCodeAt(q))) q++;
  return q > p && SPEECH_VERBS.has(text.slice(p, q));
}

/** "the Lib Dems said", "The Lib Dems say": a name right after "the" is not a person's, whatever verb follows it. */
function afterThe(text: string, start: number): boolean {
  if (start < 4 || !(text.startsWith('the ', start - 4) || text.startsWith('The ', start - 4))) return false;
  return start === 4 || !isAsciiLetterCode(text.charCodeAt(start - 5));
}

/** Whether the mention shows its last name part is a surname: a full name, or a name after an honorific. */
function namesSurname(m: RawMention): boolean {
  return m.nameParts.length > 1 || m.honorific !== null;
}

/** Surnames of mentions that are never dropped: a lone mention of one is never dropped either, so is not tagged. */
function safeSurnames(text: string, mentions: readonly RawMention[]): Set<string> {
  const surnames = new Set<string>();
  for (const m of mentions) if (namesSurname(m) && !checkable(text, m)) surnames.add(m.nameParts[m.nameParts.length - 1]);
  return surnames;
}

/** Mentions with stronger evidence than the tagger's are never dropped, so never tagged. */
function checkable(text: string, m: RawMention): boolean {
  if (m.honorific !== null || hasParticle(m)) return false;
  if (m.nameParts.length > 1 && (isFirstName(m.nameParts[0]) || (speaks(text, m) && !afterThe(text, m.start)))) return false;
  return m.tentative !== true || KNOWN_NON_PEOPLE.has(m.text.toLowerCase());
}

/**
 * The rule mentions (sorted by start) the tagger does not contradict. A mention goes when a non-person
 * entity covers it and no person entity overlaps it, or, of several words, when no entity overlaps it. Stronger evidence than the tagger's keeps it: an
 * honorific ("Mrs May"), a known given name or a speech verb after a full name ("Renée Dupont said"), a name
 * particle ("Fayeze al-Sarraj"), a full name kept earlier in the article for a lone surname, or a hyphenated
 * compound the tagger took whole ("Trump-Putin summit"), whose halves the rules split. A tentative lone name ("deter Putin") goes only when
 * it is also a country or an international body ("U.S.", "Nato"): identity resolution weighs the others
 * with the whole corpus.
 */
export function withoutOtherEntities(text: string, mentions: RawMention[], entities: readonly Entity[]): RawMention[] {
  if (mentions.length === 0) return mentions;
  const contradicted = new Uint8Array(mentions.length);
  const keptSurnames = new Set<string>();
  let first = 0;
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    while (first < entities.length && entities[first].end <= m.start) first++;
    let person = false;
    let other = false;
    let inLonger = false;
    let read = false;
    for (let i = first; i < entities.length && entities[i].start < m.end; i++) {
      const e = entities[i];
      if (e.end <= m.start) continue;
      read = true;
      if (e.type === 'person') person = true;
      else if (e.start <= m.start && e.end >= m.end && !joinedByHyphen(text, e, m)) {
        other = true;
        if (extendsWithName(text, e, m)) inLonger = true;
      } else if (e.end >= m.end && afterOpeningWord(text, e, m)) other = true;
    }
    // Several words the tagger reads as no name at all ("Greatest Hits", "Net Income") are not one either.
    // A name inside a longer organisation or place ("San [Diego Padres]", "[Edward D. Jones] & Co") is part of
    // it, whatever given name it starts with.
    const drop = !person && (((other || (!read && m.nameParts.length > 1)) && checkable(text, m)) || (inLonger && m.honorific === null && !hasParticle(m)));
    contradicted[k] = drop ? 1 : 0;
    if (!drop && namesSurname(m)) keptSurnames.add(m.nameParts[m.nameParts.length - 1]);
  }
  // "Rafael Nadal ... Nadal holds serve": a lone surname of a full name (or of "Mr Nadal") kept in the article stays.
  return mentions.filter((m, i) => contradicted[i] === 0 || (m.nameParts.length === 1 && keptSurnames.has(m.nameParts[0])));
}

/**
 * Whether the entity covers the mention but for its first word, which opens a sentence and is no given name:
 * the rules took a sentence's first word into a name ("Huge [Windows] sales").
 */
function afterOpeningWord(text: string, e: Entity, m: RawMention): boolean {
  if (m.honorific !== null || m.nameParts.length < 2 || e.start !== m.start + m.nameParts[0].length + 1) return false;
  return text.charCodeAt(e.start - 1) === 0x20 && !isFirstName(m.nameParts[0]) && isSentenceStart(text, m.start);
}

/** Whether the entity goes on past the mention with more of a name: a capitalised word or "&" ("San Diego Padres"). */
function extendsWithName(text: string, e: Entity, m: Span): boolean {
  return /[A-Z&]/.test(text.slice(e.start, m.start)) || /[A-Z&]/.test(text.slice(m.end, e.end));
}

/** Whether the entity extends the mention across a hyphen: the mention is one half of a compound. */
function joinedByHyphen(text: string, e: Entity, m: Span): boolean {
  return (e.start < m.start && text.charCodeAt(m.start - 1) === HYPHEN) || (e.end > m.end && text.charCodeAt(m.end) === HYPHEN);
}

/** A lower-case word or prefix inside the name ("de Silva", "al-Sarraj"): the rules saw a person's name particle. */
function hasParticle(m: RawMention): boolean {
  if (m.nameParts.length < 2) return false;
  for (const part of m.nameParts) {
    const c = part.charCodeAt(0);
    if (c >= 0x61 && c <= 0x7a) return true;
  }
  return false;
}

const HYPHEN = 0x2d;
const NEWLINE = 0x0a;
const KNOWN_NON_PEOPLE: ReadonlySet<string> = new Set([...GAZETTEER_COUNTRIES, ...GAZETTEER_INTERNATIONAL_BODIES].map((name) => name.toLowerCase()));
