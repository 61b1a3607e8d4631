// Binary search over arrays sorted by a key. One home, so each caller says what it looks for, not how.

/** First index whose key is >= value (items.length when none), in `items` sorted ascending by `key`. */
export function lowerBound<T, K extends number | string>(items: readonly T[], value: K, key: (item: T) => K): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose key is > value (items.length when none), in `items` sorted ascending by `key`. */
export function upperBound<T, K extends number | string>(items: readonly T[], value: K, key: (item: T) => K): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * First index in [0, count) for which `before` is false (count when none), where `before` holds on a prefix:
 * for orders no single key gives (two keys, or pairs interleaved in one typed array).
 */
export function partitionPoint(count: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Last index whose key is <= value, or -1, in `items` sorted ascending by `key`. */
export function lastAtOrBefore<T, K extends number | string>(items: readonly T[], value: K, key: (item: T) => K): number {
  return upperBound(items, value, key) - 1;
}

/** lowerBound over a typed array or number list sorted ascending, searching only [from, to). */
export function lowerBoundOfNumbers(values: ArrayLike<number>, value: number, from = 0, to = values.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** upperBound over a typed array or number list sorted ascending, searching only [from, to). */
export function upperBoundOfNumbers(values: ArrayLike<number>, value: number, from = 0, to = values.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
