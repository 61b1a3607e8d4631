// Fuse's scoring, reproduced (fuse.js 7 with the options of QUOTE_FUSE_OPTIONS; verified against fuse in
// test/unit/search.test.ts): field norms, per-chunk scores from Myers' bit-parallel edit distance (the error count
// bitap finds, in one pass instead of one per error level), and the lower bounds and estimates of a chunk's score
// from how many of its trigram positions a document contains.

const MAX_BITS = 32;
const THRESHOLD = 0.6;
export const KEY_WEIGHT = 0.5; // two keys of weight 1, normalised by fuse to 0.5 each
const LOG_EPSILON = Math.log(Number.EPSILON);
const LOG_MIN_SCORE = Math.log(0.001);

/** Fuse's field norm: 1/sqrt(number of whitespace-separated tokens), rounded to 3 decimals. */
export function fuseFieldNorm(value: string): number {
  let tokens = 0;
  let inWord = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const separator = (code >= 9 && code <= 13) || code === 32 || code === 160;
    if (!separator) {
      if (!inWord) tokens++;
      inWord = true;
    } else inWord = false;
  }
  if (tokens === 0) tokens = 1;
  return Math.round(1000 / Math.sqrt(tokens)) / 1000;
}

/** Splits a lower-cased pattern the way fuse's BitapSearch does: 32-character chunks, the last one overlapping. */
function fuseChunks(pattern: string): string[] {
  if (pattern.length <= MAX_BITS) return [pattern];
  const chunks: string[] = [];
  const remainder = pattern.length % MAX_BITS;
  const end = pattern.length - remainder;
  for (let i = 0; i < end; i += MAX_BITS) chunks.push(pattern.substr(i, MAX_BITS));
  if (remainder) chunks.push(pattern.substr(pattern.length - MAX_BITS));
  return chunks;
}

/** Largest error count fuse accepts for a chunk of this length (errors / length <= threshold). */
function maxErrors(length: number): number {
  let errors = 0;
  while (errors + 1 < length && (errors + 1) / length <= THRESHOLD) errors++;
  return errors;
}

/** One chunk of a query, prepared for Myers' algorithm. */
export class PreparedChunk {
  readonly length: number;
  readonly maxErrors: number;
  private readonly peq = new Map<number, number>();
  private readonly ascii = new Int32Array(128);

  constructor(readonly pattern: string) {
    this.length = pattern.length;
    this.maxErrors = maxErrors(pattern.length);
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      if (code < 128) this.ascii[code] |= 1 << i;
      else this.peq.set(code, (this.peq.get(code) ?? 0) | (1 << i));
    }
  }

  /** Smallest edit distance between the chunk and any substring of `text` (Myers 1999, semi-global). */
  minErrors(text: string): number {
    const m = this.length;
    const high = 1 << (m - 1);
    const ascii = this.ascii;
    const peq = this.peq;
    let pv = -1;
    let mv = 0;
    let score = m;
    let best = m;
    for (let j = 0; j < text.length; j++) {
      const code = text.charCodeAt(j);
      const eq = code < 128 ? ascii[code] : (peq.get(code) ?? 0);
      const xv = eq | mv;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & high) score++;
      else if (mh & high) score--;
      ph <<= 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      if (score < best) {
        best = score;
        if (best === 0) break;
      }
    }
    return best;
  }

  /**
   * `minErrors` of this chunk and of `other` over the same text in one pass (one read of each character, one loop):
   * written into `out` as [this chunk's, other's].
   */
  minErrorsWith(other: PreparedChunk, text: string, out: Int32Array): Int32Array {
    const m1 = this.length;
    const high1 = 1 << (m1 - 1);
    const ascii1 = this.ascii;
    const peq1 = this.peq;
    const m2 = other.length;
    const high2 = 1 << (m2 - 1);
    const ascii2 = other.ascii;
    const peq2 = other.peq;
    let pv1 = -1;
    let mv1 = 0;
    let score1 = m1;
    let best1 = m1;
    let pv2 = -1;
    let mv2 = 0;
    let score2 = m2;
    let best2 = m2;
    for (let j = 0; j < text.length; j++) {
      const code = text.charCodeAt(j);
      const ascii = code < 128;
      const eq1 = ascii ? ascii1[code] : (peq1.get(code) ?? 0);
      const xv1 = eq1 | mv1;
      const xh1 = ((((eq1 & pv1) + pv1) | 0) ^ pv1) | eq1;
      let ph1 = mv1 | ~(xh1 | pv1);
      let mh1 = pv1 & xh1;
      if (ph1 & high1) score1++;
      else if (mh1 & high1) score1--;
      ph1 <<= 1;
      mh1 <<= 1;
      pv1 = mh1 | ~(xv1 | ph1);
      mv1 = ph1 & xv1;
      if (score1 < best1) best1 = score1;

      const eq2 = ascii ? ascii2[code] : (peq2.get(code) ?? 0);
      const xv2 = eq2 | mv2;
      const xh2 = ((((eq2 & pv2) + pv2) | 0) ^ pv2) | eq2;
      let ph2 = mv2 | ~(xh2 | pv2);
      let mh2 = pv2 & xh2;
      if (ph2 & high2) score2++;
      else if (mh2 & high2) score2--;
      ph2 <<= 1;
      mh2 <<= 1;
      pv2 = mh2 | ~(xv2 | ph2);
      mv2 = ph2 & xv2;
      if (score2 < best2) best2 = score2;
      if (best1 === 0 && best2 === 0) break;
    }
    out[0] = best1;
    out[1] = best2;
    return out;
  }
}

