// Word-sequence keys (integers below 2^53, see `wordsKey`) to node ids, in typed arrays: a Map would box each
// key as a heap number, a garbage collector's worth at 100,000 quotes.

const EMPTY = -1;
const REMOVED = -2;

export class KeyTable {
  private keys = new Float64Array(1024);
  private ids = new Int32Array(1024).fill(EMPTY);
  private used = 0;

  get(key: number): number | undefined {
    const mask = this.ids.length - 1;
    for (let slot = key >>> 0 & mask; ; slot = (slot + 1) & mask) {
      const id = this.ids[slot];
      if (id === EMPTY) return undefined;
      if (id !== REMOVED && this.keys[slot] === key) return id;
    }
  }

  set(key: number, id: number): void {
    if ((this.used + 1) * 2 > this.ids.length) this.grow();
    const mask = this.ids.length - 1;
    let free = -1;
    for (let slot = key >>> 0 & mask; ; slot = (slot + 1) & mask) {
      const current = this.ids[slot];
      if (current === EMPTY) {
        const at = free >= 0 ? free : slot;
        if (free < 0) this.used++;
        this.keys[at] = key;
        this.ids[at] = id;
        return;
      }
      if (current === REMOVED) {
        if (free < 0) free = slot;
      } else if (this.keys[slot] === key) {
        this.ids[slot] = id;
        return;
      }
    }
  }

  delete(key: number): void {
    const mask = this.ids.length - 1;
    for (let slot = key >>> 0 & mask; ; slot = (slot + 1) & mask) {
      const id = this.ids[slot];
      if (id === EMPTY) return;
      if (id !== REMOVED && this.keys[slot] === key) {
        this.ids[slot] = REMOVED;
        return;
      }
    }
  }

  /** Gives every id its new number (`newId[id]`, -1: gone) in place: the keys keep their slots. */
  renumber(newId: Int32Array): void {
    const { ids } = this;
    for (let slot = 0; slot < ids.length; slot++) {
      const id = ids[slot];
      if (id < 0) continue;
      const renumbered = newId[id];
      ids[slot] = renumbered >= 0 ? renumbered : REMOVED;
    }
  }

  /** Doubles the table (or rebuilds it at its size when removals fill it), dropping removed slots. */
  private grow(): void {
    const { keys, ids } = this;
    let live = 0;
    for (let slot = 0; slot < ids.length; slot++) if (ids[slot] >= 0) live++;
    const size = (live + 1) * 2 > ids.length / 2 ? ids.length * 2 : ids.length;
    this.keys = new Float64Array(size);
    this.ids = new Int32Array(size).fill(EMPTY);
    this.used = 0;
    for (let slot = 0; slot < ids.length; slot++) if (ids[slot] >= 0) this.set(keys[slot], ids[slot]);
  }
}
