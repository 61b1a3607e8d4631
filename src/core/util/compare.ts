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
