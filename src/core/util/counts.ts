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
