// Figures on a real corpus nobody tuned for (the BBC development corpus, 2,095 unrelated articles):
//   - cross-article link precision on a hand-judged sample (eval/bbc-links.judged.tsv),
//   - page furniture: lines the corpus repeats, and the articles' own boilerplate lines,
//   - titles: articles whose title is their headline (BBC files have it on line 1).
//   tsx eval/realNews.ts [--corpus DIR] [--json]
//   tsx eval/realNews.ts --sample N      prints N cross-article links to judge (TSV, judgment column empty)
// The corpus is not in the repository: without it the figures are skipped (exit 0).
import * as fs from 'fs';
import * as path from 'path';
import { CorpusIndex } from '../src/core/index/corpusIndex';
import { NodeFileSystem } from '../src/core/extract/nodeFileSystem';
import { fnv1aUnsigned } from '../src/core/util/hash';
import type { Mention } from '../src/core/types';

const DEFAULT_CORPUS = path.join(__dirname, '..', '..', 'shared', 'data', 'bbc-news');
const JUDGED = path.join(__dirname, 'bbc-links.judged.tsv');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** One link identity resolution made: a short form in one article joined to a person named in full only elsewhere. */
export interface CrossArticleLink {
  path: string;
  start: number;
  text: string;
  personName: string;
}

/**
 * Cross-article links: a single name word (with or without an honorific: "Blair", "Mr Blair") joined to a
 * person never named in full in that article, so the link rests on other articles. One link per article,
 * form and person (its first mention), so an article repeating "Lord Goldsmith" twenty times is one link.
 */
export function crossArticleLinks(index: CorpusIndex): CrossArticleLink[] {
  const links: CrossArticleLink[] = [];
  for (const article of index.articles()) {
    const raw = index.extraction(article.path)?.mentions ?? [];
    const partsAt = new Map(raw.map((m) => [m.start, m.nameParts.length]));
    const mentions = index.mentionsIn(article.path);
    const namedInFull = new Set<string>();
    for (const m of mentions) if ((partsAt.get(m.start) ?? 0) >= 2) namedInFull.add(m.entityId!);
    const seen = new Set<string>();
    for (const m of mentions as readonly Mention[]) {
      const person = m.entityId === null ? undefined : index.person(m.entityId);
      if (!person || partsAt.get(m.start) !== 1 || namedInFull.has(person.id)) continue;
      if (person.name.split(/\s+/).length < 2 || seen.has(`${m.text}\u0000${person.id}`)) continue;
      seen.add(`${m.text}\u0000${person.id}`);
      links.push({ path: article.path, start: m.start, text: m.text, personName: person.name });
    }
  }
  return links;
}

interface Judged extends CrossArticleLink {
  correct: boolean;
}

function readJudged(file: string): Judged[] {
  const rows: Judged[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [p, start, text, personName, judgment] = line.split('\t');
    if (judgment !== '1' && judgment !== '0') throw new Error(`${path.basename(file)}: unjudged or malformed row: ${line}`);
    rows.push({ path: p, start: Number(start), text, personName, correct: judgment === '1' });
  }
  return rows;
}

function snippet(text: string, start: number, end: number): string {
  return text.slice(Math.max(0, start - 70), Math.min(text.length, end + 70)).replace(/\s+/g, ' ');
}

async function main(): Promise<void> {
  const corpus = arg('--corpus') ?? DEFAULT_CORPUS;
  if (!fs.existsSync(corpus)) {
    console.log(`Real-news figures: ${corpus} not found, skipped`);
    return;
  }
  const index = await CorpusIndex.load(corpus, new NodeFileSystem());
  const links = crossArticleLinks(index);

  const sampleSize = arg('--sample');
  if (sampleSize !== undefined) {
    // A fixed pseudo-random order (hash of path and offset), so the same links come out on the same corpus.
    const sample = links
      .map((link) => ({ link, order: fnv1aUnsigned(`${link.path}:${link.start}`) }))
      .sort((a, b) => a.order - b.order)
      .slice(0, Number(sampleSize));
    console.log('# path\tstart\tmention\tlinked person\tjudgment (1 right, 0 wrong)\tnote');
    for (const { link } of sample) {
      const article = index.article(link.path)!;
      console.log([link.path, link.start, link.text, link.personName, '', snippet(article.text, link.start, link.start + link.text.length)].join('\t'));
    }
    return;
  }

  // Links of the judged sample that the index still makes (same mention, same person's name).
  const current = new Map(links.map((link) => [`${link.path}:${link.start}`, link]));
  const judged = fs.existsSync(JUDGED) ? readJudged(JUDGED) : [];
  const present = judged.filter((j) => current.get(`${j.path}:${j.start}`)?.personName === j.personName);
  const right = present.filter((j) => j.correct).length;

  let ownBoilerplateLines = 0;
  let titled = 0;
  let headlineTitles = 0;
  let articles = 0;
  for (const article of index.articles()) {
    if (!article.path.endsWith('.txt')) continue;
    articles++;
    const extracted = index.extraction(article.path)!.article;
    for (const span of extracted.boilerplate) ownBoilerplateLines += article.text.slice(span.start, span.end).split('\n').filter((l) => l.trim()).length;
    if (article.title) titled++;
    if (article.title === article.text.split('\n', 1)[0].trim()) headlineTitles++;
  }
  const figures = {
    articles,
    crossArticleLinks: links.length,
    judgedLinks: judged.length,
    judgedLinksStillMade: present.length,
    linkPrecision: present.length ? right / present.length : null,
    furnitureLines: index.furnitureLineCount(),
    articleBoilerplateLines: ownBoilerplateLines,
    titled,
    headlineTitles,
  };
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(figures, null, 2));
    return;
  }
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
  console.log(`Real news (${path.basename(corpus)}, ${articles} articles)`);
  console.log(`  cross-article link precision   ${right}/${present.length} = ${pct(right, present.length)} of the judged links still made (${present.length} of ${judged.length} judged; ${links.length} such links now)`);
  console.log(`  page furniture (corpus)        ${figures.furnitureLines} distinct repeated lines masked`);
  console.log(`  boilerplate lines (per article) ${ownBoilerplateLines}`);
  console.log(`  titles that are the headline   ${headlineTitles}/${articles} = ${pct(headlineTitles, articles)} (${titled} with a title)`);
}

if (require.main === module) main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
