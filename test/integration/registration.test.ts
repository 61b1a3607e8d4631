import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { eventually, extensionApi, openArticle, revertAll, sampleCorpus, workspaceRoot } from './_helpers';

describe('corpus registration', () => {
  afterEach(revertAll);

  it('finds the workspace corpus by its corpus.yaml and indexes it', async () => {
    const { api, corpus } = await sampleCorpus();
    const entry = api.manager.entries().find((e) => e.root === workspaceRoot());
    assert.ok(entry);
    assert.strictEqual(entry.source, 'detected');
    assert.strictEqual(entry.state, 'ready');
    assert.ok(corpus.articles().length > 0);
    console.log(`  activate() took ${api.activationMs.toFixed(1)} ms; indexing took ${entry.loadMs} ms`);
  });

  it('removes the corpus (the tree empties for the welcome view) and adds it back', async () => {
    const { api } = await sampleCorpus();
    const root = workspaceRoot();
    try {
      assert.ok(await vscode.commands.executeCommand('corpusNavigator.removeCorpus', root));
      assert.strictEqual(api.manager.entries().length, 0);
      assert.deepStrictEqual(api.tree.getChildren(), []);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        vscode.Uri.file(path.join(root, 'uk-and-us-accuse-russia-of-interfering.txt')),
        new vscode.Position(0, 1),
      );
      assert.deepStrictEqual(hovers, []);
    } finally {
      assert.ok(await vscode.commands.executeCommand('corpusNavigator.addCorpus', vscode.Uri.file(root)));
    }
    await api.manager.whenReady();
    assert.ok(api.manager.corpora().some((c) => c.root === root));
    assert.ok(api.tree.getChildren().length > 0);
  });

  it('gives .txt articles the news-article language', async () => {
    await extensionApi();
    const document = await openArticle('uk-government-secret-move-russia.txt');
    await eventually(
      () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === document.uri.toString())?.languageId === 'news-article',
      5000,
      'the news-article language',
    );
  });

  it('re-indexes a file created on disk, one file at a time', async () => {
    const { api, corpus } = await sampleCorpus();
    const source = vscode.Uri.file(path.join(workspaceRoot(), 'uk-ends-business-as-usual-with-russia.txt'));
    const copy = vscode.Uri.file(path.join(workspaceRoot(), 'sub', 'copy-of-article.txt'));
    const before = corpus.articles().length;
    await vscode.workspace.fs.copy(source, copy);
    try {
      await eventually(() => api.manager.corpora()[0]?.article('sub/copy-of-article.txt'), 10000, 'the created article');
      assert.strictEqual(api.manager.corpora()[0].articles().length, before + 1);
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.file(path.join(workspaceRoot(), 'sub')), { recursive: true });
    }
    await eventually(() => api.manager.corpora()[0]?.articles().length === before, 10000, 'the deleted article gone');
  });
});
