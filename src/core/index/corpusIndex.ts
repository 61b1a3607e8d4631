// The indexed corpus: per-article extractions (the unit of caching and incremental update) plus the
// corpus-wide view built from them by identity resolution (people, mentions with ids, quotes with speakers).
import * as nodePath from 'path';
import type { Corpus } from '../api';
import { extractArticleSteps, EXTRACTION_VERSION, StringPool } from '../extract/article';
import { CORPUS_CONFIG_FILE, decodeBytes, errorMessage, isCorpusFileName, listCorpusFiles, readCorpusFile, readTextFile } from '../extract/loader';
import { emptyCorpusConfig, parseCorpusYaml } from '../extract/corpusYaml';
import { applyMetadataTable } from '../extract/metadataTable';
import { extractionPartOf } from '../extract/corpusYamlCorrections';
import { fnv1aUnsigned } from '../util/hash';
import { DEFAULT_SLICE_MS, runSteps, SliceClock, type Steps } from '../util/steps';
import { loadFiles, readCorpusConfig, type IndexLoadOptions } from './loading';
import { compactExtraction, plainExtraction } from './packed';
import { CorpusView } from './resolution';
import { RepeatedLines } from './repeatedLines';
import { maskExtraction } from './masking';
import { QuoteTrails } from './quoteTrails';
import type { QuoteTrail } from '../trails';
import { mentionAtOffset, quoteAtOffset } from './spanLookup';
import type { Article, ArticleExtraction, CorpusConfig, Entity, FileSystem, Mention, Person, Quote } from '../types';

