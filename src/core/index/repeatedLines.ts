// Page furniture found by the corpus itself: a short line that recurs verbatim (up to case, spacing and a final
// full stop) in many articles, in many different places, is a credit, a notice or a caption, not prose. It runs
// as a phase between extraction and resolution: extractions stay per article (cached, made in workers, redone
// for one edited file), and the lines found here are masked out of what resolution reads (masking.ts).
//
// Counting: each article's lines are keyed once (lineKeys.ts; kept per extraction), the number of articles
// holding each key is kept up to date article by article, and the keys held by at least `threshold(N)`
// articles are candidates. A candidate is furniture when it also stands in at least that many different
// contexts: its nearest lines before and after that are neither candidates nor boilerplate (a paragraph of prose
// is never a candidate). The same story syndicated to several outlets repeats its short lines too, but always between the same
// paragraphs, so its copies count as one context.
import { lineTable, LINE_BOILERPLATE, LINE_COUNTED, type LineTable } from '../extract/lineKeys';
import { addToIndex } from '../util/counts';
import { KeyCounts } from './keyCounts';
import { ITEMS_PER_STEP, type Steps } from '../util/steps';
import type { ArticleExtraction, Span } from '../types';

/** A line is furniture only in at least this many articles (and contexts), whatever the corpus size. */
export const MIN_REPEATS = 3;
/**
 * ...and in at least one article in this many: a short line of prose recurs by chance more often the larger
 * the corpus, while furniture recurs on a fixed share of an outlet's pages (an outlet with one article in 500
 * of a mixed corpus still clears it).
 */
export const REPEATS_PER_ARTICLES = 500;

/** How many articles (and distinct contexts) make a repeated line furniture in a corpus of `articleCount`. */
export function repeatThreshold(articleCount: number): number {
  return Math.max(MIN_REPEATS, Math.ceil(articleCount / REPEATS_PER_ARTICLES));
}

/** Before the first line and after the last one. */
const EDGE = 0x5eed;
const NO_SPANS: readonly Span[] = [];

function sameSpans(a: readonly Span[], b: readonly Span[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].start !== b[i].start || a[i].end !== b[i].end) return false;
  return true;
}

/**
 * An article's lines as the count keeps them, in one array: per line its key, its start, and its length above
 * its LINE_* flags (one typed array an article where a `LineTable` has four).
 */
type Lines = Int32Array;
const LINE_FIELDS = 3;
const FLAG_BITS = 3;
const FLAG_MASK = (1 << FLAG_BITS) - 1;

function packLines(table: LineTable): Lines {
  const { keys, starts, ends, flags } = table;
  const lines = new Int32Array(keys.length * LINE_FIELDS);
  for (let i = 0; i < keys.length; i++) {
    lines[LINE_FIELDS * i] = keys[i];
    lines[LINE_FIELDS * i + 1] = starts[i];
    lines[LINE_FIELDS * i + 2] = ((ends[i] - starts[i]) << FLAG_BITS) | flags[i];
  }
  return lines;
}

const lineCount = (lines: Lines): number => lines.length / LINE_FIELDS;
const keyAt = (lines: Lines, i: number): number => lines[LINE_FIELDS * i];
const flagsAt = (lines: Lines, i: number): number => lines[LINE_FIELDS * i + 2] & FLAG_MASK;

/** The distinct counted keys of one article (a line repeated within one article counts once). */
function countedKeys(lines: Lines): Int32Array {
  const keys: number[] = [];
  for (let i = 0; i < lineCount(lines); i++) if (flagsAt(lines, i) & LINE_COUNTED) keys.push(keyAt(lines, i));
  const counted = Int32Array.from(keys).sort();
  let n = 0;
  for (let i = 0; i < counted.length; i++) if (i === 0 || counted[i] !== counted[i - 1]) counted[n++] = counted[i];
  return counted.subarray(0, n);
}

