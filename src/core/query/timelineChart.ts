// The timeline drawn as a small SVG and the page that holds it: plain strings, so the panel only adds the
// webview's resource addresses and nonce. Colours are CSS classes (media/timeline.css maps them to the theme's
// chart colours); every period is a focusable button with a spoken label; all corpus text is escaped.
import { plural } from './labels';
import { OTHER_OUTLETS, UNDATED_PERIOD, type Timeline, type TimelinePeriod } from './timeline';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made inert in HTML and SVG, in element content and in quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const LEFT = 44;
const RIGHT = 12;
const TOP = 26;
const MENTIONS_HEIGHT = 150;
const GAP = 30;
const QUOTES_HEIGHT = 56;
const AXIS = 22;
/** The bars aim at this width; the slot of a period is clamped, so long timelines are wider (and scroll). */
const TARGET_WIDTH = 600;
const MIN_SLOT = 6;
const MAX_SLOT = 36;
/** Axis labels closer than this (px) to the previous one are left out. */
const LABEL_SPACING = 44;

/** 1, 2 or 5 times a power of ten, at least `n` (and at least 1). */
function niceCeiling(n: number): number {
  if (n <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * power >= n) return step * power;
  return 10 * power;
}

function periodLabel(period: TimelinePeriod): string {
  if (period.mentions === 0 && period.quotes === 0) return `${period.label}: nothing`;
  const parts = [plural(period.mentions, 'mention')];
  parts.push(plural(period.quotes, 'quote'));
  return `${period.label}: ${parts.join(', ')} in ${plural(period.articles, 'article')}`;
}

/** "2017" at each January (or the first period), "Mar" at other month starts when there is room. */
function axisLabel(timeline: Timeline, period: TimelinePeriod, index: number, slot: number): string | null {
  const [year, month, day] = period.from.split('-').map(Number);
  const monthName = period.label.replace(/^Week of \d+ /, '').split(' ')[0];
  if (timeline.granularity === 'month') {
    if (index === 0 || month === 1) return String(year);
    return slot * 3 >= LABEL_SPACING ? monthName : null;
  }
  const firstWeekOfMonth = day <= 7;
  if (index === 0) return `${monthName} ${year}`;
  if (!firstWeekOfMonth) return null;
  return month === 1 ? String(year) : monthName;
}

function rect(cls: string, x: number, y: number, width: number, height: number): string {
  return `<rect class="${cls}" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${width.toFixed(1)}" height="${height.toFixed(1)}"/>`;
}

/** The colour class of an outlet: its rank, or a neutral one for the folded rest. */
function outletClass(timeline: Timeline, outlet: number): string {
  return timeline.outlets[outlet] === OTHER_OUTLETS ? 'other' : `o${outlet}`;
}

/** Stacked segments of one bar, bottom up, in outlet order. */
function stack(timeline: Timeline, counts: readonly number[], x: number, width: number, bottom: number, scale: number): string {
  let out = '';
  let y = bottom;
  for (let outlet = 0; outlet < counts.length; outlet++) {
    const n = counts[outlet];
    if (n === 0) continue;
    const h = n * scale;
    y -= h;
    out += rect(`seg ${outletClass(timeline, outlet)}`, x, y, width, h);
  }
  return out;
}

function gridLines(x0: number, x1: number, top: number, height: number, max: number): string {
  let out = '';
  for (const value of [max, max / 2]) {
    if (!Number.isInteger(value)) continue;
    const y = top + height - (value / max) * height;
    out += `<line class="grid" x1="${x0}" x2="${x1}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}"/>`;
    out += `<text class="tick" x="${x0 - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end">${value}</text>`;
  }
  return out;
}

