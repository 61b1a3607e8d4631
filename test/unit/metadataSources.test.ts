// Metadata kept outside the articles: a table named in corpus.yaml, file-name patterns, and their precedence.
import * as assert from 'assert';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseCorpusYaml } from '../../src/core/extract/corpusYaml';
import { metadataFromFileName } from '../../src/core/extract/fileNames';
import { resolveMetadata } from '../../src/core/extract/metadata';
import { applyMetadataTable, parseDelimited, parseMetadataTable } from '../../src/core/extract/metadataTable';
import { NodeFileSystem } from '../../src/core/extract/nodeFileSystem';
import { CorpusIndex } from '../../src/core/index/corpusIndex';

describe('metadata: corpus.yaml metadata and fileNames keys', () => {
  it('reads the table and its column map, and the file-name patterns', () => {
    const config = parseCorpusYaml('metadata:\n  file: ./meta/table.csv\n  columns: {path: file, title: headline, date: published}\nfileNames: "{outlet}/{date}-{slug}.txt"\n');
    assert.deepStrictEqual(config.problems, []);
    assert.deepStrictEqual(config.external?.table, { file: 'meta/table.csv', columns: { path: 'file', title: 'headline', date: 'published' } });
    assert.deepStrictEqual(config.external?.fileNames, ['{outlet}/{date}-{slug}.txt']);
  });

  it('reports a missing file, an unknown field and a pattern without a field', () => {
    const config = parseCorpusYaml('metadata:\n  columns: {heading: title}\nfileNames: [plain.txt]\n');
    const messages = config.problems.map((p) => p.message);
    assert.ok(messages.some((m) => m.includes('unknown field "heading"')), messages.join('\n'));
    assert.ok(messages.some((m) => m.includes('metadata needs a file')), messages.join('\n'));
    assert.ok(messages.some((m) => m.includes('has no {field}')), messages.join('\n'));
    assert.strictEqual(config.external?.table ?? null, null);
  });
});

describe('metadata: the table', () => {
  it('parses CSV with quotes, doubled quotes, commas and line breaks inside fields, and CRLF', () => {
    const rows = parseDelimited('a,b\r\n"x, y","say ""hi""\nthere"\r\nlast,\n', ',');
    assert.deepStrictEqual(rows, [['a', 'b'], ['x, y', 'say "hi"\nthere'], ['last', '']]);
  });

  it('maps columns to fields by corpus.yaml, reads dates, and reports what it cannot read', () => {
    const table = { file: 'meta.csv', columns: { path: 'file', title: 'headline', date: 'published', credit: 'agency' } };
    const { rows, problems } = parseMetadataTable('file,headline,published,agency,extra\n./x/a.txt,"Storm hits coast, officials say",2024-01-05,The Canadian Press,1\nx/b.txt,Ferry fares rise,soon,,\n,No path,2024-01-01,,\n', table);
    assert.deepStrictEqual(rows['x/a.txt'], { title: 'Storm hits coast, officials say', date: '2024-01-05', credit: 'The Canadian Press' });
    assert.deepStrictEqual(rows['x/b.txt'], { title: 'Ferry fares rise' });
    assert.strictEqual(problems.length, 2, problems.map((p) => p.message).join('\n'));
  });

  it('reads JSON Lines with fields named like the metadata when no columns are mapped', () => {
    const { rows, problems } = parseMetadataTable('{"path": "a.txt", "title": "Budget passes", "outlet": "The Ledger"}\n\n{"path": "b.txt", "date": "5 March 2023"}\n', { file: 'meta.jsonl', columns: {} });
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(rows, { 'a.txt': { title: 'Budget passes', outlet: 'The Ledger' }, 'b.txt': { date: '2023-03-05' } });
    assert.strictEqual(parseMetadataTable('not json\n', { file: 'meta.jsonl', columns: {} }).problems.length, 1);
  });
});

