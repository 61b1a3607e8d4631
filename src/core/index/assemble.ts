// One article's part of the corpus-wide view: its frozen extraction and the person ids identity resolution
// gave its mentions, turned into the typed mentions and quotes the read API hands out.
import { packedPartsOf, packedQuote } from './packed';
import type { ArticleExtraction, Mention, Person, Quote } from '../types';

/** One article's mentions (of known people, by offset) and quotes (by offset, speakers resolved). */
export interface AssembledArticle {
  mentions: Mention[];
  quotes: Quote[];
}

/** True when `startOf` never decreases along `items` (the usual order: then no sort is needed). */
function startsAscending<T>(items: readonly T[], startOf: (item: T) => number): boolean {
  for (let i = 1; i < items.length; i++) if (startOf(items[i]) < startOf(items[i - 1])) return false;
  return true;
}

/**
 * One article's mentions and quotes with person ids (`ids[i]` is the id of mention `i`), keeping only ids of
 * `people`. Read straight from the packed arrays: unpacked objects in between would double what resolution
 * allocates, and the young-generation collections that copy it would block the event loop for longer.
 */
export function assembleArticle(path: string, extraction: ArticleExtraction, ids: readonly (string | null)[], people: ReadonlyMap<string, Person>): AssembledArticle {
  const packed = packedPartsOf(extraction);
  const { offsets, forms } = packed.mentions;
  const listed: number[] = [];
  for (let i = 0; i < forms.length; i++) {
    const personId = ids[i] ?? null;
    if (personId !== null && people.has(personId)) listed.push(i);
  }
  // Stable, as the sort of the mention objects was: same start keeps extraction order.
  if (!startsAscending(listed, (i) => offsets[2 * i])) listed.sort((a, b) => offsets[2 * a] - offsets[2 * b]);
  // Allocated at its exact length: the index keeps it.
  const mentions = new Array<Mention>(listed.length);
  for (let k = 0; k < listed.length; k++) {
    const i = listed[k];
    mentions[k] = { path, start: offsets[2 * i], end: offsets[2 * i + 1], text: forms[i].text, entityId: ids[i]! };
  }
  const packedQuotes = packed.quotes;
  const quotes = new Array<Quote>(packedQuotes.texts.length);
  for (let i = 0; i < quotes.length; i++) {
    const speakerMention = packedQuote.speakerMention(packedQuotes, i);
    const speakerId = speakerMention < 0 ? null : (ids[speakerMention] ?? null);
    const speaker = speakerId !== null && people.has(speakerId) ? speakerId : null;
    quotes[i] = {
      path,
      start: packedQuote.start(packedQuotes, i),
      end: packedQuote.end(packedQuotes, i),
      text: packedQuotes.texts[i],
      speaker,
      source: speaker,
      group: packedQuote.group(packedQuotes, i),
      partial: packedQuote.partial(packedQuotes, i),
      unmarked: packedQuote.unmarked(packedQuotes, i),
    };
  }
  if (!startsAscending(quotes, (quote) => quote.start)) quotes.sort((a, b) => a.start - b.start);
  return { mentions, quotes };
}
