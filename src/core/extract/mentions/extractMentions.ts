// Person mentions in one article: candidate names from the runs of capitalised words (findCandidates),
// the pass that keeps those the article confirms (confirmMentions), then the entity check that drops those
// the learned tagger reads as organisations, places or other names (withoutOtherEntities).
import type { RawMention, Span } from '../../types';
import { tagEntities, type Entity } from '../entities';
import { findCandidates } from './candidates';
import { type MentionOptions, confirmMentions } from './confirm';
import { taggableText, withoutOtherEntities } from './entityCheck';

/**
 * Finds person mentions in one article's text, outside the `exclude` ranges; sorted by start. `tagged`: the
 * tagger's entities of the whole text when the caller has them (else the sentences that need it are tagged).
 */
export function extractMentions(text: string, exclude: readonly Span[], options: MentionOptions = {}, tagged?: readonly Entity[]): RawMention[] {
  const mentions = confirmMentions(text, findCandidates(text, exclude), options);
  if (tagged) return withoutOtherEntities(text, mentions, tagged);
  const taggable = taggableText(text, exclude, mentions);
  return taggable === null ? mentions : withoutOtherEntities(text, mentions, tagEntities(taggable));
}
