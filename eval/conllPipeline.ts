// CoNLL-2003 evaluation of the whole pipeline (`npm run eval`): every document of a split is one article of
// an in-memory corpus (`CorpusIndex.fromTexts`: extraction, entity check, identity resolution), and the
// corpus's typed mentions are scored conlleval-style against the gold PER, ORG and LOC entities: a mention
// counts when its first and last token and its type equal a gold entity's. MISC is not predicted, so not
// scored. Person spans are compared without titles or honorifics ("Mr [Johnson]"), as CoNLL writes them.
// Usage: npx tsx eval/conllPipeline.ts [testa] [testb] [--json] [--errors N] [--type PER|ORG|LOC]
import { join } from 'path';
import { readConll, type ConllDocument } from '../src/core/extract/entities/conll';
import { CONLL_TYPES } from '../src/core/extract/entities/tags';
import { goldSpans, score, type TypeScore } from './conllEntities';
import { CorpusIndex } from '../src/core/index/corpusIndex';
import type { EntityType } from '../src/core/types';

const SCORED = ['PER', 'ORG', 'LOC'] as const;
type Scored = (typeof SCORED)[number];
const CONLL_OF: Record<EntityType, Scored> = { person: 'PER', organization: 'ORG', place: 'LOC' };

export interface PipelineScore {
  split: string;
  documents: number;
  perType: Record<Scored, TypeScore>;
  /** PER, ORG and LOC together. */
  all: TypeScore;
  errors: { type: Scored; kind: 'fp' | 'fn'; context: string }[];
}

/** Gold PER, ORG and LOC entities of a document as "first:last:TYPE" token keys. */
function scoredGoldSpans(doc: ConllDocument): Set<string> {
  const spans = new Set<string>();
  for (const key of goldSpans(doc)) {
    const at = key.lastIndexOf(':');
    const name = CONLL_TYPES[Number(key.slice(at + 1))];
    if (name !== 'MISC') spans.add(`${key.slice(0, at)}:${name}`);
  }
  return spans;
}

function context(doc: ConllDocument, key: string): string {
  const [a, b] = key.split(':');
  if (a.startsWith('x')) return `${key} "${doc.text.slice(Number(a.slice(1)), Number(b.slice(1)))}"`;
  const start = doc.starts[Number(a)];
  const end = doc.ends[Number(b)];
  const line = (s: string): string => s.replace(/\n/g, ' / ');
  return `${line(doc.text.slice(Math.max(0, start - 40), start))}[${doc.text.slice(start, end)}]${line(doc.text.slice(end, end + 40))}`;
}

/** Scores the pipeline's typed mentions on one split's documents. */
export function scorePipeline(split: string, documents: ConllDocument[]): PipelineScore {
  const texts: Record<string, string> = {};
  const pathOf = (d: number): string => `${split}/${String(d).padStart(4, '0')}.txt`;
  documents.forEach((doc, d) => (texts[pathOf(d)] = doc.text));
  const index = CorpusIndex.fromTexts('/conll', texts);
  const tp: Record<Scored, number> = { PER: 0, ORG: 0, LOC: 0 };
  const fp = { ...tp };
  const fn = { ...tp };
  const errors: PipelineScore['errors'] = [];
  documents.forEach((doc, d) => {
    const path = pathOf(d);
    const firstToken = new Map<number, number>();
    const lastToken = new Map<number, number>();
    doc.starts.forEach((start, t) => firstToken.set(start, t));
    doc.ends.forEach((end, t) => lastToken.set(end, t));
    // A person mention's honorific is cut off: the name starts at its first name part.
    const nameStarts = new Map<number, number>();
    for (const m of index.extraction(path)?.mentions ?? []) {
      if (m.honorific !== null) nameStarts.set(m.start, doc.text.indexOf(m.nameParts[0], m.start + m.honorific.length));
    }
    const predicted = new Set<string>();
    for (const m of index.mentionsIn(path)) {
      const type = CONLL_OF[index.entity(m.entityId)!.type];
      const start = type === 'PER' ? (nameStarts.get(m.start) ?? m.start) : m.start;
      predicted.add(`${firstToken.get(start) ?? `x${start}`}:${lastToken.get(m.end) ?? `x${m.end}`}:${type}`);
    }
    const gold = scoredGoldSpans(doc);
    for (const key of predicted) {
      const type = key.slice(key.lastIndexOf(':') + 1) as Scored;
      if (gold.has(key)) tp[type]++;
      else {
        fp[type]++;
        errors.push({ type, kind: 'fp', context: context(doc, key) });
      }
    }
    for (const key of gold) {
      if (predicted.has(key)) continue;
      const type = key.slice(key.lastIndexOf(':') + 1) as Scored;
      fn[type]++;
      errors.push({ type, kind: 'fn', context: context(doc, key) });
    }
  });
  const sum = (counts: Record<Scored, number>): number => counts.PER + counts.ORG + counts.LOC;
  const perType = Object.fromEntries(SCORED.map((t) => [t, score(tp[t], fp[t], fn[t])])) as PipelineScore['perType'];
  return { split, documents: documents.length, perType, all: score(sum(tp), sum(fp), sum(fn)), errors };
}

export function formatPipeline(result: PipelineScore): string {
  const row = (name: string, s: TypeScore): string =>
    `  ${name.padEnd(4)} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (tp ${s.truePositives}, fp ${s.falsePositives}, fn ${s.falseNegatives})`;
  return [`CoNLL-2003 eng.${result.split}, whole pipeline (${result.documents} documents as one corpus), exact span and type:`, ...SCORED.map((t) => row(t, result.perType[t])), row('all', result.all)].join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const splits = args.filter((a, i) => !a.startsWith('--') && !['--errors', '--type'].includes(args[i - 1]));
  const directory = process.env.CONLL2003_DIR ?? join(__dirname, '..', '..', 'shared', 'data', 'conll2003');
  const results = (splits.length ? splits : ['testa', 'testb']).map((split) => scorePipeline(split, readConll(join(directory, `eng.${split}`))));
  if (args.includes('--json')) {
    console.log(JSON.stringify(results.map(({ errors: _errors, ...rest }) => rest), null, 2));
    return;
  }
  console.log(results.map(formatPipeline).join('\n'));
  const shown = Number(option('--errors') ?? 0);
  const type = option('--type');
  for (const result of results) {
    for (const kind of ['fp', 'fn'] as const) {
      const list = result.errors.filter((e) => e.kind === kind && (type === undefined || e.type === type));
      if (shown === 0 || list.length === 0) continue;
      console.log(`\n${result.split} ${kind === 'fp' ? 'false positives' : 'false negatives'}${type ? ` (${type})` : ''}: ${list.length}`);
      for (const e of list.slice(0, shown)) console.log(`  ${e.type} ${e.context}`);
    }
  }
}

if (require.main === module) main();
