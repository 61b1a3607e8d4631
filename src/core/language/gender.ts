// A person's grammatical gender as names, honorifics and pronouns tell it; null is "cannot tell".
import { firstNameGender } from './firstNames';
import { FIRST_NAME_HONORIFICS, honorificGender, honorificKey } from './honorifics';

export type Gender = 'male' | 'female';

/**
 * Honorifics after which a lone name word's gender is read from the given-name lexicon: those used with a
 * given name, and peerages and ranks ("Lord Ashdown", "Gen Hussein"), whose holder's surname, where it is
 * also a given name, is a better sign than none: without it "She later added" after "Gen Hussein" went to him.
 */
const LONE_NAME_GENDER_HONORIFICS: ReadonlySet<string> = new Set([...FIRST_NAME_HONORIFICS, 'lord', 'general', 'gen']);

/** Gender of a person mention from its honorific or given name; null when it cannot be told. */
export function mentionGender(mention: { readonly honorific: string | null; readonly nameParts: readonly string[] }): Gender | null {
  if (mention.honorific) {
    const g = honorificGender(mention.honorific);
    if (g) return g;
  }
  if (mention.nameParts.length >= 2 || (mention.honorific && LONE_NAME_GENDER_HONORIFICS.has(honorificKey(mention.honorific)))) {
    return firstNameGender(mention.nameParts[0]) ?? null;
  }
  return null;
}
