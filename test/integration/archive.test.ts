// The editor reading a shared archive: a real PostgreSQL cluster started by the test runner with corpus/
// indexed into it by the CLI (test/support/testArchive.ts). The workspace is a copy of the same corpus, so
// every answer from the archive can be checked against the local index of the same articles.
import * as assert from 'assert';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { connect as connectDb } from '../../src/archive/db';
import { ingestFolder } from '../../src/archive/ingest';
import { resolveArchive } from '../../src/archive/resolve';
import { NodeFileSystem } from '../../src/core/extract/nodeFileSystem';
import { buildTimeline, type Timeline } from '../../src/core/query/timeline';
import type { CorpusNavigatorApi } from '../../src/editor/extension';
import { ARCHIVE_SCHEME } from '../../src/editor/archive/documents';
import { ArchiveSession } from '../../src/editor/archive/session';
import { passwordKey } from '../../src/editor/archive/settings';
import { ArchiveTreeProvider, type ArchiveNode } from '../../src/editor/archive/tree';
import { TEST_ARCHIVE_ENV, TEST_ARCHIVE_UNAVAILABLE_ENV, type TestArchive } from '../support/testArchive';
import { decodeTokens, eventually, hoverMarkdown, personAtText, positionOf, revertAll, sampleCorpus, unescapeMarkdown, workspaceRoot } from './_helpers';

const ARTICLE = 'uk-and-us-accuse-russia-of-interfering.txt';

function testArchive(): TestArchive {
  const json = process.env[TEST_ARCHIVE_ENV];
  const unavailable = process.env[TEST_ARCHIVE_UNAVAILABLE_ENV];
  assert.ok(json, unavailable ? `no PostgreSQL for the archive tests: ${unavailable}` : `${TEST_ARCHIVE_ENV} is not set: run the suite through out/test/runIntegration.js, which starts the PostgreSQL cluster`);
  return JSON.parse(json) as TestArchive;
}

async function setArchives(archives: object[]): Promise<void> {
  await vscode.workspace.getConfiguration('corpusNavigator').update('archives', archives, vscode.ConfigurationTarget.Global);
}

async function connect(api: CorpusNavigatorApi, name: string): Promise<boolean> {
  const connected = await vscode.commands.executeCommand<boolean>('corpusNavigator.archive.connect', name);
  assert.strictEqual(connected, api.archive.session.state === 'connected');
  return connected;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A TCP proxy to the test server that can be taken down (every connection cut) and brought back on its port,
 * or made slow (the server's answers held back until it is quick again).
 */
async function tcpProxy(target: number): Promise<{ port: number; down(): Promise<void>; up(): Promise<void>; slow(on: boolean): void; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let held: (() => void)[] | undefined;
  const listen = (port: number) =>
    new Promise<net.Server>((resolve) => {
      const server = net.createServer((client) => {
        const upstream = net.connect(target, '127.0.0.1');
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => undefined);
        }
        client.pipe(upstream);
        upstream.on('data', (chunk: Buffer) => (held ? held.push(() => client.write(chunk)) : client.write(chunk)));
        upstream.on('end', () => client.end());
      });
      server.listen(port, '127.0.0.1', () => resolve(server));
    });
  let server: net.Server | undefined = await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  const down = async () => {
    const closing = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (closing) await new Promise((resolve) => closing.close(resolve));
  };
  const slow = (on: boolean) => {
    const release = held;
    held = on ? (held ?? []) : undefined;
    if (!on) for (const write of release ?? []) write();
  };
  return { port, down, up: async () => void (server ??= await listen(port)), slow, close: down };
}

/** The semantic tokens of a document as `offset+length:type`. */
async function semanticTokens(document: vscode.TextDocument): Promise<string[]> {
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
  assert.ok(legend && tokens, `no semantic tokens for ${document.uri.toString()}`);
  return decodeTokens(document, legend, tokens);
}

async function hoverCards(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hoverMarkdown(hovers ?? []).map((md) => unescapeMarkdown(md.value));
}

