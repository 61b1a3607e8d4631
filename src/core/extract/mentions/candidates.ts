// Candidate names: each run of capitalised words parsed into the names it holds (with an honorific or an
// office title in front, a role around), each classified by how sure the article alone makes it a person.
import type { Span } from '../../types';
import * as lexicon from '../../language';
import * as nameParticles from '../../language/nameParticles';
import * as personCues from '../../language/personCues';
import * as chars from '../../util/chars';
import * as wordSets from '../../util/wordSets';
import * as honorifics from './honorifics';
import * as roles from './roles';
import * as scan from './scan';
import type { RunBounds } from './scan';
import type { NameToken } from './words';
import * as words from './words';

// Bound once: module re-exports are getters, too slow for the inner loop.
const { CITY_WORDS, COUNTRY_WORDS, NATIONALITY_WORDS, THING_NOUNS, firstNameGender } = lexicon;
const { CAPITAL_PARTICLES, PARTICLES } = nameParticles;
const { PERSON_VERBS } = personCues;
const { isAsciiUpperCode } = chars;
const { WordFilter } = wordSets;
const { matchHonorific } = honorifics;
const { roleAfter, roleBefore, roleDirectlyBefore, roleWithContext } = roles;
const { codesOf, nameWordEnd, nextRun, putNameToken, runWordBounds, runWords, tokenizeRun } = scan;
const {
  WORDS, WORD_FIRST_NAME, WORD_INNER_CAPITAL, WORD_NAME_ALONE, WORD_NAME_NEEDS_DOT, WORD_ROLE, WORD_THING_HEAD,
  copyTokens, isAbbreviation, isNameWord, isRoleWord, isTitleHead, possessiveBareLength, withText, writeToken,
} = words;

/** How sure the article alone makes a candidate a person (confirmMentions decides with the whole article). */
export type CandidateStatus = 'accepted' | 'pending' | 'weak' | 'caps';

export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly honorific: string | null;
  readonly names: readonly NameToken[];
  readonly role: string | null;
  readonly status: CandidateStatus;
  /** The last name word ended in a bare "s" that may be a lost possessive apostrophe ("Trumps"). */
  readonly sStripCandidate: boolean;
}

/** The candidate names in one article's text, outside the `exclude` ranges, in text order. */
export function findCandidates(text: string, exclude: readonly Span[]): readonly Candidate[] {
  const excluded = [...exclude].sort((a, b) => a.start - b.start);
  let excludeIndex = 0;
  const candidates: Candidate[] = [];
  const run: RunBounds = { start: 0, end: 0 };
  for (let found = nextRun(text, 0, run); found; found = nextRun(text, run.end, run)) {
    const runStart = run.start;
    const runEnd = run.end;
    while (excludeIndex < excluded.length && excluded[excludeIndex].end <= runStart) excludeIndex++;
    if (excludeIndex < excluded.length && excluded[excludeIndex].start < runEnd) {
      // Keep the part of the run before the excluded range; drop the rest.
      const cut = excluded[excludeIndex].start;
      if (cut <= runStart) continue;
      parseRun(text, runStart, cut, false, candidates);
      continue;
    }
    parseRun(text, runStart, runEnd, true, candidates);
  }
  return candidates;
}

/**
 * Adds the candidates of the run text[from, to) to `out`. `wholeRun`: text[from, to) is a whole run as
 * nextRun found it, not one cut short by an excluded range.
 */
export function parseRun(text: string, from: number, to: number, wholeRun: boolean, out: Candidate[]): void {
  const words = runWords(text, from, to);
  let count = loneWordTokens(text, from, to, wholeRun, words);
  if (count < 0) count = words > 0 ? wordTokens(text, from, to, words) : tokenizeRun(text, from, to, RUN_TOKENS);
  parseTokens(text, RUN_TOKENS, count, out);
}

/**
 * The tokens of the run being parsed, at the head of one array reused from run to run (findCandidates runs in one
 * go, never interleaved), their objects too (writeToken): an array per run grown by push reserved 16 slots, and
 * most tokens are dropped. Candidates copy the names they keep.
 */
const RUN_TOKENS: NameToken[] = [];

/** Writes the tokens of the run text[from, to) nextRun read by hand, from the bounds of its `count` words, into RUN_TOKENS; returns how many. */
function wordTokens(text: string, from: number, to: number, count: number): number {
  if (count === 1) return putNameToken(RUN_TOKENS, 0, text, from, to);
  const bounds = runWordBounds();
  let written = 0;
  for (let k = 0; k < 2 * count; k += 2) written = putNameToken(RUN_TOKENS, written, text, bounds[k], bounds[k + 1]);
  return written;
}

