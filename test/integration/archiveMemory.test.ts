// The extension host's memory while it reads a big archive (not part of the ordinary run: it needs one).
// CORPUS_NAV_TEST_BIG_ARCHIVE holds its connection as JSON (host, port, database, user); open an empty
// workspace (CORPUS_NAV_TEST_WORKSPACE) so no local corpus shares the heap. The workload opens articles from
// the tree's pages, hovers every mention in them, asks references and searches quotes, as a user would; a
// second round on other articles shows whether what the host holds keeps growing with use.
import * as assert from 'assert';
import * as v8 from 'v8';
import * as vm from 'vm';
import * as vscode from 'vscode';
import { extensionApi } from './_helpers';
import type { ArchiveNode } from '../../src/editor/archive/tree';
import type { CorpusNavigatorApi } from '../../src/editor/extension';

const MB = 2 ** 20;
const ARTICLES = 60;
const ROUNDS = 2;
const QUERIES = ['government said', 'minister warned', 'we will not', 'the people of', 'economy growth'];

/** A full collection first (the figures are then what is held, not what waits for the collector). */
function memory(): string {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  return `rss ${(rss / MB).toFixed(0)} MB, heap ${(heapUsed / MB).toFixed(0)} MB (of ${(heapTotal / MB).toFixed(0)} MB reserved), external ${(external / MB).toFixed(0)} MB`;
}

/** Opens each article, hovers its first 30 mentions and lists the references of its first one. */
async function useArticles(api: CorpusNavigatorApi, paths: string[]): Promise<{ hovers: number; hoverMs: number[]; references: number }> {
  const hoverMs: number[] = [];
  let references = 0;
  for (const path of paths) {
    const editor = await api.archive.documents.open(path, undefined);
    assert.ok(editor);
    const mentions = (await api.archive.language.mentionsIn(path)) ?? [];
    for (const mention of mentions.slice(0, 30)) {
      const began = performance.now();
      await vscode.commands.executeCommand('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(mention.start));
      hoverMs.push(performance.now() - began);
    }
    if (mentions[0]) {
      references += (await api.archive.language.references({ path, start: mentions[0].start, end: mentions[0].end }))?.length ?? 0;
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
  return { hovers: hoverMs.length, hoverMs, references };
}

describe('archive memory (big archive)', function () {
  this.timeout(15 * 60_000);

  it('keeps the extension host small while it reads a big archive', async function () {
    const json = process.env.CORPUS_NAV_TEST_BIG_ARCHIVE;
    if (!json) this.skip();
    const api = await extensionApi();
    console.log(`  before connecting: ${memory()}`);
    await vscode.workspace.getConfiguration('corpusNavigator').update('archives', [{ name: 'big', ...JSON.parse(json!), folder: 'no-such-folder' }], vscode.ConfigurationTarget.Global);
    try {
      assert.ok(await vscode.commands.executeCommand('corpusNavigator.archive.connect', 'big'), api.archive.session.error);
      console.log(`  connected to ${api.archive.session.summary?.articles} articles: ${memory()}`);
      const { tree, search } = api.archive;
      const outlets = await tree.getChildren((await tree.getChildren())[0]);
      const articles: string[] = [];
      for (const outlet of outlets) {
        for (const node of await tree.getChildren(outlet)) if (node.kind === 'article') articles.push(node.article.path);
      }
      const people = await tree.getChildren((await tree.getChildren())[1]);
      for (const person of people.slice(0, 10)) await tree.getChildren(person as ArchiveNode);
      const step = Math.max(1, Math.floor(articles.length / ARTICLES));
      for (let round = 0; round < ROUNDS; round++) {
        const picked = articles.filter((_, i) => i % step === round % step).slice(0, ARTICLES);
        const started = Date.now();
        const { hovers, hoverMs, references } = await useArticles(api, picked);
        for (const query of QUERIES) await search.quotes(query);
        hoverMs.sort((x, y) => x - y);
        const percentile = (p: number) => hoverMs[Math.min(hoverMs.length - 1, Math.floor(p * hoverMs.length))].toFixed(1);
        console.log(`  round ${round + 1}: hover through vscode.executeHoverProvider: p50 ${percentile(0.5)} ms, p95 ${percentile(0.95)} ms`);
        console.log(`  round ${round + 1}: after ${hovers} hovers, ${references} reference locations, ${QUERIES.length} quote searches, ${articles.length} tree rows in ${((Date.now() - started) / 1000).toFixed(0)} s: ${memory()}`);
      }
    } finally {
      await api.archive.session.disconnect();
      await vscode.workspace.getConfiguration('corpusNavigator').update('archives', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