/** Enough to tell corpus.yaml versions apart in a cache key. */
const hashText = (text: string): string => fnv1aUnsigned(text).toString(16);

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export class CorpusIndex implements Corpus {
  private readonly extractions = new Map<string, ArticleExtraction>();
  private readonly fileProblems = new Map<string, string>();
  private readonly listeners = new Set<(paths: string[]) => void>();
  /** Mention strings shared by all articles; renewed when every article is re-extracted. */
  private stringPool = new StringPool();
  private fingerprint = '';
  /** corpus.yaml's text as last applied (null: none). */
  private configText: string | null | undefined;
  /** The text of the metadata table corpus.yaml names (null: not readable), as last read. */
  private metadataTable: { file: string; text: string | null } | null = null;

  // The corpus-wide view, updated lazily after changes so a burst of edits costs one resolution.
  private view = new CorpusView();
  private stale = true;
  /** A resolution running in slices (during a load), finished at once by any reader that comes first. */
  private resolution: Steps<void> | null = null;
  /** Everything must be rebuilt (first resolution, or corpus.yaml changed its aliases). */
  private rebuildAll = true;
  /** Articles whose extraction changed or went away since the last resolution. */
  private readonly changedPaths = new Set<string>();
  /** Lines repeated across the corpus (page furniture), found between extraction and resolution. */
  private readonly repeatedLines = new RepeatedLines();
  /** What resolution reads: each extraction with the corpus' furniture lines masked (or the extraction itself). */
  private readonly resolvedExtractions = new Map<string, ArticleExtraction>();
  private readonly quoteTrails = new QuoteTrails();

  private constructor(
    readonly root: string,
    private readonly fs: FileSystem,
    private readonly options: IndexLoadOptions,
    public config: CorpusConfig,
  ) {}

  /** Indexes every article under `root`. Throws only when `root` is not a readable folder or on abort. */
  static async load(root: string, fs: FileSystem, options: IndexLoadOptions = {}): Promise<CorpusIndex> {
    let rootStat: Awaited<ReturnType<FileSystem['stat']>>;
    try {
      rootStat = await fs.stat(root);
    } catch {
      throw new Error(`no such folder: ${root}`);
    }
    if (rootStat.type !== 'directory') throw new Error(`not a folder: ${root}`);

    const index = new CorpusIndex(root, fs, options, emptyCorpusConfig());
    const config = await readCorpusConfig(root, fs);
    if (config.ok) {
      index.applyConfig(config.text);
      if (index.config.external?.table) {
        await index.readMetadataTable();
        index.applyConfig(config.text);
      }
    }
    else {
      index.applyConfig(null);
      index.config.problems.push({ message: `corpus.yaml not read: ${config.reason}`, line: 0, column: 0, severity: 'error' });
    }
    const { files, problems } = await listCorpusFiles(root, fs, { signal: options.signal, sliceMs: options.sliceMs });
    for (const problem of problems) index.fileProblems.set(problem.path, problem.message);
    // One clock for extraction and resolution: the last articles and the first resolution steps share a slice.
    const clock = new SliceClock(options.sliceMs ?? DEFAULT_SLICE_MS, options.signal);
    await loadFiles(fs, files, options, clock, {
      fingerprint: index.fingerprint,
      config: index.config,
      reuse: (path, extraction) => index.extractions.set(path, extraction),
      adopt: (path, extracted) => {
        const extraction = extracted.unpack(index.stringPool);
        index.extractions.set(path, extraction);
        return extraction;
      },
      extractSteps: (path, text, encoding) => index.extractIntoSteps(path, text, encoding),
      skip: (path, reason) => index.fileProblems.set(path, reason),
    });
    // The pool's maps are only needed while many articles come in: the strings stay shared by the mentions.
    index.stringPool = new StringPool();
    await index.resolveInSlices(clock);
    return index;
  }

  /** Builds an index from texts already in memory (tests, benchmarks, unsaved buffers). */
  static fromTexts(root: string, texts: Record<string, string>, configText?: string): CorpusIndex {
    const index = new CorpusIndex(root, emptyFileSystem, {}, emptyCorpusConfig());
    index.applyConfig(configText ?? null);
    for (const [path, text] of Object.entries(texts)) index.extractInto(path, text, 'utf-8');
    index.resolve();
    return index;
  }

  private applyConfig(configText: string | null): void {
    this.configText = configText;
    this.config = configText === null ? emptyCorpusConfig() : parseCorpusYaml(configText);
    // Corrections act on identity resolution only: a correction keeps every cached extraction.
    this.fingerprint = `v${EXTRACTION_VERSION}:${hashText(JSON.stringify(extractionPartOf(this.config)))}`;
    const table = this.config.external?.table;
    if (table && this.metadataTable?.file === table.file) {
      applyMetadataTable(this.config, this.metadataTable.text);
      this.fingerprint += `:${this.metadataTable.text === null ? '' : hashText(this.metadataTable.text)}`;
    }
  }

  /** Reads the metadata table corpus.yaml names (kept for `applyConfig`, which is synchronous). */
  private async readMetadataTable(): Promise<void> {
    const table = this.config.external?.table;
    if (!table) return;
    this.metadataTable = { file: table.file, text: await readTextFile(this.fs, nodePath.join(this.root, table.file)) };
  }

  /** Extracts one article; an extractor failure on one file is a problem for that file, not for the corpus. */
  private extractInto(path: string, text: string, encoding: 'utf-8' | 'windows-1252'): ArticleExtraction | null {
    return runSteps(this.extractIntoSteps(path, text, encoding));
  }

  /** `extractInto` in steps (a load gives the event loop back between them when its slice is used up). */
  private *extractIntoSteps(path: string, text: string, encoding: 'utf-8' | 'windows-1252'): Steps<ArticleExtraction | null> {
    try {
      const extraction = compactExtraction(yield* extractArticleSteps(path, text, encoding, this.config, this.stringPool), this.stringPool);
      this.repeatedLines.prime(extraction, text);
      this.extractions.set(path, extraction);
      this.fileProblems.delete(path);
      this.markChanged(path);
      return extraction;
    } catch (error) {
      this.extractions.delete(path);
      this.fileProblems.set(path, `extraction failed: ${errorMessage(error)}`);
      this.markChanged(path);
      return null;
    }
  }

  private markChanged(path: string): void {
    // A change lands after a running resolution, never in the middle of it.
    if (this.resolution) this.resolve();
    this.changedPaths.add(path);
    this.stale = true;
  }

  /**
   * Brings the corpus-wide view up to date now. A resolution the loader left running in slices is finished
   * here first, so a reader never sees a half-built view.
   */
  private resolve(): CorpusView {
    const running = this.resolution;
    if (running) {
      this.resolution = null;
      runSteps(running);
    }
    if (this.stale) runSteps(this.resolveSteps());
    return this.view;
  }

  /** `resolve` in slices that give the event loop back (the load of a whole corpus). */
  private async resolveInSlices(clock: SliceClock): Promise<void> {
    if (this.resolution || !this.stale) return;
    const steps = this.resolveSteps();
    this.resolution = steps;
    try {
      await clock.run(steps);
    } finally {
      if (this.resolution === steps) this.resolution = null;
    }
  }

  /**
   * Builds the quote trails of the changed articles in slices. A load leaves them to this (the corpus is usable
   * before its trails are); a reader of trails that comes first builds them at once.
   */
  async prepareTrails(sliceMs = this.options.sliceMs ?? DEFAULT_SLICE_MS): Promise<void> {
    const clock = new SliceClock(sliceMs);
    await this.resolveInSlices(clock);
    this.resolve(); // a resolution someone else left running (trails read the resolved quotes)
    await this.quoteTrails.updateInSlices({ article: (path) => this.extractions.get(path)?.article, quotesIn: (path) => this.view.quotesInPassing(path) }, clock);
  }

  /** One resolution round: the changed articles into the view, or every article into a new one. */
  private *resolveSteps(): Steps<void> {
    this.stale = false;
    if (this.rebuildAll) {
      this.rebuildAll = false;
      this.view = new CorpusView(this.config);
      for (const path of this.extractions.keys()) this.changedPaths.add(path);
    }
    const changed = [...this.changedPaths];
    this.changedPaths.clear();
    const moved = yield* this.repeatedLines.updateSteps(this.extractions, changed);
    const affected = moved.length === 0 ? changed : [...new Set([...changed, ...moved])];
    for (const path of affected) {
      const extraction = this.extractions.get(path);
      if (extraction) this.resolvedExtractions.set(path, maskExtraction(extraction, this.repeatedLines.spans(path)));
      else this.resolvedExtractions.delete(path);
    }
    this.quoteTrails.markChanged(affected);
    yield* this.view.updateSteps(this.resolvedExtractions, affected);
  }

  /** How many distinct lines the corpus repeats as page furniture. */
  furnitureLineCount(): number {
    this.resolve();
    return this.repeatedLines.furnitureLineCount;
  }

  // --- CorpusReader -------------------------------------------------------------------------------

  articles(): readonly Article[] {
    return this.resolve().articles();
  }

  /** The article with the corpus' furniture in its boilerplate once resolved; as extracted until then. */
  article(path: string): Article | undefined {
    const resolved = this.changedPaths.has(path) ? undefined : this.resolvedExtractions.get(path);
    return (resolved ?? this.extractions.get(path))?.article;
  }

  /** The cached/serialisable unit for one article. */
  extraction(path: string): ArticleExtraction | undefined {
    const extraction = this.extractions.get(path);
    return extraction && plainExtraction(extraction);
  }

  people(): readonly Person[] {
    return this.resolve().people();
  }

  person(id: string): Person | undefined {
    return this.resolve().person(id);
  }

  quotes(): readonly Quote[] {
    return this.resolve().quotes();
  }

  quoteCount(): number {
    return this.resolve().quoteCount();
  }

  quotesIn(path: string): readonly Quote[] {
    return this.resolve().quotesIn(path);
  }

  quotesBy(personId: string): readonly Quote[] {
    return this.resolve().quotesBy(personId);
  }

  entities(): readonly Entity[] {
    return this.resolve().entities();
  }

  entity(id: string): Entity | undefined {
    return this.resolve().entity(id);
  }

  quotesFrom(entityId: string): readonly Quote[] {
    return this.resolve().quotesFrom(entityId);
  }

  mentionsIn(path: string): readonly Mention[] {
    return this.resolve().mentionsIn(path);
  }

  trails(): readonly QuoteTrail[] {
    this.resolve();
    return this.quoteTrails.trails(this);
  }

  trailOf(quote: Pick<Quote, 'path' | 'start'>): QuoteTrail | undefined {
    this.resolve();
    return this.quoteTrails.trailOf(this, quote);
  }

  mentionAt(path: string, offset: number): Mention | undefined {
    return mentionAtOffset(this.mentionsIn(path), offset);
  }

  quoteAt(path: string, offset: number): Quote | undefined {
    return quoteAtOffset(this.quotesIn(path), offset);
  }

  /** Skipped or failed files. Problems in corpus.yaml are in `config.problems` (with line and column). */
  problems(): readonly { path: string; message: string }[] {
    return [...this.fileProblems].map(([path, message]) => ({ path, message })).sort(byPath);
  }

  // --- CorpusWriter -------------------------------------------------------------------------------

  updateArticle(path: string, text: string): void {
    if (path === CORPUS_CONFIG_FILE) {
      this.reconfigure(text);
      return;
    }
    const encoding = this.extractions.get(path)?.article.encoding ?? 'utf-8';
    this.extractInto(path, text, encoding);
    this.fire([path]);
  }

  async reloadArticle(path: string): Promise<void> {
    const absPath = nodePath.join(this.root, path);
    if (path === CORPUS_CONFIG_FILE) {
      let text: string | null;
      try {
        const decoded = decodeBytes(await this.fs.readFile(absPath));
        text = decoded.ok ? decoded.text : null;
      } catch {
        text = null;
      }
      this.reconfigure(text);
      return;
    }
    if (path === this.config.external?.table?.file) {
      await this.readMetadataTable();
      this.reconfigure(this.configText ?? null, true);
      return;
    }
    if (!isCorpusFileName(path)) return;
    const result = await readCorpusFile(this.fs, absPath, { maxFileSizeBytes: this.options.maxFileSizeBytes });
    if (result.ok) {
      const extraction = this.extractInto(path, result.text, result.encoding);
      if (extraction && this.options.cache) await this.options.cache.set(path, result.size, result.mtime, this.fingerprint, extraction);
      this.fire([path]);
      return;
    }
    let exists = true;
    try {
      await this.fs.stat(absPath);
    } catch {
      exists = false;
    }
    if (!exists) {
      this.removeArticle(path);
      return;
    }
    this.extractions.delete(path);
    this.fileProblems.set(path, result.reason);
    this.markChanged(path);
    this.fire([path]);
  }

  removeArticle(path: string): void {
    const existed = this.extractions.delete(path) || this.fileProblems.delete(path);
    this.fileProblems.delete(path);
    if (!existed) return;
    this.markChanged(path);
    this.fire([path]);
  }

  onDidChange(listener: (paths: string[]) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /**
   * corpus.yaml changed: every article is resolved again, and re-extracted from memory only when what
   * extraction reads of it (metadata) changed, not for a correction.
   */
  private reconfigure(configText: string | null, tableChanged = false): void {
    // The editor applies a correction at once; the file watcher then reports the same text.
    if (configText === this.configText && !tableChanged) return;
    const previous = this.fingerprint;
    this.applyConfig(configText);
    const paths = [...this.extractions.keys()];
    if (this.fingerprint === previous && !this.rebuildAll) {
      // Only corrections changed: the view takes them in place, and only the articles they touch resolve again.
      const touched = this.resolve().reconfigure(this.config);
      if (touched) {
        for (const path of touched) this.markChanged(path);
        this.stale = true;
        this.fire([CORPUS_CONFIG_FILE, ...paths]);
        return;
      }
    }
    if (this.fingerprint !== previous) {
      this.stringPool = new StringPool();
      for (const path of paths) {
        const { article } = this.extractions.get(path)!;
        this.extractInto(path, article.text, article.encoding);
      }
    }
    this.rebuildAll = true;
    this.stale = true;
    this.fire([CORPUS_CONFIG_FILE, ...paths]);
  }

  private fire(paths: string[]): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(paths);
      } catch {
        // One failing listener must not stop the others or the index.
      }
    }
  }
}

const emptyFileSystem: FileSystem = {
  readFile: () => Promise.reject(new Error('in-memory corpus')),
  readDirectory: () => Promise.resolve([]),
  stat: () => Promise.reject(new Error('in-memory corpus')),
};
