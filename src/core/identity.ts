import type { Person, RawMention } from './types';

export interface DocumentMentions {
  path: string;
  mentions: readonly RawMention[];
}

export interface IdentityResult {
  /** People sorted by mention count, most first; each with its mentions filled in. */
  people: Person[];
  /** For each path, the person id of each mention (same order as the input), or null if dropped. */
  assignments: Map<string, (string | null)[]>;
}

/** Groups mentions across the corpus into people with one stable id each. */
export function resolveIdentities(_docs: readonly DocumentMentions[], _aliases: Readonly<Record<string, string[]>> = {}): IdentityResult {
  return { people: [], assignments: new Map() }; // TODO(identity)
}
