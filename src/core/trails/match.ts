// When two quotes are one quote: the same words, one a cut of the other, or a light variant (an ellipsis, a few
// words changed or dropped). The shorter quote is aligned against any stretch of the longer one by word edit
// distance; the edits it may take grow with its length, so a phrase that merely recurs ("we will not", "the
// United Kingdom") is never enough: the shorter quote needs `MIN_WORDS` words of which `MIN_CONTENT` carry content.
import { GAP, quoteWords, type QuoteWords } from './words';

/** How a quote relates to another of its trail: same words, a cut of it (or it of this), or a light variant. */
export type TrailMatch = 'whole' | 'cut' | 'varied';

/** Fewer words than this never join a trail: short fragments ("business as usual") are common phrases. */
export const MIN_WORDS = 6;
/** Words other than function words a quote needs to join a trail ("we will not be able to do that" has too few). */
export const MIN_CONTENT = 3;
/** Words compared as one unit when looking for candidates (see `allowedEdits`). */
export const SHINGLE = 4;

/** Whether a quote is long enough to join a trail at all. */
export function canJoinTrail(words: QuoteWords): boolean {
  return words.words >= MIN_WORDS && words.content >= MIN_CONTENT;
}

/**
 * Edits (see `editsWithin`) a quote of `words` words may differ by: none up to 7 words, one (a function word)
 * from 8, two (a content word) from 12, six at 28. Also the bound that keeps candidate search complete: with at
 * most this many edits, a run of `SHINGLE` words is always left intact.
 */
export function allowedEdits(words: number): number {
  return Math.max(0, Math.floor((words - SHINGLE) / 4));
}

// Bound once: the alignment compares every pair of candidate words.
const GAP_HASH = GAP;

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * The fewest word edits that turn `short` into some stretch of `long` (its words before and after the stretch are
 * free); -1 above `limit`. A function word changed, dropped or added is one edit, a content word two. A gap
 * (ellipsis) of the short quote stands for any run of the long one's words for one edit; a gap of the long quote
 * costs nothing itself, the words of the short quote it leaves out as dropped words.
 */
export function editsWithin(short: Int32Array, long: Int32Array, limit: number): number {
  const n = short.length;
  const m = long.length;
  if (rowA.length <= m) {
    rowA = new Int32Array(m + 64);
    rowB = new Int32Array(m + 64);
  }
  let previous = rowA;
  let current = rowB;
  previous.fill(0, 0, m + 1);
  for (let i = 1; i <= n; i++) {
    const a = short[i - 1];
    let rowMin: number;
    if (a === GAP_HASH) {
      // The gap takes any run of the long quote's words (the best so far along the row above) for one edit.
      let best = previous[0];
      current[0] = best + 1;
      for (let j = 1; j <= m; j++) {
        if (previous[j] < best) best = previous[j];
        current[j] = best + 1;
      }
      rowMin = current[0];
      for (let j = 1; j <= m; j++) if (current[j] < rowMin) rowMin = current[j];
    } else {
      current[0] = previous[0] + (a & 1) + 1;
      rowMin = current[0];
      for (let j = 1; j <= m; j++) {
        const b = long[j - 1];
        let cost: number;
        if (b === GAP_HASH) {
          // A gap of the long quote is passed for free; the short quote's words it stands for are dropped words.
          cost = Math.min(current[j - 1], previous[j] + (a & 1) + 1);
        } else {
          // A content word changed, dropped or added costs two edits, a function word one.
          cost = previous[j - 1] + (a === b ? 0 : ((a | b) & 1) + 1);
          const drop = previous[j] + (a & 1) + 1;
          if (drop < cost) cost = drop;
          const add = current[j - 1] + (b & 1) + 1;
          if (add < cost) cost = add;
        }
        current[j] = cost;
        if (cost < rowMin) rowMin = cost;
      }
    }
    if (rowMin > limit) return -1;
    const swap = previous;
    previous = current;
    current = swap;
  }
  let best = previous[0];
  for (let j = 1; j <= m; j++) if (previous[j] < best) best = previous[j];
  return best <= limit ? best : -1;
}

function sameHashes(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `words` sorted, kept on the object: the quick check below asks it many times for the same long quote. */
function sortedWords(words: QuoteWords & { sorted?: Int32Array }): Int32Array {
  return (words.sorted ??= words.hashes.slice().sort());
}

/**
 * A lower bound of `editsWithin` that is cheap: each word of the short quote the long one lacks must be changed
 * or dropped. False when even that exceeds `limit`.
 */
function wordsMayMatch(short: Int32Array, long: QuoteWords, limit: number): boolean {
  const sorted = sortedWords(long);
  let cost = 0;
  for (let i = 0; i < short.length; i++) {
    const word = short[i];
    if (word === GAP_HASH) continue;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < word) lo = mid + 1;
      else hi = mid;
    }
    if (sorted[lo] !== word && (cost += (word & 1) + 1) > limit) return false;
  }
  return true;
}

/** How two quotes' words relate, or null when they are not one quote. */
export function matchWords(a: QuoteWords, b: QuoteWords): TrailMatch | null {
  const [short, long] = a.words < b.words || (a.words === b.words && a.hashes.length <= b.hashes.length) ? [a, b] : [b, a];
  if (!canJoinTrail(short)) return null;
  if (sameHashes(short.hashes, long.hashes)) return 'whole';
  const limit = allowedEdits(short.words);
  if (!wordsMayMatch(short.hashes, long, limit)) return null;
  const edits = editsWithin(short.hashes, long.hashes, limit);
  if (edits < 0) return null;
  if (edits > 0 || short.gaps > 0 || long.gaps > 0) return 'varied';
  return 'cut';
}

/** How two quote texts relate, or null when they are not one quote. */
export function matchQuotes(a: string, b: string): TrailMatch | null {
  return matchWords(quoteWords(a), quoteWords(b));
}
