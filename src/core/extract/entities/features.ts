// Features of a token as 32-bit hashes (template and value mixed); the model keeps one weight per tag
// for each hash bucket. Static features depend on the text alone; memory features on how earlier
// sentences of the same text were tagged.
import * as hashing from './hashing';
import * as lexiconClasses from './lexicon';
import { LEX_CLASSES } from './lexicon';
import type { DocumentMemory } from './memory';
import * as tokenFacts from './tokenInfo';
import type { TokenInfo } from './tokenInfo';
const { feature, pair } = hashing;
const { longShape, suffixHash } = tokenFacts;

/** Feature groups a model is trained with (a bit set stored in the model), for measuring what each adds. */
export const USE_LEXICON = 1;
export const USE_MEMORY = 2;
export const USE_CASES = 4;
export const USE_TOPIC = 8;
export const USE_ALL = USE_LEXICON | USE_MEMORY | USE_CASES | USE_TOPIC;

/** Most features one token can have. */
export const MAX_FEATURES = 40 + 6 * LEX_CLASSES;

const PLACE_AND_ORG_BITS = (1 << lexiconClasses.LEX_COUNTRY) | (1 << lexiconClasses.LEX_CITY) | (1 << lexiconClasses.LEX_REGION) |
  (1 << lexiconClasses.LEX_NATIONALITY) | (1 << lexiconClasses.LEX_ORG_WORD) | (1 << lexiconClasses.LEX_ORG_NAME);

const BEFORE = 0x5bd1e995;
const AFTER = 0x1b873593;

/**
 * Writes the features of token i that depend on its word, its case context and the text's topic alone into
 * out from `at`; returns the new end. A word's features sum to the same scores wherever it recurs in the
 * same context, so the tagger caches those sums (see EmissionCache).
 */
export function wordFeatures(info: TokenInfo, i: number, use: number, out: Int32Array, at: number): number {
  const word = info.folded[i];
  const context = info.caseContext[i];
  out[at++] = feature(1, 0);
  out[at++] = feature(2, info.cased[i]);
  out[at++] = feature(3, word);
  const { text } = info;
  const start = info.starts[i];
  const end = info.ends[i];
  out[at++] = feature(4, longShape(text, start, end));
  out[at++] = feature(5, info.prefix2[i]);
  out[at++] = feature(6, info.prefix3[i]);
  out[at++] = feature(7, suffixHash(text, start, end, 2));
  out[at++] = feature(8, suffixHash(text, start, end, 3));
  out[at++] = feature(9, suffixHash(text, start, end, 4));
  out[at++] = feature(22, context);
  out[at++] = feature(23, pair(context, word));
  if ((use & USE_LEXICON) !== 0) {
    for (let bits = info.lex[i], b = 0; bits !== 0; bits >>>= 1, b++) {
      if ((bits & 1) === 0) continue;
      out[at++] = feature(30, b);
      out[at++] = feature(31, b * 64 + context);
    }
  }
  if ((use & USE_TOPIC) !== 0) {
    const topic = info.topic;
    out[at++] = feature(70, topic * 64 + context);
    out[at++] = feature(71, pair(topic, word));
    for (let bits = info.lex[i] & PLACE_AND_ORG_BITS, b = 0; bits !== 0; bits >>>= 1, b++) if (bits & 1) out[at++] = feature(73, topic * 32 + b);
  }
  return at;
}

/**
 * Writes the features of token i (in the sentence of tokens [from, to)) that read its neighbours into out
 * from `at`; returns the new end.
 */
export function contextFeatures(info: TokenInfo, i: number, from: number, to: number, use: number, out: Int32Array, at: number): number {
  return contextShapeFeatures(info, i, from, to, use, out, contextWordFeatures(info, i, from, to, use, out, at));
}

