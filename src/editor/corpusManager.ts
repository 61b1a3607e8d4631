// Finds and registers corpora (corpusDiscovery.ts), loads each one with the core (corpusLoader.ts), keeps it in
// step with the disk (corpusWatcher.ts) and with unsaved editor buffers (documentSync.ts), and tells the features
// when anything changed.
import * as path from 'path';
import * as vscode from 'vscode';
import type { Corpus } from '../core/api';
import type { ArticleExtractor } from '../core/index/workers/workerExtractor';
import type { Article, FileSystem } from '../core/types';
import { NodeFileSystem } from '../core/extract/nodeFileSystem';
import { CORPUS_CONFIG_FILE, toRelativePath } from '../core/extract/loader';
import { type CorpusSource, discoverCorpusRoots, isInside, maxFileSizeBytes, rememberAdded, rememberRemoved } from './corpusDiscovery';
import type { CacheReport, CorpusLoader } from './corpusLoader';
import { type WatchHost, watchCorpus } from './corpusWatcher';
import { DocumentSync } from './documentSync';
import { ContextKeys, Settings, settingId } from './ids';

export interface CorpusEntry {
  /** Absolute file-system path of the corpus root. */
  readonly root: string;
  readonly uri: vscode.Uri;
  readonly name: string;
  readonly source: CorpusSource;
  state: 'loading' | 'ready' | 'failed';
  corpus: Corpus | undefined;
  error?: string;
  /** How long the last full load took, in ms. */
  loadMs?: number;
  /** How the warm-start cache served the last full load (absent without extension storage). */
  cache?: CacheReport;
}

export interface ArticleRef {
  entry: CorpusEntry;
  corpus: Corpus;
  /** Path relative to the corpus root, forward slashes. */
  path: string;
  article: Article;
}

export interface CorpusChange {
  /** The corpus whose articles changed; undefined when the set of corpora changed. */
  entry?: CorpusEntry;
  paths?: string[];
}

export interface CorpusManagerOptions {
  state: vscode.Memento;
  log: (line: string) => void;
  loader: CorpusLoader;
  /** Where the files of a corpus on `file:` are extracted, asked at each load (none: in the extension host). */
  extractor?: () => ArticleExtractor | undefined;
  /** Read through Node's fs when absent: only then do workers (which read files themselves) see the same files. */
  fs?: FileSystem;
  /** Delay before an editor's unsaved text is pushed to the index (features flush on demand). */
  editDebounceMs?: number;
}

