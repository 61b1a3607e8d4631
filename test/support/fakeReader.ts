// A hand-made CorpusReader for the query tests: articles with dates and outlets, mentions and quotes given
// directly, so a query's rules are tested without running the extractors.
import { emptyCorpusConfig } from '../../src/core/extract/corpusYaml';
import type { CorpusReader } from '../../src/core/api';
import type { Article, Entity, EntityType, Mention, Quote } from '../../src/core/types';

export interface FakeArticle {
  path: string;
  date?: string | null;
  outlet?: string | null;
  title?: string | null;
  text?: string;
}

export interface FakeEntity {
  id: string;
  name: string;
  type?: EntityType;
}

export interface FakeMention {
  path: string;
  start: number;
  entityId: string;
  text?: string;
}

export interface FakeQuote {
  path: string;
  start: number;
  text: string;
  source: string | null;
}

export function fakeReader(articles: FakeArticle[], entities: FakeEntity[], mentions: FakeMention[], quotes: FakeQuote[] = []): CorpusReader {
  const articleList: Article[] = articles
    .map((a) => ({
      path: a.path,
      text: a.text ?? '',
      encoding: 'utf-8' as const,
      boilerplate: [],
      frontMatter: null,
      title: a.title ?? null,
      outlet: a.outlet ?? null,
      date: a.date ?? null,
      url: null,
      byline: null,
      credit: null,
    }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  const byPath = new Map(articleList.map((a) => [a.path, a]));
  const allMentions: Mention[] = mentions.map((m) => {
    const text = m.text ?? 'Name';
    return { path: m.path, start: m.start, end: m.start + text.length, text, entityId: m.entityId };
  });
  const entityList: Entity[] = entities
    .map((e) => ({ id: e.id, type: e.type ?? 'person', name: e.name, aliases: [], roles: [], mentions: allMentions.filter((m) => m.entityId === e.id) }))
    .sort((a, b) => b.mentions.length - a.mentions.length);
  const byId = new Map(entityList.map((e) => [e.id, e]));
  const allQuotes: Quote[] = quotes.map((q) => ({
    path: q.path,
    start: q.start,
    end: q.start + q.text.length,
    text: q.text,
    speaker: q.source && byId.get(q.source)?.type === 'person' ? q.source : null,
    source: q.source,
    group: q.start,
    partial: false,
    unmarked: false,
  }));
  return {
    root: '/fake',
    config: emptyCorpusConfig(),
    articles: () => articleList,
    article: (path) => byPath.get(path),
    entities: () => entityList,
    entity: (id) => byId.get(id),
    people: () => entityList.filter((e) => e.type === 'person'),
    person: (id) => (byId.get(id)?.type === 'person' ? byId.get(id) : undefined),
    quotes: () => allQuotes,
    quoteCount: () => allQuotes.length,
    quotesIn: (path) => allQuotes.filter((q) => q.path === path),
    quotesBy: (id) => allQuotes.filter((q) => q.speaker === id),
    quotesFrom: (id) => allQuotes.filter((q) => q.source === id),
    mentionsIn: (path) => allMentions.filter((m) => m.path === path).sort((a, b) => a.start - b.start),
    mentionAt: (path, offset) => allMentions.find((m) => m.path === path && m.start <= offset && offset <= m.end),
    quoteAt: (path, offset) => allQuotes.find((q) => q.path === path && q.start <= offset && offset <= q.end),
    problems: () => [],
    trails: () => [],
    trailOf: () => undefined,
  };
}
