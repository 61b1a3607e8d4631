// Abbreviations whose dot does not end a sentence.

/**
 * Titles abbreviated before a name ("Mr. Smith", "Gen. Mattis", "Fr. Brown"). Lower-cased, without the dot.
 * The mention scanner keeps a run of capitalised words together across these dots only: other abbreviations
 * ("Inc.", "Co.") end a name.
 */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'adm', 'brig', 'cdr', 'cmdr', 'sgt', 'cpl', 'pte', 'prof', 'rev', 'revd', 'fr', 'sen', 'rep', 'gov', 'jr', 'sr', 'mme', 'mlle', 'insp', 'det', 'supt', 'messrs', 'm']);

/**
 * Every abbreviation whose full stop does not end a sentence: the titles, company forms, "etc.", months.
 * One-letter titles are left out: "M." is a capital alone (sentence splitters treat those apart), while a
 * lower-case one is a unit ("£644m.") that may well end a sentence.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  ...[...TITLE_ABBREVIATIONS].filter((title) => title.length > 1),
  ...['vs', 'etc', 'no', 'nos', 'inc', 'ltd', 'co', 'corp', 'fig', 'approx', 'dept', 'est'],
  ...['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'],
]);
