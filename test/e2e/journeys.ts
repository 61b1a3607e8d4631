// The six journeys of a person using Corpus Navigator in VS Code (issue 8), asserting on what is on screen.
// Expectations are derived from the corpus files on disk (which files hold a name, how many articles there
// are), never from a list of the sample corpus' results.
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { TIMEOUT_MS, Workbench, clipAround, expect, waitFor, type Screenshots } from './workbench';
import { realCorpusTree } from './realCorpusJourney';
import type { ArchiveFixture } from './journeyArchive';

export interface JourneyContext {
  page: Page;
  wb: Workbench;
  shots: Screenshots;
  /** The folder the workbench has open (a copy of corpus/, or an empty folder). */
  folder: string;
  /** The PostgreSQL archive of corpus/, for the journeys on folder 'archive'. */
  archive?: ArchiveFixture;
}

export interface Journey {
  id: string;
  title: string;
  /** 'archive': an empty folder, with the archive of corpus/ in the user settings. */
  folder: 'corpus' | 'empty' | 'bbc' | 'archive';
  run(ctx: JourneyContext): Promise<void>;
}

const VIEW_CONTAINER = 'Corpus Navigator';
const SEARCH_QUOTES = 'Corpus Navigator: Search Quotes';
const ARTICLE_EXTENSIONS = new Set(['.txt', '.md']);

// ---------------------------------------------------------------------------------------------------------------
// The corpus on disk

function articleFiles(folder: string): string[] {
  return fs
    .readdirSync(folder)
    .filter((name) => ARTICLE_EXTENSIONS.has(path.extname(name).toLowerCase()))
    .sort();
}

function readArticle(folder: string, name: string): string {
  return fs.readFileSync(path.join(folder, name), 'utf8');
}

function wordPattern(word: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
}

function countWord(text: string, word: string): number {
  return [...text.matchAll(wordPattern(word))].length;
}

/** The first occurrence of `word` in a file, as VS Code numbers lines and columns (1-based, UTF-16). */
function firstPosition(text: string, word: string): { line: number; column: number } {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const match = wordPattern(word).exec(lines[i]);
    if (match) return { line: i + 1, column: match.index + 1 };
  }
  throw new Error(`"${word}" not in the text`);
}

