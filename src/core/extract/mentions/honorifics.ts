// Honorifics and ranks in front of a name ("Sir", "Lt Gen", "M."): they stay inside the mention span.
import * as lexicon from '../../language';
import * as officeRanks from '../../language/officeRanks';
import type { NameToken } from './words';
import * as words from './words';

// Bound once: module re-exports are getters, too slow for the inner loop.
const { AMBIGUOUS_RANKS, HONORIFIC_PHRASES, MAX_HONORIFIC_WORDS, honorificKey } = lexicon;
const { OFFICE_BEFORE_RANK } = officeRanks;
const { WORD_HONORIFIC_LENGTH_SHIFT, WORD_HONORIFIC_START } = words;

/** Matches the longest honorific at tokens[i..]; returns the number of tokens it covers, or 0. */
export function matchHonorific(tokens: readonly NameToken[], i: number, end: number): number {
  const facts = tokens[i].facts;
  if ((facts & WORD_HONORIFIC_START) === 0) return 0;
  // Longer phrases than any honorific starting with this word cannot match: skip building them.
  const longest = (facts >> WORD_HONORIFIC_LENGTH_SHIFT) & 7;
  for (let n = Math.min(MAX_HONORIFIC_WORDS, longest, end - i - 1); n >= 1; n--) {
    let phrase = '';
    for (let k = i; k < i + n; k++) phrase += (k > i ? ' ' : '') + tokens[k].text;
    const key = honorificKey(phrase);
    if (!HONORIFIC_PHRASES.has(key)) continue;
    if (n === 1 && AMBIGUOUS_RANKS.has(key)) {
      const prev = i > 0 ? tokens[i - 1].text.toLowerCase() : '';
      if (OFFICE_BEFORE_RANK.has(prev)) return 0;
      // "M." is French Monsieur only with its dot.
      if (key === 'm' && !tokens[i].dot) return 0;
    }
    // The honorific must be followed by a name word.
    if (i + n < end && !tokens[i + n].lower) return n;
  }
  return 0;
}
