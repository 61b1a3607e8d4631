// The entity tagger: tokens of a text, their facts, then sentence by sentence Viterbi with the document
// memory of earlier sentences; spans of consecutive B-/I- tags become entities.
import * as decoder from './decoder';
import type { Weights } from './decoder';
import { EmissionCache } from './emissionCache';
import { GroupSums } from './groupSums';
import { LEX_HONORIFIC } from './lexicon';
import { DocumentMemory } from './memory';
import { ENTITY_TYPES, OUTSIDE, isInsideTag, typeOfTag, type EntityType } from './tags';
import { TokenInfo, describeTokens } from './tokenInfo';
import { tokenize, type Tokens } from './tokenizer';
const { SentenceBuffers, decodeText } = decoder;

export interface Entity {
  start: number;
  end: number;
  type: EntityType;
  text: string;
}

const info = new TokenInfo();
const memory = new DocumentMemory();
const buffers = new SentenceBuffers();
buffers.cache = new EmissionCache();
buffers.groups = new GroupSums();
let tags = new Uint8Array(1024);
const PERSON = ENTITY_TYPES.indexOf('person');
const HONORIFIC = 1 << LEX_HONORIFIC;

/** Tokens of `text` and their tags (see tags.ts) under `weights`. Both results are reused by the next call. */
function tagTokens(text: string, weights: Weights): { tokens: Tokens; tags: Uint8Array } {
  const tokens = tokenize(text);
  describeTokens(text, tokens, info);
  if (tags.length < tokens.count) tags = new Uint8Array(tokens.count * 2);
  decodeText(tokens, info, memory, weights, buffers, tags);
  return { tokens, tags };
}

/**
 * Texts are tagged in windows of at most this many characters, cut at a line break where there is one:
 * the per-token buffers stay bounded for a huge file (the document memory starts afresh in each window).
 */
const WINDOW = 1 << 20;

/** Entities of `text` under `weights`, in text order. */
export function entitiesOf(text: string, weights: Weights): Entity[] {
  const entities: Entity[] = [];
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + WINDOW);
    if (to < text.length) {
      const lineBreak = text.lastIndexOf('\n', to);
      const space = text.lastIndexOf(' ', to);
      to = lineBreak > from ? lineBreak : space > from ? space : to;
    }
    windowEntities(from === 0 && to === text.length ? text : text.slice(from, to), from, weights, entities);
    from = to;
  }
  return entities;
}

function windowEntities(text: string, offset: number, weights: Weights, entities: Entity[]): void {
  const { tokens, tags: tagged } = tagTokens(text, weights);
  for (let i = 0; i < tokens.count; i++) {
    if (tagged[i] === OUTSIDE) continue;
    const type = typeOfTag(tagged[i]);
    let j = i + 1;
    while (j < tokens.count && isInsideTag(tagged[j]) && typeOfTag(tagged[j]) === type) j++;
    // A person's honorific stays outside the span, as in CoNLL ("Mr. [Johnson]"), which rarely shows one.
    let first = i;
    if (type === PERSON) while (first < j - 1 && (info.lex[first] & HONORIFIC) !== 0) first++;
    const start = tokens.starts[first];
    const end = tokens.ends[j - 1];
    entities.push({ start: start + offset, end: end + offset, type: ENTITY_TYPES[type], text: text.slice(start, end) });
    i = j - 1;
  }
}
