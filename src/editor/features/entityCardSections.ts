// The sections of an entity's hover card: header (type, name, roles, variants, counts), quotes attributed to
// it, its other mentions, and the "Show all mentions" link.
import type { Corpus } from '../../core/api';
import type { MentionSnippet, QuoteSnippet } from '../../core/query/entityCard';
import { articleDetail, entityTypeName, plural } from '../../core/query/labels';
import { Commands } from '../ids';
import { ENTITY_ICONS } from './entityTypes';
import type { HoverSection } from './hoverSections';
import { type SpanTarget, commandUri, escapeMarkdownText } from './shared';

function openLink(corpus: Corpus, span: { path: string; start: number; end: number }, label: string): string {
  const target: SpanTarget = { root: corpus.root, path: span.path, start: span.start, end: span.end };
  return `[${label}](${commandUri(Commands.openMention, target)})`;
}

function where(entry: MentionSnippet | QuoteSnippet, sameArticle: boolean): string {
  return `_${escapeMarkdownText(sameArticle ? 'this article' : articleDetail(entry))}_`;
}

/** "$(organization) Organisation · **NATO**", roles, "Also: …" variants, "N mentions in M articles · K quotes". */
export const entityHeader: HoverSection = ({ entity }) => {
  if (!entity) return undefined;
  const { card } = entity;
  const lines = [`$(${ENTITY_ICONS[card.type]}) ${entityTypeName(card.type)} · **${escapeMarkdownText(card.name)}**`];
  if (card.roles.length > 0) lines.push(`_${card.roles.map(escapeMarkdownText).join(' · ')}_`);
  if (card.aliases.length > 0) lines.push(`Also: ${card.aliases.map(escapeMarkdownText).join(', ')}`);
  // Places are not quoted: "0 quotes" would only be noise there.
  const quotes = card.quoteCount > 0 || card.type !== 'place' ? ` · ${plural(card.quoteCount, 'quote')}` : '';
  lines.push(`${plural(card.mentionCount, 'mention')} in ${plural(card.articleCount, 'article')}${quotes}`);
  return lines.join('\n\n');
};

/** The newest quotes attributed to the entity, each a link to the quote. */
export const entityQuotes: HoverSection = ({ corpus, entity, path }) => {
  if (!entity || entity.card.quotes.length === 0) return undefined;
  const items = entity.card.quotes.map((q) => `- ${openLink(corpus, q, `“${escapeMarkdownText(q.text)}”`)} — ${where(q, q.path === path)}`);
  return `**Quotes**\n\n${items.join('\n')}`;
};

/** Other mentions of the entity, one per article first, each a link with the line it is on. */
export const entityOtherMentions: HoverSection = ({ corpus, entity }) => {
  if (!entity || entity.card.otherMentions.length === 0) return undefined;
  const items = entity.card.otherMentions.map((m) => {
    const label = `${escapeMarkdownText(m.before)}**${escapeMarkdownText(m.match)}**${escapeMarkdownText(m.after)}`;
    return `- ${openLink(corpus, m, label)} — ${where(m, m.sameArticle)}`;
  });
  return `---\n\n${items.join('\n')}`;
};

/** Opens the references peek on every mention of the entity. */
export const entityShowAll: HoverSection = ({ corpus, entity }) => {
  if (!entity) return undefined;
  const { mention } = entity;
  const all: SpanTarget = { root: corpus.root, path: mention.path, start: mention.start, end: mention.end };
  return `[Show all mentions](${commandUri(Commands.showAllMentions, all)})`;
};
