// The timeline journey: from a person's hover card to the timeline panel, its periods, its themes, and back
// to a mention in the text.
import type { Workbench } from './workbench';
import { TIMEOUT_MS, clipAround, expect, waitFor } from './workbench';
import { filesContaining, hoverNameInCorpus, parseCounts, viewport, type Journey } from './journeys';

const DARK_THEME = 'Dark Modern';
const LIGHT_THEME = 'Light Modern';
const HIGH_CONTRAST_THEME = 'Dark High Contrast';

async function setColorTheme(wb: Workbench, theme: string): Promise<void> {
  // "Browse Color Themes in Marketplace" ranks above the command itself: pick the row by its exact title.
  await wb.openCommandPalette();
  await wb.quickInput.locator('input').fill('>Preferences: Color Theme');
  const command = wb.quickInputRows().filter({ has: wb.page.locator('.label-name', { hasText: /^Preferences: Color Theme$/ }) }).first();
  await command.click({ timeout: TIMEOUT_MS });
  await wb.quickInput.locator('input').fill(theme);
  const row = wb.quickInputRows().filter({ has: wb.page.locator('.label-name', { hasText: new RegExp(`^${theme}$`) }) }).first();
  await row.click({ timeout: TIMEOUT_MS });
  await wb.quickInput.waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
}

/** Counts in a bar's spoken label: "Mar 2017: 3 mentions, 1 quote in 2 articles". */
export function barCounts(label: string): { mentions: number; quotes: number } {
  const match = /: (\d+) mentions?, (\d+) quotes?/.exec(label);
  return { mentions: Number(match?.[1] ?? 0), quotes: Number(match?.[2] ?? 0) };
}

