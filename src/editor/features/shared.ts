// Small helpers several features share: Markdown escaping, command links, and the entity under the cursor.
import * as vscode from 'vscode';
import type { Corpus } from '../../core/api';
import type { ArticleRef, CorpusManager } from '../corpusManager';
import { documentOffset, spanToLocation } from '../ranges';
import { entityMentionedAt } from '../../core/query/entityCard';
import type { Entity, EntityType, Mention } from '../../core/types';

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

export interface EntityHit {
  ref: ArticleRef;
  mention: Mention;
  entity: Entity;
}

/**
 * The entity (of one of `types`, any type when absent) mentioned at a position of an article document, after
 * syncing its unsaved text.
 */
export function entityAt(
  manager: CorpusManager,
  document: vscode.TextDocument,
  position: vscode.Position,
  types?: ReadonlySet<EntityType>,
): EntityHit | undefined {
  const ref = manager.articleForDocument(document);
  if (!ref) return undefined;
  const hit = entityMentionedAt(ref.corpus, ref.path, documentOffset(document, position), types);
  return hit ? { ref, ...hit } : undefined;
}

/** Locations of mentions, converted through the one place that maps offsets to ranges. */
export function mentionLocation(manager: CorpusManager, corpus: Corpus, mention: Mention): vscode.Location | undefined {
  const article = corpus.article(mention.path);
  if (!article) return undefined;
  return spanToLocation(manager.uriOf(corpus, mention.path), article.text, mention);
}
