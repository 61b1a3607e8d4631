// Where Go to Definition lands for a person, and the list Find All References shows.
import type { CorpusReader } from '../api';
import { mentionsInDateOrder } from './ordering';
import type { Mention, Person } from '../types';

/** The first of `ordered` (a person's mentions in date order) whose text carries the full name, else the first. */
function definitionAmong(ordered: readonly Mention[], person: Person): Mention | undefined {
  const fullName = person.name.toLowerCase();
  return ordered.find((m) => m.text.toLowerCase().includes(fullName)) ?? ordered[0];
}

/**
 * The mention Go to Definition lands on: the first mention, in date order, whose text carries the
 * person's full canonical name (e.g. "Sir Michael Fallon" rather than "Sir Michael"); the first mention
 * at all when no mention spells the full name.
 */
export function definingMention(corpus: Pick<CorpusReader, 'article'>, person: Person): Mention | undefined {
  return definitionAmong(mentionsInDateOrder(corpus, person), person);
}

/**
 * Find All References: every mention of the person in date order, then by offset; without the declaration,
 * all but the defining mention.
 */
export function personReferences(corpus: Pick<CorpusReader, 'article'>, person: Person, options: { includeDeclaration: boolean }): Mention[] {
  const ordered = mentionsInDateOrder(corpus, person);
  if (options.includeDeclaration) return ordered;
  const definition = definitionAmong(ordered, person);
  return ordered.filter((m) => m !== definition);
}
