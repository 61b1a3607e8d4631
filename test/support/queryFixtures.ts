// Small hand-made corpora for the query tests: articles with dates and one person's mentions, without running
// the extractors (the query rules are tested on their own).
import type { Article, Mention, Person } from '../../src/core/types';

export function article(path: string, date: string | null, title: string | null = null): Article {
  return { path, text: '', encoding: 'utf-8', boilerplate: [], frontMatter: null, title, outlet: null, date, url: null, byline: null, credit: null };
}

export function mention(path: string, start: number, text: string, personId = 'ann-lee'): Mention {
  return { path, start, end: start + text.length, text, entityId: personId };
}

export function person(mentions: Mention[], name = 'Ann Lee'): Person {
  return { id: mentions[0]?.entityId ?? 'ann-lee', type: 'person', name, aliases: [], roles: [], mentions };
}

/** The part of a corpus the ordering rules read: its articles by path. */
export function articlesReader(articles: readonly Article[]): { article(path: string): Article | undefined } {
  const byPath = new Map(articles.map((a) => [a.path, a]));
  return { article: (path) => byPath.get(path) };
}
