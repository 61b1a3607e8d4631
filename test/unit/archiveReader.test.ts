// The editor's reader of an archive against a throwaway cluster that asks passwords (scram-sha-256) of every
// user but the one that indexes: the password asked only when the server wants it, read-only connections,
// clear failures, and the answers the folder index gives for the same articles.
import * as assert from 'assert';
import { createServer, type AddressInfo } from 'net';
import * as path from 'path';
import { openArchiveReader, type ArchiveReader, type ArchiveReaderOptions } from '../../src/archive/archiveReader';
import { connectPool } from '../../src/archive/db';
import { main } from '../../src/cli/main';
import { NodeFileSystem } from '../../src/core/extract/nodeFileSystem';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { definingMention } from '../../src/core/query/definition';
import type { Corpus } from '../../src/core/api';
import type { PgCluster } from '../support/pgCluster';
import { addReader, startPasswordCluster } from '../support/testArchive';

const corpusDir = path.join(__dirname, '..', '..', 'corpus');

describe('archive reader (the editor’s queries)', function () {
  this.timeout(120_000);
  let cluster: PgCluster;
  let password: string;
  let corpus: Corpus;
  let reader: ArchiveReader;
  let asked = 0;
  const fields = () => ({ host: '127.0.0.1', port: cluster.port, database: 'corpus', user: 'reader' });
  const options = (password: string): ArchiveReaderOptions => ({
    statementTimeoutMs: 5000,
    queryTimeoutMs: 6000,
    connectTimeoutMs: 5000,
    password: async () => {
      asked++;
      return password;
    },
  });

  before(async () => {
    cluster = await startPasswordCluster('corpus');
    let stderr = '';
    const code = await main(['index', corpusDir, '--db', cluster.url, '--workers', '0'], { stdout: () => undefined, stderr: (t) => (stderr += t) });
    assert.strictEqual(code, 0, stderr);
    password = (await addReader(cluster.url)).password;
    corpus = await CorpusIndex.load(corpusDir, new NodeFileSystem());
    reader = await openArchiveReader(fields(), options(password));
  });
  after(async () => {
    await reader?.close();
    await cluster?.stop();
  });

  it('asks the password only because the server wants one, and only once per connection', async () => {
    assert.ok(asked >= 1, 'the password was never asked');
    const before = asked;
    await Promise.all([reader.summary(), reader.summary()]);
    assert.ok(asked - before <= 3, `asked ${asked - before} more times for two queries on a pool of 4`);
    const { articles } = await reader.summary();
    assert.strictEqual(articles, corpus.articles().length);
  });

  it('refuses a wrong password with the server’s login error', async () => {
    await assert.rejects(openArchiveReader(fields(), options('wrong')), (error: { code?: string }) => error.code === '28P01');
  });

  it('says so when the database holds no archive', async () => {
    await cluster.createDatabase('empty');
    await assert.rejects(openArchiveReader({ ...fields(), user: 'postgres', database: 'empty' }, options('')), /holds no Corpus Navigator archive/);
  });

  it('fails fast on a closed port and gives up on a server that never answers', async () => {
    const server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const silentPort = (server.address() as AddressInfo).port;
    try {
      const started = Date.now();
      await assert.rejects(openArchiveReader({ ...fields(), port: silentPort }, { ...options(password), connectTimeoutMs: 500 }), /timeout/i);
      assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    } finally {
      server.close();
    }
    await assert.rejects(openArchiveReader({ ...fields(), port: silentPort }, options(password)), (error: { code?: string }) => error.code === 'ECONNREFUSED');
  });

  it('connects read-only: a write through the same settings is refused by the server', async () => {
    const pool = connectPool({ ...fields(), user: 'postgres' }, { readOnly: true, max: 1 });
    try {
      await assert.rejects(pool.query("INSERT INTO archive_meta (key, value) VALUES ('x', 'y')"), (error: { code?: string }) => error.code === '25006');
    } finally {
      await pool.end();
    }
  });

  it('answers as the folder index does: article text, mentions, definition, references', async () => {
    for (const article of corpus.articles()) {
      const stored = await reader.article(article.path);
      assert.strictEqual(stored?.text, article.text, article.path);
      const mentions = await reader.mentionsIn(article.path);
      assert.deepStrictEqual(
        mentions.map((m) => [m.start, m.end, m.entityId, m.entityType]),
        corpus.mentionsIn(article.path).map((m) => [m.start, m.end, m.entityId, corpus.entity(m.entityId)!.type]),
      );
    }
    const people = corpus.people().filter((p) => new Set(p.mentions.map((m) => m.path)).size > 1);
    assert.ok(people.length > 0);
    for (const person of people) {
      const expected = definingMention(corpus, person)!;
      const definition = await reader.definition(person.id);
      assert.deepStrictEqual([definition?.path, definition?.start], [expected.path, expected.start], person.name);
      const quotes = await reader.quotesFrom(person.id, 2);
      assert.strictEqual(quotes.count, corpus.quotesFrom(person.id).length, person.name);
      assert.strictEqual(quotes.newest.length, Math.min(2, quotes.count));
      const references = await reader.references(person.id, { limit: 1000, offset: 0 });
      assert.deepStrictEqual(references.map((m) => `${m.path}#${m.start}`).sort(), person.mentions.map((m) => `${m.path}#${m.start}`).sort());
    }
    const first = await reader.firstMentions(people.map((p) => p.id));
    assert.strictEqual(first.size, people.length);
    assert.strictEqual(await reader.article('no/such/article.txt'), null);
    const texts = await reader.texts([corpus.articles()[0].path, 'no/such/article.txt']);
    assert.deepStrictEqual([...texts.keys()], [corpus.articles()[0].path]);
  });

  it('pages the most mentioned entities of a type', async () => {
    const expected = corpus
      .people()
      .map((p) => p.mentions.length)
      .sort((a, b) => b - a);
    const first = await reader.topEntities('person', { limit: 2, offset: 0 });
    const second = await reader.topEntities('person', { limit: 2, offset: 2 });
    assert.deepStrictEqual([...first, ...second].map((e) => e.mentionCount), expected.slice(0, 4));
    assert.ok(first.every((e) => e.type === 'person'));
    assert.ok(!second.some((e) => first.some((f) => f.id === e.id)));
  });

  it('reads an entity’s timeline rows: its mentions and quotes up to the limit, and every article of either', async () => {
    const person = corpus.people().reduce((a, b) => (corpus.quotesFrom(b.id).length > corpus.quotesFrom(a.id).length ? b : a));
    const quotes = corpus.quotesFrom(person.id);
    assert.ok(quotes.length > 1 && person.mentions.length > 2, 'the sample corpus has a quoted person');
    const rows = await reader.timelineRows(person.id, 1000);
    assert.ok(rows);
    assert.strictEqual(rows.entity.id, person.id);
    const key = (s: { path: string; start: number; end: number }) => `${s.path}#${s.start}-${s.end}`;
    assert.deepStrictEqual(rows.mentions.map(key).sort(), person.mentions.map(key).sort());
    assert.deepStrictEqual(rows.quotes.map((q) => `${key(q)} ${q.text}`).sort(), quotes.map((q) => `${key(q)} ${q.text}`).sort());
    const paths = new Set([...person.mentions.map((m) => m.path), ...quotes.map((q) => q.path)]);
    assert.deepStrictEqual(rows.articles.map((a) => a.path).sort(), [...paths].sort());
    for (const article of rows.articles) assert.strictEqual(article.title, corpus.article(article.path)!.title, article.path);
    const cut = await reader.timelineRows(person.id, 2);
    assert.deepStrictEqual([cut?.mentions.length, cut?.quotes.length, cut?.articles.length], [2, 2, paths.size]);
    assert.strictEqual(await reader.timelineRows('no-such-entity', 10), null);
    assert.deepStrictEqual(await reader.summary(), { articles: corpus.articles().length, entities: corpus.entities().length });
  });
});
