// The export's `quoteTrails`: each trail as indexes into the export's quote list, with where it appeared first.
import type { CorpusReader } from '../api';

export interface ExportedTrail {
  id: string;
  /** Indexes into the export's `quotes` (path then offset order). */
  quotes: number[];
  first: { path: string; date: string | null; outlet: string | null };
}

/** The trails of the corpus for an export whose quote list is `quotes`, most articles first. */
export function exportQuoteTrails(corpus: Pick<CorpusReader, 'trails'>, quotes: readonly { path: string; start: number }[]): { quoteTrails: ExportedTrail[] } {
  const indexOf = new Map<string, number>();
  quotes.forEach((quote, i) => indexOf.set(`${quote.start}:${quote.path}`, i));
  const quoteTrails = corpus.trails().map((trail) => ({
    id: trail.id,
    quotes: trail.quotes
      .map((quote) => indexOf.get(`${quote.start}:${quote.path}`))
      .filter((i): i is number => i !== undefined)
      .sort((a, b) => a - b),
    first: { path: trail.first.path, date: trail.first.date, outlet: trail.first.outlet },
  }));
  return { quoteTrails };
}
