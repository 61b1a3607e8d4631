// Entity identity across the whole archive, after ingest. Articles arrive from several indexers (shards), so
// no indexer can resolve identities alone: the identity index of the folder index (core/identity) is run over
// the mention forms of every article in the archive, and each article's entity ids are compared with those
// of the last resolution (a hash per article). Only the articles whose ids changed, or that were ingested
// since, get their mentions and quotes written again; the entities table is replaced. The writes are one
// transaction, so readers see the archive before or after a resolution, never half of one. One resolution
// runs at a time, and never during an ingest (an advisory lock, see schema.ts LOCKS).
import { createHash } from 'crypto';
import type pg from 'pg';
import { parseCorpusYaml, emptyCorpusConfig } from '../core/extract/corpusYaml';
import { IdentityIndex } from '../core/identity/identityIndex';
import { assembleArticle } from '../core/index/assemble';
import type { Person } from '../core/types';
import { inTransaction, toColumns } from './db';
import { articleFromRow, decodeMentionForms, storedExtraction } from './rawExtraction';
import { LOCKS, migrate } from './schema';

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

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);


interface ArticleIds {
  id: number;
  path: string;
  hash: string;
  storedKey: string | null;
  key: string;
  ids: (string | null)[];
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

    // Pass 1: every article's mention forms into the identity index, in path order as the folder index does.
    const identity = new IdentityIndex(config.aliases);
    const articles: Omit<ArticleIds, 'key' | 'ids'>[] = [];
    const forms = new Map<string, ReturnType<typeof decodeMentionForms>>();
    for (let after = 0; ; ) {
      const { rows } = await db.query<{ id: number; path: string; content_hash: string; resolved_key: string | null; raw_mentions: string }>(
        'SELECT id, path, content_hash, resolved_key, raw_mentions FROM articles WHERE id > $1 ORDER BY id LIMIT $2',
        [after, pageSize],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        articles.push({ id: row.id, path: row.path, hash: row.content_hash, storedKey: row.resolved_key });
        forms.set(row.path, decodeMentionForms(row.raw_mentions));
      }
      after = rows[rows.length - 1].id;
    }
    articles.sort((a, b) => byCodeUnits(a.path, b.path));
    for (const article of articles) identity.setDoc(article.path, forms.get(article.path)!);
    forms.clear();
    identity.flush();
    const people = identity.people();

    // Each article's ids (only people that exist are kept, as assembly keeps them), and the entities' counts.
    const mentionCounts = new Map<string, number>();
    const articleCounts = new Map<string, number>();
    const resolved: ArticleIds[] = articles.map((article) => {
      const ids = identity.idsOf(article.path).map((id) => (id !== null && people.has(id) ? id : null));
      const seen = new Set<string>();
      for (const id of ids) {
        if (id === null) continue;
        mentionCounts.set(id, (mentionCounts.get(id) ?? 0) + 1);
        if (!seen.has(id)) {
          seen.add(id);
          articleCounts.set(id, (articleCounts.get(id) ?? 0) + 1);
        }
      }
      return { ...article, ids, key: createHash('sha1').update(JSON.stringify(ids)).digest('base64') };
    });
    const changed = resolved.filter((article) => article.key !== article.storedKey);

    let rewritten = 0;
    await inTransaction(db, async () => {
      for (let i = 0; i < changed.length; i += pageSize) rewritten += await rewriteArticles(db, changed.slice(i, i + pageSize), people);
      await replaceEntities(db, people, mentionCounts, articleCounts);
      await db.query("INSERT INTO archive_meta (key, value) VALUES ('resolved removals', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [removals]);
    });
    return { ran: true, articles: articles.length, rewritten, entities: mentionCounts.size, ms: Date.now() - started };
  } finally {
    await db.query('SELECT pg_advisory_unlock($1)', [LOCKS.ingest]);
  }
}

