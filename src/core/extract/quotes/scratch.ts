// Typed arrays lent to one article's quote extraction and lent again to the next: extraction is synchronous,
// nothing made from them outlives extractQuotes, and a fresh ArrayBuffer per article and phase cost more
// than zeroing a kept one.

/** An array longer than this (a huge article's) is let go after its article rather than kept. */
const MAX_KEPT_LENGTH = 65536 + 1024;
/** Kept arrays start at this length, enough for most articles. */
const MIN_LENGTH = 16384;

const bytes: Uint8Array[] = [];
const ints: Int32Array[] = [];
let bytesLent = 0;
let intsLent = 0;

/** Ends the article's use of every array lent so far; they go to the next article (huge ones are let go). */
export function reclaimScratch(): void {
  bytesLent = 0;
  intsLent = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i].length > MAX_KEPT_LENGTH) bytes[i] = new Uint8Array(0);
  for (let i = 0; i < ints.length; i++) if (ints[i].length > MAX_KEPT_LENGTH) ints[i] = new Int32Array(0);
}

/** A zeroed Uint8Array of `length`, the article's own until reclaimScratch. */
export function scratchBytes(length: number): Uint8Array {
  let buffer = bytes[bytesLent];
  if (buffer === undefined || buffer.length < length) bytes[bytesLent] = buffer = new Uint8Array(Math.max(length, MIN_LENGTH));
  bytesLent++;
  const view = buffer.subarray(0, length);
  view.fill(0);
  return view;
}

/** A zeroed Int32Array of `length`, the article's own until reclaimScratch. */
export function scratchInts(length: number): Int32Array {
  let buffer = ints[intsLent];
  if (buffer === undefined || buffer.length < length) ints[intsLent] = buffer = new Int32Array(Math.max(length, MIN_LENGTH));
  intsLent++;
  const view = buffer.subarray(0, length);
  view.fill(0);
  return view;
}
