// `npm run bench`: generates the synthetic corpora (bench/generate.ts), measures index build, quote search, hover
// card and references, incremental re-index, activate() and the VSIX size, prints a table and writes
// bench/results.json. Every timing is the median (or a percentile) of several runs after a warm-up. Search, hover
// and references time the core functions the editor's providers call, over the 10,000-article index.
//
// Environment: BENCH_RUNS (default 5), BENCH_FUSE_QUERIES (plain fuse.js queries, default 5: ~9 s each per 100k quotes),
// BENCH_SKIP=build,workers,search,hover,reindex,timeline,trails,activate,vsix to leave sections out (workers: extraction in worker
// threads, bench/workers.ts); BENCH_SKIP=vscode keeps the in-VS Code figures of the last `npm run test:integration`
// instead of running perf.test.ts afresh.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Fuse from 'fuse.js';
import { CorpusIndex } from '../src/core/index/corpusIndex';
import { NodeFileSystem } from '../src/core/extract/nodeFileSystem';
import { personReferences } from '../src/core/query/definition';
import { buildEntityCard, entityMentionedAt, type MentionOrder } from '../src/core/query/entityCard';
import { CorpusQuoteSearch, parseQuoteQuery, PeopleSearch, QUOTE_FUSE_OPTIONS, QUOTE_RESULT_LIMIT, quoteDocs, type SearchDoc } from '../src/core/search';
import type { Person } from '../src/core/types';
import { createRandom } from '../test/support/corpusGenerator';
import { benchActivate, benchVsix } from './editor';
import { ensureCorpora } from './generate';
import { benchWorkers } from './workers';
import { benchTimeline } from './timeline';
import { benchTrails } from './trails';
import { gc, heapMB, median, ms, percentile, profile, sampleTimes, settledHeapMB, timeIt } from './measure';
import { add, mergeWithPrevious, results, ROOT, rows, RUNS, SKIP } from './report';

const FUSE_QUERIES = Number(process.env.BENCH_FUSE_QUERIES ?? 5);
/** Loads whose retained heap is measured, per corpus size (the figure is their median). */
const HEAP_RUNS = 5;

// --- index build ----------------------------------------------------------------------------------------------

/**
 * What one fully materialised index holds (people and quotes views built), from a baseline taken when no
 * index is alive (here, not in the caller, so no earlier index lingers in its frame). The index is used
 * after the measurement so V8 cannot collect it early; it is returned only when asked for.
 */
async function measureIndexHeap(dir: string, fileSystem: NodeFileSystem, keep: boolean): Promise<{ heapDelta: number; counts: { articles: number; people: number; quotes: number }; index?: CorpusIndex }> {
  const before = await settledHeapMB();
  const index = await CorpusIndex.load(dir, fileSystem);
  await index.prepareTrails(); // what the editor builds right after the load
  const counts = { articles: index.articles().length, people: index.people().length, quotes: index.quotes().length };
  const heapDelta = (await settledHeapMB()) - before;
  if (index.quotes().length !== counts.quotes) throw new Error('index changed while measuring its heap');
  return { heapDelta, counts, index: keep ? index : undefined };
}

