// Typed arrays lent to one article's quote extraction and lent again to the next: extraction is synchronous,
// nothing made from them outlives extractQuotes, and a fresh ArrayBuffer per article and phase cost more
// than zeroing a kept one.

/** An array longer than this (a huge article's) is let go after its article rather than kept. */
const MAX_KEPT_LENGTH = 65536 + 1024;
/** Kept arrays start at this length, enough for most articles. */
const MIN_LENGTH = 16384;

/** The kept arrays of one type; the first `lent` of them are the current article's. */
class ScratchPool<A extends Uint8Array | Int32Array> {
  private readonly arrays: A[] = [];
  private lent = 0;

  constructor(private readonly make: (length: number) => A) {}

  /** A zeroed view of `length` elements over a kept array, the article's own until reclaim. */
  lend(length: number): A {
    let array = this.arrays[this.lent];
    if (array === undefined || array.length < length) this.arrays[this.lent] = array = this.make(Math.max(length, MIN_LENGTH));
    this.lent++;
    const view = array.subarray(0, length) as A;
    view.fill(0);
    return view;
  }

  reclaim(): void {
    this.lent = 0;
    for (let i = 0; i < this.arrays.length; i++) if (this.arrays[i].length > MAX_KEPT_LENGTH) this.arrays[i] = this.make(0);
  }
}

const bytes = new ScratchPool((length) => new Uint8Array(length));
const ints = new ScratchPool((length) => new Int32Array(length));

/** Ends the article's use of every array lent so far; they go to the next article (huge ones are let go). */
export function reclaimScratch(): void {
  bytes.reclaim();
  ints.reclaim();
}

/** A zeroed Uint8Array of `length`, the article's own until reclaimScratch. */
export function scratchBytes(length: number): Uint8Array {
  return bytes.lend(length);
}

/** A zeroed Int32Array of `length`, the article's own until reclaimScratch. */
export function scratchInts(length: number): Int32Array {
  return ints.lend(length);
}
