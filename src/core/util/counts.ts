// Counts kept in maps that forget a key when its count returns to zero, so adding and then removing the
// same evidence leaves the map as it was (the incremental identity index relies on that).

/** Adds `delta` to the count of `key`; a count of zero removes the key. */
export function addCount<K>(map: Map<K, number>, key: K, delta: number): void {
  const n = (map.get(key) ?? 0) + delta;
  if (n === 0) map.delete(key);
  else map.set(key, n);
}

/** addCount in the inner map of `key`; an inner map left empty removes `key`. */
export function addToIndex<K, V>(map: Map<K, Map<V, number>>, key: K, value: V, delta: number): void {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  addCount(inner, value, delta);
  if (inner.size === 0) map.delete(key);
}

/** Keys a tally keeps in a flat array before it takes a map. */
const FEW_KEYS = 16;

/**
 * Counts of few keys (addCount's semantics, for the thousands of small tallies an index keeps): null for none,
 * a flat array of keys and counts sized to fit (a linear scan: about a third of a map's bytes), or a map past
 * FEW_KEYS keys. Keys keep the order they were added in, as in a map.
 */
export type Tally<K> = null | FewCounts<K> | Map<K, number>;

/** Keys at even places, each followed by its count; never empty. */
interface FewCounts<K> {
  readonly length: number;
  readonly [slot: number]: K | number;
}

/** `addCount` on a tally: returns the tally to keep (another one when it changes shape). */
export function addToTally<K>(tally: Tally<K>, key: K, delta: number): Tally<K> {
  if (tally === null) return delta === 0 ? null : [key, delta];
  if (tally instanceof Map) {
    addCount(tally, key, delta);
    return tally.size === 0 ? null : tally;
  }
  const slots = tally as (K | number)[];
  for (let at = 0; at < slots.length; at += 2) {
    if (slots[at] !== key) continue;
    const count = (slots[at + 1] as number) + delta;
    if (count !== 0) {
      slots[at + 1] = count;
      return tally;
    }
    if (slots.length === 2) return null;
    // Copied rather than spliced or pushed: the array stays sized to fit.
    const rest = new Array<K | number>(slots.length - 2);
    for (let from = 0, to = 0; from < slots.length; from++) if (from !== at && from !== at + 1) rest[to++] = slots[from];
    return rest;
  }
  if (delta === 0) return tally;
  if (slots.length < 2 * FEW_KEYS) {
    const grown = new Array<K | number>(slots.length + 2);
    for (let at = 0; at < slots.length; at++) grown[at] = slots[at];
    grown[slots.length] = key;
    grown[slots.length + 1] = delta;
    return grown;
  }
  const map = new Map<K, number>();
  for (let at = 0; at < slots.length; at += 2) map.set(slots[at] as K, slots[at + 1] as number);
  map.set(key, delta);
  return map;
}

/** The count of a key in a tally (0 for none). */
export function tallyCount<K>(tally: Tally<K>, key: K): number {
  if (tally === null) return 0;
  if (tally instanceof Map) return tally.get(key) ?? 0;
  for (let at = 0; at < tally.length; at += 2) if (tally[at] === key) return tally[at + 1] as number;
  return 0;
}

/** The keys of a tally, in the order they were added. */
export function* tallyKeys<K>(tally: Tally<K>): Iterable<K> {
  if (tally === null) return;
  if (tally instanceof Map) yield* tally.keys();
  else for (let at = 0; at < tally.length; at += 2) yield tally[at] as K;
}

/** The keys of a tally with their counts, in the order they were added. */
export function* tallyEntries<K>(tally: Tally<K>): Iterable<[K, number]> {
  if (tally === null) return;
  if (tally instanceof Map) yield* tally.entries();
  else for (let at = 0; at < tally.length; at += 2) yield [tally[at] as K, tally[at + 1] as number];
}

/** addToTally in the tally of `key`; a tally left empty removes `key`. */
export function addToTallies<K, V>(map: Map<K, Tally<V>>, key: K, value: V, delta: number): void {
  const tally = addToTally(map.get(key) ?? null, value, delta);
  if (tally === null) map.delete(key);
  else map.set(key, tally);
}
