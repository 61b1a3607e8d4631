// The query of Search Entities: free text, narrowed to types by `#person`, `#org` or `#place` tags anywhere in it.
import type { EntityType } from '../types';

/** Words a tag may abbreviate, per type: `#o`, `#org`, `#organisation`; `#pe`, `#people`; `#pl`, `#loc`. */
const TAG_WORDS: Record<EntityType, readonly string[]> = {
  person: ['person', 'people', 'per'],
  organization: ['organisation', 'organization', 'org'],
  place: ['place', 'location', 'loc'],
};

/** The tag that narrows to one type, as the picker's buttons write it. */
export const TYPE_TAGS: Record<EntityType, string> = { person: '#person', organization: '#org', place: '#place' };

export interface EntityQuery {
  /** The words to match against names, tags removed, whitespace collapsed. */
  text: string;
  /** The types asked for, or null when the query names none (every type). */
  types: ReadonlySet<EntityType> | null;
}

/** The type a tag word abbreviates, when exactly one type's words start with it. */
function tagType(word: string): EntityType | undefined {
  const matches = (Object.keys(TAG_WORDS) as EntityType[]).filter((type) => TAG_WORDS[type].some((w) => w.startsWith(word)));
  return matches.length === 1 ? matches[0] : undefined;
}

/** Splits tags from text; a `#word` that names no type (or is ambiguous, like `#p`) stays in the text. */
export function parseEntityQuery(query: string): EntityQuery {
  const types = new Set<EntityType>();
  const words: string[] = [];
  for (const token of query.split(/\s+/)) {
    if (!token) continue;
    const type = token.length > 1 && token.startsWith('#') ? tagType(token.slice(1).toLowerCase()) : undefined;
    if (type) types.add(type);
    else words.push(token);
  }
  return { text: words.join(' '), types: types.size > 0 ? types : null };
}

/** The query with its tags replaced by the one of `type` (or removed when `type` is undefined), text kept. */
export function withTypeTag(query: string, type: EntityType | undefined): string {
  const { text } = parseEntityQuery(query);
  return [type ? TYPE_TAGS[type] : '', text].filter(Boolean).join(' ') + (type && !text ? ' ' : '');
}
