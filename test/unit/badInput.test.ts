// Messy corpora on a real disk, through CorpusIndex.load and the Node FileSystem: every bad file is skipped
// or degraded with a message, the rest of the corpus still indexes, and offsets stay exact.
import * as assert from 'assert';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { extractArticle } from '../../src/core/extract/article';
import { NodeFileSystem } from '../../src/core/extract/nodeFileSystem';
import { emptyCorpusConfig, parseCorpusYaml } from '../../src/core/extract/corpusYaml';
import { MAX_YAML_ALIASES } from '../../src/core/extract/yamlReader';
import type { FileSystem } from '../../src/core/types';

const ARTICLE = 'A headline\n\nDefence Secretary Sir Michael Fallon said: “We will not be intimidated.”\n\n“Never,” said Anna Smith.\n';
/** Set CORPUS_NAV_REPORT=1 to print the timings this suite measures. */
const report = (line: string) => process.env.CORPUS_NAV_REPORT && console.log(`      [measured] ${line}`);

let tmp: string;

async function write(rel: string, content: string | Uint8Array): Promise<string> {
  const abs = path.join(tmp, ...rel.split('/'));
  await fsp.mkdir(path.dirname(abs), { recursive: true });
  await fsp.writeFile(abs, content);
  return abs;
}

async function freshCorpus(files: Record<string, string | Uint8Array>): Promise<string> {
  tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'corpus-nav-bad-'));
  for (const [rel, content] of Object.entries(files)) await write(rel, content);
  return tmp;
}

function problemFor(index: CorpusIndex, rel: string): string | undefined {
  return index.problems().find((p) => p.path === rel)?.message;
}

/** Every mention and quote span of every article equals its text in the decoded article text. */
function assertExactSpans(index: CorpusIndex): void {
  for (const article of index.articles()) {
    for (const m of index.mentionsIn(article.path)) assert.strictEqual(article.text.slice(m.start, m.end), m.text, `${article.path}: mention ${m.start}-${m.end}`);
    for (const q of index.quotesIn(article.path)) assert.strictEqual(article.text.slice(q.start, q.end), q.text, `${article.path}: quote ${q.start}-${q.end}`);
  }
}