/**
 * Writes the mentions and quotes of `batch` with their new ids. An article changed by an indexer since pass 1
 * (another content hash) or removed is left alone: it waits for the next resolution.
 */
async function rewriteArticles(db: pg.ClientBase, batch: readonly ArticleIds[], people: ReadonlyMap<string, Person>): Promise<number> {
  const { rows } = await db.query<{ id: number; path: string; title: string | null; outlet: string | null; date: string | null; url: string | null; byline: string | null; encoding: string; details: string; raw_mentions: string; raw_quotes: string }>(
    `UPDATE articles a SET resolved_key = u.key
     FROM unnest($1::int[], $2::text[], $3::text[]) AS u(id, hash, key)
     WHERE a.id = u.id AND a.content_hash = u.hash
     RETURNING a.id, a.path, a.title, a.outlet, a.date, a.url, a.byline, a.encoding, a.details, a.raw_mentions, a.raw_quotes`,
    [batch.map((a) => a.id), batch.map((a) => a.hash), batch.map((a) => a.key)],
  );
  if (rows.length === 0) return 0;
  const idsByArticle = new Map(batch.map((article) => [article.id, article.ids]));
  const written = rows.map((row) => row.id);
  await db.query('DELETE FROM mentions WHERE article_id = ANY($1::int[])', [written]);
  await db.query('DELETE FROM quotes WHERE article_id = ANY($1::int[])', [written]);
  await db.query('DELETE FROM entity_articles WHERE article_id = ANY($1::int[])', [written]);
  const mentionRows: unknown[][] = [];
  const quoteRows: unknown[][] = [];
  for (const row of rows) {
    const extraction = storedExtraction(articleFromRow({ ...row, text: '' }), row.raw_mentions, row.raw_quotes);
    const { mentions, quotes } = assembleArticle(row.path, extraction, idsByArticle.get(row.id)!, people);
    for (const m of mentions) mentionRows.push([row.id, m.start, m.end, m.text, m.entityId]);
    for (const q of quotes) quoteRows.push([row.id, q.start, q.end, q.text, q.speaker, q.source, q.group, q.partial, q.unmarked]);
  }
  await db.query(
    `INSERT INTO mentions (article_id, start, "end", text, entity_id)
     SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[])`,
    toColumns(mentionRows, 5),
  );
  await db.query(
    `INSERT INTO quotes (article_id, start, "end", text, speaker, source, quote_group, partial, unmarked)
     SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::bool[], $9::bool[])`,
    toColumns(quoteRows, 9),
  );
  await db.query(
    `INSERT INTO entity_articles (entity_id, article_id, date, start, "end", text)
     SELECT DISTINCT ON (m.entity_id, m.article_id) m.entity_id, m.article_id, a.date, m.start, m."end", m.text
     FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.article_id = ANY($1::int[])
     ORDER BY m.entity_id, m.article_id, m.start`,
    [written],
  );
  // The vocabulary only grows: a word no quote holds any more matches nothing. Read from the stored tsvectors
  // (ts_stat), not parsed again.
  await db.query(
    `INSERT INTO quote_words (word) SELECT word FROM ts_stat(format('SELECT words FROM quotes WHERE article_id = ANY(%L::int[])', $1::int[]))
     ON CONFLICT DO NOTHING`,
    [written],
  );
  return rows.length;
}

/** The entities table made to match the resolution: people with at least one mention. */
async function replaceEntities(db: pg.ClientBase, people: ReadonlyMap<string, Person>, mentionCounts: ReadonlyMap<string, number>, articleCounts: ReadonlyMap<string, number>): Promise<void> {
  // Arrays of arrays do not pass through unnest: each list travels as JSON.
  const rows = [...mentionCounts].map(([id, count]) => {
    const person = people.get(id)!;
    return [id, person.type, person.name, JSON.stringify(person.aliases), JSON.stringify(person.roles), count, articleCounts.get(id) ?? 0];
  });
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
