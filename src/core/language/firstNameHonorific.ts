// Honorifics that go with a given name ("Sir Michael", "Dame Judi"): a mention of one name word after one is
// a given name, so the given name tells the person's gender.

/** Honorific keys (honorificKey) after which a lone name word is a given name. */
export const FIRST_NAME_HONORIFIC: ReadonlySet<string> = new Set(['sir', 'dame', 'lord', 'lady', 'general', 'gen']);
