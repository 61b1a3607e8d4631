import * as assert from 'assert';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NodeFileSystem } from '../../src/core/extract/nodeFileSystem';
import { decodeBytes, isCorpusFileName, listCorpusFiles, readCorpusFile } from '../../src/core/extract/loader';
import type { FileSystem } from '../../src/core/types';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('loader: decoding', () => {
  it('decodes UTF-8 and strips a BOM, keeping CRLF line endings', () => {
    const result = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Caf\u00e9 \u201cquoted\u201d\r\nnext')]));
    assert.deepStrictEqual(result, { ok: true, text: 'Caf\u00e9 \u201cquoted\u201d\r\nnext', encoding: 'utf-8' });
  });

  it('falls back to Windows-1252 when the bytes are not valid UTF-8', () => {
    // 0x93/0x94 are curly quotes and 0xE9 is é in Windows-1252; all three are invalid as UTF-8 here.
    const result = decodeBytes(new Uint8Array([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94]));
    assert.deepStrictEqual(result, { ok: true, text: '\u201cCaf\u00e9\u201d', encoding: 'windows-1252' });
  });

  it('refuses binary files (NUL bytes) and UTF-16 with a reason', () => {
    const binary = decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    assert.strictEqual(binary.ok, false);
    assert.match(!binary.ok ? binary.reason : '', /binary/);
    const utf16 = decodeBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00]));
    assert.strictEqual(utf16.ok, false);
    assert.match(!utf16.ok ? utf16.reason : '', /UTF-16/);
  });

  it('decodes an empty file to empty text', () => {
    assert.deepStrictEqual(decodeBytes(new Uint8Array()), { ok: true, text: '', encoding: 'utf-8' });
  });

  it('recognises .txt and .md only', () => {
    assert.deepStrictEqual(['a.txt', 'B.MD', 'c.markdown', 'd.yaml', 'e.txt.bak'].map(isCorpusFileName), [true, true, false, false, false]);
  });
});

