// Quotes are made here only, with their keys in one order. `sourceEntity` is left out when there is none (not
// set to undefined): packed storage gives back quotes without the key, and an extraction must read the same.
import type { ExtractedQuote } from '../../types';

export function extractedQuote(start: number, end: number, text: string, group: number, partial: boolean, unmarked: boolean, speakerMention: number | null): ExtractedQuote {
  return { start, end, text, group, partial, unmarked, speakerMention };
}

/** The quote with another speaker mention (and its source, if any). */
export function withSpeaker(q: ExtractedQuote, speakerMention: number | null): ExtractedQuote {
  const quote = extractedQuote(q.start, q.end, q.text, q.group, q.partial, q.unmarked, speakerMention);
  if (q.sourceEntity !== undefined) quote.sourceEntity = q.sourceEntity;
  return quote;
}

/** The quote with the organisation it comes from. */
export function withSource(q: ExtractedQuote, sourceEntity: number): ExtractedQuote {
  return { start: q.start, end: q.end, text: q.text, group: q.group, partial: q.partial, unmarked: q.unmarked, speakerMention: q.speakerMention, sourceEntity };
}
