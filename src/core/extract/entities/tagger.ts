// The entity tagger: tokens of a text, their facts, then sentence by sentence Viterbi with the document
// memory of earlier sentences; spans of consecutive B-/I- tags become entities.
import * as decoder from './decoder';
import type { Weights } from './decoder';
import { DocumentMemory } from './memory';
import { ENTITY_TYPES, OUTSIDE, isInsideTag, typeOfTag, type EntityType } from './tags';
import { TokenInfo, describeTokens } from './tokenInfo';
import { tokenize, type Tokens } from './tokenizer';
const { SentenceBuffers, decodeSentence, rememberSentence } = decoder;

export interface Entity {
  start: number;
  end: number;
  type: EntityType;
  text: string;
}

const info = new TokenInfo();
const memory = new DocumentMemory();
const buffers = new SentenceBuffers();
let tags = new Uint8Array(1024);

/** Tokens of `text` and their tags (see tags.ts) under `weights`. Both results are reused by the next call. */
export function tagTokens(text: string, weights: Weights): { tokens: Tokens; tags: Uint8Array } {
  const tokens = tokenize(text);
  describeTokens(text, tokens, info);
  if (tags.length < tokens.count) tags = new Uint8Array(tokens.count * 2);
  memory.reset(tokens.count);
  memory.noteCases(info);
  for (let s = 0; s < tokens.sentenceCount; s++) {
    const from = tokens.sentenceStarts[s];
    const to = tokens.sentenceStarts[s + 1];
    decodeSentence(info, memory, from, to, weights, buffers, tags);
    rememberSentence(info, memory, from, to, tags);
  }
  return { tokens, tags };
}

/** Entities of `text` under `weights`, in text order. */
export function entitiesOf(text: string, weights: Weights): Entity[] {
  const { tokens, tags: tagged } = tagTokens(text, weights);
  const entities: Entity[] = [];
  for (let i = 0; i < tokens.count; i++) {
    if (tagged[i] === OUTSIDE) continue;
    const type = typeOfTag(tagged[i]);
    let j = i + 1;
    while (j < tokens.count && isInsideTag(tagged[j]) && typeOfTag(tagged[j]) === type) j++;
    const start = tokens.starts[i];
    const end = tokens.ends[j - 1];
    entities.push({ start, end, type: ENTITY_TYPES[type], text: text.slice(start, end) });
    i = j - 1;
  }
  return entities;
}
