// What the editor asks of an archive, as one async interface: the editor's archive features depend on
// `ArchiveReader`, never on pg, so they can be served by any implementation of it. `openArchiveReader` is the
// PostgreSQL one: a small pool of read-only connections (default_transaction_read_only), a server-side
// statement timeout and a client-side query timeout, the password asked only when the server wants one.
import type pg from 'pg';
import { connectPool, type ConnectionFields } from './db';
import { schemaVersion, SCHEMA_VERSION } from './schema';
import {
  articlePage,
  entity,
  entityOf,
  hoverCard,
  outlets,
  references,
  searchArchiveQuotes,
  searchEntities,
  type ArchiveEntity,
  type ArchiveMention,
  type ArticleSummary,
  type EntityRow,
  type HoverCard,
  type QuoteHit,
  type TreeGroup,
} from './queries';

export type { ArchiveEntity, ArchiveMention, ArticleSummary, HoverCard, QuoteHit, TreeGroup } from './queries';
export type { ConnectionFields } from './db';

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

/** What a timeline counts for one entity: its mentions, the quotes it is the source of, and their articles. */
export interface TimelineRows {
  entity: ArchiveEntity;
  mentions: { path: string; start: number; end: number }[];
  quotes: QuoteSpan[];
  articles: ArticleSummary[];
}

export interface EntityQuotes {
  /** Every quote the entity is the source of. */
  count: number;
  /** The newest few, each with its article. */
  newest: (QuoteSpan & Pick<ArticleSummary, 'title' | 'date'>)[];
}

export interface QuoteSpan {
  path: string;
  start: number;
  end: number;
  text: string;
}

export interface Page {
  limit: number;
  offset: number;
}

/** The query side of an archive, everything asynchronous. */
export interface ArchiveReader {
  summary(): Promise<ArchiveSummary>;
  article(path: string): Promise<ArchiveArticle | null>;
  /** The texts of several articles at once (those the archive holds), keyed by path. */
  texts(paths: readonly string[]): Promise<Map<string, string>>;
  hover(path: string, offset: number, maxOthers: number): Promise<HoverCard | null>;
  entity(id: string): Promise<ArchiveEntity | null>;
  /** Go to Definition: the first mention in date order carrying the entity's full name, else its first. */
  definition(entityId: string): Promise<ArchiveMention | null>;
  /** The same for several entities at once, from each entity's first mention per article. */
  firstMentions(entityIds: readonly string[]): Promise<Map<string, ArchiveMention>>;
  references(entityId: string, page: Page): Promise<ArchiveMention[]>;
  /** The quotes an entity is the source of: how many, and the newest `limit`. */
  quotesFrom(entityId: string, limit: number): Promise<EntityQuotes>;
  mentionsIn(path: string): Promise<ArchiveMentionOf[]>;
  searchEntities(query: string, limit: number): Promise<ArchiveEntity[]>;
  searchQuotes(query: string, limit: number): Promise<QuoteHit[]>;
  outlets(): Promise<{ outlet: string | null; articles: number }[]>;
  /** The most mentioned entities of a type, a page at a time. */
  topEntities(type: string, page: Page): Promise<ArchiveEntity[]>;
  articlePage(group: TreeGroup, page: Page): Promise<ArticleSummary[]>;
  /** At most `limit` mentions and as many quotes (then the timeline says it is cut). */
  timelineRows(entityId: string, limit: number): Promise<TimelineRows | null>;
  close(): Promise<void>;
}

export interface ArchiveReaderOptions {
  /** Server side: a statement running longer is cancelled by the server. */
  statementTimeoutMs: number;
  /** Client side: a query unanswered this long fails even when the server has gone silent. */
  queryTimeoutMs: number;
  connectTimeoutMs: number;
  /** Asked when the server wants a password (not at all under trust or peer authentication). */
  password?: () => Promise<string>;
  maxConnections?: number;
}

// The order of core/query/ordering.ts's mentionsInDateOrder (oldest first, undated last, then path and offset),
// a mention carrying the full name first (core/query/definition.ts).
const DEFINITION_ORDER = `(strpos(lower(m.text), lower(e.name)) > 0) DESC, a.date ASC NULLS LAST, a.path COLLATE "C", m.start`;

class PgArchiveReader implements ArchiveReader {
  constructor(private readonly pool: pg.Pool) {}

  async summary(): Promise<ArchiveSummary> {
    const { rows } = await this.pool.query<{ articles: number; entities: number }>(
      'SELECT (SELECT count(*)::int FROM articles) AS articles, (SELECT count(*)::int FROM entities) AS entities',
    );
    return rows[0];
  }

  async article(path: string): Promise<ArchiveArticle | null> {
    const { rows } = await this.pool.query<ArchiveArticle>('SELECT path, title, outlet, date, text FROM articles WHERE path = $1', [path]);
    return rows[0] ?? null;
  }

  async texts(paths: readonly string[]): Promise<Map<string, string>> {
    if (paths.length === 0) return new Map();
    const { rows } = await this.pool.query<{ path: string; text: string }>('SELECT path, text FROM articles WHERE path = ANY($1::text[])', [paths]);
    return new Map(rows.map((row) => [row.path, row.text]));
  }

  hover(path: string, offset: number, maxOthers: number): Promise<HoverCard | null> {
    return hoverCard(this.pool, path, offset, maxOthers);
  }

  entity(id: string): Promise<ArchiveEntity | null> {
    return entity(this.pool, id);
  }

