// A person's gender as one mention tells it: from the honorific ("Mrs"), or from the given name.
import type { RawMention } from '../../types';
import * as lexicon from '../../language';
import type { Gender } from '../../language';

// Bound once: module re-exports are getters, too slow for the inner loop.
const { FIRST_NAME_HONORIFICS, firstNameGender, honorificGender, honorificKey } = lexicon;

/** Gender of a person mention from its honorific or given name; null when it cannot be told. */
export function genderOf(mention: Pick<RawMention, 'honorific' | 'nameParts'>): Gender | null {
  if (mention.honorific) {
    const g = honorificGender(mention.honorific);
    if (g) return g;
  }
  if (mention.nameParts.length >= 2 || (mention.honorific && FIRST_NAME_HONORIFICS.has(honorificKey(mention.honorific)))) {
    return firstNameGender(mention.nameParts[0]) ?? null;
  }
  return null;
}
