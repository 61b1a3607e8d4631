// Abbreviations whose dot does not end a sentence. Two lists whose members differ today, one per rule that
// reads them (made to agree in the next change).

// The mention scanner: abbreviations written with a dot inside a run of capitalised words ("Mr. Smith",
// "Gen. Mattis"); it splits a run into sentences at every other dot.

/** Abbreviations whose dot does not end a sentence. Lower-cased, without the dot. */
export const DOTTED_ABBREVIATIONS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'adm', 'brig', 'cdr', 'cmdr', 'sgt', 'cpl', 'pte', 'prof', 'rev', 'revd', 'fr', 'sen', 'rep', 'gov', 'jr', 'sr', 'mme', 'mlle', 'insp', 'det', 'supt', 'messrs', 'm']);

/** Quote extraction's sentence splitter: abbreviations whose full stop does not end a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'lt', 'col', 'capt', 'sgt', 'rev', 'prof', 'sen', 'rep', 'gov', 'jr', 'sr', 'vs', 'etc', 'no', 'nos', 'inc', 'ltd', 'co', 'corp', 'maj', 'cmdr', 'adm', 'fig', 'approx', 'dept', 'est', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
