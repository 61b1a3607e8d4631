// The benchmark's corpora: the seeded synthetic corpus (test/support/corpusGenerator.ts) written to the
// git-ignored bench/data/{100,1000,10000}/.
//
//   npx tsx bench/generate.ts            writes bench/data/{100,1000,10000}/
import * as fs from 'fs';
import * as path from 'path';
import { generateCorpus, writeCorpus, type GeneratedCorpus } from '../test/support/corpusGenerator';

export const SIZES = [100, 1000, 10000] as const;
// From bench/ (tsx) or dist/ (the bundled benchmark): both sit one level below the project root.
export const DATA_DIR = path.join(__dirname, '..', 'bench', 'data');

/** Writes bench/data/<size>/ for each size unless already there with the same article count. */
export function ensureCorpora(): Map<number, { dir: string; corpus: GeneratedCorpus; bytes: number }> {
  const largest = generateCorpus(Math.max(...SIZES));
  const result = new Map<number, { dir: string; corpus: GeneratedCorpus; bytes: number }>();
  for (const size of SIZES) {
    const corpus = { articles: largest.articles.slice(0, size), people: largest.people };
    const dir = path.join(DATA_DIR, String(size));
    const stamp = path.join(dir, '.generated');
    let bytes: number;
    const expected = `${size} articles, seed 20170331`;
    if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === expected) {
      bytes = corpus.articles.reduce((sum, article) => sum + Buffer.byteLength(article.text), 0);
    } else {
      bytes = writeCorpus(corpus, dir);
      fs.writeFileSync(stamp, expected);
    }
    result.set(size, { dir, corpus, bytes });
  }
  return result;
}

if (require.main === module) {
  for (const [size, { dir, bytes, corpus }] of ensureCorpora()) {
    const quotes = corpus.articles.reduce((sum, article) => sum + article.quotes.length, 0);
    console.log(`${size} articles -> ${dir} (${(bytes / 1e6).toFixed(1)} MB, ${quotes} quotes)`);
  }
}
