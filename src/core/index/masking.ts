// An extraction with the corpus' furniture lines (repeatedLines.ts) masked out: the mentions and quotes inside
// them dropped (a speaker named only there is lost, as it would be had the line been boilerplate from the
// start), the lines added to the article's boilerplate. The extraction itself is left as it is: it stays the
// cached, per-article unit.
import { packedPartsOf, packedQuote, packQuotes, StoredArticle, StoredExtraction, type PackedMentions } from './packed';
import { lowerBoundOfNumbers } from '../util/sortedSearch';
import type { Article, ArticleExtraction, ExtractedQuote, Span } from '../types';

/** Sorted, merged union of two sorted span lists. */
function mergeSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (let i = 0, j = 0; i < a.length || j < b.length; ) {
    const span = j >= b.length || (i < a.length && a[i].start <= b[j].start) ? a[i++] : b[j++];
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/** Whether [start, end) overlaps one of `spans` (sorted, not overlapping; `ends` are their ends). */
function overlaps(spans: readonly Span[], ends: Int32Array, start: number, end: number): boolean {
  const i = lowerBoundOfNumbers(ends, start + 1);
  return i < spans.length && spans[i].start < end;
}

export function maskExtraction(extraction: ArticleExtraction, spans: readonly Span[]): ArticleExtraction {
  if (spans.length === 0) return extraction;
  const ends = Int32Array.from(spans, (span) => span.end);
  const packed = packedPartsOf(extraction);
  const { offsets, forms } = packed.mentions;
  const newIndex = new Int32Array(forms.length).fill(-1);
  const keptOffsets: number[] = [];
  const keptForms: PackedMentions['forms'][number][] = [];
  for (let i = 0; i < forms.length; i++) {
    if (overlaps(spans, ends, offsets[2 * i], offsets[2 * i + 1])) continue;
    newIndex[i] = keptForms.length;
    keptOffsets.push(offsets[2 * i], offsets[2 * i + 1]);
    keptForms.push(forms[i]);
  }
  const { article } = extraction;
  const boilerplate = mergeSpans(article.boilerplate, spans);
  const masked: Article = article instanceof StoredArticle ? article.withBoilerplate(boilerplate) : { ...article, boilerplate };
  const packedQuotes = packed.quotes;
  const quoteCount = packedQuotes.texts.length;
  let quotesMasked = false;
  for (let i = 0; i < quoteCount && !quotesMasked; i++) quotesMasked = overlaps(spans, ends, packedQuote.start(packedQuotes, i), packedQuote.end(packedQuotes, i));
  // Furniture rarely holds a name or a quote: then the packed arrays are shared as they are.
  if (keptForms.length === forms.length && !quotesMasked) return new StoredExtraction(masked, packed.mentions, packedQuotes);

  const quotes: ExtractedQuote[] = [];
  const texts: string[] = [];
  for (let i = 0; i < quoteCount; i++) {
    const start = packedQuote.start(packedQuotes, i);
    const end = packedQuote.end(packedQuotes, i);
    if (overlaps(spans, ends, start, end)) continue;
    const speaker = packedQuote.speakerMention(packedQuotes, i);
    const kept = speaker < 0 ? -1 : newIndex[speaker];
    quotes.push({
      start,
      end,
      text: packedQuotes.texts[i],
      group: packedQuote.group(packedQuotes, i),
      partial: packedQuote.partial(packedQuotes, i),
      unmarked: packedQuote.unmarked(packedQuotes, i),
      speakerMention: kept < 0 ? null : kept,
    });
    texts.push(packedQuotes.texts[i]);
  }
  return new StoredExtraction(masked, { offsets: Int32Array.from(keptOffsets), forms: keptForms }, packQuotes(quotes, texts));
}