export const timelineJourney: Journey = {
  id: '8-timeline',
  title: 'from the hover card, Show timeline: bars add up to the card; a period lists its mentions and stays picked when the panel is hidden; one opens selected',
  folder: 'corpus',
  async run({ wb, page, shots, folder }) {
    const name = 'Fallon';
    // Room for the article and the panel side by side.
    await wb.runCommand('View: Close Primary Side Bar');
    const { card } = await hoverNameInCorpus(wb, folder, name);
    const cardText = (await card.textContent()) ?? '';
    const { mentions } = parseCounts(cardText);
    const quotes = Number(/(\d+) quotes?/.exec(cardText)?.[1] ?? NaN);
    expect(/In the same articles:/.test(cardText), `the card lists no related people: ${cardText}`);
    await card.locator('a', { hasText: 'Show timeline' }).click();

    await waitFor(
      async () => ((await wb.activeTab().getAttribute('aria-label')) ?? '').trim(),
      (label) => label.startsWith('Timeline:') && label.includes(name),
      (label) => `the active tab is "${label}", expected the timeline of ${name}`,
    );
    // The webview's document sits in an iframe inside VS Code's webview iframe.
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const bars = frame.locator('g.period');
    await bars.first().waitFor({ timeout: TIMEOUT_MS });
    const labels = await bars.evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label') ?? ''));
    const charted = labels.map(barCounts).reduce((sum, c) => ({ mentions: sum.mentions + c.mentions, quotes: sum.quotes + c.quotes }), { mentions: 0, quotes: 0 });
    const undated = ((await frame.locator('.undated').count()) > 0 ? await frame.locator('.undated').textContent() : '') ?? '';
    const undatedMentions = Number(/(\d+) mentions?/.exec(undated)?.[1] ?? 0);
    expect(charted.mentions + undatedMentions === mentions, `the bars hold ${charted.mentions} mentions (+${undatedMentions} undated), the card says ${mentions}: ${labels.join(' | ')}`);
    expect(charted.quotes <= quotes, `the bars hold ${charted.quotes} quotes, the card says ${quotes}`);

    // Pick the busiest period with the mouse: its mentions are listed, one row each.
    const busiest = labels.map(barCounts).reduce((best, c, i, all) => (c.mentions > all[best].mentions ? i : best), 0);
    await bars.nth(busiest).click();
    const heading = frame.locator('#entries-title');
    await waitFor(
      async () => (await heading.textContent()) ?? '',
      (text) => text.startsWith(labels[busiest].split(':')[0]),
      (text) => `picking "${labels[busiest]}" shows the heading "${text}"`,
    );
    const listed = await frame.locator('li.mention').count();
    expect(listed === barCounts(labels[busiest]).mentions, `the period lists ${listed} mentions, its bar says ${labels[busiest]}`);

    // The keyboard reaches every period: End then Enter picks the last one.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await waitFor(
      async () => (await heading.textContent()) ?? '',
      (text) => text.startsWith(labels[labels.length - 1].split(':')[0]),
      (text) => `End, Enter should pick "${labels[labels.length - 1]}", the heading says "${text}"`,
    );
    await bars.nth(busiest).click();
    await frame.locator('li.mention').first().waitFor({ timeout: TIMEOUT_MS });
    const panel = page.locator('.editor-group-container', { has: page.locator('.tab.active[aria-label^="Timeline:"]') }).first();
    await shots.take(page, '8-timeline-dark', clipAround([await panel.boundingBox()], 0, viewport(page)));
    try {
      await setColorTheme(wb, LIGHT_THEME);
      await page.mouse.move(5, 400);
      await waitFor(
        () => frame.locator('body').evaluate((body) => body.className),
        (cls) => /vscode-light/.test(cls),
        (cls) => `the webview did not take the light theme: body class "${cls}"`,
      );
      await shots.take(page, '8-timeline-light', clipAround([await panel.boundingBox()], 0, viewport(page)));
      await setColorTheme(wb, HIGH_CONTRAST_THEME);
      await page.mouse.move(5, 400);
      await waitFor(
        () => frame.locator('body').evaluate((body) => body.className),
        (cls) => /vscode-high-contrast/.test(cls),
        (cls) => `the webview did not take the high-contrast theme: body class "${cls}"`,
      );
      await shots.take(page, '8-timeline-high-contrast', clipAround([await panel.boundingBox()], 0, viewport(page)));
    } finally {
      await setColorTheme(wb, DARK_THEME);
    }

    const picked = (await heading.textContent()) ?? '';

    // Hidden behind another editor and shown again, the panel still shows the period picked.
    await page.locator('.tab[aria-label^="Timeline:"]').first().click();
    await wb.openFile(filesContaining(folder, name)[1]);
    await wb.runCommand('View: Open Previous Editor');
    await waitFor(
      async () => ((await wb.activeTab().getAttribute('aria-label')) ?? '').trim(),
      (label) => label.startsWith('Timeline:'),
      (label) => `going back showed "${label}", not the timeline`,
    );
    await waitFor(
      async () => (await frame.locator('#entries-title').textContent()) ?? '',
      (text) => text === picked,
      (text) => `shown again, the timeline lists "${text}", before it listed "${picked}"`,
    );
    await frame.locator('li.mention').first().waitFor({ timeout: TIMEOUT_MS });

    // Click through to the first mention listed: it opens beside the panel, selected.
    const first = frame.locator('li.mention').first();
    const expected = ((await first.locator('mark').textContent()) ?? '').trim();
    await first.locator('button').click();
    const selected = await wb.selectedText();
    expect(selected === expected, `the opened mention selected "${selected}", the timeline listed "${expected}"`);
    const opened = await wb.activeFileName();
    expect(filesContaining(folder, name).includes(opened), `the mention opened ${opened}, which does not mention ${name}`);
    await shots.take(page, '8-timeline-mention-opened');

    // Months instead of weeks: the same mentions, in fewer bars.
    await frame.locator('button[data-granularity="month"]').click();
    await waitFor(
      async () => (await frame.locator('.summary').textContent()) ?? '',
      (text) => text.endsWith('by month'),
      (text) => `after "Months" the summary says "${text}"`,
    );
    const monthLabels = await frame.locator('g.period').evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label') ?? ''));
    const monthly = monthLabels.map(barCounts).reduce((sum, c) => sum + c.mentions, 0);
    expect(monthly === charted.mentions, `by month the bars hold ${monthly} mentions, by week ${charted.mentions}`);
    expect(monthLabels.length < labels.length, `${monthLabels.length} months for ${labels.length} weeks`);
  },
};
