// Safety inside VS Code: hostile article text renders inert in hover cards, CRLF+BOM articles map to exact
// ranges, a malformed corpus.yaml shows up in the Problems panel at its line, and rapid unsaved edits while
// another corpus indexes leave an index equal to a fresh extraction. Files are created only in the
// workspace copy (or the temp dir) and removed afterwards.
import * as assert from 'assert';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { extractArticle } from '../../src/core/extract/article';
import type { ArticleExtraction } from '../../src/core/types';
import { eventually, hoverMarkdown, positionOf, revertAll, sampleCorpus, unescapeMarkdown, workspaceRoot } from './_helpers';

const FALLON_ARTICLE = 'uk-and-us-accuse-russia-of-interfering.txt';
const COMMAND_LINK = '[click](command:workbench.action.terminal.new)';
const IMG = '<img src=x onerror=alert(1)>';
const ANCHOR = '<a href="javascript:alert(1)">x</a>';

const created: string[] = [];

async function createFile(rel: string, content: string | Uint8Array): Promise<string> {
  const abs = path.join(workspaceRoot(), ...rel.split('/'));
  await fsp.mkdir(path.dirname(abs), { recursive: true });
  await fsp.writeFile(abs, content);
  created.push(abs);
  return abs;
}

async function hoverAt(document: vscode.TextDocument, position: vscode.Position): Promise<{ hovers: vscode.Hover[]; cards: vscode.MarkdownString[] }> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
  return { hovers, cards: hoverMarkdown(hovers) };
}

function assertInert(card: vscode.MarkdownString): void {
  const value = card.value;
  for (const match of value.matchAll(/\]\(command:([^?)\s]+)/g)) {
    assert.ok(match[1].startsWith('corpusNavigator.'), `the card links to a foreign command ${match[1]}`);
  }
  assert.ok(!value.includes('](command:workbench'), 'article text formed a command link');
  assert.ok(!/<img/i.test(value), 'raw <img in the card');
  assert.ok(!/<a\s/i.test(value), 'raw <a in the card');
  assert.ok(!/javascript:/i.test(value), 'raw javascript: in the card');
  assert.notStrictEqual(card.supportHtml, true, 'HTML must not be enabled');
  const trusted = card.isTrusted;
  if (trusted !== undefined && trusted !== false) {
    assert.ok(typeof trusted === 'object', 'isTrusted must be false or limited to a command list');
    assert.ok(trusted.enabledCommands.length > 0);
    for (const command of trusted.enabledCommands) assert.ok(command.startsWith('corpusNavigator.'), `trusted foreign command ${command}`);
  }
}

