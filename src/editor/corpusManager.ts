// Finds and registers corpora, loads each one with the core, keeps it in step with the disk (one file at a
// time) and with unsaved editor buffers, and tells the features when anything changed.
import * as path from 'path';
import * as vscode from 'vscode';
import type { Corpus } from '../core/api';
import type { Article, FileSystem } from '../core/types';
import { CorpusIndex } from '../core/index/corpusIndex';
import { MemoryExtractionCache, type ExtractionCache } from '../core/index/extractionCache';
import type { IndexLoadOptions } from '../core/index/loading';
import { NodeFileSystem } from '../core/extract/nodeFileSystem';
import { CORPUS_CONFIG_FILE, isCorpusFileName, toRelativePath } from '../core/extract/loader';
import { type CacheFiles, ShardedExtractionCache, hashPath } from './extractionCacheStore';
import { ContextKeys, Settings, StateKeys, settingId } from './ids';

/** What the manager asks of a corpus loader: the index's options it sets, and a report on the cache. */
export interface CorpusLoaderOptions extends Pick<IndexLoadOptions, 'onProgress'> {
  /** Files above this size are skipped (the core reports them in `problems()`). */
  maxFileSizeBytes: number;
  /** Told how the warm-start cache was used, once the corpus is loaded. */
  onCacheReport?: (report: CacheReport) => void;
}

export interface CacheReport {
  /** Entries read from the extension's storage at the start. */
  cachedEntries: number;
  /** Articles whose extraction came from the cache (same size, mtime and fingerprint). */
  reused: number;
  shardsRead: number;
  /** The longest parse of one shard file (one event-loop task), ms. */
  longestParseMs: number;
  /** How long reading and parsing the cache took in all, ms (spread over many event-loop turns). */
  readMs: number;
  /** Writes pending cache changes now (instead of after the debounce); resolves when they are on disk. */
  flush(): Promise<void>;
}

/** Loads one corpus; the default uses `CorpusIndex.load` with a warm-start cache, tests can pass their own. */
export type CorpusLoader = (root: string, fs: FileSystem, options: CorpusLoaderOptions) => Promise<Corpus>;

/** Quiet time before changed cache shards are written: a burst of file changes costs one save. */
const CACHE_SAVE_DEBOUNCE_MS = 2000;

/** Cache shard files in a folder of the extension's storage, through `workspace.fs`; writes go through a rename. */
function storageFiles(folder: vscode.Uri): CacheFiles {
  let created: Promise<void> | undefined;
  const ensureFolder = (): Promise<void> =>
    (created ??= Promise.resolve(vscode.workspace.fs.createDirectory(folder)).catch((error: unknown) => {
      created = undefined;
      throw error;
    }));
  const uri = (name: string) => vscode.Uri.joinPath(folder, name);
  let writes = 0;
  return {
    id: folder.toString(),
    read: async (name) => {
      try {
        return await vscode.workspace.fs.readFile(uri(name));
      } catch {
        return undefined;
      }
    },
    write: async (name, bytes) => {
      await ensureFolder();
      const temporary = uri(`${name}.${process.pid}.${writes++}.tmp`);
      await vscode.workspace.fs.writeFile(temporary, bytes);
      await vscode.workspace.fs.rename(temporary, uri(name), { overwrite: true });
    },
    remove: async (name) => {
      await vscode.workspace.fs.delete(uri(name));
    },
    list: async () => {
      try {
        return (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
      } catch {
        return [];
      }
    },
  };
}

/**
 * The default loader: `CorpusIndex.load` with a warm-start cache of extractions in the extension's storage
 * (never the corpus folder), keyed by each file's size and mtime and the extractor fingerprint. The cache is
 * sharded (extractionCacheStore.ts) so loading and saving it never blocks the extension host for long; after
 * the load, changed shards are saved, and again (debounced) whenever files change on disk.
 */
export function createCorpusLoader(storageUri: vscode.Uri | undefined, log: (line: string) => void): CorpusLoader {
  return async (root, fs, options) => {
    const cacheRoot = storageUri ? vscode.Uri.joinPath(storageUri, 'cache') : undefined;
    const cacheName = hashPath(root).toString(16);
    const files = cacheRoot ? storageFiles(vscode.Uri.joinPath(cacheRoot, cacheName)) : undefined;
    let cache: ExtractionCache = new MemoryExtractionCache();
    let sharded: ShardedExtractionCache | undefined;
    let readMs = 0;
    if (files && cacheRoot) {
      const started = performance.now();
      try {
        sharded = await ShardedExtractionCache.load(files);
      } catch {
        sharded = ShardedExtractionCache.empty(files); // unreadable: index from scratch
      }
      readMs = performance.now() - started;
      cache = sharded;
      // The single-file cache of earlier versions: replaced by the shards.
      void Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.joinPath(cacheRoot, `${cacheName}.json`))).catch(() => undefined);
    }
    const index = await CorpusIndex.load(root, fs, { ...options, cache });
    if (sharded) {
      const store = sharded;
      const report: CacheReport = {
        cachedEntries: store.stats.loaded,
        reused: store.stats.hits,
        shardsRead: store.stats.shardsRead,
        longestParseMs: store.stats.longestParseMs,
        readMs,
        flush: () => {
          store.cancelScheduledSave();
          return store.save();
        },
      };
      if (report.cachedEntries > 0) {
        log(
          `  warm start: ${report.reused} of ${index.articles().length} article(s) reused from ${report.cachedEntries} cached extraction(s) ` +
            `(${report.shardsRead} shard(s) in ${readMs.toFixed(0)} ms, longest parse ${report.longestParseMs.toFixed(1)} ms)`,
        );
      }
      options.onCacheReport?.(report);
      const onSaveError = (error: unknown) => log(`Could not write the index cache: ${String(error)}`);
      store.dropUntouched(); // files deleted since the last session
      if (store.isDirty) store.scheduleSave(0, onSaveError);
      index.onDidChange((paths) => {
        // Re-read files were stored by the core (`cache.set`); deleted ones leave the cache here.
        for (const path of paths) if (!index.article(path)) store.delete(path);
        if (store.isDirty) store.scheduleSave(CACHE_SAVE_DEBOUNCE_MS, onSaveError);
      });
    }
    return index;
  };
}

