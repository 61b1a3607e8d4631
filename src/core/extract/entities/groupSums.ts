// Score sums of the feature groups many tokens share, for inference: the shape context (features.ts
// contextShapeFeatures) by the shapes, neighbours' lexicon bits and topic it reads, and the memory features
// by what the document memory recalls. The shipped weights are int8, so every sum is an exact integer and
// a token's scores come out the same whether its features are summed one by one or a group at a time.
import { MEMORY_KEYS } from './features';

const T = 9;
const SHAPE_SLOTS_LOG2 = 12;
const SHAPE_KEY = 6;
/** A shape slot: its key, a filled mark, the nine sums; 16 ints, one cache line. */
const SHAPE_STRIDE = 16;
const SHAPE_FILLED = SHAPE_KEY;
const SHAPE_SUMS = SHAPE_KEY + 1;
/** A memory slot: a filled mark, then the nine sums. */
const MEMORY_STRIDE = 1 + T;

export class GroupSums {
  /** The shape key of the token being scored (features.ts contextShapeKey writes it). */
  readonly key = new Int32Array(SHAPE_KEY);
  readonly shapes = new Int32Array(SHAPE_STRIDE << SHAPE_SLOTS_LOG2);
  readonly memories = new Int32Array(MEMORY_STRIDE * MEMORY_KEYS);
  /** Where fill sums a group before it is stored. */
  readonly scratch = new Float64Array(T);
  /** The weights the sums were made with: other weights empty the cache. */
  private owner: object | null = null;

  /** Empties the cache unless its sums were made with `weights`, which must be integers (int8). */
  use(weights: { emission: ArrayLike<number> }): void {
    if (weights === this.owner) return;
    if (!(weights.emission instanceof Int8Array)) throw new Error('group sums need integer weights');
    this.shapes.fill(0);
    this.memories.fill(0);
    this.owner = weights;
  }

  /** Where the shape slot of `key` starts in `shapes`; its sums at + 1 + SHAPE_KEY once isShapeFilled. */
  shapeSlot(): number {
    const { key, shapes } = this;
    let h = Math.imul(key[0] ^ Math.imul(key[1], 0x85ebca6b), 0xc2b2ae35);
    h = Math.imul(h ^ key[2] ^ (h >>> 15), 0x85ebca6b) ^ Math.imul(key[3] + 1, 0x9e3779b1);
    h = Math.imul(h ^ key[4] ^ (h >>> 13), 0xc2b2ae35) ^ key[5];
    h ^= h >>> 16;
    const at = (Math.imul(h, 0x27d4eb2d) >>> (32 - SHAPE_SLOTS_LOG2)) * SHAPE_STRIDE;
    if (shapes[at + SHAPE_FILLED] === 1) {
      for (let k = 0; k < SHAPE_KEY; k++) if (shapes[at + k] !== key[k]) return -at - 1;
      return at;
    }
    return -at - 1;
  }

  /** Stores scratch as the sums of the shape slot `at` (from shapeSlot, not filled) for the current key. */
  storeShape(at: number): void {
    const { key, shapes, scratch } = this;
    for (let k = 0; k < SHAPE_KEY; k++) shapes[at + k] = key[k];
    shapes[at + SHAPE_FILLED] = 1;
    for (let t = 0; t < T; t++) shapes[at + SHAPE_SUMS + t] = scratch[t];
  }

  /** Adds the shape sums of slot `at` to scores[e, e + 9). */
  addShape(at: number, scores: Float64Array, e: number): void {
    const { shapes } = this;
    for (let t = 0; t < T; t++) scores[e + t] += shapes[at + SHAPE_SUMS + t];
  }

  isMemoryFilled(key: number): boolean {
    return this.memories[key * MEMORY_STRIDE] === 1;
  }

  /** Stores scratch as the sums of memory key `key`. */
  storeMemory(key: number): void {
    const { memories, scratch } = this;
    const at = key * MEMORY_STRIDE;
    memories[at] = 1;
    for (let t = 0; t < T; t++) memories[at + 1 + t] = scratch[t];
  }

  /** Adds the memory sums of `key` to scores[e, e + 9). */
  addMemory(key: number, scores: Float64Array, e: number): void {
    const { memories } = this;
    const at = key * MEMORY_STRIDE + 1;
    for (let t = 0; t < T; t++) scores[e + t] += memories[at + t];
  }
}