describe('loader: walking a folder on disk', () => {
  let root: string;
  beforeEach(async () => {
    root = await fsp.mkdtemp(path.join(os.tmpdir(), 'cn-loader-'));
  });
  afterEach(async () => {
    await fsp.rm(root, { recursive: true, force: true });
  });

  async function write(rel: string, content: string | Uint8Array): Promise<void> {
    const abs = path.join(root, rel);
    await fsp.mkdir(path.dirname(abs), { recursive: true });
    await fsp.writeFile(abs, content);
  }

  it('finds .txt/.md recursively, sorted, skipping hidden folders, hidden files and node_modules', async () => {
    await write('b.txt', 'b');
    await write('a/deep/er/c.md', 'c');
    await write('with space/ünïcode näme.txt', 'd');
    await write('.git/x.txt', 'hidden');
    await write('.hidden.txt', 'hidden');
    await write('node_modules/pkg/readme.md', 'dependency');
    await write('notes.yaml', 'not an article');
    const { files, problems } = await listCorpusFiles(root, new NodeFileSystem());
    assert.deepStrictEqual(files.map((f) => f.path), ['a/deep/er/c.md', 'b.txt', 'with space/ünïcode näme.txt']);
    assert.strictEqual(files[0].absPath, path.join(root, 'a', 'deep', 'er', 'c.md'));
    assert.deepStrictEqual(problems, []);
  });

  it('survives a symlink loop, following each real folder once', async function () {
    await write('sub/a.txt', 'a');
    try {
      await fsp.symlink(root, path.join(root, 'sub', 'loop'), 'dir');
      await fsp.symlink(path.join(root, 'sub'), path.join(root, 'again'), 'dir');
    } catch {
      this.skip(); // No symlink permission on this platform.
    }
    const { files, problems } = await listCorpusFiles(root, new NodeFileSystem());
    assert.deepStrictEqual(files.map((f) => f.path), ['sub/a.txt']);
    assert.strictEqual(problems.length, 2);
    assert.ok(problems.every((p) => /not followed/.test(p.message)));
  });

  it('follows a symlinked folder that is not a loop', async function () {
    const outside = await fsp.mkdtemp(path.join(os.tmpdir(), 'cn-outside-'));
    try {
      await fsp.writeFile(path.join(outside, 'linked.txt'), 'x');
      try {
        await fsp.symlink(outside, path.join(root, 'link'), 'dir');
      } catch {
        this.skip();
      }
      const { files } = await listCorpusFiles(root, new NodeFileSystem());
      assert.deepStrictEqual(files.map((f) => f.path), ['link/linked.txt']);
    } finally {
      await fsp.rm(outside, { recursive: true, force: true });
    }
  });

  it('does not follow symlinked folders when the file system cannot resolve real paths', async () => {
    const fs: FileSystem = {
      readFile: async () => utf8('x'),
      readDirectory: async (p) => (p === '/c' ? [{ name: 'loop', type: 'symlink' }, { name: 'a.txt', type: 'file' }] : []),
      stat: async () => ({ size: 1, mtime: 0, type: 'directory' }),
    };
    const { files } = await listCorpusFiles('/c', fs);
    assert.deepStrictEqual(files.map((f) => f.path), ['a.txt']);
  });

  it('gives the event loop back while listing a large folder, and still lists it sorted', async () => {
    // Answers without touching the event loop, so only the listing's own pauses let a timer run.
    const names = Array.from({ length: 40 }, (_, i) => `${(i * 7) % 40}.txt`);
    const fs: FileSystem = {
      readFile: async () => utf8('x'),
      readDirectory: async (p) => (p === '/c' ? names.map((name) => ({ name, type: 'file' as const })) : []),
      stat: async () => ({ size: 1, mtime: 0, type: 'directory' }),
    };
    let ticks = 0;
    let listing = true;
    const tick = () => {
      ticks++;
      if (listing) setImmediate(tick);
    };
    setImmediate(tick);
    const { files } = await listCorpusFiles('/c', fs, { sliceMs: 0 });
    listing = false;
    assert.ok(ticks >= names.length, `${ticks} event-loop turns while listing ${names.length} files`);
    assert.deepStrictEqual(files.map((f) => f.path), names.slice().sort());
  });

  it('reads a file with its size and mtime, and skips one above the size limit with a reason', async () => {
    await write('small.txt', 'hello');
    await write('big.txt', 'x'.repeat(2048));
    const fs = new NodeFileSystem();
    const small = await readCorpusFile(fs, path.join(root, 'small.txt'), { maxFileSizeBytes: 1024 });
    assert.ok(small.ok && small.text === 'hello' && small.size === 5 && small.mtime > 0);
    const big = await readCorpusFile(fs, path.join(root, 'big.txt'), { maxFileSizeBytes: 1024 });
    assert.ok(!big.ok && /larger than/.test(big.reason));
  });

  it('reports a vanished file instead of throwing', async () => {
    const result = await readCorpusFile(new NodeFileSystem(), path.join(root, 'gone.txt'));
    assert.ok(!result.ok && /not readable/.test(result.reason));
  });
});

describe('NodeFileSystem', () => {
  let root: string;
  before(async () => {
    root = await fsp.mkdtemp(path.join(os.tmpdir(), 'cn-nodefs-'));
    for (let i = 0; i < 4; i++) await fsp.writeFile(path.join(root, `${i}.txt`), `article ${i}`);
  });
  after(async () => {
    await fsp.rm(root, { recursive: true, force: true });
  });

  // slowMs -1: every blocking read counts as slow, so the reads after the first go through the thread pool.
  for (const [label, fs] of [['blocking reads', new NodeFileSystem()], ['reads after a slow one', new NodeFileSystem(-1)]] as const) {
    it(`${label}: bytes and stats of each file, and a missing file rejected`, async () => {
      for (let i = 0; i < 4; i++) {
        const file = path.join(root, `${i}.txt`);
        assert.strictEqual(Buffer.from(await fs.readFile(file)).toString(), `article ${i}`);
        const stat = await fs.stat(file);
        assert.deepStrictEqual([stat.type, stat.size], ['file', `article ${i}`.length]);
      }
      assert.strictEqual((await fs.stat(root)).type, 'directory');
      await assert.rejects(fs.readFile(path.join(root, 'missing.txt')), { code: 'ENOENT' });
      await assert.rejects(fs.stat(path.join(root, 'missing.txt')), { code: 'ENOENT' });
    });
  }
});

