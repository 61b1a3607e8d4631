// Scores the CLI export against the hand-made gold in eval/gold/ (conventions: eval/README.md).
//   tsx eval/score.ts [--input export.json] [--corpus DIR] [--gold DIR] [--verbose] [--json]
//                     [--check [--min-mention-f1=0.93] [--min-identity-f1=0.97] [--min-quote-f1=0.93]
//                              [--min-speaker-acc=0.80] [--max-false-attribution=0.15]]
// Without --input it runs `node dist/cli.js export <corpus>`. It is a report: exit 0, except with
// --check when a figure misses its threshold (exit 1) or the export cannot be read (exit 2).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

// ---------- Gold and export shapes ----------

export interface GoldRange {
  start: number;
  end: number;
  reason?: string;
}

export interface GoldMention {
  start: number;
  end: number;
  text: string;
  /** Person key, stable across the gold files. */
  person: string;
}

export interface GoldQuote {
  start: number;
  end: number;
  text: string;
  /** Person key of the true speaker, or null when no named person said it. */
  speaker: string | null;
  /** True when the text gives the words to an unnamed or non-person source. */
  anonymous: boolean;
  note?: string;
}

export interface GoldArticle {
  path: string;
  /** Boilerplate ranges: nothing is annotated in them, so predictions there are false positives. */
  boilerplate: GoldRange[];
  mentions: GoldMention[];
  quotes: GoldQuote[];
}

/** The subset of export schema v1 the scorer reads. */
export interface ExportV1 {
  version: number;
  people: { id: string; mentions: { path: string; start: number; end: number; text: string }[] }[];
  quotes: { path: string; start: number; end: number; text: string; speaker: string | null }[];
}

export interface PredictedMention {
  path: string;
  start: number;
  end: number;
  text: string;
  entityId: string;
}

export interface PredictedQuote {
  path: string;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
}

export interface PathSpan {
  path: string;
  start: number;
  end: number;
}

