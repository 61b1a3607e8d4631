// The indexed corpus: per-article extractions (the unit of caching and incremental update) plus the
// corpus-wide view built from them by identity resolution (people, mentions with ids, quotes with speakers).
import * as nodePath from 'path';
import type { Corpus } from '../api';
import { extractArticleSteps, EXTRACTION_VERSION, StringPool } from '../extract/article';
import { IdentityIndex } from '../identity/identityIndex';
import { CORPUS_CONFIG_FILE, decodeBytes, errorMessage, isCorpusFileName, listCorpusFiles, readCorpusFile, type CorpusFile } from '../extract/loader';
import { emptyCorpusConfig, parseCorpusYaml } from '../extract/metadata';
import { fnv1aUnsigned } from '../util/hash';
import { compactExtraction, mentionFormsOf, packedPartsOf, packedQuote, plainExtraction } from './packed';
import { DEFAULT_SLICE_MS, ITEMS_PER_STEP, runSteps, SliceClock, sortSteps, type Steps } from '../util/steps';
import type { ArticleExtractor, ExtractorResult } from './workers/workerExtractor';
import type { Article, ArticleExtraction, CorpusConfig, FileSystem, Mention, Person, Quote } from '../types';

/**
 * Where the extension keeps extractions between sessions (its own storage, never the corpus folder).
 * An entry is valid only for the same size, mtime and fingerprint (extractor version + corpus.yaml).
 */
export interface ExtractionCache {
  get(path: string, size: number, mtime: number, fingerprint: string): ArticleExtraction | undefined | Promise<ArticleExtraction | undefined>;
  set(path: string, size: number, mtime: number, fingerprint: string, extraction: ArticleExtraction): void | Promise<void>;
}

interface CacheEntry {
  size: number;
  mtime: number;
  fingerprint: string;
  extraction: ArticleExtraction;
}

/** An in-memory cache whose content is plain JSON (`toJSON`/`fromJSON`), to be persisted by the caller. */
export class MemoryExtractionCache implements ExtractionCache {
  private readonly entries = new Map<string, CacheEntry>();

  get(path: string, size: number, mtime: number, fingerprint: string): ArticleExtraction | undefined {
    const entry = this.entries.get(path);
    return entry && entry.size === size && entry.mtime === mtime && entry.fingerprint === fingerprint ? entry.extraction : undefined;
  }

  set(path: string, size: number, mtime: number, fingerprint: string, extraction: ArticleExtraction): void {
    this.entries.set(path, { size, mtime, fingerprint, extraction });
  }

  get size(): number {
    return this.entries.size;
  }

  toJSON(): Record<string, CacheEntry> {
    return Object.fromEntries(this.entries);
  }

  static fromJSON(json: unknown): MemoryExtractionCache {
    const cache = new MemoryExtractionCache();
    if (json && typeof json === 'object') {
      for (const [path, entry] of Object.entries(json as Record<string, CacheEntry>)) {
        if (entry && typeof entry.size === 'number' && typeof entry.mtime === 'number' && entry.extraction?.article) cache.entries.set(path, entry);
      }
    }
    return cache;
  }
}

export interface LoadOptions {
  /** Called after each file with the number of files done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Larger files are skipped with a problem. */
  maxFileSizeBytes?: number;
  signal?: AbortSignal;
  /** Also yield to the event loop after this many files (it always yields after `sliceMs` of work). */
  yieldEvery?: number;
  /** Work between two yields to the event loop, in ms (default `DEFAULT_SLICE_MS`; 0 yields after every step, for tests). */
  sliceMs?: number;
  cache?: ExtractionCache;
  /** Reads and extracts the files not in the cache elsewhere (worker threads), if it takes a corpus this size. */
  extractor?: ArticleExtractor;
}

const READ_AHEAD = 16;

/** Enough to tell corpus.yaml versions apart in a cache key. */
const hashText = (text: string): string => fnv1aUnsigned(text).toString(16);