export class RepeatedLines {
  private readonly tableOf = new WeakMap<ArticleExtraction, Lines>();
  /** The lines each article's counts were taken from. */
  private readonly tables = new Map<string, Lines>();
  /** Articles per counted line key. */
  private readonly counts = new KeyCounts();
  private readonly spansByPath = new Map<string, readonly Span[]>();
  private furnitureKeys = new Set<number>();
  /** Keys in at least `threshold` articles, and that threshold. */
  private candidates = new Set<number>();
  private threshold = 0;
  /** Per candidate key, how many of its lines stand in each context. */
  private contexts = new Map<number, Map<number, number>>();
  /** Per article holding a candidate: its (key, context) pairs, to take them back when it changes. */
  private contributions = new Map<string, readonly number[]>();
  /** Candidate keys whose contexts changed since the furniture was last decided. */
  private readonly touchedContextKeys = new Set<number>();

  /** The furniture lines of an article, in text order. */
  spans(path: string): readonly Span[] {
    return this.spansByPath.get(path) ?? NO_SPANS;
  }

  /** How many distinct lines the corpus holds as furniture. */
  get furnitureLineCount(): number {
    return this.furnitureKeys.size;
  }

  /**
   * Keys the lines of an extraction while its text is at hand as a string (an extraction keeps its text as
   * UTF-8 and would decode it again). Optional: `updateSteps` keys what was not primed.
   */
  prime(extraction: ArticleExtraction, text: string): void {
    const { article } = extraction;
    this.tableOf.set(extraction, packLines(lineTable(text, article.boilerplate, article.frontMatter?.end ?? 0)));
  }

  private table(extraction: ArticleExtraction): Lines {
    let table = this.tableOf.get(extraction);
    if (!table) {
      const { article } = extraction;
      table = packLines(lineTable(article.text, article.boilerplate, article.frontMatter?.end ?? 0));
      this.tableOf.set(extraction, table);
    }
    return table;
  }

  /**
   * Takes in the articles in `changed` (changed or gone) and finds the corpus' furniture again. Returns the
   * paths whose furniture spans changed, `changed` or not (a line crossing the threshold changes every article
   * that holds it). While no line crosses the threshold, only the changed articles are read again: an edit in
   * a large corpus does not walk every article's lines.
   */
  *updateSteps(extractions: ReadonlyMap<string, ArticleExtraction>, changed: readonly string[]): Steps<string[]> {
    let work = 0;
    // The first count (no threshold yet) decides every key: the keys it touches need no list.
    const touched = this.threshold === 0 ? null : new Set<number>();
    for (const path of changed) {
      const old = this.tables.get(path);
      if (old) {
        for (const key of countedKeys(old)) {
          this.counts.add(key, -1);
          touched?.add(key);
        }
      }
      const extraction = extractions.get(path);
      if (extraction) {
        const table = this.table(extraction);
        this.tables.set(path, table);
        for (const key of countedKeys(table)) {
          this.counts.add(key, 1);
          touched?.add(key);
        }
        work += lineCount(table);
      } else this.tables.delete(path);
      if ((work += 16) >= ITEMS_PER_STEP) {
        work = 0;
        yield;
      }
    }
    const threshold = repeatThreshold(this.tables.size);
    let candidatesMoved = threshold !== this.threshold;
    if (candidatesMoved) {
      this.threshold = threshold;
      this.candidates = new Set();
      this.counts.forEach((key, count) => count >= threshold && this.candidates.add(key));
    } else {
      for (const key of touched ?? []) {
        const candidate = this.counts.get(key) >= threshold;
        if (candidate === this.candidates.has(key)) continue;
        candidatesMoved = true;
        if (candidate) this.candidates.add(key);
        else this.candidates.delete(key);
      }
    }
    yield;

    // Contexts of the candidates: all of them again when the candidates moved (a neighbour is the nearest line
    // that is no candidate), else only the changed articles' own.
    const previous = this.furnitureKeys;
    let reread: Iterable<string>;
    if (candidatesMoved) {
      this.contexts = new Map();
      this.contributions = new Map();
      reread = this.tables.keys();
    } else {
      for (const path of changed) this.takeBack(path);
      reread = changed;
    }
    for (const path of reread) {
      const table = this.tables.get(path);
      if (!table) continue;
      work += this.addContexts(path, table);
      if (work >= ITEMS_PER_STEP) {
        work = 0;
        yield;
      }
    }
    // Every key counted above is touched, so after a full count this decides all of them.
    const furniture = new Set(candidatesMoved ? [] : previous);
    for (const key of this.touchedContextKeys) {
      if ((this.contexts.get(key)?.size ?? 0) >= threshold) furniture.add(key);
      else furniture.delete(key);
    }
    this.touchedContextKeys.clear();
    this.furnitureKeys = furniture;
    yield;

    // Spans again: of every article holding a candidate when the furniture changed, else of the changed ones.
    const furnitureMoved = furniture.size !== previous.size || [...furniture].some((key) => !previous.has(key));
    const moved: string[] = [];
    const respan = furnitureMoved || candidatesMoved ? this.contributions.keys() : changed;
    for (const path of respan) {
      const table = this.tables.get(path);
      const spans = table && this.contributions.has(path) ? this.furnitureSpans(table, furniture) : NO_SPANS;
      if (!sameSpans(spans, this.spans(path))) moved.push(path);
      if (spans.length > 0) this.spansByPath.set(path, spans);
      else this.spansByPath.delete(path);
    }
    // After a full count an article may have stopped holding a candidate without having changed.
    if (candidatesMoved) {
      for (const path of [...this.spansByPath.keys()]) {
        if (this.contributions.has(path)) continue;
        this.spansByPath.delete(path);
        moved.push(path);
      }
    }
    return moved;
  }

