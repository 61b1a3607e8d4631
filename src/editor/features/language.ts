// Gives `.txt` files inside registered corpora the `news-article` language (so the quote grammar applies),
// and keeps the `corpusNavigator.isArticle` context key in step with the active editor for keybindings.
import * as path from 'path';
import * as vscode from 'vscode';
import type { CorpusManager } from '../corpusManager';
import { ContextKeys, LANGUAGE_ID } from '../ids';

/** Languages we replace: what VS Code picks for a .txt file nobody else claimed. */
const REPLACEABLE = new Set(['plaintext']);

export class ArticleLanguageAssigner {
  private languageAvailable: boolean | undefined;

  constructor(private readonly manager: CorpusManager) {}

  async assign(document: vscode.TextDocument): Promise<boolean> {
    if (document.isClosed || !REPLACEABLE.has(document.languageId)) return false;
    if (path.extname(document.uri.fsPath).toLowerCase() !== '.txt') return false;
    if (!this.manager.entryContaining(document.uri)) return false;
    this.languageAvailable ??= (await vscode.languages.getLanguages()).includes(LANGUAGE_ID);
    if (!this.languageAvailable) return false;
    await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
    return true;
  }

  async assignAllOpen(): Promise<void> {
    for (const document of vscode.workspace.textDocuments) await this.assign(document).catch(() => false);
  }
}

export function register(context: vscode.ExtensionContext, manager: CorpusManager): void {
  const assigner = new ArticleLanguageAssigner(manager);
  // Index changes arrive on every edit: set the context key only when its value changes.
  let isArticleKey: boolean | undefined;
  const updateArticleContext = (editor: vscode.TextEditor | undefined): void => {
    const isArticle = !!editor && !!manager.articleAt(editor.document.uri);
    if (isArticle === isArticleKey) return;
    isArticleKey = isArticle;
    void vscode.commands.executeCommand('setContext', ContextKeys.isArticle, isArticle);
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => void assigner.assign(doc).catch(() => false)),
    vscode.window.onDidChangeActiveTextEditor((editor) => updateArticleContext(editor)),
    manager.onDidChange(() => {
      void assigner.assignAllOpen();
      updateArticleContext(vscode.window.activeTextEditor);
    }),
  );
}