/** The chart: mentions above, quotes below, each period a button (`data-key`) holding its stacked bars. */
export function timelineSvg(timeline: Timeline): string {
  const n = timeline.periods.length;
  const slot = Math.max(MIN_SLOT, Math.min(MAX_SLOT, Math.floor(TARGET_WIDTH / Math.max(1, n))));
  const barWidth = Math.max(MIN_SLOT - 2, Math.round(slot * 0.72));
  const width = LEFT + n * slot + RIGHT;
  const mentionsBottom = TOP + MENTIONS_HEIGHT;
  const quotesTop = mentionsBottom + GAP;
  const quotesBottom = quotesTop + QUOTES_HEIGHT;
  const height = quotesBottom + AXIS;
  let maxMentions = 0;
  let maxQuotes = 0;
  for (const period of timeline.periods) {
    if (period.mentions > maxMentions) maxMentions = period.mentions;
    if (period.quotes > maxQuotes) maxQuotes = period.quotes;
  }
  const mentionsMax = niceCeiling(maxMentions);
  const quotesMax = niceCeiling(maxQuotes);
  const mentionScale = MENTIONS_HEIGHT / mentionsMax;
  const quoteScale = QUOTES_HEIGHT / quotesMax;

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline${width > TARGET_WIDTH + LEFT + RIGHT ? ' wide' : ''}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="group" aria-label="${escapeHtml(`Mentions and quotes of ${timeline.name} by ${timeline.granularity}`)}">`,
  );
  parts.push(`<text class="band" x="${LEFT}" y="${TOP - 12}">Mentions</text>`);
  parts.push(`<text class="band" x="${LEFT}" y="${quotesTop - 12}">Quotes</text>`);
  parts.push(gridLines(LEFT, width - RIGHT, TOP, MENTIONS_HEIGHT, mentionsMax));
  parts.push(gridLines(LEFT, width - RIGHT, quotesTop, QUOTES_HEIGHT, quotesMax));
  parts.push(`<line class="axis" x1="${LEFT}" x2="${width - RIGHT}" y1="${mentionsBottom}" y2="${mentionsBottom}"/>`);
  parts.push(`<line class="axis" x1="${LEFT}" x2="${width - RIGHT}" y1="${quotesBottom}" y2="${quotesBottom}"/>`);

  let lastLabelX = Number.NEGATIVE_INFINITY;
  timeline.periods.forEach((period, i) => {
    const x = LEFT + i * slot;
    const barX = x + (slot - barWidth) / 2;
    const label = periodLabel(period);
    const empty = period.mentions === 0 && period.quotes === 0;
    parts.push(
      `<g class="period${empty ? ' empty' : ''}" data-key="${escapeHtml(period.key)}" data-index="${i}" role="button" tabindex="${i === 0 ? 0 : -1}" aria-label="${escapeHtml(label)}">`,
      `<title>${escapeHtml(label)}</title>`,
      rect('hit', x, TOP, slot, quotesBottom - TOP),
      stack(timeline, period.mentionsByOutlet, barX, barWidth, mentionsBottom, mentionScale),
      stack(timeline, period.quotesByOutlet, barX, barWidth, quotesBottom, quoteScale),
      '</g>',
    );
    const tick = axisLabel(timeline, period, i, slot);
    if (tick && x - lastLabelX >= LABEL_SPACING) {
      parts.push(`<text class="tick" x="${x.toFixed(1)}" y="${quotesBottom + 15}">${escapeHtml(tick)}</text>`);
      lastLabelX = x;
    }
  });
  parts.push('</svg>');
  return parts.join('');
}

/** What the page needs from the webview: where its script and style are, and the policy's source and nonce. */
export interface TimelinePageResources {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

function legend(timeline: Timeline): string {
  const items = timeline.outlets.map((outlet, i) => `<li><span class="swatch ${outletClass(timeline, i)}" aria-hidden="true"></span>${escapeHtml(outlet)}</li>`);
  return `<ul class="legend" aria-label="Outlets">${items.join('')}</ul>`;
}

/** The whole panel page: a strict policy (nothing remote, the one script by nonce), the chart, and the list. */
export function timelinePage(timeline: Timeline, resources: TimelinePageResources): string {
  const { totals, undated } = timeline;
  const name = escapeHtml(timeline.name);
  const summary = `${plural(totals.mentions, 'mention')} and ${plural(totals.quotes, 'quote')} in ${plural(totals.articles, 'article')}, by ${timeline.granularity}`;
  const toggle = (['week', 'month'] as const)
    .map((g) => `<button type="button" data-granularity="${g}" aria-pressed="${g === timeline.granularity}">${g === 'week' ? 'Weeks' : 'Months'}</button>`)
    .join('');
  const undatedLine =
    undated.mentions + undated.quotes > 0
      ? `<p class="undated"><button type="button" class="link" data-key="${UNDATED_PERIOD}">${escapeHtml(`${plural(undated.mentions, 'mention')} and ${plural(undated.quotes, 'quote')} in ${plural(undated.articles, 'undated article')}`)}</button></p>`
      : '';
  const chart =
    timeline.periods.length > 0
      ? `<div class="chart" tabindex="-1">${timelineSvg(timeline)}</div>`
      : '<p class="nothing">No dated article mentions this name.</p>';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${resources.cspSource}; style-src ${resources.cspSource}; script-src 'nonce-${resources.nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(resources.styleUri)}">
<title>Timeline: ${name}</title>
</head>
<body data-entity="${escapeHtml(timeline.entityId)}" data-granularity="${timeline.granularity}">
<header>
<h1>${name}</h1>
<p class="summary">${escapeHtml(summary)}</p>
<div class="granularity" role="group" aria-label="Periods">${toggle}</div>
</header>
${legend(timeline)}
${chart}
${undatedLine}
<section class="entries" aria-live="polite">
<h2 id="entries-title">Pick a period to list its mentions</h2>
<div id="entries-list"></div>
</section>
<script nonce="${resources.nonce}" src="${escapeHtml(resources.scriptUri)}"></script>
</body>
</html>`;
}
