import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ArticlesTreeProvider, TreeNode } from '../../src/editor/features/articlesTree';
import { extensionApi, sampleCorpus, workspaceRoot } from './_helpers';

async function labels(tree: ArticlesTreeProvider, nodes: TreeNode[]): Promise<string[]> {
  return Promise.all(nodes.map(async (n) => {
    const label = (await tree.getTreeItem(n)).label;
    return typeof label === 'string' ? label : (label?.label ?? '');
  }));
}

function articlesUnder(tree: ArticlesTreeProvider, node: TreeNode): TreeNode[] {
  return tree.getChildren(node).flatMap((child) => (child.kind === 'article' ? [child] : articlesUnder(tree, child)));
}

describe('articles tree', () => {
  let initialGrouping: string;
  before(async () => {
    initialGrouping = (await extensionApi()).tree.grouping;
  });
  after(async () => {
    const { tree } = await extensionApi();
    tree.setFilter('');
    await tree.setGroupBy(initialGrouping as 'outlet');
  });

  it('groups by outlet', async () => {
    const { api, corpus } = await sampleCorpus();
    await api.tree.setGroupBy('outlet');
    const top = api.tree.getChildren();
    const outlets = [...new Set(corpus.articles().map((a) => a.outlet ?? 'Unknown outlet'))].sort((a, b) =>
      a === 'Unknown outlet' ? 1 : b === 'Unknown outlet' ? -1 : a.localeCompare(b),
    );
    assert.deepStrictEqual(await labels(api.tree, top), outlets);
    for (const node of top) {
      const label = (await labels(api.tree, [node]))[0];
      const expected = corpus.articles().filter((a) => (a.outlet ?? 'Unknown outlet') === label).map((a) => a.path).sort();
      const got = articlesUnder(api.tree, node).map((n) => (n.kind === 'article' ? n.article.path : '')).sort();
      assert.deepStrictEqual(got, expected, `articles under ${label}`);
    }
  });

  it('groups by date: years, then months, undated last', async () => {
    const { api, corpus } = await sampleCorpus();
    await api.tree.setGroupBy('date');
    const top = api.tree.getChildren();
    const years = [...new Set(corpus.articles().filter((a) => a.date).map((a) => a.date!.slice(0, 4)))].sort().reverse();
    if (corpus.articles().some((a) => !a.date)) years.push('Undated');
    assert.deepStrictEqual(await labels(api.tree, top), years);
    const total = top.flatMap((n) => articlesUnder(api.tree, n)).length;
    assert.strictEqual(total, corpus.articles().length);
    const first = top[0];
    assert.ok(api.tree.getChildren(first).every((n) => n.kind === 'month'), 'a year holds months');
  });

  it('groups by person: people by mention count, their articles, their mentions', async () => {
    const { api, corpus } = await sampleCorpus();
    await api.tree.setGroupBy('person');
    const top = api.tree.getChildren();
    assert.ok(corpus.people().length > 0, 'the core found nobody');
    assert.deepStrictEqual(await labels(api.tree, top), corpus.people().map((p) => p.name));
    const first = top[0];
    assert.ok(first.kind === 'entity');
    const articles = api.tree.getChildren(first);
    assert.deepStrictEqual(
      articles.map((n) => (n.kind === 'article' ? n.article.path : '')).sort(),
      [...new Set(first.entity.mentions.map((m) => m.path))].sort(),
    );
    const mentions = articles.flatMap((a) => api.tree.getChildren(a));
    assert.strictEqual(mentions.length, first.entity.mentions.length);
    const item = await api.tree.getTreeItem(mentions[0]);
    assert.strictEqual(item.command?.command, 'corpusNavigator.openMention');
  });

  it('filters by title or person', async () => {
    const { api, corpus } = await sampleCorpus();
    await api.tree.setGroupBy('outlet');
    const article = corpus.articles()[0];
    const word = (article.title ?? article.path).split(/\s+/).find((w) => w.length > 5) ?? article.path;
    api.tree.setFilter(word);
    const shown = api.tree.getChildren().flatMap((n) => articlesUnder(api.tree, n));
    assert.ok(shown.some((n) => n.kind === 'article' && n.article.path === article.path));
    assert.ok(shown.length <= corpus.articles().length);
    api.tree.setFilter('zzzz-no-such-thing');
    assert.deepStrictEqual(api.tree.getChildren(), []);
    api.tree.setFilter('');
    assert.ok(api.tree.getChildren().length > 0);
  });

  it('updates when a corpus is added and removed', async () => {
    const { api } = await sampleCorpus();
    await api.tree.setGroupBy('outlet');
    const extra = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-nav-extra-'));
    const source = fs.readdirSync(workspaceRoot()).find((f) => f.endsWith('.txt'));
    assert.ok(source);
    fs.copyFileSync(path.join(workspaceRoot(), source), path.join(extra, source));
    try {
      assert.ok(await vscode.commands.executeCommand('corpusNavigator.addCorpus', vscode.Uri.file(extra)));
      const top = api.tree.getChildren();
      assert.deepStrictEqual(top.map((n) => n.kind), ['corpus', 'corpus']);
      const added = top.find((n) => n.entry.root === extra);
      assert.ok(added, 'the new corpus is in the tree');
      assert.strictEqual(articlesUnder(api.tree, added).length, 1);

      assert.ok(await vscode.commands.executeCommand('corpusNavigator.removeCorpus', extra));
      assert.ok(api.tree.getChildren().every((n) => n.kind !== 'corpus'), 'back to a single corpus');
      assert.ok(!api.manager.entries().some((e) => e.root === extra));
    } finally {
      await api.manager.removeFolder(extra);
      fs.rmSync(extra, { recursive: true, force: true });
    }
  });
});
