// Abbreviations written with a dot inside a run of capitalised words ("Mr. Smith", "Gen. Mattis"): the mention
// scanner splits a run into sentences at every other dot.

/** Abbreviations whose dot does not end a sentence. Lower-cased, without the dot. */
export const DOTTED_ABBREVIATIONS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'adm', 'brig', 'cdr', 'cmdr', 'sgt', 'cpl', 'pte', 'prof', 'rev', 'revd', 'fr', 'sen', 'rep', 'gov', 'jr', 'sr', 'mme', 'mlle', 'insp', 'det', 'supt', 'messrs', 'm']);
