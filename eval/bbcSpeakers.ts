// Speaker precision on the hand-judged BBC sample (eval/bbcSpeakers.json), recomputed with the current extractor,
// and the share of the corpus' quotes that have a named speaker.
//
//   npx tsx eval/bbcSpeakers.ts [--corpus DIR]      (default: ../shared/data/bbc-news beside the repository)
//   npx tsx eval/bbcSpeakers.ts --verbose           also lists every sampled quote judged wrong or no longer found
import * as fs from 'fs';
import * as path from 'path';
import { extractArticle } from '../src/core/extract/article';
import { emptyCorpusConfig } from '../src/core/extract/corpusYaml';
import type { ArticleExtraction, ExtractedQuote } from '../src/core/types';

interface Judged {
  kind: string;
  path: string;
  quote: [number, number];
  /** A span of the article naming the speaker, or null: no single named person speaks. */
  speaker: [number, number] | null;
}

const args = process.argv.slice(2);
const corpusArg = args.indexOf('--corpus');
const corpus = corpusArg >= 0 ? args[corpusArg + 1] : path.join(__dirname, '..', '..', 'shared', 'data', 'bbc-news');
const verbose = args.includes('--verbose');
const judged = (JSON.parse(fs.readFileSync(path.join(__dirname, 'bbcSpeakers.json'), 'utf8')) as { judged: Judged[] }).judged;

const config = emptyCorpusConfig();
function extract(relative: string): ArticleExtraction {
  const text = fs.readFileSync(path.join(corpus, relative), 'utf8');
  return extractArticle(relative, text, 'utf-8', config);
}

/** The predicted quote overlapping the judged one most, if their spans' Jaccard is at least 0.5. */
function matchQuote(quotes: readonly ExtractedQuote[], [start, end]: [number, number]): ExtractedQuote | null {
  let best: ExtractedQuote | null = null;
  let bestScore = 0.5;
  for (const q of quotes) {
    const inter = Math.min(end, q.end) - Math.max(start, q.start);
    if (inter <= 0) continue;
    const score = inter / (Math.max(end, q.end) - Math.min(start, q.start));
    if (score >= bestScore) [best, bestScore] = [q, score];
  }
  return best;
}

const words = (s: string): string[] => s.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);

function main(): void {
  if (!fs.existsSync(corpus)) {
    console.log(`(BBC speakers: ${corpus} not found, skipped)`);
    return;
  }
  const byKind = new Map<string, { judged: number; named: number; correct: number; missing: number }>();
  const cache = new Map<string, ArticleExtraction>();
  for (const j of judged) {
    const x = cache.get(j.path) ?? extract(j.path);
    cache.set(j.path, x);
    const row = byKind.get(j.kind) ?? { judged: 0, named: 0, correct: 0, missing: 0 };
    byKind.set(j.kind, row);
    row.judged++;
    const q = matchQuote(x.quotes, j.quote);
    if (!q) {
      row.missing++;
      if (verbose) console.log(`  not found: ${j.path} ${j.quote.join('-')}`);
      continue;
    }
    if (q.speakerMention === null) {
      if (verbose) console.log(`  no speaker: ${j.path} ${j.quote.join('-')}`);
      continue;
    }
    row.named++;
    const predicted = x.mentions[q.speakerMention];
    // The same person: the same last name ("Ms Furse", "Clara Furse"); the sample has no two speakers sharing one.
    const truth = j.speaker ? words(x.article.text.slice(j.speaker[0], j.speaker[1])) : null;
    const parts = words(predicted.nameParts.join(' '));
    const right = truth !== null && parts.length > 0 && parts[parts.length - 1] === truth[truth.length - 1];
    if (right) row.correct++;
    else if (verbose) console.log(`  wrong: ${j.path} ${j.quote.join('-')}: ${predicted.text}, judged ${j.speaker ? x.article.text.slice(j.speaker[0], j.speaker[1]) : 'nobody'}`);
  }
  for (const [kind, r] of byKind) {
    const precision = r.named ? (r.correct / r.named).toFixed(3) : '-';
    console.log(`BBC speakers, judged "${kind}" sample: precision ${precision} (${r.correct}/${r.named} named speakers right; ${r.judged} judged, ${r.judged - r.named - r.missing} now without a speaker, ${r.missing} not found)`);
  }
  let quotes = 0;
  let named = 0;
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.txt')) {
        const x = extract(path.relative(corpus, full));
        quotes += x.quotes.length;
        named += x.quotes.filter((q) => q.speakerMention !== null).length;
      }
    }
  };
  walk(corpus);
  console.log(`BBC speakers, whole corpus: ${named} of ${quotes} quotes have a named speaker (${(named / quotes).toFixed(3)})`);
}

main();
