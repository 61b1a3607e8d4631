// The shared archive as a person uses it: an empty folder, the archive listed in the user settings, Connect to
// Archive… from the command palette (the password typed once), Search Archive Quotes with a misspelled
// fragment, the article opened read-only from the database with the quote selected, a hover card, the Archive
// view a page at a time; then the server goes down (a message with Retry, the status bar item in its error
// state) and comes back (Retry: connected, the card again). Every expectation is queried from the archive.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import pg from 'pg';
import type { Locator } from 'playwright-core';
import { startTestArchive, type TestArchive } from '../support/testArchive';
import { barCounts } from './journeyTimeline';
import { viewport, type Journey } from './journeys';
import { TIMEOUT_MS, clipAround, expect, waitFor, type Workbench } from './workbench';

// A browser global for the function page.evaluate runs (the project compiles without the DOM library).
declare function getComputedStyle(element: unknown): { opacity: string };

const ARCHIVE_NAME = 'Newsroom';
/** The Archive view's first page of entities (src/editor/archive/tree.ts). */
const ENTITY_PAGE = 50;

export type ArchiveFixture = Awaited<ReturnType<typeof startTestArchive>>;

/** A throwaway cluster with corpus/ indexed into it by the built CLI (built here when the VSIX was given). */
export async function startArchiveFixture(repoRoot: string): Promise<ArchiveFixture> {
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'cli.js'))) {
    const built = spawnSync(process.execPath, ['esbuild.js'], { cwd: repoRoot, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`node esbuild.js failed: ${built.stderr}`);
  }
  return startTestArchive(repoRoot, path.join(repoRoot, 'corpus'));
}

/**
 * Lists the archive in the user settings, as its user would, with the read-only role (which must give a
 * password); returns what puts the settings back.
 */
export function listArchiveInUserSettings(settingsFile: string, archive: TestArchive): () => void {
  const before = fs.readFileSync(settingsFile, 'utf8');
  const settings = JSON.parse(before) as Record<string, unknown>;
  settings['corpusNavigator.archives'] = [{ name: ARCHIVE_NAME, host: archive.host, port: archive.port, database: archive.database, user: archive.reader.user }];
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  return () => fs.writeFileSync(settingsFile, before);
}

interface Expected {
  articles: number;
  outlets: Map<string, number>;
  places: number;
  quote: { path: string; text: string; selected: string };
  speaker: { name: string; line: number; word: string; nth: number; mentions: number; inArticles: number; quotes: number };
}

/** 1-based line and column of a UTF-16 offset, as VS Code shows them. */
function positionOf(text: string, offset: number): { line: number; column: number; lineText: string } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  return { line: text.slice(0, offset).split('\n').length, column: offset - lineStart + 1, lineText: text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd) };
}

