// The editor's questions to an archive, one indexed query each (archiveReader.ts only calls them): the mention
// under the cursor with its entity's card (hover), an entity's mentions (references, definition, highlights),
// entities by name (symbols, search) or by mention count, a page of articles by outlet, date or entity (the
// tree), an entity's quotes (hover) and timeline rows, and article texts. Fuzzy quote search is quoteQueries.ts.
import { normalizeForSearch } from '../core/search/normalize';
import { PeopleSearch } from '../core/search/peopleSearch';
import type { Queryable } from './db';

export interface ArchiveMention {
  path: string;
  start: number;
  end: number;
  text: string;
}

export interface ArchiveEntity {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  roles: string[];
  mentionCount: number;
  articleCount: number;
}

export interface HoverCard {
  mention: ArchiveMention & { entityId: string };
  entity: ArchiveEntity;
  /** Mentions in other articles, one per article, closest in date to the hovered article first. */
  others: (ArchiveMention & { title: string | null; date: string | null })[];
}

export interface EntityRow {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  roles: string[];
  mention_count: number;
  article_count: number;
}

export const entityOf = (row: EntityRow): ArchiveEntity => ({
  id: row.id,
  type: row.type,
  name: row.name,
  aliases: row.aliases,
  roles: row.roles,
  mentionCount: row.mention_count,
  articleCount: row.article_count,
});

/** The mention at `offset` in `path` (start <= offset <= end) and its entity's card, or null. */
export async function hoverCard(db: Queryable, path: string, offset: number, maxOthers = 5): Promise<HoverCard | null> {
  const { rows } = await db.query<EntityRow & { article_id: number; start: number; end: number; text: string; entity_id: string; others: HoverCard['others'] | null }>(
    `WITH target AS (
       SELECT a.id AS article_id, a.date, m.start, m."end", m.text, m.entity_id
       FROM articles a
       CROSS JOIN LATERAL (SELECT * FROM mentions m WHERE m.article_id = a.id AND m.start <= $2 ORDER BY m.start DESC LIMIT 1) m
       WHERE a.path = $1 AND m."end" >= $2)
     SELECT t.article_id, t.start, t."end", t.text, t.entity_id, e.id, e.type, e.name, e.aliases, e.roles, e.mention_count, e.article_count,
       (SELECT json_agg(json_build_object('path', o.path, 'start', o.start, 'end', o."end", 'text', o.text, 'title', o.title, 'date', o.date))
        FROM (SELECT a.path, a.title, n.date, n.start, n."end", n.text
              FROM (
                (SELECT * FROM entity_articles x WHERE x.entity_id = t.entity_id AND x.article_id <> t.article_id AND x.date <= t.date ORDER BY x.date DESC NULLS LAST LIMIT $3)
                UNION ALL
                (SELECT * FROM entity_articles x WHERE x.entity_id = t.entity_id AND x.article_id <> t.article_id AND x.date > t.date ORDER BY x.date ASC NULLS FIRST LIMIT $3)
                UNION ALL
                (SELECT * FROM entity_articles x WHERE x.entity_id = t.entity_id AND x.article_id <> t.article_id AND x.date IS NULL LIMIT $3)
                UNION ALL
                (SELECT * FROM entity_articles x WHERE t.date IS NULL AND x.entity_id = t.entity_id AND x.article_id <> t.article_id AND x.date IS NOT NULL LIMIT $3)
              ) n JOIN articles a ON a.id = n.article_id
              ORDER BY abs(coalesce(n.date::date - t.date::date, 1000000)), a.path COLLATE "C" LIMIT $3) o) AS others
     FROM target t JOIN entities e ON e.id = t.entity_id`,
    [path, offset, maxOthers],
  );
  const row = rows[0];
  if (!row) return null;
  return { mention: { path, start: row.start, end: row.end, text: row.text, entityId: row.entity_id }, entity: entityOf(row), others: row.others ?? [] };
}

