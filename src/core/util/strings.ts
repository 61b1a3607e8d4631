// Copies of strings that do not keep their source alive, for anything the index keeps.

/** V8 copies shorter substrings; from this length on a substring is a view that keeps its parent alive. */
export const SLICED_STRING_MIN_LENGTH = 13;

/**
 * A copy of `s` that does not keep the string it was cut from alive. V8 represents a slice or regex match of
 * 13+ characters as a view into its parent, so a long-lived cache keyed by a word of an article would
 * otherwise keep the whole article text in memory after the index dropped it.
 */
export function detach(s: string): string {
  return s.length < SLICED_STRING_MIN_LENGTH ? s : (' ' + s).slice(1);
}

const encoder = new TextEncoder();
// ignoreBOM keeps a leading U+FEFF in the text: the loader already stripped the file's own BOM.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
/** In a `u` regex, a surrogate matches only when it is not half of a pair: text UTF-8 cannot hold. */
const LONE_SURROGATE = /\p{Cs}/u;
/** True when the text round-trips through UTF-8 (`isWellFormed` is ~5x faster than the regex where it exists). */
const wellFormed = (text: string): boolean => (text as { isWellFormed?: () => boolean }).isWellFormed?.() ?? !LONE_SURROGATE.test(text);
const BEYOND_LATIN1 = /[^\0-\xff]/;

/**
 * The text as UTF-8 bytes when that is smaller than V8's two-byte string and decodes back to the same
 * text; otherwise the text itself (Latin-1 text is already one byte per character).
 */
export function compactText(text: string): string | Uint8Array {
  if (!BEYOND_LATIN1.test(text) || !wellFormed(text)) return text;
  const bytes = encoder.encode(text);
  return bytes.length < 2 * text.length ? bytes : text;
}

export function expandText(stored: string | Uint8Array): string {
  return typeof stored === 'string' ? stored : decoder.decode(stored);
}

/**
 * A copy of `s` that does not keep the string it was sliced from alive, one byte per character when its
 * characters allow (a slice of a two-byte article is two-byte even when it holds only Latin-1).
 */
export function ownString(s: string): string {
  if (s.length < SLICED_STRING_MIN_LENGTH) return s;
  return wellFormed(s) ? decoder.decode(encoder.encode(s)) : detach(s);
}

/**
 * `ownString` of each, in one copy: the texts are joined, copied once and sliced again (one encode per call
 * instead of one per string; the slices share the copy, not the article).
 */
export function ownStrings(texts: readonly string[]): string[] {
  const copy = ownString(texts.join(''));
  const out = new Array<string>(texts.length);
  let at = 0;
  for (let i = 0; i < texts.length; i++) {
    out[i] = copy.slice(at, (at += texts[i].length));
  }
  return out;
}

/** A new string with the characters of `s` (V8 stores it one byte per character when it can). */
export function copyString(s: string): string {
  if (s.length > 256) return (' ' + s).slice(1);
  const codes = new Array<number>(s.length);
  for (let i = 0; i < s.length; i++) codes[i] = s.charCodeAt(i);
  return String.fromCharCode(...codes);
}