/** What the archive holds, read with the owner's role straight from its tables. */
async function readExpected(archive: TestArchive): Promise<Expected> {
  const db = new pg.Client({ host: archive.host, port: archive.port, database: archive.database, user: archive.user });
  await db.connect();
  try {
    const count = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: string }>(sql, params)).rows[0].n);
    // The longest quote whose speaker is a person named in the same article: a distinctive fragment to search for.
    const { rows } = await db.query<{ path: string; article: string; start: number; end: number; text: string; entity: string; name: string; mention_start: number; mention_end: number }>(
      `SELECT a.path, a.text AS article, q.start, q."end", q.text, e.id AS entity, e.name, m.start AS mention_start, m."end" AS mention_end
       FROM quotes q JOIN articles a ON a.id = q.article_id JOIN entities e ON e.id = q.source AND e.type = 'person'
       CROSS JOIN LATERAL (SELECT * FROM mentions m WHERE m.article_id = a.id AND m.entity_id = e.id ORDER BY m.start LIMIT 1) m
       ORDER BY length(q.text) DESC, a.path, q.start LIMIT 1`,
    );
    expect(rows.length === 1, 'precondition: the archive holds no quote by a person named in its article');
    const q = rows[0];
    const mentionText = q.article.slice(q.mention_start, q.mention_end);
    const word = mentionText.split(/\s+/).pop()!;
    const wordStart = q.mention_start + mentionText.lastIndexOf(word);
    const at = positionOf(q.article, wordStart);
    const nth = [...at.lineText.slice(0, at.column - 1).matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu'))].length;
    const outlets = new Map(
      (await db.query<{ outlet: string | null; n: string }>('SELECT outlet, count(*) AS n FROM articles GROUP BY outlet')).rows.map((r) => [r.outlet ?? '(no outlet)', Number(r.n)]),
    );
    return {
      articles: await count('SELECT count(*) AS n FROM articles'),
      outlets,
      places: await count(`SELECT count(*) AS n FROM entities WHERE type = 'place'`),
      quote: { path: q.path, text: q.text, selected: q.article.slice(q.start, q.end) },
      speaker: {
        name: q.name,
        line: at.line,
        word,
        nth,
        mentions: await count('SELECT count(*) AS n FROM mentions WHERE entity_id = $1', [q.entity]),
        inArticles: await count('SELECT count(DISTINCT article_id) AS n FROM mentions WHERE entity_id = $1', [q.entity]),
        quotes: await count('SELECT count(*) AS n FROM quotes WHERE source = $1', [q.entity]),
      },
    };
  } finally {
    await db.end();
  }
}

/**
 * A fragment of the quote as typed in a hurry: five words from its middle, the longer ones each missing a
 * letter.
 */
function misspelledFragment(quote: string): string {
  const words = quote.split(/\s+/);
  for (let i = Math.floor(words.length / 3); i + 5 <= words.length; i++) {
    const run = words.slice(i, i + 5);
    if (!run.every((w) => /^\p{L}{2,}$/u.test(w)) || run.filter((w) => w.length >= 5).length < 2) continue;
    return run.map((w) => (w.length >= 5 ? w.slice(0, -3) + w.slice(-2) : w)).join(' ');
  }
  throw new Error(`precondition: no run of five plain words in the quote “${quote}”`);
}

function archiveStatus(wb: Workbench): Locator {
  return wb.statusBarItem(new RegExp(ARCHIVE_NAME));
}

/** Waits until the archive's status bar item shows `icon` (database: connected; error: failed). */
async function waitForStatus(wb: Workbench, icon: 'database' | 'error'): Promise<Locator> {
  const item = archiveStatus(wb);
  await waitFor(
    async () => ((await item.count()) === 0 ? 'no item' : await item.first().evaluate((el) => el.innerHTML)),
    (html) => html.includes(`codicon-${icon}`),
    (html) => `the status bar's archive item should show the ${icon} icon: ${html}`,
    icon === 'database' ? 60_000 : TIMEOUT_MS,
  );
  return item.first();
}

function card(wb: Workbench): Locator {
  return wb.page.locator('.monaco-hover:visible').filter({ hasText: /of the archive/ }).first();
}

/** Moves the mouse off the speaker's name and back on, so a hover is asked for again. */
async function hoverSpeaker(wb: Workbench, speaker: Expected['speaker']): Promise<void> {
  const target = await wb.wordOnLine(speaker.line, speaker.word, speaker.nth);
  await wb.page.mouse.move(target.x, target.y + 200);
  await wb.page.mouse.move(target.x, target.y, { steps: 4 });
}

async function expectCard(wb: Workbench, speaker: Expected['speaker']): Promise<Locator> {
  const shown = card(wb);
  await shown.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  const text = (await shown.textContent()) ?? '';
  expect(text.includes(speaker.name), `the card on “${speaker.word}” does not name ${speaker.name}: ${text}`);
  const counts = /(\d+) mentions? in (\d+) articles? of the archive(?: · (\d+) quotes?)?/.exec(text);
  expect(counts, `the card does not say “N mentions in M articles of the archive”: ${text}`);
  expect(
    Number(counts[1]) === speaker.mentions && Number(counts[2]) === speaker.inArticles,
    `the card says ${counts[1]} mentions in ${counts[2]} articles; the archive holds ${speaker.mentions} in ${speaker.inArticles}`,
  );
  expect(Number(counts[3] ?? 0) === speaker.quotes, `the card says ${counts[3] ?? 0} quotes; the archive holds ${speaker.quotes} from ${speaker.name}`);
  return shown;
}

