// Entity identity across the whole archive, after ingest. Articles arrive from several indexers (shards), so
// no indexer can resolve identities alone: the folder index's own view (core/index/resolution.ts: identity
// of people, organisations and places, quote speakers and sources) is built over every article's stored
// extraction, and each article's resolved mentions and quotes are compared with those of the last
// resolution (a hash per article). Only the articles whose result changed, or that were ingested since, get
// their mentions and quotes written again; the entities table is replaced. The writes are one
// transaction, so readers see the archive before or after a resolution, never half of one. One resolution
// runs at a time, and never during an ingest (an advisory lock, see schema.ts LOCKS).
import { createHash } from 'crypto';
import type pg from 'pg';
import { parseCorpusYaml, emptyCorpusConfig } from '../core/extract/corpusYaml';
import { maskExtraction } from '../core/index/masking';
import { compactExtraction } from '../core/index/packed';
import { RepeatedLines } from '../core/index/repeatedLines';
import { CorpusView } from '../core/index/resolution';
import { runSteps } from '../core/util/steps';
import type { ArticleExtraction, Entity, Mention, Quote } from '../core/types';
import { inTransaction, toColumns } from './db';
import { articleFromRow, storedExtraction } from './rawExtraction';
import { deleteResolved, LOCKS, migrate, RESOLVED_TABLES } from './schema';

export interface ResolveReport {
  /** False when the archive was up to date and nothing was read. */
  ran: boolean;
  articles: number;
  /** Articles whose mentions and quotes were written again. */
  rewritten: number;
  entities: number;
  ms: number;
}

export interface ResolveOptions {
  /** Resolve even when no article changed since the last resolution. */
  force?: boolean;
  /** Articles read or written per round trip. */
  pageSize?: number;
}



interface StoredArticle {
  id: number;
  path: string;
  hash: string;
  date: string | null;
  storedKey: string | null;
}

/** An article's mentions and quotes as the resolution made them, and their hash. */
interface Assembled extends StoredArticle {
  key: string;
  mentions: readonly Mention[];
  quotes: readonly Quote[];
}

async function metaValue(db: pg.ClientBase, key: string): Promise<string | null> {
  const { rows } = await db.query<{ value: string }>('SELECT value FROM archive_meta WHERE key = $1', [key]);
  return rows[0]?.value ?? null;
}

/** Whether ingest changed anything since the last resolution. */
export async function needsResolution(db: pg.ClientBase): Promise<boolean> {
  const { rows } = await db.query<{ pending: boolean }>('SELECT EXISTS (SELECT 1 FROM articles WHERE resolved_key IS NULL) AS pending');
  if (rows[0].pending) return true;
  return ((await metaValue(db, 'removals')) ?? '0') !== ((await metaValue(db, 'resolved removals')) ?? '0');
}

