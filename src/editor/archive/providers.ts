// The language features over an archive article (a virtual document, or a file not in a local corpus): hover
// cards, Go to Definition, Find All References, highlights of the same entity, and workspace symbols (Ctrl+T).
// Every answer is an async query through the session (timeout, cancellation, failures reported once).
import * as vscode from 'vscode';
import type { ArchiveMentionOf, EntityQuotes, HoverCard } from '../../archive/archiveReader';
import { plural } from '../../core/query/labels';
import { mentionAtOffset } from '../../core/index/spanLookup';
import type { EntityType } from '../../core/types';
import { ARCHIVE_HOVER_COMMANDS, ARCHIVE_COMMANDS, Settings } from '../ids';
import { documentOffset, documentRange } from '../ranges';
import { commandUri, escapeMarkdownText } from '../features/shared';
import { readHoverSettings } from '../features/hover';
import { entityIconOf, entitySymbolKindOf, entityTypeLabel, shownEntityTypes } from '../features/entityTypes';
import { ENTITY_LEGEND, pushLineTokens } from '../features/semanticTokens';
import { ARCHIVE_SCHEME, ARCHIVE_SELECTOR, type ArchiveDocuments } from './documents';
import type { ArchiveSession } from './session';

/** Find All References lists at most this many mentions (the first, in article order). */
export const REFERENCES_LIMIT = 500;
const SYMBOL_LIMIT = 30;
const QUOTES_IN_CARD = 3;
const MENTION_CACHE_ARTICLES = 32;


/** Arguments of the archive's open-span and show-mentions commands. */
export interface ArchiveSpan {
  path: string;
  start: number;
  end: number;
}

/** "Title (date)" of an article a card links to; its path when it has no title. */
function titleAndDate(article: { path: string; title: string | null; date: string | null }): string {
  return `${article.title ?? article.path}${article.date ? ` (${article.date})` : ''}`;
}

/** A hover card's Markdown, every piece of archive text escaped, links only to the archive's commands. */
export function renderArchiveCard(card: HoverCard, quotes?: EntityQuotes): vscode.MarkdownString {
  const { entity, mention } = card;
  const icon = entityIconOf(entity.type);
  const lines = [`$(${icon}) **${escapeMarkdownText(entity.name)}** · ${escapeMarkdownText(entityTypeLabel(entity.type))}`];
  if (entity.roles.length) lines.push(escapeMarkdownText(entity.roles.slice(0, 3).join(' · ')));
  if (entity.aliases.length) lines.push(`Also: ${escapeMarkdownText(entity.aliases.slice(0, 5).join(', '))}`);
  // Places are not quoted: "0 quotes" would only be noise there.
  const quoteCount = quotes && (quotes.count > 0 || entity.type !== 'place') ? ` · ${plural(quotes.count, 'quote')}` : '';
  lines.push(`${plural(entity.mentionCount, 'mention')} in ${plural(entity.articleCount, 'article')} of the archive${quoteCount}`);
  if (quotes?.newest.length) {
    lines.push('**Quotes**');
    for (const quote of quotes.newest) {
      const target: ArchiveSpan = { path: quote.path, start: quote.start, end: quote.end };
      const where = escapeMarkdownText(titleAndDate(quote));
      lines.push(`- [“${escapeMarkdownText(quote.text)}”](${commandUri(ARCHIVE_COMMANDS.openArchiveSpan, target)}) — ${where}`);
    }
  }
  if (card.others.length) {
    lines.push('Other articles:');
    for (const other of card.others) {
      const label = escapeMarkdownText(titleAndDate(other));
      const target: ArchiveSpan = { path: other.path, start: other.start, end: other.end };
      lines.push(`- [${label}](${commandUri(ARCHIVE_COMMANDS.openArchiveSpan, target)}) “${escapeMarkdownText(other.text)}”`);
    }
  }
  const self: ArchiveSpan = { path: mention.path, start: mention.start, end: mention.end };
  lines.push(`[Show all mentions](${commandUri(ARCHIVE_COMMANDS.showArchiveMentions, self)}) · [Timeline](${commandUri(ARCHIVE_COMMANDS.showArchiveTimeline, { entityId: entity.id })})`);
  const markdown = new vscode.MarkdownString(lines.join('\n\n'), true);
  markdown.supportHtml = false;
  markdown.isTrusted = { enabledCommands: [...ARCHIVE_HOVER_COMMANDS] };
  return markdown;
}

