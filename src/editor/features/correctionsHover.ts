// The hover card's corrections line: links that run the correction commands on the hovered mention (Not an
// entity for every type; merge, split and rename for people).
import { Commands } from '../ids';
import type { HoverSection } from './hoverSections';
import { commandUri, type SpanTarget } from './shared';

export const entityCorrections: HoverSection = (target) => {
  const hit = target.entity;
  if (!hit) return undefined;
  const hovered: SpanTarget = { root: target.corpus.root, path: hit.mention.path, start: hit.mention.start, end: hit.mention.end };
  const link = (label: string, command: string, tip: string) => `[${label}](${commandUri(command, hovered)} "${tip}")`;
  const notAnEntity = link('Not an entity', Commands.notAnEntity, 'Never an entity: in this article or in every one (saved in corpus.yaml)');
  // Merges, renames and splits act on person identity; organisations and places take typed aliases in corpus.yaml.
  if (hit.entity.type !== 'person') return `---\n\n$(edit) ${notAnEntity}`;
  return `---\n\n$(edit) ${[
    notAnEntity,
    link('Merge with…', Commands.mergeWith, 'The same entity as another one'),
    link('Someone else…', Commands.splitMention, 'This name in this article is another person'),
    link('Rename…', Commands.renameEntity, 'Show this entity under another name'),
  ].join(' · ')}`;
};
