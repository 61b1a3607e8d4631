// One article's part of the corpus-wide view: its frozen extraction and the person ids identity resolution
// gave its mentions, turned into the typed mentions and quotes the read API hands out.
import { packedEntity, packedPartsOf, packedQuote } from './packed';
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
 * `people`, merged by offset with its organisation and place mentions (`entityIds[i]`: the id of entity
 * mention `i`; extraction keeps the two kinds apart, so they never overlap). Read straight from the packed arrays: unpacked objects in between would double what resolution
 * allocates, and the young-generation collections that copy it would block the event loop for longer.
 */
export function assembleArticle(
  path: string,
  extraction: ArticleExtraction,
  ids: readonly (string | null)[],
  people: ReadonlyMap<string, Person>,
  entityIds: readonly (string | null)[] = [],
): AssembledArticle {
  const packed = packedPartsOf(extraction);
  const { offsets, forms } = packed.mentions;
  const listed: number[] = [];
  for (let i = 0; i < forms.length; i++) {
    const personId = ids[i] ?? null;
    if (personId !== null && people.has(personId)) listed.push(i);
  }
  // Stable, as the sort of the mention objects was: same start keeps extraction order.
  if (!startsAscending(listed, (i) => offsets[2 * i])) listed.sort((a, b) => offsets[2 * a] - offsets[2 * b]);
  const named = packed.entities;
  // An organisation or place that overlaps a listed person (a tentative name the corpus confirmed) is not listed.
  const namedIds = entityIds.slice();
  let namedCount = 0;
  for (let j = 0, k = 0; j < namedIds.length; j++) {
    if (namedIds[j] === null) continue;
    const start = packedEntity.start(named, j);
    const end = packedEntity.end(named, j);
    while (k < listed.length && offsets[2 * listed[k] + 1] <= start) k++;
    if (k < listed.length && offsets[2 * listed[k]] < end) namedIds[j] = null;
    else namedCount++;
  }
  // Allocated at its exact length: the index keeps it. People and other entities merged by start.
  const mentions = new Array<Mention>(listed.length + namedCount);
  let j = 0;
  let k = 0;
  for (let out = 0; out < mentions.length; out++) {
    while (j < namedIds.length && namedIds[j] === null) j++;
    const i = k < listed.length ? listed[k] : -1;
    if (j < namedIds.length && (i < 0 || packedEntity.start(named, j) < offsets[2 * i])) {
      mentions[out] = { path, start: packedEntity.start(named, j), end: packedEntity.end(named, j), text: named.texts[j], entityId: namedIds[j]! };
      j++;
    } else {
      mentions[out] = { path, start: offsets[2 * i], end: offsets[2 * i + 1], text: forms[i].text, entityId: ids[i]! };
      k++;
    }
  }
  const packedQuotes = packed.quotes;
  const quotes = new Array<Quote>(packedQuotes.texts.length);
  for (let i = 0; i < quotes.length; i++) {
    const speakerMention = packedQuote.speakerMention(packedQuotes, i);
    const speakerId = speakerMention < 0 ? null : (ids[speakerMention] ?? null);
    const speaker = speakerId !== null && people.has(speakerId) ? speakerId : null;
    const sourceMention = packedQuote.sourceEntity(packedQuotes, i);
    quotes[i] = {
      path,
      start: packedQuote.start(packedQuotes, i),
      end: packedQuote.end(packedQuotes, i),
      text: packedQuotes.texts[i],
      speaker,
      source: speaker ?? (sourceMention < 0 ? null : (namedIds[sourceMention] ?? null)),
      group: packedQuote.group(packedQuotes, i),
      partial: packedQuote.partial(packedQuotes, i),
      unmarked: packedQuote.unmarked(packedQuotes, i),
    };
  }
  if (!startsAscending(quotes, (quote) => quote.start)) quotes.sort((a, b) => a.start - b.start);
  return { mentions, quotes };
}
