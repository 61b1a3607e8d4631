// How the Articles view arranges a corpus: articles grouped by outlet, by year and month, or under the entities
// of one type, and what its filter keeps (articles by title, path or an entity they mention; entities by name,
// alias or an article of theirs).
import type { CorpusReader } from '../api';
import { articleTitle } from './labels';
import { compareByDate } from './ordering';
import type { Article, Entity, EntityType, Mention } from '../types';

export const UNKNOWN_OUTLET = 'Unknown outlet';
export const UNDATED = 'Undated';

export interface ArticleGroup {
  /** What the group is keyed by: an outlet, a year, a two-digit month, or UNDATED / '' for undated articles. */
  key: string;
  label: string;
  articles: Article[];
}

/** Items grouped by a key, each group in the items' order; groups in order of first appearance. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function monthName(month: string): string {
  const date = new Date(Date.UTC(2000, Number(month) - 1, 1));
  return Number.isNaN(date.getTime()) ? month : date.toLocaleString('en', { month: 'long', timeZone: 'UTC' });
}

/** Outlets A to Z, unknown outlet last; each outlet's articles in reverse date order (newest first, undated before them). */
export function groupByOutlet(articles: readonly Article[]): ArticleGroup[] {
  const byOutlet = groupBy(articles, (a) => a.outlet?.trim() || UNKNOWN_OUTLET);
  const names = [...byOutlet.keys()].sort((a, b) => (a === UNKNOWN_OUTLET ? 1 : b === UNKNOWN_OUTLET ? -1 : a.localeCompare(b)));
  return names.map((label) => ({ key: label, label, articles: (byOutlet.get(label) ?? []).sort((a, b) => -compareByDate(a, b)) }));
}

/** Years newest first, as news is read; undated articles last (keyed UNDATED). Articles keep their order. */
export function groupByYear(articles: readonly Article[]): ArticleGroup[] {
  const byYear = groupBy(articles, (a) => a.date?.slice(0, 4) || UNDATED);
  const years = [...byYear.keys()].sort((a, b) => (a === UNDATED ? 1 : b === UNDATED ? -1 : b.localeCompare(a)));
  return years.map((label) => ({ key: label, label, articles: byYear.get(label) ?? [] }));
}

/** Months of one year's articles, newest first, labelled by name (an article without a month is keyed ''). */
export function groupByMonth(articles: readonly Article[]): ArticleGroup[] {
  const byMonth = groupBy(articles, (a) => a.date?.slice(5, 7) || '');
  return [...byMonth.keys()]
    .sort((a, b) => b.localeCompare(a))
    .map((month) => ({ key: month, label: month ? monthName(month) : UNDATED, articles: byMonth.get(month) ?? [] }));
}

/** The entities of one type, most mentioned first (the order of `entities()`). */
export function entitiesOfType(corpus: Pick<CorpusReader, 'entities'>, type: EntityType): Entity[] {
  return corpus.entities().filter((entity) => entity.type === type);
}

/** An entity's mentions by article: each article's mentions by offset, articles in date order (oldest first). */
export function mentionsByArticle(corpus: Pick<CorpusReader, 'article'>, entity: Entity): { article: Article; mentions: Mention[] }[] {
  return [...groupBy(entity.mentions, (m) => m.path)]
    .flatMap(([path, mentions]) => {
      const article = corpus.article(path);
      return article ? [{ article, mentions: [...mentions].sort((a, b) => a.start - b.start) }] : [];
    })
    .sort((a, b) => compareByDate(a.article, b.article));
}

/** The view's filter: its text found, ignoring case, in titles, paths, and entities' names and aliases. */
export class ArticleFilter {
  constructor(readonly text: string) {}

  /** An empty filter keeps everything. */
  get isEmpty(): boolean {
    return !this.text;
  }

  matches(text: string | null | undefined): boolean {
    return !!text && text.toLowerCase().includes(this.text.toLowerCase());
  }

  /** By name or alias. */
  entityMatches(entity: Entity | undefined): boolean {
    return !!entity && (this.matches(entity.name) || entity.aliases.some((a) => this.matches(a)));
  }

  /** By title or path. */
  articleMatches(article: Article): boolean {
    return this.matches(articleTitle(article)) || this.matches(article.path);
  }

  /** An article passes the filter by its title or path, or by an entity it mentions. */
  articlePasses(corpus: Pick<CorpusReader, 'mentionsIn' | 'entity'>, article: Article): boolean {
    if (this.isEmpty) return true;
    if (this.articleMatches(article)) return true;
    const seen = new Set<string>();
    for (const m of corpus.mentionsIn(article.path)) {
      if (seen.has(m.entityId)) continue;
      seen.add(m.entityId);
      if (this.entityMatches(corpus.entity(m.entityId))) return true;
    }
    return false;
  }

  /** An entity passes by name or alias, or by an article mentioning it that passes by title or path. */
  entityPasses(corpus: Pick<CorpusReader, 'article'>, entity: Entity): boolean {
    if (this.isEmpty || this.entityMatches(entity)) return true;
    return entity.mentions.some((m) => {
      const article = corpus.article(m.path);
      return !!article && this.articleMatches(article);
    });
  }
}