/** Adds the candidates of a run's `count` tokens (at the head of `tokens`) to `out`, sentence by sentence. */
export function parseTokens(text: string, tokens: readonly NameToken[], count: number, out: Candidate[]): void {
  // Split at dots that end a sentence: a dot after anything but an abbreviation or an initial.
  let segmentStart = 0;
  for (let i = 0; i < count; i++) {
    const t = tokens[i];
    if (t.dot && i < count - 1 && !isAbbreviation(t)) {
      parseSegment(text, tokens, segmentStart, i + 1, out);
      segmentStart = i + 1;
    }
  }
  parseSegment(text, tokens, segmentStart, count, out);
}

/**
 * The tokens of a run that is one plain capitalised word, the common case, read without the tokenizer,
 * into RUN_TOKENS; returns how many: none when it cannot be a name on its own ("The", "Government",
 * "London": parseSegment would skip it as a role word or a non-name word), -1 for any other run.
 */
function loneWordTokens(text: string, from: number, to: number, wholeRun: boolean, words: number): number {
  if (!isAsciiUpperCode(text.charCodeAt(from))) return -1;
  // A run read by hand is ASCII but for curly apostrophes; of several words, it has a space.
  if (words > 1) return -1;
  if (words < 0) {
    for (let k = from + 1; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c === 32 || (c >= 128 && c !== 0x2019)) return -1;
    }
  }
  // A whole run without a space (or a no-break space, beyond ASCII) is one NAME_WORD; a cut one may not be.
  if (!wholeRun && nameWordEnd(text, from, to) !== to) return -1;
  const entry = WORDS.findCodes(text, codesOf(text), from, to);
  const word = WORDS.word(entry);
  const facts = WORDS.value(entry);
  // Glued words ("ParisSir") become two tokens; one-letter words and "A's" depend on the dot after them.
  if (word.length === 1 || (facts & (WORD_INNER_CAPITAL | WORD_NAME_NEEDS_DOT)) !== 0) return -1;
  if ((facts & WORD_ROLE) !== 0 || (facts & WORD_NAME_ALONE) === 0) return 0;
  writeToken(RUN_TOKENS, 0, from, to, word, text.charCodeAt(to) === 46, false, facts);
  return 1;
}

function parseSegment(text: string, tokens: readonly NameToken[], from: number, to: number, out: Candidate[]): void {
  let i = from;
  while (i < to) {
    if (tokens[i].lower) { i++; continue; }
    // Office title in front of the name: kept as the role, outside the span.
    let roleFrom = -1;
    let roleTo = -1;
    const wordsFrom = i;
    let honWords = matchHonorific(tokens, i, to);
    if (honWords === 0 && isRoleWord(tokens[i])) {
      let j = i;
      let lastHead = -1;
      while (j < to && isRoleWord(tokens[j]) && !(j > i && matchHonorific(tokens, j, to))) {
        if (isTitleHead(tokens[j])) lastHead = j;
        j++;
      }
      if (lastHead >= 0 && lastHead === j - 1 && j < to) {
        roleFrom = i;
        roleTo = j;
        i = j;
      } else if (j > i && !(j < to && isNameWord(tokens[j - 1], false) && (tokens[j - 1].facts & WORD_FIRST_NAME) !== 0)) {
        // Not a title: organisation or place words ("Foreign Office"); skip them.
        i = j;
        continue;
      }
    }
    // The honorific after a title (looked up again only when a title moved `i` on).
    if (i !== wordsFrom) honWords = i < to ? matchHonorific(tokens, i, to) : 0;
    const honStart = honWords ? tokens[i].start : -1;
    const honorific = honWords ? text.slice(tokens[i].start, tokens[i + honWords - 1].end + (tokens[i + honWords - 1].dot ? 1 : 0)) : null;
    i += honWords;
    // The name words.
    const nameFrom = i;
    let hasGiven = false;
    while (i < to) {
      const t = tokens[i];
      if (t.lower) {
        // A lower-case particle inside a name needs a name word after it.
        if (i > nameFrom && PARTICLES.has(t.text)) {
          let k = i;
          while (k < to && tokens[k].lower && PARTICLES.has(tokens[k].text)) k++;
          if (k < to && !tokens[k].lower) { i = k; continue; }
        }
        break;
      }
      const afterGiven = hasGiven || (i > nameFrom && (honWords > 0 || roleFrom >= 0));
      if (!isNameWord(t, afterGiven || (honWords > 0 && i === nameFrom))) break;
      if (i === nameFrom && ((t.facts & WORD_FIRST_NAME) !== 0 || (t.text.length === 1 && t.dot))) hasGiven = true;
      if (i > nameFrom) hasGiven = true;
      i++;
      if (possessiveBareLength(t.text) < t.text.length) break; // "Trump's team": the name ends here
    }
    while (i > nameFrom && tokens[i - 1].lower) i--; // never end on a particle
    if (i === nameFrom) {
      if (honWords === 0 && roleFrom < 0) i++;
      continue;
    }
    // A name directly followed by an organisation or place word names a thing ("Trump Tower", "Lancaster House").
    const last = tokens[i - 1];
    const possessive = possessiveBareLength(last.text) < last.text.length;
    if (!possessive && i < to && !tokens[i].lower) {
      if ((tokens[i].facts & WORD_THING_HEAD) !== 0) {
        i++;
        continue;
      }
    }
    if (!possessive && i >= to && isFollowedByThingNoun(text, last.end)) continue;
    const start = honWords ? honStart : tokens[nameFrom].start;
    const end = last.start + possessiveBareLength(last.text);
    // Copies: the run's tokens are rewritten by the next run. The last name without a possessive "'s".
    const names = copyTokens(tokens, nameFrom, i);
    if (possessive) names[names.length - 1] = withText(last, last.text.slice(0, possessiveBareLength(last.text)), end);
    // Drop a sentence-final dot from the last word unless it is an initial.
    const role = roleFrom >= 0 ? roleWithContext(text, tokens[roleFrom].start, text.slice(tokens[roleFrom].start, tokens[roleTo - 1].end)) : roleBefore(text, start) ?? roleAfter(text, end, possessive);
    out.push({
      start, end, honorific, names, role,
      status: classify(text, names, honorific, roleFrom >= 0 || role !== null || roleDirectlyBefore(text, start), start, end),
      sStripCandidate: !possessive && last.text.length > 3 && last.text.endsWith('s') && !last.text.endsWith('ss'),
    });
  }
}

