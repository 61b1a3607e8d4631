// The PostgreSQL archive against a throwaway cluster: export equality with the folder index, incremental
// re-indexing, identity across shards, migrations, and the editor's queries.
import * as assert from 'assert';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import pg from 'pg';
import { connect, connectPool } from '../../src/archive/db';
import { ingestFolder, inShard } from '../../src/archive/ingest';
import { articlePage, hoverCard, outlets, references, searchEntities } from '../../src/archive/queries';
import { searchArchiveQuotes } from '../../src/archive/quoteQueries';
import { resolveArchive } from '../../src/archive/resolve';
import { migrate, SCHEMA_VERSION, schemaVersion } from '../../src/archive/schema';
import { main } from '../../src/cli/main';
import { NodeFileSystem } from '../../src/core/extract/nodeFileSystem';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { CorpusQuoteSearch, parseQuoteQuery, quoteSourceEntities } from '../../src/core/search/corpusQuotes';
import { PeopleSearch } from '../../src/core/search/peopleSearch';
import type { CorpusExport } from '../../src/core/types';
import { startPgCluster, type PgCluster } from '../support/pgCluster';

const corpusDir = path.join(__dirname, '..', '..', 'corpus');

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

async function folderExport(dir: string): Promise<string> {
  const { code, stdout, stderr } = await cli('export', dir, '--workers', '0');
  assert.strictEqual(code, 0, stderr);
  return stdout;
}

async function archiveExport(url: string): Promise<string> {
  const { code, stdout, stderr } = await cli('export', '--db', url);
  assert.strictEqual(code, 0, stderr);
  return stdout;
}

async function copyCorpus(to: string): Promise<void> {
  await fsp.cp(corpusDir, to, { recursive: true });
}

