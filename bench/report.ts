// The benchmark's settings, its table of figures and bench/results.json.
import * as fs from 'fs';
import * as path from 'path';

export const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5));
export const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
export const ROOT = path.join(__dirname, '..');

export interface Row {
  measure: string;
  value: string;
  target: string;
  pass: boolean | null;
  note?: string;
}
export const rows: Row[] = [];
export const results: Record<string, unknown> = {};

/** Adds a row to the table (and prints it). */
export function add(measure: string, value: string, target: string, pass: boolean | null, note?: string): void {
  rows.push({ measure, value, target, pass, note });
  console.log(`  ${measure}: ${value}${note ? ` (${note})` : ''}`);
}

/** The section a table row belongs to (rows of older results files carry no tag). */
function sectionOf(measure: string): string {
  if (/^(timeline|related entities)/.test(measure)) return 'timeline';
  if (/^trail/.test(measure)) return 'trails';
  if (/^workers:/.test(measure)) return 'workers';
  if (/^(build|heap after build)/.test(measure)) return 'build';
  if (/search|fuse|top-10/.test(measure)) return 'search';
  if (/hover|references/.test(measure)) return 'hover';
  if (/re-index/.test(measure)) return 'reindex';
  if (/VSIX/.test(measure)) return 'vsix';
  return 'activate';
}

/** A run with BENCH_SKIP replaces only the sections it ran: the others keep their figures from bench/results.json. */
export function mergeWithPrevious(file: string): Record<string, unknown> {
  let previous: Record<string, unknown>;
  try {
    previous = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return results;
  }
  const ran = new Set(rows.map((row) => sectionOf(row.measure)));
  const order = ['build', 'workers', 'search', 'hover', 'reindex', 'timeline', 'trails', 'activate', 'vsix'];
  const kept = ((previous.rows as Row[] | undefined) ?? []).filter((row) => !ran.has(sectionOf(row.measure)));
  const merged = [...kept, ...rows].sort((a, b) => order.indexOf(sectionOf(a.measure)) - order.indexOf(sectionOf(b.measure)));
  return { ...previous, ...results, rows: merged, partialRun: { skipped: [...SKIP], at: new Date().toISOString() } };
}