  /** Counts the contexts of an article's candidate lines; returns the work done. */
  private addContexts(path: string, lines: Lines): number {
    const pairs: number[] = [];
    const count = lineCount(lines);
    for (let i = 0; i < count; i++) {
      const key = keyAt(lines, i);
      if (!(flagsAt(lines, i) & LINE_COUNTED) || !this.candidates.has(key)) continue;
      const context = Math.imul(this.neighbour(lines, this.candidates, i, -1), 31) ^ this.neighbour(lines, this.candidates, i, 1);
      addToIndex(this.contexts, key, context, 1);
      pairs.push(key, context);
      this.touchedContextKeys.add(key);
    }
    // A few pairs an article: a plain array at its exact length is smaller than a typed array and its buffer.
    if (pairs.length > 0) this.contributions.set(path, pairs.slice());
    return count;
  }

  /** Takes an article's contexts back out of the counts. */
  private takeBack(path: string): void {
    const pairs = this.contributions.get(path);
    if (!pairs) return;
    for (let i = 0; i < pairs.length; i += 2) {
      addToIndex(this.contexts, pairs[i], pairs[i + 1], -1);
      this.touchedContextKeys.add(pairs[i]);
    }
    this.contributions.delete(path);
  }

  /** The key of the nearest line in `direction` that is prose or a paragraph, or EDGE at the article's edge. */
  private neighbour(lines: Lines, candidates: ReadonlySet<number>, at: number, direction: 1 | -1): number {
    const count = lineCount(lines);
    for (let j = at + direction; j >= 0 && j < count; j += direction) {
      const flag = flagsAt(lines, j);
      const skippable = flag & LINE_BOILERPLATE || (flag & LINE_COUNTED && candidates.has(keyAt(lines, j)));
      if (!skippable) return keyAt(lines, j);
    }
    return EDGE;
  }

  private furnitureSpans(lines: Lines, furniture: ReadonlySet<number>): Span[] {
    const spans: Span[] = [];
    for (let i = 0; i < lineCount(lines); i++) {
      if (!(flagsAt(lines, i) & LINE_COUNTED) || !furniture.has(keyAt(lines, i))) continue;
      const start = lines[LINE_FIELDS * i + 1];
      spans.push({ start, end: start + (lines[LINE_FIELDS * i + 2] >>> FLAG_BITS) });
    }
    return spans.slice(); // kept per article: without the room a push reserves
  }
}