describe('archive (PostgreSQL)', function () {
  this.timeout(120_000);
  let cluster: PgCluster;
  let tmp: string;
  let databases = 0;
  const freshDatabase = () => cluster.createDatabase(`archive_${++databases}`);

  before(async () => {
    cluster = await startPgCluster();
  });
  after(async () => {
    await cluster?.stop();
  });
  beforeEach(async () => {
    tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'cn-archive-'));
  });
  afterEach(async () => {
    await fsp.rm(tmp, { recursive: true, force: true });
  });

  it('exports corpus/ exactly as the folder index does, and a second run changes nothing', async () => {
    const url = await freshDatabase();
    const first = await cli('index', corpusDir, '--db', url, '--workers', '0');
    assert.strictEqual(first.code, 0, first.stderr);
    assert.match(first.stderr, /5 written/);
    const expected = await folderExport(corpusDir);
    assert.strictEqual(await archiveExport(url), expected);
    const parsed = JSON.parse(expected) as CorpusExport;
    assert.ok(parsed.people.length > 5 && parsed.quotes.length > 5, 'the sample corpus has people and quotes');

    const second = await cli('index', corpusDir, '--db', url, '--workers', '0');
    assert.strictEqual(second.code, 0, second.stderr);
    assert.match(second.stderr, /0 written .*, 5 unchanged, 0 removed/);
    assert.doesNotMatch(second.stderr, /identities resolved/);
    assert.strictEqual(await archiveExport(url), expected);
  });

  it('re-indexes changed files, adds new ones and removes deleted ones', async () => {
    const url = await freshDatabase();
    const dir = path.join(tmp, 'corpus');
    await copyCorpus(dir);
    assert.strictEqual((await cli('index', dir, '--db', url, '--workers', '0')).code, 0);
    const files = (await fsp.readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
    const changed = path.join(dir, files[0]);
    await fsp.writeFile(changed, (await fsp.readFile(changed, 'utf8')).replace(/Fallon/g, 'Fallowfield'));
    await fsp.rm(path.join(dir, files[1]));
    await fsp.writeFile(
      path.join(dir, 'added.txt'),
      'Defence chief warns of cyber threat\n\nGeneral Sarah Whitcombe said on Monday that the army was ready. "We will not be caught unprepared," Whitcombe said.\n',
    );
    const rerun = await cli('index', dir, '--db', url, '--workers', '0');
    assert.strictEqual(rerun.code, 0, rerun.stderr);
    assert.match(rerun.stderr, /2 written .*, 3 unchanged, 1 removed/);
    const exported = await archiveExport(url);
    assert.strictEqual(exported, await folderExport(dir));
    assert.match(exported, /Fallowfield/);
    assert.match(exported, /Whitcombe/);
    assert.doesNotMatch(exported, new RegExp(files[1].replace(/\./g, '\\.')));
    const client = await connect(url);
    try {
      for (const table of ['mentions', 'quotes', 'entity_articles']) {
        const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = t.article_id)`);
        assert.strictEqual(rows[0].n, 0, `no ${table} of a removed article`);
      }
    } finally {
      await client.end();
    }
  });

  it('writes the quotes of a first resolution shortest first, the order quote search reads them in', async () => {
    const url = await freshDatabase();
    assert.strictEqual((await cli('index', corpusDir, '--db', url, '--workers', '0')).code, 0);
    const client = await connect(url);
    try {
      const { rows } = await client.query<{ length: number }>('SELECT length(text) AS length FROM quotes ORDER BY ctid');
      assert.ok(rows.length > 10);
      const lengths = rows.map((row) => row.length);
      assert.deepStrictEqual(lengths, [...lengths].sort((a, b) => a - b));
    } finally {
      await client.end();
    }
  });

  it('resolves identity across shards: a surname-only mention joins the full name indexed by another indexer', async () => {
    const url = await freshDatabase();
    const dir = path.join(tmp, 'shards');
    await fsp.mkdir(dir);
    // Two paths in different shards of two.
    const names = Array.from({ length: 20 }, (_, i) => `story-${i}.txt`);
    const full = names.find((name) => inShard(name, { index: 0, count: 2 }))!;
    const short = names.find((name) => inShard(name, { index: 1, count: 2 }))!;
    await fsp.writeFile(path.join(dir, full), 'Minister visits port\n\nHarbour Minister Penelope Drummond opened the new dock at Kestrel Bay on Tuesday. Drummond said trade at Kestrel Bay would grow.\n');
    await fsp.writeFile(
      path.join(dir, short),
      'Dock strike ends\n\nThe strike at Kestrel Bay ended after talks on Friday. "This is a fair deal," said Harbour Minister Drummond, who chaired the talks at the Kestrel Bay dock.\n',
    );

    // Shard 2 alone first: its article knows only the surname.
    assert.strictEqual((await cli('index', dir, '--db', url, '--workers', '0', '--shard', '2/2')).code, 0);
    const alone = JSON.parse(await archiveExport(url)) as CorpusExport;
    assert.ok(!alone.people.some((person) => person.name === 'Penelope Drummond'));
    assert.ok(alone.quotes.some((quote) => quote.path === short && quote.speaker !== null), 'the quote has a speaker of its own');
    assert.strictEqual((await cli('index', dir, '--db', url, '--workers', '0', '--shard', '1/2')).code, 0);
    const both = JSON.parse(await archiveExport(url)) as CorpusExport;
    assert.deepStrictEqual(both, JSON.parse(await folderExport(dir)));
    const person = both.people.find((p) => p.name === 'Penelope Drummond');
    assert.ok(person, 'the full name is a person');
    assert.ok(
      person.mentions.some((mention) => mention.path === short),
      'the surname-only mention in the other shard resolves to the full name',
    );
    assert.ok(both.quotes.some((quote) => quote.path === short && quote.speaker === person.id));
  });

  it('migrates once, records the version, and refuses a newer schema', async () => {
    const url = await freshDatabase();
    const client = await connect(url);
    try {
      assert.strictEqual(await schemaVersion(client), 0);
      await Promise.all([migrate(client), connect(url).then(async (other) => (await migrate(other), await other.end()))]);
      assert.strictEqual(await schemaVersion(client), SCHEMA_VERSION);
      assert.strictEqual(await migrate(client), SCHEMA_VERSION);
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM archive_schema');
      assert.strictEqual(Number(rows[0].n), SCHEMA_VERSION);
      await client.query('INSERT INTO archive_schema (version) VALUES ($1)', [SCHEMA_VERSION + 1]);
      await assert.rejects(migrate(client), /newer than this corpus-navigator/);
    } finally {
      await client.end();
    }
  });

  describe('queries', () => {
    let url: string;
    let pool: pg.Pool;
    let index: CorpusIndex;
    before(async () => {
      url = await freshDatabase();
      const client = await connect(url);
      await ingestFolder(client, corpusDir, new NodeFileSystem());
      await resolveArchive(client);
      await client.end();
      pool = connectPool(url, { max: 2 });
      index = await CorpusIndex.load(corpusDir, new NodeFileSystem());
    });
    after(async () => {
      await pool?.end();
    });

    it('hover finds the mention under the cursor and its entity', async () => {
      const person = index.people()[0];
      const mention = person.mentions[person.mentions.length - 1];
      const card = await hoverCard(pool, mention.path, mention.start + 1);
      assert.ok(card);
      assert.strictEqual(card.entity.id, person.id);
      assert.strictEqual(card.entity.mentionCount, person.mentions.length);
      assert.deepStrictEqual({ start: card.mention.start, end: card.mention.end }, { start: mention.start, end: mention.end });
      const otherPaths = new Set(person.mentions.map((m) => m.path).filter((p) => p !== mention.path));
      assert.strictEqual(card.others.length, Math.min(5, otherPaths.size));
      for (const other of card.others) assert.ok(otherPaths.has(other.path));
      const text = index.article(mention.path)!.text;
      const outside = [...text].findIndex((_, offset) => index.mentionAt(mention.path, offset) === undefined);
      assert.ok(outside >= 0);
      assert.strictEqual(await hoverCard(pool, mention.path, outside), null, 'no mention there');
    });

    it('hover lists other articles when the hovered article or the others have no date', async () => {
      const person = index.people().find((p) => new Set(p.mentions.map((m) => m.path)).size >= 3)!;
      const mention = person.mentions[0];
      const otherPaths = new Set(person.mentions.map((m) => m.path).filter((p) => p !== mention.path));
      const undated = await freshDatabase();
      const client = await connect(undated);
      try {
        await ingestFolder(client, corpusDir, new NodeFileSystem());
        await resolveArchive(client);
        // Only the hovered article undated, then every article undated.
        for (const where of ['path = $1', '$1::text IS NOT NULL']) {
          await client.query(`UPDATE articles SET date = NULL WHERE ${where}`, [mention.path]);
          await client.query('UPDATE entity_articles x SET date = a.date FROM articles a WHERE a.id = x.article_id');
          const card = await hoverCard(client, mention.path, mention.start + 1);
          assert.ok(card, where);
          assert.strictEqual(card.others.length, Math.min(5, otherPaths.size), where);
          for (const other of card.others) assert.ok(otherPaths.has(other.path), where);
        }
      } finally {
        await client.end();
      }
    });

    it('references list every mention of an entity, paged', async () => {
      const person = index.people()[0];
      const all = await references(pool, person.id);
      const key = (m: { path: string; start: number }) => `${m.path}#${m.start}`;
      assert.deepStrictEqual(all.map(key).sort(), person.mentions.map(key).sort());
      const page = await references(pool, person.id, { limit: 2, offset: 1 });
      assert.deepStrictEqual(page, all.slice(1, 3));
    });

    it('entity search ranks as the in-memory people search over every entity', async () => {
      const people = new PeopleSearch(index.entities());
      for (const query of ['fallon', 'boris johnsn', 'Tillerson']) {
        const expected = people.search(query, { limit: 3 }).map((hit) => hit.item.id);
        assert.ok(expected.length > 0, query);
        assert.deepStrictEqual((await searchEntities(pool, query, 3)).map((entity) => entity.id), expected, query);
        // Through the trigram index: the best match is the same.
        assert.strictEqual((await searchEntities(pool, query, 1, { exhaustiveBelow: 0 }))[0]?.id, expected[0], query);
      }
    });

    it('quote search gives the in-memory search results (fuse scores, same order)', async () => {
      const memory = new CorpusQuoteSearch(index);
      const people = () => new PeopleSearch(quoteSourceEntities(index));
      const key = (path: string, start: number, score: number) => `${path}#${start} ${score.toFixed(6)}`;
      for (const raw of ['persistent pattern', 'business as usual', 'russian interferance', 'fallon', '@fallon russia', 'pattern of interference by Russia', 'foreign office', '@"foreign office"']) {
        const expected = memory.search(parseQuoteQuery(raw), 10, people).map((hit) => ({ key: key(hit.item.quote.path, hit.item.quote.start, hit.score), score: hit.score }));
        assert.ok(expected.length > 0, raw);
        // A small archive is ranked whole: the very same list.
        const whole = await searchArchiveQuotes(pool, raw, { limit: 10 });
        assert.deepStrictEqual(
          whole.map((hit) => key(hit.path, hit.start, hit.score)),
          expected.map((hit) => hit.key),
          raw,
        );
        // Through the trigram index's candidates: the real matches (fuse score under 0.5) are the same, in order.
        const good = (hits: { key: string; score: number }[]) => hits.filter((hit) => hit.score < 0.5).map((hit) => hit.key);
        const viaIndex = await searchArchiveQuotes(pool, raw, { limit: 10, exhaustiveBelow: 0 });
        assert.deepStrictEqual(good(viaIndex.map((hit) => ({ key: key(hit.path, hit.start, hit.score), score: hit.score }))), good(expected), raw);
      }
    });

    it('quote search finds an organisation’s quotes under its name, and @name narrows to them', async () => {
      const organisation = index.entities().find((entity) => entity.type === 'organization' && index.quotesFrom(entity.id).length > 0);
      assert.ok(organisation, 'the corpus has no quoted organisation');
      const expected = index.quotesFrom(organisation.id).map((quote) => `${quote.path}#${quote.start}`).sort();
      const narrowed = await searchArchiveQuotes(pool, `@"${organisation.name}"`, { limit: 50 });
      assert.deepStrictEqual(narrowed.map((hit) => `${hit.path}#${hit.start}`).sort(), expected);
      assert.ok(narrowed.every((hit) => hit.source === organisation.id && hit.sourceName === organisation.name && hit.speaker === null));
      const memory = new CorpusQuoteSearch(index).search(parseQuoteQuery(`@"${organisation.name}"`), 50, () => new PeopleSearch(quoteSourceEntities(index)));
      assert.deepStrictEqual(memory.map((hit) => `${hit.item.quote.path}#${hit.item.quote.start}`).sort(), expected);
      const byName = await searchArchiveQuotes(pool, organisation.name, { limit: 5, exhaustiveBelow: 0 });
      assert.ok(byName.some((hit) => hit.source === organisation.id), `searching "${organisation.name}" does not find its quotes`);
    });

    it('@name narrows to a speaker before the candidate limit: more places of the name than candidates do not hide the person', async () => {
      const url = await freshDatabase();
      const dir = path.join(tmp, 'narrowed');
      await fsp.mkdir(dir);
      await fsp.writeFile(
        path.join(dir, 'dock.txt'),
        'Dock strike ends\n\nThe strike at the port ended after talks on Friday. "This is a fair deal for everyone," said Harbour Minister Penelope Drummond, who chaired the talks.\n',
      );
      const client = await connect(url);
      try {
        await ingestFolder(client, dir, new NodeFileSystem());
        await resolveArchive(client);
        const person = (await searchEntities(client, 'Penelope Drummond', 1))[0];
        assert.strictEqual(person?.type, 'person');
        const quotes = await searchArchiveQuotes(client, '@Drummond', { exhaustiveBelow: 0 });
        assert.ok(quotes.length > 0 && quotes.every((hit) => hit.source === person.id), 'the person is quoted');
        // More places named like the person, each mentioned more often, than the trigram search takes as candidates.
        await client.query(
          `INSERT INTO entities (id, type, name, aliases, roles, mention_count, article_count)
           SELECT 'place-' || i, 'place', 'Drummond Street ' || i, '{}', '{}', 100, 10 FROM generate_series(1, 400) i`,
        );
        for (const exhaustiveBelow of [0, undefined]) {
          const narrowed = await searchArchiveQuotes(client, '@Drummond', { exhaustiveBelow });
          assert.deepStrictEqual(narrowed.map((hit) => `${hit.path}#${hit.start}`), quotes.map((hit) => `${hit.path}#${hit.start}`), `exhaustiveBelow ${exhaustiveBelow}`);
          const speakers = await searchEntities(client, 'drummond', 5, { exhaustiveBelow, types: ['person', 'organization'] });
          assert.deepStrictEqual(speakers.map((entity) => entity.id), [person.id], `exhaustiveBelow ${exhaustiveBelow}`);
        }
        const unnarrowed = await searchEntities(client, 'drummond', 5, { exhaustiveBelow: 0 });
        assert.ok(unnarrowed.length === 5 && unnarrowed.every((entity) => entity.type === 'place'), 'the places come first unnarrowed');
      } finally {
        await client.end();
      }
    });

    it('pages articles by outlet and by entity, newest first', async () => {
      const groups = await outlets(pool);
      assert.strictEqual(
        groups.reduce((sum, group) => sum + group.articles, 0),
        index.articles().length,
      );
      const outlet = groups[0].outlet;
      const page = await articlePage(pool, { by: 'outlet', outlet });
      const expected = index
        .articles()
        .filter((article) => article.outlet === outlet)
        .map((article) => article.path);
      assert.deepStrictEqual(page.map((article) => article.path).sort(), expected.sort());
      const person = index.people()[0];
      const byEntity = await articlePage(pool, { by: 'entity', entityId: person.id }, { limit: 100 });
      assert.deepStrictEqual(byEntity.map((article) => article.path).sort(), [...new Set(person.mentions.map((m) => m.path))].sort());
      const dates = byEntity.map((article) => article.date ?? '');
      assert.deepStrictEqual(dates, [...dates].sort().reverse());
    });
  });
});