/** A query prepared for computing fuse's score of any field value. */
export class PreparedQuery {
  readonly chunks: PreparedChunk[];
  /** A text shorter than this matches no chunk: its edit distance to a chunk of m characters is at least m - length. */
  private readonly shortestMatchable: number;
  constructor(readonly pattern: string) {
    this.chunks = fuseChunks(pattern).map((chunk) => new PreparedChunk(chunk));
    this.shortestMatchable = Math.min(...this.chunks.map((chunk) => chunk.length - Math.min(chunk.maxErrors, chunk.length - 1)));
  }

  /** Fuse's bitap score of a lower-cased field value: 0 (identical), 0.001..0.6 averaged over chunks, or 1 (no match). */
  fieldScore(lowerValue: string): number {
    if (lowerValue.length === this.pattern.length && lowerValue === this.pattern) return 0;
    if (lowerValue.length < this.shortestMatchable) return 1;
    const chunks = this.chunks;
    if (chunks.length === 2) {
      // Queries of 33-64 characters: both chunks in one pass over the text (the exact scoring's hot loop).
      const [first, second] = chunks;
      const errors = first.minErrorsWith(second, lowerValue, this.pairErrors);
      return combineChunkScores(first, errors[0], second, errors[1]);
    }
    let total = 0;
    let matched = false;
    for (const chunk of chunks) {
      const errors = chunk.minErrors(lowerValue);
      if (errors <= chunk.maxErrors && errors < chunk.length) {
        matched = true;
        total += Math.max(0.001, errors / chunk.length);
      } else total += 1;
    }
    return matched ? total / chunks.length : 1;
  }

  private readonly pairErrors = new Int32Array(2);
}

/** The mean of two chunks' scores, as fieldScore's loop sums them (same operations, so the same value to the last bit). */
function combineChunkScores(first: PreparedChunk, firstErrors: number, second: PreparedChunk, secondErrors: number): number {
  const firstMatched = firstErrors <= first.maxErrors && firstErrors < first.length;
  const secondMatched = secondErrors <= second.maxErrors && secondErrors < second.length;
  if (!firstMatched && !secondMatched) return 1;
  const total = (firstMatched ? Math.max(0.001, firstErrors / first.length) : 1) + (secondMatched ? Math.max(0.001, secondErrors / second.length) : 1);
  return total / 2;
}

/**
 * Estimated errors of a 32-character chunk (every chunk of a query over 32 characters) in a document missing
 * `missing` of its 30 trigram positions. With few missing, the document holds a near copy and each missing trigram
 * is about one error; with many, it holds none, and the best alignment against unrelated text costs about a third
 * of the chunk plus a little per missing trigram (measured on the benchmark's 100,000 quotes: about 14 errors at 10
 * missing, 18 at 20, 22 at 30). One error per missing trigram ranks all of those as no match, which buries the
 * short quotes fuse ranks first (a short field's norm outweighs a mediocre match).
 */
export function longChunkErrorEstimate(missing: number): number {
  return Math.round(Math.min(missing, 10 + 0.4 * missing));
}

/** log of a key's factor in fuse's total score, score^(weight * norm), given weight * norm; 0 when it does not match. */
export function textLog(score: number, halfNorm: number): number {
  if (score >= 1) return 0;
  return halfNorm * (score === 0 ? LOG_EPSILON : score === 0.001 ? LOG_MIN_SCORE : Math.log(score));
}

/**
 * Per chunk, indexed by how many of its trigram positions a document contains: a lower bound on the chunk's score
 * (`bounds`) and an estimate of it (`estimates`, the order in which documents are scored exactly).
 */
export interface ChunkScoreTables {
  bounds: Float64Array[];
  estimates: Float64Array[];
}

export function chunkScoreTables(chunks: readonly PreparedChunk[]): ChunkScoreTables {
  const bounds: Float64Array[] = [];
  const estimates: Float64Array[] = [];
  chunks.forEach((chunk) => {
    const positions = chunk.length - 2;
    const bound = new Float64Array(positions + 1);
    const estimate = new Float64Array(positions + 1);
    const chunkScore = (errors: number): number => (errors <= chunk.maxErrors ? Math.max(0.001, errors / chunk.length) : 1);
    for (let present = 0; present <= positions; present++) {
      // q-gram lemma: d errors destroy at most 3d of the (length - 2) trigram positions: a lower bound on d.
      bound[present] = chunkScore(Math.ceil((positions - present) / 3));
      // In practice about one error per missing trigram (flatter for long queries' chunks, see
      // longChunkErrorEstimate): the order in which documents are scored.
      estimate[present] = chunkScore(chunks.length > 1 ? longChunkErrorEstimate(positions - present) : positions - present);
    }
    bounds.push(bound);
    estimates.push(estimate);
  });
  return { bounds, estimates };
}

/** The log of each entry of a one-chunk table (0 for no match): a query of one chunk then scores by lookup. */
export function logTable(table: Float64Array): Float64Array {
  return table.map((score) => (score >= 1 ? 0 : Math.log(score)));
}

/**
 * For a query of two chunks (33-64 characters): the log of the mean of both chunks' scores for each pair of
 * counts, at `a * width + b` with `width` the second table's length (same arithmetic as averaging the two
 * lookups, so the same values to the last bit). Empty unless `pair`.
 */
export function pairLogTable(tables: readonly Float64Array[], pair: boolean): Float64Array {
  const width = pair ? tables[1].length : 0;
  const logs = new Float64Array(pair ? tables[0].length * width : 0);
  for (let a = 0; pair && a < tables[0].length; a++) {
    for (let b = 0; b < width; b++) {
      const score = (0 + tables[0][a] + tables[1][b]) / 2;
      logs[a * width + b] = score >= 1 ? 0 : score === 0.001 ? LOG_MIN_SCORE : Math.log(score);
    }
  }
  return logs;
}
