import * as assert from 'assert';
import { parse } from 'csv-parse/sync';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { NodeFileSystem } from '../../src/core/extract/nodeFileSystem';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { corpusCsv, csvField, toCsv } from '../../src/core/query/csv';

const projectRoot = path.join(__dirname, '..', '..');
const corpusDir = path.join(projectRoot, 'corpus');

/** RFC 4180 as a strict parser reads it: every record the same width, quotes only where allowed. */
function readCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, relax_quotes: false, relax_column_count: false, skip_empty_lines: false }) as Record<string, string>[];
}

describe('CSV export', () => {
  it('quotes fields with commas, quote marks and line breaks, and reads back the same values', () => {
    const values = ['plain', 'with, comma', 'with "quotes"', 'two\nlines', 'crlf\r\nend', '“curly” — dash ü', '', ' spaced '];
    const text = toCsv([['value'], ...values.map((value) => [value])]);
    assert.ok(text.endsWith('\r\n'));
    assert.strictEqual(csvField('a"b'), '"a""b"');
    assert.strictEqual(csvField(null), '');
    assert.deepStrictEqual(readCsv(text).map((row) => row.value), values);
  });

  it('writes quotes with speaker, outlet, date, article, offsets and trail; mentions; entities', () => {
    const quote = 'We need to be watchful, "very" watchful, of this persistent pattern of foreign interference';
    const article = (speaker: string) => `Talks\n\n“${quote},” ${speaker} said.\n\n${speaker} left for Berlin.\n`;
    const config = `articles:\n  a.txt: { title: "A, with comma", outlet: The Courier, date: 2021-01-02 }\n  b.txt: { title: B, outlet: The Ledger, date: 2021-01-01 }\n`;
    const corpus = CorpusIndex.fromTexts('/c', { 'a.txt': article('Anna Berglund'), 'b.txt': article('Anna Berglund') }, config);
    const files = corpusCsv(corpus);
    const quotes = readCsv(files['quotes.csv']);
    assert.deepStrictEqual(Object.keys(quotes[0]), ['text', 'speaker', 'speaker_id', 'source', 'source_id', 'outlet', 'date', 'article', 'title', 'offsets', 'trail']);
    const rows = quotes.filter((row) => row.text.includes('watchful'));
    assert.strictEqual(rows.length, 2);
    for (const row of rows) {
      assert.ok(row.text.includes('"very"'), 'quote marks inside the text survive');
      assert.strictEqual(row.speaker, 'Anna Berglund');
      const [start, end] = row.offsets.split('-').map(Number);
      const text = corpus.article(row.article)!.text;
      assert.strictEqual(text.slice(start, end), row.text, 'offsets point at the quote');
      assert.match(row.trail, /^trail-/);
    }
    assert.strictEqual(rows[0].trail, rows[1].trail);
    assert.deepStrictEqual(rows.map((row) => row.outlet).sort(), ['The Courier', 'The Ledger']);
    assert.strictEqual(rows.find((row) => row.article === 'a.txt')!.title, 'A, with comma');

    const mentions = readCsv(files['mentions.csv']);
    const anna = mentions.filter((row) => row.entity === 'Anna Berglund');
    assert.ok(anna.length >= 2);
    for (const row of anna) {
      const [start, end] = row.offsets.split('-').map(Number);
      assert.strictEqual(corpus.article(row.article)!.text.slice(start, end), row.text);
    }
    const entities = readCsv(files['entities.csv']);
    const person = entities.find((row) => row.name === 'Anna Berglund')!;
    assert.strictEqual(person.type, 'person');
    assert.strictEqual(Number(person.mentions), corpus.entity(person.id)!.mentions.length);
    assert.strictEqual(Number(person.quotes), corpus.quotesFrom(person.id).length);
  });

  it('corpus-navigator export --format csv writes three parseable files for the sample corpus', async () => {
    const out = await fsp.mkdtemp(path.join(os.tmpdir(), 'cn-csv-'));
    try {
      const folder = path.join(out, 'nested', 'csv');
      let stderr = '';
      const code = await main(['export', corpusDir, '--format', 'csv', '--out', folder, '--workers', '0'], { stdout: () => undefined, stderr: (t) => (stderr += t) });
      assert.strictEqual(code, 0, stderr);
      const quotes = readCsv(await fsp.readFile(path.join(folder, 'quotes.csv'), 'utf8'));
      const corpus = await CorpusIndex.load(corpusDir, new NodeFileSystem());
      assert.strictEqual(quotes.length, corpus.quotes().length);
      const fallon = quotes.filter((row) => row.text.startsWith('We need to be extremely watchful'));
      assert.strictEqual(fallon.length, 2);
      assert.ok(fallon[0].trail && fallon[0].trail === fallon[1].trail, 'the Fallon quote carries one trail id in both articles');
      const mentions = readCsv(await fsp.readFile(path.join(folder, 'mentions.csv'), 'utf8'));
      const entities = readCsv(await fsp.readFile(path.join(folder, 'entities.csv'), 'utf8'));
      assert.strictEqual(entities.length, corpus.entities().length);
      assert.strictEqual(mentions.length, corpus.entities().reduce((n, entity) => n + entity.mentions.length, 0));
    } finally {
      await fsp.rm(out, { recursive: true, force: true });
    }
  });

  it('export --format csv without --out is a usage error', async () => {
    let stderr = '';
    assert.strictEqual(await main(['export', corpusDir, '--format', 'csv'], { stdout: () => undefined, stderr: (t) => (stderr += t) }), 2);
    assert.match(stderr, /needs --out FOLDER/);
    assert.strictEqual(await main(['export', corpusDir, '--format', 'xml'], { stdout: () => undefined, stderr: () => undefined }), 2);
  });
});
