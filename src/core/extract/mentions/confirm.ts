// The confirmation pass: a candidate the article alone does not make a person is one when the article (or
// the corpus) confirms its words elsewhere ("Theresa May ... May said"); what is left is dropped or, on
// request, returned as tentative.
import type { RawMention } from '../../types';
import * as lexicon from '../../language';
import * as chars from '../../util/chars';
import * as textHelpers from '../../util/text';
import type { Candidate } from './candidates';
import * as scan from './scan';
import * as words from './words';
import { rawMention } from './rawMention';
import type { NameToken } from './words';

// Bound once: module re-exports are getters, too slow for the inner loop.
const { MONTH_NAMES } = lexicon;
const { isAsciiLowerCode } = chars;
const { isSentenceStart } = textHelpers;
const { isWordCharBefore } = scan;
const { withText } = words;

export interface MentionOptions {
  /** Lower-cased names never treated as people (from corpus.yaml `notPeople`). */
  notPeople?: ReadonlySet<string>;
  /**
   * Surnames or full names already known as people elsewhere in the corpus (any case). A lone capitalised
   * word matching one is a mention even without a first name or title in this article.
   */
  knownNames?: ReadonlySet<string>;
  /**
   * Accept two- or three-word capitalised names whose first word is not a known given name and that have no
   * other cue ("Graeme Downie"). On by default; off trades recall for precision.
   */
  acceptUnknownFullNames?: boolean;
  /**
   * Also return lone capitalised words mid-sentence that this article does not confirm, flagged `tentative`
   * (identity resolution decides with the whole corpus). Off by default: alone, they are not mentions.
   */
  tentativeLoneNames?: boolean;
}

/** The mentions among one article's candidates (in text order), given what the article and `options` confirm. */
export function confirmMentions(text: string, candidates: readonly Candidate[], options: MentionOptions): RawMention[] {
  const notPeople = options.notPeople;
  const acceptWeak = options.acceptUnknownFullNames ?? true;
  // Names confirmed in this article (or elsewhere in the corpus) confirm their lone surnames and given names.
  const knownSurnames = new Map<string, number>();
  const knownGiven = new Set<string>();
  for (const c of candidates) {
    if (c.status !== 'accepted' && !(acceptWeak && c.status === 'weak')) continue;
    const surname = c.names[c.names.length - 1].text;
    knownSurnames.set(surname, (knownSurnames.get(surname) ?? 0) + 1);
    if (c.names.length >= 2) knownGiven.add(c.names[0].text);
  }
  const external = options.knownNames;
  const isKnown = (word: string): boolean => knownSurnames.has(word) || knownGiven.has(word) || (external !== undefined && (external.has(word) || external.has(word.toLowerCase())));
  const result: RawMention[] = [];
  for (const c of candidates) {
    let { end, names } = c;
    let keep = c.status === 'accepted' || (acceptWeak && c.status === 'weak');
    const last = names[names.length - 1];
    if (c.sStripCandidate && (keep || names.length === 1)) {
      // "Trumps advisors": a lost apostrophe, when the bare form is a known name and the s-form is not.
      const bare = last.text.slice(0, -1);
      const sFormElsewhere = (knownSurnames.get(last.text) ?? 0) - (keep ? 1 : 0) > 0;
      if (isKnown(bare) && !sFormElsewhere) {
        end -= 1;
        names = [...names.slice(0, -1), withText(last, bare, end)];
        keep = true;
      }
    }
    if (!keep && c.status !== 'weak') {
      if (names.length === 1) {
        const word = names[0].text;
        if (isKnown(word) && !(MONTH_NAMES.has(word.toLowerCase()) && monthContext(text, c.start, c.end))) keep = true;
      } else if (names.every((t) => t.lower || isKnown(t.text))) keep = true;
    }
    if (!keep && names.length === 1 && c.honorific === null && last.text.includes('-') && HYPHENATED_PAIR.test(last.text)) {
      // "Trump-Putin alliance": each half is a mention when each is a known name.
      const halves = last.text.split('-');
      if (halves.every((h) => isKnown(h))) {
        let at = last.start;
        for (const h of halves) {
          result.push(rawMention(at, at + h.length, h, null, [h], null));
          at += h.length + 1;
        }
      }
      continue;
    }
    if (!keep && c.status === 'weak' && names.some((t) => knownSurnames.has(t.text) && (knownSurnames.get(t.text) ?? 0) > 1)) keep = true;
    if (!keep) {
      // "deter Putin from further aggression": a name the corpus may know from other articles.
      if (options.tentativeLoneNames && c.status === 'pending' && names.length === 1 && c.honorific === null && names[0].text.length > 1
        && !isSentenceStart(text, c.start) && inLowerCaseContext(text, c.start, end) && !(MONTH_NAMES.has(names[0].text.toLowerCase()) && monthContext(text, c.start, end))
        && !(notPeople && notPeople.has(names[0].text.toLowerCase()))) {
        result.push(rawMention(c.start, end, text.slice(c.start, end), null, [names[0].text], c.role, true));
      }
      continue;
    }
    // Pushed, not mapped: a mapped array is holey, and name parts from other sources are packed.
    const nameParts = textsOf(names);
    if (notPeople && notPeople.size > 0 && (notPeople.has(nameParts.join(' ').toLowerCase()) || notPeople.has(text.slice(c.start, end).toLowerCase()))) continue;
    result.push(rawMention(c.start, end, text.slice(c.start, end), c.honorific, nameParts, c.role));
  }
  return result;
}

/**
 * Between lower-case words, as in running prose ("deter Putin from"): not in a run of capitalised words
 * ("West Indies", "AC Milan"), a list or a table, where a lone capital is more often part of another name.
 */
/**
 * The tokens' texts, a packed array of exactly their length: a mention keeps it, and an array grown by push
 * from empty reserves 16 slots (`map` would make a holey one).
 */
function textsOf(names: readonly NameToken[]): string[] {
  switch (names.length) {
    case 1:
      return [names[0].text];
    case 2:
      return [names[0].text, names[1].text];
    case 3:
      return [names[0].text, names[1].text, names[2].text];
    default: {
      const texts: string[] = [];
      for (const t of names) texts.push(t.text);
      return texts;
    }
  }
}

function inLowerCaseContext(text: string, start: number, end: number): boolean {
  let p = start - 1;
  while (p >= 0 && (text[p] === ' ' || text[p] === '\u00a0')) p--;
  if (p === start - 1 || p < 0) return false;
  // The word before must be a lower-case word: look at its first letter.
  if (!isAsciiLowerCode(text.charCodeAt(p))) return false;
  while (p > 0 && isAsciiLowerCode(text.charCodeAt(p - 1))) p--;
  if (p > 0 && isWordCharBefore(text.charCodeAt(p - 1), text[p - 1])) return false;
  let q = end;
  while (q < text.length && (text[q] === ' ' || text[q] === '\u00a0')) q++;
  const after = text[q];
  return after === undefined || after.toLowerCase() === after;
}

const HYPHENATED_PAIR = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)+$/u;

/** "in May", "May 5", "early May": the month, not Theresa May. */
function monthContext(text: string, start: number, end: number): boolean {
  return /(?:\b(?:in|on|by|since|until|till|from|of|early|late|mid|last|next|this|since)[ \u00a0]+)$/i.test(text.slice(Math.max(0, start - 10), start))
    || /^[ \u00a0]+\d/.test(text.slice(end, end + 3));
}
