// Date order, as the editor shows articles and a person's mentions: oldest first, undated last.
import type { CorpusReader } from '../api';
import type { Article, Mention, Person, Quote } from '../types';

/** Compares articles by date, oldest first, undated last; then by path so the order is total. */
export function compareByDate(a: Article | undefined, b: Article | undefined): number {
  const da = a?.date ?? null;
  const db = b?.date ?? null;
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? -1 : 1;
  }
  return (a?.path ?? '').localeCompare(b?.path ?? '');
}

/** Every mention of a person, across articles in date order, then by offset. */
export function mentionsInDateOrder(corpus: Pick<CorpusReader, 'article'>, person: Person): Mention[] {
  const articles = new Map<string, Article | undefined>();
  for (const m of person.mentions) if (!articles.has(m.path)) articles.set(m.path, corpus.article(m.path));
  return [...person.mentions].sort(
    (a, b) => (a.path === b.path ? a.start - b.start : compareByDate(articles.get(a.path), articles.get(b.path))),
  );
}

/** Newest first, undated last; then by path. The order for browsing a corpus without a query. */
export function compareNewestFirst(a: Article, b: Article): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date > b.date ? -1 : 1;
  }
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Every quote of a corpus in browsing order: the newest article's quotes first, each article's by position. */
export function quotesNewestFirst(corpus: Pick<CorpusReader, 'articles' | 'quotesIn'>): Quote[] {
  const out: Quote[] = [];
  for (const article of [...corpus.articles()].sort(compareNewestFirst)) for (const quote of corpus.quotesIn(article.path)) out.push(quote);
  return out;
}