export async function resolveArchive(db: pg.ClientBase, options: ResolveOptions = {}): Promise<ResolveReport> {
  const started = Date.now();
  await migrate(db);
  await db.query('SELECT pg_advisory_lock($1)', [LOCKS.ingest]);
  try {
    if (!options.force && !(await needsResolution(db))) return { ran: false, articles: 0, rewritten: 0, entities: 0, ms: Date.now() - started };
    const removals = (await metaValue(db, 'removals')) ?? '0';
    const configJson = await metaValue(db, 'corpus.yaml');
    const configText = configJson === null ? null : (JSON.parse(configJson) as string | null);
    const config = configText === null ? emptyCorpusConfig() : parseCorpusYaml(configText);
    const pageSize = options.pageSize ?? 2000;

    // Every article's extraction into the folder index's own view: the same functions over the same inputs.
    const extractions = new Map<string, ArticleExtraction>();
    const articles: StoredArticle[] = [];
    for (let after = 0; ; ) {
      const { rows } = await db.query<{ id: number; path: string; content_hash: string; resolved_key: string | null; details: string; text: string; raw_extraction: string }>(
        'SELECT id, path, content_hash, resolved_key, details, text, raw_extraction FROM articles WHERE id > $1 ORDER BY id LIMIT $2',
        [after, pageSize],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        const article = articleFromRow(row);
        articles.push({ id: row.id, path: row.path, hash: row.content_hash, date: article.date, storedKey: row.resolved_key });
        extractions.set(row.path, compactExtraction(storedExtraction(article, row.raw_extraction)));
      }
      after = rows[rows.length - 1].id;
    }
    // Page furniture found across the whole archive is masked out of what resolution reads, as in the folder index.
    const paths = [...extractions.keys()];
    const repeatedLines = new RepeatedLines();
    runSteps(repeatedLines.updateSteps(extractions, paths));
    const masked = new Map(paths.map((path) => [path, maskExtraction(extractions.get(path)!, repeatedLines.spans(path))]));
    const view = new CorpusView(config);
    runSteps(view.updateSteps(masked, paths));

    const changed: Assembled[] = [];
    for (const article of articles) {
      const mentions = view.mentionsIn(article.path);
      const quotes = view.quotesIn(article.path);
      const key = createHash('sha1').update(JSON.stringify([mentions, quotes])).digest('base64');
      if (key !== article.storedKey) changed.push({ ...article, key, mentions, quotes });
    }
    let rewritten = 0;
    await inTransaction(db, async () => {
      // Nothing waits for this transaction's commit to be on disk: a lost resolution is redone by the next run.
      await db.query('SET LOCAL synchronous_commit = off');
      const bulk = await dropIndexesIfEmpty(db);
      // A first resolution writes the quotes last, shortest first (see insertQuotes).
      const deferredQuotes: unknown[][] | null = bulk ? [] : null;
      for (let i = 0; i < changed.length; i += pageSize) rewritten += await rewriteArticles(db, changed.slice(i, i + pageSize), deferredQuotes);
      if (deferredQuotes) {
        deferredQuotes.sort((a, b) => (a[3] as string).length - (b[3] as string).length);
        for (let i = 0; i < deferredQuotes.length; i += QUOTES_PER_STATEMENT) await insertQuotes(db, deferredQuotes.slice(i, i + QUOTES_PER_STATEMENT));
      }
      if (bulk) await rebuildIndexes(db, bulk);
      await replaceEntities(db, view.entities());
      await db.query("INSERT INTO archive_meta (key, value) VALUES ('resolved removals', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [removals]);
    });
    // Readers' index-only scans need the visibility map, and statistics for their plans; the articles'
    // old versions (resolved_key updated) would otherwise double their table.
    await db.query(`VACUUM (ANALYZE) ${RESOLVED_TABLES.join(', ')}, entities, articles`);
    return { ran: true, articles: articles.length, rewritten, entities: view.entities().length, ms: Date.now() - started };
  } finally {
    await db.query('SELECT pg_advisory_unlock($1)', [LOCKS.ingest]);
  }
}

/**
 * The first resolution of an archive writes every mention and quote: building the indexes once afterwards is
 * cheaper than updating them row by row. Returns the dropped indexes' definitions (null: the tables hold
 * rows, the indexes stay). Readers wait for the resolution's commit meanwhile; they had nothing to read.
 */
async function dropIndexesIfEmpty(db: pg.ClientBase): Promise<string[] | null> {
  for (const table of RESOLVED_TABLES) {
    const { rows } = await db.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table}) AS any`);
    if (rows[0].any) return null;
  }
  const { rows } = await db.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i
     WHERE i.indrelid = ANY($1::regclass[]) AND NOT i.indisprimary`,
    [RESOLVED_TABLES],
  );
  for (const row of rows) await db.query(`DROP INDEX ${row.name}`);
  return rows.map((row) => row.definition);
}

async function rebuildIndexes(db: pg.ClientBase, definitions: readonly string[]): Promise<void> {
  await db.query("SET LOCAL maintenance_work_mem = '256MB'");
  for (const definition of definitions) await db.query(definition);
  await addQuoteWords(db, 'SELECT words FROM quotes');
}

/**
 * The vocabulary only grows: a word no quote holds any more matches nothing. Read from the quotes' stored
 * tsvectors (`tsvectors`: a query returning them), not parsed again.
 */
async function addQuoteWords(db: pg.ClientBase, tsvectors: string): Promise<void> {
  await db.query('INSERT INTO quote_words (word) SELECT word FROM ts_stat($1) ON CONFLICT DO NOTHING', [tsvectors]);
}

const QUOTES_PER_STATEMENT = 20_000;

