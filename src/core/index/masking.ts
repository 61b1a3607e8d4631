// An extraction with the corpus' furniture lines (repeatedLines.ts) masked out: the mentions (people,
// organisations, places) and quotes inside them dropped (a speaker or source named only there is lost, as it
// would be had the line been boilerplate from the start), the lines added to the article's boilerplate. The
// extraction itself is left as it is: it stays the cached, per-article unit.
import { packedEntity, packedEntityPrefix, packedPartsOf, packedQuote, packEntities, packQuotes, StoredArticle, StoredExtraction, unpackEntities, unpackQuotes, type PackedEntities, type PackedMentions, type PackedQuotes } from './packed';
import { lowerBoundOfNumbers } from '../util/sortedSearch';
import type { Article, ArticleExtraction, ExtractedQuote, RawEntityMention, Span } from '../types';

/** Sorted, merged union of two sorted span lists. */
function mergeSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (let i = 0, j = 0; i < a.length || j < b.length; ) {
    const span = j >= b.length || (i < a.length && a[i].start <= b[j].start) ? a[i++] : b[j++];
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged.slice(); // kept as the article's boilerplate: without the room a push reserves
}

/** Tells whether [start, end) overlaps one of `spans` (sorted, not overlapping). */
function overlapTest(spans: readonly Span[]): (start: number, end: number) => boolean {
  const ends = Int32Array.from(spans, (span) => span.end);
  return (start, end) => {
    const i = lowerBoundOfNumbers(ends, start + 1);
    return i < spans.length && spans[i].start < end;
  };
}

/** Positions kept of `count` items, ascending; null when every one is (furniture rarely holds a name or quote). */
function keep(count: number, masked: (i: number) => boolean): number[] | null {
  let first = 0;
  while (first < count && !masked(first)) first++;
  if (first === count) return null;
  const kept: number[] = [];
  for (let i = 0; i < first; i++) kept.push(i);
  for (let i = first + 1; i < count; i++) if (!masked(i)) kept.push(i);
  return kept;
}

/** Every position of `count` items. */
const allOf = (count: number): number[] => Array.from({ length: count }, (_, i) => i);

/**
 * Each old position's new one (-1: dropped); null when every one is kept (where it stays). A plain array: a typed
 * array past 64 bytes is allocated outside the heap, ten times slower for a list this short-lived.
 */
function newIndexOf(count: number, kept: readonly number[] | null): number[] | null {
  if (kept === null) return null;
  const newIndex = new Array<number>(count).fill(-1);
  for (let k = 0; k < kept.length; k++) newIndex[kept[k]] = k;
  return newIndex;
}

/** The new position of `i` (-1: dropped). */
const movedTo = (newIndex: readonly number[] | null, i: number): number => (newIndex === null ? i : newIndex[i]);

/** True when every quote's speaker and source keep their positions (nothing masked before them). */
function referencesKept(quotes: PackedQuotes, mentionIndex: readonly number[] | null, entityIndex: readonly number[] | null): boolean {
  for (let i = 0; i < quotes.texts.length; i++) {
    const speaker = packedQuote.speakerMention(quotes, i);
    const source = packedQuote.sourceEntity(quotes, i);
    if ((speaker >= 0 && movedTo(mentionIndex, speaker) !== speaker) || (source >= 0 && movedTo(entityIndex, source) !== source)) return false;
  }
  return true;
}

/** The start and end offsets of the mentions at `kept`. */
function keptOffsets(offsets: ArrayLike<number>, kept: readonly number[]): Int32Array {
  const out = new Int32Array(2 * kept.length);
  for (let k = 0; k < kept.length; k++) {
    out[2 * k] = offsets[2 * kept[k]];
    out[2 * k + 1] = offsets[2 * kept[k] + 1];
  }
  return out;
}

/** The entity mentions at `kept` (ascending): the packed arrays themselves, a view of their start, or a new packing. */
function keptEntitiesOf(packed: PackedEntities, kept: readonly number[]): PackedEntities {
  const count = packedEntity.count(packed);
  if (kept.length === count) return packed;
  // Furniture is mostly at an article's end: the kept mentions are then the first ones, read through a view.
  if (kept.length > 0 && kept[kept.length - 1] === kept.length - 1) return packedEntityPrefix(packed, kept.length);
  const all = unpackEntities(packed);
  return packEntities(kept.map((i): RawEntityMention => all[i]));
}

export function maskExtraction(extraction: ArticleExtraction, spans: readonly Span[]): ArticleExtraction {
  if (spans.length === 0) return extraction;
  const inSpans = overlapTest(spans);
  const packed = packedPartsOf(extraction);
  const { article } = extraction;
  const boilerplate = mergeSpans(article.boilerplate, spans);
  const masked: Article = article instanceof StoredArticle ? article.withBoilerplate(boilerplate) : { ...article, boilerplate };

  const { offsets, forms } = packed.mentions;
  const keptMentionsAt = keep(forms.length, (i) => inSpans(offsets[2 * i], offsets[2 * i + 1]));
  const entityCount = packedEntity.count(packed.entities);
  const keptEntitiesAt = keep(entityCount, (i) => inSpans(packedEntity.start(packed.entities, i), packedEntity.end(packed.entities, i)));
  const packedQuotes = packed.quotes;
  const keptQuotesAt = keep(packedQuotes.texts.length, (i) => inSpans(packedQuote.start(packedQuotes, i), packedQuote.end(packedQuotes, i)));
  // Furniture rarely holds a name or a quote: then the packed arrays are shared as they are.
  if (keptMentionsAt === null && keptEntitiesAt === null && keptQuotesAt === null) {
    return new StoredExtraction(masked, packed.mentions, packedQuotes, packed.entities);
  }

  // A part with nothing masked is shared with the extraction: the index keeps both.
  const keptMentions: PackedMentions =
    keptMentionsAt === null ? packed.mentions : { offsets: keptOffsets(offsets, keptMentionsAt), forms: keptMentionsAt.map((i) => forms[i]) };
  const keptPackedEntities = keptEntitiesAt === null ? packed.entities : keptEntitiesOf(packed.entities, keptEntitiesAt);
  const mentionIndex = newIndexOf(forms.length, keptMentionsAt);
  const entityIndex = newIndexOf(entityCount, keptEntitiesAt);
  if (keptQuotesAt === null && referencesKept(packedQuotes, mentionIndex, entityIndex)) {
    return new StoredExtraction(masked, keptMentions, packedQuotes, keptPackedEntities);
  }
  const allQuotes = unpackQuotes(packedQuotes);
  const keptQuotes = (keptQuotesAt ?? allOf(packedQuotes.texts.length)).map((i): ExtractedQuote => {
    const { sourceEntity, ...quote } = allQuotes[i];
    const speaker = quote.speakerMention;
    quote.speakerMention = speaker === null || movedTo(mentionIndex, speaker) < 0 ? null : movedTo(mentionIndex, speaker);
    if (sourceEntity !== undefined && movedTo(entityIndex, sourceEntity) >= 0) (quote as ExtractedQuote).sourceEntity = movedTo(entityIndex, sourceEntity);
    return quote;
  });
  return new StoredExtraction(masked, keptMentions, packQuotes(keptQuotes, keptQuotes.map((q) => q.text)), keptPackedEntities);
}