describe('metadata: file-name patterns', () => {
  it('reads the fields a pattern names from the end of the path', () => {
    const patterns = ['{outlet}/{date}-{slug}.txt'];
    assert.deepStrictEqual(metadataFromFileName('news/northern-ledger/2024-01-05-council-votes.txt', patterns), { outlet: 'Northern Ledger', date: '2024-01-05' });
    assert.deepStrictEqual(metadataFromFileName('The Ledger/20240105-x.txt', patterns), { outlet: 'The Ledger', date: '2024-01-05' });
    assert.deepStrictEqual(metadataFromFileName('globe-and-mail/2024-01-05-x.txt', patterns), { outlet: 'Globe and Mail', date: '2024-01-05' });
    assert.deepStrictEqual(metadataFromFileName('ledger/council-votes.txt', patterns), {});
    assert.deepStrictEqual(metadataFromFileName('ledger/2024-13-45-x.txt', patterns), { outlet: 'Ledger' });
  });

  it('takes the first pattern that matches', () => {
    const patterns = ['{date}_{title}.md', '{outlet}/{slug}.txt'];
    assert.deepStrictEqual(metadataFromFileName('2023_03_05_budget-passes.md', patterns), { date: '2023-03-05', title: 'Budget Passes' });
    assert.deepStrictEqual(metadataFromFileName('cbc/abc123.txt', patterns), { outlet: 'Cbc' });
  });
});

describe('metadata: precedence of the sources', () => {
  it('corpus.yaml entry, then table, then file name, then the text', () => {
    const config = parseCorpusYaml('articles:\n  ledger/2024-01-05-a.txt: {title: From yaml}\nmetadata: {file: meta.csv}\nfileNames: "{outlet}/{date}-{slug}.txt"\n');
    applyMetadataTable(config, 'path,title,outlet\nledger/2024-01-05-a.txt,From table,The Table Outlet\n');
    const text = 'Headline in the text\nBy Greta Holm, The Associated Press\n\nBody of the story.\n';
    const { metadata, sources } = resolveMetadata('ledger/2024-01-05-a.txt', text, config);
    assert.deepStrictEqual(
      [metadata.title, metadata.outlet, metadata.date, metadata.byline, metadata.credit],
      ['From yaml', 'The Table Outlet', '2024-01-05', 'Greta Holm', 'The Associated Press'],
    );
    assert.deepStrictEqual(sources, { title: 'corpus.yaml', outlet: 'metadata table', date: 'file name', byline: 'inferred', credit: 'inferred' });
  });
});

describe('metadata: a corpus with a table on disk', () => {
  let root: string;
  beforeEach(async () => {
    root = await fsp.mkdtemp(path.join(os.tmpdir(), 'corpus-meta-'));
    await fsp.mkdir(path.join(root, 'wire'));
    await fsp.writeFile(path.join(root, 'wire', 'f3a9c1.txt'), 'The port reopened on Monday after a two-week strike by dock workers and a long dispute over pay.\n');
    await fsp.writeFile(path.join(root, 'corpus.yaml'), 'metadata:\n  file: meta.csv\n  columns: {path: file, title: headline}\n');
    await fsp.writeFile(path.join(root, 'meta.csv'), 'file,headline\nwire/f3a9c1.txt,Port reopens after strike\n');
  });
  afterEach(() => fsp.rm(root, { recursive: true, force: true }));

  it('reads the table at load and again when it changes', async () => {
    const index = await CorpusIndex.load(root, new NodeFileSystem());
    assert.strictEqual(index.article('wire/f3a9c1.txt')?.title, 'Port reopens after strike');
    assert.strictEqual(index.article('wire/f3a9c1.txt')?.metadataSources?.title, 'metadata table');
    await fsp.writeFile(path.join(root, 'meta.csv'), 'file,headline\nwire/f3a9c1.txt,Port reopens at last\n');
    await index.reloadArticle('meta.csv');
    assert.strictEqual(index.articles()[0].title, 'Port reopens at last');
  });

  it('reports a table it cannot read and keeps the corpus', async () => {
    await fsp.rm(path.join(root, 'meta.csv'));
    const index = await CorpusIndex.load(root, new NodeFileSystem());
    assert.ok(index.config.problems.some((p) => p.message.includes('meta.csv could not be read')));
    assert.strictEqual(index.articles().length, 1);
    assert.strictEqual(index.articles()[0].title, null);
  });
});
