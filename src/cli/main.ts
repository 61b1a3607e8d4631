// The command line, as a function of argv so tests run it in-process. src/cli/cli.ts is the executable.
import { promises as fsp } from 'fs';
import * as nodePath from 'path';
import { CorpusIndex } from '../core/index/corpusIndex';
import { toExport } from '../core/query/export';
import { NodeFileSystem } from '../core/extract/nodeFileSystem';
import { errorMessage } from '../core/extract/loader';
import { writeCsvExport } from './csvExport';
import { defaultWorkerCount, MIN_FILES_COLD, WorkerExtractor } from '../core/index/workers/workerExtractor';
import { ARCHIVE_USAGE, archiveMain } from './archive';
import { entityStatsLines } from './entityStats';
import type { CorpusReader } from '../core/api';
import type { Article } from '../core/types';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export const USAGE = `Usage: corpus-navigator <command> <folder> [options]

Commands:
  export <folder>   Print the corpus as JSON (schema v2): articles, people and entities of every type with
                    mentions, quotes with speakers and sources, quote trails; with --format csv, write
                    quotes.csv, mentions.csv and entities.csv into the --out folder
  stats <folder>    Print counts, the most mentioned people, organisations and places, and articles per outlet

Options:
  --out FILE             export: write the JSON to FILE instead of standard output (csv: the folder to write into)
  --format json|csv      export: JSON (default) or three CSV files (RFC 4180, UTF-8)
  --top N                stats: how many people, organisations and places to list (default 10)
  --max-file-size MB     skip articles larger than MB megabytes (default: no limit)
  --workers N            extract articles in N worker threads (default: one fewer than the cores, at least 1,
                         here ${defaultWorkerCount()}); 0 extracts them in the main thread, as does a corpus of fewer than
                         ${MIN_FILES_COLD} files. The output is the same.
  -h, --help             show this help

${ARCHIVE_USAGE}
Files that cannot be indexed are reported on standard error; the rest of the corpus is still processed.
Exit status: 0 on success, 1 on error (missing folder, unwritable output), 2 on wrong usage.
`;

class UsageError extends Error {}

interface ParsedArgs {
  command: string | null;
  folder: string | null;
  out: string | null;
  format: 'json' | 'csv';
  top: number;
  maxFileSizeBytes: number | undefined;
  workers: number;
  help: boolean;
}

function parseArgs(argv: readonly string[]): ParsedArgs {
  const args: ParsedArgs = { command: null, folder: null, out: null, format: 'json', top: 10, maxFileSizeBytes: undefined, workers: defaultWorkerCount(), help: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (name: string) => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      return next;
    };
    if (arg === '-h' || arg === '--help') args.help = true;
    else if (arg === '--out' || arg === '-o') args.out = value(arg);
    else if (arg.startsWith('--out=')) args.out = arg.slice('--out='.length);
    else if (arg === '--format') args.format = exportFormat(value(arg));
    else if (arg === '--top') args.top = positiveNumber(value(arg), arg);
    else if (arg === '--max-file-size') args.maxFileSizeBytes = positiveNumber(value(arg), arg) * 1024 * 1024;
    else if (arg === '--workers') args.workers = wholeNumber(value(arg), arg);
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length > 2) throw new UsageError(`unexpected argument ${positional[2]}`);
  args.command = positional[0] ?? null;
  args.folder = positional[1] ?? null;
  return args;
}

function exportFormat(text: string): 'json' | 'csv' {
  if (text !== 'json' && text !== 'csv') throw new UsageError(`--format needs json or csv, got "${text}"`);
  return text;
}

function wholeNumber(text: string, name: string): number {
  const number = Number(text);
  if (!Number.isInteger(number) || number < 0 || text.trim() === '') throw new UsageError(`${name} needs a whole number, got "${text}"`);
  return number;
}

function positiveNumber(text: string, name: string): number {
  const number = Number(text);
  if (!Number.isFinite(number) || number <= 0) throw new UsageError(`${name} needs a positive number, got "${text}"`);
  return number;
}

