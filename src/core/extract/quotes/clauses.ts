// Reading a clause from its tokens: is this word a reporting verb, a noun, passive; is this a pronoun.
import * as speech from '../../language/speech';
import { WordFilter } from '../../util/wordSets';
import type { Paragraph, ReferentGender } from './model';
import type { OffsetLookup } from './mentionLookup';
import type { OutsideQuotes } from './outsideQuotes';
import type { Token } from './tokens';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { ANONYMOUS_PERSON_NOUNS, DETERMINERS, PASSIVE_MARKERS, ROLE_NOUNS, SPEECH_NOUNS, SPEECH_VERBS, VERB_MODIFIERS } = speech;

const PRONOUN_GENDER: Record<string, ReferentGender | null> = { he: 'male', she: 'female' };

/**
 * PRONOUN_GENDER[lower] without a keyed lookup per word (slow for a fresh string: V8 looks it up in its
 * string table). Besides "he" and "she" only "constructor" is defined there, inherited from Object and
 * kept so no output changes; no other inherited member of an object is a lower-case word.
 */
export function pronounGender(lower: string): ReferentGender | null | undefined {
  if (lower === 'he' || lower === 'she' || lower === 'constructor') return PRONOUN_GENDER[lower];
  return undefined;
}

/** A cheap pre-check for "may this word be a speech verb?" that needs no string (see WordFilter). */
export const SPEECH_VERB_FILTER = new WordFilter(SPEECH_VERBS);

export const NON_PERSON_PRONOUNS = new Set(['they', 'we', 'i', 'it', 'you', 'this', 'that', 'which']);

/** How many words before a reporting verb isPassive reads ("was widely reported"). */
export const PASSIVE_LOOKBACK = 3;

export function isPersonNoun(lower: string): boolean {
  return ANONYMOUS_PERSON_NOUNS.has(lower) || ROLE_NOUNS.has(lower);
}

/** "his remarks", "the claims", "a warning": the word is a noun here, not a reporting verb. */
export function isNounUse(tokens: readonly Token[], k: number): boolean {
  const prev = tokens[k - 1];
  return prev !== undefined && (DETERMINERS.has(prev.lower) || /['\u2019]s$/.test(prev.word));
}

export function isPassive(tokens: readonly Token[], k: number): boolean {
  for (let j = k - 1; j >= 0 && j >= k - PASSIVE_LOOKBACK; j--) {
    if (PASSIVE_MARKERS.has(tokens[j].lower)) return true;
    if (!VERB_MODIFIERS.has(tokens[j].lower)) return false;
  }
  return false;
}

/** Steps back over auxiliaries and adverbs ("has also", "will on Monday evening"), never over a name. */
export function skipModifiers(tokens: readonly Token[], k: number, mentionByEnd: OffsetLookup): number {
  while (k >= 0 && VERB_MODIFIERS.has(tokens[k].lower) && !mentionByEnd.has(tokens[k].end)) k--;
  return k;
}

/** A reporting verb (not passive) or speech noun ends the clause before this colon. */
export function hasSpeechIntro(outside: OutsideQuotes, colon: number, para: Paragraph): boolean {
  const tokens = outside.tokens(outside.sentenceStart(colon, para), colon);
  for (let k = tokens.length - 1; k >= 0 && k >= tokens.length - 7; k--) {
    const t = tokens[k];
    if (t.word === ',' && k < tokens.length - 1) break;
    if (SPEECH_VERBS.has(t.lower) && !isPassive(tokens, k) && !isNounUse(tokens, k)) return true;
    if (SPEECH_NOUNS.has(t.lower) && k >= tokens.length - 2) return true;
  }
  return false;
}
