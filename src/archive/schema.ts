// The archive's tables, created and upgraded by numbered migrations recorded in a version table. Each
// migration runs in its own transaction under an advisory lock, so indexers started together migrate once.
import type { Queryable } from './db';

/**
 * Quote search finds candidates through the words of the quotes (a GIN index over their tsvector) and
 * forgives typos through the vocabulary (`quote_words`, with a trigram index): a trigram index over the quote
 * texts themselves was measured at 1-9 s per query on 180,000 quotes (every candidate's word_similarity is
 * computed again), the word index at a few ms.
 *
 * Articles hold what extraction found (the extraction before identity, as JSON) next to the text; the
 * resolution pass turns those into `entities`, `mentions` and `quotes`, the tables the editor queries, and
 * `entity_articles` (each entity's first mention per article, with the article's date: a hover card's
 * nearest articles in two short index scans instead of a pass over every mention of a famous name).
 * `resolved_key` is the hash of the entity ids the last resolution gave the article's mentions (null: the
 * article changed since and waits for the next resolution).
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  CREATE TABLE archive_meta (key text PRIMARY KEY, value text NOT NULL);
  CREATE TABLE articles (
    id serial PRIMARY KEY,
    path text NOT NULL UNIQUE,
    content_hash text NOT NULL,
    fingerprint text NOT NULL,
    title text, outlet text, date text,
    details text NOT NULL,
    text text NOT NULL,
    raw_extraction text NOT NULL,
    resolved_key text
  );
  CREATE INDEX articles_outlet_date ON articles (outlet, date DESC, path);
  CREATE INDEX articles_date ON articles (date DESC, path);
  CREATE INDEX articles_unresolved ON articles (id) WHERE resolved_key IS NULL;
  CREATE TABLE entities (
    id text PRIMARY KEY,
    type text NOT NULL,
    name text NOT NULL,
    aliases text[] NOT NULL,
    roles text[] NOT NULL,
    mention_count integer NOT NULL,
    article_count integer NOT NULL
  );
  CREATE INDEX entities_name_trgm ON entities USING gin (lower(name) gin_trgm_ops);
  CREATE INDEX entities_by_mentions ON entities (mention_count DESC, id);
  CREATE TABLE mentions (
    article_id integer NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start integer NOT NULL,
    "end" integer NOT NULL,
    text text NOT NULL,
    entity_id text NOT NULL
  );
  CREATE INDEX mentions_by_entity ON mentions (entity_id, article_id, start);
  CREATE INDEX mentions_by_article ON mentions (article_id, start);
  CREATE TABLE entity_articles (
    entity_id text NOT NULL,
    article_id integer NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    date text,
    start integer NOT NULL,
    "end" integer NOT NULL,
    text text NOT NULL,
    PRIMARY KEY (entity_id, article_id)
  );
  CREATE INDEX entity_articles_by_date ON entity_articles (entity_id, date DESC NULLS LAST);
  CREATE INDEX entity_articles_by_article ON entity_articles (article_id);
  CREATE TABLE quotes (
    article_id integer NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start integer NOT NULL,
    "end" integer NOT NULL,
    text text NOT NULL,
    speaker text,
    source text,
    quote_group integer NOT NULL,
    partial boolean NOT NULL,
    unmarked boolean NOT NULL,
    words tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED
  );
  CREATE INDEX quotes_by_article ON quotes (article_id, start);
  CREATE INDEX quotes_by_speaker ON quotes (speaker) WHERE speaker IS NOT NULL;
  CREATE INDEX quotes_by_source ON quotes (source) WHERE source IS NOT NULL;
  CREATE INDEX quotes_words ON quotes USING gin (words);
  CREATE TABLE quote_words (word text PRIMARY KEY);
  CREATE INDEX quote_words_trgm ON quote_words USING gin (word gin_trgm_ops);
  `,
  // Speed. Articles' text and extraction compressed with lz4 instead of pglz where the server has it (ingest
  // was waiting on the server's compression). No foreign keys from the resolution's tables: each inserted row fired a lookup in
  // articles, and only the resolution writes them (under the exclusive ingest lock, for articles it has just
  // checked) while ingest and removal delete them explicitly. References read the covering index alone.
  // The GIN indexes without a pending list: readers would scan it on every search until a vacuum.
  `
  DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
      ALTER TABLE articles ALTER COLUMN text SET COMPRESSION lz4,
        ALTER COLUMN raw_extraction SET COMPRESSION lz4, ALTER COLUMN details SET COMPRESSION lz4;
    END IF;
  END $$;
  ALTER TABLE mentions DROP CONSTRAINT mentions_article_id_fkey;
  ALTER TABLE quotes DROP CONSTRAINT quotes_article_id_fkey;
  ALTER TABLE entity_articles DROP CONSTRAINT entity_articles_article_id_fkey;
  DROP INDEX mentions_by_entity;
  CREATE INDEX mentions_by_entity ON mentions (entity_id, article_id, start) INCLUDE ("end", text);
  ALTER INDEX quotes_words SET (fastupdate = off);
  `,
  // Quote search looks among the short quotes first (fuse ranks a shorter quote above a longer one with the
  // same match): their own word index has a fraction of the postings of a common word to read.
  `
  CREATE INDEX quotes_words_short ON quotes USING gin (words) WITH (fastupdate = off) WHERE length(text) <= 80;
  `,
];

/** Quotes this long or shorter have the short word index (migration 3); the number is part of its definition. */
export const SHORT_QUOTE_CHARS = 80;