/** The rows of the Archive view (the side bar also holds the Articles view). */
function archivePane(wb: Workbench): Locator {
  return wb.sideBar().locator('.pane', { has: wb.page.locator('.pane-header', { hasText: /^Archive/ }) }).first();
}

async function archiveRows(wb: Workbench): Promise<{ label: string; description: string; level: number }[]> {
  return archivePane(wb)
    .locator('.monaco-list-row')
    .evaluateAll((rows) =>
      rows
        .map((row) => ({
          top: parseFloat((row as unknown as { style: { top: string } }).style.top || '0'),
          label: (row.querySelector('.label-name')?.textContent ?? '').trim(),
          description: (row.querySelector('.label-description')?.textContent ?? '').trim(),
          level: Number(row.getAttribute('aria-level') ?? 0),
        }))
        .sort((a, b) => a.top - b.top)
        .map(({ label, description, level }) => ({ label, description, level })),
    );
}

/** Rows of the Archive view's tree in all, rendered or not (the list is virtual: its height over a row's). */
async function archiveRowCount(wb: Workbench): Promise<number> {
  return archivePane(wb)
    .locator('.monaco-list-rows')
    .first()
    .evaluate((rows) => {
      const el = rows as unknown as { style: { height: string }; querySelector(s: string): { getBoundingClientRect(): { height: number } } | null };
      const row = el.querySelector('.monaco-list-row');
      return row ? Math.round(parseFloat(el.style.height) / row.getBoundingClientRect().height) : 0;
    });
}