/** The context features that read the words around token i, and its gazetteer phrase. */
export function contextWordFeatures(info: TokenInfo, i: number, from: number, to: number, use: number, out: Int32Array, at: number): number {
  const { folded, cased, phrase } = info;
  const word = folded[i];
  const f1 = i > from ? folded[i - 1] : BEFORE;
  const n1 = i + 1 < to ? folded[i + 1] : AFTER;
  out[at++] = feature(10, f1);
  out[at++] = feature(11, n1);
  out[at++] = feature(12, i > from + 1 ? folded[i - 2] : BEFORE);
  out[at++] = feature(13, i + 2 < to ? folded[i + 2] : AFTER);
  out[at++] = feature(14, i > from ? cased[i - 1] : BEFORE);
  out[at++] = feature(15, i + 1 < to ? cased[i + 1] : AFTER);
  out[at++] = feature(20, pair(f1, word));
  out[at++] = feature(21, pair(word, n1));
  if ((use & USE_LEXICON) !== 0 && phrase[i] !== 0) {
    out[at++] = feature(34, phrase[i]);
    out[at++] = feature(35, phrase[i] * 64 + info.caseContext[i]);
  }
  return at;
}

/**
 * The context features that read only the shapes of token i and its neighbours, the neighbours' lexicon
 * bits and the text's topic (see shapeKey): many tokens share them, so the tagger caches their sums.
 */
export function contextShapeFeatures(info: TokenInfo, i: number, from: number, to: number, use: number, out: Int32Array, at: number): number {
  const { shortShape, lex } = info;
  const s0 = shortShape[i];
  const s1 = i > from ? shortShape[i - 1] : BEFORE;
  const sn = i + 1 < to ? shortShape[i + 1] : AFTER;
  out[at++] = feature(16, s1);
  out[at++] = feature(17, sn);
  out[at++] = feature(18, pair(s1, s0));
  out[at++] = feature(19, pair(s0, sn));
  if ((use & USE_LEXICON) !== 0) {
    if (i > from) for (let bits = lex[i - 1], b = 0; bits !== 0; bits >>>= 1, b++) if (bits & 1) out[at++] = feature(32, b);
    if (i + 1 < to) for (let bits = lex[i + 1], b = 0; bits !== 0; bits >>>= 1, b++) if (bits & 1) out[at++] = feature(33, b);
  }
  if ((use & USE_TOPIC) !== 0) out[at++] = feature(72, pair(info.topic, pair(s0, sn)));
  return at;
}

/**
 * Writes to key[0, 6) what contextShapeFeatures reads for token i: tokens with the same key have the same
 * shape features.
 */
export function contextShapeKey(info: TokenInfo, i: number, from: number, to: number, key: Int32Array): void {
  const { shortShape, lex } = info;
  key[0] = i > from ? shortShape[i - 1] : BEFORE;
  key[1] = shortShape[i];
  key[2] = i + 1 < to ? shortShape[i + 1] : AFTER;
  key[3] = i > from ? lex[i - 1] : 0;
  key[4] = i + 1 < to ? lex[i + 1] : 0;
  key[5] = info.topic;
}

/** Distinct values of memoryKey. */
export const MEMORY_KEYS = 16 * 16 * 32;

/**
 * What memoryFeatures reads for token i as one number below MEMORY_KEYS (tokens with the same number have
 * the same memory features), or -1 when a value is out of that range.
 */
export function memoryKey(info: TokenInfo, memory: DocumentMemory, i: number): number {
  const slot = memory.slotOfToken(i, info.folded[i]);
  const recalled = memory.recall(slot);
  const cases = memory.cases(slot);
  const context = info.caseContext[i];
  return recalled < 16 && cases < 16 && context < 32 ? (recalled * 16 + cases) * 32 + context : -1;
}

/** Writes the memory features of token i into out from `at`; returns the new end. */
export function memoryFeatures(info: TokenInfo, memory: DocumentMemory, i: number, use: number, out: Int32Array, at: number): number {
  const slot = memory.slotOfToken(i, info.folded[i]);
  const context = info.caseContext[i];
  if ((use & USE_MEMORY) !== 0) {
    const recalled = memory.recall(slot);
    out[at++] = feature(50, recalled);
    out[at++] = feature(51, recalled * 64 + context);
  }
  if ((use & USE_CASES) !== 0) out[at++] = feature(52, memory.cases(slot) * 64 + context);
  return at;
}
