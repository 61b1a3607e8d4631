// Fuzzy quote search in an archive: candidates from the quotes' word index (typos through the trigram index
// of the vocabulary), ranked by the in-memory search (fuse.js scoring) in path and offset order as the
// in-memory index holds them, so both give the same results whenever the candidates hold the best matches.
import { parseQuoteQuery, QUOTE_SOURCE_TYPES } from '../core/search/corpusQuotes';
import { foldPunctuation } from '../core/search/normalize';
import { QuoteSearch, type SearchDoc } from '../core/search/quoteSearch';
import { byPathThenStart } from '../core/util/compare';
import type { Queryable } from './db';
import { EXHAUSTIVE_BELOW, searchEntities, smallTable, type QuoteSpan } from './queries';
import { SHORT_QUOTE_CHARS } from './schema';

export interface QuoteHit extends QuoteSpan {
  speaker: string | null;
  /** Who the quote comes from: its speaker, else the organisation that gives it (an entity id), and its name. */
  source: string | null;
  sourceName: string | null;
  score: number;
}

interface QuoteRow extends QuoteSpan {
  speaker: string | null;
  source: string | null;
  source_name: string | null;
}

interface QuoteRowDoc extends SearchDoc {
  row: QuoteRow;
}

/** Candidates per query: far more than a page; the shortest come first (see resolve.ts insertQuotes). */
const QUOTE_CANDIDATES = 200;
/**
 * Quotes of a speaker whose name is at least this close to the query (word similarity) are candidates: a
 * looser match brought a few hundred quotes to rank that the speaker's name could not lift to the top.
 */
const SPEAKER_SIMILARITY = 0.5;
/** Quotes holding every word of a query that are checked for the words as a phrase. */
const PHRASE_CHECKED = 1000;


/**
 * Quotes matching `raw` (the Search Quotes query language: "@name words" narrows to a speaker), best first,
 * scored by fuse as the in-memory search scores them.
 */
export async function searchArchiveQuotes(db: Queryable, raw: string, options: { limit?: number; exhaustiveBelow?: number } = {}): Promise<QuoteHit[]> {
  const limit = options.limit ?? 50;
  const query = parseQuoteQuery(raw);
  let speakerId: string | null = null;
  if (query.speaker !== null) {
    const best = query.speaker ? (await searchEntities(db, query.speaker, 1, { ...options, types: QUOTE_SOURCE_TYPES }))[0] : undefined;
    if (!best) return [];
    speakerId = best.id;
  }
  const pattern = foldPunctuation(query.text).toLowerCase();
  // A quote is searched under its source: its speaker whenever it has one, else the organisation giving it.
  const select = `SELECT a.path, q.start, q."end" AS end, q.text, q.speaker, q.source, e.name AS source_name
    FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.source`;
  let rows: QuoteRow[];
  if (!pattern.trim()) {
    rows = (await db.query<QuoteRow>(`${select} WHERE ($1::text IS NULL OR q.source = $1) ORDER BY a.path COLLATE "C", q.start LIMIT $2`, [speakerId, limit])).rows;
    return rows.map((row) => hitOf(row, 1));
  }
  if (speakerId !== null) {
    rows = (await db.query<QuoteRow>(`${select} WHERE q.source = $1`, [speakerId])).rows;
  } else if (await smallTable(db, 'quotes', options.exhaustiveBelow ?? EXHAUSTIVE_BELOW)) {
    rows = (await db.query<QuoteRow>(select)).rows;
  } else {
    rows = await quoteCandidates(db, pattern, limit);
  }
  rows.sort(byPathThenStart);
  const search = new QuoteSearch<QuoteRowDoc>(rows.map((row) => ({ id: `${row.path}#${row.start}`, text: row.text, speaker: row.source_name, speakerId: row.source, path: row.path, row })));
  return search.search(query.text, { limit }).map((hit) => hitOf(hit.item.row, hit.score));
}

