// One string hash for the whole project.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * FNV-1a (32-bit) of text[start, end) by UTF-16 code unit, as a signed 32-bit integer (cheap to mask for a
 * table slot); `>>> 0` makes it unsigned. Fast and well spread, not cryptographic.
 */
export function fnv1a(text: string, start = 0, end = text.length): number {
  let hash = FNV_OFFSET | 0;
  for (let k = start; k < end; k++) hash = Math.imul(hash ^ text.charCodeAt(k), FNV_PRIME);
  return hash;
}

/** fnv1a of the code units codes[start, end) (see CodeUnits): the same hash as of the text they come from. */
export function fnv1aOfCodes(codes: Uint16Array, start: number, end: number): number {
  let hash = FNV_OFFSET | 0;
  for (let k = start; k < end; k++) hash = Math.imul(hash ^ codes[k], FNV_PRIME);
  return hash;
}

/** fnv1a as an unsigned 32-bit number. */
export function fnv1aUnsigned(text: string): number {
  return fnv1a(text) >>> 0;
}
