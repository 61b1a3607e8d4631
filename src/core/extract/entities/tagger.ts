// The entity tagger: tokens of a text, their facts, then sentence by sentence Viterbi with the document
// memory of earlier sentences; spans of consecutive B-/I- tags become entities.
import * as decoder from './decoder';
import type { Weights } from './decoder';
import { EmissionCache } from './emissionCache';
import { GroupSums } from './groupSums';
import { LEX_CITY, LEX_COMMON, LEX_COUNTRY, LEX_FIRST_NAME, LEX_HONORIFIC, LEX_ORG_NAME, LEX_REGION } from './lexicon';
import { DocumentMemory } from './memory';
import { ENTITY_TYPES, OUTSIDE, isInsideTag, typeOfTag, type EntityType } from './tags';
import { TokenInfo, describeTokens } from './tokenInfo';
import { tokenize, type Tokens } from './tokenizer';
import { breaksName, joinsName, NEVER_BEGINS_NAMES } from '../../language/entityNames';
import { isAsciiLowerCode } from '../../util/chars';
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
const ORGANIZATION = ENTITY_TYPES.indexOf('organization');
const PLACE = ENTITY_TYPES.indexOf('place');
const MISC = ENTITY_TYPES.indexOf('misc');
const HONORIFIC = 1 << LEX_HONORIFIC;
const COMMON = 1 << LEX_COMMON;
const GAZETTEER = (1 << LEX_COUNTRY) | (1 << LEX_CITY) | (1 << LEX_REGION) | (1 << LEX_ORG_NAME) | (1 << LEX_FIRST_NAME);

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
  const isLower = (k: number): boolean => isAsciiLowerCode(text.charCodeAt(tokens.starts[k]));
  const isWord = (k: number, word: string): boolean => tokens.ends[k] - tokens.starts[k] === word.length && text.startsWith(word, tokens.starts[k]);
  const endsOnJoiner = (j: number): boolean => isLower(j - 1) && joinsName(text.slice(tokens.starts[j - 1], tokens.ends[j - 1]));
  /** A word left alone by a cut that is no name: a common word, or an "-ing" form no gazetteer knows ("Launching"). */
  const notAName = (k: number): boolean =>
    (info.lex[k] & COMMON) !== 0 || ((info.lex[k] & GAZETTEER) === 0 && text.endsWith('ing', tokens.ends[k]) && tokens.ends[k] - tokens.starts[k] > 4);
  /** Tokens [from, to) as an entity; next to a cut (`cutBefore`, `cutAfter`) without lower-case words ("of"). */
  const push = (from: number, to: number, type: number, cutBefore: boolean, cutAfter: boolean): void => {
    if (cutBefore) while (from < to && isLower(from)) from++;
    if (cutAfter) while (to > from && isLower(to - 1)) to--;
    if (from >= to || ((cutBefore || cutAfter) && to - from === 1 && notAName(from))) return;
    const start = tokens.starts[from];
    const end = tokens.ends[to - 1];
    entities.push({ start: start + offset, end: end + offset, type: ENTITY_TYPES[type], text: text.slice(start, end) });
  };
  for (let i = 0; i < tokens.count; i++) {
    if (tagged[i] === OUTSIDE) continue;
    let type = typeOfTag(tagged[i]);
    let j = i + 1;
    while (j < tokens.count && isInsideTag(tagged[j]) && typeOfTag(tagged[j]) === type) j++;
    // A name the tagger ended on a joiner goes on through the name after it ("The Passion of [the] Christ"), as
    // misc if either part is; with no name after it, it is no name the tagger read whole ("Return of").
    while (endsOnJoiner(j)) {
      let next = j;
      if (next < tokens.count && tagged[next] === OUTSIDE && isWord(next, 'the')) next++;
      if (next >= tokens.count || tagged[next] === OUTSIDE) break;
      const nextType = typeOfTag(tagged[next]);
      if (nextType === MISC) type = MISC;
      j = next + 1;
      while (j < tokens.count && isInsideTag(tagged[j]) && typeOfTag(tagged[j]) === nextType) j++;
    }
    if (endsOnJoiner(j)) {
      i = j - 1;
      continue;
    }
    // A person's honorific stays outside the span, as in CoNLL ("Mr. [Johnson]"), which rarely shows one.
    let first = i;
    if (type === PERSON) while (first < j - 1 && (info.lex[first] & HONORIFIC) !== 0) first++;
    while (first < j - 1 && (info.lex[first] & COMMON) !== 0 && NEVER_BEGINS_NAMES.has(text.slice(tokens.starts[first], tokens.ends[first]))) first++;
    // A word that never stands inside a name ends one and starts the next: "[Tories] accuse [Labour]".
    let cut = false;
    for (let k = first + 1; k < j - 1; k++) {
      if (!isLower(k)) continue;
      const previous = text.slice(tokens.starts[k - 1], tokens.ends[k - 1]).toLowerCase();
      if (!breaksName(text.slice(tokens.starts[k], tokens.ends[k]), previous, type === ORGANIZATION || type === PLACE)) continue;
      push(first, k, type, cut, true);
      first = k + 1;
      cut = true;
    }
    push(first, j, type, cut, false);
    i = j - 1;
  }
}
