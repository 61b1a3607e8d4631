// The tag set: O, then B- and I- (IOB2) for each entity type. Tag = 1 + 2 * type + (inside ? 1 : 0).

export const ENTITY_TYPES = ['person', 'organization', 'place', 'misc'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** CoNLL-2003 names of the types, in ENTITY_TYPES order. */
export const CONLL_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;

export const TYPE_COUNT = ENTITY_TYPES.length;
export const TAG_COUNT = 1 + 2 * TYPE_COUNT;
export const OUTSIDE = 0;

export function beginTag(type: number): number {
  return 1 + 2 * type;
}

export function insideTag(type: number): number {
  return 2 + 2 * type;
}

/** Entity type of a tag, -1 for O. */
export function typeOfTag(tag: number): number {
  return tag === OUTSIDE ? -1 : (tag - 1) >> 1;
}

export function isInsideTag(tag: number): boolean {
  return tag !== OUTSIDE && (tag & 1) === 0;
}

/** Whether `tag` may follow `previous` (-1: sentence start) in IOB2: I-X only after B-X or I-X. */
export function allowedAfter(previous: number, tag: number): boolean {
  if (!isInsideTag(tag)) return true;
  return previous !== -1 && previous !== OUTSIDE && typeOfTag(previous) === typeOfTag(tag);
}