/** Last index in `items` (sorted by start) whose start <= offset, or -1. */
function lastStartingAtOrBefore(items: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** True when `startOf` never decreases along `items` (the usual order: then no sort is needed). */
function startsAscending<T>(items: readonly T[], startOf: (item: T) => number): boolean {
  for (let i = 1; i < items.length; i++) if (startOf(items[i]) < startOf(items[i - 1])) return false;
  return true;
}

function sameIds(a: readonly (string | null)[], b: readonly (string | null)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** First index in `items` (sorted by path) whose path is >= `path`. */
function firstWithPathAtOrAfter(items: readonly { path: string }[], path: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].path < path) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** People order: most mentioned first, then by id. */
function byMentionsThenId(a: Person, b: Person): number {
  return b.mentions.length - a.mentions.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export class CorpusIndex implements Corpus {
  private readonly extractions = new Map<string, ArticleExtraction>();
  private readonly fileProblems = new Map<string, string>();
  private readonly listeners = new Set<(paths: string[]) => void>();
  /** Mention strings shared by all articles; renewed when every article is re-extracted. */
  private stringPool = new StringPool();
  private fingerprint = '';

  // The corpus-wide view, updated lazily after changes so a burst of edits costs one resolution. Only the
  // changed articles, and the articles whose person ids the identity index reports as changed, are re-assembled.
  private stale = true;
  /** A resolution running in slices (during a load), finished at once by any reader that comes first. */
  private resolution: Steps<void> | null = null;
  /** Everything must be rebuilt (first resolution, or corpus.yaml changed its aliases). */
  private rebuildAll = true;
  /** Articles whose extraction changed or went away since the last resolution. */
  private readonly changedPaths = new Set<string>();
  private identity = new IdentityIndex();
  private sortedPaths: string[] = [];
  private sortedArticles: Article[] = [];
  private sortedPeople: Person[] = [];
  private peopleById: ReadonlyMap<string, Person> = new Map<string, Person>();
  private mentionsByPath = new Map<string, Mention[]>();
  private quotesByPath = new Map<string, Quote[]>();
  /** Per person, in path then offset order. */
  private mentionsByPerson = new Map<string, Mention[]>();
  private quotesByPerson = new Map<string, Quote[]>();
  private allQuotes: Quote[] | null = null;
  private assembled = new Map<string, { extraction: ArticleExtraction; ids: readonly (string | null)[]; mentions: Mention[]; quotes: Quote[] }>();

  private constructor(
    readonly root: string,
    private readonly fs: FileSystem,
    private readonly options: LoadOptions,
    public config: CorpusConfig,
  ) {}

  /** Indexes every article under `root`. Throws only when `root` is not a readable folder or on abort. */
  static async load(root: string, fs: FileSystem, options: LoadOptions = {}): Promise<CorpusIndex> {
    let rootStat: Awaited<ReturnType<FileSystem['stat']>>;
    try {
      rootStat = await fs.stat(root);
    } catch {
      throw new Error(`no such folder: ${root}`);
    }
    if (rootStat.type !== 'directory') throw new Error(`not a folder: ${root}`);

    const index = new CorpusIndex(root, fs, options, emptyCorpusConfig());
    await index.loadConfig();
    const { files, problems } = await listCorpusFiles(root, fs, { signal: options.signal, sliceMs: options.sliceMs });
    for (const problem of problems) index.fileProblems.set(problem.path, problem.message);
    // One clock for extraction and resolution: the last articles and the first resolution steps share a slice.
    const clock = new SliceClock(options.sliceMs ?? DEFAULT_SLICE_MS, options.signal);
    await index.indexFiles(files, clock);
    // The pool's maps are only needed while many articles come in: the strings stay shared by the mentions.
    index.stringPool = new StringPool();
    await index.resolveInSlices(clock);
    return index;
  }

  /** Builds an index from texts already in memory (tests, benchmarks, unsaved buffers). */
  static fromTexts(root: string, texts: Record<string, string>, configText?: string): CorpusIndex {
    const index = new CorpusIndex(root, emptyFileSystem, {}, emptyCorpusConfig());
    if (configText !== undefined) index.applyConfig(configText);
    else index.fingerprint = `v${EXTRACTION_VERSION}:`;
    for (const [path, text] of Object.entries(texts)) index.extractInto(path, text, 'utf-8');
    index.resolve();
    return index;
  }

  private applyConfig(configText: string | null): void {
    this.config = configText === null ? emptyCorpusConfig() : parseCorpusYaml(configText);
    this.fingerprint = `v${EXTRACTION_VERSION}:${configText === null ? '' : hashText(configText)}`;
  }

  private async loadConfig(): Promise<void> {
    const absPath = nodePath.join(this.root, CORPUS_CONFIG_FILE);
    let bytes: Uint8Array | null = null;
    try {
      if ((await this.fs.stat(absPath)).type === 'file') bytes = await this.fs.readFile(absPath);
    } catch {
      bytes = null; // No corpus.yaml: defaults.
    }
    const decoded = bytes === null ? null : decodeBytes(bytes);
    if (decoded && !decoded.ok) {
      this.applyConfig(null);
      this.config.problems.push({ message: `corpus.yaml not read: ${decoded.reason}`, line: 0, column: 0, severity: 'error' });
      return;
    }
    this.applyConfig(decoded ? decoded.text : null);
  }

  private async indexFiles(files: readonly CorpusFile[], clock: SliceClock): Promise<void> {
    const { signal, onProgress, cache, maxFileSizeBytes, yieldEvery } = this.options;
    const extractor = this.options.extractor?.accepts(files.length) ? this.options.extractor : undefined;
    const ahead = Math.max(READ_AHEAD, extractor?.tasksAhead ?? 0);
    // Reads (or extractions elsewhere) run a few files ahead so disk latency overlaps with extraction.
    const readAhead = new Map<number, Promise<Awaited<ReturnType<typeof readCorpusFile>> | ExtractorResult | { ok: 'cached'; extraction: ArticleExtraction }>>();
    const startRead = (i: number) => {
      if (i >= files.length || readAhead.has(i)) return;
      readAhead.set(i, this.readOrReuse(files[i], cache, maxFileSizeBytes, extractor));
    };
    for (let i = 0; i < files.length; i++) {
      signal?.throwIfAborted();
      for (let k = i; k < i + ahead; k++) startRead(k);
      const result = await readAhead.get(i)!;
      readAhead.delete(i);
      const file = files[i];
      if (result.ok === 'cached') {
        this.extractions.set(file.path, result.extraction);
      } else if (result.ok === 'extracted') {
        const extraction = result.unpack(this.stringPool);
        this.extractions.set(file.path, extraction);
        if (cache) await cache.set(file.path, result.size, result.mtime, this.fingerprint, extraction);
      } else if (result.ok) {
        const extraction = await clock.run(this.extractIntoSteps(file.path, result.text, result.encoding));
        if (extraction && cache) await cache.set(file.path, result.size, result.mtime, this.fingerprint, extraction);
      } else {
        this.fileProblems.set(file.path, result.reason);
      }
      onProgress?.(i + 1, files.length);
      if ((yieldEvery && (i + 1) % yieldEvery === 0) || clock.due) await clock.yield();
    }
  }

  private async readOrReuse(file: CorpusFile, cache: ExtractionCache | undefined, maxFileSizeBytes: number | undefined, extractor?: ArticleExtractor) {
    let stat: { size: number; mtime: number };
    try {
      stat = await this.fs.stat(file.absPath);
    } catch (error) {
      return { ok: false as const, reason: `not readable: ${errorMessage(error)}` };
    }
    if (cache) {
      const cached = await cache.get(file.path, stat.size, stat.mtime, this.fingerprint);
      if (cached) return { ok: 'cached' as const, extraction: cached };
    }
    if (extractor) return extractor.extract(file, stat, { config: this.config, maxFileSizeBytes, signal: this.options.signal });
    return readCorpusFile(this.fs, file.absPath, { maxFileSizeBytes, knownStat: stat });
  }

  /** Extracts one article; an extractor failure on one file is a problem for that file, not for the corpus. */
  private extractInto(path: string, text: string, encoding: 'utf-8' | 'windows-1252'): ArticleExtraction | null {
    return runSteps(this.extractIntoSteps(path, text, encoding));
  }

  /** `extractInto` in steps (a load gives the event loop back between them when its slice is used up). */
  private *extractIntoSteps(path: string, text: string, encoding: 'utf-8' | 'windows-1252'): Steps<ArticleExtraction | null> {
    try {
      const extraction = compactExtraction(yield* extractArticleSteps(path, text, encoding, this.config, this.stringPool), this.stringPool);
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
  private resolve(): void {
    const running = this.resolution;
    if (running) {
      this.resolution = null;
      runSteps(running);
    }
    if (this.stale) runSteps(this.resolveSteps());
  }

  /** `resolve` in slices that give the event loop back (the load of a whole corpus). */
  private async resolveInSlices(clock: SliceClock): Promise<void> {
    if (this.resolution || !this.stale) return;
    const steps = this.resolveAndListQuotesSteps();
    this.resolution = steps;
    try {
      await clock.run(steps);
    } finally {
      if (this.resolution === steps) this.resolution = null;
    }
  }

  /**
   * A load's resolution, then the corpus-wide quote list that quote search asks for once the corpus is ready:
   * built here in steps, it does not block the event loop later (~200,000 quotes at 10,000 articles).
   */
  private *resolveAndListQuotesSteps(): Steps<void> {
    yield* this.resolveSteps();
    yield* this.listQuotesSteps();
  }

  /** Fills `allQuotes` (path, then offset order) unless it is up to date; a reader finishing it early gets the same list. */
  private *listQuotesSteps(): Steps<void> {
    if (this.allQuotes) return;
    const all: Quote[] = [];
    let listed = 0;
    for (const path of this.sortedPaths) {
      const quotes = this.quotesByPath.get(path);
      if (!quotes) continue;
      for (const quote of quotes) all.push(quote);
      if ((listed += quotes.length + 1) >= ITEMS_PER_STEP) {
        listed = 0;
        yield;
      }
    }
    this.allQuotes = all;
  }

  /** The resolution as steps of bounded work: identities, then mentions and quotes with ids, per article. */
  private *resolveSteps(): Steps<void> {
    this.stale = false;
    if (this.rebuildAll) {
      this.rebuildAll = false;
      this.identity = new IdentityIndex(this.config.aliases);
      this.assembled = new Map();
      this.mentionsByPath = new Map();
      this.quotesByPath = new Map();
      this.mentionsByPerson = new Map();
      this.quotesByPerson = new Map();
      this.sortedPaths = [];
      this.sortedArticles = [];
      this.sortedPeople = [];
      for (const path of this.extractions.keys()) this.changedPaths.add(path);
    }
    const changed = [...this.changedPaths];
    this.changedPaths.clear();
    yield* sortSteps(changed, (a, b) => (a < b ? -1 : a > b ? 1 : 0));
    yield;
    for (let i = 0; i < changed.length; i++) {
      const path = changed[i];
      const extraction = this.extractions.get(path);
      if (extraction) this.identity.setDoc(path, mentionFormsOf(extraction));
      else this.identity.removeDoc(path);
      this.placeArticle(path, extraction?.article);
      if (i % 256 === 255) yield;
    }
    yield;
    const changes = yield* this.identity.flushSteps();
    this.peopleById = this.identity.people();

    // Person lists are copied before their first change in this round: a caller may hold the old array.
    const touchedMentions = new Set<string>();
    const touchedQuotes = new Set<string>();
    const paths = new Set([...changes.docs, ...changed]);
    for (const path of paths) {
      yield;
      const extraction = this.extractions.get(path);
      const ids = extraction ? this.identity.idsOf(path) : [];
      const previous = this.assembled.get(path);
      if (previous && extraction && previous.extraction === extraction && sameIds(previous.ids, ids)) continue;
      if (previous) {
        this.unlist(this.mentionsByPerson, previous.mentions, (m) => m.personId, touchedMentions);
        this.unlist(this.quotesByPerson, previous.quotes, (q) => q.speaker, touchedQuotes);
      }
      if (!extraction) {
        this.assembled.delete(path);
        this.mentionsByPath.delete(path);
        this.quotesByPath.delete(path);
        continue;
      }
      const { mentions, quotes } = this.assemble(path, extraction, ids);
      this.assembled.set(path, { extraction, ids, mentions, quotes });
      this.mentionsByPath.set(path, mentions);
      this.quotesByPath.set(path, quotes);
      this.list(this.mentionsByPerson, mentions, (m) => m.personId, touchedMentions);
      this.list(this.quotesByPerson, quotes, (q) => q.speaker, touchedQuotes);
    }
    yield;
    const changedPeople = new Set([...changes.people, ...touchedMentions]);
    // Lists changed in this round are re-allocated at their exact length: splicing leaves spare capacity
    // that the index would keep for as long as it lives. After a full load that is every list (about as many
    // items as the corpus has mentions and quotes), so the copies are counted into steps.
    let copied = 0;
    for (const id of touchedMentions) {
      const list = this.mentionsByPerson.get(id);
      if (!list) continue;
      this.mentionsByPerson.set(id, list.slice());
      if ((copied += list.length + 1) >= ITEMS_PER_STEP) {
        copied = 0;
        yield;
      }
    }
    for (const id of touchedQuotes) {
      const list = this.quotesByPerson.get(id);
      if (!list) continue;
      this.quotesByPerson.set(id, list.slice());
      if ((copied += list.length + 1) >= ITEMS_PER_STEP) {
        copied = 0;
        yield;
      }
    }
    yield;
    for (const id of changedPeople) {
      const person = this.peopleById.get(id);
      if (person) person.mentions = this.mentionsByPerson.get(id) ?? [];
    }
    this.allQuotes = null;
    yield;
    const kept = this.sortedPeople.filter((person) => !changedPeople.has(person.id) && this.peopleById.get(person.id) === person);
    if (kept.length === 0) {
      // Nothing to keep (a first resolution): one sort instead of thousands of insertions.
      const all: Person[] = [];
      for (const id of changedPeople) {
        const person = this.peopleById.get(id);
        if (person && person.mentions.length > 0) all.push(person);
      }
      this.sortedPeople = yield* sortSteps(all, byMentionsThenId);
      return;
    }
    // Re-sorting thousands of people per edit would dominate a re-index: the changed ones are taken out
    // and put back at their place.
    for (const id of changedPeople) {
      const person = this.peopleById.get(id);
      if (!person || person.mentions.length === 0) continue;
      let lo = 0;
      let hi = kept.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (byMentionsThenId(kept[mid], person) < 0) lo = mid + 1;
        else hi = mid;
      }
      kept.splice(lo, 0, person);
    }
    this.sortedPeople = kept;
  }

  /** Keeps `sortedPaths`/`sortedArticles` in path order with one binary search per change. */
  private placeArticle(path: string, article: Article | undefined): void {
    let lo = 0;
    let hi = this.sortedPaths.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sortedPaths[mid] < path) lo = mid + 1;
      else hi = mid;
    }
    const present = this.sortedPaths[lo] === path;
    if (article && present) this.sortedArticles[lo] = article;
    else if (article) {
      this.sortedPaths.splice(lo, 0, path);
      this.sortedArticles.splice(lo, 0, article);
    } else if (present) {
      this.sortedPaths.splice(lo, 1);
      this.sortedArticles.splice(lo, 1);
    }
  }

  /** Removes one article's items (all of one path) from per-person lists kept in path then offset order. */
  private unlist<T extends { path: string }>(byPerson: Map<string, T[]>, items: readonly T[], idOf: (item: T) => string | null, touched: Set<string>): void {
    for (const id of new Set(items.map(idOf))) {
      if (id === null) continue;
      let list = byPerson.get(id);
      if (!list) continue;
      if (!touched.has(id)) {
        touched.add(id);
        byPerson.set(id, (list = list.slice()));
      }
      const path = items[0].path;
      const from = firstWithPathAtOrAfter(list, path);
      let to = from;
      while (to < list.length && list[to].path === path) to++;
      list.splice(from, to - from);
      if (list.length === 0) byPerson.delete(id);
    }
  }

  /** Inserts one article's items into the per-person lists at their path's place. */
  private list<T extends { path: string }>(byPerson: Map<string, T[]>, items: readonly T[], idOf: (item: T) => string | null, touched: Set<string>): void {
    const groups = new Map<string, T[]>();
    for (const item of items) {
      const id = idOf(item);
      if (id === null) continue;
      const group = groups.get(id);
      if (group) group.push(item);
      else groups.set(id, [item]);
    }
    for (const [id, group] of groups) {
      let list = byPerson.get(id);
      if (!list) byPerson.set(id, (list = []));
      else if (!touched.has(id)) byPerson.set(id, (list = list.slice()));
      touched.add(id);
      list.splice(firstWithPathAtOrAfter(list, group[0].path), 0, ...group);
    }
  }

  /**
   * One article's mentions and quotes with person ids, read straight from the packed arrays: unpacked objects
   * in between would double what resolution allocates, and the young-generation collections that copy it
   * would block the event loop for longer.
   */
  private assemble(path: string, extraction: ArticleExtraction, ids: readonly (string | null)[]): { mentions: Mention[]; quotes: Quote[] } {
    const packed = packedPartsOf(extraction);
    const { offsets, forms } = packed.mentions;
    const listed: number[] = [];
    for (let i = 0; i < forms.length; i++) {
      const personId = ids[i] ?? null;
      if (personId !== null && this.peopleById.has(personId)) listed.push(i);
    }
    // Stable, as the sort of the mention objects was: same start keeps extraction order.
    if (!startsAscending(listed, (i) => offsets[2 * i])) listed.sort((a, b) => offsets[2 * a] - offsets[2 * b]);
    // Allocated at its exact length: the index keeps it.
    const mentions = new Array<Mention>(listed.length);
    for (let k = 0; k < listed.length; k++) {
      const i = listed[k];
      mentions[k] = { path, start: offsets[2 * i], end: offsets[2 * i + 1], text: forms[i].text, personId: ids[i]! };
    }
    const packedQuotes = packed.quotes;
    const quotes = new Array<Quote>(packedQuotes.texts.length);
    for (let i = 0; i < quotes.length; i++) {
      const speakerMention = packedQuote.speakerMention(packedQuotes, i);
      const speakerId = speakerMention < 0 ? null : (ids[speakerMention] ?? null);
      quotes[i] = {
        path,
        start: packedQuote.start(packedQuotes, i),
        end: packedQuote.end(packedQuotes, i),
        text: packedQuotes.texts[i],
        speaker: speakerId !== null && this.peopleById.has(speakerId) ? speakerId : null,
        group: packedQuote.group(packedQuotes, i),
        partial: packedQuote.partial(packedQuotes, i),
        unmarked: packedQuote.unmarked(packedQuotes, i),
      };
    }
    if (!startsAscending(quotes, (quote) => quote.start)) quotes.sort((a, b) => a.start - b.start);
    return { mentions, quotes };
  }

  // --- CorpusReader -------------------------------------------------------------------------------

  articles(): readonly Article[] {
    this.resolve();
    return this.sortedArticles;
  }

  article(path: string): Article | undefined {
    return this.extractions.get(path)?.article;
  }

  /** The cached/serialisable unit for one article. */
  extraction(path: string): ArticleExtraction | undefined {
    const extraction = this.extractions.get(path);
    return extraction && plainExtraction(extraction);
  }

  people(): readonly Person[] {
    this.resolve();
    return this.sortedPeople;
  }

  person(id: string): Person | undefined {
    this.resolve();
    return this.peopleById.get(id);
  }

  quotes(): readonly Quote[] {
    this.resolve();
    if (!this.allQuotes) runSteps(this.listQuotesSteps());
    return this.allQuotes ?? [];
  }

  quotesIn(path: string): readonly Quote[] {
    this.resolve();
    return this.quotesByPath.get(path) ?? [];
  }

  quotesBy(personId: string): readonly Quote[] {
    this.resolve();
    return this.quotesByPerson.get(personId) ?? [];
  }

  mentionsIn(path: string): readonly Mention[] {
    this.resolve();
    return this.mentionsByPath.get(path) ?? [];
  }

  mentionAt(path: string, offset: number): Mention | undefined {
    const mentions = this.mentionsIn(path);
    const i = lastStartingAtOrBefore(mentions, offset);
    return i >= 0 && offset <= mentions[i].end ? mentions[i] : undefined;
  }

  quoteAt(path: string, offset: number): Quote | undefined {
    const quotes = this.quotesIn(path);
    // Quotes do not overlap, but look back a little in case a short one sits just before a long one.
    const last = lastStartingAtOrBefore(quotes, offset);
    for (let i = last; i >= 0 && i > last - 4; i--) if (offset <= quotes[i].end) return quotes[i];
    return undefined;
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

  /** corpus.yaml changed: metadata and notPeople affect every article, so all are re-extracted from memory. */
  private reconfigure(configText: string | null): void {
    this.applyConfig(configText);
    this.stringPool = new StringPool();
    const paths = [...this.extractions.keys()];
    for (const path of paths) {
      const { article } = this.extractions.get(path)!;
      this.extractInto(path, article.text, article.encoding);
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
