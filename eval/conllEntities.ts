// CoNLL-2003 entity evaluation of the shipped tagger (`npm run eval:entities`): conlleval-style exact-span
// precision, recall and F1 per type and over all four types, on the development (testa) and test (testb)
// splits, and the tagging speed. Each document's text is its tokens joined with spaces, one sentence a line;
// `tagEntities` runs on that text and its spans are mapped back to tokens. A span counts when its first and
// last token and its type equal a gold entity's. CoNLL PER spans carry no titles, and neither do the
// tagger's. Usage: npx tsx eval/conllEntities.ts [testa] [testb] [--json]
import { join } from 'path';
import { tagEntities, type Entity } from '../src/core/extract/entities';
import { readConll, type ConllDocument } from '../src/core/extract/entities/conll';
import { CONLL_TYPES, ENTITY_TYPES, OUTSIDE, isInsideTag, typeOfTag } from '../src/core/extract/entities/tags';

export interface TypeScore {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface SplitScore {
  split: string;
  documents: number;
  perType: Record<(typeof CONLL_TYPES)[number], TypeScore>;
  all: TypeScore;
  megabytesPerSecond: number;
}

export function score(tp: number, fp: number, fn: number): TypeScore {
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  const f1 = (2 * precision * recall) / (precision + recall || 1);
  return { precision, recall, f1, truePositives: tp, falsePositives: fp, falseNegatives: fn };
}

/** Gold entities of a document as "firstToken:lastToken:type" keys. */
export function goldSpans(doc: ConllDocument): Set<string> {
  const spans = new Set<string>();
  const { tags } = doc;
  for (let i = 0; i < tags.length; i++) {
    if (tags[i] === OUTSIDE) continue;
    const type = typeOfTag(tags[i]);
    let j = i + 1;
    while (j < tags.length && isInsideTag(tags[j]) && typeOfTag(tags[j]) === type) j++;
    spans.add(`${i}:${j - 1}:${type}`);
    i = j - 1;
  }
  return spans;
}

/** Predicted entities as the same keys; a span that does not start and end on token bounds never matches. */
function predictedSpans(doc: ConllDocument, entities: Entity[]): string[] {
  const firstToken = new Map<number, number>();
  const lastToken = new Map<number, number>();
  doc.starts.forEach((start, t) => firstToken.set(start, t));
  doc.ends.forEach((end, t) => lastToken.set(end, t));
  return entities.map((e) => `${firstToken.get(e.start) ?? `x${e.start}`}:${lastToken.get(e.end) ?? `x${e.end}`}:${ENTITY_TYPES.indexOf(e.type)}`);
}

/** Scores `tagger` on the documents of one split. */
export function scoreSplit(split: string, documents: ConllDocument[], tagger: (text: string) => Entity[] = tagEntities): SplitScore {
  const tp = new Array<number>(CONLL_TYPES.length).fill(0);
  const fp = tp.slice();
  const fn = tp.slice();
  const predictions = documents.map((doc) => tagger(doc.text));
  documents.forEach((doc, d) => {
    const gold = goldSpans(doc);
    const predicted = new Set(predictedSpans(doc, predictions[d]));
    for (const key of predicted) {
      const type = Number(key.slice(key.lastIndexOf(':') + 1));
      if (gold.has(key)) tp[type]++;
      else fp[type]++;
    }
    for (const key of gold) if (!predicted.has(key)) fn[Number(key.slice(key.lastIndexOf(':') + 1))]++;
  });
  const sum = (counts: number[]): number => counts.reduce((a, b) => a + b, 0);
  const perType = Object.fromEntries(CONLL_TYPES.map((name, k) => [name, score(tp[k], fp[k], fn[k])])) as SplitScore['perType'];
  return { split, documents: documents.length, perType, all: score(sum(tp), sum(fp), sum(fn)), megabytesPerSecond: taggingSpeed(documents, tagger) };
}

/** Tagging speed in MB (UTF-8) per second of CPU time, the best of three rounds over the split. */
function taggingSpeed(documents: ConllDocument[], tagger: (text: string) => Entity[]): number {
  const bytes = documents.reduce((n, doc) => n + Buffer.byteLength(doc.text), 0);
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const started = process.cpuUsage();
    for (const doc of documents) tagger(doc.text);
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  return bytes / 1e6 / best;
}

function format(result: SplitScore): string {
  const row = (name: string, s: TypeScore): string =>
    `  ${name.padEnd(4)} P ${s.precision.toFixed(4)} R ${s.recall.toFixed(4)} F1 ${s.f1.toFixed(4)} (tp ${s.truePositives}, fp ${s.falsePositives}, fn ${s.falseNegatives})`;
  return [
    `CoNLL-2003 eng.${result.split}: ${result.documents} documents, tagging ${result.megabytesPerSecond.toFixed(1)} MB/s (one core, CPU time)`,
    ...CONLL_TYPES.map((name) => row(name, result.perType[name])),
    row('all', result.all),
  ].join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const splits = args.filter((a) => !a.startsWith('--'));
  const directory = process.env.CONLL2003_DIR ?? join(__dirname, '..', '..', 'shared', 'data', 'conll2003');
  const results = (splits.length ? splits : ['testa', 'testb']).map((split) => scoreSplit(split, readConll(join(directory, `eng.${split}`))));
  if (args.includes('--json')) console.log(JSON.stringify(results, null, 2));
  else console.log(results.map(format).join('\n'));
}

if (require.main === module) main();