export function filesContaining(folder: string, word: string): string[] {
  return articleFiles(folder).filter((name) => countWord(readArticle(folder, name), word) > 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Shared steps

export async function showArticlesView(wb: Workbench): Promise<void> {
  await wb.openViewContainer(VIEW_CONTAINER);
  // Indexing shows a status row first; the journeys start from the indexed corpus.
  await waitFor(
    () => wb.treeItems(),
    (rows) => rows.length > 0 && rows.every((r) => !/^Indexing/.test(r.label)),
    (rows) => `the Articles tree did not finish indexing: ${JSON.stringify(rows)}`,
    60_000,
  );
}

/** Picks a grouping with the view's "Group Articles By…" title-bar button. */
export async function groupBy(wb: Workbench, choice: 'By Outlet' | 'By Date' | 'By Person' | 'By Organisation' | 'By Place'): Promise<void> {
  await wb.viewAction('Group Articles By…');
  const row = wb.quickInputRows().filter({ has: wb.page.locator('.label-name', { hasText: choice }) }).first();
  await row.click({ timeout: TIMEOUT_MS });
  await wb.quickInput.waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
}

type TreeRow = Awaited<ReturnType<Workbench['treeItems']>>[number];

/**
 * Groups the tree by an entity type and checks it: entities by mention count, collapsed; the first one expanded
 * lists articles whose mention counts add up to its own.
 */
async function entityGrouping(wb: Workbench, choice: 'By Person' | 'By Organisation' | 'By Place'): Promise<{ first: TreeRow; articles: TreeRow[] }> {
  const what = choice.toLowerCase();
  await groupBy(wb, choice);
  const rows = await waitFor(
    () => wb.treeItems(),
    (items) => items.length > 0 && items.every((r) => r.level === 1 && r.expanded === false && /^\d+$/.test(r.description)),
    (items) => `${what}: expected collapsed rows with mention counts, saw ${JSON.stringify(items?.slice(0, 5))}`,
  );
  const counts = rows.map((r) => Number(r.description));
  expect(counts.every((n, i) => i === 0 || counts[i - 1] >= n), `${what}: not ordered by mention count: ${counts.join(', ')}`);
  const first = rows[0];
  await wb.expandTreeRow(first.label);
  const articles = await waitFor(
    async () => (await wb.treeItems()).filter((r) => r.level === 2),
    (items) => items.length > 0,
    () => `${what}: ${first.label} has no articles`,
  );
  const total = articles.reduce((sum, r) => sum + Number(/^(\d+) mentions?$/.exec(r.description)?.[1] ?? NaN), 0);
  expect(total === Number(first.description), `${what}: ${first.label}'s articles list ${total} mentions, its row says ${first.description}`);
  return { first, articles };
}

async function openArticleAt(wb: Workbench, name: string, position: { line: number; column: number }): Promise<void> {
  await wb.openFile(name);
  await wb.goTo(position.line, position.column);
}

export function viewport(page: Page): { width: number; height: number } {
  return page.viewportSize() ?? { width: 1280, height: 800 };
}

function personHover(page: Page): Locator {
  return page.locator('.monaco-hover:visible').filter({ hasText: /\d+ mentions? in \d+ articles?/ }).first();
}

async function hoverWord(wb: Workbench, line: number, word: string): Promise<Locator> {
  const target = await wb.wordOnLine(line, word);
  // Move off and back on so the hover is requested for this word even if the mouse was already there.
  await wb.page.mouse.move(target.x, target.y + 200);
  await wb.page.mouse.move(target.x, target.y, { steps: 4 });
  const card = personHover(wb.page);
  await card.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  return card;
}

/**
 * Opens the first corpus file that mentions `name` at its first occurrence and hovers it; the name must
 * appear in at least two files (the journeys follow it into another article).
 */
export async function hoverNameInCorpus(wb: Workbench, folder: string, name: string): Promise<{ files: string[]; current: string; card: Locator }> {
  const files = filesContaining(folder, name);
  expect(files.length >= 2, `precondition: "${name}" should appear in at least two corpus files, found ${files.join(', ')}`);
  const current = files[0];
  const position = firstPosition(readArticle(folder, current), name);
  await openArticleAt(wb, current, position);
  return { files, current, card: await hoverWord(wb, position.line, name) };
}

export function parseCounts(cardText: string): { mentions: number; articles: number } {
  const match = /(\d+) mentions? in (\d+) articles?/.exec(cardText);
  expect(match, `the card does not say "N mentions in M articles": ${cardText}`);
  return { mentions: Number(match[1]), articles: Number(match[2]) };
}

// ---------------------------------------------------------------------------------------------------------------
// 1. The Articles tree

const articlesTree: Journey = {
  id: '1-tree',
  title: 'open the Corpus view; group by outlet, date, person; expand; click an article: it opens',
  folder: 'corpus',
  async run({ wb, shots, folder }) {
    const articleCount = articleFiles(folder).length;
    await showArticlesView(wb);

    await groupBy(wb, 'By Outlet');
    const outlets = await waitFor(
      () => wb.treeItems(),
      (rows) => rows.length > 0 && rows.every((r) => r.level === 1 && /^\d+$/.test(r.description)),
      (rows) => `by outlet: expected outlet rows with article counts, saw ${JSON.stringify(rows)}`,
    );
    const outletTotal = outlets.reduce((sum, r) => sum + Number(r.description), 0);
    expect(outletTotal === articleCount, `by outlet: the outlets' counts add up to ${outletTotal}, the folder holds ${articleCount} articles`);
    await shots.take(wb.page, '1-tree-by-outlet');

    await groupBy(wb, 'By Date');
    const years = await waitFor(
      () => wb.treeItems(),
      (rows) => rows.length > 0 && rows.every((r) => /^(\d{4}|Undated)$/.test(r.label)),
      (rows) => `by date: expected year rows, saw ${JSON.stringify(rows?.map((r) => r.label))}`,
    );
    const yearTotal = years.reduce((sum, r) => sum + Number(r.description), 0);
    expect(yearTotal === articleCount, `by date: the years' counts add up to ${yearTotal}, not ${articleCount}`);
    const dated = years.filter((r) => r.label !== 'Undated').map((r) => r.label);
    expect(
      dated.every((y, i) => i === 0 || dated[i - 1] >= y) || dated.every((y, i) => i === 0 || dated[i - 1] <= y),
      `by date: the years are not in order: ${dated.join(', ')}`,
    );

    // Expand the first year, then its first month: the month's articles show.
    const year = years[0].label;
    await wb.expandTreeRow(year);
    const months = await waitFor(
      () => wb.treeItems(),
      (rows) => rows.some((r) => r.level === 2),
      () => `by date: expanding ${year} showed no months`,
    );
    const month = months.find((r) => r.level === 2)!;
    expect(/^[A-Z][a-z]+$/.test(month.label), `by date: "${month.label}" under ${year} is not a month name`);
    await wb.expandTreeRow(month.label);
    await waitFor(
      () => wb.treeItems(),
      (rows) => rows.some((r) => r.level === 3),
      () => `by date: expanding ${month.label} ${year} showed no articles`,
    );

    // Click the article: its file opens (the row's tooltip, read by screen readers too, names the file).
    const articleRow = wb.treeRows().and(wb.page.locator('[aria-level="3"]')).first();
    const articleTitle = ((await articleRow.locator('.label-name').textContent()) ?? '').trim();
    const tooltip = (await articleRow.getAttribute('aria-label')) ?? '';
    const fileName = articleFiles(folder).find((name) => tooltip.includes(name));
    expect(fileName, `the article row "${articleTitle}" names none of the corpus files: ${tooltip}`);
    await articleRow.click();
    await wb.waitForActiveTab(fileName);
    await shots.take(wb.page, '1-tree-by-date-article-opened');

    // By person: people by mention count; a person's articles; a mention opens with the name selected.
    await wb.resizeSideBar(480);
    const { first: person, articles: personArticles } = await entityGrouping(wb, 'By Person');
    await wb.expandTreeRow(personArticles[0].label);
    const mentionRow = wb.treeRows().and(wb.page.locator('[aria-level="3"]')).first();
    await mentionRow.waitFor({ timeout: TIMEOUT_MS });
    // The README's tree picture: the side bar and the start of the editor.
    await shots.take(wb.page, '1-tree-by-person', { x: 0, y: 0, width: 880, height: 800 });
    await mentionRow.click();
    const selected = await wb.selectedText();
    const nameWords = person.label.split(/\s+/);
    expect(
      selected.split(/\s+/).some((w) => nameWords.includes(w)),
      `clicking a mention of ${person.label} selected "${selected}"`,
    );
  },
};

// ---------------------------------------------------------------------------------------------------------------
// 2. Hover cards

const hoverCard: Journey = {
  id: '2-hover',
  title: 'hover "Fallon": the card lists mentions in other articles; a link opens that mention selected',
  folder: 'corpus',
  async run({ wb, shots, folder }) {
    const name = 'Fallon';
    const { files, current, card } = await hoverNameInCorpus(wb, folder, name);
    const cardText = (await card.textContent()) ?? '';
    expect(cardText.includes(name), `the hover card does not name ${name}: ${cardText}`);
    const { articles } = parseCounts(cardText);
    expect(articles === files.length, `the card says ${articles} articles; ${files.length} files mention ${name}`);

    // Each listed mention: "snippet with the name in bold — title · outlet · date" (or "this article"); the
    // mentions are the list after the card's rule (quotes come before it).
    const mentionItems = card.locator('hr ~ ul li');
    const items = await mentionItems.evaluateAll((lis) =>
      lis.map((li) => ({ text: (li.textContent ?? '').trim(), bold: (li.querySelector('strong')?.textContent ?? '').trim() })),
    );
    const elsewhere = items.filter((item) => !item.text.endsWith('this article'));
    const otherArticles = new Set(elsewhere.map((item) => item.text.split(' — ').pop()));
    expect(
      otherArticles.size >= files.length - 1,
      `the card lists mentions in ${otherArticles.size} other articles, ${files.length - 1} other files mention ${name}: ${JSON.stringify(items)}`,
    );
    expect(elsewhere.every((item) => item.bold.length > 0), `a listed mention has no name in bold: ${JSON.stringify(elsewhere)}`);
    await shots.take(wb.page, '2-hover-card', clipAround([await card.boundingBox()], 32, viewport(wb.page)));

    // Follow the first mention in another article.
    const index = items.findIndex((item) => !item.text.endsWith('this article'));
    const expected = items[index];
    await mentionItems.nth(index).locator('a').first().click();
    await waitFor(
      () => wb.activeFileName(),
      (file) => file !== current,
      (file) => `following a mention from the card left ${file} active`,
    );
    const opened = await wb.activeFileName();
    expect(files.includes(opened), `the card's link opened ${opened}, which does not mention ${name}`);
    const selected = await wb.selectedText();
    expect(selected === expected.bold, `the opened mention selected "${selected}", the card showed "${expected.bold}"`);
    await shots.take(wb.page, '2-hover-mention-opened');
  },
};

// ---------------------------------------------------------------------------------------------------------------
// 3. Go to References

const references: Journey = {
  id: '3-references',
  title: 'Go to References on a name: the peek lists every mention',
  folder: 'corpus',
  async run({ wb, page, shots, folder }) {
    const name = 'Mattis';
    // The hover's count is what the peek must list in full.
    const { files, card } = await hoverNameInCorpus(wb, folder, name);
    const { mentions, articles } = parseCounts((await card.textContent()) ?? '');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
    await page.mouse.move(5, 400);

    await page.keyboard.press('Shift+F12');
    const peek = page.locator('.peekview-widget').first();
    await peek.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    const total = await waitFor(
      async () => Number(/References \((\d+)\)/.exec((await peek.locator('.peekview-title').textContent()) ?? '')?.[1] ?? NaN),
      (n) => n > 0,
      () => 'the references peek shows no "References (N)" title',
    );
    const peekBox = await peek.boundingBox();
    const above = peekBox && { x: peekBox.x, y: peekBox.y - 80, width: peekBox.width, height: 80 };
    await shots.take(page, '3-references-peek', clipAround([peekBox, above], 0, viewport(page)));

    // Collapse the expanded file so every file row is rendered, then read "N symbols in FILE" per file.
    const expandedFile = peek.locator('.monaco-list-row[aria-expanded="true"] .monaco-tl-twistie');
    while ((await expandedFile.count()) > 0) await expandedFile.first().click();
    const perFile = await waitFor(
      () =>
        peek.locator('.monaco-list-row[aria-expanded]').evaluateAll((rows) =>
          rows.map((row) => {
            const match = /^(\d+) symbols? in (.+?), full path/.exec(row.getAttribute('aria-label') ?? '');
            return { file: match?.[2] ?? '', count: Number(match?.[1] ?? NaN) };
          }),
        ),
      (rows) => rows.length === articles,
      (rows) => `the peek lists ${rows?.length} files, the hover card says ${articles} articles`,
    );
    const listed = perFile.reduce((sum, r) => sum + r.count, 0);
    expect(listed === total, `the peek's files hold ${listed} references, its title says ${total}`);
    expect(total === mentions, `the peek lists ${total} references, the hover card says ${mentions} mentions`);
    for (const file of files) {
      const onDisk = countWord(readArticle(folder, file), name);
      const row = perFile.find((r) => r.file === file);
      expect(row, `the peek does not list ${file}, which mentions ${name} ${onDisk} times`);
      expect(row.count >= onDisk, `the peek lists ${row.count} references in ${file}, "${name}" occurs ${onDisk} times there`);
    }
    await page.keyboard.press('Escape');
    await peek.waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
  },
};

// ---------------------------------------------------------------------------------------------------------------
// 4. Fuzzy quote search

const quoteSearch: Journey = {
  id: '4-quote-search',
  title: 'Search Quotes with a misspelled fragment: the right quote is first; Enter opens it selected',
  folder: 'corpus',
  async run({ wb, page, shots, folder }) {
    const typed = 'persistnt patern of Russian interfrence';
    const meant = 'persistent pattern of Russian interference';
    const holding = articleFiles(folder).filter((name) => readArticle(folder, name).includes(meant));
    expect(holding.length > 0, `precondition: no corpus file contains "${meant}"`);

    await wb.runCommand(SEARCH_QUOTES);
    await wb.quickInput.locator('.quick-input-title', { hasText: 'Search Quotes' }).waitFor({ timeout: TIMEOUT_MS });
    await wb.typeInQuickInput(typed);
    const labels = await waitFor(
      () => wb.quickInputLabels(),
      (rows) => rows.length > 0 && rows[0].includes(meant),
      (rows) => `Search Quotes "${typed}": the first result is ${JSON.stringify(rows?.[0])}, expected a quote with "${meant}"`,
    );
    const firstRow = wb.quickInputRows().first();
    const speaker = ((await firstRow.locator('.label-description').textContent()) ?? '').trim();
    expect(speaker.length > 0, `the first quote shows no speaker: ${labels[0]}`);
    await shots.take(page, '4-quote-search', clipAround([await wb.quickInput.boundingBox()], 24, viewport(page)));

    await wb.acceptQuickInput();
    await wb.quickInput.waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
    await waitFor(
      () => wb.activeFileName(),
      (file) => holding.includes(file),
      (file) => `accepting the quote opened ${file}, not one of ${holding.join(', ')}`,
    );
    const selected = await wb.selectedText();
    const shown = labels[0].replace(/^“|”$/g, '').replace(/^…|…$/g, '');
    expect(selected.includes(meant), `the opened quote selected "${selected}", expected it to hold "${meant}"`);
    expect(selected.includes(shown) || shown.includes(selected), `the selection "${selected}" is not the quote shown: ${labels[0]}`);
    await shots.take(page, '4-quote-opened');
  },
};

// ---------------------------------------------------------------------------------------------------------------
// 5. Quote highlighting

/** A line with a “double-quoted” passage and a plain lowercase word just before it. */
function findQuotedLine(folder: string): { file: string; line: number; column: number; plain: string; quoted: string } {
  for (const file of articleFiles(folder)) {
    const lines = readArticle(folder, file).split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      const match = /(?<![\p{L}\p{N}])([a-z]{3,})\s+“([^”]{10,})”/u.exec(lines[i]);
      const quoted = match ? /(?<![\p{L}\p{N}’'])[a-z]{3,}(?![\p{L}\p{N}’'])/u.exec(match[2]) : null;
      if (match && quoted) return { file, line: i + 1, column: match.index + 1, plain: match[1], quoted: quoted[0] };
    }
  }
  throw new Error('precondition: no corpus line has a plain word followed by a “quotation”');
}

const quoteHighlighting: Journey = {
  id: '5-highlighting',
  title: 'quotes are visibly highlighted: a quoted word renders in another token class and colour',
  folder: 'corpus',
  async run({ wb, page, shots, folder }) {
    const sample = findQuotedLine(folder);
    await openArticleAt(wb, sample.file, { line: sample.line, column: sample.column });
    await waitFor(
      async () => ((await page.locator('[id="status.editor.mode"]').textContent()) ?? '').trim(),
      (mode) => mode === 'News Article',
      (mode) => `the article's language mode is "${mode}", expected News Article`,
    );
    // Tokenization catches up after the language switch: wait until the two words render differently.
    const [plain, quoted] = await waitFor(
      () => Promise.all([wb.wordOnLine(sample.line, sample.plain), wb.wordOnLine(sample.line, sample.quoted)]),
      ([p, q]) => p.className !== q.className,
      (words) => `"${sample.quoted}" (quoted) and "${sample.plain}" (plain) on line ${sample.line} of ${sample.file} render alike: ${JSON.stringify(words)}`,
    );
    expect(quoted.color !== plain.color, `quoted "${sample.quoted}" and plain "${sample.plain}" share the colour ${plain.color}`);
    await page.mouse.move(5, 400);
    const editorBox = await page.locator('.editor-group-container.active .monaco-editor').first().boundingBox();
    const band = editorBox && { x: editorBox.x, y: quoted.y - 140, width: editorBox.width, height: 280 };
    await shots.take(page, '5-quote-highlighting', clipAround([band], 0, viewport(page)));
  },
};

// ---------------------------------------------------------------------------------------------------------------
// 6. Status bar counts, and the welcome view without a corpus

const statusBar: Journey = {
  id: '6a-status-bar',
  title: 'the status bar shows "N articles · M people" matching the folder and the tree',
  folder: 'corpus',
  async run({ wb, page, shots, folder }) {
    const item = wb.statusBarItem(/\d+ articles? · \d+ (people|person)/);
    await item.waitFor({ state: 'visible', timeout: 60_000 });
    const text = ((await item.textContent()) ?? '').trim();
    const [, articles, people] = /(\d+) articles? · (\d+)/.exec(text)!;
    const onDisk = articleFiles(folder).length;
    expect(Number(articles) === onDisk, `the status bar says "${text}", the folder holds ${onDisk} articles`);

    // The people count is the number of people the tree lists by person (all collapsed).
    await showArticlesView(wb);
    await groupBy(wb, 'By Person');
    await wb.viewAction('Collapse All');
    const rows = await waitFor(
      () => wb.treeRowCount(),
      (n) => n === Number(people),
      (n) => `the tree lists ${n} people by person, the status bar says "${text}"`,
    );
    expect(rows > 0, 'no people in the corpus');
    await shots.take(page, '6-status-bar');

    // Clicking the item opens quote search.
    await item.click();
    await wb.quickInput.locator('.quick-input-title', { hasText: 'Search Quotes' }).waitFor({ timeout: TIMEOUT_MS });
    await page.keyboard.press('Escape');
  },
};

const welcomeView: Journey = {
  id: '6b-welcome',
  title: 'with no corpus, the view shows the welcome message with a button to add one',
  folder: 'empty',
  async run({ wb, page, shots }) {
    await wb.openViewContainer(VIEW_CONTAINER);
    const welcome = wb.sideBar().locator('.welcome-view-content');
    await welcome.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    const text = (await welcome.textContent()) ?? '';
    expect(/no corpus/i.test(text), `the welcome view says: ${text}`);
    const button = welcome.locator('.monaco-button', { hasText: 'Add Folder as Corpus' });
    expect((await button.count()) === 1, `the welcome view has no "Add Folder as Corpus" button: ${text}`);
    expect((await wb.statusBarItem(/articles? ·/).count()) === 0, 'the status bar shows corpus counts with no corpus');
    await shots.take(page, '6-welcome-no-corpus');
  },
};

// ---------------------------------------------------------------------------------------------------------------
// 7. Organisations and places

const entities: Journey = {
  id: '7-entities',
  title: 'hover an organisation: an Organisation card; group the tree by place: places with their articles',
  folder: 'corpus',
  async run({ wb, shots, folder }) {
    // "Nato" (any case) is in several files: its card names the type and counts the files.
    const spelling = ['Nato', 'NATO'].find((word) => filesContaining(folder, word).length > 0);
    expect(spelling, 'precondition: the corpus mentions Nato');
    const files = articleFiles(folder).filter((name) => /\bN(ato|ATO)\b/.test(readArticle(folder, name)));
    const position = firstPosition(readArticle(folder, files[0]), spelling);
    await openArticleAt(wb, files[0], position);
    const card = await hoverWord(wb, position.line, spelling);
    const cardText = (await card.textContent()) ?? '';
    expect(/Organisation/.test(cardText), `the card on ${spelling} does not say Organisation: ${cardText}`);
    const { articles } = parseCounts(cardText);
    expect(articles === files.length, `the card says ${articles} articles; ${files.length} files mention Nato or NATO`);
    await shots.take(wb.page, '7-entities-organisation-card', clipAround([await card.boundingBox()], 32, viewport(wb.page)));
    await wb.page.keyboard.press('Escape');

    // By place: places by mention count; the first place's articles add up to its count.
    await showArticlesView(wb);
    await wb.resizeSideBar(480);
    await entityGrouping(wb, 'By Place');
    await shots.take(wb.page, '7-entities-tree-by-place', { x: 0, y: 0, width: 880, height: 800 });
  },
};

// 8. Timeline

export const JOURNEYS: readonly Journey[] = [articlesTree, hoverCard, references, quoteSearch, quoteHighlighting, statusBar, welcomeView, entities, realCorpusTree];
