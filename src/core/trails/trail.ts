// A trail as readers see it: its quotes with their speakers, the articles and outlets that carried it, where it
// first appeared, and whether the articles agree on who said it. Built from the index's entries on demand.
import type { Article, Quote } from '../types';
import { fnv1aUnsigned } from '../util/hash';
import { matchQuotes, type TrailMatch } from './match';
import type { TrailEntry } from './trailIndex';
import { compareCodeUnits } from '../util/compare';
import { lowerBound } from '../util/sortedSearch';

const startOf = (quote: Quote): number => quote.start;

/** One article of a trail. */
export interface TrailArticle {
  path: string;
  title: string | null;
  outlet: string | null;
  date: string | null;
  /** The trail's quotes in this article, by offset. */
  quotes: readonly Quote[];
  /** The speaker (person id) this article gives the quote: the first of its quotes that has one, else null. */
  speaker: string | null;
}

/** Quotes that are one quote (the same words, cuts, light variants) across two or more articles. */
export interface QuoteTrail {
  /** Stable while the trail's first quote (by path and offset) stays. */
  id: string;
  /** Every quote of the trail, by path then offset. */
  quotes: readonly Quote[];
  /** The articles, first appearance first: by date (undated last), then path. */
  articles: readonly TrailArticle[];
  /** Known outlets that carried it, in the order of `articles`. */
  outlets: readonly string[];
  /** Where it appeared first (the first of `articles`). */
  first: TrailArticle;
  /** The distinct speakers the articles give. */
  speakers: readonly string[];
  /** The articles name different speakers. */
  speakerDisagreement: boolean;
}

/** What a trail reads of the corpus. */
export interface TrailSource {
  article(path: string): Article | undefined;
  quotesIn(path: string): readonly Quote[];
}


/** Trail order of articles: dated before undated, earlier first, then by path. */
export function compareTrailArticles(a: Pick<TrailArticle, 'date' | 'path'>, b: Pick<TrailArticle, 'date' | 'path'>): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return compareCodeUnits(a.date, b.date);
  }
  return compareCodeUnits(a.path, b.path);
}

function quoteStartingAt(quotes: readonly Quote[], start: number): Quote | undefined {
  const lo = lowerBound(quotes, start, startOf);
  return quotes[lo]?.start === start ? quotes[lo] : undefined;
}

/** The trail of these entries, or undefined when they stand in fewer than two articles. */
export function buildTrail(entries: readonly TrailEntry[], source: TrailSource): QuoteTrail | undefined {
  const byPath = new Map<string, Quote[]>();
  for (const entry of entries) {
    const quote = quoteStartingAt(source.quotesIn(entry.path), entry.start);
    if (!quote) continue;
    const list = byPath.get(entry.path);
    if (list) list.push(quote);
    else byPath.set(entry.path, [quote]);
  }
  if (byPath.size < 2) return undefined;
  const articles: TrailArticle[] = [];
  for (const [path, quotes] of byPath) {
    quotes.sort((a, b) => a.start - b.start);
    const article = source.article(path);
    articles.push({
      path,
      title: article?.title ?? null,
      outlet: article?.outlet ?? null,
      date: article?.date ?? null,
      quotes,
      speaker: quotes.find((quote) => quote.speaker !== null)?.speaker ?? null,
    });
  }
  articles.sort(compareTrailArticles);
  const quotes = [...byPath.keys()].sort(compareCodeUnits).flatMap((path) => byPath.get(path)!);
  const outlets = [...new Set(articles.map((article) => article.outlet).filter((outlet): outlet is string => outlet !== null))];
  const speakers = [...new Set(articles.map((article) => article.speaker).filter((speaker): speaker is string => speaker !== null))];
  return {
    id: `trail-${fnv1aUnsigned(`${quotes[0].path}#${quotes[0].start}`).toString(16)}`,
    quotes,
    articles,
    outlets,
    first: articles[0],
    speakers,
    speakerDisagreement: speakers.length > 1,
  };
}

const MATCH_RANK: Record<TrailMatch, number> = { whole: 0, cut: 1, varied: 2 };

/**
 * How another article's quotes relate to `quote`: the closest of them (whole before cut before varied). Quotes
 * joined only through a third are "varied".
 */
export function trailMatch(quote: Pick<Quote, 'text'>, others: readonly Pick<Quote, 'text'>[]): TrailMatch {
  let best: TrailMatch = 'varied';
  for (const other of others) {
    const match = matchQuotes(quote.text, other.text);
    if (match && MATCH_RANK[match] < MATCH_RANK[best]) best = match;
  }
  return best;
}
