// Named-entity recognition for articles: `tagEntities(text)` finds people, organisations, places and other
// names (CoNLL-2003 MISC: nationalities, events, products) with the shipped model.
import shipped from './model.json';
import { weightsOf, type ModelFile } from './modelFile';
import { entitiesOf, type Entity } from './tagger';

export type { Entity } from './tagger';
export type { EntityType } from './tags';

let weights: ReturnType<typeof weightsOf> | undefined;

/** The entities of `text` in text order, as offsets into it, with their type. */
export function tagEntities(text: string): Entity[] {
  weights ??= weightsOf(shipped as ModelFile);
  return entitiesOf(text, weights);
}