export class CorpusManager implements vscode.Disposable {
  private readonly entryMap = new Map<string, CorpusEntry>();
  /** Per corpus root: its file watcher, for as long as the corpus is registered. */
  private readonly watchers = new Map<string, vscode.Disposable[]>();
  /** Per corpus root: the listener on the loaded corpus's changes, replaced at each load. */
  private readonly corpusListeners = new Map<string, { dispose(): void }>();
  /** Serialises disk updates per corpus so a delete cannot overtake the create before it. */
  private readonly queues = new Map<string, Promise<void>>();
  private readonly documents: DocumentSync;
  private readonly changeEmitter = new vscode.EventEmitter<CorpusChange>();
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  private loading: Promise<void> = Promise.resolve();
  private started = false;
  private disposed = false;
  private readonly fs: FileSystem;

  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly options: CorpusManagerOptions) {
    // The extension host reads file: URIs directly; Node's fs also gives `realpath` for symlink loops.
    this.fs = options.fs ?? new NodeFileSystem();
    this.documents = new DocumentSync(
      {
        entryContaining: (uri) => this.entryContaining(uri),
        relativePath: (entry, uri) => this.relativePath(entry, uri),
        enqueue: (entry, task) => this.enqueue(entry, task),
        log: (line) => this.options.log(line),
      },
      options.editDebounceMs ?? 250,
    );
  }

  /** Starts discovery and indexing in the background, and listens to the workspace. */
  start(): Promise<void> {
    if (this.started) return this.loading;
    this.started = true;
    this.disposables.push(
      ...this.documents.listen(),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.inBackground(this.rediscover(), 'Re-discovering corpora')),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(settingId(Settings.maxFileSizeMB))) this.inBackground(this.refresh(), 'Re-indexing');
        else if (e.affectsConfiguration(settingId(Settings.folders))) this.inBackground(this.rediscover(), 'Re-discovering corpora');
      }),
    );
    return this.rediscover();
  }

  /** Runs work nobody awaits: a failure goes to the log instead of becoming an unhandled rejection. */
  private inBackground(work: Promise<void>, what: string): void {
    work.catch((err: unknown) => this.options.log(`${what} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
  }

  /** Resolves when every corpus known so far has finished loading. */
  whenReady(): Promise<void> {
    return this.started ? this.loading : this.start();
  }

  entries(): readonly CorpusEntry[] {
    return [...this.entryMap.values()].sort((a, b) => a.root.localeCompare(b.root));
  }

  /** Loaded corpora. */
  corpora(): Corpus[] {
    return this.entries().flatMap((e) => (e.corpus ? [e.corpus] : []));
  }

  entryFor(corpus: Corpus): CorpusEntry | undefined {
    return this.entries().find((e) => e.corpus === corpus);
  }

  /** The corpus entry whose root holds this file (the innermost one when corpora nest). */
  entryContaining(uri: vscode.Uri): CorpusEntry | undefined {
    if (uri.scheme !== 'file') return undefined;
    let best: CorpusEntry | undefined;
    for (const entry of this.entryMap.values()) {
      if (isInside(entry.root, uri.fsPath) && (!best || entry.root.length > best.root.length)) best = entry;
    }
    return best;
  }

  /** The indexed article a document or file is, if any. */
  articleAt(uri: vscode.Uri): ArticleRef | undefined {
    const entry = this.entryContaining(uri);
    if (!entry?.corpus) return undefined;
    const rel = this.relativePath(entry, uri);
    const article = entry.corpus.article(rel);
    return article ? { entry, corpus: entry.corpus, path: rel, article } : undefined;
  }

  /**
   * The article behind an open document, with its latest unsaved text pushed to the index first, so
   * offsets in the index and in the document agree.
   */
  articleForDocument(document: vscode.TextDocument): ArticleRef | undefined {
    this.syncDocument(document);
    return this.articleAt(document.uri);
  }

  uriOf(corpus: Corpus, articlePath: string): vscode.Uri {
    return vscode.Uri.file(path.join(corpus.root, ...articlePath.split('/')));
  }

  relativePath(entry: CorpusEntry, uri: vscode.Uri): string {
    return toRelativePath(entry.root, uri.fsPath);
  }

  /** Pushes a document's pending unsaved edits to the index now. */
  syncDocument(document: vscode.TextDocument): void {
    this.documents.sync(document);
  }

  /** Registers a folder as a corpus (remembered in workspace state, never written into the folder). */
  async addFolder(uri: vscode.Uri): Promise<CorpusEntry | undefined> {
    const root = uri.fsPath;
    await rememberAdded(this.options.state, root);
    await this.rediscover();
    return this.entryMap.get(root);
  }

  async removeFolder(root: string): Promise<void> {
    await rememberRemoved(this.options.state, root);
    await this.rediscover();
  }

  /** Re-reads every corpus from disk. */
  async refresh(): Promise<void> {
    const roots = [...this.entryMap.keys()];
    for (const root of roots) this.dropEntry(root);
    this.changeEmitter.fire({});
    await this.rediscover();
  }

  /** Brings the set of corpora in line with settings, detection and the user's adds/removes. */
  async rediscover(): Promise<void> {
    const previous = this.loading;
    const run = (async () => {
      await previous.catch(() => undefined);
      if (this.disposed) return;
      const wanted = await discoverCorpusRoots(this.options.state, this.options.log);
      let changed = false;
      for (const root of [...this.entryMap.keys()]) {
        if (!wanted.has(root)) {
          this.dropEntry(root);
          changed = true;
        }
      }
      const added: CorpusEntry[] = [];
      for (const [root, source] of wanted) {
        if (this.entryMap.has(root)) continue;
        const uri = vscode.Uri.file(root);
        const entry: CorpusEntry = { root, uri, name: path.basename(root), source, state: 'loading', corpus: undefined };
        this.entryMap.set(root, entry);
        added.push(entry);
        changed = true;
      }
      this.updateContextKeys();
      if (changed) this.changeEmitter.fire({});
      if (added.length > 0) await this.loadEntries(added);
    })();
    this.loading = run;
    return run;
  }

  private async loadEntries(entries: CorpusEntry[]): Promise<void> {
    this.updateContextKeys();
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Corpus Navigator: indexing' },
      async (progress) => {
        for (const entry of entries) {
          progress.report({ message: entry.name });
          await this.loadEntry(entry, (done, total) => {
            if (done === total || done % 50 === 0) progress.report({ message: `${entry.name} ${done}/${total}` });
          });
        }
      },
    );
    this.updateContextKeys();
  }

  private async loadEntry(entry: CorpusEntry, onProgress?: (done: number, total: number) => void): Promise<void> {
    const started = Date.now();
    if (!this.watchers.has(entry.root)) this.watchers.set(entry.root, watchCorpus(entry, this.watchHost));
    // Disk events and corrections that come during the load wait for it, then apply to the corpus it makes:
    // the load may have read the file before it changed.
    const loaded = this.holdUpdates(entry);
    try {
      let cacheReport: CacheReport | undefined;
      // Workers read files through Node's fs: only for a corpus on disk read through Node's fs here too.
      const extractor = entry.uri.scheme === 'file' && !this.options.fs ? this.options.extractor?.() : undefined;
      const corpus = await this.options.loader(entry.root, this.fs, {
        maxFileSizeBytes: maxFileSizeBytes(),
        onProgress,
        extractor,
        onCacheReport: (report) => (cacheReport = report),
      });
      if (this.entryMap.get(entry.root) !== entry || this.disposed) return; // removed while loading
      this.corpusListeners.get(entry.root)?.dispose();
      this.corpusListeners.set(entry.root, corpus.onDidChange((paths) => this.changeEmitter.fire({ entry, paths })));
      entry.corpus = corpus;
      entry.state = 'ready';
      entry.loadMs = Date.now() - started;
      entry.cache = cacheReport;
      this.logLoaded(entry, corpus);
      // The corpus is usable now; its quote trails are built next, in slices, beside file updates (not ahead of
      // them in the queue: an edit right after a load must not wait for them).
      corpus.prepareTrails().catch((err) => this.options.log(`Quote trails failed in ${entry.root}: ${String(err)}`));
      for (const doc of vscode.workspace.textDocuments) {
        if (doc.isDirty && this.entryContaining(doc.uri) === entry) this.documents.push(doc);
      }
    } catch (err) {
      entry.state = 'failed';
      entry.error = err instanceof Error ? err.message : String(err);
      this.options.log(`Failed to index ${entry.root}: ${entry.error}`);
    } finally {
      loaded();
    }
    this.changeEmitter.fire({ entry });
  }

  private readonly watchHost: WatchHost = {
    enqueue: (entry, task) => void this.enqueue(entry, task),
    reloadEntry: (entry) => this.reloadEntry(entry),
    corpusOf: (entry) => this.readyCorpus(entry),
    relativePath: (entry, uri) => this.relativePath(entry, uri),
    log: (line) => this.options.log(line),
  };

  /** Holds the corpus's update queue until the returned function is called. */
  private holdUpdates(entry: CorpusEntry): () => void {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    void this.enqueue(entry, () => held);
    return release;
  }

  private logLoaded(entry: CorpusEntry, corpus: Corpus): void {
    const log = this.options.log;
    log(
      `Indexed ${entry.root} (${entry.source}) in ${entry.loadMs} ms: ${corpus.articles().length} articles, ` +
        `${corpus.people().length} people, ${corpus.quoteCount()} quotes.`,
    );
    for (const problem of corpus.problems()) log(`  skipped or degraded ${problem.path}: ${problem.message}`);
    for (const problem of corpus.config.problems) {
      log(`  ${CORPUS_CONFIG_FILE}:${problem.line + 1}:${problem.column + 1} ${problem.severity}: ${problem.message}`);
    }
  }

  /** Runs `task` after the updates queued before it for this corpus; resolves when it has run. */
  private enqueue(entry: CorpusEntry, task: () => Promise<void> | void): Promise<void> {
    const previous = this.queues.get(entry.root) ?? Promise.resolve();
    const next = previous.then(task).catch((err) => this.options.log(`Update failed in ${entry.root}: ${String(err)}`));
    this.queues.set(entry.root, next);
    return next;
  }

  /**
   * Applies corpus.yaml text the editor has just written (null: deleted) to the corpus at `root`, after any
   * load or update in progress, so that a reload which read the file before cannot drop it.
   */
  applyConfigText(root: string, text: string | null): Promise<void> {
    const entry = this.entryMap.get(root);
    if (!entry) return Promise.resolve();
    return this.enqueue(entry, () => this.readyCorpus(entry)?.updateArticle(CORPUS_CONFIG_FILE, text ?? ''));
  }

  /** The corpus an update applies to: the one the last load made, none while there is none or that load failed. */
  private readyCorpus(entry: CorpusEntry): Corpus | undefined {
    return entry.state === 'ready' ? entry.corpus : undefined;
  }

  /** Resolves when queued file updates of every corpus have been applied (what the integration tests wait for). */
  async whenIdle(): Promise<void> {
    await this.loading.catch(() => undefined);
    await Promise.all([...this.queues.values()]);
  }

  private async reloadEntry(entry: CorpusEntry): Promise<void> {
    if (this.entryMap.get(entry.root) !== entry) return;
    entry.state = 'loading';
    this.changeEmitter.fire({ entry });
    await this.loadEntries([entry]);
  }

  private dropEntry(root: string): void {
    this.disposeEntryListeners(root);
    this.entryMap.delete(root);
    this.queues.delete(root);
    this.updateContextKeys();
  }

  private disposeEntryListeners(root: string): void {
    for (const d of this.watchers.get(root) ?? []) d.dispose();
    this.watchers.delete(root);
    this.corpusListeners.get(root)?.dispose();
    this.corpusListeners.delete(root);
  }

  private updateContextKeys(): void {
    const entries = [...this.entryMap.values()];
    void vscode.commands.executeCommand('setContext', ContextKeys.hasCorpus, entries.length > 0);
    void vscode.commands.executeCommand('setContext', ContextKeys.indexing, entries.some((e) => e.state === 'loading'));
  }

  dispose(): void {
    this.disposed = true;
    for (const root of [...this.watchers.keys()]) this.disposeEntryListeners(root);
    this.documents.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
