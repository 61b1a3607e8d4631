// What the editor asks of an archive, as one async interface: the editor's archive features depend on
// `ArchiveReader`, never on pg, so they can be served by any implementation of it. `openArchiveReader` is the
// PostgreSQL one: a small pool of read-only connections (default_transaction_read_only), a server-side
// statement timeout and a client-side query timeout, the password asked only when the server wants one.
import type pg from 'pg';
import { connectPool, type ConnectionFields } from './db';
import { schemaVersion, SCHEMA_VERSION } from './schema';
import * as queries from './queries';
import type { ArchiveArticle, ArchiveEntity, ArchiveMention, ArchiveMentionOf, ArchiveSummary, ArticleSummary, EntityQuotes, HoverCard, TimelineRows, TreeGroup } from './queries';
import { searchArchiveQuotes, type QuoteHit } from './quoteQueries';

export type {
  ArchiveArticle,
  ArchiveEntity,
  ArchiveMention,
  ArchiveMentionOf,
  ArchiveSummary,
  ArticleSummary,
  EntityQuotes,
  HoverCard,
  QuoteSpan,
  TimelineRows,
  TreeGroup,
} from './queries';
export type { QuoteHit } from './quoteQueries';
export type { ConnectionFields } from './db';

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

/** Every answer is one of the archive's queries (queries.ts) on the pool. */
class PgArchiveReader implements ArchiveReader {
  constructor(private readonly pool: pg.Pool) {}

  summary(): Promise<ArchiveSummary> {
    return queries.archiveSummary(this.pool);
  }

  article(path: string): Promise<ArchiveArticle | null> {
    return queries.article(this.pool, path);
  }

  texts(paths: readonly string[]): Promise<Map<string, string>> {
    return queries.articleTexts(this.pool, paths);
  }

  hover(path: string, offset: number, maxOthers: number): Promise<HoverCard | null> {
    return queries.hoverCard(this.pool, path, offset, maxOthers);
  }

  entity(id: string): Promise<ArchiveEntity | null> {
    return queries.entity(this.pool, id);
  }

  definition(entityId: string): Promise<ArchiveMention | null> {
    return queries.definition(this.pool, entityId);
  }

  firstMentions(entityIds: readonly string[]): Promise<Map<string, ArchiveMention>> {
    return queries.firstMentions(this.pool, entityIds);
  }

  references(entityId: string, page: Page): Promise<ArchiveMention[]> {
    return queries.references(this.pool, entityId, page);
  }

  quotesFrom(entityId: string, limit: number): Promise<EntityQuotes> {
    return queries.quotesFrom(this.pool, entityId, limit);
  }

  mentionsIn(path: string): Promise<ArchiveMentionOf[]> {
    return queries.mentionsIn(this.pool, path);
  }

  searchEntities(query: string, limit: number): Promise<ArchiveEntity[]> {
    return queries.searchEntities(this.pool, query, limit);
  }

  searchQuotes(query: string, limit: number): Promise<QuoteHit[]> {
    return searchArchiveQuotes(this.pool, query, { limit });
  }

  outlets(): Promise<{ outlet: string | null; articles: number }[]> {
    return queries.outlets(this.pool);
  }

  topEntities(type: string, page: Page): Promise<ArchiveEntity[]> {
    return queries.topEntities(this.pool, type, page);
  }

  articlePage(group: TreeGroup, page: Page): Promise<ArticleSummary[]> {
    return queries.articlePage(this.pool, group, page);
  }

  timelineRows(entityId: string, limit: number): Promise<TimelineRows | null> {
    return queries.timelineRows(this.pool, entityId, limit);
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
