import * as assert from 'assert';
import * as path from 'path';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { MemoryExtractionCache, type CacheEntry } from '../../src/core/index/extractionCache';
import { toExport } from '../../src/core/query/export';
import type { FileSystem } from '../../src/core/types';

const ROOT = path.resolve('/corpus');

/** An in-memory file system: absolute path -> content; folders are implied by the paths. */
class MemoryFileSystem implements FileSystem {
  readonly files = new Map<string, { bytes: Uint8Array; mtime: number }>();
  reads = 0;
  constructor(files: Record<string, string | Uint8Array>) {
    for (const [rel, content] of Object.entries(files)) this.write(rel, content);
  }
  write(rel: string, content: string | Uint8Array, mtime = 1000): void {
    this.files.set(path.join(ROOT, rel), { bytes: typeof content === 'string' ? new Uint8Array(Buffer.from(content)) : content, mtime });
  }
  async readFile(absPath: string): Promise<Uint8Array> {
    const file = this.files.get(absPath);
    if (!file) throw new Error(`ENOENT: ${absPath}`);
    this.reads++;
    return file.bytes;
  }
  async readDirectory(absPath: string) {
    const names = new Map<string, 'file' | 'directory'>();
    for (const file of this.files.keys()) {
      const rel = path.relative(absPath, file);
      if (rel.startsWith('..') || rel === '') continue;
      const [first, ...rest] = rel.split(path.sep);
      names.set(first, rest.length ? 'directory' : 'file');
    }
    return [...names].map(([name, type]) => ({ name, type }));
  }
  async stat(absPath: string) {
    const file = this.files.get(absPath);
    if (file) return { size: file.bytes.length, mtime: file.mtime, type: 'file' as const };
    if ([...this.files.keys()].some((f) => f.startsWith(absPath + path.sep)) || absPath === ROOT) return { size: 0, mtime: 0, type: 'directory' as const };
    throw new Error(`ENOENT: ${absPath}`);
  }
}

const CONFIG = 'articles:\n  b/second.txt:\n    outlet: The Example Times\n    date: 2020-05-06\n';

function sampleFs(): MemoryFileSystem {
  return new MemoryFileSystem({
    'corpus.yaml': CONFIG,
    'first.txt': 'First headline\n\nSome text.\n',
    'b/second.txt': 'Second headline\n\nMore text.\n',
    'empty.md': '',
    'binary.txt': new Uint8Array([0x41, 0x00, 0x42]),
    'big.txt': `Big\n${'x'.repeat(5000)}`,
  });
}

describe('CorpusIndex: loading', () => {
  it('indexes every article with metadata, and lists skipped files with reasons', async () => {
    const progress: [number, number][] = [];
    const index = await CorpusIndex.load(ROOT, sampleFs(), { maxFileSizeBytes: 1000, onProgress: (done, total) => progress.push([done, total]) });
    assert.deepStrictEqual(index.articles().map((a) => a.path), ['b/second.txt', 'empty.md', 'first.txt']);
    const second = index.article('b/second.txt')!;
    assert.deepStrictEqual([second.title, second.outlet, second.date], ['Second headline', 'The Example Times', '2020-05-06']);
    assert.deepStrictEqual(second.metadataSources, { title: 'inferred', outlet: 'corpus.yaml', date: 'corpus.yaml' });
    assert.strictEqual(index.article('empty.md')!.title, null);
    assert.deepStrictEqual(index.problems().map((p) => p.path), ['big.txt', 'binary.txt']);
    assert.match(index.problems()[0].message, /larger than/);
    assert.match(index.problems()[1].message, /binary/);
    assert.deepStrictEqual(progress[progress.length - 1], [5, 5]);
    assert.deepStrictEqual(index.config.problems, []);
  });

  it('rejects a missing folder with a one-line message', async () => {
    await assert.rejects(CorpusIndex.load(path.join(ROOT, 'nope'), sampleFs()), /no such folder/);
  });

  it('indexes with defaults and reports problems when corpus.yaml is malformed', async () => {
    const fs = sampleFs();
    fs.write('corpus.yaml', 'articles: [\n');
    const index = await CorpusIndex.load(ROOT, fs);
    assert.strictEqual(index.articles().length, 4);
    assert.strictEqual(index.article('b/second.txt')!.outlet, null);
    assert.ok(index.config.problems.length > 0);
  });

  it('yields to the event loop while loading', async () => {
    const fs = new MemoryFileSystem(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`a${i}.txt`, `Title ${i}\n`])));
    let immediateRan = false;
    setImmediate(() => (immediateRan = true));
    const progressAtImmediate: number[] = [];
    await CorpusIndex.load(ROOT, fs, { yieldEvery: 1, onProgress: (done) => !immediateRan && progressAtImmediate.push(done) });
    assert.ok(immediateRan);
    assert.ok(progressAtImmediate.length < 20, 'the event loop ran before loading finished');
  });

  it('gives the event loop back inside one article (between metadata, mentions and quotes) when the slice is used up', async () => {
    const article = (i: number) => `Title ${i}\n\nSenator Anna Smith${i} said: “We will vote.” Mr Jones agreed.\n`;
    const fs = new MemoryFileSystem(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`a${i}.txt`, article(i)])));
    // Turns of the event loop seen while each article was the one being indexed (the memory file system
    // answers without a turn of its own).
    const turnsPerArticle = new Map<number, number>();
    let done = 0;
    let loading = true;
    const tick = () => {
      turnsPerArticle.set(done, (turnsPerArticle.get(done) ?? 0) + 1);
      if (loading) setImmediate(tick);
    };
    setImmediate(tick);
    const index = await CorpusIndex.load(ROOT, fs, { sliceMs: 0, onProgress: (n) => (done = n) });
    loading = false;
    for (let i = 0; i < 6; i++) assert.ok((turnsPerArticle.get(i) ?? 0) >= 3, `article ${i + 1}: ${turnsPerArticle.get(i)} turns`);
    assert.deepStrictEqual(
      toExport(index),
      toExport(CorpusIndex.fromTexts(ROOT, Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`a${i}.txt`, article(i)])))),
    );
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(CorpusIndex.load(ROOT, sampleFs(), { signal: controller.signal }));
  });
});

