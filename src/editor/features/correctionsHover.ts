// The hover card's corrections line: links that run the correction commands on the hovered mention.
import { Commands } from '../ids';
import type { HoverSection } from './hoverSections';
import { commandUri, type SpanTarget } from './shared';

/** The correction links under an entity's card. */
export const entityCorrections: HoverSection = ({ corpus, entity }) => {
  if (!entity) return undefined;
  const { mention } = entity;
  return correctionLinks({ root: corpus.root, path: mention.path, start: mention.start, end: mention.end });
};

function correctionLinks(hovered: SpanTarget): string {
  const link = (label: string, command: string, tip: string) => `[${label}](${commandUri(command, hovered)} "${tip}")`;
  return `---\n\n$(edit) ${[
    link('Not an entity', Commands.notAnEntity, 'Never an entity: in this article or in every one (saved in corpus.yaml)'),
    link('Merge with…', Commands.mergeWith, 'The same entity as another one'),
    link('Someone else…', Commands.splitMention, 'This name in this article is another person'),
    link('Rename…', Commands.renameEntity, 'Show this entity under another name'),
  ].join(' · ')}`;
}
