// Averaged structured perceptron over the tagger's own decoding: each sentence is tagged with the current
// weights (document memory filled from the model's own earlier predictions, as at inference) and the
// weights move towards the gold tags where they differ. Deterministic: fixed epochs, documents in an order
// drawn from a seeded generator, no floating-point sums whose order could vary.
import type { ConllDocument } from './conll';
import { FORBIDDEN, SentenceBuffers, decodeText, transitionAllowed, type Weights } from './decoder';
import { DocumentMemory } from './memory';
import { USE_ALL } from './features';
import { OUTSIDE, TAG_COUNT, beginTag, isInsideTag, typeOfTag } from './tags';
import { F_CANDIDATE, TokenInfo, describeTokens } from './tokenInfo';
import { tokenize, type Tokens } from './tokenizer';

const T = TAG_COUNT;

export interface TrainingOptions {
  /** log2 of the number of hash buckets. */
  bits: number;
  /** Feature groups (features.ts USE_ bits). */
  use: number;
  epochs: number;
  seed: number;
  /** Called after each epoch. */
  onEpoch?: (epoch: number, weights: Weights) => void;
}

/** How the shipped model is trained: three runs in different orders, their weights averaged. */
export const SHIPPED_TRAINING = { bits: 16, use: USE_ALL, epochs: 10, seeds: [1, 2, 3] } as const;

/**
 * Trains one model per seed and averages their weights (parameter mixing): steadier than any one run,
 * and as cheap to apply.
 */
export function trainMixture(
  documents: readonly ConllDocument[], options: Omit<TrainingOptions, 'seed' | 'onEpoch'> & { seeds: readonly number[] },
): Weights & { emission: Float32Array; transitions: Float64Array } {
  const emission = new Float32Array(T << options.bits);
  const transitions = new Float64Array((T + 1) * T);
  for (const seed of options.seeds) {
    const run = train(documents, { ...options, seed });
    for (let k = 0; k < emission.length; k++) emission[k] += run.emission[k] / options.seeds.length;
    for (let k = 0; k < transitions.length; k++) transitions[k] += run.transitions[k] / options.seeds.length;
  }
  for (let k = 0; k < transitions.length; k++) if (transitions[k] < FORBIDDEN / 2) transitions[k] = FORBIDDEN;
  return { bits: options.bits, use: options.use, emission, transitions };
}

/** Mulberry32: a small seeded generator, so the training order is the same on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The transitions table with IOB2's forbidden moves set to FORBIDDEN and the rest to 0. */
function initialTransitions(): Float64Array {
  const transitions = new Float64Array((T + 1) * T);
  for (let p = 0; p <= T; p++) for (let t = 0; t < T; t++) if (!transitionAllowed(p, t)) transitions[p * T + t] = FORBIDDEN;
  return transitions;
}

class Averaged {
  readonly weights: Float32Array;
  private readonly sums: Float64Array;

  constructor(size: number) {
    this.weights = new Float32Array(size);
    this.sums = new Float64Array(size);
  }

  add(index: number, delta: number, step: number): void {
    this.weights[index] += delta;
    this.sums[index] += delta * step;
  }

  /** Averages over `steps` steps: w - sums / steps. */
  average(steps: number, into: Float32Array | Float64Array): void {
    for (let k = 0; k < this.weights.length; k++) into[k] = this.weights[k] - this.sums[k] / steps;
  }
}

/** Trains on `documents`; returns averaged float weights. */
export function train(documents: readonly ConllDocument[], options: TrainingOptions): Weights & { emission: Float32Array; transitions: Float64Array } {
  const { bits, use } = options;
  const emission = new Averaged(T << bits);
  const transitions = new Averaged((T + 1) * T);
  const live = initialTransitions();
  const current: Weights = { bits, use, emission: emission.weights, transitions: live };
  const shift = 32 - bits;
  const info = new TokenInfo();
  const memory = new DocumentMemory();
  const buffers = new SentenceBuffers();
  const random = seededRandom(options.seed);
  const order = documents.map((_, k) => k);
  let predicted = new Uint8Array(1024);
  let gold = new Uint8Array(1024);
  let step = 1;
  /** The perceptron step on one decoded sentence: towards gold where the prediction differs. */
  const update = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const g = gold[i];
      const p = predicted[i];
      const gp = i === from ? T : gold[i - 1];
      const pp = i === from ? T : predicted[i - 1];
      if (g !== p) {
        for (let r = buffers.rowStarts[i - from]; r < buffers.rowStarts[i - from + 1]; r++) {
          const base = (buffers.rows[r] >>> shift) * T;
          emission.add(base + g, 1, step);
          emission.add(base + p, -1, step);
        }
      }
      if (g !== p || gp !== pp) {
        transitions.add(gp * T + g, 1, step);
        transitions.add(pp * T + p, -1, step);
        live[gp * T + g] += 1;
        live[pp * T + p] -= 1;
      }
    }
    step++;
  };
  const averagedEmission = new Float32Array(T << bits);
  const averagedTransitions = initialTransitions();
  const snapshot = (): Weights & { emission: Float32Array; transitions: Float64Array } => {
    emission.average(step, averagedEmission);
    transitions.average(step, averagedTransitions);
    for (let k = 0; k < live.length; k++) if (live[k] === FORBIDDEN) averagedTransitions[k] = FORBIDDEN;
    return { bits, use, emission: averagedEmission, transitions: averagedTransitions };
  };
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    for (const d of order) {
      const doc = documents[d];
      const tokens = tokenize(doc.text);
      if (tokens.count !== doc.tags.length) throw new Error('the tokenizer does not reproduce the CoNLL tokens');
      describeTokens(doc.text, tokens, info);
      if (predicted.length < tokens.count) {
        predicted = new Uint8Array(tokens.count * 2);
        gold = new Uint8Array(tokens.count * 2);
      }
      reachableGold(doc.tags, tokens, info, gold);
      decodeText(tokens, info, memory, current, buffers, predicted, update);
    }
    options.onEpoch?.(epoch + 1, snapshot());
  }
  return snapshot();
}

/** Gold tags the tagger can produce: entity tokens it never scores (not candidates) become O. */
function reachableGold(tags: Uint8Array, tokens: Tokens, info: TokenInfo, out: Uint8Array): void {
  const { flags } = info;
  const { sentenceStarts } = tokens;
  for (let s = 0; s < tokens.sentenceCount; s++) {
    const from = sentenceStarts[s];
    for (let i = from; i < sentenceStarts[s + 1]; i++) {
      let tag = (flags[i] & F_CANDIDATE) === 0 ? OUTSIDE : tags[i];
      const continues = i > from && out[i - 1] !== OUTSIDE && typeOfTag(out[i - 1]) === typeOfTag(tag);
      if (isInsideTag(tag) && !continues) tag = beginTag(typeOfTag(tag));
      out[i] = tag;
    }
  }
}
