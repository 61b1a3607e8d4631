// The hover card's corrections line: links that run the correction commands on the hovered person mention.
import { Commands } from '../ids';
import type { HoverSection } from './hoverSections';
import { commandUri, type SpanTarget } from './shared';

export const entityCorrections: HoverSection = (target) => {
  const hit = target.entity;
  // Merges, renames and splits act on person identity; other types are corrected in corpus.yaml by hand.
  if (!hit || hit.entity.type !== 'person') return undefined;
  const hovered: SpanTarget = { root: target.corpus.root, path: hit.mention.path, start: hit.mention.start, end: hit.mention.end };
  const link = (label: string, command: string, tip: string) => `[${label}](${commandUri(command, hovered)} "${tip}")`;
  return `---\n\n$(edit) ${[
    link('Not an entity', Commands.notAnEntity, 'Never an entity: in this article or in every one (saved in corpus.yaml)'),
    link('Merge with…', Commands.mergeWith, 'The same entity as another one'),
    link('Someone else…', Commands.splitMention, 'This name in this article is another person'),
    link('Rename…', Commands.renameEntity, 'Show this entity under another name'),
  ].join(' · ')}`;
};