describe('bad input: files', function () {
  this.timeout(60_000);
  afterEach(async () => {
    if (tmp) await fsp.rm(tmp, { recursive: true, force: true });
  });

  it('indexes an empty file as an article with nothing in it, beside the normal ones', async () => {
    const root = await freshCorpus({ 'empty.txt': '', 'good.txt': ARTICLE });
    const index = await CorpusIndex.load(root, new NodeFileSystem());
    assert.deepStrictEqual(index.articles().map((a) => a.path), ['empty.txt', 'good.txt']);
    const empty = index.article('empty.txt')!;
    assert.deepStrictEqual([empty.text, empty.title, empty.outlet, empty.date], ['', null, null, null]);
    assert.strictEqual(index.mentionsIn('empty.txt').length, 0);
    assert.ok(index.mentionsIn('good.txt').length > 0, 'the normal article still has its people');
  });

  it('skips a binary .txt (NUL bytes) with a message and indexes the rest', async () => {
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const root = await freshCorpus({ 'image.txt': binary, 'good.txt': ARTICLE });
    const index = await CorpusIndex.load(root, new NodeFileSystem());
    assert.deepStrictEqual(index.articles().map((a) => a.path), ['good.txt']);
    assert.match(problemFor(index, 'image.txt') ?? '', /binary/);
  });

  it('skips a 20 MB article above the size limit with a message, and indexes it without a limit', async () => {
    // Realistic prose (people, quotes, paragraphs) repeated to 20 MB: the worst an honest scrape gets.
    const paragraph = 'Defence Secretary Sir Michael Fallon said: “We will not be intimidated by anyone.” Anna Smith, the party leader, added that talks would go on. “It is a persistent pattern,” she said.\n\n';
    const big = `A very long article\n\n${paragraph.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(paragraph)))}`;
    const root = await freshCorpus({ 'big.txt': big, 'good.txt': ARTICLE });
    const size = (await fsp.stat(path.join(root, 'big.txt'))).size;
    assert.ok(size >= 20 * 1024 * 1024, `fixture is ${size} bytes`);

    const limited = await CorpusIndex.load(root, new NodeFileSystem(), { maxFileSizeBytes: 10 * 1024 * 1024 });
    assert.deepStrictEqual(limited.articles().map((a) => a.path), ['good.txt']);
    assert.match(problemFor(limited, 'big.txt') ?? '', /larger than the 10\.0 MB limit \(20\.\d MB\)/);

    // Without a limit it is indexed (one synchronous extraction: the time is how long the host is busy).
    const started = performance.now();
    const unlimited = await CorpusIndex.load(root, new NodeFileSystem());
    const ms = performance.now() - started;
    report(`20 MB article (${(size / 1048576).toFixed(1)} MB, ${unlimited.mentionsIn('big.txt').length} mentions, ${unlimited.quotesIn('big.txt').length} quotes) indexed in ${ms.toFixed(0)} ms`);
    assert.deepStrictEqual(unlimited.articles().map((a) => a.path), ['big.txt', 'good.txt']);
    assert.ok(unlimited.mentionsIn('big.txt').length > 100_000, 'the big article was extracted');
    assert.ok(unlimited.quotesIn('big.txt').length > 100_000, 'its quotes were extracted');
    assertExactSpans(unlimited);
    assert.ok(ms < 45_000, `20 MB took ${ms.toFixed(0)} ms`);
  });

  it('decodes Windows-1252 and invalid UTF-8, with offsets into the decoded text', async () => {
    // 0x93/0x94 curly quotes, 0xE9 é, 0x92 ’ in Windows-1252; none of them valid UTF-8 here.
    const cp1252 = Buffer.concat([
      Buffer.from('Headline\r\n\r\nRen', 'latin1'),
      Buffer.from([0xe9]),
      Buffer.from('e Dupont said: ', 'latin1'),
      Buffer.from([0x93]),
      Buffer.from('It', 'latin1'),
      Buffer.from([0x92]),
      Buffer.from('s over.', 'latin1'),
      Buffer.from([0x94]),
      Buffer.from('\r\n', 'latin1'),
    ]);
    // A stray continuation byte (0x80) makes the file invalid UTF-8: decoded as Windows-1252 (€), not lost.
    const invalidUtf8 = Buffer.concat([Buffer.from('Price list\n\nCost: 5'), Buffer.from([0x80]), Buffer.from(' says Anna Smith.\n')]);
    const root = await freshCorpus({ 'cp1252.txt': cp1252, 'invalid.txt': invalidUtf8 });
    const index = await CorpusIndex.load(root, new NodeFileSystem());

    const article = index.article('cp1252.txt')!;
    assert.strictEqual(article.encoding, 'windows-1252');
    assert.strictEqual(article.text, 'Headline\r\n\r\nRenée Dupont said: “It’s over.”\r\n');
    const mention = index.mentionsIn('cp1252.txt').find((m) => m.text === 'Renée Dupont');
    assert.ok(mention, `no mention of Renée Dupont: ${JSON.stringify(index.mentionsIn('cp1252.txt'))}`);
    assert.strictEqual(mention.start, article.text.indexOf('Renée'));
    const quote = index.quotesIn('cp1252.txt')[0];
    assert.ok(quote, 'the quote was found');
    assert.deepStrictEqual([quote.start, quote.text], [article.text.indexOf('It’s'), 'It’s over.']);
    assert.strictEqual(quote.speaker, mention.entityId);

    const invalid = index.article('invalid.txt')!;
    assert.strictEqual(invalid.encoding, 'windows-1252');
    assert.strictEqual(invalid.text, 'Price list\n\nCost: 5€ says Anna Smith.\n');
    assert.ok(!invalid.text.includes('\ufffd'), 'nothing decoded to the replacement character');
    assertExactSpans(index);
  });

  it('strips a BOM and keeps CRLF: mention and quote offsets index the decoded string exactly', async () => {
    const text = 'Talks collapse\r\n\r\nDefence Secretary Sir Michael Fallon said: “We will not be intimidated.”\r\n\r\n“Never,” said Anna Smith.\r\n';
    const root = await freshCorpus({ 'crlf.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]) });
    const index = await CorpusIndex.load(root, new NodeFileSystem());
    const article = index.article('crlf.txt')!;
    assert.strictEqual(article.text, text, 'BOM stripped, line endings untouched');
    const byText = new Map(index.mentionsIn('crlf.txt').map((m) => [m.text, m]));
    assert.strictEqual(byText.get('Sir Michael Fallon')?.start, text.indexOf('Sir Michael Fallon'));
    assert.strictEqual(byText.get('Anna Smith')?.start, text.indexOf('Anna Smith'));
    const quotes = index.quotesIn('crlf.txt').map((q) => [q.start, q.end, q.text]);
    const first = text.indexOf('We will');
    const second = text.indexOf('Never');
    assert.deepStrictEqual(quotes, [
      [first, first + 'We will not be intimidated.'.length, 'We will not be intimidated.'],
      [second, second + 'Never,'.length, 'Never,'],
    ]);
    assert.strictEqual(article.title, 'Talks collapse', 'no \\r left in the title');
  });

  it('indexes an article with no people and no quotes, and one ending in an unbalanced quote mark', async () => {
    const root = await freshCorpus({
      'weather.txt': 'Weather\n\nIt rained all day in the north, and the wind was strong.\n',
      'unbalanced.txt': 'Cut off\n\nAnna Smith said: “We will never',
      'dangling.txt': 'Cut off too\n\nThe report ends here “',
    });
    const index = await CorpusIndex.load(root, new NodeFileSystem());
    assert.strictEqual(index.problems().length, 0, JSON.stringify(index.problems()));
    assert.deepStrictEqual([index.mentionsIn('weather.txt').length, index.quotesIn('weather.txt').length], [0, 0]);
    assert.strictEqual(index.article('weather.txt')?.title, 'Weather');
    for (const p of ['unbalanced.txt', 'dangling.txt']) {
      const length = index.article(p)!.text.length;
      for (const q of index.quotesIn(p)) assert.ok(q.end <= length && q.start <= q.end, `${p}: quote ${q.start}-${q.end} beyond ${length}`);
    }
    assert.ok(index.mentionsIn('unbalanced.txt').some((m) => m.text === 'Anna Smith'));
    assertExactSpans(index);
  });
});

describe('bad input: folders', function () {
  this.timeout(120_000);
  afterEach(async () => {
    if (tmp) await fsp.rm(tmp, { recursive: true, force: true });
  });

  it('ends a symlink loop, indexing each real file once, with a message', async function () {
    const root = await freshCorpus({ 'a/one.txt': ARTICLE, 'b/two.txt': ARTICLE });
    try {
      await fsp.symlink('..', path.join(root, 'a', 'up'), 'dir'); // a/up -> root: a loop
      await fsp.symlink('.', path.join(root, 'b', 'self'), 'dir'); // b/self -> b: a loop
      await fsp.symlink(path.join(root, 'a'), path.join(root, 'link-to-a'), 'dir'); // a duplicate
    } catch {
      this.skip(); // No symlinks on this platform/user.
    }
    const index = await CorpusIndex.load(root, new NodeFileSystem());
    assert.deepStrictEqual(index.articles().map((a) => a.path), ['a/one.txt', 'b/two.txt']);
    const loopProblems = index.problems().filter((p) => /loop|already indexed/.test(p.message));
    assert.ok(loopProblems.length >= 2, `expected loop messages: ${JSON.stringify(index.problems())}`);
  });

  it('survives files deleted while indexing runs (before their stat, and between stat and read)', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`f${String(i).padStart(2, '0')}.txt`] = `Title ${i}\n\nAnna Smith said: “Number ${i}.”\n`;
    const root = await freshCorpus(files);
    const disk = new NodeFileSystem();
    const goneBeforeStat = path.join(root, 'f10.txt');
    const goneBeforeRead = path.join(root, 'f30.txt');
    const renamedFrom = path.join(root, 'f20.txt');
    // Wraps the real fs: the listing sees every file; then files vanish from the disk just before they are touched.
    const racing: FileSystem = {
      readDirectory: (p) => disk.readDirectory(p),
      realpath: (p) => disk.realpath(p),
      stat: async (p) => {
        if (p === goneBeforeStat) await fsp.rm(p, { force: true });
        if (p === renamedFrom) await fsp.rename(p, path.join(root, 'renamed.txt')).catch(() => undefined);
        const stat = await disk.stat(p);
        if (p === goneBeforeRead) await fsp.rm(p, { force: true });
        return stat;
      },
      readFile: (p) => disk.readFile(p),
    };
    const index = await CorpusIndex.load(root, racing);
    const indexed = index.articles().map((a) => a.path);
    assert.strictEqual(indexed.length, 37, indexed.join(', '));
    for (const gone of ['f10.txt', 'f20.txt', 'f30.txt']) {
      assert.ok(!indexed.includes(gone), `${gone} is gone but indexed`);
      assert.match(problemFor(index, gone) ?? '', /not readable/, `${gone} has no message`);
    }
    assert.strictEqual(index.quotesIn('f31.txt')[0]?.text, 'Number 31.');
  });

  it('loads 10,000 small files', async () => {
    tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'corpus-nav-bad-'));
    const writes: Promise<void>[] = [];
    for (let folder = 0; folder < 100; folder++) {
      await fsp.mkdir(path.join(tmp, `folder-${folder}`));
      for (let i = 0; i < 100; i++) {
        const n = folder * 100 + i;
        writes.push(fsp.writeFile(path.join(tmp, `folder-${folder}`, `article-${i}.txt`), `Article ${n}\n\nPerson${String.fromCharCode(65 + (n % 26))} Smith said: “Item ${n}.”\n`));
      }
      if (writes.length >= 1000) await Promise.all(writes.splice(0));
    }
    await Promise.all(writes);
    const started = performance.now();
    const index = await CorpusIndex.load(tmp, new NodeFileSystem());
    const ms = performance.now() - started;
    report(`10,000 small files loaded in ${ms.toFixed(0)} ms (${index.people().length} people, ${index.quotes().length} quotes)`);
    assert.strictEqual(index.articles().length, 10_000);
    assert.strictEqual(index.problems().length, 0);
    assert.strictEqual(index.quotes().length, 10_000);
    assert.strictEqual(index.quoteCount(), 10_000);
    assert.ok(ms < 60_000, `10,000 files took ${ms.toFixed(0)} ms`);
  });

  it('reaches an article 50 folders deep, and names with spaces and non-ASCII characters', async () => {
    const deep = Array.from({ length: 50 }, (_, i) => `level ${i}`).join('/');
    const root = await freshCorpus({
      [`${deep}/deep.txt`]: ARTICLE,
      'Ünïcödé folder/Café – Résumé.txt': ARTICLE,
      '名前 with spaces/記事 one.md': ARTICLE,
      'emoji 📰/news 🗞.txt': ARTICLE,
    });
    const index = await CorpusIndex.load(root, new NodeFileSystem());
    assert.deepStrictEqual(
      index.articles().map((a) => a.path).sort(),
      [`${deep}/deep.txt`, 'emoji 📰/news 🗞.txt', 'Ünïcödé folder/Café – Résumé.txt', '名前 with spaces/記事 one.md'].sort(),
    );
    assert.strictEqual(index.problems().length, 0, JSON.stringify(index.problems()));
    // The paths are usable: the index re-reads a file through the path it reported.
    await write('Ünïcödé folder/Café – Résumé.txt', 'Changed\n\nNobody here.\n');
    await index.reloadArticle('Ünïcödé folder/Café – Résumé.txt');
    assert.strictEqual(index.article('Ünïcödé folder/Café – Résumé.txt')?.title, 'Changed');
  });
});

