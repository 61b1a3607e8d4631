// The whole archive read into memory as a CorpusReader, so whatever reads a folder index (the export,
// statistics) reads an archive the same way and new export fields follow without archive code. Meant for
// whole-corpus consumers; the editor's queries go to the database one at a time (queries.ts).
import { QuoteTrails } from '../core/index/quoteTrails';
import type { QuoteTrail } from '../core/trails';
import type pg from 'pg';
import type { CorpusReader } from '../core/api';
import { emptyCorpusConfig, parseCorpusYaml } from '../core/extract/corpusYaml';
import { mentionAtOffset, quoteAtOffset } from '../core/index/spanLookup';
import type { Article, CorpusConfig, Entity, EntityType, Mention, Person, Quote } from '../core/types';
import { articleFromRow, type ArticleRow } from './rawExtraction';
import { byPathThenStart, compareCodeUnits } from '../core/util/compare';


function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

class ArchiveSnapshot implements CorpusReader {
  private readonly articleByPath: ReadonlyMap<string, Article>;
  private readonly entityById: ReadonlyMap<string, Entity>;
  private readonly mentionsByPath: ReadonlyMap<string, Mention[]>;
  private readonly quotesByPath: ReadonlyMap<string, Quote[]>;
  private readonly quotesBySpeaker: ReadonlyMap<string, Quote[]>;
  private readonly quotesBySource: ReadonlyMap<string, Quote[]>;
  private readonly sortedPeople: Person[];
  /** Built from the snapshot's quotes by the same code as the folder index's, so exports agree. */
  private readonly quoteTrails = new QuoteTrails();

  constructor(
    readonly root: string,
    readonly config: CorpusConfig,
    private readonly sortedArticles: Article[],
    private readonly sortedEntities: Entity[],
    mentions: Mention[],
    private readonly allQuotes: Quote[],
  ) {
    this.articleByPath = new Map(sortedArticles.map((article) => [article.path, article]));
    this.entityById = new Map(sortedEntities.map((entity) => [entity.id, entity]));
    mentions.sort(byPathThenStart);
    allQuotes.sort(byPathThenStart);
    for (const [id, list] of groupBy(mentions, (mention) => mention.entityId)) {
      const entity = this.entityById.get(id);
      if (entity) entity.mentions = list;
    }
    this.mentionsByPath = groupBy(mentions, (mention) => mention.path);
    this.quotesByPath = groupBy(allQuotes, (quote) => quote.path);
    this.quotesBySpeaker = groupBy(allQuotes, (quote) => quote.speaker);
    this.quotesBySource = groupBy(allQuotes, (quote) => quote.source);
    this.sortedPeople = sortedEntities.filter((entity) => entity.type === 'person');
    this.quoteTrails.markChanged(this.articleByPath.keys());
  }

  trails(): readonly QuoteTrail[] {
    return this.quoteTrails.trails(this);
  }

  trailOf(quote: Pick<Quote, 'path' | 'start'>): QuoteTrail | undefined {
    return this.quoteTrails.trailOf(this, quote);
  }

  articles(): readonly Article[] {
    return this.sortedArticles;
  }
  article(path: string): Article | undefined {
    return this.articleByPath.get(path);
  }
  entities(): readonly Entity[] {
    return this.sortedEntities;
  }
  entity(id: string): Entity | undefined {
    return this.entityById.get(id);
  }
  people(): readonly Person[] {
    return this.sortedPeople;
  }
  person(id: string): Person | undefined {
    const entity = this.entityById.get(id);
    return entity?.type === 'person' ? entity : undefined;
  }
  quotes(): readonly Quote[] {
    return this.allQuotes;
  }
  quoteCount(): number {
    return this.allQuotes.length;
  }
  quotesIn(path: string): readonly Quote[] {
    return this.quotesByPath.get(path) ?? [];
  }
  quotesBy(personId: string): readonly Quote[] {
    return this.quotesBySpeaker.get(personId) ?? [];
  }
  quotesFrom(entityId: string): readonly Quote[] {
    return this.quotesBySource.get(entityId) ?? [];
  }
  mentionsIn(path: string): readonly Mention[] {
    return this.mentionsByPath.get(path) ?? [];
  }
  mentionAt(path: string, offset: number): Mention | undefined {
    return mentionAtOffset(this.mentionsIn(path), offset);
  }
  quoteAt(path: string, offset: number): Quote | undefined {
    return quoteAtOffset(this.quotesIn(path), offset);
  }
  problems(): readonly { path: string; message: string }[] {
    return [];
  }
}

/** Reads the whole archive (in one repeatable-read transaction, so a resolution committing meanwhile is not half seen). */
export async function loadArchiveSnapshot(db: pg.ClientBase, root = ''): Promise<CorpusReader> {
  await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const meta = await db.query<{ value: string }>("SELECT value FROM archive_meta WHERE key = 'corpus.yaml'");
    const configText = meta.rows.length > 0 ? (JSON.parse(meta.rows[0].value) as string | null) : null;
    const config = configText === null ? emptyCorpusConfig() : parseCorpusYaml(configText);

    const articleRows = await db.query<ArticleRow & { id: number; path: string }>('SELECT id, path, details, text FROM articles');
    const pathById = new Map<number, string>();
    const articles = articleRows.rows.map((row) => {
      pathById.set(row.id, row.path);
      return articleFromRow(row);
    });
    articles.sort((a, b) => compareCodeUnits(a.path, b.path));

    const entityRows = await db.query<{ id: string; type: EntityType; name: string; aliases: string[]; roles: string[] }>(
      'SELECT id, type, name, aliases, roles FROM entities ORDER BY mention_count DESC, id COLLATE "C"',
    );
    const entities: Entity[] = entityRows.rows.map((row) => ({ id: row.id, type: row.type, name: row.name, aliases: row.aliases, roles: row.roles, mentions: [] }));

    const mentionRows = await db.query<{ article_id: number; start: number; end: number; text: string; entity_id: string }>('SELECT article_id, start, "end", text, entity_id FROM mentions');
    const mentions: Mention[] = mentionRows.rows.map((row) => ({ path: pathById.get(row.article_id)!, start: row.start, end: row.end, text: row.text, entityId: row.entity_id }));

    const quoteRows = await db.query<{ article_id: number; start: number; end: number; text: string; speaker: string | null; source: string | null; quote_group: number; partial: boolean; unmarked: boolean }>(
      'SELECT article_id, start, "end", text, speaker, source, quote_group, partial, unmarked FROM quotes',
    );
    const quotes: Quote[] = quoteRows.rows.map((row) => ({
      path: pathById.get(row.article_id)!,
      start: row.start,
      end: row.end,
      text: row.text,
      speaker: row.speaker,
      source: row.source,
      group: row.quote_group,
      partial: row.partial,
      unmarked: row.unmarked,
    }));
    await db.query('COMMIT');
    return new ArchiveSnapshot(root, config, articles, entities, mentions, quotes);
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
