// Counts per 32-bit key (line hashes) in an open-addressing table of two Int32Arrays: ~10 bytes a key where a
// Map takes ~35. Like `addCount` on a map, a count back at zero removes its key.

/** Fibonacci hashing: spreads keys that differ only in high bits over the table's low ones. */
const SPREAD = 0x9e3779b1 | 0;
const MIN_BITS = 4;

export class KeyCounts {
  private bits = MIN_BITS;
  private keys = new Int32Array(1 << MIN_BITS);
  /** 0: the slot is free (a key whose count is zero is not kept). */
  private counts = new Int32Array(1 << MIN_BITS);
  private used = 0;

  get(key: number): number {
    const slot = this.find(key);
    return slot < 0 ? 0 : this.counts[slot];
  }

  /** Adds `delta` to the count of `key`; a count of zero removes the key. */
  add(key: number, delta: number): void {
    if (delta === 0) return;
    const slot = this.find(key);
    if (slot >= 0) {
      const count = this.counts[slot] + delta;
      if (count === 0) this.removeAt(slot);
      else this.counts[slot] = count;
      return;
    }
    // At most three quarters full.
    if ((this.used + 1) * 4 > this.keys.length * 3) this.resize(this.bits + 1);
    const mask = this.keys.length - 1;
    let free = this.home(key);
    while (this.counts[free] !== 0) free = (free + 1) & mask;
    this.keys[free] = key;
    this.counts[free] = delta;
    this.used++;
  }

  /** Calls `visit` with every key and its count (in table order). */
  forEach(visit: (key: number, count: number) => void): void {
    const { keys, counts } = this;
    for (let slot = 0; slot < keys.length; slot++) if (counts[slot] !== 0) visit(keys[slot], counts[slot]);
  }

  private home(key: number): number {
    return Math.imul(key, SPREAD) >>> (32 - this.bits);
  }

  private find(key: number): number {
    const { keys, counts } = this;
    const mask = keys.length - 1;
    for (let slot = this.home(key); counts[slot] !== 0; slot = (slot + 1) & mask) if (keys[slot] === key) return slot;
    return -1;
  }

  /** Empties a slot, moving back the keys after it that would no longer be found (no tombstones). */
  private removeAt(slot: number): void {
    const { keys, counts } = this;
    const mask = keys.length - 1;
    let hole = slot;
    for (let next = (hole + 1) & mask; counts[next] !== 0; next = (next + 1) & mask) {
      // The key at `next` may fill the hole unless its home lies cyclically after the hole, up to `next`.
      const home = this.home(keys[next]);
      const homeAfterHole = hole <= next ? home > hole && home <= next : home > hole || home <= next;
      if (homeAfterHole) continue;
      keys[hole] = keys[next];
      counts[hole] = counts[next];
      hole = next;
    }
    counts[hole] = 0;
    this.used--;
  }

  private resize(bits: number): void {
    const { keys, counts } = this;
    this.bits = bits;
    this.keys = new Int32Array(1 << bits);
    this.counts = new Int32Array(1 << bits);
    this.used = 0;
    for (let slot = 0; slot < keys.length; slot++) if (counts[slot] !== 0) this.add(keys[slot], counts[slot]);
  }
}
