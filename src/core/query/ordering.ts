// Date order, as the editor shows articles and a person's mentions: oldest first, undated last.
import type { CorpusReader } from '../api';
import type { Article, Mention, Person } from '../types';

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
