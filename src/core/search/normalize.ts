// The forms search compares text in: typographic punctuation folded (length-preserving, so fuse's highlight indices
// stay valid in the original text), and for names also diacritics and case.

/** Length-preserving fold of typographic punctuation, so "there's" finds "There’s" and highlight indices stay valid. */
export function foldPunctuation(text: string): string {
  return text.replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'").replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"').replace(/[\u2013\u2014\u2212]/g, '-');
}

/** Lower-cases, folds diacritics and typographic punctuation: the normal form for comparing names. */
export function normalizeForSearch(text: string): string {
  return foldPunctuation(text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')).toLowerCase();
}
