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

/** Positions kept of `count` items, and each old position's new one (-1: dropped). */
function keep(count: number, masked: (i: number) => boolean): { kept: number[]; newIndex: Int32Array } {
  const kept: number[] = [];
  const newIndex = new Int32Array(count).fill(-1);
  for (let i = 0; i < count; i++) {
    if (masked(i)) continue;
    newIndex[i] = kept.length;
    kept.push(i);
  }
  return { kept, newIndex };
}

/** True when every quote's speaker and source keep their positions (`newIndex`: nothing masked before them). */
function referencesKept(quotes: PackedQuotes, mentionIndex: Int32Array, entityIndex: Int32Array): boolean {
  for (let i = 0; i < quotes.texts.length; i++) {
    const speaker = packedQuote.speakerMention(quotes, i);
    const source = packedQuote.sourceEntity(quotes, i);
    if ((speaker >= 0 && mentionIndex[speaker] !== speaker) || (source >= 0 && entityIndex[source] !== source)) return false;
  }
  return true;
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
  const mentions = keep(forms.length, (i) => inSpans(offsets[2 * i], offsets[2 * i + 1]));
  const entities = keep(packedEntity.count(packed.entities), (i) => inSpans(packedEntity.start(packed.entities, i), packedEntity.end(packed.entities, i)));
  const packedQuotes = packed.quotes;
  const quotes = keep(packedQuotes.texts.length, (i) => inSpans(packedQuote.start(packedQuotes, i), packedQuote.end(packedQuotes, i)));
  // Furniture rarely holds a name or a quote: then the packed arrays are shared as they are.
  if (mentions.kept.length === forms.length && entities.kept.length === packedEntity.count(packed.entities) && quotes.kept.length === packedQuotes.texts.length) {
    return new StoredExtraction(masked, packed.mentions, packedQuotes, packed.entities);
  }

  // A part with nothing masked is shared with the extraction: the index keeps both.
  const keptMentions: PackedMentions =
    mentions.kept.length === forms.length
      ? packed.mentions
      : { offsets: Int32Array.from(mentions.kept.flatMap((i) => [offsets[2 * i], offsets[2 * i + 1]])), forms: mentions.kept.map((i) => forms[i]) };
  const keptPackedEntities = keptEntitiesOf(packed.entities, entities.kept);
  if (quotes.kept.length === packedQuotes.texts.length && referencesKept(packedQuotes, mentions.newIndex, entities.newIndex)) {
    return new StoredExtraction(masked, keptMentions, packedQuotes, keptPackedEntities);
  }
  const allQuotes = unpackQuotes(packedQuotes);
  const keptQuotes = quotes.kept.map((i): ExtractedQuote => {
    const { sourceEntity, ...quote } = allQuotes[i];
    const speaker = quote.speakerMention;
    quote.speakerMention = speaker === null || mentions.newIndex[speaker] < 0 ? null : mentions.newIndex[speaker];
    if (sourceEntity !== undefined && entities.newIndex[sourceEntity] >= 0) (quote as ExtractedQuote).sourceEntity = entities.newIndex[sourceEntity];
    return quote;
  });
  return new StoredExtraction(masked, keptMentions, packQuotes(keptQuotes, keptQuotes.map((q) => q.text)), keptPackedEntities);
}