async function benchBuild(corpora: ReturnType<typeof ensureCorpora>): Promise<CorpusIndex | undefined> {
  console.log('\nIndex build (CorpusIndex.load: read + metadata + people + identity + quotes)');
  const fileSystem = new NodeFileSystem();
  const build: Record<string, unknown> = {};
  let largest: CorpusIndex | undefined;
  for (const [size, { dir, bytes }] of corpora) {
    const runs = size >= 10000 ? Math.max(5, Math.min(RUNS, 5)) : RUNS;
    await timeIt(() => CorpusIndex.load(dir, fileSystem)); // warm-up (JIT, disk cache); the index is not kept
    const times: number[] = [];
    // The load resolves with a usable index; the editor then builds the quote trails in slices.
    const withTrails: number[] = [];
    for (let i = 0; i < runs; i++) {
      gc();
      const started = performance.now();
      const index = await CorpusIndex.load(dir, fileSystem);
      times.push(performance.now() - started);
      await index.prepareTrails();
      withTrails.push(performance.now() - started);
    }
    const t = median(times);
    const tTrails = median(withTrails);
    const mbPerS = bytes / 1e6 / (t / 1000);
    // Like the times, the heap figure is a median of several loads: one sample varies by about ±5% (JIT code
    // compiled during the load is counted too).
    const heapRuns: number[] = [];
    let measured: Awaited<ReturnType<typeof measureIndexHeap>> | undefined;
    for (let i = 0; i < HEAP_RUNS; i++) {
      measured = await measureIndexHeap(dir, fileSystem, size === 10000 && i === HEAP_RUNS - 1);
      heapRuns.push(measured.heapDelta);
    }
    const { counts, index } = measured!;
    const heapDelta = median(heapRuns);
    build[size] = { bytes, medianMs: t, runsMs: times, mbPerS, withTrailsMedianMs: tTrails, withTrailsMbPerS: bytes / 1e6 / (tTrails / 1000), heapDeltaMB: heapDelta, heapRatio: heapDelta / (bytes / 1e6), heapRunsMB: heapRuns, ...counts };
    add(`build ${size} articles (${(bytes / 1e6).toFixed(1)} MB)`, `${mbPerS.toFixed(1)} MB/s (${ms(t)})`, '>= 10 MB/s', mbPerS >= 10, `${counts.people} people, ${counts.quotes} quotes; then the quote trails: ${(bytes / 1e6 / (tTrails / 1000)).toFixed(1)} MB/s (${ms(tTrails)}) in all`);
    add(`heap after build, ${size} articles`, `${heapDelta.toFixed(1)} MB = ${(heapDelta / (bytes / 1e6)).toFixed(2)}x text`, '<= 4x text', heapDelta <= 4 * (bytes / 1e6), `median of ${HEAP_RUNS} loads, ${(Math.min(...heapRuns) / (bytes / 1e6)).toFixed(2)}-${(Math.max(...heapRuns) / (bytes / 1e6)).toFixed(2)}x`);
    if (index) largest = index;
  }
  const slow = Object.values(build).some((entry) => (entry as { mbPerS: number }).mbPerS < 10);
  if (slow && corpora.has(1000)) {
    const dir = corpora.get(1000)!.dir;
    build.profile1000 = await profile(() => CorpusIndex.load(dir, new NodeFileSystem()));
    console.log('  slowest functions (self time, 1,000 articles):');
    for (const entry of build.profile1000 as { fn: string; ms: number; share: number }[]) console.log(`    ${entry.share}%  ${entry.ms} ms  ${entry.fn}`);
  }
  results.build = build;
  return largest;
}

// --- quote search ---------------------------------------------------------------------------------------------

