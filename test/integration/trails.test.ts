import * as assert from 'assert';
import { parse } from 'csv-parse/sync';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/editor/features/articlesTree';
import { Commands } from '../../src/editor/ids';
import { extensionApi, hoverMarkdown, openArticle, positionOf, revertAll, sampleCorpus, unescapeMarkdown } from './_helpers';

const FALLON = 'We need to be extremely watchful';

async function hoverAt(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hoverMarkdown(hovers ?? []).map((md) => md.value);
}

async function label(node: TreeNode): Promise<{ label: string; description: string }> {
  const item = await (await extensionApi()).tree.getTreeItem(node);
  const text = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  return { label: text, description: typeof item.description === 'string' ? item.description : '' };
}

describe('quote trails in the editor', () => {
  afterEach(revertAll);

  it('the hover inside the Fallon quote names the other article, its outlet and date, as a link', async () => {
    const { corpus } = await sampleCorpus();
    const document = await openArticle('uk-ends-business-as-usual-with-russia.txt');
    const position = positionOf(document, 'extremely watchful');
    const quote = corpus.quoteAt('uk-ends-business-as-usual-with-russia.txt', document.offsetAt(position));
    assert.ok(quote?.text.startsWith(FALLON), 'the position is inside the Fallon quote');
    const other = corpus.article('uk-and-us-accuse-russia-of-interfering.txt')!;
    const cards = await hoverAt(document, position);
    const card = cards.map(unescapeMarkdown).find((text) => text.includes('Also in'));
    assert.ok(card, `no "Also in" in the hover:\n${cards.join('\n---\n')}`);
    assert.ok(card.includes(`${other.outlet} · ${other.date}`), `the card lacks "${other.outlet} · ${other.date}":\n${card}`);
    assert.ok(card.includes('(whole)'), 'the other article carries it whole');
    assert.ok(card.includes('Michael Fallon'), 'the card names the speaker');
    assert.match(cards.join('\n'), /\]\(command:corpusNavigator\.openMention\?[^)]*uk-and-us-accuse-russia-of-interfering/);
  });

  it('the Articles tree groups by quote: trails carried by two or more articles first', async () => {
    const { api, corpus } = await sampleCorpus();
    const initial = api.tree.grouping;
    try {
      await vscode.commands.executeCommand(Commands.groupByQuote);
      assert.strictEqual(api.tree.grouping, 'quote');
      const top = api.tree.getChildren();
      const trails = corpus.trails();
      assert.ok(trails.length >= 1, 'the sample corpus has a trail');
      const rows = await Promise.all(top.map(label));
      for (let i = 0; i < trails.length; i++) assert.match(rows[i].description, /^\d+ articles/, `row ${i} is a trail: ${JSON.stringify(rows[i])}`);
      const fallonRow = rows.findIndex((row) => row.label.includes(FALLON));
      assert.ok(fallonRow >= 0 && fallonRow < trails.length, `the Fallon trail is among the first rows: ${JSON.stringify(rows)}`);
      assert.match(rows[rows.length - 1].label, /one article only/);
      const articles = await Promise.all(api.tree.getChildren(top[fallonRow]).map(label));
      assert.deepStrictEqual(articles.map((a) => a.label).sort(), ['UK and US accuse Russia of \'interfering in other parts of the globe\'', "UK ends 'business as usual' with Russia over arming Taleban"].sort());
    } finally {
      await api.tree.setGroupBy(initial);
    }
  });

  it('Export as CSV writes quotes.csv, mentions.csv and entities.csv that a CSV parser reads back', async () => {
    const { corpus } = await sampleCorpus();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-csv-command-'));
    try {
      const target = vscode.Uri.file(path.join(folder, 'export'));
      const written = await vscode.commands.executeCommand<vscode.Uri>(Commands.exportCsv, target);
      assert.strictEqual(written?.fsPath, target.fsPath);
      const read = (name: string) => parse(fs.readFileSync(path.join(target.fsPath, name), 'utf8'), { columns: true }) as Record<string, string>[];
      const quotes = read('quotes.csv');
      assert.strictEqual(quotes.length, corpus.quotes().length);
      assert.ok(quotes.some((row) => row.text.includes('\u2019')), 'UTF-8 text (curly apostrophes) reads back');
      const fallon = quotes.filter((row) => row.text.startsWith(FALLON));
      assert.strictEqual(fallon.length, 2);
      assert.strictEqual(fallon[0].trail, fallon[1].trail);
      assert.strictEqual(read('entities.csv').length, corpus.entities().length);
      assert.ok(read('mentions.csv').length > 0);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
