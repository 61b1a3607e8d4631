// Orderings shared by the index, the queries, the exports and the archive. Strings compare by UTF-16 code
// units (what `<` does), so the same corpus sorts the same on every machine and locale.

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Spans (mentions, quotes) by article path, then offset. */
export function byPathThenStart(a: { path: string; start: number }, b: { path: string; start: number }): number {
  return compareCodeUnits(a.path, b.path) || a.start - b.start;
}

/** Entities most mentioned first, then by id. */
export function byMentionsThenId(a: { id: string; mentions: { length: number } }, b: { id: string; mentions: { length: number } }): number {
  return b.mentions.length - a.mentions.length || compareCodeUnits(a.id, b.id);
}

/** Whether two lists hold the same items (===) in the same order. */
export function sameItems<T>(a: ArrayLike<T>, b: ArrayLike<T>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether `items` are in `compare`'s order already (the usual case: then no copy to sort is needed). */
export function isSortedBy<T>(items: readonly T[], compare: (a: T, b: T) => number): boolean {
  for (let i = 1; i < items.length; i++) if (compare(items[i - 1], items[i]) > 0) return false;
  return true;
}
