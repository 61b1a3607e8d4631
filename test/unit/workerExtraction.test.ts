// Loading a corpus with extraction in worker threads: the same index as in-thread extraction (export, problems,
// cached extractions), a poisoned article skipped with its reason while the rest of the corpus loads, and a load
// cancelled mid-way without disturbing another corpus that shares the workers.
import * as assert from 'assert';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { MemoryExtractionCache } from '../../src/core/index/extractionCache';
import type { ArticleExtraction } from '../../src/core/types';
import type { IndexLoadOptions } from '../../src/core/index/loading';
import { NodeFileSystem } from '../../src/core/extract/nodeFileSystem';
import { toExport } from '../../src/core/query/export';
import { WorkerExtractor, type WorkerExtractorOptions } from '../../src/core/index/workers/workerExtractor';
import { generateCorpus, writeCorpus } from '../support/corpusGenerator';

const projectRoot = path.join(__dirname, '..', '..');
const poisonedWorker = path.join(projectRoot, 'test', 'support', 'poisonedExtractWorker.ts');
const fs = new NodeFileSystem();
const MAX_FILE_SIZE = 64 * 1024;

/** A generated corpus plus the sample corpus (with its corpus.yaml) and files that take the loader's rarer paths. */
function writeMixedCorpus(dir: string, articles: number, seed: number): void {
  writeCorpus(generateCorpus(articles, seed), dir);
  cpSync(path.join(projectRoot, 'corpus'), dir, { recursive: true });
  const odd = path.join(dir, 'odd');
  mkdirSync(odd, { recursive: true });
  const said = 'Sir Michael Fallon said: "We will not be deterred." Mr Fallon told the BBC that Anna Smith agreed.\n';
  writeFileSync(path.join(odd, 'cp1252.txt'), Buffer.from([...Buffer.from('Anna Smith said: '), 0x93, ...Buffer.from('Caf'), 0xe9, 0x94, ...Buffer.from(' today.\n')]));
  writeFileSync(path.join(odd, 'bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`“Hello,” said Anna Smith.\n${said}`)]));
  writeFileSync(path.join(odd, 'front.md'), `---\ntitle: “Fronted”\noutlet: The Test\ndate: 2017-03-31\n---\n${said}`);
  writeFileSync(path.join(odd, 'ascii.txt'), said);
  writeFileSync(path.join(odd, 'empty.txt'), '');
  writeFileSync(path.join(odd, 'binary.txt'), Buffer.from([0x41, 0x00, 0x42]));
  writeFileSync(path.join(odd, 'utf16.txt'), Buffer.from([0xff, 0xfe, 0x41, 0x00]));
  writeFileSync(path.join(odd, 'big.txt'), said.repeat(Math.ceil((2 * MAX_FILE_SIZE) / said.length)));
}

/** A memory cache that also records what was stored, in order, so two loads' caches can be compared. */
class RecordingCache extends MemoryExtractionCache {
  readonly stored: { path: string; size: number; mtime: number; fingerprint: string; extraction: ArticleExtraction }[] = [];
  override set(path: string, size: number, mtime: number, fingerprint: string, extraction: ArticleExtraction): void {
    this.stored.push({ path, size, mtime, fingerprint, extraction });
    super.set(path, size, mtime, fingerprint, extraction);
  }
}

/** Everything a load leaves that a reader sees: the export, skipped files, config problems, each cached extraction. */
function snapshot(index: CorpusIndex, cache?: RecordingCache) {
  return {
    export: JSON.stringify(toExport(index)),
    problems: JSON.stringify(index.problems()),
    config: JSON.stringify(index.config),
    extractions: JSON.stringify(index.articles().map((article) => index.extraction(article.path))),
    cache: cache && JSON.stringify([...cache.stored].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))),
  };
}

