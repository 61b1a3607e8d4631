// Corrections from the editor, in VS Code: each command writes corpus.yaml (created on first use), the
// index applies it at once, and Undo Last Correction (or Ctrl+Z in the open corpus.yaml) takes it back.
// The corpus is a temporary folder of hand-written articles; the commands get their choices as arguments.
import * as assert from 'assert';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Corpus } from '../../src/core/api';
import { Commands } from '../../src/editor/ids';
import type { CorrectionResult } from '../../src/editor/features/corrections';
import { eventually, extensionApi, hoverMarkdown, revertAll } from './_helpers';

const ARTICLES: Record<string, string> = {
  'health.txt': 'Hospital waits grow\n\nDr Erin Kim, a surgeon at the General, said the wards were full. "We need more beds," said Dr Kim.\n',
  'family.txt': 'A mother waits\n\nThe family gathered on Sunday. "He was always kind," said Dr Kim, his mother. Dr Kim added that the school had called.\n',
  'moran.txt': 'Appeal made\n\nKim Moran appealed for help on Monday. Moran said the search would go on.\n',
  'golf.txt': 'Open returns\n\nThe tournament returns next year. Mr Black, the greenkeeper, said the course was ready. "It is hard," said Tom Watson. Watson won here before.\n',
  'film.txt': 'Premiere\n\nEmma Watson arrived first. Jack Black followed. "A fine night," Black said.\n',
  'trade.txt': 'Trade talks\n\nThe European Union said the talks would resume in the spring.\n',
};

let root = '';
const configPath = (): string => path.join(root, 'corpus.yaml');

async function corpus(): Promise<Corpus> {
  const api = await extensionApi();
  return eventually(() => api.manager.entries().find((e) => e.root === root && e.state === 'ready')?.corpus, 30_000, 'the corpus to be ready');
}

/** The span of the n-th `text` in an article, as a hover link passes it. */
function spanOf(rel: string, text: string): { root: string; path: string; start: number; end: number } {
  const start = ARTICLES[rel].indexOf(text);
  assert.ok(start >= 0, `${text} in ${rel}`);
  return { root, path: rel, start, end: start + text.length };
}

async function idAt(rel: string, text: string): Promise<string | undefined> {
  const span = spanOf(rel, text);
  return (await corpus()).mentionAt(rel, span.start)?.entityId;
}

async function run(command: string, args?: object): Promise<CorrectionResult> {
  const result = await vscode.commands.executeCommand<CorrectionResult>(command, args);
  assert.ok(result, `${command} returned nothing`);
  return result;
}

async function configText(): Promise<string | null> {
  return fsp.readFile(configPath(), 'utf8').catch(() => null);
}