describe('shared archive (PostgreSQL)', function () {
  this.timeout(60_000);
  let archive: TestArchive;
  /** The archive's connection as settings hold it: no password. */
  let connection: Omit<TestArchive, 'reader'>;
  // 'virtual': the articles are not on this machine (a folder that does not exist), so they open from the
  // database; 'files': the workspace holds them, so they open from disk.
  let virtual: typeof connection & { name: string; folder: string };
  let files: typeof connection & { name: string };
  let api: CorpusNavigatorApi;

  before(async () => {
    archive = testArchive();
    connection = { host: archive.host, port: archive.port, database: archive.database, user: archive.user };
    virtual = { name: 'virtual', ...connection, folder: 'no-such-folder' };
    files = { name: 'files', ...connection };
    api = (await sampleCorpus()).api;
    await setArchives([virtual, files]);
  });
  afterEach(revertAll);
  after(async () => {
    if (!api) return;
    await api.archive.session.disconnect();
    await vscode.workspace.getConfiguration('corpusNavigator').update('archive.timeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    await setArchives([]);
  });

  it('connects to the archive and opens an article from the database as a read-only virtual document', async () => {
    assert.ok(await connect(api, 'virtual'), api.archive.session.error);
    assert.strictEqual(api.archive.session.summary?.articles, fs.readdirSync(workspaceRoot()).filter((f) => f.endsWith('.txt')).length);
    assert.match(api.archive.status.text, /\$\(database\) virtual/);
    const editor = await api.archive.documents.open(ARTICLE, undefined);
    assert.ok(editor);
    assert.strictEqual(editor.document.uri.scheme, ARCHIVE_SCHEME);
    assert.strictEqual(editor.document.languageId, 'news-article');
    assert.strictEqual(editor.document.getText(), fs.readFileSync(path.join(workspaceRoot(), ARTICLE), 'utf8'));
    // Read-only: nothing can be saved back (there is no file system behind the scheme, only the provider).
    assert.notStrictEqual(vscode.workspace.fs.isWritableFileSystem(ARCHIVE_SCHEME), true);
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'x')));
    try {
      assert.strictEqual(await editor.document.save(), false);
    } finally {
      await editor.edit((edit) => edit.delete(new vscode.Range(0, 0, 0, 1)));
    }
  });

  it('asks a password once when the server wants one, keeps it in secret storage, forgets a refused one', async () => {
    const secrets = new Map<string, string>();
    const storage: vscode.SecretStorage = {
      get: async (key) => secrets.get(key),
      store: async (key, value) => void secrets.set(key, value),
      delete: async (key) => void secrets.delete(key),
      onDidChange: new vscode.EventEmitter<vscode.SecretStorageChangeEvent>().event,
    };
    const state = new Map<string, unknown>();
    const memento = { keys: () => [...state.keys()], get: (key: string) => state.get(key), update: async (key: string, value: unknown) => void state.set(key, value) } as vscode.Memento;
    let asked = 0;
    const session = new ArchiveSession({ secrets: storage, state: memento, log: () => undefined, askPassword: async () => (asked++, archive.reader.password) });
    const config = { name: 'reader', ...connection, user: archive.reader.user, connectOnStartup: false };
    try {
      assert.ok(await session.connect(config), session.error);
      assert.strictEqual(asked, 1);
      assert.strictEqual(secrets.get(passwordKey(config)), archive.reader.password);
      assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('corpusNavigator').get('archives')).includes(archive.reader.password));
      await session.disconnect();
      assert.ok(await session.connect(config));
      assert.strictEqual(asked, 1, 'asked again although the password was stored');
      // A stored password the server refuses: a clear failure, the password forgotten, asked again on Retry.
      secrets.set(passwordKey(config), 'wrong');
      await session.disconnect();
      assert.strictEqual(await session.connect(config), false);
      assert.strictEqual(session.state, 'failed');
      assert.match(session.error ?? '', /could not log in/);
      assert.strictEqual(secrets.get(passwordKey(config)), undefined);
      assert.ok(await session.retry());
      assert.strictEqual(asked, 2);
    } finally {
      session.dispose();
    }
  });

  it('asks the password in a password input box; cancelling it fails clearly', async () => {
    await setArchives([virtual, files, { name: 'reader', ...connection, user: archive.reader.user }]);
    try {
      let settled = false;
      const connecting = Promise.resolve(vscode.commands.executeCommand<boolean>('corpusNavigator.archive.connect', 'reader')).finally(() => (settled = true));
      // The input box opens once the secret storage has been asked; close it as soon as it is there.
      for (let i = 0; i < 50 && !settled; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      }
      assert.strictEqual(await connecting, false);
      assert.strictEqual(api.archive.session.state, 'failed');
      assert.match(api.archive.session.error ?? '', /no password given/);
    } finally {
      await api.archive.session.disconnect();
      await setArchives([virtual, files]);
    }
  });

  it('answers hover, highlighting, definition and references on an archive document like the local index', async () => {
    const { corpus } = await sampleCorpus();
    assert.ok(await connect(api, 'virtual'));
    const editor = await api.archive.documents.open(ARTICLE, undefined);
    assert.ok(editor);
    const document = editor.document;
    const { person } = personAtText(corpus, await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspaceRoot(), ARTICLE))), 'Fallon');
    const at = positionOf(document, 'Fallon');

    const cards = await hoverCards(document.uri, at);
    assert.strictEqual(cards.length, 1, `one card expected, got ${cards.length}`);
    assert.ok(cards[0].includes(person.name), cards[0]);
    const articles = new Set(person.mentions.map((m) => m.path));
    assert.ok(cards[0].includes(`${person.mentions.length} mentions in ${articles.size} articles`), cards[0]);
    const quotes = corpus.quotesFrom(person.id);
    assert.ok(quotes.length > 0 && cards[0].includes(`${quotes.length} quote`), cards[0]);
    const newest = [...quotes].sort((a, b) => (corpus.article(b.path)?.date ?? '').localeCompare(corpus.article(a.path)?.date ?? ''))[0];
    assert.ok(cards[0].includes(newest.text.replace(/\s+/g, ' ').slice(0, 30)), `card lacks the newest quote "${newest.text}"`);
    for (const other of [...articles].filter((p) => p !== ARTICLE)) {
      const title = corpus.article(other)?.title;
      assert.ok(title && cards[0].includes(title), `card lacks ${title}:\n${cards[0]}`);
    }

    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, at);
    assert.strictEqual(references.length, person.mentions.length);
    assert.ok(references.every((l) => l.uri.scheme === ARCHIVE_SCHEME));
    const local = new Set(person.mentions.map((m) => `${m.path}#${m.start}`));
    for (const location of references) {
      const target = await vscode.workspace.openTextDocument(location.uri);
      const key = `${location.uri.path.slice(1)}#${target.offsetAt(location.range.start)}`;
      assert.ok(local.has(key), `${key} is not a mention of ${person.name} in the local index`);
    }

    // Highlighting: every mention of the article, with its entity's type, as the local index has them.
    const expected = corpus.mentionsIn(ARTICLE).map((m) => `${m.start}+${m.end - m.start}:${corpus.entity(m.entityId)!.type}`);
    assert.deepStrictEqual(await semanticTokens(document), expected);

    const definitions = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', document.uri, at);
    assert.strictEqual(definitions.length, 1);
    const definedIn = await vscode.workspace.openTextDocument(definitions[0].uri);
    assert.ok(definedIn.getText(definitions[0].range).toLowerCase().includes(person.name.toLowerCase()), definedIn.getText(definitions[0].range));
  });

  it('highlights a name hard-wrapped over two lines line by line, as the local provider does', async () => {
    // The extractor keeps names within a line, so the archive's article is wrapped after indexing: a line
    // break in place of the space keeps every offset, and the mention now spans two lines.
    const name = 'Penelope Drummond';
    const text = `Minister visits port\n\nHarbour Minister ${name} opened the new dock on Tuesday. ${name} said trade would grow.\n`;
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-wrapped-'));
    fs.writeFileSync(path.join(folder, 'wrapped.txt'), text);
    // A database of its own on the run's cluster (dropped with it: dropping it here waits on the closed pool).
    const database = 'wrapped_names';
    const admin = await connectDb(`postgres://${archive.user}@${archive.host}:${archive.port}/${archive.database}`);
    try {
      await admin.query(`CREATE DATABASE ${database}`);
      const db = await connectDb(`postgres://${archive.user}@${archive.host}:${archive.port}/${database}`);
      try {
        await ingestFolder(db, folder, new NodeFileSystem());
        await resolveArchive(db);
        await db.query(`UPDATE articles SET text = replace(text, $1, $2)`, [name, name.replace(' ', '\n')]);
        const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM mentions WHERE text = $1', [name]);
        assert.ok(rows[0].n >= 2, `the article should mention ${name} in full`);
      } finally {
        await db.end();
      }
      await setArchives([virtual, files, { ...virtual, name: 'wrapped', database }]);
      assert.ok(await connect(api, 'wrapped'), api.archive.session.error);
      const editor = await api.archive.documents.open('wrapped.txt', undefined);
      assert.ok(editor);
      const document = editor.document;
      const wrapped = name.replace(' ', '\n');
      assert.strictEqual(document.getText(), text.replaceAll(name, wrapped));
      const [given, surname] = name.split(' ');
      const expected: string[] = [];
      for (let at = document.getText().indexOf(wrapped); at >= 0; at = document.getText().indexOf(wrapped, at + 1)) {
        expected.push(`${at}+${given.length}:person`, `${at + given.length + 1}+${surname.length}:person`);
      }
      assert.strictEqual(expected.length, 4);
      const tokens = await semanticTokens(document);
      for (const token of expected) assert.ok(tokens.includes(token), `no token ${token} in ${tokens.join(', ')}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await api.archive.session.disconnect();
      await setArchives([virtual, files]);
      await admin.end();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('searches the archive’s quotes and entities, and lists entities as workspace symbols', async () => {
    assert.ok(await connect(api, 'virtual'));
    const quotes = await api.archive.search.quotes('persistnt patern of Russian interfrence');
    assert.ok(quotes && quotes.length > 0, 'no quote found');
    assert.match(quotes[0].text, /persistent pattern of Russian interference/);
    const people = await api.archive.search.entities('Falon');
    assert.ok(people?.[0]?.name.includes('Fallon'), JSON.stringify(people?.slice(0, 3)));

    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Fallon');
    const fromArchive = symbols.filter((s) => s.containerName?.endsWith('archive'));
    assert.ok(fromArchive.some((s) => s.name.includes('Fallon')), symbols.map((s) => `${s.name} (${s.containerName})`).join(', '));
    assert.ok(fromArchive.every((s) => s.location.uri.scheme === ARCHIVE_SCHEME));

    const pick = api.archive.search.showQuotes('persistnt patern');
    assert.ok(pick);
    await eventually(() => !pick.busy && pick.items.length > 0, 10_000, 'quote picker results');
    pick.hide();
  });

  it('draws an archive entity’s timeline with the counts of the local index', async () => {
    const { corpus } = await sampleCorpus();
    assert.ok(await connect(api, 'virtual'));
    const person = corpus.people().reduce((a, b) => (corpus.quotesFrom(b.id).length > corpus.quotesFrom(a.id).length ? b : a));
    assert.ok(corpus.quotesFrom(person.id).length > 0);
    const shown = await vscode.commands.executeCommand<Timeline | undefined>('corpusNavigator.archive.showTimeline', { entityId: person.id });
    try {
      assert.ok(shown, 'no timeline');
      assert.deepStrictEqual(shown, buildTimeline(corpus, person.id));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('pages the Archive tree: outlets, articles, and a "Load more…" row', async () => {
    const { corpus } = await sampleCorpus();
    assert.ok(await connect(api, 'virtual'));
    const roots = await api.archive.tree.getChildren();
    assert.deepStrictEqual(roots.map((r) => r.kind), ['outlets', 'entities', 'entities', 'entities']);
    const outlets = await api.archive.tree.getChildren(roots[0]);
    const localOutlets = new Set(corpus.articles().map((a) => a.outlet));
    assert.strictEqual(outlets.length, localOutlets.size);

    // Pages of two to see the paging on a small archive.
    const tree = new ArchiveTreeProvider(api.archive.session, { articles: 2, entities: 2 });
    try {
      const people = (await tree.getChildren())[1];
      const firstPage = await tree.getChildren(people);
      assert.deepStrictEqual(firstPage.map((n) => n.kind), ['entity', 'entity', 'more']);
      const more = firstPage[2] as Extract<ArchiveNode, { kind: 'more' }>;
      await tree.loadMore(more.parent);
      const grown = await tree.getChildren(people);
      assert.ok(grown.length > 3, `expected a second page, got ${grown.length} rows`);
      const mostMentioned = corpus.people().reduce((a, b) => (b.mentions.length > a.mentions.length ? b : a));
      const first = grown[0] as Extract<ArchiveNode, { kind: 'entity' }>;
      assert.strictEqual(first.entity.mentionCount, mostMentioned.mentions.length);
      const articles = await tree.getChildren(first);
      assert.ok(articles.length >= 1 && articles.every((n) => n.kind === 'article' || n.kind === 'more'));
    } finally {
      tree.dispose();
    }
  });

  it('opens articles from disk when the workspace has them, and leaves the local corpus’s files to the local index', async () => {
    const { corpus } = await sampleCorpus();
    assert.ok(await connect(api, 'files'));
    const file = vscode.Uri.file(path.join(workspaceRoot(), ARTICLE));
    assert.strictEqual(api.archive.documents.uriOf(ARTICLE)?.toString(), file.toString());
    const document = await vscode.workspace.openTextDocument(file);
    const { person } = personAtText(corpus, document, 'Fallon');
    // One card: the local index answers for its own files, the archive does not add a second.
    const cards = await hoverCards(file, positionOf(document, 'Fallon'));
    assert.strictEqual(cards.length, 1);
    const locations = await api.archive.language.references({ path: ARTICLE, start: person.mentions.find((m) => m.path === ARTICLE)!.start, end: 0 });
    assert.ok(locations && locations.length === person.mentions.length);
    assert.ok(locations.every((l) => l.uri.scheme === 'file'));
  });

  it('forgets where the oldest articles are once it remembers too many (a long session touches every article)', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-nav-archive-folder-'));
    try {
      await setArchives([virtual, files, { name: 'elsewhere', ...connection, folder }]);
      assert.ok(await connect(api, 'elsewhere'));
      assert.strictEqual(api.archive.documents.uriOf(ARTICLE)?.scheme, ARCHIVE_SCHEME);
      fs.writeFileSync(path.join(folder, ARTICLE), 'arrived later');
      // Remembered: no disk look-up again while it is among the recent ones.
      assert.strictEqual(api.archive.documents.uriOf(ARTICLE)?.scheme, ARCHIVE_SCHEME);
      // Other articles looked up, a thousand at a time, until it is forgotten and found on disk (or never).
      let lookedUp = 0;
      while (lookedUp < 50_000 && api.archive.documents.uriOf(ARTICLE)?.scheme === ARCHIVE_SCHEME) {
        for (const end = lookedUp + 1000; lookedUp < end; lookedUp++) api.archive.documents.uriOf(`other/${lookedUp}.txt`);
      }
      assert.strictEqual(api.archive.documents.uriOf(ARTICLE)?.toString(), vscode.Uri.file(path.join(folder, ARTICLE)).toString(), `still remembered after ${lookedUp} others`);
    } finally {
      await setArchives([virtual, files]);
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reports an archive that cannot be reached, with Retry, and the editor keeps answering', async () => {
    const { corpus } = await sampleCorpus();
    await setArchives([virtual, files, { name: 'down', ...connection, port: await closedPort() }]);
    const started = Date.now();
    assert.strictEqual(await connect(api, 'down'), false);
    assert.ok(Date.now() - started < 15_000, `gave up after ${Date.now() - started} ms`);
    assert.strictEqual(api.archive.session.state, 'failed');
    assert.match(api.archive.session.error ?? '', /cannot be reached/);
    assert.match(api.archive.status.text, /\$\(error\) down/);
    assert.strictEqual(api.archive.status.command, 'corpusNavigator.archive.retry');
    // Retry tries again (and fails again: nothing listens).
    assert.strictEqual(await vscode.commands.executeCommand('corpusNavigator.archive.retry'), false);
    assert.strictEqual(api.archive.session.state, 'failed');
    // The local index still answers at once.
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspaceRoot(), ARTICLE)));
    personAtText(corpus, document, 'Fallon');
    const before = Date.now();
    assert.strictEqual((await hoverCards(document.uri, positionOf(document, 'Fallon'))).length, 1);
    assert.ok(Date.now() - before < 2000);
  });

  it('gives up on a server that accepts connections but never answers, without blocking the editor', async () => {
    const { corpus } = await sampleCorpus();
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      await vscode.workspace.getConfiguration('corpusNavigator').update('archive.timeoutSeconds', 2, vscode.ConfigurationTarget.Global);
      await setArchives([virtual, files, { name: 'silent', ...connection, port: (silent.address() as net.AddressInfo).port }]);
      const connecting = vscode.commands.executeCommand<boolean>('corpusNavigator.archive.connect', 'silent');
      await eventually(() => api.archive.session.state === 'connecting', 2000, 'the connecting state');
      // While it waits, the editor answers: hovers from the local index, commands.
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspaceRoot(), ARTICLE)));
      personAtText(corpus, document, 'Fallon');
      for (let i = 0; i < 5; i++) {
        const before = Date.now();
        assert.strictEqual((await hoverCards(document.uri, positionOf(document, 'Fallon'))).length, 1);
        assert.ok(Date.now() - before < 1000, `a hover took ${Date.now() - before} ms while the archive was silent`);
      }
      assert.strictEqual(await connecting, false);
      assert.strictEqual(api.archive.session.state, 'failed');
      console.log(`  silent server: ${api.archive.session.error}`);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
      await vscode.workspace.getConfiguration('corpusNavigator').update('archive.timeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('gives up on a slow answer after the timeout, keeps the connection, and answers once the server is quick again', async () => {
    const { corpus } = await sampleCorpus();
    const proxy = await tcpProxy(archive.port);
    try {
      await vscode.workspace.getConfiguration('corpusNavigator').update('archive.timeoutSeconds', 1, vscode.ConfigurationTarget.Global);
      await setArchives([virtual, files, { name: 'slow', ...connection, port: proxy.port, folder: 'no-such-folder' }]);
      assert.ok(await connect(api, 'slow'), api.archive.session.error);
      const article = corpus.articles().find((a) => corpus.mentionsIn(a.path).length > 0)!;
      const uri = api.archive.documents.uriOf(article.path)!;
      const document = await vscode.workspace.openTextDocument(uri);
      const at = document.positionAt(corpus.mentionsIn(article.path)[0].start + 1);
      proxy.slow(true);
      const before = Date.now();
      assert.deepStrictEqual(await hoverCards(uri, at), []);
      const waited = Date.now() - before;
      assert.ok(waited < 6000, `the hover waited ${waited} ms`);
      assert.strictEqual(api.archive.session.state, 'connected');
      assert.match(api.archive.session.error ?? '', /did not answer in time/);
      proxy.slow(false);
      assert.strictEqual((await hoverCards(uri, at)).length, 1);
      console.log(`  a slow server: the hover gave up after ${waited} ms (${api.archive.session.error ?? 'no message'})`);
    } finally {
      await proxy.close();
      await api.archive.session.disconnect();
      await vscode.workspace.getConfiguration('corpusNavigator').update('archive.timeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('survives the server going away while connected: a message, a red status, Retry once it is back', async () => {
    const { corpus } = await sampleCorpus();
    const proxy = await tcpProxy(archive.port);
    try {
      await setArchives([virtual, files, { name: 'proxied', ...connection, port: proxy.port, folder: 'no-such-folder' }]);
      assert.ok(await connect(api, 'proxied'), api.archive.session.error);
      const editor = await api.archive.documents.open(ARTICLE, undefined);
      assert.ok(editor);
      const at = positionOf(editor.document, 'Fallon');
      assert.strictEqual((await hoverCards(editor.document.uri, at)).length, 1);

      await proxy.down();
      // Another article: its mentions are not cached, so the editor must ask the server.
      const other = corpus.articles().find((a) => a.path !== ARTICLE && corpus.mentionsIn(a.path).length > 0)!;
      const otherUri = api.archive.documents.uriOf(other.path)!;
      const otherDocument = await vscode.workspace.openTextDocument(otherUri);
      const before = Date.now();
      const cards = await hoverCards(otherUri, otherDocument.positionAt(corpus.mentionsIn(other.path)[0].start + 1));
      assert.deepStrictEqual(cards, []);
      assert.ok(Date.now() - before < 12_000, `the hover took ${Date.now() - before} ms`);
      await eventually(() => api.archive.session.state === 'failed', 5000, 'the failed state');
      assert.match(api.archive.session.error ?? '', /cannot be reached/);
      assert.match(api.archive.status.text, /\$\(error\) proxied/);
      // While failed, archive features answer nothing at once instead of waiting for the server again.
      const quick = Date.now();
      assert.deepStrictEqual(await hoverCards(editor.document.uri, at), []);
      assert.ok(Date.now() - quick < 1000);

      await proxy.up();
      assert.strictEqual(await vscode.commands.executeCommand('corpusNavigator.archive.retry'), true);
      assert.strictEqual(api.archive.session.state, 'connected');
      assert.strictEqual((await hoverCards(otherUri, otherDocument.positionAt(corpus.mentionsIn(other.path)[0].start + 1))).length, 1);
      const memory = process.memoryUsage();
      console.log(`  extension host: rss ${(memory.rss / 2 ** 20).toFixed(0)} MB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MB`);
    } finally {
      await proxy.close();
      await api.archive.session.disconnect();
    }
  });
});