export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  if (argv.some((arg) => arg === '--db' || arg.startsWith('--db='))) return archiveMain(argv, io);
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    io.stderr(`corpus-navigator: ${errorMessage(error)}\n${USAGE}`);
    return 2;
  }
  if (args.help || args.command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (args.command !== 'export' && args.command !== 'stats') {
    io.stderr(args.command === null ? USAGE : `corpus-navigator: unknown command "${args.command}"\n${USAGE}`);
    return 2;
  }
  if (args.folder === null) {
    io.stderr(`corpus-navigator: ${args.command} needs a folder\n${USAGE}`);
    return 2;
  }

  const root = nodePath.resolve(args.folder);
  let corpus: CorpusIndex;
  const extractor = args.workers > 0 ? new WorkerExtractor({ workers: args.workers }) : undefined;
  try {
    corpus = await CorpusIndex.load(root, new NodeFileSystem(), { maxFileSizeBytes: args.maxFileSizeBytes, extractor });
  } catch (error) {
    io.stderr(`corpus-navigator: ${errorMessage(error)}\n`);
    return 1;
  } finally {
    await extractor?.close();
  }
  for (const problem of corpus.config.problems) {
    io.stderr(`corpus-navigator: corpus.yaml:${problem.line + 1}:${problem.column + 1}: ${problem.severity}: ${problem.message}\n`);
  }
  for (const problem of corpus.problems()) io.stderr(`corpus-navigator: ${problem.path}: ${problem.message}\n`);

  if (args.command === 'export' && args.format === 'csv') {
    if (args.out === null) {
      io.stderr(`corpus-navigator: export --format csv needs --out FOLDER\n${USAGE}`);
      return 2;
    }
    try {
      await writeCsvExport(corpus, args.out);
    } catch (error) {
      io.stderr(`corpus-navigator: cannot write ${args.out}: ${errorMessage(error)}\n`);
      return 1;
    }
    return 0;
  }
  if (args.command === 'export') {
    const json = `${JSON.stringify(toExport(corpus), null, 2)}\n`;
    if (args.out === null) {
      io.stdout(json);
      return 0;
    }
    try {
      await fsp.writeFile(args.out, json, 'utf8');
    } catch (error) {
      io.stderr(`corpus-navigator: cannot write ${args.out}: ${errorMessage(error)}\n`);
      return 1;
    }
    return 0;
  }
  io.stdout(formatStats(corpus, args.top));
  return 0;
}

export function formatStats(corpus: CorpusIndex, top: number): string {
  const articles = corpus.articles();
  const people = corpus.people();
  const quotes = corpus.quotes();
  const mentions = people.reduce((sum, person) => sum + person.mentions.length, 0);
  const attributed = quotes.filter((quote) => quote.speaker !== null).length;
  const lines: string[] = [
    `Articles: ${articles.length}`,
    `People:   ${people.length}`,
    `Mentions: ${mentions}`,
    `Quotes:   ${quotes.length} (${attributed} with a speaker)`,
    `Skipped:  ${corpus.problems().length}`,
    '',
    `Top people:`,
  ];
  const shown = people.slice(0, top);
  const nameWidth = Math.max(4, ...shown.map((person) => person.name.length));
  for (const person of shown) {
    const quoted = corpus.quotesBy(person.id).length;
    lines.push(`  ${person.name.padEnd(nameWidth)}  ${String(person.mentions.length).padStart(5)} mentions  ${String(quoted).padStart(4)} quotes  (${person.id})`);
  }
  if (shown.length === 0) lines.push('  (none)');
  lines.push(...entityStatsLines(corpus, top));
  lines.push('', 'Articles per outlet:', ...articlesPer(corpus, articles, (article) => article.outlet ?? '(unknown)'));
  // A wire agency or sister station a story is credited to ("via ..."): listed only when some article has one.
  if (articles.some((article) => article.credit !== null)) {
    lines.push('', 'Articles per credit:', ...articlesPer(corpus, articles.filter((article) => article.credit !== null), (article) => article.credit!));
  }
  return `${lines.join('\n')}\n`;
}

/** One line per key (most articles first): its articles and their quotes. */
function articlesPer(corpus: CorpusReader, articles: readonly Article[], keyOf: (article: Article) => string): string[] {
  const perKey = new Map<string, { articles: number; quotes: number }>();
  for (const article of articles) {
    const key = keyOf(article);
    const entry = perKey.get(key) ?? { articles: 0, quotes: 0 };
    entry.articles++;
    entry.quotes += corpus.quotesIn(article.path).length;
    perKey.set(key, entry);
  }
  const keys = [...perKey].sort((a, b) => b[1].articles - a[1].articles || (a[0] < b[0] ? -1 : 1));
  const width = Math.max(6, ...keys.map(([name]) => name.length));
  return keys.map(([name, entry]) => `  ${name.padEnd(width)}  ${String(entry.articles).padStart(5)} articles  ${String(entry.quotes).padStart(5)} quotes`);
}