/** A lexeme quoted for to_tsquery. */
const tsLexeme = (word: string): string => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * Candidates for fuse, best kinds first until there are enough: quotes holding the query's words as a
 * phrase, then all of them, then any of them (each word, or a vocabulary word close to it for typos); and
 * the quotes of the people whose name is closest to the query (fuse also searches the speaker's name).
 * Bounded work: an ORDER BY over every quote holding a common word would read tens of thousands of rows.
 * Two round trips: the vocabulary, then one statement for every kind, joined with paths and speaker names
 * only once the candidates are chosen.
 */
async function quoteCandidates(db: Queryable, pattern: string, limit: number): Promise<QuoteRow[]> {
  const { rows: words } = await db.query<{ alternatives: string[] }>(
    `SELECT array(SELECT w.word FROM quote_words w WHERE w.word = l.lexeme OR (length(l.lexeme) >= 4 AND w.word % l.lexeme)
                  ORDER BY w.word = l.lexeme DESC, w.word <-> l.lexeme LIMIT 4) AS alternatives
     FROM (SELECT lexeme FROM unnest(to_tsvector('simple', $1)) ORDER BY positions[1]) AS l`,
    [pattern],
  );
  const found = words.map((word) => word.alternatives);
  const groups = found.filter((alternatives) => alternatives.length > 0).map((alternatives) => `(${alternatives.map(tsLexeme).join(' | ')})`);
  const every = groups.length > 0 ? groups.join(' & ') : null;
  // The phrase is only checked on the first quotes holding every word: checked on every quote holding
  // common words, it took 0.6 s when none matched.
  const phrase = groups.length > 1 && groups.length === found.length ? groups.join(' <-> ') : null;
  const some = groups.length > 1 ? groups.join(' | ') : null;
  const columns = 'q.article_id, q.start, q."end", q.text, q.speaker, q.source';
  const phraseColumn = "CASE WHEN $2::text IS NULL THEN true ELSE q.words @@ to_tsquery('simple', $2) END AS phrase";
  // The short quotes first, through their own small index; the others only when the short ones hold fewer
  // exact matches (the phrase, or the one word) than a page, which the longer ones could then outrank.
  const { rows } = await db.query<QuoteRow>(
    `WITH short_quotes AS MATERIALIZED (
       SELECT ${columns}, ${phraseColumn} FROM quotes q
       WHERE $1::text IS NOT NULL AND length(q.text) <= ${SHORT_QUOTE_CHARS} AND q.words @@ to_tsquery('simple', $1) LIMIT $4),
     long_quotes AS MATERIALIZED (
       SELECT ${columns}, ${phraseColumn} FROM quotes q
       WHERE $1::text IS NOT NULL AND (SELECT count(*) FILTER (WHERE phrase) FROM short_quotes) < $7
         AND length(q.text) > ${SHORT_QUOTE_CHARS} AND q.words @@ to_tsquery('simple', $1) LIMIT $4),
     every_word AS (SELECT * FROM short_quotes UNION ALL SELECT * FROM long_quotes),
     best AS (SELECT article_id, start, "end", text, speaker, source FROM every_word ORDER BY phrase DESC, length(text) LIMIT $5),
     some_word AS (SELECT ${columns} FROM quotes q
       WHERE $3::text IS NOT NULL AND (SELECT count(*) FROM best) < $5 AND q.words @@ to_tsquery('simple', $3) LIMIT $5),
     by_name AS (SELECT ${columns} FROM quotes q
       WHERE q.source IN (SELECT id FROM entities WHERE type = ANY($8) AND $6 <% lower(name) AND $6 <<-> lower(name) <= ${1 - SPEAKER_SIMILARITY}
         ORDER BY $6 <<-> lower(name) LIMIT 3) LIMIT $5),
     chosen AS (SELECT * FROM best UNION SELECT * FROM some_word UNION SELECT * FROM by_name)
     SELECT (SELECT a.path FROM articles a WHERE a.id = c.article_id) AS path, c.start, c."end" AS end, c.text, c.speaker, c.source,
       (SELECT e.name FROM entities e WHERE e.id = c.source) AS source_name
     FROM chosen c`,
    [every, phrase, some, PHRASE_CHECKED, QUOTE_CANDIDATES, pattern, Math.min(limit, QUOTE_CANDIDATES), QUOTE_SOURCE_TYPES],
  );
  return rows;
}

function hitOf(row: QuoteRow, score: number): QuoteHit {
  return { path: row.path, start: row.start, end: row.end, text: row.text, speaker: row.speaker, source: row.source, sourceName: row.source_name, score };
}
