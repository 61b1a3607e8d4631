// What a hover shows for a quote: who said it, and where else it appeared ("Also in: title · outlet · date
// (whole|cut|varied)"), with the articles that name another speaker flagged.
import type { CorpusReader } from '../api';
import { trailMatch, type QuoteTrail, type TrailMatch } from '../trails';
import type { Article, Quote } from '../types';
import { articleTitle } from './labels';
import { compareByDate } from './ordering';

/** Titles in "Also in" lines are cut to this many characters (with "…"). */
const TITLE_LENGTH = 40;

export interface TrailAppearance {
  path: string;
  /** The quote in that article that is closest to the hovered one (to open). */
  start: number;
  end: number;
  /** Title cut to `TITLE_LENGTH`. */
  title: string;
  outlet: string | null;
  date: string | null;
  match: TrailMatch;
  /** Name of the speaker that article gives, or null. */
  speaker: string | null;
  /** That article names a speaker other than the hovered article's. */
  otherSpeaker: boolean;
}

export interface QuoteTrailCard {
  /** Speaker name (or the source's, for an organisation), null when unattributed. */
  speaker: string | null;
  /** The other articles of the quote's trail, first appearance first; empty without a trail. */
  alsoIn: TrailAppearance[];
  /** Where the quote appeared first, when it is not this article. */
  first: { title: string; outlet: string | null; date: string | null } | null;
  /** The trail's articles disagree on the speaker. */
  speakerDisagreement: boolean;
  /** Distinct outlets that carried the quote (this one included). */
  outlets: number;
}

/** "UK and US accuse Russia of…": a title cut at a word boundary. */
export function shortTitle(title: string, max = TITLE_LENGTH): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

const MATCH_RANK: Record<TrailMatch, number> = { whole: 0, cut: 1, varied: 2 };

/** The card for a quote of the corpus. */
export function buildQuoteTrailCard(corpus: Pick<CorpusReader, 'trailOf' | 'entity'>, quote: Quote): QuoteTrailCard {
  const nameOf = (id: string | null) => (id === null ? null : (corpus.entity(id)?.name ?? id));
  const speakerId = quote.speaker ?? quote.source;
  const card: QuoteTrailCard = { speaker: nameOf(speakerId), alsoIn: [], first: null, speakerDisagreement: false, outlets: 0 };
  const trail = corpus.trailOf(quote);
  if (!trail) return card;
  const own = trail.articles.find((article) => article.path === quote.path);
  const ownSpeaker = own?.speaker ?? quote.speaker;
  for (const article of trail.articles) {
    if (article.path === quote.path) continue;
    // The closest of that article's quotes to this one, and how it relates.
    let best = article.quotes[0];
    let bestMatch = trailMatch(quote, [best]);
    for (const other of article.quotes.slice(1)) {
      const match = trailMatch(quote, [other]);
      if (MATCH_RANK[match] < MATCH_RANK[bestMatch]) [best, bestMatch] = [other, match];
    }
    card.alsoIn.push({
      path: article.path,
      start: best.start,
      end: best.end,
      title: shortTitle(articleTitle(article)),
      outlet: article.outlet,
      date: article.date,
      match: bestMatch,
      speaker: nameOf(article.speaker),
      otherSpeaker: article.speaker !== null && ownSpeaker !== null && article.speaker !== ownSpeaker,
    });
  }
  if (trail.first.path !== quote.path) card.first = { title: shortTitle(articleTitle(trail.first)), outlet: trail.first.outlet, date: trail.first.date };
  card.speakerDisagreement = trail.speakerDisagreement;
  card.outlets = trail.outlets.length;
  return card;
}

/** What the "by quote" grouping lists: trails first, then quotes only one article carries. */
export interface QuotesByTrail {
  /** Trails with an article among `articles`, most articles first. */
  trails: QuoteTrail[];
  /** Quotes of `articles` in no trail, newest article first, at most `limit`. */
  single: Quote[];
  /** How many such quotes there are in all. */
  singleCount: number;
}

/** The "by quote" view of some articles of a corpus (the ones a filter lets through). */
export function quotesByTrail(corpus: Pick<CorpusReader, 'trails' | 'trailOf' | 'quotesIn'>, articles: readonly Article[], limit: number): QuotesByTrail {
  const paths = new Set(articles.map((article) => article.path));
  const trails = corpus.trails().filter((trail) => trail.articles.some((article) => paths.has(article.path)));
  const single: Quote[] = [];
  let singleCount = 0;
  for (const article of [...articles].sort((a, b) => -compareByDate(a, b))) {
    for (const quote of corpus.quotesIn(article.path)) {
      if (corpus.trailOf(quote)) continue;
      if (singleCount++ < limit) single.push(quote);
    }
  }
  return { trails, single, singleCount };
}