/** An entity's mentions in article then offset order, a page at a time. */
export async function references(db: Queryable, entityId: string, options: { limit?: number; offset?: number } = {}): Promise<ArchiveMention[]> {
  const { rows } = await db.query<ArchiveMention>(
    `SELECT a.path, m.start, m."end" AS end, m.text FROM mentions m JOIN articles a ON a.id = m.article_id
     WHERE m.entity_id = $1 ORDER BY m.article_id, m.start LIMIT $2 OFFSET $3`,
    [entityId, options.limit ?? 1000, options.offset ?? 0],
  );
  return rows;
}

export async function entity(db: Queryable, id: string): Promise<ArchiveEntity | null> {
  const { rows } = await db.query<EntityRow>('SELECT * FROM entities WHERE id = $1', [id]);
  return rows[0] ? entityOf(rows[0]) : null;
}

/** The most mentioned entities of a type, a page at a time. */
export async function topEntities(db: Queryable, type: string, page: { limit: number; offset: number }): Promise<ArchiveEntity[]> {
  const { rows } = await db.query<EntityRow>('SELECT * FROM entities WHERE type = $1 ORDER BY mention_count DESC, id LIMIT $2 OFFSET $3', [type, page.limit, page.offset]);
  return rows.map(entityOf);
}

/**
 * Up to this many rows, a search reads the whole table and ranks it in memory: the result is then exactly the
 * in-memory search's. Above it, the trigram index picks candidates.
 */
export const EXHAUSTIVE_BELOW = 5000;