/** How sure we are that a name is a person before seeing the rest of the article. */
function classify(text: string, names: readonly NameToken[], honorific: string | null, titled: boolean, start: number, end: number): CandidateStatus {
  const first = names[0];
  if (honorific !== null || titled) return 'accepted';
  if (names.length >= 2) {
    const given = firstNameGender(first.text) !== undefined && !COUNTRY_WORDS.has(first.text);
    const initial = first.text.length === 1 && first.dot;
    if (given || initial) return 'accepted';
    if (CAPITAL_PARTICLES.has(first.text)) return 'pending';
    // "Fayez al-Sarraj", "Ursula von der Leyen": particles mark a name.
    if (names.some((t, k) => k > 0 && (t.lower || /^\p{Ll}+[-'\u2019]\p{Lu}/u.test(t.text)))) return 'accepted';
    if (hasPersonCue(text, end)) return 'accepted';
    // Unknown words: short ones and inner capitals ("Hide Ad", "SettingsTerms") are rarely names.
    if (names.some((t) => t.text.length < 3 || /\p{Ll}\p{Lu}/u.test(t.text.slice(2)))) return 'pending';
    return 'weak';
  }
  if (first.text.length === 1) return 'pending';
  if (followedByCountryInParens(text, end)) return 'accepted';
  return 'pending';
}

/** "Sampras (U.S.)", "Smith (Britain)": results tables name people with their country in brackets. */
function followedByCountryInParens(text: string, end: number): boolean {
  // The regex below needs "(" or " (" right after the name: most names have neither.
  const next = text.charCodeAt(end);
  if (next !== 40 && !(next === 32 && text.charCodeAt(end + 1) === 40)) return false;
  const m = /^ ?\( ?([^()\n]{1,24}?) ?\)/.exec(text.slice(end, end + 30));
  if (!m) return false;
  const inner = m[1].trim();
  return COUNTRY_WORDS.has(inner) || NATIONALITY_WORDS.has(inner) || /^(?:\p{Lu}\.?){2,4}$/u.test(inner) || inner.split(' ').every((w) => COUNTRY_WORDS.has(w) || CITY_WORDS.has(w));
}

function hasPersonCue(text: string, end: number): boolean {
  if (followedByCountryInParens(text, end)) return true;
  const next = text.charCodeAt(end);
  if (next !== 44 && next !== 32) return false;
  const m = /^,? (\p{Ll}+)/u.exec(text.slice(end, end + 16));
  return m !== null && PERSON_VERBS.has(m[1]);
}

const THING_NOUN_FILTER = new WordFilter(THING_NOUNS);

/** A thing noun after the gap at `end` ("Trump administration"); the lower-case word is read by hand when ASCII. */
export function isFollowedByThingNoun(text: string, end: number): boolean {
  const gap = text.charCodeAt(end);
  if (gap !== 32 && gap !== 0xa0) return false;
  // The regex saw at most 24 characters from `end`.
  const limit = Math.min(text.length, end + 24);
  let k = end + 1;
  for (; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) return thingNounAfterByRegex(text, end); // \p{Ll} beyond ASCII
    if (c < 97 || c > 122) break;
  }
  return k > end + 1 && THING_NOUN_FILTER.mayContain(text, end + 1, k, true) && THING_NOUNS.has(text.slice(end + 1, k));
}

/** isFollowedByThingNoun for any text: the lower-case word after the gap by a unicode regex. */
function thingNounAfterByRegex(text: string, end: number): boolean {
  const m = /^[ \u00a0](\p{Ll}+)/u.exec(text.slice(end, end + 24));
  return m !== null && THING_NOUNS.has(m[1]);
}