export type CorpusSource = 'setting' | 'detected' | 'added';

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
  fs?: FileSystem;
  /** Delay before an editor's unsaved text is pushed to the index (features flush on demand). */
  editDebounceMs?: number;
}

/** The default of `corpusNavigator.maxFileSizeMB` in package.json. */
const DEFAULT_MAX_FILE_SIZE_MB = 10;
const DETECT_EXCLUDE = '**/{node_modules,.git,.vscode-test,dist,out}/**';

export function isArticleFileName(fileName: string): boolean {
  return isCorpusFileName(path.basename(fileName));
}

function samePath(a: string, b: string): boolean {
  return process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

export class CorpusManager implements vscode.Disposable {
  private readonly entryMap = new Map<string, CorpusEntry>();
  private readonly perEntry = new Map<string, vscode.Disposable[]>();
  /** Serialises disk updates per corpus so a delete cannot overtake the create before it. */
  private readonly queues = new Map<string, Promise<void>>();
  private readonly pendingEdits = new Map<string, { document: vscode.TextDocument; timer: ReturnType<typeof setTimeout> }>();
  private readonly pushedVersions = new Map<string, number>();
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
  }

  /** Starts discovery and indexing in the background, and listens to the workspace. */
  start(): Promise<void> {
    if (this.started) return this.loading;
    this.started = true;
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.scheduleEdit(e.document);
      }),
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (doc.isDirty) this.scheduleEdit(doc);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.onDocumentClosed(doc)),
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
    const key = document.uri.toString();
    const pending = this.pendingEdits.get(key);
    if (pending) {
      clearTimeout(pending.timer);
      this.pendingEdits.delete(key);
      this.pushDocument(document);
    } else if (document.isDirty && this.pushedVersions.get(key) !== document.version) {
      this.pushDocument(document);
    }
  }

  /** Registers a folder as a corpus (remembered in workspace state, never written into the folder). */
  async addFolder(uri: vscode.Uri): Promise<CorpusEntry | undefined> {
    const root = uri.fsPath;
    await this.updateList(StateKeys.addedFolders, (list) => [...list.filter((p) => !samePath(p, root)), root]);
    await this.updateList(StateKeys.removedFolders, (list) => list.filter((p) => !samePath(p, root)));
    await this.rediscover();
    return this.entryMap.get(root);
  }

  async removeFolder(root: string): Promise<void> {
    await this.updateList(StateKeys.addedFolders, (list) => list.filter((p) => !samePath(p, root)));
    await this.updateList(StateKeys.removedFolders, (list) => [...list.filter((p) => !samePath(p, root)), root]);
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
      const wanted = await this.discoverRoots();
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

  private async discoverRoots(): Promise<Map<string, CorpusSource>> {
    const roots = new Map<string, CorpusSource>();
    const removed = this.options.state.get<string[]>(StateKeys.removedFolders, []);
    const isRemoved = (root: string) => removed.some((p) => samePath(p, root));
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      const configured = vscode.workspace.getConfiguration(Settings.section, folder.uri).get<string[]>(Settings.folders, []);
      for (const p of configured) {
        if (typeof p !== 'string' || p.trim() === '') continue;
        roots.set(path.resolve(folder.uri.fsPath, p), 'setting');
      }
    }
    try {
      const configs = await vscode.workspace.findFiles(`**/${CORPUS_CONFIG_FILE}`, DETECT_EXCLUDE, 100);
      for (const uri of configs) {
        if (uri.scheme !== 'file') continue;
        const root = path.dirname(uri.fsPath);
        if (!roots.has(root)) roots.set(root, 'detected');
      }
    } catch (err) {
      this.options.log(`Could not search the workspace for ${CORPUS_CONFIG_FILE}: ${String(err)}`);
    }
    for (const root of this.options.state.get<string[]>(StateKeys.addedFolders, [])) {
      if (!roots.has(root)) roots.set(root, 'added');
    }
    for (const root of [...roots.keys()]) if (isRemoved(root)) roots.delete(root);
    return roots;
  }

  private maxFileSizeBytes(): number {
    const mb = vscode.workspace.getConfiguration(Settings.section).get<number>(Settings.maxFileSizeMB, DEFAULT_MAX_FILE_SIZE_MB);
    return Math.max(0, mb) * 1024 * 1024;
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
    try {
      let cacheReport: CacheReport | undefined;
      const corpus = await this.options.loader(entry.root, this.fs, {
        maxFileSizeBytes: this.maxFileSizeBytes(),
        onProgress,
        onCacheReport: (report) => (cacheReport = report),
      });
      if (this.entryMap.get(entry.root) !== entry || this.disposed) return; // removed while loading
      entry.corpus = corpus;
      entry.state = 'ready';
      entry.loadMs = Date.now() - started;
      entry.cache = cacheReport;
      this.logLoaded(entry, corpus);
      this.watch(entry, corpus);
      for (const doc of vscode.workspace.textDocuments) {
        if (doc.isDirty && this.entryContaining(doc.uri) === entry) this.pushDocument(doc);
      }
    } catch (err) {
      entry.state = 'failed';
      entry.error = err instanceof Error ? err.message : String(err);
      this.options.log(`Failed to index ${entry.root}: ${entry.error}`);
    }
    this.changeEmitter.fire({ entry });
  }

  private logLoaded(entry: CorpusEntry, corpus: Corpus): void {
    const log = this.options.log;
    log(
      `Indexed ${entry.root} (${entry.source}) in ${entry.loadMs} ms: ${corpus.articles().length} articles, ` +
        `${corpus.people().length} people, ${corpus.quotes().length} quotes.`,
    );
    for (const problem of corpus.problems()) log(`  skipped or degraded ${problem.path}: ${problem.message}`);
    for (const problem of corpus.config.problems) {
      log(`  ${CORPUS_CONFIG_FILE}:${problem.line + 1}:${problem.column + 1} ${problem.severity}: ${problem.message}`);
    }
  }

  private watch(entry: CorpusEntry, corpus: Corpus): void {
    const disposables: vscode.Disposable[] = [];
    disposables.push(corpus.onDidChange((paths) => this.changeEmitter.fire({ entry, paths })));
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(entry.uri, '**/*'));
    disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.enqueue(entry, () => this.onFileCreated(entry, corpus, uri))),
      watcher.onDidChange((uri) => this.enqueue(entry, () => this.onFileChanged(entry, corpus, uri))),
      watcher.onDidDelete((uri) => this.enqueue(entry, () => this.onFileDeleted(entry, corpus, uri))),
    );
    this.perEntry.set(entry.root, disposables);
  }

  private enqueue(entry: CorpusEntry, task: () => Promise<void>): void {
    const previous = this.queues.get(entry.root) ?? Promise.resolve();
    const next = previous.then(task).catch((err) => this.options.log(`Update failed in ${entry.root}: ${String(err)}`));
    this.queues.set(entry.root, next);
  }

  /** Resolves when queued file updates of every corpus have been applied (for tests and refresh). */
  async whenIdle(): Promise<void> {
    await this.loading.catch(() => undefined);
    await Promise.all([...this.queues.values()]);
  }

  private isConfigFile(entry: CorpusEntry, uri: vscode.Uri): boolean {
    return samePath(uri.fsPath, path.join(entry.root, CORPUS_CONFIG_FILE));
  }

  private async onFileCreated(entry: CorpusEntry, corpus: Corpus, uri: vscode.Uri): Promise<void> {
    if (this.isConfigFile(entry, uri)) return this.reloadEntry(entry);
    let type: vscode.FileType;
    try {
      type = (await vscode.workspace.fs.stat(uri)).type;
    } catch {
      return; // gone again before we looked
    }
    if (type & vscode.FileType.Directory) {
      // A folder moved in: its files may not get events of their own.
      return this.reloadEntry(entry);
    }
    if (!isArticleFileName(uri.fsPath)) return;
    const rel = this.relativePath(entry, uri);
    await corpus.reloadArticle(rel);
    this.options.log(`Indexed new file ${rel}`);
  }

  private async onFileChanged(entry: CorpusEntry, corpus: Corpus, uri: vscode.Uri): Promise<void> {
    if (this.isConfigFile(entry, uri)) return corpus.reloadArticle(CORPUS_CONFIG_FILE);
    if (!isArticleFileName(uri.fsPath)) return;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) return; // the unsaved buffer is what the user sees, and what the index holds
    await corpus.reloadArticle(this.relativePath(entry, uri));
  }

  private async onFileDeleted(entry: CorpusEntry, corpus: Corpus, uri: vscode.Uri): Promise<void> {
    if (samePath(uri.fsPath, entry.root)) {
      this.options.log(`Corpus folder ${entry.root} was deleted.`);
      return this.reloadEntry(entry);
    }
    const rel = this.relativePath(entry, uri);
    if (this.isConfigFile(entry, uri)) return this.reloadEntry(entry);
    // A deleted folder takes its articles with it.
    const gone = corpus.articles().filter((a) => a.path === rel || a.path.startsWith(`${rel}/`));
    for (const article of gone) corpus.removeArticle(article.path);
    if (gone.length > 0) this.options.log(`Removed ${gone.length} article(s) under ${rel}`);
  }

  private async reloadEntry(entry: CorpusEntry): Promise<void> {
    if (this.entryMap.get(entry.root) !== entry) return;
    this.disposeEntryListeners(entry.root);
    entry.state = 'loading';
    this.changeEmitter.fire({ entry });
    await this.loadEntries([entry]);
  }

  private scheduleEdit(document: vscode.TextDocument): void {
    const entry = this.entryContaining(document.uri);
    if (!entry?.corpus || !isArticleFileName(document.uri.fsPath)) return;
    const key = document.uri.toString();
    const existing = this.pendingEdits.get(key);
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(() => {
      this.pendingEdits.delete(key);
      this.pushDocument(document);
    }, this.options.editDebounceMs ?? 250);
    this.pendingEdits.set(key, { document, timer });
  }

  private pushDocument(document: vscode.TextDocument): void {
    const entry = this.entryContaining(document.uri);
    if (!entry?.corpus || document.isClosed || !isArticleFileName(document.uri.fsPath)) return;
    const key = document.uri.toString();
    try {
      entry.corpus.updateArticle(this.relativePath(entry, document.uri), document.getText());
      this.pushedVersions.set(key, document.version);
    } catch (err) {
      this.options.log(`Could not re-index ${document.uri.fsPath}: ${String(err)}`);
    }
  }

  private onDocumentClosed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const pending = this.pendingEdits.get(key);
    if (pending) clearTimeout(pending.timer);
    this.pendingEdits.delete(key);
    if (!this.pushedVersions.has(key)) return;
    this.pushedVersions.delete(key);
    // Closed without saving (or re-opened under another language): the disk is the truth again until
    // an open event brings the buffer back.
    const entry = this.entryContaining(document.uri);
    const corpus = entry?.corpus;
    if (!entry || !corpus) return;
    this.enqueue(entry, async () => {
      const reopened = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
      if (reopened?.isDirty) this.pushDocument(reopened);
      else await corpus.reloadArticle(this.relativePath(entry, document.uri));
    });
  }

  private dropEntry(root: string): void {
    this.disposeEntryListeners(root);
    this.entryMap.delete(root);
    this.queues.delete(root);
    this.updateContextKeys();
  }

  private disposeEntryListeners(root: string): void {
    for (const d of this.perEntry.get(root) ?? []) d.dispose();
    this.perEntry.delete(root);
  }

  private async updateList(key: string, update: (list: string[]) => string[]): Promise<void> {
    await this.options.state.update(key, update(this.options.state.get<string[]>(key, [])));
  }

  private updateContextKeys(): void {
    const entries = [...this.entryMap.values()];
    void vscode.commands.executeCommand('setContext', ContextKeys.hasCorpus, entries.length > 0);
    void vscode.commands.executeCommand('setContext', ContextKeys.indexing, entries.some((e) => e.state === 'loading'));
  }

  dispose(): void {
    this.disposed = true;
    for (const root of [...this.perEntry.keys()]) this.disposeEntryListeners(root);
    for (const { timer } of this.pendingEdits.values()) clearTimeout(timer);
    this.pendingEdits.clear();
    for (const d of this.disposables) d.dispose();
  }
}
