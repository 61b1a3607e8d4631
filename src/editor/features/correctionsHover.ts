// The hover card's corrections line: links that run the correction commands on the hovered mention.
import { Commands } from '../ids';
import { commandUri, type SpanTarget } from './shared';

export function correctionLinks(hovered: SpanTarget): string {
  const link = (label: string, command: string, tip: string) => `[${label}](${commandUri(command, hovered)} "${tip}")`;
  return `\n\n---\n\n$(edit) ${[
    link('Not an entity', Commands.notAnEntity, 'Never an entity: in this article or in every one (saved in corpus.yaml)'),
    link('Merge with…', Commands.mergeWith, 'The same entity as another one'),
    link('Someone else…', Commands.splitMention, 'This name in this article is another person'),
    link('Rename…', Commands.renameEntity, 'Show this entity under another name'),
  ].join(' · ')}`;
}
