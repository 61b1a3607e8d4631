// Workspace symbols (Ctrl+T: people and articles across corpora) and document symbols (the Outline of an
// article: its people and its quotes).
import * as vscode from 'vscode';
import type { CorpusManager } from '../corpusManager';
import { documentRange } from '../ranges';
import { ARTICLE_SELECTOR } from './selector';
import { definingMention } from '../../core/query/definition';
import { articleDetail, articleTitle, plural } from '../../core/query/labels';
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

function trimLabel(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export class CorpusWorkspaceSymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly manager: CorpusManager) {}

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    const results: vscode.SymbolInformation[] = [];
    for (const corpus of this.manager.corpora()) {
      for (const person of corpus.people()) {
        if (results.length >= MAX_WORKSPACE_SYMBOLS) return results;
        const names = [person.name, ...person.aliases];
        if (query && !names.some((n) => fuzzyContains(n, query))) continue;
        const mention = definingMention(corpus, person);
        const location = mention && mentionLocation(this.manager, corpus, mention);
        if (!location) continue;
        results.push(new vscode.SymbolInformation(person.name, vscode.SymbolKind.Constant, plural(person.mentions.length, 'mention'), location));
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

    // People in order of first appearance; each lists its mentions in this article.
    const byPerson = new Map<string, vscode.DocumentSymbol>();
    const mentions = corpus.mentionsIn(path);
    for (const mention of mentions) {
      const range = documentRange(document, mention);
      let symbol = byPerson.get(mention.entityId);
      if (!symbol) {
        const name = corpus.person(mention.entityId)?.name ?? mention.text;
        symbol = new vscode.DocumentSymbol(name, '', vscode.SymbolKind.Constant, range, range);
        byPerson.set(mention.entityId, symbol);
      }
      symbol.range = symbol.range.union(range);
      symbol.children.push(new vscode.DocumentSymbol(mention.text, '', vscode.SymbolKind.String, range, range));
    }
    for (const symbol of byPerson.values()) symbol.detail = plural(symbol.children.length, 'mention');

    const quotes = corpus.quotesIn(path).map((quote) => {
      const range = documentRange(document, quote);
      const speaker = quote.speaker ? (corpus.person(quote.speaker)?.name ?? '') : '';
      return new vscode.DocumentSymbol(`“${trimLabel(quote.text, QUOTE_LABEL_LENGTH)}”`, speaker, vscode.SymbolKind.String, range, range);
    });

    const people = top('People', vscode.SymbolKind.Namespace, `${byPerson.size}`);
    people.children = [...byPerson.values()];
    const quoteGroup = top('Quotes', vscode.SymbolKind.Namespace, `${quotes.length}`);
    quoteGroup.children = quotes;
    return [people, quoteGroup];
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
