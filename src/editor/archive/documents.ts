// Where an archive article is shown: its file when the user has the folder (the archive's `folder` setting, or
// a workspace folder holding the same path), else a read-only virtual document (`corpus-archive:`) whose text
// comes from the database. And the way back: which archive article an editor document is, if any.
import * as fs from 'fs';
import * as nodePath from 'path';
import * as vscode from 'vscode';
import type { CorpusManager } from '../corpusManager';
import { LANGUAGE_ID } from '../ids';
import { documentRange, spanToRange } from '../ranges';
import type { ArchiveSession } from './session';
import type { ArchiveConfig } from './settings';

export const ARCHIVE_SCHEME = 'corpus-archive';

/** The selector of the archive's language features: its virtual documents and articles on disk. */
export const ARCHIVE_SELECTOR: vscode.DocumentSelector = [
  { scheme: ARCHIVE_SCHEME },
  { scheme: 'file', language: LANGUAGE_ID },
  { scheme: 'file', pattern: '**/*.{txt,md}' },
];

/** Texts kept for converting offsets to positions (references across many articles), by total size. */
const TEXT_CACHE_CHARS = 4_000_000;
/** Articles whose place on disk is remembered: references and searches touch thousands, a long session all of them. */
const DISK_CACHE_PATHS = 10_000;

export interface Span {
  start: number;
  end: number;
}

export class ArchiveDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private cachedChars = 0;
  private readonly onDisk = new Map<string, vscode.Uri | null>();
  /** Per open file: whether its text is the archive's (offsets only mean something then). */
  private readonly matching = new Map<string, { version: number; matches: boolean }>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly session: ArchiveSession,
    private readonly manager: CorpusManager,
  ) {
    this.subscriptions = [
      session.onDidChangeState((state) => {
        if (state !== 'connected') return;
        // Reconnected (perhaps to another archive): the texts may have changed.
        this.clear();
        for (const document of vscode.workspace.textDocuments) if (document.uri.scheme === ARCHIVE_SCHEME) this.changeEmitter.fire(document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.matching.delete(document.uri.toString())),
    ];
  }

  private clear(): void {
    this.texts.clear();
    this.cachedChars = 0;
    this.onDisk.clear();
    this.matching.clear();
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const path = this.pathOfArchiveUri(uri);
    if (path === undefined) return '';
    const text = await this.text(path, token);
    return text ?? `This article is not in the archive, or the archive is not connected (${path}).`;
  }

  /** The archive article an editor document shows, or undefined (a local corpus's article is never one). */
  async pathOf(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<string | undefined> {
    if (document.uri.scheme === ARCHIVE_SCHEME) return this.pathOfArchiveUri(document.uri);
    if (document.uri.scheme !== 'file' || this.manager.articleForDocument(document)) return undefined;
    const path = this.relativeToFolders(document.uri.fsPath);
    if (path === undefined) return undefined;
    const key = document.uri.toString();
    const known = this.matching.get(key);
    if (known && known.version === document.version) return known.matches ? path : undefined;
    const text = await this.text(path, token);
    const matches = text !== undefined && text === document.getText();
    this.matching.set(key, { version: document.version, matches });
    return matches ? path : undefined;
  }

  private pathOfArchiveUri(uri: vscode.Uri): string | undefined {
    const config = this.session.config;
    if (!config || uri.authority !== authorityOf(config)) return undefined;
    return uri.path.replace(/^\//, '');
  }

  /** Folders where the archive's articles may be on disk: its `folder` setting, else the workspace folders. */
  private folders(config: ArchiveConfig): string[] {
    const workspace = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    if (!config.folder) return workspace;
    if (nodePath.isAbsolute(config.folder)) return [config.folder];
    return workspace.map((root) => nodePath.join(root, config.folder!));
  }

  private relativeToFolders(file: string): string | undefined {
    const config = this.session.config;
    if (!config) return undefined;
    for (const folder of this.folders(config)) {
      const relative = nodePath.relative(folder, file);
      if (relative && !relative.startsWith('..') && !nodePath.isAbsolute(relative)) return relative.split(nodePath.sep).join('/');
    }
    return undefined;
  }

  /** The editor URI of an archive article: its file when on disk, else the virtual document. */
  uriOf(path: string): vscode.Uri | undefined {
    const config = this.session.config;
    if (!config) return undefined;
    let uri = this.onDisk.get(path);
    if (uri === undefined) {
      const file = this.folders(config)
        .map((folder) => nodePath.join(folder, ...path.split('/')))
        .find((candidate) => fs.existsSync(candidate));
      uri = file ? vscode.Uri.file(file) : null;
      if (this.onDisk.size >= DISK_CACHE_PATHS) this.onDisk.delete(this.onDisk.keys().next().value as string);
      this.onDisk.set(path, uri);
    }
    return uri ?? vscode.Uri.from({ scheme: ARCHIVE_SCHEME, authority: authorityOf(config), path: `/${path}` });
  }

  /** An article's text from the archive (cached), undefined when it is not there or the archive did not answer. */
  async text(path: string, token?: vscode.CancellationToken): Promise<string | undefined> {
    const cached = this.texts.get(path);
    if (cached !== undefined) return cached;
    const article = await this.session.run((reader) => reader.article(path), token);
    if (!article) return undefined;
    this.remember(path, article.text);
    return article.text;
  }

  private remember(path: string, text: string): void {
    while (this.cachedChars + text.length > TEXT_CACHE_CHARS && this.texts.size > 0) {
      const [oldest, dropped] = this.texts.entries().next().value as [string, string];
      this.texts.delete(oldest);
      this.cachedChars -= dropped.length;
    }
    this.texts.set(path, text);
    this.cachedChars += text.length;
  }

  /**
   * Locations of spans in archive articles, one per span (undefined where the article is gone), fetching the
   * texts not cached in one query.
   */
  async locations(spans: readonly (Span & { path: string })[], token?: vscode.CancellationToken): Promise<(vscode.Location | undefined)[] | undefined> {
    const missing = [...new Set(spans.map((s) => s.path))].filter((path) => !this.texts.has(path));
    const fetched = missing.length ? await this.session.run((reader) => reader.texts(missing), token) : new Map<string, string>();
    if (!fetched) return undefined;
    const texts = new Map(fetched);
    for (const [path, text] of fetched) this.remember(path, text);
    return spans.map((span) => {
      const text = texts.get(span.path) ?? this.texts.get(span.path);
      const uri = this.uriOf(span.path);
      return text !== undefined && uri ? new vscode.Location(uri, spanToRange(uri, text, span)) : undefined;
    });
  }

  /** Opens an archive article with a span selected. */
  async open(path: string, span: Span | undefined, preview = true): Promise<vscode.TextEditor | undefined> {
    const uri = this.uriOf(path);
    if (!uri) return undefined;
    let document = await vscode.workspace.openTextDocument(uri);
    if (uri.scheme === ARCHIVE_SCHEME && document.languageId !== LANGUAGE_ID) document = await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
    const selection = span ? documentRange(document, span) : undefined;
    const editor = await vscode.window.showTextDocument(document, { preview, selection });
    if (selection) editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changeEmitter.dispose();
    this.clear();
  }
}

/** The URI authority naming an archive (its name, made safe for a URI). */
function authorityOf(config: ArchiveConfig): string {
  return config.name.toLowerCase().replace(/[^a-z0-9-]+/g, '-') || 'archive';
}