describe('bad input: corpus.yaml', function () {
  this.timeout(60_000);
  afterEach(async () => {
    if (tmp) await fsp.rm(tmp, { recursive: true, force: true });
  });

  const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

  it('a syntax error: a problem at the offending line, and the corpus indexes with defaults', async () => {
    const yaml = 'articles:\n  good.txt:\n    outlet: The Example Times\n\ttitle: tabbed\n';
    const root = await freshCorpus({ 'corpus.yaml': yaml, 'good.txt': ARTICLE });
    const index = await CorpusIndex.load(root, new NodeFileSystem());
    const errors = index.config.problems.filter((p) => p.severity === 'error');
    assert.ok(errors.length > 0, 'no error reported');
    assert.strictEqual(errors[0].line, lineOf(yaml, '\ttitle'));
    assert.deepStrictEqual(index.articles().map((a) => a.path), ['good.txt']);
    const article = index.article('good.txt')!;
    assert.strictEqual(article.outlet, null, 'a broken corpus.yaml is not half-applied');
    assert.strictEqual(article.title, 'A headline', 'inferred metadata is the default');

    for (const [bad, needle] of [
      ['articles:\n  good.txt:\n    title: a: b\n', 'title: a'],
      ['articles:\n  good.txt:\n    title: x\n    title: y\n', 'title: y'],
    ]) {
      const problem = parseCorpusYaml(bad).problems[0];
      assert.ok(problem, `no problem for ${JSON.stringify(bad)}`);
      assert.strictEqual(problem.line, lineOf(bad, needle), `${problem.message} at the wrong line`);
    }
  });

  it('wrong types and unknown keys: a warning at each offending line, the valid parts used', async () => {
    const yaml = [
      'articles:',
      '  good.txt:',
      '    title: Title From YAML',
      '    date: yesterday',
      '    colour: blue',
      '  other.txt: just text',
      'aliases: "not a mapping"',
      'notPeople:',
      '  key: value',
      'extra: 1',
      '',
    ].join('\n');
    const root = await freshCorpus({ 'corpus.yaml': yaml, 'good.txt': ARTICLE, 'other.txt': ARTICLE });
    const index = await CorpusIndex.load(root, new NodeFileSystem());
    const byLine = new Map(index.config.problems.map((p) => [p.line, p]));
    for (const needle of ['date: yesterday', 'colour', 'other.txt', 'aliases', 'key: value', 'extra']) {
      const problem = byLine.get(lineOf(yaml, needle));
      assert.ok(problem, `no problem on the line of "${needle}": ${JSON.stringify(index.config.problems)}`);
      assert.strictEqual(problem.severity, 'warning');
    }
    assert.strictEqual(index.article('good.txt')?.title, 'Title From YAML', 'valid entries still apply');
    assert.strictEqual(index.article('good.txt')?.date, null, 'a bad date is not used');
    assert.strictEqual(index.article('other.txt')?.title, 'A headline');
    assert.deepStrictEqual([index.config.aliases, index.config.notEntities], [{}, []]);
  });

  it('a "billion laughs" alias bomb stays bounded', async () => {
    const levels = 'abcdefghijklmnop';
    let bomb = `notPeople: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n`;
    for (let i = 1; i < levels.length; i++) bomb += `${levels[i]}: &${levels[i]} [${Array(10).fill(`*${levels[i - 1]}`).join(', ')}]\n`;
    bomb += `aliases:\n  Anna Smith: *${levels[levels.length - 1]}\n`;
    // Fully expanded this would be 10^16 strings; many aliases in a large file must not cost a walk each either.
    bomb += `articles:\n${Array.from({ length: 40_000 }, (_, i) => `  f${i}.txt: {title: *a}\n`).join('')}`;
    const root = await freshCorpus({ 'corpus.yaml': bomb, 'good.txt': ARTICLE });
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const index = await CorpusIndex.load(root, new NodeFileSystem());
    const ms = performance.now() - started;
    const grownMB = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
    report(`alias bomb + 40,000 aliased entries (${(bomb.length / 1024).toFixed(0)} kB): ${ms.toFixed(0)} ms, heap +${grownMB.toFixed(0)} MB`);
    // Linear: ~1-3 s. The parser's own duplicate-key check and a document walk per alias took 30 s and more.
    assert.ok(ms < 10_000, `took ${ms.toFixed(0)} ms`);
    assert.ok(grownMB < 500, `heap grew ${grownMB.toFixed(0)} MB`);
    assert.ok(index.config.problems.some((p) => p.message.includes(`more than ${MAX_YAML_ALIASES} aliases`)), 'the alias limit is reported');
    assert.ok((index.config.aliases['Anna Smith'] ?? []).length <= 10);
    assert.deepStrictEqual(index.articles().map((a) => a.path), ['good.txt']);
  });

  it('ignores a corpus.yaml above the size cap with a message, and one that is binary', async () => {
    const root = await freshCorpus({ 'corpus.yaml': `notPeople:\n${'  - x\n'.repeat(1_000_000)}`, 'good.txt': ARTICLE });
    const index = await CorpusIndex.load(root, new NodeFileSystem());
    assert.match(index.config.problems[0]?.message ?? '', /larger than/);
    assert.deepStrictEqual(index.config.notEntities, []);
    assert.strictEqual(index.articles().length, 1);

    await write('corpus.yaml', new Uint8Array([0x61, 0x00, 0x62]));
    const binary = await CorpusIndex.load(root, new NodeFileSystem());
    assert.match(binary.config.problems[0]?.message ?? '', /binary/);
    assert.strictEqual(binary.articles().length, 1);
  });

  it('nothing in corpus.yaml is executed: custom tags are plain data or problems', () => {
    const hostile = 'notPeople: !!js/function "function () { globalThis.pwned = true }"\naliases:\n  A: !<tag:yaml.org,2002:js/undefined> x\n';
    const config = parseCorpusYaml(hostile);
    assert.strictEqual((globalThis as { pwned?: boolean }).pwned, undefined);
    assert.ok(config.problems.length > 0, 'unknown tags are reported');
    // The article pipeline with such a config is unaffected too.
    assert.doesNotThrow(() => extractArticle('x.txt', ARTICLE, 'utf-8', { ...emptyCorpusConfig(), ...config }));
  });
});
