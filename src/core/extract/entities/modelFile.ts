// The shipped model's file format: JSON (esbuild bundles it into the extension) holding the int8 emission
// weights as base64 and the transitions in the same integer units. Quantising keeps the tagger small
// (one byte per weight) and its sums exact integers.
import type { Weights } from './decoder';
import { FORBIDDEN } from './decoder';
import { TAG_COUNT } from './tags';

export interface ModelFile {
  about: string;
  format: 1;
  bits: number;
  use: number;
  tags: number;
  /** Previous tag (TAG_COUNT: sentence start) by tag; null where IOB2 forbids the move. */
  transitions: (number | null)[];
  /** Int8 weights, bucket-major, base64. */
  emission: string;
}

/** Share of the largest weights (by magnitude) allowed to saturate at ±127 when quantising. */
const CLIP_SHARE = 1e-5;

/** Quantises float weights: int8 emission scaled so all but the top CLIP_SHARE fit, transitions rounded alike. */
export function quantise(weights: Weights & { emission: ArrayLike<number> }, about: string): ModelFile {
  const magnitudes: number[] = [];
  for (let k = 0; k < weights.emission.length; k++) if (weights.emission[k] !== 0) magnitudes.push(Math.abs(weights.emission[k]));
  magnitudes.sort((a, b) => a - b);
  const limit = magnitudes.length ? magnitudes[Math.min(magnitudes.length - 1, Math.floor(magnitudes.length * (1 - CLIP_SHARE)))] : 1;
  const scale = 127 / (limit || 1);
  const emission = new Int8Array(weights.emission.length);
  for (let k = 0; k < emission.length; k++) emission[k] = Math.max(-127, Math.min(127, Math.round(weights.emission[k] * scale)));
  const transitions = Array.from(weights.transitions, (w) => (w <= FORBIDDEN / 2 ? null : Math.round(w * scale)));
  return {
    about,
    format: 1,
    bits: weights.bits,
    use: weights.use,
    tags: TAG_COUNT,
    transitions,
    emission: Buffer.from(emission.buffer, emission.byteOffset, emission.byteLength).toString('base64'),
  };
}

/** Weights for the decoder from a model file. */
export function weightsOf(model: ModelFile): Weights & { emission: Int8Array } {
  if (model.format !== 1 || model.tags !== TAG_COUNT) throw new Error('unsupported entity model');
  const bytes = Buffer.from(model.emission, 'base64');
  const emission = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (emission.length !== TAG_COUNT << model.bits) throw new Error('entity model has the wrong size');
  const transitions = Float64Array.from(model.transitions, (w) => (w === null ? FORBIDDEN : w));
  return { bits: model.bits, use: model.use, emission, transitions };
}
