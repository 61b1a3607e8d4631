// Quote trails at 10,000 articles: a fresh trail index over every quote of the loaded index (what the load does
// after resolution, src/core/index/quoteTrails.ts), against the time of the whole build; then the trails after
// one article is edited (the incremental update and the hovered quote's trail, as the quote hover asks for it).
import type { CorpusIndex } from '../src/core/index/corpusIndex';
import { TrailIndex } from '../src/core/trails';
import { runSteps } from '../src/core/util/steps';
import { gc, median, ms } from './measure';
import { add, results, RUNS } from './report';

/** `build`: the build's wall time, and its CPU time when measured (a steadier figure on a busy machine). */
export async function benchTrails(index: CorpusIndex, build: { ms: number; cpuMs?: number }, buildNote: string): Promise<void> {
  const buildMs = build.ms;
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
  const cpuShare = build.cpuMs ? median(cpu) / build.cpuMs : null;
  const found = index.trails();
  const multiOutlet = found.filter((trail) => trail.outlets.length > 1).length;

  // An edit that adds a paragraph quoting a quote another article carries; the re-index itself (extraction and
  // resolution, the re-index section's figure) is not timed: the trail update and the quote's trail are.
  const withTrail = found[0]?.quotes[0];
  const target = articles.find((article) => article.path !== withTrail?.path) ?? articles[0];
  const original = target.text;
  const probe = (withTrail?.text ?? '').slice(0, 40);
  const editTimes: number[] = [];
  let joined = 0;
  for (let i = 0; i <= RUNS * 2; i++) {
    const edited = original.replace('\n\n', `\n\n"${withTrail?.text ?? 'We will not accept this under any circumstances at all'}," Mr Edited Person said (${i}).\n\n`);
    index.updateArticle(target.path, edited);
    index.people();
    const started = performance.now();
    const quote = index.quotesIn(target.path).find((q) => probe && q.text.includes(probe));
    const trail = quote ? index.trailOf(quote) : index.trails()[0];
    if (i > 0) editTimes.push(performance.now() - started);
    if (trail?.articles.some((article) => article.path === target.path)) joined++;
  }
  index.updateArticle(target.path, original);

  results.trails = { articles: articles.length, quotes, trails: found.length, multiOutlet, medianMs: t, runsMs: times, cpuMs: cpu, buildMs, share, buildCpuMs: build.cpuMs ?? null, cpuShare, buildNote, editMedianMs: median(editTimes), editMaxMs: Math.max(...editTimes), editJoinedTrail: joined };
  add(`trail building, ${articles.length.toLocaleString('en')} articles`, `${ms(t)} = ${(share * 100).toFixed(1)}% of the build (${ms(buildMs)})`, '<= 10% of build', share <= 0.1, `${quotes.toLocaleString('en')} quotes, ${found.length} trails (${multiOutlet} across outlets); median of ${RUNS}, CPU ${ms(median(cpu))}${cpuShare === null ? '' : ` = ${(cpuShare * 100).toFixed(1)}% of the build's CPU (${ms(build.cpuMs!)})`}; ${buildNote}`);
  add('trail update after one article edit (trailOf after the re-index)', `${ms(median(editTimes))} median, ${ms(Math.max(...editTimes))} max`, '', null, `the edited article joined the trail in ${joined} of ${RUNS * 2 + 1} edits`);
}