describe('corrections', function () {
  this.timeout(120_000);

  before(async () => {
    root = await fsp.mkdtemp(path.join(os.tmpdir(), 'corpus-nav-corrections-'));
    for (const [rel, text] of Object.entries(ARTICLES)) await fsp.writeFile(path.join(root, rel), text);
    const api = await extensionApi();
    await api.manager.addFolder(vscode.Uri.file(root));
    await corpus();
  });

  afterEach(async () => {
    await revertAll();
    // Each test leaves no correction behind.
    while ((await run(Commands.undoCorrection)).applied);
    await fsp.rm(configPath(), { force: true });
    const api = await extensionApi();
    await api.manager.whenIdle();
  });

  after(async () => {
    const api = await extensionApi();
    if (api.manager.entries().some((e) => e.root === root)) await api.manager.removeFolder(root);
    await fsp.rm(root, { recursive: true, force: true });
  });

  it('the hover card links to every correction of the hovered mention', async () => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root, 'golf.txt')));
    const span = spanOf('golf.txt', 'Tom Watson');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(span.start + 1));
    const card = hoverMarkdown(hovers).map((md) => md.value).join('\n');
    for (const command of [Commands.notAnEntity, Commands.mergeWith, Commands.splitMention, Commands.renameEntity]) {
      const link = card.match(new RegExp(`command:${command.replace('.', '\\.')}\\?([^ )]+)`));
      assert.ok(link, `no link to ${command}`);
      assert.deepStrictEqual(JSON.parse(decodeURIComponent(link[1])), [span]);
    }
  });

  it('Not an Entity in every article: creates corpus.yaml, drops the person at once; Undo removes both', async () => {
    assert.ok(await idAt('golf.txt', 'Tom Watson'));
    const cancelled = await run(Commands.notAnEntity, { ...spanOf('golf.txt', 'Tom Watson'), scope: 'corpus', create: false });
    assert.strictEqual(cancelled.applied, false);
    assert.strictEqual(await configText(), null, 'not created without consent');

    const result = await run(Commands.notAnEntity, { ...spanOf('golf.txt', 'Tom Watson'), scope: 'corpus', create: true });
    assert.ok(result.applied, result.message);
    assert.match((await configText()) ?? '', /notEntities: \[Tom Watson\]/);
    assert.strictEqual((await corpus()).person('tom-watson'), undefined);
    assert.strictEqual(await idAt('golf.txt', 'Watson won'), undefined, 'its short form in the same article goes too');
    assert.ok(await idAt('film.txt', 'Emma Watson'));
    for (const rel of Object.keys(ARTICLES)) assert.strictEqual(await fsp.readFile(path.join(root, rel), 'utf8'), ARTICLES[rel], 'articles untouched');

    assert.ok((await run(Commands.undoCorrection)).applied);
    assert.strictEqual(await configText(), null, 'the corpus.yaml the correction created is gone');
    await eventually(async () => (await corpus()).person('tom-watson'), 10_000, 'Tom Watson back');
  });

  it('Not an Entity in one article keeps the name elsewhere; Undo brings it back', async () => {
    await fsp.writeFile(configPath(), '# my corrections\n');
    const black = await idAt('golf.txt', 'Mr Black');
    assert.ok(black);
    const result = await run(Commands.notAnEntity, { ...spanOf('golf.txt', 'Mr Black'), scope: 'article' });
    assert.ok(result.applied, result.message);
    // A leading comment stays the document's comment, set off by a blank line.
    assert.strictEqual(await configText(), '# my corrections\n\narticles:\n  golf.txt:\n    notEntities: [Mr Black]\n');
    assert.strictEqual(await idAt('golf.txt', 'Mr Black'), undefined);
    assert.ok(await idAt('film.txt', 'Jack Black'));
    assert.ok((await run(Commands.undoCorrection)).applied);
    assert.strictEqual(await configText(), '# my corrections\n');
    assert.strictEqual(await idAt('golf.txt', 'Mr Black'), black);
  });

  it('Merge With joins two people; Undo parts them', async () => {
    await fsp.writeFile(configPath(), '');
    const kim = (await idAt('family.txt', 'Dr Kim'))!;
    const moran = (await idAt('moran.txt', 'Kim Moran'))!;
    assert.ok(kim && moran && kim !== moran);
    const result = await run(Commands.mergeWith, { root, entityId: kim, into: moran });
    assert.ok(result.applied, result.message);
    assert.strictEqual(await idAt('family.txt', 'Dr Kim'), moran);
    assert.strictEqual((await corpus()).person(kim), undefined);
    assert.ok((await run(Commands.undoCorrection)).applied);
    assert.strictEqual(await idAt('family.txt', 'Dr Kim'), kim);
  });

  it('This Mention Is Someone Else gives the name to another person in its article only; Undo reverts', async () => {
    await fsp.writeFile(configPath(), 'aliases:\n  Erin Kim: [Dr Kim]   # wrong in one article\n');
    const erin = await eventually(async () => (await idAt('family.txt', 'Dr Kim')) === (await idAt('health.txt', 'Dr Erin Kim')) && idAt('health.txt', 'Dr Erin Kim'), 10_000, 'the corpus-wide alias');
    const result = await run(Commands.splitMention, { ...spanOf('family.txt', 'Dr Kim'), into: 'Kim Moran' });
    assert.ok(result.applied, result.message);
    const moran = await idAt('moran.txt', 'Kim Moran');
    assert.strictEqual(await idAt('family.txt', 'Dr Kim'), moran);
    assert.strictEqual(await idAt('health.txt', 'Dr Kim'), erin, 'the corpus-wide alias holds elsewhere');
    assert.match((await configText())!, /# wrong in one article/);
    assert.ok((await run(Commands.undoCorrection)).applied);
    assert.strictEqual(await idAt('family.txt', 'Dr Kim'), erin);
  });

  it('Rename from the tree\'s person node shows the new name under the same id; Undo restores it', async () => {
    await fsp.writeFile(configPath(), '');
    const api = await extensionApi();
    const entry = api.manager.entries().find((e) => e.root === root)!;
    const person = (await corpus()).person('tom-watson')!;
    const result = await run(Commands.renameEntity, { kind: 'entity', id: `entity|${person.id}`, parent: undefined, entry, entity: person, name: 'Thomas Watson' });
    assert.ok(result.applied, result.message);
    assert.strictEqual((await corpus()).person('tom-watson')?.name, 'Thomas Watson');
    assert.match((await configText())!, /names:\n {2}tom-watson: Thomas Watson/);
    assert.ok((await run(Commands.undoCorrection)).applied);
    assert.strictEqual((await corpus()).person('tom-watson')?.name, 'Tom Watson');
  });

  it('with corpus.yaml open, Ctrl+Z in it takes the correction back', async () => {
    await fsp.writeFile(configPath(), '# corrections\nnotEntities: [Open This Photo]\n');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(configPath()));
    await vscode.window.showTextDocument(document);
    const result = await run(Commands.notAnEntity, { ...spanOf('film.txt', 'Jack Black'), scope: 'corpus' });
    assert.ok(result.applied, result.message);
    assert.strictEqual(document.getText(), '# corrections\nnotEntities: [Open This Photo, Jack Black]\n');
    assert.ok(!document.isDirty, 'saved');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.getText(), '# corrections\nnotEntities: [Open This Photo]\n');
    await document.save();
    await eventually(async () => (await idAt('film.txt', 'Jack Black')) !== undefined, 10_000, 'Jack Black back after the save');
  });

  // Last: the corpus.yaml it creates is deleted by the undo after it, and the reload that deletion causes can
  // race a next test's first correction.
  it('an organisation: the card offers Not an entity alone, which drops it; merge is declined, corpus.yaml untouched', async () => {
    const span = spanOf('trade.txt', 'European Union');
    const id = await idAt('trade.txt', 'European Union');
    assert.ok(id?.startsWith('organization:'), `"European Union" is ${id}`);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root, 'trade.txt')));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(span.start + 1));
    const card = hoverMarkdown(hovers).map((md) => md.value).join('\n');
    assert.ok(card.includes(`command:${Commands.notAnEntity}?`), 'no Not an entity link on an organisation');
    for (const command of [Commands.mergeWith, Commands.splitMention, Commands.renameEntity]) assert.ok(!card.includes(`command:${command}?`), `${command} offered on an organisation`);

    assert.strictEqual((await run(Commands.mergeWith, { ...span, into: 'tom-watson', create: true })).applied, false);
    assert.strictEqual(await configText(), null, 'a declined merge writes nothing');
    const result = await run(Commands.notAnEntity, { ...span, scope: 'corpus', create: true });
    assert.ok(result.applied, result.message);
    assert.match((await configText()) ?? '', /notEntities: \[European Union\]/);
    assert.strictEqual(await idAt('trade.txt', 'European Union'), undefined);
  });
});
