// A real corpus nobody tuned for (the BBC development corpus, when it is on the machine): the Articles tree
// by outlet lists articles by their headlines, and by person lists people by mention count.
import * as fs from 'fs';
import * as path from 'path';
import { groupBy, showArticlesView, type Journey } from './journeys';
import { expect, waitFor } from './workbench';

function articleFiles(folder: string): string[] {
  return fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.txt'));
}

export const realCorpusTree: Journey = {
  id: '8-real-corpus-tree',
  title: 'a real corpus of unrelated stories: articles by outlet show their headlines; people by mention count',
  folder: 'bbc',
  async run({ wb, shots, folder }) {
    const files = articleFiles(folder);
    const headlines = new Set(files.map((name) => fs.readFileSync(path.join(folder, name), 'utf8').split('\n', 1)[0].trim()));
    await showArticlesView(wb);
    await wb.resizeSideBar(480);

    await groupBy(wb, 'By Outlet');
    const outlets = await waitFor(
      () => wb.treeItems(),
      (rows) => rows.length > 0 && rows.every((r) => r.level === 1 && /^\d+$/.test(r.description)),
      (rows) => `by outlet: expected outlet rows with article counts, saw ${JSON.stringify(rows)}`,
    );
    const total = outlets.reduce((sum, r) => sum + Number(r.description), 0);
    expect(total === files.length, `by outlet: the outlets' counts add up to ${total}, the folder holds ${files.length} articles`);
    await wb.expandTreeRow(outlets[0].label);
    const articles = await waitFor(
      async () => (await wb.treeItems()).filter((r) => r.level === 2),
      (rows) => rows.length >= 5,
      () => `by outlet: ${outlets[0].label} shows no articles`,
    );
    const titled = articles.filter((r) => headlines.has(r.label));
    expect(titled.length === articles.length, `by outlet: rows that are not a headline: ${articles.filter((r) => !headlines.has(r.label)).map((r) => r.label).slice(0, 5).join(' | ')}`);
    await shots.take(wb.page, '8-real-corpus-by-outlet', { x: 0, y: 0, width: 880, height: 800 });

    await groupBy(wb, 'By Person');
    const people = await waitFor(
      () => wb.treeItems(),
      (rows) => rows.length > 0 && rows.every((r) => r.level === 1 && /^\d+$/.test(r.description)),
      (rows) => `by person: expected people with mention counts, saw ${JSON.stringify(rows?.slice(0, 5))}`,
    );
    const counts = people.map((r) => Number(r.description));
    expect(counts.every((n, i) => i === 0 || counts[i - 1] >= n), `by person: not ordered by mention count: ${counts.join(', ')}`);
    await wb.expandTreeRow(people[0].label);
    await waitFor(
      async () => (await wb.treeItems()).filter((r) => r.level === 2),
      (rows) => rows.length > 0 && rows.every((r) => headlines.has(r.label)),
      (rows) => `by person: ${people[0].label}'s articles are not listed by headline: ${JSON.stringify(rows?.slice(0, 3))}`,
    );
    await shots.take(wb.page, '8-real-corpus-by-person', { x: 0, y: 0, width: 880, height: 800 });
  },
};
