// Tags one sentence: features of each candidate token, their weights summed per tag, then Viterbi over
// the IOB2 tags. Shared by inference (int8 weights) and training (float weights). Tokens that are not
// candidates (no capital letter near them) are outside any entity and cost no feature work.
import * as features from './features';
import type { EmissionCache } from './emissionCache';
import type { GroupSums } from './groupSums';
import type { DocumentMemory } from './memory';
import * as tagSet from './tags';
import * as tokenFacts from './tokenInfo';
import type { TokenInfo } from './tokenInfo';
import type { Tokens } from './tokenizer';
const { OUTSIDE, TAG_COUNT, allowedAfter, typeOfTag } = tagSet;
const { MAX_FEATURES, contextFeatures, contextShapeFeatures, contextShapeKey, contextWordFeatures, memoryFeatures, memoryKey, wordFeatures } = features;
const { F_CANDIDATE, F_HAS_UPPER } = tokenFacts;

const T = TAG_COUNT;
if (T !== 9) throw new Error('decodeSentence sums exactly nine tags');

export interface Weights {
  /** log2 of the number of hash buckets. */
  bits: number;
  /** Feature groups (features.ts USE_ bits). */
  use: number;
  /** Bucket b, tag t at b * TAG_COUNT + t. */
  emission: ArrayLike<number>;
  /** Previous tag p (TAG_COUNT for the sentence start), tag t at p * TAG_COUNT + t. */
  transitions: ArrayLike<number>;
}

/** Feature hashes of the last decoded sentence: token i's are rows[rowStarts[i - from] .. rowStarts[i - from + 1]). */
export class SentenceBuffers {
  rows = new Int32Array(MAX_FEATURES * 256);
  rowStarts = new Int32Array(257);
  emissions = new Float64Array(T * 256);
  backPointers = new Uint8Array(T * 256);
  scores = new Float64Array(T);
  nextScores = new Float64Array(T);
  /** Word-feature sums by word; null while training (the trainer needs every feature of every token). */
  cache: EmissionCache | null = null;
  /** Sums of shared feature groups; null while training. With it, rows hold only a token's other features. */
  groups: GroupSums | null = null;

  ensure(length: number): void {
    if (length + 1 <= this.rowStarts.length) return;
    const capacity = length * 2;
    this.rows = new Int32Array(MAX_FEATURES * capacity);
    this.rowStarts = new Int32Array(capacity + 1);
    this.emissions = new Float64Array(T * capacity);
    this.backPointers = new Uint8Array(T * capacity);
  }
}

/** Transition penalty that forbids a move (I-X after anything but B-X or I-X). */
export const FORBIDDEN = -1e30;

/** Whether a transition may be taken; the transitions table holds FORBIDDEN elsewhere. */
export function transitionAllowed(previous: number, tag: number): boolean {
  return allowedAfter(previous === T ? -1 : previous, tag);
}

/** Tags tokens [from, to) (one sentence) into tags[from, to). */
function decodeSentence(
  info: TokenInfo, memory: DocumentMemory, from: number, to: number, weights: Weights, buffers: SentenceBuffers, tags: Uint8Array,
): void {
  const length = to - from;
  buffers.ensure(length);
  const { rows, rowStarts, emissions, cache, groups } = buffers;
  const { emission, use } = weights;
  const shift = 32 - weights.bits;
  const flags = info.flags;
  let at = 0;
  for (let i = from; i < to; i++) {
    const e = (i - from) * T;
    rowStarts[i - from] = at;
    if ((flags[i] & F_CANDIDATE) === 0) {
      // Viterbi reads only the O score of a token that is not a candidate, but every score of the first.
      emissions[e] = 0;
      if (i === from) for (let t = 1; t < T; t++) emissions[e + t] = FORBIDDEN;
      continue;
    }
    if (cache !== null) {
      const slot = cache.slotOf(info, i, weights);
      if (cache.isFilled(slot)) {
        const { sums } = cache;
        const sumsAt = cache.sumsAt(slot);
        for (let t = 0; t < T; t++) emissions[e + t] = sums[sumsAt + t];
      } else {
        clearScores(emissions, e);
        sumRows(rows, at, wordFeatures(info, i, use, rows, at), emission, shift, emissions, e);
        cache.fill(slot, emissions, e);
      }
    } else {
      clearScores(emissions, e);
      at = wordFeatures(info, i, use, rows, at);
    }
    if (groups !== null) {
      at = contextWordFeatures(info, i, from, to, use, rows, at);
      sumRows(rows, rowStarts[i - from], at, emission, shift, emissions, e);
      addGroupSums(info, memory, i, from, to, weights, groups, rows, at, emissions, e);
      continue;
    }
    at = contextFeatures(info, i, from, to, use, rows, at);
    at = memoryFeatures(info, memory, i, use, rows, at);
    sumRows(rows, rowStarts[i - from], at, emission, shift, emissions, e);
  }
  rowStarts[length] = at;
  viterbi(length, flags, from, weights.transitions, buffers, tags);
}

