// Workspace symbols (Ctrl+T: entities of every type and articles across corpora) and document symbols (the
// Outline of an article: its people, organisations and places, each type a group, and its quotes).
import * as vscode from 'vscode';
import type { CorpusManager } from '../corpusManager';
import { documentRange } from '../ranges';
import { ARTICLE_SELECTOR } from './selector';
import { definingMention } from '../../core/query/definition';
import { articleDetail, articleTitle, entityTypeName, entityTypePlural, plural, quotedLine } from '../../core/query/labels';
import type { EntityType } from '../../core/types';
import { ENTITY_TYPES, entitySymbolKindOf } from './entityTypes';
import { mentionLocation } from './shared';

const MAX_WORKSPACE_SYMBOLS = 500;
const QUOTE_LABEL_LENGTH = 80;

/** True when the query's characters appear in order in the candidate (VS Code's own filter is similar). */
export function fuzzyContains(candidate: string, query: string): boolean {
  const c = candidate.toLowerCase();
  let at = 0;
  for (const ch of query.toLowerCase()) {
    if (ch === ' ') continue;
    at = c.indexOf(ch, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}

export class CorpusWorkspaceSymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly manager: CorpusManager) {}

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    const results: vscode.SymbolInformation[] = [];
    for (const corpus of this.manager.corpora()) {
      for (const entity of corpus.entities()) {
        if (results.length >= MAX_WORKSPACE_SYMBOLS) return results;
        const names = [entity.name, ...entity.aliases];
        if (query && !names.some((n) => fuzzyContains(n, query))) continue;
        const mention = definingMention(corpus, entity);
        const location = mention && mentionLocation(this.manager, corpus, mention);
        if (!location) continue;
        const container = `${entityTypeName(entity.type)} · ${plural(entity.mentions.length, 'mention')}`;
        results.push(new vscode.SymbolInformation(entity.name, entitySymbolKindOf(entity.type), container, location));
      }
      for (const article of corpus.articles()) {
        if (results.length >= MAX_WORKSPACE_SYMBOLS) return results;
        const title = articleTitle(article);
        if (query && !fuzzyContains(title, query)) continue;
        const uri = this.manager.uriOf(corpus, article.path);
        const location = new vscode.Location(uri, new vscode.Position(0, 0));
        results.push(new vscode.SymbolInformation(title, vscode.SymbolKind.File, articleDetail(article, false), location));
      }
    }
    return results;
  }
}

export class ArticleDocumentSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly manager: CorpusManager) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] | undefined {
    const ref = this.manager.articleForDocument(document);
    if (!ref) return undefined;
    const { corpus, path } = ref;
    const whole = new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
    const top = (name: string, kind: vscode.SymbolKind, detail: string) =>
      new vscode.DocumentSymbol(name, detail, kind, whole, new vscode.Range(0, 0, 0, 0));

    // Entities by type, each in order of first appearance and listing its mentions in this article.
    const byEntity = new Map<string, vscode.DocumentSymbol>();
    const ofType = new Map<EntityType, vscode.DocumentSymbol[]>(ENTITY_TYPES.map((type) => [type, []]));
    for (const mention of corpus.mentionsIn(path)) {
      const range = documentRange(document, mention);
      let symbol = byEntity.get(mention.entityId);
      if (!symbol) {
        const entity = corpus.entity(mention.entityId);
        const type = entity?.type ?? 'person';
        symbol = new vscode.DocumentSymbol(entity?.name ?? mention.text, '', entitySymbolKindOf(type), range, range);
        byEntity.set(mention.entityId, symbol);
        ofType.get(type)?.push(symbol);
      }
      symbol.range = symbol.range.union(range);
      symbol.children.push(new vscode.DocumentSymbol(mention.text, '', vscode.SymbolKind.String, range, range));
    }
    for (const symbol of byEntity.values()) symbol.detail = plural(symbol.children.length, 'mention');

    const quotes = corpus.quotesIn(path).map((quote) => {
      const range = documentRange(document, quote);
      const source = quote.source ?? quote.speaker;
      const name = source ? (corpus.entity(source)?.name ?? '') : '';
      return new vscode.DocumentSymbol(quotedLine(quote.text, QUOTE_LABEL_LENGTH), name, vscode.SymbolKind.String, range, range);
    });

    // People always (an article without any is worth seeing as such); other types when the article has some.
    const groups = ENTITY_TYPES.flatMap((type) => {
      const children = ofType.get(type) ?? [];
      if (children.length === 0 && type !== 'person') return [];
      const group = top(entityTypePlural(type), vscode.SymbolKind.Namespace, `${children.length}`);
      group.children = children;
      return [group];
    });
    const quoteGroup = top('Quotes', vscode.SymbolKind.Namespace, `${quotes.length}`);
    quoteGroup.children = quotes;
    return [...groups, quoteGroup];
  }
}

export function register(context: vscode.ExtensionContext, manager: CorpusManager): void {
  context.subscriptions.push(
    vscode.languages.registerWorkspaceSymbolProvider(new CorpusWorkspaceSymbolProvider(manager)),
    vscode.languages.registerDocumentSymbolProvider(ARTICLE_SELECTOR, new ArticleDocumentSymbolProvider(manager), {
      label: 'Corpus Navigator',
    }),
  );
}