async function toggleArchiveRow(wb: Workbench, label: string, expanded: boolean): Promise<void> {
  const row = archivePane(wb).locator('.monaco-list-row', { has: wb.page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
  await row.waitFor({ timeout: TIMEOUT_MS });
  if ((await row.getAttribute('aria-expanded')) !== String(expanded)) await row.locator('.monaco-tl-twistie').click();
  await waitFor(
    () => row.getAttribute('aria-expanded'),
    (value) => value === String(expanded),
    () => `the Archive view's row “${label}” did not ${expanded ? 'expand' : 'collapse'}`,
  );
}

export const archiveJourney: Journey = {
  id: '10-archive',
  title: 'an empty folder, a shared archive: connect with a password, search a quote with typos, hover, the Archive view page by page; the server down and back',
  folder: 'archive',
  async run({ wb, page, shots, archive }) {
    expect(archive, 'the archive journey runs only with its cluster');
    const expected = await readExpected(archive.archive);

    // Connect from the command palette; the reader role's password is asked once.
    await wb.runCommand('Corpus Navigator: Connect to Archive…');
    const password = wb.quickInput.locator('input[type="password"]');
    await password.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    await password.pressSequentially(archive.archive.reader.password, { delay: 10 });
    await wb.acceptQuickInput();
    const status = await waitForStatus(wb, 'database');
    // Its tooltip names the connection and counts the archive's articles.
    await status.hover();
    const tooltip = page.locator('.monaco-hover:visible, .workbench-hover:visible', { hasText: 'Click to search its quotes' }).first();
    await tooltip.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    const tip = (await tooltip.textContent()) ?? '';
    expect(tip.includes(`${archive.archive.reader.user}@${archive.archive.host}:${archive.archive.port}/${archive.archive.database}`), `the status bar's tooltip does not name the connection: ${tip}`);
    expect(tip.includes(`${expected.articles} articles`), `the status bar's tooltip does not say ${expected.articles} articles: ${tip}`);
    await page.mouse.move(640, 300);

    // Search Archive Quotes with a misspelled fragment: the quote comes first; Enter opens it selected.
    const typed = misspelledFragment(expected.quote.text);
    await wb.runCommand('Corpus Navigator: Search Archive Quotes');
    await wb.quickInput.locator('.quick-input-title', { hasText: 'Search Archive Quotes' }).waitFor({ timeout: TIMEOUT_MS });
    await wb.typeInQuickInput(typed);
    const opening = expected.quote.text.replace(/\s+/g, ' ').trim().slice(0, 40);
    await waitFor(
      () => wb.quickInputLabels(),
      (rows) => rows.length > 0 && rows[0].startsWith(`“${opening}`),
      (rows) => `Search Archive Quotes “${typed}”: the first result is ${JSON.stringify(rows?.[0])}, expected the quote “${opening}…”`,
    );
    const speakerShown = ((await wb.quickInputRows().first().locator('.label-description').textContent()) ?? '').trim();
    expect(speakerShown === expected.speaker.name, `the quote is shown as said by “${speakerShown}”, the archive says ${expected.speaker.name}`);
    await shots.take(page, '10-archive-search', clipAround([await wb.quickInput.boundingBox()], 24, viewport(page)));
    await wb.acceptQuickInput();
    await wb.quickInput.waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
    await wb.waitForActiveTab(path.posix.basename(expected.quote.path));
    const selected = await wb.selectedText();
    expect(selected === expected.quote.selected, `the opened article selected “${selected}”, the quote is “${expected.quote.selected}”`);
    // Nothing is on disk: the article is the archive's read-only copy.
    await page.keyboard.type('x');
    const readOnly = page.locator('.monaco-editor-overlaymessage', { hasText: /read-only/i });
    await readOnly.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    expect((await wb.selectedText()) === expected.quote.selected, 'typing into the archive article changed it');

    // Hover the speaker's name: the card counts what the archive holds.
    await wb.goTo(expected.speaker.line);
    await hoverSpeaker(wb, expected.speaker);
    const shown = await expectCard(wb, expected.speaker);
    await shots.take(page, '10-archive-hover', clipAround([await shown.boundingBox()], 24, viewport(page)));

    // The card's timeline: picking a period lists its mentions, each shown in its text read from the archive.
    await shown.locator('a', { hasText: 'Timeline' }).click();
    await waitFor(
      async () => ((await wb.activeTab().getAttribute('aria-label')) ?? '').trim(),
      (label) => label.startsWith('Timeline:') && label.includes(expected.speaker.name),
      (label) => `the active tab is "${label}", expected the archive timeline of ${expected.speaker.name}`,
    );
    const timeline = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const bars = timeline.locator('g.period');
    await bars.first().waitFor({ timeout: TIMEOUT_MS });
    const labels = await bars.evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label') ?? ''));
    const busiest = labels.map(barCounts).reduce((best, c, i, all) => (c.mentions > all[best].mentions ? i : best), 0);
    await bars.nth(busiest).click();
    await waitFor(
      async () => (await timeline.locator('#entries-title').textContent()) ?? '',
      (text) => text.startsWith(`${labels[busiest].split(':')[0]}: ${barCounts(labels[busiest]).mentions} mention`),
      (text) => `picking "${labels[busiest]}" in the archive timeline shows the heading "${text}"`,
    );
    const marks = (await timeline.locator('li.mention mark').allTextContents()).map((text) => text.trim());
    expect(marks.length === barCounts(labels[busiest]).mentions, `the period lists ${marks.length} mentions, its bar says ${labels[busiest]}`);
    expect(marks.every((text) => text !== '' && expected.speaker.name.includes(text.split(/\s+/).pop()!)), `the listed mentions are not ${expected.speaker.name}'s: ${marks.join(' | ')}`);
    await page.locator('.tab[aria-label^="Timeline:"] .tab-actions .action-label').first().click();
    await wb.waitForActiveTab(path.posix.basename(expected.quote.path));
    await page.mouse.move(5, 400);

    // The Archive view: outlets with their article counts; places a page at a time.
    await wb.openViewContainer('Corpus Navigator');
    // The Articles view has nothing to show in an empty folder: folded, it leaves the Archive view the side bar.
    const articlesHeader = wb.sideBar().locator('.pane-header', { hasText: /^Articles/ }).first();
    // Clicked on its title: the middle of the header may be one of its actions.
    if ((await articlesHeader.getAttribute('aria-expanded')) === 'true') await articlesHeader.locator('.title').first().click();
    await toggleArchiveRow(wb, 'Outlets', true);
    const outlets = await waitFor(
      async () => (await archiveRows(wb)).filter((r) => r.level === 2),
      (rows) => rows.length === expected.outlets.size,
      (rows) => `the Archive view lists ${rows?.length} outlets, the archive has ${expected.outlets.size}: ${JSON.stringify(rows)}`,
    );
    for (const row of outlets) {
      expect(expected.outlets.get(row.label) === Number(row.description), `the Archive view says ${row.label}: ${row.description} articles; the archive has ${expected.outlets.get(row.label)}`);
    }
    await toggleArchiveRow(wb, 'Outlets', false);
    await toggleArchiveRow(wb, 'Places', true);
    const roots = 4;
    const firstPage = Math.min(expected.places, ENTITY_PAGE);
    const more = expected.places > ENTITY_PAGE ? 1 : 0;
    await waitFor(
      () => archiveRowCount(wb),
      (n) => n === roots + firstPage + more,
      (n) => `the Archive view holds ${n} rows with Places expanded, expected ${roots} groups, ${firstPage} places${more ? ' and “Load more…”' : ''}`,
    );
    if (more) {
      const loadMore = archivePane(wb).locator('.monaco-list-row', { hasText: 'Load more…' });
      const list = archivePane(wb).locator('.monaco-list').first();
      await list.hover();
      await waitFor(
        async () => {
          await page.mouse.wheel(0, 600);
          return loadMore.count();
        },
        (n) => n > 0,
        () => 'scrolled to the end of Places, no “Load more…” row',
      );
      await loadMore.click();
      await waitFor(
        () => archiveRowCount(wb),
        (n) => n === roots + expected.places,
        (n) => `after “Load more…” the Archive view holds ${n} rows, expected ${roots} groups and all ${expected.places} places`,
      );
    }
    await shots.take(page, '10-archive-view', { x: 0, y: 0, width: 880, height: 800 });

    // The server goes down: the next hover gets a message with Retry, and the status bar item turns red.
    await archive.cluster.pause();
    try {
      await hoverSpeaker(wb, expected.speaker);
      const toast = page.locator('.notification-toast', { hasText: `the archive “${ARCHIVE_NAME}” cannot be reached` });
      await toast.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
      const toasts = await page.locator('.notification-toast').allTextContents();
      expect(toasts.length === 1, `expected the archive's message alone, the window shows: ${toasts.join(' | ')}`);
      const failed = await waitForStatus(wb, 'error');
      expect((await failed.getAttribute('class'))?.includes('error-kind'), `the failed archive's status bar item is not in its error colours: ${await failed.getAttribute('class')}`);
      expect((await card(wb).count()) === 0, 'a hover card shows while the archive is down');
      await page.mouse.move(5, 400);
      // The toast fades in: the picture waits until it is opaque.
      await waitFor(
        () => toast.evaluate((el) => getComputedStyle(el).opacity),
        (opacity) => opacity === '1',
        (opacity) => `the error message stays at opacity ${opacity}`,
      );
      const bar = await page.locator('.part.statusbar').boundingBox();
      await shots.take(page, '10-archive-down', clipAround([await toast.boundingBox(), bar], 8, viewport(page)));

      // Back up: Retry connects again, and the card is back.
      await archive.cluster.resume();
      await toast.locator('.monaco-button', { hasText: 'Retry' }).click();
      await waitForStatus(wb, 'database');
    } finally {
      await archive.cluster.resume().catch(() => undefined);
    }
    await hoverSpeaker(wb, expected.speaker);
    await expectCard(wb, expected.speaker);
  },
};