// ---------- Scoring functions ----------

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall, F1; an empty side counts as perfect so that "nothing to find, nothing found" is 1. */
export function prf(truePositives: number, predicted: number, gold: number): Prf {
  const precision = predicted === 0 ? (gold === 0 ? 1 : 0) : truePositives / predicted;
  const recall = gold === 0 ? 1 : truePositives / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Jaccard overlap of two half-open character ranges (0 when disjoint or in different files). */
export function spanJaccard(a: PathSpan, b: PathSpan): number {
  if (a.path !== b.path) return 0;
  const intersection = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (intersection <= 0) return 0;
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return intersection / union;
}

export interface SpanMatch {
  gold: number;
  predicted: number;
  jaccard: number;
}

/**
 * One-to-one matching of predicted to gold spans. `minJaccard` 1 means exact spans; lower values
 * pair spans greedily, best overlap first, so one long prediction cannot match two gold quotes.
 */
export function matchSpans(gold: PathSpan[], predicted: PathSpan[], minJaccard: number): SpanMatch[] {
  const candidates: SpanMatch[] = [];
  const byPath = new Map<string, number[]>();
  predicted.forEach((p, i) => {
    const list = byPath.get(p.path) ?? [];
    list.push(i);
    byPath.set(p.path, list);
  });
  gold.forEach((g, gi) => {
    for (const pi of byPath.get(g.path) ?? []) {
      const jaccard = spanJaccard(g, predicted[pi]);
      if (jaccard > 0 && jaccard >= minJaccard) candidates.push({ gold: gi, predicted: pi, jaccard });
    }
  });
  candidates.sort((a, b) => b.jaccard - a.jaccard || a.gold - b.gold || a.predicted - b.predicted);
  const usedGold = new Set<number>();
  const usedPredicted = new Set<number>();
  const matches: SpanMatch[] = [];
  for (const c of candidates) {
    if (usedGold.has(c.gold) || usedPredicted.has(c.predicted)) continue;
    usedGold.add(c.gold);
    usedPredicted.add(c.predicted);
    matches.push(c);
  }
  return matches.sort((a, b) => a.gold - b.gold);
}

/** An item clustered twice: by the gold person key and by the predicted person id. */
export interface ClusteredItem {
  gold: string;
  predicted: string;
}

/** B-cubed precision/recall/F1 of the predicted clustering against the gold one (averaged per item). */
export function bcubed(items: ClusteredItem[]): Prf {
  if (items.length === 0) return { precision: 1, recall: 1, f1: 1 };
  const count = (key: (item: ClusteredItem) => string) => {
    const counts = new Map<string, number>();
    for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
    return counts;
  };
  const both = count((i) => JSON.stringify([i.gold, i.predicted]));
  const byGold = count((i) => i.gold);
  const byPredicted = count((i) => i.predicted);
  let precision = 0;
  let recall = 0;
  for (const item of items) {
    const shared = both.get(JSON.stringify([item.gold, item.predicted])) as number;
    precision += shared / (byPredicted.get(item.predicted) as number);
    recall += shared / (byGold.get(item.gold) as number);
  }
  precision /= items.length;
  recall /= items.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Maps each predicted person id to the gold key most of its correctly found mentions carry
 * (ties: the alphabetically first key, so the result is deterministic). Ids without a correctly
 * found mention are absent: a quote given to them can never count as correct.
 */
export function mapPredictedToGold(items: ClusteredItem[]): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  for (const { gold, predicted } of items) {
    const forId = votes.get(predicted) ?? new Map<string, number>();
    forId.set(gold, (forId.get(gold) ?? 0) + 1);
    votes.set(predicted, forId);
  }
  const mapping = new Map<string, string>();
  for (const [predicted, forId] of votes) {
    const [best] = [...forId].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    mapping.set(predicted, best[0]);
  }
  return mapping;
}

export interface SpeakerScores {
  /** Correct speaker among gold quotes with a named speaker (unmatched quotes count as wrong). */
  accuracy: number;
  correct: number;
  withSpeaker: number;
  /** Share of gold anonymous quotes whose matched prediction names a speaker. */
  falseAttributionRate: number;
  falselyAttributed: number;
  anonymous: number;
}

export function speakerScores(
  goldQuotes: Pick<GoldQuote, 'speaker' | 'anonymous'>[],
  predictedQuotes: Pick<PredictedQuote, 'speaker'>[],
  matches: SpanMatch[],
  idToGold: Map<string, string>,
): SpeakerScores {
  const matchedPrediction = new Map(matches.map((m) => [m.gold, m.predicted]));
  let correct = 0;
  let withSpeaker = 0;
  let falselyAttributed = 0;
  let anonymous = 0;
  goldQuotes.forEach((g, gi) => {
    const pi = matchedPrediction.get(gi);
    const predictedSpeaker = pi === undefined ? null : predictedQuotes[pi].speaker;
    if (g.speaker !== null) {
      withSpeaker++;
      if (predictedSpeaker !== null && idToGold.get(predictedSpeaker) === g.speaker) correct++;
    }
    if (g.anonymous) {
      anonymous++;
      if (predictedSpeaker !== null) falselyAttributed++;
    }
  });
  return {
    accuracy: withSpeaker === 0 ? 1 : correct / withSpeaker,
    correct,
    withSpeaker,
    falseAttributionRate: anonymous === 0 ? 0 : falselyAttributed / anonymous,
    falselyAttributed,
    anonymous,
  };
}

// ---------- Whole evaluation ----------

export interface Evaluation {
  articles: string[];
  mentions: Prf & { tp: number; predicted: number; gold: number };
  identity: Prf & { items: number };
  quotes: Prf & { tp: number; predicted: number; gold: number };
  quotesExact: Prf & { tp: number };
  speakers: SpeakerScores;
  /** Human-readable problems, for --verbose. */
  details: string[];
}

export function flattenExport(exported: ExportV1): { mentions: PredictedMention[]; quotes: PredictedQuote[] } {
  const mentions: PredictedMention[] = [];
  for (const person of exported.people) {
    for (const m of person.mentions) mentions.push({ ...m, entityId: person.id });
  }
  return { mentions, quotes: exported.quotes.map((q) => ({ ...q })) };
}

export function evaluate(
  golds: GoldArticle[],
  exported: ExportV1,
  texts: Map<string, string> = new Map(),
): Evaluation {
  const goldPaths = new Set(golds.map((g) => g.path));
  const flat = flattenExport(exported);
  // Only articles with gold are scored.
  const predictedMentions = flat.mentions.filter((m) => goldPaths.has(m.path));
  const predictedQuotes = flat.quotes.filter((q) => goldPaths.has(q.path));
  const goldMentions = golds.flatMap((g) => g.mentions.map((m) => ({ ...m, path: g.path })));
  const goldQuotes = golds.flatMap((g) => g.quotes.map((q) => ({ ...q, path: g.path })));
  const details: string[] = [];
  const show = (p: PathSpan & { text: string }) => `${p.path}:${p.start}-${p.end} ${contextOf(texts, p)}`;

  const mentionMatches = matchSpans(goldMentions, predictedMentions, 1);
  const items: ClusteredItem[] = mentionMatches.map((m) => ({
    gold: goldMentions[m.gold].person,
    predicted: predictedMentions[m.predicted].entityId,
  }));
  const idToGold = mapPredictedToGold(items);

  const matchedGoldMentions = new Set(mentionMatches.map((m) => m.gold));
  const matchedPredictedMentions = new Set(mentionMatches.map((m) => m.predicted));
  goldMentions.forEach((g, i) => {
    if (!matchedGoldMentions.has(i)) details.push(`mention missed      ${g.person.padEnd(20)} ${show(g)}`);
  });
  predictedMentions.forEach((p, i) => {
    if (matchedPredictedMentions.has(i)) return;
    const gold = golds.find((g) => g.path === p.path);
    const inBoilerplate = gold?.boilerplate.some((b) => p.start < b.end && b.start < p.end) ? ' (in boilerplate)' : '';
    details.push(`mention false pos.  ${p.entityId.padEnd(20)} ${show(p)}${inBoilerplate}`);
  });
  for (const m of mentionMatches) {
    const g = goldMentions[m.gold];
    const p = predictedMentions[m.predicted];
    if (idToGold.get(p.entityId) !== g.person) {
      details.push(`identity: gold ${g.person} but predicted id ${p.entityId} (mostly ${idToGold.get(p.entityId)}) ${show(g)}`);
    }
  }

  const quoteMatches = matchSpans(goldQuotes, predictedQuotes, 0.5);
  const exactQuoteMatches = matchSpans(goldQuotes, predictedQuotes, 1);
  const matchedGoldQuotes = new Map(quoteMatches.map((m) => [m.gold, m.predicted]));
  const matchedPredictedQuotes = new Set(quoteMatches.map((m) => m.predicted));
  goldQuotes.forEach((g, i) => {
    const pi = matchedGoldQuotes.get(i);
    const goldSpeaker = g.speaker ?? (g.anonymous ? '(anonymous)' : '(none)');
    if (pi === undefined) {
      details.push(`quote missed        ${goldSpeaker.padEnd(20)} ${show(g)}`);
      return;
    }
    const predicted = predictedQuotes[pi];
    const mapped = predicted.speaker === null ? null : (idToGold.get(predicted.speaker) ?? 'nothing: no correctly found mention');
    if (g.speaker !== null && mapped !== g.speaker) {
      const shownMapping = predicted.speaker === null ? '' : ` (maps to ${mapped})`;
      details.push(`speaker wrong       gold ${g.speaker}, predicted ${predicted.speaker ?? 'null'}${shownMapping}: ${show(g)}`);
    } else if (g.anonymous && predicted.speaker !== null) {
      details.push(`anonymous quote given to ${predicted.speaker}: ${show(g)}`);
    }
  });
  predictedQuotes.forEach((p, i) => {
    if (!matchedPredictedQuotes.has(i)) details.push(`quote false pos.    ${(p.speaker ?? 'null').padEnd(20)} ${show(p)}`);
  });

  const mentionPrf = prf(mentionMatches.length, predictedMentions.length, goldMentions.length);
  const quotePrf = prf(quoteMatches.length, predictedQuotes.length, goldQuotes.length);
  return {
    articles: [...goldPaths].sort(),
    mentions: { ...mentionPrf, tp: mentionMatches.length, predicted: predictedMentions.length, gold: goldMentions.length },
    identity: { ...bcubed(items), items: items.length },
    quotes: { ...quotePrf, tp: quoteMatches.length, predicted: predictedQuotes.length, gold: goldQuotes.length },
    quotesExact: { ...prf(exactQuoteMatches.length, predictedQuotes.length, goldQuotes.length), tp: exactQuoteMatches.length },
    speakers: speakerScores(goldQuotes, predictedQuotes, quoteMatches, idToGold),
    details,
  };
}

function contextOf(texts: Map<string, string>, p: PathSpan & { text: string }): string {
  const text = texts.get(p.path);
  const flat = (s: string) => s.replace(/\r?\n/g, '⏎');
  const shown = p.text.length > 70 ? `${p.text.slice(0, 40)}…${p.text.slice(-25)}` : p.text;
  if (text === undefined) return `[${flat(shown)}]`;
  return `${flat(text.slice(Math.max(0, p.start - 20), p.start))}[${flat(shown)}]${flat(text.slice(p.end, p.end + 20))}`;
}

// ---------- Report ----------

export interface Thresholds {
  mentionF1: number;
  identityF1: number;
  quoteF1: number;
  speakerAccuracy: number;
  maxFalseAttribution: number;
}

/** The targets of issue 3. */
export const ISSUE_TARGETS: Thresholds = {
  mentionF1: 0.93,
  identityF1: 0.97,
  quoteF1: 0.93,
  speakerAccuracy: 0.8,
  maxFalseAttribution: 0.15,
};

/** Names of the figures below their thresholds (empty when all pass). */
export function failedChecks(e: Evaluation, t: Thresholds): string[] {
  const failed: string[] = [];
  if (e.mentions.f1 < t.mentionF1) failed.push(`person mentions F1 ${fmt(e.mentions.f1)} < ${t.mentionF1}`);
  if (e.identity.f1 < t.identityF1) failed.push(`identity B-cubed F1 ${fmt(e.identity.f1)} < ${t.identityF1}`);
  if (e.quotes.f1 < t.quoteF1) failed.push(`quotes F1 ${fmt(e.quotes.f1)} < ${t.quoteF1}`);
  if (e.speakers.accuracy < t.speakerAccuracy) failed.push(`speaker accuracy ${fmt(e.speakers.accuracy)} < ${t.speakerAccuracy}`);
  if (e.speakers.falseAttributionRate > t.maxFalseAttribution) {
    failed.push(`false attribution ${fmt(e.speakers.falseAttributionRate)} > ${t.maxFalseAttribution}`);
  }
  return failed;
}

const fmt = (x: number) => x.toFixed(3);

export function formatReport(e: Evaluation, t: Thresholds = ISSUE_TARGETS): string {
  const row = (name: string, p: Prf | null, counts: string, target: string) => {
    const cells = p ? [p.precision, p.recall, p.f1].map((x) => fmt(x).padStart(6)) : ['n/a'.padStart(6), '', ''].map((c) => c.padStart(6));
    return `${name.padEnd(34)} ${cells.join(' ')}   ${target.padEnd(8)} ${counts}`;
  };
  const s = e.speakers;
  return [
    `Gold: ${e.articles.length} article(s): ${e.articles.join(', ')}`,
    `${'figure'.padEnd(34)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}   ${'target'.padEnd(8)} counts`,
    row('person mentions (exact span)', e.mentions, `tp ${e.mentions.tp}, predicted ${e.mentions.predicted}, gold ${e.mentions.gold}`, `F1>=${t.mentionF1}`),
    row('identity B-cubed (found mentions)', e.identity.items > 0 ? e.identity : null, `${e.identity.items} correctly found mentions`, `F1>=${t.identityF1}`),
    row('quotes (span Jaccard >= 0.5)', e.quotes, `tp ${e.quotes.tp}, predicted ${e.quotes.predicted}, gold ${e.quotes.gold}`, `F1>=${t.quoteF1}`),
    row('quotes (exact span)', e.quotesExact, `tp ${e.quotesExact.tp}`, ''),
    `${'speaker accuracy, end-to-end'.padEnd(34)} ${fmt(s.accuracy).padStart(20)}   ${`>=${t.speakerAccuracy}`.padEnd(8)} ${s.correct}/${s.withSpeaker} gold quotes with a named speaker`,
    `${'false attribution, anonymous'.padEnd(34)} ${fmt(s.falseAttributionRate).padStart(20)}   ${`<=${t.maxFalseAttribution}`.padEnd(8)} ${s.falselyAttributed}/${s.anonymous} anonymous gold quotes given a person`,
  ].join('\n');
}

// ---------- Command line ----------

interface Options {
  input: string | null;
  corpus: string;
  gold: string;
  verbose: boolean;
  json: boolean;
  check: Thresholds | null;
}

export function parseArgs(argv: string[], root: string): Options {
  const options: Options = {
    input: null,
    corpus: path.join(root, 'corpus'),
    gold: path.join(root, 'eval', 'gold'),
    verbose: false,
    json: false,
    check: null,
  };
  const thresholdFlags: Record<string, keyof Thresholds> = {
    '--min-mention-f1': 'mentionF1',
    '--min-identity-f1': 'identityF1',
    '--min-quote-f1': 'quoteF1',
    '--min-speaker-acc': 'speakerAccuracy',
    '--max-false-attribution': 'maxFalseAttribution',
  };
  const overrides: Partial<Thresholds> = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inlineValue] = argv[i].split(/=(.*)/s, 2);
    const value = () => inlineValue ?? argv[++i];
    if (flag === '--input') options.input = value();
    else if (flag === '--corpus') options.corpus = value();
    else if (flag === '--gold') options.gold = value();
    else if (flag === '--verbose' || flag === '-v') options.verbose = true;
    else if (flag === '--json') options.json = true;
    else if (flag === '--check') options.check = { ...ISSUE_TARGETS };
    else if (flag in thresholdFlags) {
      const n = Number(value());
      if (!Number.isFinite(n)) throw new Error(`${flag} needs a number`);
      overrides[thresholdFlags[flag]] = n;
    } else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (Object.keys(overrides).length > 0) options.check = { ...(options.check ?? ISSUE_TARGETS), ...overrides };
  return options;
}

