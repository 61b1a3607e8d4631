// Particles and prefixes that belong inside a person's name ("Ursula von der Leyen", "al-Assad", "Le Pen",
// "MacDonald"): the mention scanner keeps them in the name instead of ending it there, and identity resolution
// files the name under its surname with them. The scanner's PARTICLES and identity's SURNAME_PARTICLES differ
// today (made to agree in the next change).

/** Lower-case particles that may sit inside a name ("Ursula von der Leyen", "Charles de Gaulle"). */
export const PARTICLES: ReadonlySet<string> = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'des', 'du', 'da', 'das', 'dos', 'di', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'ter', 'ten', 'zu', 'af', 'ap', 'st']);

/** Capitalised particles that start a surname ("Le Pen", "Van Gogh", "Al-Sisi" written alone). */
export const CAPITAL_PARTICLES: ReadonlySet<string> = new Set(['Le', 'La', 'De', 'Di', 'Da', 'Du', 'Van', 'Von', 'Del', 'Della', 'Al', 'El', 'Bin', 'Ibn', 'Ter', 'Ten', 'Dos', 'Das', 'Des']);

/**
 * Arabic, French and Irish particle prefixes joined to a capitalised name word by a hyphen or apostrophe
 * ("al-Assad", "d'Estaing", "bint-Ali"). In the order the name-word pattern tries them (the first that fits wins).
 */
export const NAME_PREFIXES: ReadonlySet<string> = new Set(['al', 'el', 'ad', 'ash', 'as', 'at', 'az', 'ar', 'an', 'bin', 'ibn', 'abu', 'ben', 'bint', 'ould', 'd', 'l']);

/** Capitalised prefixes that form one word with the capitalised part after them ("MacDonald", "VanDyke"): not two glued words. */
export const GLUE_PREFIXES: ReadonlySet<string> = new Set(['Mac', 'Van', 'Von', 'Fitz', 'Des', 'Del', 'Della', 'Dos', 'Das', 'Abu', 'Ibn', 'Bin', 'Ben', 'San', 'Saint', 'Santa', 'Mont', 'Mon', 'Le', 'La']);

/** Identity resolution: lower-case particles that belong to a surname, not to the given names ("Le Pen", "von der Leyen"). */
export const SURNAME_PARTICLES: ReadonlySet<string> = new Set(['le', 'la', 'de', 'di', 'da', 'du', 'van', 'von', 'der', 'den', 'del', 'della', 'des', 'dos', 'das', 'al', 'el', 'bin', 'ibn', 'ter', 'ten', 'zu', 'st']);

/** Identity resolution: Arabic articles joined to a surname ("al-Assad" is filed under "assad"), in the order they are tried. */
export const ARTICLE_PREFIXES: readonly string[] = ['al', 'el', 'ad', 'as', 'ash', 'at', 'az', 'ar', 'an'];
