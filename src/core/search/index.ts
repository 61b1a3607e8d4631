// Search over a corpus: fuzzy quote search ranked like fuse.js over trigram-narrowed candidates, and people
// search over names and aliases. The editor and the benchmark import search from here.
export { foldPunctuation, normalizeForSearch } from './normalize';
export { PEOPLE_FUSE_OPTIONS, PeopleSearch, type PeopleSearchDoc } from './peopleSearch';
export { QUOTE_FUSE_OPTIONS, QuoteSearch, type QuoteSearchOptions, type QuoteSearchStats, type SearchDoc, type SearchHit } from './quoteSearch';
export { CorpusQuoteSearch, onePerTrail, parseQuoteQuery, QUOTE_RESULT_LIMIT, quoteDocs, quoteReach, quoteSourceEntities, QUOTE_SOURCE_TYPES, type QuoteDoc, type QuoteQuery, type QuoteReach, type QuoteSource } from './corpusQuotes';