/** Deterministic: exact words, misspellings, speaker names, words from the middle of long quotes. */
function querySet(docs: readonly SearchDoc[]): { kind: string; query: string }[] {
  const random = createRandom(7);
  const misspell = (text: string): string => {
    const chars = [...text];
    const edits = Math.max(1, Math.round(chars.length / 9));
    for (let e = 0; e < edits; e++) {
      const at = random.int(1, chars.length - 2);
      if (chars[at] === ' ') continue;
      const kind = random.int(0, 2);
      if (kind === 0) chars.splice(at, 1);
      else if (kind === 1) [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]];
      else chars.splice(at, 0, chars[at]);
    }
    return chars.join('');
  };
  const words = (text: string): string[] => text.replace(/[^\p{L}\p{N}' -]/gu, ' ').split(/\s+/).filter(Boolean);
  const long = docs.filter((doc) => doc.text.length > 180);
  const speakerCounts = new Map<string, number>();
  for (const doc of docs) if (doc.speaker) speakerCounts.set(doc.speaker, (speakerCounts.get(doc.speaker) ?? 0) + 1);
  const speakers = [...speakerCounts].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const queries: { kind: string; query: string }[] = [];
  for (let i = 0; i < 4; i++) {
    const w = words(random.pick(docs).text);
    const at = random.int(0, Math.max(0, w.length - 3));
    queries.push({ kind: 'exact words', query: w.slice(at, at + random.int(2, 3)).join(' ').toLowerCase() });
  }
  for (let i = 0; i < 4; i++) {
    const w = words(random.pick(docs).text);
    const at = random.int(0, Math.max(0, w.length - 4));
    queries.push({ kind: 'misspelt', query: misspell(w.slice(at, at + random.int(3, 5)).join(' ').toLowerCase()) });
  }
  queries.push({ kind: 'speaker', query: speakers[0] });
  queries.push({ kind: 'speaker', query: speakers[3].split(' ').slice(-1)[0] });
  queries.push({ kind: 'speaker', query: misspell(speakers[10]) });
  for (let i = 0; i < 4; i++) {
    const w = words(random.pick(long).text);
    const mid = Math.floor(w.length / 2);
    queries.push({ kind: 'middle of long quote', query: w.slice(mid - 1, mid + 3).join(' ') });
  }
  queries.push({ kind: 'misspelt (issue 4)', query: 'persistnt patern of russian interfrence' });
  return queries;
}

/** Quote search as Search Quotes runs it (src/editor/features/quoteSearch.ts): the core's CorpusQuoteSearch over every quote of the index. */
async function benchSearch(index: CorpusIndex): Promise<void> {
  const docs = quoteDocs(index, index.quotes());
  console.log(`\nQuote search over ${docs.length.toLocaleString('en')} quotes (the 10,000-article index)`);
  gc();
  const heapBefore = heapMB();
  let search!: CorpusQuoteSearch;
  const buildMs = await timeIt(() => (search = new CorpusQuoteSearch(index)));
  gc();
  const searchHeap = heapMB() - heapBefore;
  // Built on the first `@name` query, as the editor's people-search cache does.
  let people: PeopleSearch<Person> | undefined;
  const peopleSearch = (): PeopleSearch<Person> => (people ??= new PeopleSearch(index.people()));
  const run = (query: string) => search.search(parseQuoteQuery(query), QUOTE_RESULT_LIMIT, peopleSearch);
  const queries = querySet(docs);
  for (const { query } of queries) run(query); // warm-up
  const perQuery = queries.map(({ kind, query }) => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      run(query);
      times.push(performance.now() - started);
    }
    return { kind, query, medianMs: median(times), maxMs: Math.max(...times), exhaustive: search.lastStats.exhaustive, exactScored: search.lastStats.exactScored };
  });
  const medians = perQuery.map((q) => q.medianMs);
  const oursP50 = percentile(medians, 50);
  const oursP95 = percentile(medians, 95);

  // Plain fuse.js: ~9 s a query per 100k quotes, so only the first FUSE_QUERIES queries (spread over the kinds), one run each.
  const fuse = new Fuse(docs, { ...QUOTE_FUSE_OPTIONS, keys: [...QUOTE_FUSE_OPTIONS.keys] });
  const fuseSubset = [0, 4, 8, 11, queries.length - 1, 1, 5, 9, 12].slice(0, FUSE_QUERIES).map((i) => queries[i]);
  const fuseRuns = fuseSubset.map(({ query }) => {
    let top: string[] = [];
    const t = performance.now();
    top = fuse.search(query).slice(0, 10).map((result) => result.item.id);
    const fuseMs = performance.now() - t;
    const ours = run(query).slice(0, 10).map((hit) => hit.item.id);
    const agreement = ours.filter((id) => top.includes(id)).length / Math.max(1, Math.min(10, top.length));
    const oursMs = perQuery.find((q) => q.query === query)!.medianMs;
    return { query, fuseMs, oursMs, speedup: fuseMs / oursMs, agreement, firstEqual: ours[0] === top[0] };
  });
  const fuseP50 = percentile(fuseRuns.map((r) => r.fuseMs), 50);
  const speedups = fuseRuns.map((r) => r.speedup);
  const agreement = fuseRuns.reduce((sum, r) => sum + r.agreement, 0) / Math.max(1, fuseRuns.length);
  results.search = { quotes: docs.length, limit: QUOTE_RESULT_LIMIT, indexBuildMs: buildMs, indexHeapMB: searchHeap, runsPerQuery: RUNS, perQuery, oursP50, oursP95, fuse: fuseRuns, fuseP50, agreement };
  const quotes = `${Math.round(docs.length / 1000)}k quotes`;
  add(`search index build, ${quotes}`, ms(buildMs), '', null, `${searchHeap.toFixed(0)} MB heap`);
  add('quote search p50 / p95 (ours)', `${ms(oursP50)} / ${ms(oursP95)}`, 'p95 <= 25 ms', oursP95 <= 25, `${queries.length} queries x ${RUNS} runs, median per query; ${quotes}, ${QUOTE_RESULT_LIMIT} results as in Search Quotes`);
  add('plain fuse.js p50', ms(fuseP50), '', null, `${fuseRuns.length} of the queries, 1 run each (~9 s a query per 100k quotes)`);
  add('speed-up vs plain fuse.js (min / median)', `${Math.min(...speedups).toFixed(0)}x / ${median(speedups).toFixed(0)}x`, '>= 100x', Math.min(...speedups) >= 100);
  add('top-10 agreement with plain fuse.js', agreement.toFixed(2), '>= 0.8', agreement >= 0.8, `over ${fuseRuns.length} queries`);
}