/** A memory cache that also keeps what it was given as one object, to be persisted as JSON. */
class RecordingCache extends MemoryExtractionCache {
  readonly stored: Record<string, CacheEntry> = {};
  override set(path: string, size: number, mtime: number, fingerprint: string, extraction: CacheEntry['extraction']): void {
    super.set(path, size, mtime, fingerprint, extraction);
    this.stored[path] = { size, mtime, fingerprint, extraction };
  }
}

/** A cache filled from persisted JSON, as a later session would read it. */
function restoreCache(json: string): MemoryExtractionCache {
  const cache = new MemoryExtractionCache();
  for (const [path, entry] of Object.entries(JSON.parse(json) as Record<string, CacheEntry>)) cache.set(path, entry.size, entry.mtime, entry.fingerprint, entry.extraction);
  return cache;
}

describe('CorpusIndex: cache', () => {
  it('stores plain-JSON extractions and reuses them for the same size, mtime and corpus.yaml', async () => {
    const cache = new RecordingCache();
    const fs = sampleFs();
    const first = await CorpusIndex.load(ROOT, fs, { cache });
    assert.strictEqual(cache.size, 4); // binary.txt is not cached: it is re-checked each time
    const extraction = first.extraction('first.txt')!;
    assert.deepStrictEqual(JSON.parse(JSON.stringify(extraction)), extraction);

    const restored = restoreCache(JSON.stringify(cache.stored));
    fs.reads = 0;
    await CorpusIndex.load(ROOT, fs, { cache: restored });
    assert.strictEqual(fs.reads, 2, 'a warm start reads only corpus.yaml and the uncached binary.txt');

    fs.write('first.txt', 'Changed headline\n', 2000);
    const changed = await CorpusIndex.load(ROOT, fs, { cache: restored });
    assert.strictEqual(changed.article('first.txt')!.title, 'Changed headline');

    fs.write('corpus.yaml', CONFIG.replace('The Example Times', 'The Other Times'));
    const reconfigured = await CorpusIndex.load(ROOT, fs, { cache: restored });
    assert.strictEqual(reconfigured.article('b/second.txt')!.outlet, 'The Other Times');
  });
});