describe('extraction in worker threads', function () {
  this.timeout(120_000);
  let tmp: string;
  const extractors: WorkerExtractor[] = [];
  const extractor = (options: Partial<WorkerExtractorOptions> = {}) => {
    const created = new WorkerExtractor({ workers: 2, minFilesCold: 0, minFilesWarm: 0, ...options });
    extractors.push(created);
    return created;
  };
  const load = (dir: string, options: IndexLoadOptions = {}) => CorpusIndex.load(dir, fs, { maxFileSizeBytes: MAX_FILE_SIZE, ...options });

  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'cn-workers-'));
    writeMixedCorpus(path.join(tmp, 'a'), 80, 11);
    writeMixedCorpus(path.join(tmp, 'b'), 40, 12);
    writeCorpus(generateCorpus(40, 14), path.join(tmp, 'c'));
  });
  after(async () => {
    await Promise.all(extractors.map((e) => e.close()));
    rmSync(tmp, { recursive: true, force: true });
  });

  it('builds the same index as in-thread extraction (export, problems, cached extractions)', async () => {
    const dir = path.join(tmp, 'a');
    const inThreadCache = new RecordingCache();
    const expected = snapshot(await load(dir, { cache: inThreadCache }), inThreadCache);
    assert.match(expected.problems, /larger than the 0\.1 MB limit.*binary file.*UTF-16/);
    const workers = extractor();
    for (const size of [1, 2]) {
      const cache = new RecordingCache();
      const index = await load(dir, { cache, extractor: size === 2 ? workers : extractor({ workers: 1 }) });
      assert.deepStrictEqual(snapshot(index, cache), expected, `${size} workers`);
    }
    assert.ok(workers.workerCount > 0, 'the workers did the extraction');
  });

  it('does not start workers for a warm cache or a small corpus', async () => {
    const dir = path.join(tmp, 'c');
    const cache = new RecordingCache();
    const expected = snapshot(await load(dir, { cache }));
    const warm = extractor();
    assert.deepStrictEqual(snapshot(await load(dir, { cache, extractor: warm })), expected);
    assert.strictEqual(warm.workerCount, 0);
    const defaults = new WorkerExtractor({ workers: 2 });
    extractors.push(defaults);
    assert.strictEqual(defaults.accepts(readdirSync(dir).length), false);
    assert.deepStrictEqual(snapshot(await load(dir, { extractor: defaults })), expected);
    assert.strictEqual(defaults.workerCount, 0);
    // A bundle without its worker entry loads in-thread.
    assert.strictEqual(extractor({ script: path.join(tmp, 'missing.js') }).accepts(100_000), false);
  });

  it('skips an article whose worker crashes or hangs, with the reason, and loads the rest', async () => {
    const dir = path.join(tmp, 'poisoned');
    writeCorpus(generateCorpus(30, 13), dir);
    const expected = snapshot(await load(dir));
    const articles = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.txt')).length;
    writeFileSync(path.join(dir, 'crash-me.txt'), 'Anna Smith said: “I bring the worker down.”\n');
    writeFileSync(path.join(dir, 'hang-me.txt'), 'Anna Smith said: “I never finish.”\n');
    const index = await load(dir, { extractor: extractor({ script: poisonedWorker, taskTimeoutMs: 1500 }) });
    assert.deepStrictEqual(index.problems(), [
      { path: 'crash-me.txt', message: 'extraction failed: worker crashed (exit code 3)' },
      { path: 'hang-me.txt', message: 'extraction failed: took longer than 1.5 s' },
    ]);
    assert.strictEqual(index.articles().length, articles);
    assert.strictEqual(JSON.stringify(toExport(index)), expected.export);
  });

  it('cancels a load mid-way while another corpus goes on with the same workers', async () => {
    const shared = extractor({ idleMs: 300 });
    const expectedB = snapshot(await load(path.join(tmp, 'b')));
    const controller = new AbortController();
    let doneWhenAborted = 0;
    const loadA = load(path.join(tmp, 'a'), {
      extractor: shared,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 10) {
          doneWhenAborted = done;
          controller.abort();
        }
      },
    });
    const loadB = load(path.join(tmp, 'b'), { extractor: shared });
    await assert.rejects(loadA, { name: 'AbortError' });
    assert.strictEqual(doneWhenAborted, 10);
    assert.deepStrictEqual(snapshot(await loadB), expectedB);
    // Nothing of the cancelled corpus is left running: the workers go idle and stop.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.strictEqual(shared.workerCount, 0);
  });
});