  async definition(entityId: string): Promise<ArchiveMention | null> {
    const { rows } = await this.pool.query<ArchiveMention>(
      `SELECT a.path, m.start, m."end" AS end, m.text FROM mentions m JOIN articles a ON a.id = m.article_id JOIN entities e ON e.id = m.entity_id
       WHERE m.entity_id = $1 ORDER BY ${DEFINITION_ORDER} LIMIT 1`,
      [entityId],
    );
    return rows[0] ?? null;
  }

  async firstMentions(entityIds: readonly string[]): Promise<Map<string, ArchiveMention>> {
    if (entityIds.length === 0) return new Map();
    // entity_articles (one row per entity and article) rather than every mention: a famous name has tens of
    // thousands of mentions, and this serves lists (symbols) where the exact definition matters less.
    const { rows } = await this.pool.query<ArchiveMention & { entity_id: string }>(
      `SELECT DISTINCT ON (m.entity_id) m.entity_id, a.path, m.start, m."end" AS end, m.text
       FROM entity_articles m JOIN articles a ON a.id = m.article_id JOIN entities e ON e.id = m.entity_id
       WHERE m.entity_id = ANY($1::text[]) ORDER BY m.entity_id, ${DEFINITION_ORDER}`,
      [entityIds],
    );
    return new Map(rows.map(({ entity_id, ...mention }) => [entity_id, mention]));
  }

  references(entityId: string, page: Page): Promise<ArchiveMention[]> {
    return references(this.pool, entityId, page);
  }

  async quotesFrom(entityId: string, limit: number): Promise<EntityQuotes> {
    const [count, newest] = await Promise.all([
      this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM quotes WHERE source = $1', [entityId]),
      this.pool.query<EntityQuotes['newest'][number]>(
        `SELECT a.path, q.start, q."end" AS end, q.text, a.title, a.date FROM quotes q JOIN articles a ON a.id = q.article_id
         WHERE q.source = $1 ORDER BY a.date DESC NULLS LAST, a.path COLLATE "C", q.start LIMIT $2`,
        [entityId, limit],
      ),
    ]);
    return { count: count.rows[0].n, newest: newest.rows };
  }

  async mentionsIn(path: string): Promise<ArchiveMentionOf[]> {
    const { rows } = await this.pool.query<ArchiveMentionOf>(
      `SELECT a.path, m.start, m."end" AS end, m.text, m.entity_id AS "entityId", e.type AS "entityType"
       FROM articles a JOIN mentions m ON m.article_id = a.id JOIN entities e ON e.id = m.entity_id
       WHERE a.path = $1 ORDER BY m.start`,
      [path],
    );
    return rows;
  }

  searchEntities(query: string, limit: number): Promise<ArchiveEntity[]> {
    return searchEntities(this.pool, query, limit);
  }

  searchQuotes(query: string, limit: number): Promise<QuoteHit[]> {
    return searchArchiveQuotes(this.pool, query, { limit });
  }

  outlets(): Promise<{ outlet: string | null; articles: number }[]> {
    return outlets(this.pool);
  }

  async topEntities(type: string, page: Page): Promise<ArchiveEntity[]> {
    const { rows } = await this.pool.query<EntityRow>('SELECT * FROM entities WHERE type = $1 ORDER BY mention_count DESC, id LIMIT $2 OFFSET $3', [
      type,
      page.limit,
      page.offset,
    ]);
    return rows.map(entityOf);
  }

  articlePage(group: TreeGroup, page: Page): Promise<ArticleSummary[]> {
    return articlePage(this.pool, group, page);
  }

  async timelineRows(entityId: string, limit: number): Promise<TimelineRows | null> {
    const found = await this.entity(entityId);
    if (!found) return null;
    const [mentions, quotes, articles] = await Promise.all([
      this.pool.query<TimelineRows['mentions'][number]>(
        `SELECT a.path, m.start, m."end" AS end FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = $1 LIMIT $2`,
        [entityId, limit],
      ),
      this.pool.query<TimelineRows['quotes'][number]>(
        `SELECT a.path, q.start, q."end" AS end, q.text FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.source = $1 LIMIT $2`,
        [entityId, limit],
      ),
      this.pool.query<ArticleSummary>(
        `SELECT a.path, a.title, a.outlet, a.date FROM articles a
         WHERE a.id IN (SELECT article_id FROM entity_articles WHERE entity_id = $1 UNION SELECT article_id FROM quotes WHERE source = $1)`,
        [entityId],
      ),
    ]);
    return { entity: found, mentions: mentions.rows, quotes: quotes.rows, articles: articles.rows };
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/**
 * Connects to an archive for reading and checks it is one this program understands. Rejects (the pool closed)
 * when the server cannot be reached, refuses the login, or holds no archive or a newer one.
 */
export async function openArchiveReader(connection: ConnectionFields, options: ArchiveReaderOptions): Promise<ArchiveReader> {
  const pool = connectPool(connection, {
    readOnly: true,
    statementTimeoutMs: options.statementTimeoutMs,
    queryTimeoutMs: options.queryTimeoutMs,
    connectTimeoutMs: options.connectTimeoutMs,
    password: options.password,
    applicationName: 'corpus-navigator-editor',
    max: options.maxConnections ?? 4,
  });
  try {
    const version = await schemaVersion(pool);
    if (version === 0) throw new Error(`the database "${connection.database}" holds no Corpus Navigator archive (index one with corpus-navigator index DIR --db URL)`);
    if (version > SCHEMA_VERSION) throw new Error(`the archive's schema is version ${version}, newer than this Corpus Navigator (${SCHEMA_VERSION}): update the extension`);
    return new PgArchiveReader(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}
