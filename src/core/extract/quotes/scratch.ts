// Typed arrays kept from one article's quote extraction to the next: extraction is synchronous, nothing made
// from them outlives extractQuotes, and a fresh ArrayBuffer per article and phase cost more than reusing a
// kept one. The one place such arrays live: the tokenizer's output buffers and the zeroed arrays lent to phases.

/** An array longer than this (a huge article's) is let go after its article rather than kept. */
const MAX_KEPT_LENGTH = 65536 + 1024;
/** Kept arrays start at this length, enough for most articles. */
const MIN_LENGTH = 16384;
/** Room a grown array leaves for a somewhat longer next article. */
const SLACK = 1024;

/** Every kept array, so that reclaimScratch lets go of the huge ones. */
const allKept: KeptArray<Uint8Array | Int32Array>[] = [];

/** One array kept from article to article: grown when an article needs more, let go after a huge one. */
export class KeptArray<A extends Uint8Array | Int32Array> {
  private array: A;

  constructor(private readonly make: (length: number) => A) {
    this.array = make(0);
    allKept.push(this);
  }

  /** The kept array, at least `length` long; not zeroed. */
  atLeast(length: number): A {
    if (this.array.length < length) this.array = this.make(Math.max(length + SLACK, MIN_LENGTH));
    return this.array;
  }

  letGoIfHuge(): void {
    if (this.array.length > MAX_KEPT_LENGTH) this.array = this.make(0);
  }
}

/** The kept arrays of one type; the first `lent` of them are the current article's. */
class ScratchPool<A extends Uint8Array | Int32Array> {
  private readonly arrays: KeptArray<A>[] = [];
  private lent = 0;

  constructor(private readonly make: (length: number) => A) {}

  /** A zeroed view of `length` elements over a kept array, the article's own until reclaim. */
  lend(length: number): A {
    if (this.lent === this.arrays.length) this.arrays.push(new KeptArray(this.make));
    const view = this.arrays[this.lent++].atLeast(length).subarray(0, length) as A;
    view.fill(0);
    return view;
  }

  reclaim(): void {
    this.lent = 0;
  }
}

const bytes = new ScratchPool((length) => new Uint8Array(length));
const ints = new ScratchPool((length) => new Int32Array(length));

/** Ends the article's use of every kept array; they go to the next article (huge ones are let go). */
export function reclaimScratch(): void {
  bytes.reclaim();
  ints.reclaim();
  for (const kept of allKept) kept.letGoIfHuge();
}

/** A zeroed Uint8Array of `length`, the article's own until reclaimScratch. */
export function scratchBytes(length: number): Uint8Array {
  return bytes.lend(length);
}

/** A zeroed Int32Array of `length`, the article's own until reclaimScratch. */
export function scratchInts(length: number): Int32Array {
  return ints.lend(length);
}