/** The queries the providers share, with each article's mentions kept for a while (hovers and highlights). */
export class ArchiveLanguage implements vscode.Disposable {
  private readonly mentions = new Map<string, ArchiveMentionOf[]>();
  private readonly subscription: vscode.Disposable;

  constructor(
    readonly session: ArchiveSession,
    readonly documents: ArchiveDocuments,
  ) {
    this.subscription = session.onDidChangeState(() => this.mentions.clear());
  }

  dispose(): void {
    this.subscription.dispose();
    this.mentions.clear();
  }

  /** The mentions of an archive article, in offset order. */
  async mentionsIn(path: string, token?: vscode.CancellationToken): Promise<ArchiveMentionOf[] | undefined> {
    const cached = this.mentions.get(path);
    if (cached) return cached;
    const mentions = await this.session.run((reader) => reader.mentionsIn(path), token);
    if (!mentions) return undefined;
    if (this.mentions.size >= MENTION_CACHE_ARTICLES) this.mentions.delete(this.mentions.keys().next().value as string);
    this.mentions.set(path, mentions);
    return mentions;
  }

  /** The mention at a position of an archive document, and the document's archive path. */
  async mentionAt(document: vscode.TextDocument, position: vscode.Position, token?: vscode.CancellationToken): Promise<{ path: string; mention: ArchiveMentionOf } | undefined> {
    if (this.session.state !== 'connected') return undefined;
    const path = await this.documents.pathOf(document, token);
    if (path === undefined) return undefined;
    const offset = documentOffset(document, position);
    const mention = await this.mentionAtOffset(path, offset, token);
    return mention ? { path, mention } : undefined;
  }

  /** The mention of the article at `path` whose span holds `offset` (its list comes sorted by start), as the local index finds it. */
  private async mentionAtOffset(path: string, offset: number, token?: vscode.CancellationToken): Promise<ArchiveMentionOf | undefined> {
    const mentions = await this.mentionsIn(path, token);
    return mentions && mentionAtOffset(mentions, offset);
  }

  async references(span: ArchiveSpan, token?: vscode.CancellationToken): Promise<vscode.Location[] | undefined> {
    const mention = await this.mentionAtOffset(span.path, span.start, token);
    if (!mention) return undefined;
    const mentions = await this.session.run((reader) => reader.references(mention.entityId, { limit: REFERENCES_LIMIT, offset: 0 }), token);
    const locations = mentions && (await this.documents.locations(mentions, token));
    return locations?.filter((location): location is vscode.Location => !!location);
  }
}

class ArchiveHoverProvider implements vscode.HoverProvider {
  constructor(private readonly language: ArchiveLanguage) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const hit = await this.language.mentionAt(document, position, token);
    if (!hit) return undefined;
    const { session } = this.language;
    const [card, quotes] = await Promise.all([
      session.run((reader) => reader.hover(hit.path, hit.mention.start, readHoverSettings().maxMentions), token),
      session.run((reader) => reader.quotesFrom(hit.mention.entityId, QUOTES_IN_CARD), token),
    ]);
    if (!card || token.isCancellationRequested) return undefined;
    return new vscode.Hover(renderArchiveCard(card, quotes), documentRange(document, card.mention));
  }
}

class ArchiveDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly language: ArchiveLanguage) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Location | undefined> {
    const hit = await this.language.mentionAt(document, position, token);
    if (!hit) return undefined;
    const target = await this.language.session.run((reader) => reader.definition(hit.mention.entityId), token);
    return target ? (await this.language.documents.locations([target], token))?.[0] : undefined;
  }
}

class ArchiveReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly language: ArchiveLanguage) {}

  async provideReferences(document: vscode.TextDocument, position: vscode.Position, _context: vscode.ReferenceContext, token: vscode.CancellationToken): Promise<vscode.Location[] | undefined> {
    const hit = await this.language.mentionAt(document, position, token);
    if (!hit) return undefined;
    return this.language.references({ path: hit.path, start: hit.mention.start, end: hit.mention.end }, token);
  }
}

class ArchiveHighlightProvider implements vscode.DocumentHighlightProvider {
  constructor(private readonly language: ArchiveLanguage) {}

  async provideDocumentHighlights(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.DocumentHighlight[] | undefined> {
    const hit = await this.language.mentionAt(document, position, token);
    const mentions = hit && (await this.language.mentionsIn(hit.path, token));
    if (!hit || !mentions) return undefined;
    return mentions.filter((m) => m.entityId === hit.mention.entityId).map((m) => new vscode.DocumentHighlight(documentRange(document, m), vscode.DocumentHighlightKind.Read));
  }
}

/** Highlighting of the archive's own documents (files keep the local provider: one provider per document). */
class ArchiveSemanticTokensProvider implements vscode.DocumentSemanticTokensProvider {
  constructor(private readonly language: ArchiveLanguage) {}

  async provideDocumentSemanticTokens(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.SemanticTokens | undefined> {
    if (!vscode.workspace.getConfiguration(Settings.section).get<boolean>(Settings.semanticHighlightingEnabled, true)) return undefined;
    const path = await this.language.documents.pathOf(document, token);
    const mentions = path === undefined ? undefined : await this.language.mentionsIn(path, token);
    if (!mentions) return undefined;
    const shown = shownEntityTypes();
    const builder = new vscode.SemanticTokensBuilder(ENTITY_LEGEND);
    for (const mention of mentions) {
      const type = mention.entityType as EntityType;
      if (!shown.has(type)) continue;
      pushLineTokens(builder, document, mention, type);
    }
    return builder.build();
  }
}

class ArchiveSymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly language: ArchiveLanguage) {}

  async provideWorkspaceSymbols(query: string, token: vscode.CancellationToken): Promise<vscode.SymbolInformation[]> {
    const { session, documents } = this.language;
    if (session.state !== 'connected' || !query.trim()) return [];
    const entities = await session.run((reader) => reader.searchEntities(query, SYMBOL_LIMIT), token);
    if (!entities?.length) return [];
    const first = await session.run((reader) => reader.firstMentions(entities.map((e) => e.id)), token);
    if (!first) return [];
    const found = entities.filter((e) => first.has(e.id));
    const locations = await documents.locations(found.map((e) => first.get(e.id)!), token);
    if (!locations) return [];
    return found.flatMap((entity, i) => {
      const location = locations[i];
      if (!location) return [];
      const container = `${entityTypeLabel(entity.type)} · ${plural(entity.mentionCount, 'mention')} · archive`;
      return [new vscode.SymbolInformation(entity.name, entitySymbolKindOf(entity.type), container, location)];
    });
  }
}

export function registerProviders(context: vscode.ExtensionContext, language: ArchiveLanguage): void {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(ARCHIVE_SELECTOR, new ArchiveHoverProvider(language)),
    vscode.languages.registerDefinitionProvider(ARCHIVE_SELECTOR, new ArchiveDefinitionProvider(language)),
    vscode.languages.registerReferenceProvider(ARCHIVE_SELECTOR, new ArchiveReferenceProvider(language)),
    vscode.languages.registerDocumentHighlightProvider(ARCHIVE_SELECTOR, new ArchiveHighlightProvider(language)),
    vscode.languages.registerWorkspaceSymbolProvider(new ArchiveSymbolProvider(language)),
    vscode.languages.registerDocumentSemanticTokensProvider({ scheme: ARCHIVE_SCHEME }, new ArchiveSemanticTokensProvider(language), ENTITY_LEGEND),
  );
}
