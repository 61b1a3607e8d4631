// Quote trails: the same quote (whole, cut, or lightly varied) across articles and outlets.
export { MIN_CONTENT, MIN_WORDS, matchQuotes, type TrailMatch } from './match';
export { buildTrail, compareTrailArticles, trailMatch, type QuoteTrail, type TrailArticle, type TrailSource } from './trail';
export { TrailIndex, type TrailEntry, type TrailQuoteInput } from './trailIndex';
