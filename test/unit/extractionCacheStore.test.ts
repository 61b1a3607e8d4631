import * as assert from 'assert';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { NodeFileSystem } from '../../src/core/extract/nodeFileSystem';
import { extractArticle } from '../../src/core/extract/article';
import { emptyCorpusConfig } from '../../src/core/extract/corpusYaml';
import { plainExtraction, StoredExtraction } from '../../src/core/index/packed';
import type { ArticleExtraction } from '../../src/core/types';
import { type CacheFiles, ENTRIES_PER_SHARD, ShardedExtractionCache } from '../../src/editor/extractionCacheStore';

/** Files in a temporary folder, written through a rename like the extension's storage adapter. */
function folderFiles(dir: string): CacheFiles & { writes: string[] } {
  const writes: string[] = [];
  return {
    id: dir,
    writes,
    read: async (name) => fsp.readFile(path.join(dir, name)).then((b) => new Uint8Array(b), () => undefined),
    write: async (name, bytes) => {
      writes.push(name);
      await fsp.mkdir(dir, { recursive: true });
      await fsp.writeFile(path.join(dir, `${name}.tmp`), bytes);
      await fsp.rename(path.join(dir, `${name}.tmp`), path.join(dir, name));
    },
    remove: (name) => fsp.rm(path.join(dir, name), { force: true }),
    list: () => fsp.readdir(dir).catch(() => []),
  };
}

/** What the cache file keeps of an extraction: its JSON (an undefined field is left out). */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const extraction = (i: number): ArticleExtraction =>
  extractArticle(`a${i}.txt`, `Story ${i}\n\nSenator Anna Smith said: “Number ${i}.” Mr Jones${i % 5} agreed.\n`, 'utf-8', emptyCorpusConfig());

