// Hover cards on person mentions: who it is, how often they appear, and links to their other mentions.
// Everything comes from the in-memory index; article text is escaped so it renders as plain text, and
// links may only run this extension's own commands.
import * as vscode from 'vscode';
import type { Corpus } from '../../core/api';
import type { Mention, Person } from '../../core/types';
import type { CorpusManager } from '../corpusManager';
import { Commands, HOVER_LINK_COMMANDS, Settings } from '../ids';
import { documentRange } from '../ranges';
import { ARTICLE_SELECTOR } from './selector';
import { buildPersonCard, type MentionOrder } from '../../core/query/personCard';
import { articleDetail, plural } from '../../core/query/labels';
import { type SpanTarget, commandUri, escapeMarkdownText, personAt } from './shared';
import { correctionLinks } from './correctionsHover';

export type HoverOrder = MentionOrder;

export interface HoverSettings {
  maxMentions: number;
  order: HoverOrder;
}

export function readHoverSettings(): HoverSettings {
  const config = vscode.workspace.getConfiguration(Settings.section);
  const order = config.get<string>(Settings.hoverOrder, 'nearest');
  return {
    maxMentions: Math.max(0, Math.min(50, config.get<number>(Settings.hoverMaxMentions, 5))),
    order: order === 'newest' ? 'newest' : 'nearest',
  };
}

/** The Markdown of a person card: the core's `buildPersonCard`, rendered with every piece of article text escaped. */
function buildCardMarkdown(corpus: Corpus, person: Person, hovered: Mention, settings: HoverSettings): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.supportHtml = false;
  md.isTrusted = { enabledCommands: [...HOVER_LINK_COMMANDS] };

  const card = buildPersonCard(corpus, person.id, {
    limit: settings.maxMentions,
    order: settings.order,
    fromPath: hovered.path,
    fromStart: hovered.start,
  });
  if (!card) return md;
  md.appendMarkdown(`$(person) **${escapeMarkdownText(card.name)}**\n\n`);
  if (card.roles.length > 0) md.appendMarkdown(`_${card.roles.map(escapeMarkdownText).join(' · ')}_\n\n`);
  if (card.aliases.length > 0) md.appendMarkdown(`Also: ${card.aliases.map(escapeMarkdownText).join(', ')}\n\n`);
  md.appendMarkdown(
    `${plural(card.mentionCount, 'mention')} in ${plural(card.articleCount, 'article')} · ${plural(card.quoteCount, 'quote')}\n\n`,
  );

  if (card.otherMentions.length > 0) {
    md.appendMarkdown('---\n\n');
    for (const m of card.otherMentions) {
      const target: SpanTarget = { root: corpus.root, path: m.path, start: m.start, end: m.end };
      const label = `${escapeMarkdownText(m.before)}**${escapeMarkdownText(m.match)}**${escapeMarkdownText(m.after)}`;
      const where = m.sameArticle ? 'this article' : articleDetail(m);
      md.appendMarkdown(`- [${label}](${commandUri(Commands.openMention, target)}) — _${escapeMarkdownText(where)}_\n`);
    }
    md.appendMarkdown('\n');
  }
  const all: SpanTarget = { root: corpus.root, path: hovered.path, start: hovered.start, end: hovered.end };
  md.appendMarkdown(`[Show all mentions](${commandUri(Commands.showAllMentions, all)})`);
  md.appendMarkdown(correctionLinks(all));
  return md;
}

export class PersonHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly manager: CorpusManager,
    private readonly settings: () => HoverSettings = readHoverSettings,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const hit = personAt(this.manager, document, position);
    if (!hit) return undefined;
    const card = buildCardMarkdown(hit.ref.corpus, hit.person, hit.mention, this.settings());
    return new vscode.Hover(card, documentRange(document, hit.mention));
  }
}

export function register(context: vscode.ExtensionContext, manager: CorpusManager): void {
  context.subscriptions.push(vscode.languages.registerHoverProvider(ARTICLE_SELECTOR, new PersonHoverProvider(manager)));
}
