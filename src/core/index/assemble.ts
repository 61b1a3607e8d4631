// One article's part of the corpus-wide view: its frozen extraction and the person ids identity resolution
// gave its mentions, turned into the typed mentions and quotes the read API hands out.
import { ArticleMentions } from './mentionLists';
import { packedEntity, packedPartsOf, packedQuote } from './packed';
import type { ArticleExtraction, Person } from '../types';
import { isSortedBy } from '../util/compare';

/**
 * One article's mentions (packed, see mentionLists.ts) and quotes with person ids (`ids[i]` is the id of mention `i`), keeping only ids of
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
): ArticleMentions {
  const packed = packedPartsOf(extraction);
  const { offsets, forms } = packed.mentions;
  const listed: number[] = [];
  for (let i = 0; i < forms.length; i++) {
    const personId = ids[i] ?? null;
    if (personId !== null && people.has(personId)) listed.push(i);
  }
  // Stable, as the sort of the mention objects was: same start keeps extraction order.
  const byStart = (a: number, b: number): number => offsets[2 * a] - offsets[2 * b];
  if (!isSortedBy(listed, byStart)) listed.sort(byStart);
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
  // People and other entities merged by start: a person mention's index, or ~index of an organisation or place mention.
  const total = listed.length + namedCount;
  const refs = new Array<number>(total);
  const refIds = new Array<string>(total);
  let j = 0;
  let k = 0;
  for (let out = 0; out < total; out++) {
    while (j < namedIds.length && namedIds[j] === null) j++;
    const i = k < listed.length ? listed[k] : -1;
    if (j < namedIds.length && (i < 0 || packedEntity.start(named, j) < offsets[2 * i])) {
      refs[out] = ~j;
      refIds[out] = namedIds[j]!;
      j++;
    } else {
      refs[out] = i;
      refIds[out] = ids[i]!;
      k++;
    }
  }
  const packedQuotes = packed.quotes;
  const quoteCount = packedQuotes.texts.length;
  let sorted = true;
  for (let i = 1; i < quoteCount && sorted; i++) sorted = packedQuote.start(packedQuotes, i - 1) <= packedQuote.start(packedQuotes, i);
  // Stable, as the sort of the quote objects was: same start keeps extraction order.
  const byQuoteStart = (a: number, b: number): number => packedQuote.start(packedQuotes, a) - packedQuote.start(packedQuotes, b);
  const quoteOrder = sorted ? null : Int32Array.from(Array.from({ length: quoteCount }, (_, i) => i).sort(byQuoteStart));
  return new ArticleMentions(path, extraction, packed, refs, refIds, quoteOrder);
}