describe('sharded extraction cache', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'cn-cache-'));
  });
  afterEach(() => fsp.rm(dir, { recursive: true, force: true }));

  it('round-trips entries through shard files, keyed by size, mtime and fingerprint', async () => {
    const count = ENTRIES_PER_SHARD * 5;
    const cache = ShardedExtractionCache.empty(folderFiles(dir));
    for (let i = 0; i < count; i++) cache.set(`a${i}.txt`, 100 + i, 5000 + i, 'v1:x', extraction(i));
    await cache.save();
    const shards = (await fsp.readdir(dir)).filter((name) => name.startsWith('shard-'));
    assert.ok(shards.length >= 4, `expected several shards, got ${shards.length}`);

    const loaded = await ShardedExtractionCache.load(folderFiles(dir));
    assert.strictEqual(loaded.size, count);
    assert.strictEqual(loaded.stats.shardsRead, shards.length, 'each shard parsed on its own');
    assert.deepStrictEqual(asJson(plainExtraction(loaded.get('a7.txt', 107, 5007, 'v1:x')!)), asJson(extraction(7)));
    assert.strictEqual(loaded.get('a7.txt', 108, 5007, 'v1:x'), undefined, 'other size');
    assert.strictEqual(loaded.get('a7.txt', 107, 5008, 'v1:x'), undefined, 'other mtime');
    assert.strictEqual(loaded.get('a7.txt', 107, 5007, 'v2:x'), undefined, 'other fingerprint');
    assert.strictEqual(loaded.stats.hits, 1);
  });

  it('parses one shard per event-loop turn', async () => {
    const cache = ShardedExtractionCache.empty(folderFiles(dir));
    for (let i = 0; i < ENTRIES_PER_SHARD * 8; i++) cache.set(`a${i}.txt`, 1, 1, 'f', extraction(i % 10));
    await cache.save();
    // A timer-free probe: count the turns in which setImmediate callbacks ran while the load was going on.
    let turns = 0;
    let loading = true;
    const tick = () => {
      turns++;
      if (loading) setImmediate(tick);
    };
    setImmediate(tick);
    const loaded = await ShardedExtractionCache.load(folderFiles(dir));
    loading = false;
    assert.ok(turns >= loaded.stats.shardsRead, `${turns} turns for ${loaded.stats.shardsRead} shards`);
  });

  it('saves only the shards that changed, drops deleted files, and skips a corrupt shard', async () => {
    const files = folderFiles(dir);
    const cache = ShardedExtractionCache.empty(files);
    for (let i = 0; i < ENTRIES_PER_SHARD * 6; i++) cache.set(`a${i}.txt`, 1, 1, 'f', extraction(i % 10));
    await cache.save();
    const loaded = await ShardedExtractionCache.load(files);
    assert.strictEqual(loaded.isDirty, false, 'nothing changed since the save');
    files.writes.length = 0;
    loaded.set('a3.txt', 2, 2, 'f', extraction(3));
    await loaded.save();
    assert.deepStrictEqual(files.writes.filter((name) => name.startsWith('shard-')).length, 1, `writes: ${files.writes.join(', ')}`);

    // Only a1 and a3 are asked for in the next session: the rest are files that were deleted.
    const next = await ShardedExtractionCache.load(files);
    next.get('a1.txt', 1, 1, 'f');
    next.get('a3.txt', 2, 2, 'f');
    next.dropUntouched();
    await next.save();
    const last = await ShardedExtractionCache.load(files);
    assert.strictEqual(last.size, 2);
    assert.ok(last.get('a3.txt', 2, 2, 'f'));
    const leftover = (await fsp.readdir(dir)).filter((name) => name.startsWith('shard-'));
    assert.ok(leftover.every((name) => name.startsWith('shard-0-')), `old layout removed: ${leftover.join(', ')}`);

    await fsp.writeFile(path.join(dir, leftover[0]), '{"truncated');
    const corrupt = await ShardedExtractionCache.load(files);
    assert.strictEqual(corrupt.size, 0);
    assert.strictEqual(corrupt.isDirty, true, 'the corrupt shard is rewritten at the next save');
  });

  it('keeps loaded entries packed, with shared name forms, and saves them back byte for byte', async () => {
    const files = folderFiles(dir);
    const cache = ShardedExtractionCache.empty(files);
    for (let i = 0; i < ENTRIES_PER_SHARD * 3; i++) cache.set(`a${i}.txt`, i, i, 'f', extraction(i % 10));
    await cache.save();
    const before = new Map<string, Buffer>();
    for (const name of await files.list()) before.set(name, await fsp.readFile(path.join(dir, name)));

    const loaded = await ShardedExtractionCache.load(files);
    const first = loaded.get('a1.txt', 1, 1, 'f');
    const second = loaded.get('a2.txt', 2, 2, 'f');
    assert.ok(first instanceof StoredExtraction && second instanceof StoredExtraction, 'packed as the index keeps a fresh extraction');
    const formOf = (e: StoredExtraction, text: string) => e.mentionForms.find((form) => form.text === text);
    assert.ok(formOf(first, 'Anna Smith'), 'the sample names Anna Smith');
    assert.strictEqual(formOf(first, 'Anna Smith'), formOf(second, 'Anna Smith'), 'one form object for the same name across entries');
    assert.deepStrictEqual(asJson(plainExtraction(first)), asJson(extraction(1)));

    // The packed entries saved again, in the same order, make the same files.
    const copyDir = path.join(dir, 'copy');
    const copy = ShardedExtractionCache.empty(folderFiles(copyDir));
    for (let i = 0; i < ENTRIES_PER_SHARD * 3; i++) copy.set(`a${i}.txt`, i, i, 'f', loaded.get(`a${i}.txt`, i, i, 'f')!);
    await copy.save();
    for (const [name, bytes] of before) assert.ok(bytes.equals(await fsp.readFile(path.join(copyDir, name))), `${name} unchanged`);
  });

  it('drops a malformed cached extraction and rewrites its shard', async () => {
    const files = folderFiles(dir);
    await files.write('manifest.json', new TextEncoder().encode(JSON.stringify({ format: 1, bits: 0, entries: 2 })));
    const good = { size: 1, mtime: 1, fingerprint: 'f', extraction: JSON.parse(JSON.stringify(extraction(1))) };
    const bad = { size: 1, mtime: 1, fingerprint: 'f', extraction: { ...good.extraction, mentions: [{ start: 0, end: 4, text: 'Anna', honorific: null, nameParts: 7, role: null }] } };
    await files.write('shard-0-0.json', new TextEncoder().encode(JSON.stringify({ 'a1.txt': good, 'b.txt': bad })));
    const loaded = await ShardedExtractionCache.load(files);
    assert.strictEqual(loaded.size, 1);
    assert.ok(loaded.get('a1.txt', 1, 1, 'f'));
    assert.strictEqual(loaded.get('b.txt', 1, 1, 'f'), undefined);
    assert.strictEqual(loaded.isDirty, true);
  });

  it('gives a warm CorpusIndex.load the same index as a cold one without re-extracting', async () => {
    const corpusDir = path.join(dir, 'corpus');
    await fsp.mkdir(corpusDir);
    for (let i = 0; i < 40; i++) await fsp.writeFile(path.join(corpusDir, `a${i}.txt`), `Story ${i}\n\nSenator Anna Smith said: “Number ${i}.”\n`);
    const files = folderFiles(path.join(dir, 'cache'));
    const cold = ShardedExtractionCache.empty(files);
    const first = await CorpusIndex.load(corpusDir, new NodeFileSystem(), { cache: cold });
    await cold.save();
    const warm = await ShardedExtractionCache.load(files);
    const second = await CorpusIndex.load(corpusDir, new NodeFileSystem(), { cache: warm });
    assert.strictEqual(warm.stats.hits, 40);
    assert.deepStrictEqual(
      second.people().map((p) => [p.id, p.mentions.length]),
      first.people().map((p) => [p.id, p.mentions.length]),
    );
    assert.strictEqual(second.quotes().length, first.quotes().length);
  });
});
