// Quote search over one corpus as the Search Quotes picker runs it: the corpus's quotes indexed by QuoteSearch,
// kept in step with the corpus one article at a time, and the query language (`@name` first narrows to a speaker
// or an organisation quoted as a source).
import type { CorpusReader } from '../api';
import type { Entity, EntityType, Quote } from '../types';
import type { PeopleSearch } from './peopleSearch';
import { QuoteSearch, type QuoteSearchStats, type SearchDoc, type SearchHit } from './quoteSearch';

/** How many quotes a search returns unless told otherwise (what the picker lists). */
export const QUOTE_RESULT_LIMIT = 50;

/** A quote as the search indexes it: its text and the name of who it comes from (speaker or organisation). */
export interface QuoteDoc extends SearchDoc {
  quote: Quote;
}

/** A query split into its `@name` part (null without one) and the words to look for. */
export interface QuoteQuery {
  speaker: string | null;
  text: string;
}

/** Splits "@fallon persistent pattern" into a speaker query and the rest. */
export function parseQuoteQuery(raw: string): QuoteQuery {
  const match = /^\s*@("([^"]*)"|(\S+))\s*(.*)$/s.exec(raw);
  if (!match) return { speaker: null, text: raw.trim() };
  return { speaker: (match[2] ?? match[3] ?? '').replace(/[_-]/g, ' '), text: match[4].trim() };
}

/** The entity types a quote can come from: `@name` looks among these. */
export const QUOTE_SOURCE_TYPES: readonly EntityType[] = ['person', 'organization'];

/**
 * The documents the search indexes for quotes of a corpus (one per quote, in the order given). A quote is
 * searched under its source: its speaker whenever it has one, else the organisation it comes from.
 */
export function quoteDocs(corpus: Pick<CorpusReader, 'entity'>, quotes: readonly Quote[]): QuoteDoc[] {
  return quotes.map((quote) => ({
    id: `${quote.path}#${quote.start}`,
    text: quote.text,
    speaker: quote.source ? (corpus.entity(quote.source)?.name ?? null) : null,
    speakerId: quote.source,
    path: quote.path,
    quote,
  }));
}

/** The entities `@name` looks among, in the order `entities()` gives (most mentioned first). */
export function quoteSourceEntities(corpus: Pick<CorpusReader, 'entities'>): Entity[] {
  return corpus.entities().filter((entity) => QUOTE_SOURCE_TYPES.includes(entity.type));
}

/** What the quote search reads of a corpus. */
export type QuoteSource = Pick<CorpusReader, 'quotes' | 'quotesIn' | 'entity'>;

/** The quote search of one corpus. */
export class CorpusQuoteSearch {
  private readonly index: QuoteSearch<QuoteDoc>;

  /** Indexes every quote of the corpus now. */
  constructor(private readonly corpus: QuoteSource) {
    this.index = new QuoteSearch(quoteDocs(corpus, corpus.quotes()));
  }

  /** Re-indexes the quotes of articles that changed (or went away). */
  update(paths: readonly string[]): void {
    for (const path of paths) this.index.replacePath(path, quoteDocs(this.corpus, this.corpus.quotesIn(path)));
  }

  /** Quotes indexed. */
  get size(): number {
    return this.index.size;
  }

  /** Diagnostics of the last search (see `QuoteSearch.lastStats`). */
  get lastStats(): QuoteSearchStats {
    return this.index.lastStats;
  }

  /**
   * The best `limit` quotes for a query, by fuse's score. An `@name` query keeps the quotes of the person or
   * organisation `sources` ranks first for that name (asked only for such queries), and none when it finds
   * nobody.
   */
  search(query: QuoteQuery, limit: number, sources: () => PeopleSearch<Entity>): SearchHit<QuoteDoc>[] {
    let speakerId: string | undefined;
    if (query.speaker !== null) {
      if (!query.speaker) return [];
      const best = sources().search(query.speaker, { limit: 1 })[0];
      if (!best) return [];
      speakerId = best.item.id;
    }
    return this.index.search(query.text, { limit, speaker: speakerId });
  }
}

/** How widely a quote was carried: the articles and outlets of its trail, or its own article alone. */
export interface QuoteReach {
  /** The trail's id, or null when no other article carries the quote. */
  trail: string | null;
  articles: number;
  /** Known outlets (0 when its article's outlet is unknown and it has no trail). */
  outlets: number;
}

export function quoteReach(corpus: Pick<CorpusReader, 'trailOf' | 'article'>, quote: Quote): QuoteReach {
  const trail = corpus.trailOf(quote);
  if (trail) return { trail: trail.id, articles: trail.articles.length, outlets: trail.outlets.length };
  return { trail: null, articles: 1, outlets: corpus.article(quote.path)?.outlet ? 1 : 0 };
}

/**
 * One row per trail: each result whose trail came earlier in `results` (ranked order) is left out, so a quote
 * carried by many outlets takes one row, at the rank of its best hit. Results without a trail all stay.
 */
export function onePerTrail<T>(results: readonly T[], trailOf: (result: T) => string | null): T[] {
  const seen = new Set<string>();
  return results.filter((result) => {
    const trail = trailOf(result);
    if (trail === null) return true;
    if (seen.has(trail)) return false;
    seen.add(trail);
    return true;
  });
}
