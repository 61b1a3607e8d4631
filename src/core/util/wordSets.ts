// Word sets that answer "is this word of the text in the set?" without cutting the word out first.
import { foldAscii } from './chars';
import { fnv1a, fnv1aOfCodes } from './hash';
import { detach } from './strings';

/**
 * A cheap, exact pre-check for "is this word's lower case in the set?" that needs no string: keyed by
 * length and first and last characters (ASCII letters folded to lower case). False means certainly not in
 * the set; true means look it up. Words with a character beyond ASCII, or longer than the table, always
 * answer true (their lower case may differ in length, and they are rare).
 */
export class WordFilter {
  private static readonly MAX_LENGTH = 31;
  /**
   * Per length and first character, a bit per last character's code modulo 32 (the 26 letters get a bit
   * each): 16 KB, which stays in the cache where a byte per length, first and last character (512 KB) did not.
   */
  private readonly table = new Uint32Array((WordFilter.MAX_LENGTH + 1) * 128);
  private readonly longest: number;

  constructor(words: Iterable<string>) {
    let longest = 0;
    for (const word of words) {
      longest = Math.max(longest, word.length);
      if (word.length === 0 || word.length > WordFilter.MAX_LENGTH) continue;
      const first = word.charCodeAt(0);
      const last = word.charCodeAt(word.length - 1);
      // An entry with a character beyond ASCII can only equal the lower case of a word beyond ASCII, which
      // always answers true; an entry with an ASCII capital never equals a lower-cased word.
      if (first > 127 || last > 127) continue;
      this.table[(word.length << 7) | first] |= 1 << (last & 31);
    }
    this.longest = longest;
  }

  /** Whether text[start, end), lower-cased, may be in the set. `ascii`: no character of it is beyond ASCII. */
  mayContain(text: string, start: number, end: number, ascii: boolean): boolean {
    const length = end - start;
    if (!ascii || length === 0) return true;
    if (length > WordFilter.MAX_LENGTH) return length <= this.longest;
    const first = foldAscii(text.charCodeAt(start));
    const last = foldAscii(text.charCodeAt(end - 1));
    return (this.table[(length << 7) | first] & (1 << (last & 31))) !== 0;
  }
}

/**
 * Interns words read straight from a text: `find(text, start, end)` gives the same slot for the same
 * characters wherever they occur, without cutting text[start, end) out first, and each word's value is
 * computed once. Extraction looks up every capitalised word of every article; cutting and hashing a
 * fresh string each time is the cost this avoids. Bounded: forgets everything past `maxWords` words.
 */
export class WordInterner<V> {
  private keys: string[] = [];
  private values: V[] = [];
  /** Open addressing, linear probing; slot + 1 into keys/values, 0 for empty. */
  private slots = new Int32Array(1024);
  private hashes = new Int32Array(1024);

  constructor(
    private readonly valueOf: (word: string) => V,
    private readonly maxWords = 50_000,
  ) {}

  /** The entry of text[start, end), added when new: read it with word() and value() before the next find. */
  find(text: string, start: number, end: number): number {
    return this.entryOf(text, null, start, end, fnv1a(text, start, end));
  }

  /** find, reading the word from `codes`, the code units of `text` (see CodeUnits): faster than the string. */
  findCodes(text: string, codes: Uint16Array, start: number, end: number): number {
    return this.entryOf(text, codes, start, end, fnv1aOfCodes(codes, start, end));
  }

  /** The probe of find and findCodes: the word's characters read from `codes` when given, else from `text`. */
  private entryOf(text: string, codes: Uint16Array | null, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const entry = this.slots[at] - 1;
      if (entry < 0) return this.add(text, start, end, hash);
      if (this.hashes[at] !== hash) continue;
      const key = this.keys[entry];
      if (key.length !== length) continue;
      let k = 0;
      if (codes !== null) while (k < length && key.charCodeAt(k) === codes[start + k]) k++;
      else while (k < length && key.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === length) return entry;
    }
  }

  word(entry: number): string {
    return this.keys[entry];
  }

  value(entry: number): V {
    return this.values[entry];
  }

  get size(): number {
    return this.keys.length;
  }

  private add(text: string, start: number, end: number, hash: number): number {
    if (this.keys.length >= this.maxWords) this.clear();
    else if ((this.keys.length + 1) * 2 > this.slots.length) this.grow();
    // A copy, so the table does not keep the text it was read from alive.
    const word = detach(text.slice(start, end));
    const entry = this.keys.length;
    this.keys.push(word);
    this.values.push(this.valueOf(word));
    this.place(entry, hash);
    return entry;
  }

  private place(entry: number, hash: number): void {
    const mask = this.slots.length - 1;
    let at = hash & mask;
    while (this.slots[at] !== 0) at = (at + 1) & mask;
    this.slots[at] = entry + 1;
    this.hashes[at] = hash;
  }

  private grow(): void {
    const oldSlots = this.slots;
    const oldHashes = this.hashes;
    this.slots = new Int32Array(oldSlots.length * 2);
    this.hashes = new Int32Array(oldSlots.length * 2);
    for (let at = 0; at < oldSlots.length; at++) if (oldSlots[at] !== 0) this.place(oldSlots[at] - 1, oldHashes[at]);
  }

  private clear(): void {
    this.keys = [];
    this.values = [];
    this.slots = new Int32Array(1024);
    this.hashes = new Int32Array(1024);
  }
}

/**
 * An exact "is this ASCII word's lower case in the set?" that needs no string: words are hashed and
 * compared by character code, ASCII capitals folded to lower case. Only for ranges with no character
 * beyond ASCII (callers look anything else up in a plain Set); entries that a lower-cased ASCII word can
 * never equal (a capital or a character beyond ASCII) are left out.
 */
export class AsciiWordSet {
  private readonly words: string[] = [];
  /** Open addressing: index + 1 into `words`, 0 for an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly hasEmpty: boolean;

  constructor(words: Iterable<string>) {
    const distinct = new Set(words);
    this.hasEmpty = distinct.has('');
    const kept = [...distinct].filter((word) => word.length > 0 && [...word].every((c) => c.charCodeAt(0) < 128 && !(c >= 'A' && c <= 'Z')));
    let size = 16;
    while (size < kept.length * 4) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (const word of kept) {
      let slot = AsciiWordSet.hash(word, 0, word.length) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.words.push(word);
      this.slots[slot] = this.words.length;
    }
  }

  /** Whether text[start, end), lower-cased, is in the set. The range must be ASCII. */
  has(text: string, start: number, end: number): boolean {
    const length = end - start;
    if (length <= 0) return length === 0 && this.hasEmpty;
    for (let slot = AsciiWordSet.hash(text, start, end) & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot];
      if (entry === 0) return false;
      const word = this.words[entry - 1];
      if (word.length !== length) continue;
      let i = 0;
      while (i < length && word.charCodeAt(i) === foldAscii(text.charCodeAt(start + i))) i++;
      if (i === length) return true;
    }
  }

  private static hash(text: string, start: number, end: number): number {
    let h = end - start;
    for (let i = start; i < end; i++) h = Math.imul(h, 31) + foldAscii(text.charCodeAt(i));
    return h ^ (h >>> 15);
  }
}