describe('safety', () => {
  afterEach(async () => {
    await revertAll();
    for (const abs of created.splice(0).reverse()) await fsp.rm(abs, { recursive: true, force: true });
    const { api } = await sampleCorpus();
    await api.manager.whenIdle();
  });

  it('hover cards render hostile article text inert and trust only this extension’s commands', async () => {
    const { corpus } = await sampleCorpus();
    const hoveredDate = corpus.article(FALLON_ARTICLE)?.date;
    // Same date as the hovered article, so the card lists this one first ("nearest" order); far future otherwise.
    const date = hoveredDate ?? '2099-01-01';
    const title = `Leaked ${COMMAND_LINK} ${IMG} ${ANCHOR}`;
    const rel = 'safety-payload.txt';
    await createFile(
      rel,
      `${title}\nPublished: ${date}\n\nDefence Secretary Sir Michael Fallon said: “${COMMAND_LINK} ${IMG} ${ANCHOR} is what they sent.”\n\nFallon ${IMG} added nothing.\n`,
    );
    await eventually(() => corpus.mentionsIn(rel).length > 0, 10_000, 'the payload article to be indexed');
    const quote = corpus.quotesIn(rel).find((q) => q.text.includes('command:'));
    assert.ok(quote, 'the hostile quote was extracted');
    assert.ok(quote.speaker, 'the hostile quote is attributed to a person');

    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspaceRoot(), FALLON_ARTICLE)));
    await vscode.window.showTextDocument(document);
    const { cards } = await hoverAt(document, positionOf(document, 'Fallon'));
    assert.strictEqual(cards.length, 1);
    assert.ok(unescapeMarkdown(cards[0].value).includes(title), `the payload title is not in the card, so the test proves nothing:\n${cards[0].value}`);
    assertInert(cards[0]);

    // And in the hostile article itself (snippets of the other mentions carry the payload).
    const hostile = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspaceRoot(), rel)));
    await vscode.window.showTextDocument(hostile);
    const own = await hoverAt(hostile, positionOf(hostile, 'Fallon'));
    assert.strictEqual(own.cards.length, 1);
    assertInert(own.cards[0]);
  });

  it('a CRLF + BOM article: hover and reference ranges land exactly on the name', async () => {
    const { corpus } = await sampleCorpus();
    const rel = 'safety-crlf-bom.txt';
    const text = 'Talks resume\r\n\r\nDefence Secretary Sir Michael Fallon said: “We will not be intimidated.”\r\n\r\nLater, Fallon met Anna Smith.\r\n';
    await createFile(rel, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    await eventually(() => corpus.mentionsIn(rel).length >= 2, 10_000, 'the CRLF article to be indexed');
    assert.strictEqual(corpus.article(rel)?.text, text, 'the index holds the decoded text without the BOM');

    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspaceRoot(), rel)));
    await vscode.window.showTextDocument(document);
    assert.strictEqual(document.getText(), text, 'VS Code decodes the same text');
    for (const name of ['Sir Michael Fallon', 'Fallon met']) {
      const position = positionOf(document, name.replace(' met', ''), name === 'Fallon met' ? 1 : 0);
      const mention = corpus.mentionAt(rel, document.offsetAt(position));
      assert.ok(mention, `no mention at ${name}`);
      const { hovers } = await hoverAt(document, position);
      assert.strictEqual(hovers.length, 1, `one hover at ${name}`);
      assert.ok(hovers[0].range, 'the hover has a range');
      assert.strictEqual(document.getText(hovers[0].range), mention.text, `hover range at ${name}`);
      assert.ok(mention.text.endsWith('Fallon'));
    }
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, positionOf(document, 'Fallon'));
    const here = (references ?? []).filter((l) => l.uri.toString() === document.uri.toString());
    assert.ok(here.length >= 2, `references in the CRLF article: ${here.length}`);
    for (const location of here) assert.match(document.getText(location.range), /^(?:Sir Michael Fallon|Sir Michael|Michael Fallon|Fallon)$/);
  });

  it('a malformed corpus.yaml in a second corpus shows a diagnostic at the offending line', async () => {
    const { api } = await sampleCorpus();
    const yaml = 'articles:\n  a.txt:\n    outlet: Example\n\ttitle: tabbed\n';
    const folder = path.join(workspaceRoot(), 'safety-second');
    await createFile('safety-second/a.txt', 'Second corpus\n\nAnna Smith said: “Hello.”\n');
    await createFile('safety-second/corpus.yaml', yaml);
    created.push(folder);
    await api.manager.rediscover();
    await api.manager.whenIdle();
    const entry = await eventually(() => api.manager.entries().find((e) => e.root === folder && e.state === 'ready'), 15_000, 'the second corpus to load');
    assert.strictEqual(entry.corpus?.article('a.txt')?.outlet ?? null, null, 'defaults used');
    const uri = vscode.Uri.file(path.join(folder, 'corpus.yaml'));
    const diagnostics = await eventually(() => {
      const found = vscode.languages.getDiagnostics(uri);
      return found.length > 0 ? found : undefined;
    }, 10_000, 'a diagnostic for corpus.yaml');
    const error = diagnostics.find((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.ok(error, `no error diagnostic: ${JSON.stringify(diagnostics.map((d) => d.message))}`);
    assert.strictEqual(error.range.start.line, 3, `diagnostic on line ${error.range.start.line + 1}: ${error.message}`);

    // Removing the folder removes the corpus and its diagnostics.
    await fsp.rm(folder, { recursive: true, force: true });
    await api.manager.rediscover();
    await api.manager.whenIdle();
    await eventually(() => vscode.languages.getDiagnostics(uri).length === 0, 10_000, 'the diagnostics to go');
  });

  it('rapid unsaved edits while a larger corpus indexes: no error, and the index equals a fresh extraction', async function () {
    this.timeout(180_000);
    const { api, corpus } = await sampleCorpus();
    const rel = 'safety-edited.txt';
    await createFile(rel, 'Edited article\n\nDefence Secretary Sir Michael Fallon said: “We start here.”\n');
    await eventually(() => corpus.article(rel), 10_000, 'the article to be indexed');

    // A larger corpus outside the workspace, registered through the manager (remembered in workspace state).
    const large = await fsp.mkdtemp(path.join(os.tmpdir(), 'corpus-nav-large-'));
    created.push(large);
    for (let i = 0; i < 1500; i++) {
      await fsp.writeFile(path.join(large, `a${i}.txt`), `Story ${i}\n\nAnna Smith${i % 7} said: “Number ${i}.” Sir Michael Fallon agreed.\n`);
    }
    const failures: unknown[] = [];
    const onRejection = (reason: unknown) => failures.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspaceRoot(), rel)));
      await vscode.window.showTextDocument(document);
      const adding = api.manager.addFolder(vscode.Uri.file(large));
      for (let i = 0; i < 30; i++) {
        const edit = new vscode.WorkspaceEdit();
        if (i % 3 === 2) {
          // Delete a slice in the middle now and then, so offsets shift both ways.
          const middle = Math.floor(document.getText().length / 2);
          edit.delete(document.uri, new vscode.Range(document.positionAt(middle), document.positionAt(middle + 5)));
        } else {
          edit.insert(document.uri, document.positionAt(document.getText().length), `\n\n“Point ${i},” said Anna Smith. Mr Jones${i} replied: “No ${i}.”`);
        }
        assert.ok(await vscode.workspace.applyEdit(edit), `edit ${i} applied`);
      }
      await adding;
      await api.manager.whenIdle();
      assert.ok(document.isDirty, 'the edits stay unsaved');
      const largeEntry = api.manager.entries().find((e) => e.root === large);
      assert.strictEqual(largeEntry?.state, 'ready', `the large corpus loaded: ${largeEntry?.error ?? ''}`);
      assert.strictEqual(largeEntry?.corpus?.articles().length, 1500);

      // What the index holds for the edited file equals a fresh extraction of the editor's final text.
      api.manager.articleForDocument(document);
      const finalText = document.getText();
      const held = (corpus as unknown as { extraction(path: string): ArticleExtraction | undefined }).extraction(rel);
      assert.ok(held, 'the index has the article');
      const fresh = extractArticle(rel, finalText, 'utf-8', corpus.config);
      assert.strictEqual(held.article.text, finalText);
      assert.deepStrictEqual(JSON.parse(JSON.stringify(held)), JSON.parse(JSON.stringify(fresh)));
      for (const m of corpus.mentionsIn(rel)) assert.strictEqual(finalText.slice(m.start, m.end), m.text);
    } finally {
      process.off('unhandledRejection', onRejection);
      await api.manager.removeFolder(large);
    }
    assert.deepStrictEqual(failures.map(String), [], 'unhandled rejections during the edits');
  });
});
