// The hover section of a quote: who said it, and where else it appeared ("Also in: title · outlet · date
// (whole|cut|varied)", each a link to that quote), with the articles that name another speaker flagged.
import { buildQuoteTrailCard, type TrailAppearance } from '../../core/query/quoteTrailCard';
import { Commands } from '../ids';
import type { HoverSection } from './hoverSections';
import { type SpanTarget, commandUri, escapeMarkdownText } from './shared';

function appearanceLine(root: string, appearance: TrailAppearance): string {
  const target: SpanTarget = { root, path: appearance.path, start: appearance.start, end: appearance.end };
  const label = [appearance.title, appearance.outlet, appearance.date].filter(Boolean).map((part) => escapeMarkdownText(part!)).join(' · ');
  const flag = appearance.otherSpeaker ? ` $(warning) _said by ${escapeMarkdownText(appearance.speaker ?? '')} there_` : '';
  return `- [${label}](${commandUri(Commands.openMention, target)}) (${appearance.match})${flag}`;
}

/** "$(quote) Quote · said by **Name**", then "Also in:" the trail's other articles. */
export const quoteTrail: HoverSection = ({ corpus, quote, entity }) => {
  if (!quote) return undefined;
  const card = buildQuoteTrailCard(corpus, quote);
  const lines = [`$(quote) Quote · ${card.speaker ? `said by **${escapeMarkdownText(card.speaker)}**` : '_speaker unknown_'}`];
  if (card.alsoIn.length > 0) {
    const outlets = card.outlets > 1 ? ` (${card.outlets} outlets)` : '';
    lines.push(`Also in${outlets}:\n\n${card.alsoIn.map((appearance) => appearanceLine(corpus.root, appearance)).join('\n')}`);
    if (card.first) lines.push(`First: ${escapeMarkdownText([card.first.title, card.first.outlet, card.first.date].filter(Boolean).join(' · '))}`);
    if (card.speakerDisagreement) lines.push('$(warning) The articles name different speakers for this quote.');
  }
  return `${entity ? '---\n\n' : ''}${lines.join('\n\n')}`;
};