// --- hover card, references, re-index -----------------------------------------------------------------------------

async function benchPerson(index: CorpusIndex): Promise<void> {
  console.log('\nHover card and references, 10,000 articles');
  const person = index.people()[0];
  if (!person || person.mentions.length === 0) {
    add('hover card p95', 'n/a', '<= 10 ms', null, 'no people extracted');
    return;
  }
  const target = person.mentions[Math.floor(person.mentions.length / 2)];
  // What the providers call: the person under the cursor, then the core card (src/editor/features/hover.ts renders
  // it) or the core reference list (src/editor/features/navigation.ts turns it into locations, not timed here).
  const hover = (order: MentionOrder) => (): unknown => {
    const hit = entityMentionedAt(index, target.path, target.start + 1);
    return hit && buildEntityCard(index, hit.entity.id, { limit: 10, order, fromPath: hit.mention.path, fromStart: hit.mention.start });
  };
  const references = (): unknown => {
    const hit = entityMentionedAt(index, target.path, target.start + 1);
    return hit && personReferences(index, hit.entity, { includeDeclaration: true });
  };
  // The first hover after a change to the corpus: another article is re-indexed before each sample (not timed), so
  // the per-person digest is rebuilt.
  const other = index.articles().find((article) => article.path !== target.path)!;
  const otherText = other.text;
  const changeCorpus = (): void => {
    index.updateArticle(other.path, otherText);
    index.people();
  };
  const samples = Math.max(50, RUNS * 10);
  const measure = (fn: () => unknown, before?: () => void): number[] => sampleTimes(samples, fn, before);
  const nearestTimes = measure(hover('nearest'));
  const newestTimes = measure(hover('newest'));
  const coldTimes = measure(hover('nearest'), changeCorpus);
  const refTimes = measure(references);
  const p95 = (times: number[]) => percentile(times, 95);
  results.person = {
    id: person.id,
    mentions: person.mentions.length,
    articles: new Set(person.mentions.map((m) => m.path)).size,
    hoverP95: Math.max(p95(nearestTimes), p95(newestTimes)),
    hoverP50: percentile(nearestTimes, 50),
    hoverNearestP95: p95(nearestTimes),
    hoverNewestP95: p95(newestTimes),
    hoverAfterChangeP95: p95(coldTimes),
    hoverAfterChangeP50: percentile(coldTimes, 50),
    referencesP95: p95(refTimes),
    samples,
    method: 'core entityMentionedAt + buildEntityCard (src/core/query/entityCard.ts, what src/editor/features/hover.ts renders), limit 10; references: entityMentionedAt + personReferences (src/core/query/definition.ts, the list the References provider converts to locations)',
  };
  add(`hover card p95 (${person.id}, ${person.mentions.length} mentions), nearest / newest`, `${ms(p95(nearestTimes))} / ${ms(p95(newestTimes))}`, '<= 10 ms', Math.max(p95(nearestTimes), p95(newestTimes)) <= 10);
  add('hover card p95, first hover after a corpus change', ms(p95(coldTimes)), '<= 10 ms', p95(coldTimes) <= 10, 'per-person digest rebuilt after an article is re-indexed');
  add('references p95', ms(p95(refTimes)), '<= 20 ms', p95(refTimes) <= 20, 'core list in date order, before the conversion to locations');
}