describe('CorpusIndex: incremental updates', () => {
  it('re-extracts one article on update, tells listeners, and removes articles', async () => {
    const index = await CorpusIndex.load(ROOT, sampleFs());
    const events: string[][] = [];
    const subscription = index.onDidChange((paths) => events.push(paths));
    index.updateArticle('first.txt', 'Edited headline\n\nNew text.');
    assert.strictEqual(index.article('first.txt')!.title, 'Edited headline');
    index.updateArticle('new.txt', 'Brand new\n');
    assert.deepStrictEqual(index.articles().map((a) => a.path), ['b/second.txt', 'big.txt', 'empty.md', 'first.txt', 'new.txt']);
    index.removeArticle('first.txt');
    assert.strictEqual(index.article('first.txt'), undefined);
    subscription.dispose();
    index.removeArticle('new.txt');
    assert.deepStrictEqual(events, [['first.txt'], ['new.txt'], ['first.txt']]);
  });

  it('re-applies corpus.yaml to every article when it changes', async () => {
    const index = await CorpusIndex.load(ROOT, sampleFs());
    index.updateArticle('corpus.yaml', 'articles:\n  first.txt:\n    outlet: The Morning Star\n');
    assert.strictEqual(index.article('first.txt')!.outlet, 'The Morning Star');
    assert.strictEqual(index.article('b/second.txt')!.outlet, null);
  });

  it('reloads from disk, dropping a deleted file', async () => {
    const fs = sampleFs();
    const index = await CorpusIndex.load(ROOT, fs);
    fs.write('first.txt', 'Reloaded headline\n', 3000);
    await index.reloadArticle('first.txt');
    assert.strictEqual(index.article('first.txt')!.title, 'Reloaded headline');
    fs.files.delete(path.join(ROOT, 'first.txt'));
    await index.reloadArticle('first.txt');
    assert.strictEqual(index.article('first.txt'), undefined);
  });
});

// These run the real extractors end to end: they pass once people.ts, identity.ts and quotes.ts work.
describe('CorpusIndex: assembling extraction results', () => {
  const one = 'Talks in London\r\n\r\nDefence Secretary Sir Michael Fallon said: \u201cWe will not go back to business as usual.\u201d\r\n\r\nFallon added that talks would continue.\r\n';
  const two = '\ufeffNato spending\n\nMichael Fallon told reporters that allies must spend more.\n';

  it('gives every mention a person id shared across articles, with exact offsets', () => {
    const index = CorpusIndex.fromTexts(ROOT, { 'one.txt': one, 'two.txt': two.slice(1) });
    const mentions = [...index.mentionsIn('one.txt'), ...index.mentionsIn('two.txt')].filter((m) => index.person(m.entityId));
    assert.ok(mentions.length >= 3, `found ${mentions.length} mentions`);
    for (const mention of mentions) {
      const text = mention.path === 'one.txt' ? one : two.slice(1);
      assert.strictEqual(text.slice(mention.start, mention.end), mention.text);
    }
    const ids = new Set(mentions.map((m) => m.entityId));
    assert.strictEqual(ids.size, 1, `one person, got ${[...ids].join(', ')}`);
    const person = index.person([...ids][0])!;
    assert.strictEqual(person.mentions.length, mentions.length);
    assert.deepStrictEqual(index.people()[0], person);
  });

  it('finds the mention and the quote at an offset, and the quotes by a person', () => {
    const index = CorpusIndex.fromTexts(ROOT, { 'one.txt': one });
    const nameAt = one.indexOf('Michael');
    const mention = index.mentionAt('one.txt', nameAt)!;
    assert.ok(mention && mention.start <= nameAt && nameAt <= mention.end);
    assert.strictEqual(index.mentionAt('one.txt', one.indexOf('Talks')), undefined);
    const quoteAt = one.indexOf('business');
    const quote = index.quoteAt('one.txt', quoteAt)!;
    assert.ok(quote, 'a quote');
    assert.strictEqual(quote.text, one.slice(quote.start, quote.end));
    assert.strictEqual(quote.speaker, mention.entityId);
    assert.deepStrictEqual(index.quotesBy(mention.entityId), [quote]);
  });

  it('exports schema v2 deterministically, people and quotes with the v1 keys (quotes gain source)', () => {
    const a = toExport(CorpusIndex.fromTexts(ROOT, { 'one.txt': one, 'two.txt': two.slice(1) }));
    const b = toExport(CorpusIndex.fromTexts(ROOT, { 'two.txt': two.slice(1), 'one.txt': one }));
    assert.strictEqual(JSON.stringify(a), JSON.stringify(b));
    assert.strictEqual(a.version, 2);
    assert.ok(a.people.length > 0 && a.quotes.length > 0);
    assert.deepStrictEqual(Object.keys(a.people[0]), ['id', 'name', 'aliases', 'roles', 'mentions']);
    assert.deepStrictEqual(Object.keys(a.quotes[0]), ['path', 'start', 'end', 'text', 'speaker', 'source']);
  });
});