export const SCHEMA_VERSION = MIGRATIONS.length;

/** The tables a resolution writes, one row set per article. */
export const RESOLVED_TABLES = ['mentions', 'quotes', 'entity_articles'] as const;

/** Drops what the last resolution wrote for these articles. */
export async function deleteResolved(db: Queryable, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  for (const table of RESOLVED_TABLES) await db.query(`DELETE FROM ${table} WHERE article_id = ANY($1::int[])`, [ids]);
}

/**
 * Arbitrary constants that name the archive's advisory locks. `ingest` is held shared by every indexer while
 * it ingests and exclusively by a resolution, so a resolution waits for running ingests and the indexer
 * finishing last is the one that resolves (see ingest.ts).
 */
export const LOCKS = { migrate: 0x636e0001, ingest: 0x636e0002 } as const;

/** Brings the schema up to date; returns the version it was at before. Refuses a newer schema. */
export async function migrate(db: Queryable): Promise<number> {
  await db.query('SELECT pg_advisory_lock($1)', [LOCKS.migrate]);
  try {
    await db.query('CREATE TABLE IF NOT EXISTS archive_schema (version integer NOT NULL)');
    const { rows } = await db.query<{ version: number }>('SELECT max(version) AS version FROM archive_schema');
    const from = rows[0]?.version ?? 0;
    if (from > SCHEMA_VERSION) throw new Error(`the archive's schema is version ${from}, newer than this corpus-navigator (${SCHEMA_VERSION}): update corpus-navigator`);
    for (let version = from + 1; version <= SCHEMA_VERSION; version++) {
      await db.query('BEGIN');
      try {
        await db.query(MIGRATIONS[version - 1]);
        await db.query('INSERT INTO archive_schema (version) VALUES ($1)', [version]);
        await db.query('COMMIT');
      } catch (error) {
        await db.query('ROLLBACK');
        throw error;
      }
    }
    return from;
  } finally {
    await db.query('SELECT pg_advisory_unlock($1)', [LOCKS.migrate]);
  }
}

/** The schema version of an archive (0: none), without changing it. */
export async function schemaVersion(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ exists: boolean }>("SELECT to_regclass('archive_schema') IS NOT NULL AS exists");
  if (!rows[0].exists) return 0;
  const version = await db.query<{ version: number }>('SELECT max(version) AS version FROM archive_schema');
  return version.rows[0]?.version ?? 0;
}
