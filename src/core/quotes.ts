import type { ExtractedQuote, RawMention, Span } from './types';

/** Finds quotations in one article and attributes each to a mention (by index) or to nobody. */
export function extractQuotes(_text: string, _exclude: readonly Span[], _mentions: readonly RawMention[]): ExtractedQuote[] {
  return []; // TODO(quotes)
}
