import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { openArticle, personAtText, positionOf, revertAll, sampleCorpus } from './_helpers';

const MATTIS_ARTICLE = 'uk-and-us-accuse-russia-of-interfering.txt';

async function textOf(location: vscode.Location): Promise<string> {
  const document = await vscode.workspace.openTextDocument(location.uri);
  return document.getText(location.range);
}

describe('go to mention', () => {
  afterEach(revertAll);

  it('finds every mention of Mattis across files, each on the exact characters', async () => {
    const { corpus } = await sampleCorpus();
    const document = await openArticle(MATTIS_ARTICLE);
    const { person } = personAtText(corpus, document, 'Mattis');
    const locations = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      document.uri,
      positionOf(document, 'Mattis'),
    );
    const files = new Set(locations.map((l) => l.uri.fsPath));
    assert.ok(files.size >= 2, `references in only ${files.size} file(s)`);
    assert.strictEqual(locations.length, person.mentions.length);
    const expected = new Set(person.mentions.map((m) => `${path.join(corpus.root, m.path)}|${m.text}`));
    for (const location of locations) {
      const text = await textOf(location);
      assert.ok(expected.has(`${location.uri.fsPath}|${text}`), `reference lands on "${text}" in ${location.uri.fsPath}`);
    }
  });

  it('goes to the fullest first mention as the definition', async () => {
    const { corpus } = await sampleCorpus();
    const document = await openArticle(MATTIS_ARTICLE);
    const position = positionOf(document, 'Mattis', 1);
    const { person } = personAtText(corpus, document, 'Mattis', 1);
    const result = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      position,
    );
    assert.strictEqual(result.length, 1);
    const first = result[0];
    const location = 'targetUri' in first ? new vscode.Location(first.targetUri, first.targetRange) : first;
    const text = await textOf(location);
    assert.ok(text.includes(person.name), `definition "${text}" does not carry the full name ${person.name}`);
    // No mention with the full name sits in an earlier-dated article.
    const target = corpus.article(path.relative(corpus.root, location.uri.fsPath).split(path.sep).join('/'));
    assert.ok(target);
    for (const m of person.mentions.filter((m) => m.text.includes(person.name))) {
      const date = corpus.article(m.path)?.date;
      if (date && target.date) assert.ok(date >= target.date, `${m.path} (${date}) has the full name earlier than ${target.date}`);
    }
  });

  it('highlights the same person in the document', async () => {
    const { corpus } = await sampleCorpus();
    const document = await openArticle(MATTIS_ARTICLE);
    const { person, mention } = personAtText(corpus, document, 'Mattis');
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>(
      'vscode.executeDocumentHighlights',
      document.uri,
      positionOf(document, 'Mattis'),
    );
    const here = person.mentions.filter((m) => m.path === mention.path);
    assert.strictEqual(highlights.length, here.length);
    const texts = highlights.map((h) => document.getText(h.range)).sort();
    assert.deepStrictEqual(texts, here.map((m) => m.text).sort());
    assert.ok(highlights.some((h) => document.offsetAt(h.range.start) === mention.start));
  });

  it('moves to the next and previous mention across articles', async () => {
    const { corpus } = await sampleCorpus();
    const document = await openArticle(MATTIS_ARTICLE);
    const { person } = personAtText(corpus, document, 'Mattis');
    const editor = await vscode.window.showTextDocument(document);
    const start = positionOf(document, 'Mattis');
    editor.selection = new vscode.Selection(start, start);
    const visited = new Set<string>();
    for (let i = 0; i < person.mentions.length; i++) {
      await vscode.commands.executeCommand('corpusNavigator.nextMention');
      const active = vscode.window.activeTextEditor;
      assert.ok(active);
      const text = active.document.getText(active.selection);
      assert.ok(person.mentions.some((m) => m.text === text), `selection "${text}" is not a mention of ${person.name}`);
      visited.add(`${active.document.uri.fsPath}#${active.document.offsetAt(active.selection.start)}`);
    }
    assert.strictEqual(visited.size, person.mentions.length, 'next mention should visit every mention once before wrapping');
    await vscode.commands.executeCommand('corpusNavigator.previousMention');
    await vscode.commands.executeCommand('corpusNavigator.nextMention');
    const active = vscode.window.activeTextEditor;
    assert.ok(active && person.mentions.some((m) => m.text === active.document.getText(active.selection)));
  });
});

describe('mention commands', () => {
  afterEach(revertAll);

  it('opens a mention with it selected, and shows all mentions without error', async () => {
    const { corpus } = await sampleCorpus();
    const person = corpus.people()[0];
    const mention = person.mentions[person.mentions.length - 1];
    const target = { root: corpus.root, path: mention.path, start: mention.start, end: mention.end };
    await vscode.commands.executeCommand('corpusNavigator.openMention', target);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.ok(editor.document.uri.fsPath.endsWith(mention.path));
    assert.strictEqual(editor.document.getText(editor.selection), mention.text);
    assert.strictEqual(editor.document.offsetAt(editor.selection.start), mention.start);
    await vscode.commands.executeCommand('corpusNavigator.showAllMentions', target);
  });
});