/**
 * Adds the sums of token i's shape-context and memory features to scores[e, e + 9), from `groups` where they
 * are cached; rows from `at` are scratch.
 */
function addGroupSums(
  info: TokenInfo, memory: DocumentMemory, i: number, from: number, to: number, weights: Weights, groups: GroupSums,
  rows: Int32Array, at: number, scores: Float64Array, e: number,
): void {
  const { emission, use } = weights;
  const shift = 32 - weights.bits;
  const { scratch } = groups;
  contextShapeKey(info, i, from, to, groups.key);
  let slot = groups.shapeSlot();
  if (slot < 0) {
    slot = -slot - 1;
    clearScores(scratch, 0);
    sumRows(rows, at, contextShapeFeatures(info, i, from, to, use, rows, at), emission, shift, scratch, 0);
    groups.storeShape(slot);
  }
  groups.addShape(slot, scores, e);
  const key = memoryKey(info, memory, i);
  if (key < 0) {
    sumRows(rows, at, memoryFeatures(info, memory, i, use, rows, at), emission, shift, scores, e);
    return;
  }
  if (!groups.isMemoryFilled(key)) {
    clearScores(scratch, 0);
    sumRows(rows, at, memoryFeatures(info, memory, i, use, rows, at), emission, shift, scratch, 0);
    groups.storeMemory(key);
  }
  groups.addMemory(key, scores, e);
}

function clearScores(scores: Float64Array, at: number): void {
  for (let t = 0; t < T; t++) scores[at + t] = 0;
}

/** Adds the weights of feature hashes rows[first, end) to scores[at, at + 9). */
function sumRows(rows: Int32Array, first: number, end: number, emission: ArrayLike<number>, shift: number, scores: Float64Array, at: number): void {
  // Nine tags, summed in locals: the hottest loop of the tagger.
  let s0 = scores[at], s1 = scores[at + 1], s2 = scores[at + 2], s3 = scores[at + 3], s4 = scores[at + 4];
  let s5 = scores[at + 5], s6 = scores[at + 6], s7 = scores[at + 7], s8 = scores[at + 8];
  for (let k = first; k < end; k++) {
    const base = (rows[k] >>> shift) * 9;
    s0 += emission[base];
    s1 += emission[base + 1];
    s2 += emission[base + 2];
    s3 += emission[base + 3];
    s4 += emission[base + 4];
    s5 += emission[base + 5];
    s6 += emission[base + 6];
    s7 += emission[base + 7];
    s8 += emission[base + 8];
  }
  scores[at] = s0;
  scores[at + 1] = s1;
  scores[at + 2] = s2;
  scores[at + 3] = s3;
  scores[at + 4] = s4;
  scores[at + 5] = s5;
  scores[at + 6] = s6;
  scores[at + 7] = s7;
  scores[at + 8] = s8;
}

