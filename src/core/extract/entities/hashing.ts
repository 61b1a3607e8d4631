// Hashes of token text read straight from the article (no strings cut), and of feature values.

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** A code unit folded the way every word feature sees it: lower case, digits as 0, ’ as '. */
export function foldCode(c: number): number {
  if (c >= 65 && c <= 90) return c | 32;
  if (c >= 48 && c <= 57) return 48;
  if (c < 128) return c;
  if (c >= 192 && c <= 222 && c !== 215) return c + 32;
  if (c === 0x2019 || c === 0x2018) return 39;
  return c;
}

/** FNV-1a step: the hash so far combined with one more code unit. */
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

export const HASH_START = FNV_OFFSET;

/** Hash of text[start, end) folded (lower case, digits as 0): the key of lexicon lookups and word features. */
export function foldedHash(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let k = start; k < end; k++) hash = Math.imul(hash ^ foldCode(text.charCodeAt(k)), FNV_PRIME);
  return hash;
}

/** Hash of text[start, end) as written, digits as 0: case-sensitive word features and acronym lookups. */
export function casedHash(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    hash = Math.imul(hash ^ (c >= 48 && c <= 57 ? 48 : c), FNV_PRIME);
  }
  return hash;
}

/** A feature: template number and value mixed into 32 well-spread bits (murmur3's finaliser). */
export function feature(template: number, value: number): number {
  let h = Math.imul(value ^ Math.imul(template, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Two values combined into one (for conjunction features). */
export function pair(a: number, b: number): number {
  return Math.imul(a ^ (b >>> 7), 0x01000193) + b;
}
