// Person mentions in one article: candidate names from the runs of capitalised words (findCandidates),
// then the pass that keeps those the article confirms (confirmMentions).
import type { RawMention, Span } from '../../types';
import { findCandidates } from './candidates';
import { type MentionOptions, confirmMentions } from './confirm';

/** Finds person mentions in one article's text, outside the `exclude` ranges; sorted by start. */
export function extractMentions(text: string, exclude: readonly Span[], options: MentionOptions = {}): RawMention[] {
  return confirmMentions(text, findCandidates(text, exclude), options);
}