function viterbi(length: number, flags: Int32Array, from: number, transitions: ArrayLike<number>, buffers: SentenceBuffers, tags: Uint8Array): void {
  const { emissions, backPointers } = buffers;
  let scores = buffers.scores;
  let next = buffers.nextScores;
  for (let t = 0; t < T; t++) scores[t] = transitions[T * T + t] + emissions[t];
  // After a token that is not a candidate only O is alive (the other scores are forbidden and never read), and
  // only O follows one: such a step adds to the O score alone and needs no back pointer (backtracking knows it).
  const stay = transitions[OUTSIDE * T + OUTSIDE];
  let onlyOutside = (flags[from] & F_CANDIDATE) === 0;
  for (let i = 1; i < length; i++) {
    const e = i * T;
    const candidate = (flags[from + i] & F_CANDIDATE) !== 0;
    if (onlyOutside && !candidate) {
      scores[OUTSIDE] = scores[OUTSIDE] + stay + emissions[e + OUTSIDE];
      continue;
    }
    if (onlyOutside) {
      const previous = scores[OUTSIDE];
      for (let t = 0; t < T; t++) {
        next[t] = previous + transitions[OUTSIDE * T + t] + emissions[e + t];
        backPointers[e + t] = OUTSIDE;
      }
    } else {
      // The nine previous scores in locals, and the predecessors compared unrolled (the first best wins).
      const p0 = scores[0], p1 = scores[1], p2 = scores[2], p3 = scores[3], p4 = scores[4];
      const p5 = scores[5], p6 = scores[6], p7 = scores[7], p8 = scores[8];
      for (let t = 0; t < (candidate ? T : 1); t++) {
        let best: number;
        let arg: number;
        if (t !== OUTSIDE && (t & 1) === 0) {
          // I-X only follows B-X or I-X (tags t - 1 and t); the other moves are forbidden, not worth scoring.
          best = scores[t - 1] + transitions[(t - 1) * T + t];
          arg = t - 1;
          const s = scores[t] + transitions[t * T + t];
          if (s > best) {
            best = s;
            arg = t;
          }
        } else {
          best = p0 + transitions[t];
          arg = 0;
          let s = p1 + transitions[T + t];
          if (s > best) { best = s; arg = 1; }
          s = p2 + transitions[2 * T + t];
          if (s > best) { best = s; arg = 2; }
          s = p3 + transitions[3 * T + t];
          if (s > best) { best = s; arg = 3; }
          s = p4 + transitions[4 * T + t];
          if (s > best) { best = s; arg = 4; }
          s = p5 + transitions[5 * T + t];
          if (s > best) { best = s; arg = 5; }
          s = p6 + transitions[6 * T + t];
          if (s > best) { best = s; arg = 6; }
          s = p7 + transitions[7 * T + t];
          if (s > best) { best = s; arg = 7; }
          s = p8 + transitions[8 * T + t];
          if (s > best) { best = s; arg = 8; }
        }
        next[t] = best + emissions[e + t];
        backPointers[e + t] = arg;
      }
    }
    onlyOutside = !candidate;
    const swap = scores;
    scores = next;
    next = swap;
  }
  let last = 0;
  if (!onlyOutside) for (let t = 1; t < T; t++) if (scores[t] > scores[last]) last = t;
  for (let i = length - 1; i > 0; i--) {
    tags[from + i] = last;
    last = (flags[from + i] & F_CANDIDATE) === 0 && (flags[from + i - 1] & F_CANDIDATE) === 0 ? OUTSIDE : backPointers[i * T + last];
  }
  tags[from] = last;
}

/** Remembers how the capitalised tokens of tokens [from, to) were tagged. */
function rememberSentence(info: TokenInfo, memory: DocumentMemory, from: number, to: number, tags: Uint8Array): void {
  const { flags } = info;
  for (let i = from; i < to; i++) {
    if ((flags[i] & F_HAS_UPPER) === 0) continue;
    const tag = tags[i];
    memory.record(i, tag === OUTSIDE ? 0 : 1 + typeOfTag(tag));
  }
}

/**
 * Tags every token of a text into tags[0, tokens.count), sentence by sentence, each remembered for the next.
 * `afterSentence` sees each sentence right after it is decoded, with its features still in `buffers`.
 */
export function decodeText(
  tokens: Tokens, info: TokenInfo, memory: DocumentMemory, weights: Weights, buffers: SentenceBuffers, tags: Uint8Array,
  afterSentence?: (from: number, to: number) => void,
): void {
  memory.reset(tokens.count);
  memory.noteCases(info);
  buffers.groups?.use(weights);
  for (let s = 0; s < tokens.sentenceCount; s++) {
    const from = tokens.sentenceStarts[s];
    const to = tokens.sentenceStarts[s + 1];
    decodeSentence(info, memory, from, to, weights, buffers, tags);
    afterSentence?.(from, to);
    rememberSentence(info, memory, from, to, tags);
  }
}