export function loadGold(dir: string): GoldArticle[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as GoldArticle);
}

function readExport(options: Options, root: string): ExportV1 {
  let raw: string;
  if (options.input) {
    raw = fs.readFileSync(options.input, 'utf8');
  } else {
    const cli = path.join(root, 'dist', 'cli.js');
    const run = spawnSync(process.execPath, [cli, 'export', options.corpus], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.status !== 0) {
      throw new Error(`\`node dist/cli.js export ${options.corpus}\` failed (exit ${run.status}): ${(run.stderr || '').trim()}`);
    }
    raw = run.stdout;
  }
  const parsed = JSON.parse(raw) as ExportV1;
  if (!Array.isArray(parsed.people) || !Array.isArray(parsed.quotes)) throw new Error('not an export (schema v1): no people/quotes arrays');
  return parsed;
}

function main(): void {
  const root = path.join(__dirname, '..');
  const options = parseArgs(process.argv.slice(2), root);
  const golds = loadGold(options.gold);
  let exported: ExportV1;
  try {
    exported = readExport(options, root);
  } catch (err) {
    console.log(`eval: cannot score: ${(err as Error).message}`);
    process.exitCode = options.check ? 2 : 0;
    return;
  }
  const texts = new Map<string, string>();
  for (const g of golds) {
    const file = path.join(options.corpus, g.path);
    if (fs.existsSync(file)) texts.set(g.path, fs.readFileSync(file, 'utf8'));
  }
  const evaluation = evaluate(golds, exported, texts);
  if (options.json) {
    console.log(JSON.stringify({ ...evaluation, details: options.verbose ? evaluation.details : undefined }, null, 2));
  } else {
    console.log(formatReport(evaluation, options.check ?? ISSUE_TARGETS));
    if (options.verbose) {
      // Per article: where the misses concentrate (identity and speaker mapping stay corpus-wide above).
      console.log('\nper article:            mentions F1 (tp/pred/gold)   quotes F1 (tp/pred/gold)');
      for (const gold of golds) {
        const one = evaluate([gold], exported);
        const m = one.mentions;
        const q = one.quotes;
        console.log(`  ${gold.path.padEnd(44)} ${fmt(m.f1)} (${m.tp}/${m.predicted}/${m.gold})   ${fmt(q.f1)} (${q.tp}/${q.predicted}/${q.gold})`);
      }
      console.log(['', ...evaluation.details].join('\n'));
    }
    else if (evaluation.details.length > 0) console.log(`(${evaluation.details.length} misses/false positives/errors: --verbose lists them)`);
  }
  if (options.check) {
    const failed = failedChecks(evaluation, options.check);
    if (failed.length > 0) console.log(`check failed: ${failed.join('; ')}`);
    process.exitCode = failed.length > 0 ? 1 : 0;
  }
}

if (require.main === module) main();
