import type { RawMention, Span } from './types';

export interface MentionOptions {
  /** Lower-cased names never treated as people (from corpus.yaml `notPeople`). */
  notPeople?: ReadonlySet<string>;
}

/** Finds person mentions in one article's text, outside the `exclude` ranges; sorted by start. */
export function extractMentions(_text: string, _exclude: readonly Span[], _options: MentionOptions = {}): RawMention[] {
  return []; // TODO(people): implemented by the people extractor.
}