async function benchReindex(index: CorpusIndex): Promise<void> {
  console.log('\nRe-index of one changed article, 10,000 articles');
  const article = index.articles()[Math.floor(index.articles().length / 2)];
  const original = article.text;
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    // A real edit: a new sentence with a quote, then the corpus-wide view is read as a feature would.
    const edited = original.replace('\n\n', `\n\nEdit ${i}: "We will not accept this," Mr Edited Person said.\n\n`);
    const started = performance.now();
    index.updateArticle(article.path, edited);
    index.people();
    index.quotesIn(article.path);
    const elapsed = performance.now() - started;
    if (i > 0) times.push(elapsed); // the first is the warm-up
  }
  index.updateArticle(article.path, original);
  results.reindex = { path: article.path, medianMs: median(times), maxMs: Math.max(...times), runsMs: times };
  add('re-index one article (updateArticle + people())', `${ms(median(times))} median, ${ms(Math.max(...times))} max`, '<= 20 ms', median(times) <= 20);
}

async function main(): Promise<void> {
  if (!(global as { gc?: unknown }).gc) console.log('(run with --expose-gc for heap figures: `npm run bench` does)');
  console.log(`Corpus Navigator benchmark: ${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, Node ${process.version}, ${os.platform()}`);
  const started = Date.now();
  const corpora = ensureCorpora();
  results.machine = { cpu: os.cpus()[0]?.model, cores: os.cpus().length, memoryGB: Math.round(os.totalmem() / 1e9), node: process.version, platform: `${os.platform()} ${os.release()}` };
  results.corpora = Object.fromEntries([...corpora].map(([size, { bytes, corpus }]) => [size, { bytes, articles: corpus.articles.length, groundTruthQuotes: corpus.articles.reduce((n, a) => n + a.quotes.length, 0) }]));
  // Before the build section, which keeps the 10,000-article index alive (it would count in the main thread's heap).
  if (!SKIP.has('workers')) await benchWorkers(corpora);
  let index = SKIP.has('build') ? undefined : await benchBuild(corpora);
  let loadMs = (results.build as Record<number, { medianMs: number }> | undefined)?.[10000]?.medianMs;
  let loadCpuMs: number | undefined;
  if (!index && (!SKIP.has('search') || !SKIP.has('hover') || !SKIP.has('reindex') || !SKIP.has('timeline') || !SKIP.has('trails'))) {
    // Build not timed (BENCH_SKIP=build): the 10,000-article index is still needed for search, hover and re-index.
    console.log('\nLoading the 10,000-article index (not timed)');
    const loadStarted = performance.now();
    const loadCpu = process.cpuUsage();
    index = await CorpusIndex.load(corpora.get(10000)!.dir, new NodeFileSystem());
    loadMs = performance.now() - loadStarted;
    loadCpuMs = process.cpuUsage(loadCpu).user / 1000;
  }
  if (index && !SKIP.has('search')) await benchSearch(index);
  if (index && !SKIP.has('hover')) await benchPerson(index);
  if (index && !SKIP.has('reindex')) await benchReindex(index);
  if (index && !SKIP.has('timeline')) await benchTimeline(index);
  if (index && loadMs && !SKIP.has('trails')) await benchTrails(index, { ms: loadMs, cpuMs: loadCpuMs }, SKIP.has('build') ? 'build: this run\'s one load' : 'build: median of the build section');
  if (!SKIP.has('activate')) await benchActivate();
  if (!SKIP.has('vsix')) benchVsix();
  results.rows = rows;
  results.totalSeconds = (Date.now() - started) / 1000;
  const resultsFile = path.join(ROOT, 'bench', 'results.json');
  fs.writeFileSync(resultsFile, JSON.stringify(SKIP.size > 0 ? mergeWithPrevious(resultsFile) : results, null, 2) + '\n');

  const width = Math.max(...rows.map((row) => row.measure.length));
  const valueWidth = Math.max(...rows.map((row) => row.value.length));
  console.log(`\n${'measure'.padEnd(width)}  ${'value'.padEnd(valueWidth)}  target        pass`);
  for (const row of rows) {
    const pass = row.pass === null ? '-' : row.pass ? 'yes' : 'NO';
    console.log(`${row.measure.padEnd(width)}  ${row.value.padEnd(valueWidth)}  ${row.target.padEnd(12)}  ${pass}`);
  }
  console.log(`\nwritten bench/results.json (${results.totalSeconds} s)`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
