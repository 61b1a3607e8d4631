// Particles and prefixes that belong inside a person's name ("Ursula von der Leyen", "al-Assad", "Le Pen",
// "MacDonald"): the mention scanner keeps them in the name instead of ending it there, and identity resolution
// files the name under its surname with them.

/** Lower-case particles that may sit inside a name and belong to its surname ("Ursula von der Leyen", "Charles de Gaulle"). */
export const PARTICLES: ReadonlySet<string> = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'des', 'du', 'da', 'das', 'dos', 'di', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'ter', 'ten', 'zu', 'af', 'ap']);

/** Capitalised particles that start a surname ("Le Pen", "Van Gogh", "Al-Sisi" written alone). */
export const CAPITAL_PARTICLES: ReadonlySet<string> = new Set(['Le', 'La', 'De', 'Di', 'Da', 'Du', 'Van', 'Von', 'Del', 'Della', 'Al', 'El', 'Bin', 'Ibn', 'Ter', 'Ten', 'Dos', 'Das', 'Des']);

/** Arabic articles joined to a name word ("al-Assad"): identity files the surname without them, under "assad". */
export const ARTICLE_PREFIXES: readonly string[] = ['al', 'el', 'ad', 'ash', 'as', 'at', 'az', 'ar', 'an'];

/**
 * Arabic, French and Irish particle prefixes joined to a capitalised name word by a hyphen or apostrophe
 * ("al-Assad", "d'Estaing", "bint-Ali"). In the order the name-word pattern tries them (the first that fits wins).
 */
export const NAME_PREFIXES: ReadonlySet<string> = new Set([...ARTICLE_PREFIXES, 'bin', 'ibn', 'abu', 'ben', 'bint', 'ould', 'd', 'l']);

/** Capitalised prefixes that form one word with the capitalised part after them ("MacDonald", "VanDyke"): not two glued words. */
export const GLUE_PREFIXES: ReadonlySet<string> = new Set(['Mac', 'Van', 'Von', 'Fitz', 'Des', 'Del', 'Della', 'Dos', 'Das', 'Abu', 'Ibn', 'Bin', 'Ben', 'San', 'Saint', 'Santa', 'Mont', 'Mon', 'Le', 'La']);