/**
 * Writes the mentions and quotes of `batch`. An article changed by an indexer since it was read (another
 * content hash) or removed is left alone: it waits for the next resolution. `deferredQuotes`: a first (bulk)
 * resolution, where no article has rows yet and the quotes are collected there to be written at the end;
 * null: the articles' rows from an earlier resolution are replaced, quotes included.
 */
async function rewriteArticles(db: pg.ClientBase, batch: readonly Assembled[], deferredQuotes: unknown[][] | null): Promise<number> {
  const replace = deferredQuotes === null;
  const { rows } = await db.query<{ id: number }>(
    `UPDATE articles a SET resolved_key = u.key
     FROM unnest($1::int[], $2::text[], $3::text[]) AS u(id, hash, key)
     WHERE a.id = u.id AND a.content_hash = u.hash
     RETURNING a.id`,
    [batch.map((a) => a.id), batch.map((a) => a.hash), batch.map((a) => a.key)],
  );
  if (rows.length === 0) return 0;
  const written = rows.map((row) => row.id);
  const writable = new Set(written);
  if (replace) await deleteResolved(db, written);
  const mentionRows: unknown[][] = [];
  const quoteRows: unknown[][] = [];
  const firstRows: unknown[][] = [];
  for (const article of batch) {
    if (!writable.has(article.id)) continue;
    // Each entity's first mention in the article (a hover card's "other articles").
    const first = new Map<string, Mention>();
    for (const m of article.mentions) {
      mentionRows.push([article.id, m.start, m.end, m.text, m.entityId]);
      const seen = first.get(m.entityId);
      if (!seen || m.start < seen.start) first.set(m.entityId, m);
    }
    for (const m of first.values()) firstRows.push([m.entityId, article.id, article.date, m.start, m.end, m.text]);
    for (const q of article.quotes) quoteRows.push([article.id, q.start, q.end, q.text, q.speaker, q.source, q.group, q.partial, q.unmarked]);
  }
  await db.query(
    `INSERT INTO mentions (article_id, start, "end", text, entity_id)
     SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[])`,
    toColumns(mentionRows, 5),
  );
  if (deferredQuotes) for (const row of quoteRows) deferredQuotes.push(row);
  else await insertQuotes(db, quoteRows);
  await db.query(
    `INSERT INTO entity_articles (entity_id, article_id, date, start, "end", text)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::int[], $5::int[], $6::text[])`,
    toColumns(firstRows, 6),
  );
  if (replace) await addQuoteWords(db, `SELECT words FROM quotes WHERE article_id = ANY('{${written.join(',')}}'::int[])`);
  return rows.length;
}

/**
 * Quote search takes the first quotes holding the query's words in the table's physical order (bounded
 * work), and fuse ranks a shorter quote above a longer one with the same match: written shortest first, the
 * first ones are the best ones. Quotes rewritten by later resolutions go to the end of the table.
 */
async function insertQuotes(db: pg.ClientBase, quoteRows: readonly unknown[][]): Promise<void> {
  await db.query(
    `INSERT INTO quotes (article_id, start, "end", text, speaker, source, quote_group, partial, unmarked)
     SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::bool[], $9::bool[])`,
    toColumns(quoteRows, 9),
  );
}

/** The entities table made to match the resolution (entities of every type with a mention). */
async function replaceEntities(db: pg.ClientBase, entities: readonly Entity[]): Promise<void> {
  // Arrays of arrays do not pass through unnest: each list travels as JSON.
  const rows = entities.map((entity) => [
    entity.id,
    entity.type,
    entity.name,
    JSON.stringify(entity.aliases),
    JSON.stringify(entity.roles),
    entity.mentions.length,
    new Set(entity.mentions.map((mention) => mention.path)).size,
  ]);
  await db.query('DELETE FROM entities');
  await db.query(
    `INSERT INTO entities (id, type, name, aliases, roles, mention_count, article_count)
     SELECT u.id, u.type, u.name,
       ARRAY(SELECT json_array_elements_text(u.aliases::json)), ARRAY(SELECT json_array_elements_text(u.roles::json)),
       u.mentions, u.articles
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[]) AS u(id, type, name, aliases, roles, mentions, articles)`,
    toColumns(rows, 7),
  );
}
