// The timeline panel and the hover card's related entities for the most-mentioned person of the 10,000-article
// index: what the panel computes before the webview draws it (the core bucketing, then the page with its SVG, as
// src/editor/features/timeline.ts renders), one period's list, and the related-entities ranking (first after a
// corpus change, then cached).
import type { CorpusIndex } from '../src/core/index/corpusIndex';
import { relatedEntities } from '../src/core/query/related';
import { buildTimeline, periodEntries, type Granularity } from '../src/core/query/timeline';
import { timelinePage } from '../src/core/query/timelineChart';
import { ms, percentile } from './measure';
import { add, results, RUNS } from './report';

const RESOURCES = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'bench', scriptUri: 'timeline.js', styleUri: 'timeline.css' };

function sample(samples: number, fn: () => unknown, before?: () => void): number[] {
  for (let i = 0; i < 3; i++) {
    before?.();
    fn();
  }
  return Array.from({ length: samples }, () => {
    before?.();
    const started = performance.now();
    fn();
    return performance.now() - started;
  });
}

export async function benchTimeline(index: CorpusIndex): Promise<void> {
  console.log('\nTimeline panel and related entities, 10,000 articles');
  const person = index.people()[0];
  if (!person) {
    add('timeline panel render p95', 'n/a', '<= 200 ms', null, 'no people extracted');
    return;
  }
  const samples = Math.max(20, RUNS * 4);
  let html = '';
  const render = (granularity?: Granularity) => () => {
    const timeline = buildTimeline(index, person.id, { granularity })!;
    html = timelinePage(timeline, RESOURCES);
  };
  const autoTimes = sample(samples, render());
  const timeline = buildTimeline(index, person.id)!;
  const pageKB = Math.round(html.length / 1024);
  const weekTimes = sample(samples, render('week'));
  const weeks = buildTimeline(index, person.id, { granularity: 'week' })!;
  const busiest = timeline.periods.reduce((best, p) => (p.mentions > best.mentions ? p : best), timeline.periods[0]);
  const listTimes = sample(samples, () => periodEntries(index, person.id, timeline.granularity, busiest.key));

  const other = index.articles().find((a) => !person.mentions.some((m) => m.path === a.path)) ?? index.articles()[0];
  const changeCorpus = (): void => {
    index.updateArticle(other.path, other.text);
    index.people();
  };
  const relatedCold = sample(samples, () => relatedEntities(index, person.id, { limit: 5 }), changeCorpus);
  const relatedWarm = sample(samples, () => relatedEntities(index, person.id, { limit: 5, fromPath: person.mentions[0].path }));

  const p95 = (times: number[]) => percentile(times, 95);
  results.timeline = {
    id: person.id,
    mentions: timeline.totals.mentions,
    quotes: timeline.totals.quotes,
    articles: timeline.totals.articles,
    granularity: timeline.granularity,
    periods: timeline.periods.length,
    weekPeriods: weeks.periods.length,
    htmlKB: pageKB,
    weekHtmlKB: Math.round(html.length / 1024),
    renderP50: percentile(autoTimes, 50),
    renderP95: p95(autoTimes),
    renderWeeksP50: percentile(weekTimes, 50),
    renderWeeksP95: p95(weekTimes),
    periodListP95: p95(listTimes),
    busiestPeriod: { key: busiest.key, mentions: busiest.mentions, quotes: busiest.quotes },
    relatedColdP95: p95(relatedCold),
    relatedWarmP95: p95(relatedWarm),
    samples,
    method: 'buildTimeline + timelinePage (src/core/query/timeline.ts, timelineChart.ts): the bucketing and the page with its SVG that the panel sets as webview HTML; the webview drawing it is not included',
  };
  add(
    `timeline panel render p95 (${person.id}, ${timeline.totals.mentions} mentions, ${timeline.periods.length} ${timeline.granularity}s)`,
    ms(p95(autoTimes)),
    '<= 200 ms',
    p95(autoTimes) <= 200,
    `bucketing + page with SVG (${pageKB} KB), p50 ${ms(percentile(autoTimes, 50))}; by week (${weeks.periods.length} weeks): p95 ${ms(p95(weekTimes))}, p50 ${ms(percentile(weekTimes, 50))}`,
  );
  add(`timeline period list p95 (${busiest.label}, ${busiest.mentions + busiest.quotes} items)`, ms(p95(listTimes)), '', null, 'periodEntries with snippets, what a click on a bar asks for');
  add('related entities p95, first after a corpus change / cached', `${ms(p95(relatedCold))} / ${ms(p95(relatedWarm))}`, '<= 10 ms cached', p95(relatedWarm) <= 10, `the card section: shared-article ranking over the person’s ${timeline.totals.articles} articles, p50 after a change ${ms(percentile(relatedCold, 50))}`);
}
