// Quote trails at 10,000 articles: a fresh trail index over every quote of the loaded index (what the load does
// after resolution, src/core/index/quoteTrails.ts), against the time of the whole build; then the trails after
// one article is edited (the incremental update and the hovered quote's trail, as the quote hover asks for it).
import type { CorpusIndex } from '../src/core/index/corpusIndex';
import { TrailIndex } from '../src/core/trails';
import { runSteps } from '../src/core/util/steps';
import { gc, median, ms } from './measure';
import { add, results, RUNS } from './report';

export async function benchTrails(index: CorpusIndex, buildMs: number, buildNote: string): Promise<void> {
  console.log('\nQuote trails, 10,000 articles');
  const articles = index.articles();
  const changes = articles.map((article) => [article.path, index.quotesIn(article.path)] as const);
  const quotes = changes.reduce((n, [, list]) => n + list.length, 0);
  let trails = new TrailIndex();
  runSteps(trails.updateSteps(changes)); // warm-up
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    gc();
    trails = new TrailIndex();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    runSteps(trails.updateSteps(changes));
    times.push(performance.now() - started);
    cpu.push(process.cpuUsage(cpuBefore).user / 1000);
  }
  const t = median(times);
  const share = t / buildMs;
  const found = index.trails();
  const multiOutlet = found.filter((trail) => trail.outlets.length > 1).length;

  // An edit that adds a sentence with a quote another article carries, then the trail of that quote.
  const withTrail = found[0]?.quotes[0];
  const target = articles.find((article) => article.path !== withTrail?.path) ?? articles[0];
  const original = target.text;
  const editTimes: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const edited = original.replace('\n\n', `\n\n"${withTrail?.text ?? 'We will not accept this under any circumstances at all'}," Mr Edited Person said (${i}).\n\n`);
    const started = performance.now();
    index.updateArticle(target.path, edited);
    const quote = index.quotesIn(target.path).find((q) => q.text === withTrail?.text);
    if (quote) index.trailOf(quote);
    else index.trails();
    if (i > 0) editTimes.push(performance.now() - started);
  }
  index.updateArticle(target.path, original);

  results.trails = { articles: articles.length, quotes, trails: found.length, multiOutlet, medianMs: t, runsMs: times, cpuMs: cpu, buildMs, share, buildNote, editMedianMs: median(editTimes), editMaxMs: Math.max(...editTimes) };
  add(`trail building, ${articles.length.toLocaleString('en')} articles`, `${ms(t)} = ${(share * 100).toFixed(1)}% of the build (${ms(buildMs)})`, '<= 10% of build', share <= 0.1, `${quotes.toLocaleString('en')} quotes, ${found.length} trails (${multiOutlet} across outlets); median of ${RUNS}, CPU ${ms(median(cpu))}; ${buildNote}`);
  add('trail update after one article edit (updateArticle + trailOf)', `${ms(median(editTimes))} median, ${ms(Math.max(...editTimes))} max`, '', null);
}
