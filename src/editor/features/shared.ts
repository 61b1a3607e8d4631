// Small helpers several features share: labels, snippets, Markdown escaping and date ordering.
import * as vscode from 'vscode';
import type { Corpus } from '../../core/api';
import type { ArticleRef, CorpusManager } from '../corpusManager';
import { documentOffset, spanToLocation } from '../ranges';
import type { Article, Mention, Person } from '../../core/types';

/** The fields of an article a label needs (an Article, or a hover card's mention entry). */
export type ArticleLabelFields = Pick<Article, 'path' | 'title' | 'outlet' | 'date'>;

/** The article's title, or its file name when it has none. */
export function articleTitle(article: ArticleLabelFields): string {
  return article.title?.trim() || article.path.split('/').pop() || article.path;
}

/** "title · outlet · date", leaving out what is unknown. */
export function articleDetail(article: ArticleLabelFields, withTitle = true): string {
  return [withTitle ? articleTitle(article) : null, article.outlet, article.date].filter(Boolean).join(' · ');
}

/** "1 article", "2 articles"; `pluralWord` for irregular plurals ("person" -> "people"). */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

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
export function mentionsInDateOrder(corpus: Corpus, person: Person): Mention[] {
  const articles = new Map<string, Article | undefined>();
  for (const m of person.mentions) if (!articles.has(m.path)) articles.set(m.path, corpus.article(m.path));
  return [...person.mentions].sort(
    (a, b) => (a.path === b.path ? a.start - b.start : compareByDate(articles.get(a.path), articles.get(b.path))),
  );
}

/**
 * The mention Go to Definition lands on: the first mention, in date order, whose text carries the
 * person's full canonical name (e.g. "Sir Michael Fallon" rather than "Sir Michael"); the first mention
 * at all when no mention spells the full name.
 */
export function definingMention(corpus: Corpus, person: Person): Mention | undefined {
  const ordered = mentionsInDateOrder(corpus, person);
  const fullName = person.name.toLowerCase();
  return ordered.find((m) => m.text.toLowerCase().includes(fullName)) ?? ordered[0];
}

/** Number of distinct articles among mentions. */
export function articleCount(mentions: readonly { path: string }[]): number {
  return new Set(mentions.map((m) => m.path)).size;
}

export { type Snippet, snippetAround } from '../../core/query/personCard';

/**
 * Makes arbitrary text inert in a MarkdownString: every Markdown punctuation character is backslash-escaped
 * and HTML's `<`, `>` and `&` become entities, so article text can never form links, commands or tags.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~:"'=$]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\r\n]+/g, ' ');
}

/** A `command:` link target with JSON arguments, as VS Code expects in Markdown. */
export function commandUri(command: string, ...args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** Arguments of the internal open-mention command: a span in an article of a corpus. */
export interface SpanTarget {
  root: string;
  path: string;
  start: number;
  end: number;
}

/** Finds a corpus by its root among the loaded ones. */
export function corpusByRoot(corpora: readonly Corpus[], root: string): Corpus | undefined {
  return corpora.find((c) => c.root === root);
}

export interface PersonHit {
  ref: ArticleRef;
  mention: Mention;
  person: Person;
}

/** The person mentioned at a position of an article document (after syncing its unsaved text). */
export function personAt(manager: CorpusManager, document: vscode.TextDocument, position: vscode.Position): PersonHit | undefined {
  const ref = manager.articleForDocument(document);
  if (!ref) return undefined;
  const mention = ref.corpus.mentionAt(ref.path, documentOffset(document, position));
  if (!mention) return undefined;
  const person = ref.corpus.person(mention.personId);
  return person ? { ref, mention, person } : undefined;
}

/** Locations of mentions, converted through the one place that maps offsets to ranges. */
export function mentionLocation(manager: CorpusManager, corpus: Corpus, mention: Mention): vscode.Location | undefined {
  const article = corpus.article(mention.path);
  if (!article) return undefined;
  return spanToLocation(manager.uriOf(corpus, mention.path), article.text, mention);
}