/** Whether `table` has at most `limit` rows (a bounded count: cheap on a large table). */
export async function smallTable(db: Queryable, table: 'entities' | 'quotes', limit: number): Promise<boolean> {
  if (limit <= 0) return false;
  // A large table stays large: remembered for a while per connection or pool, a round trip less per search.
  const key = `${table} ${limit}`;
  let known = largeUntil.get(db);
  if (!known) largeUntil.set(db, (known = new Map()));
  if ((known.get(key) ?? 0) > Date.now()) return false;
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${table} LIMIT $1) t`, [limit + 1]);
  const small = rows[0].n <= limit;
  if (!small) known.set(key, Date.now() + LARGE_REMEMBERED_MS);
  return small;
}

const LARGE_REMEMBERED_MS = 60_000;
const largeUntil = new WeakMap<Queryable, Map<string, number>>();

/** Entities whose name is like `query`, ranked as the in-memory people search ranks them. */
export async function searchEntities(db: Queryable, query: string, limit = 20, options: { exhaustiveBelow?: number; types?: readonly string[] } = {}): Promise<ArchiveEntity[]> {
  const pattern = normalizeForSearch(query.trim());
  if (!pattern) return [];
  const all = await smallTable(db, 'entities', options.exhaustiveBelow ?? EXHAUSTIVE_BELOW);
  // The types narrow the candidates before their limit: after it, entities of other types could take every place.
  const types = options.types ?? null;
  const { rows } = all
    ? await db.query<EntityRow>('SELECT * FROM entities WHERE $1::text[] IS NULL OR type = ANY($1)', [types])
    : await db.query<EntityRow>(
        `SELECT * FROM entities WHERE ($2::text[] IS NULL OR type = ANY($2)) AND ($1 <% lower(name) OR lower(name) <% $1)
         ORDER BY word_similarity($1, lower(name)) DESC, mention_count DESC LIMIT 300`,
        [pattern, types],
      );
  const people = new PeopleSearch(rows.map(entityOf).sort((a, b) => b.mentionCount - a.mentionCount || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  return people.search(query, { limit }).map((hit) => hit.item);
}

export interface ArticleSummary {
  path: string;
  title: string | null;
  outlet: string | null;
  date: string | null;
}

export type TreeGroup = { by: 'outlet'; outlet: string | null } | { by: 'entity'; entityId: string } | { by: 'month'; month: string };

/** One page of a tree group's articles, newest first. */
export async function articlePage(db: Queryable, group: TreeGroup, options: { limit?: number; offset?: number } = {}): Promise<ArticleSummary[]> {
  const page = [options.limit ?? 100, options.offset ?? 0];
  const order = 'ORDER BY a.date DESC NULLS LAST, a.path LIMIT $2 OFFSET $3';
  const columns = 'a.path, a.title, a.outlet, a.date';
  if (group.by === 'outlet') {
    const where = group.outlet === null ? 'a.outlet IS NULL AND $1::text IS NULL' : 'a.outlet = $1';
    return (await db.query<ArticleSummary>(`SELECT ${columns} FROM articles a WHERE ${where} ${order}`, [group.outlet, ...page])).rows;
  }
  if (group.by === 'month') {
    return (await db.query<ArticleSummary>(`SELECT ${columns} FROM articles a WHERE a.date >= $1 || '-01' AND a.date <= $1 || '-31' ${order}`, [group.month, ...page])).rows;
  }
  return (
    await db.query<ArticleSummary>(`SELECT ${columns} FROM entity_articles x JOIN articles a ON a.id = x.article_id WHERE x.entity_id = $1 ${order.replace('a.date', 'x.date')}`, [group.entityId, ...page])
  ).rows;
}

/** The tree's top level: outlets with their article counts. */
export async function outlets(db: Queryable): Promise<{ outlet: string | null; articles: number }[]> {
  const { rows } = await db.query<{ outlet: string | null; articles: string }>('SELECT outlet, count(*) AS articles FROM articles GROUP BY outlet ORDER BY outlet');
  return rows.map((row) => ({ outlet: row.outlet, articles: Number(row.articles) }));
}

export interface QuoteSpan {
  path: string;
  start: number;
  end: number;
  text: string;
}

export interface ArchiveArticle extends ArticleSummary {
  text: string;
}

export interface ArchiveMentionOf extends ArchiveMention {
  entityId: string;
  entityType: string;
}

export interface ArchiveSummary {
  articles: number;
  entities: number;
}

export interface EntityQuotes {
  /** Every quote the entity is the source of. */
  count: number;
  /** The newest few, each with its article. */
  newest: (QuoteSpan & Pick<ArticleSummary, 'title' | 'date'>)[];
}

/** What a timeline counts for one entity: its mentions, the quotes it is the source of, and their articles. */
export interface TimelineRows {
  entity: ArchiveEntity;
  mentions: { path: string; start: number; end: number }[];
  quotes: QuoteSpan[];
  articles: ArticleSummary[];
}

export async function archiveSummary(db: Queryable): Promise<ArchiveSummary> {
  const { rows } = await db.query<ArchiveSummary>('SELECT (SELECT count(*)::int FROM articles) AS articles, (SELECT count(*)::int FROM entities) AS entities');
  return rows[0];
}

export async function article(db: Queryable, path: string): Promise<ArchiveArticle | null> {
  const { rows } = await db.query<ArchiveArticle>('SELECT path, title, outlet, date, text FROM articles WHERE path = $1', [path]);
  return rows[0] ?? null;
}

/** The texts of the articles at `paths` that the archive holds, keyed by path. */
export async function articleTexts(db: Queryable, paths: readonly string[]): Promise<Map<string, string>> {
  if (paths.length === 0) return new Map();
  const { rows } = await db.query<{ path: string; text: string }>('SELECT path, text FROM articles WHERE path = ANY($1::text[])', [paths]);
  return new Map(rows.map((row) => [row.path, row.text]));
}

/** The mentions of the article at `path`, in offset order, with their entities' ids and types. */
export async function mentionsIn(db: Queryable, path: string): Promise<ArchiveMentionOf[]> {
  const { rows } = await db.query<ArchiveMentionOf>(
    `SELECT a.path, m.start, m."end" AS end, m.text, m.entity_id AS "entityId", e.type AS "entityType"
     FROM articles a JOIN mentions m ON m.article_id = a.id JOIN entities e ON e.id = m.entity_id
     WHERE a.path = $1 ORDER BY m.start`,
    [path],
  );
  return rows;
}

// The order of core/query/ordering.ts's mentionsInDateOrder (oldest first, undated last, then path and offset),
// a mention carrying the full name first (core/query/definition.ts).
const DEFINITION_ORDER = `(strpos(lower(m.text), lower(e.name)) > 0) DESC, a.date ASC NULLS LAST, a.path COLLATE "C", m.start`;

/** Go to Definition: the first mention in date order carrying the entity's full name, else its first. */
export async function definition(db: Queryable, entityId: string): Promise<ArchiveMention | null> {
  const { rows } = await db.query<ArchiveMention>(
    `SELECT a.path, m.start, m."end" AS end, m.text FROM mentions m JOIN articles a ON a.id = m.article_id JOIN entities e ON e.id = m.entity_id
     WHERE m.entity_id = $1 ORDER BY ${DEFINITION_ORDER} LIMIT 1`,
    [entityId],
  );
  return rows[0] ?? null;
}

/** The definition of several entities at once, from each entity's first mention per article. */
export async function firstMentions(db: Queryable, entityIds: readonly string[]): Promise<Map<string, ArchiveMention>> {
  if (entityIds.length === 0) return new Map();
  // entity_articles (one row per entity and article) rather than every mention: a famous name has tens of
  // thousands of mentions, and this serves lists (symbols) where the exact definition matters less.
  const { rows } = await db.query<ArchiveMention & { entity_id: string }>(
    `SELECT DISTINCT ON (m.entity_id) m.entity_id, a.path, m.start, m."end" AS end, m.text
     FROM entity_articles m JOIN articles a ON a.id = m.article_id JOIN entities e ON e.id = m.entity_id
     WHERE m.entity_id = ANY($1::text[]) ORDER BY m.entity_id, ${DEFINITION_ORDER}`,
    [entityIds],
  );
  return new Map(rows.map(({ entity_id, ...mention }) => [entity_id, mention]));
}

/** The quotes an entity is the source of: how many, and the newest `limit`. */
export async function quotesFrom(db: Queryable, entityId: string, limit: number): Promise<EntityQuotes> {
  const [count, newest] = await Promise.all([
    db.query<{ n: number }>('SELECT count(*)::int AS n FROM quotes WHERE source = $1', [entityId]),
    db.query<EntityQuotes['newest'][number]>(
      `SELECT a.path, q.start, q."end" AS end, q.text, a.title, a.date FROM quotes q JOIN articles a ON a.id = q.article_id
       WHERE q.source = $1 ORDER BY a.date DESC NULLS LAST, a.path COLLATE "C", q.start LIMIT $2`,
      [entityId, limit],
    ),
  ]);
  return { count: count.rows[0].n, newest: newest.rows };
}

/** An entity's timeline rows: at most `limit` mentions and as many quotes, and every article of either. */
export async function timelineRows(db: Queryable, entityId: string, limit: number): Promise<TimelineRows | null> {
  const found = await entity(db, entityId);
  if (!found) return null;
  const [mentions, quotes, articles] = await Promise.all([
    db.query<TimelineRows['mentions'][number]>(
      `SELECT a.path, m.start, m."end" AS end FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = $1 LIMIT $2`,
      [entityId, limit],
    ),
    db.query<QuoteSpan>(`SELECT a.path, q.start, q."end" AS end, q.text FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.source = $1 LIMIT $2`, [entityId, limit]),
    db.query<ArticleSummary>(
      `SELECT a.path, a.title, a.outlet, a.date FROM articles a
       WHERE a.id IN (SELECT article_id FROM entity_articles WHERE entity_id = $1 UNION SELECT article_id FROM quotes WHERE source = $1)`,
      [entityId],
    ),
  ]);
  return { entity: found, mentions: mentions.rows, quotes: quotes.rows, articles: articles.rows };
}
