// Finding the mention or quote at an offset in one article's list (sorted by start): shared by every
// CorpusReader (the folder index, the archive's snapshot).
import { lastAtOrBefore } from '../util/sortedSearch';
import type { Span } from '../types';

const startOf = (span: Span): number => span.start;

/** The mention whose span contains `offset` (start <= offset <= end), if any. */
export function mentionAtOffset<T extends Span>(mentions: readonly T[], offset: number): T | undefined {
  const i = lastAtOrBefore(mentions, offset, startOf);
  return i >= 0 && offset <= mentions[i].end ? mentions[i] : undefined;
}

/** The quote whose span contains `offset`, if any. */
export function quoteAtOffset<T extends Span>(quotes: readonly T[], offset: number): T | undefined {
  // Quotes do not overlap, but look back a little in case a short one sits just before a long one.
  const last = lastAtOrBefore(quotes, offset, startOf);
  for (let i = last; i >= 0 && i > last - 4; i--) if (offset <= quotes[i].end) return quotes[i];
  return undefined;
}
