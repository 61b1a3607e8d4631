// Hover cards on entity mentions (people, organisations, places): what it is, how often it appears, its quotes,
// who is mentioned with it, and links to its other mentions. Everything comes from the in-memory index.
// A card is the sections in HOVER_SECTIONS, in order (see hoverSections.ts): to add one, write a
// `HoverSection` in its own file and list it here.
import * as vscode from 'vscode';
import type { CorpusManager } from '../corpusManager';
import { HOVER_LINK_COMMANDS, Settings } from '../ids';
import { documentOffset, documentRange } from '../ranges';
import { ARTICLE_SELECTOR } from './selector';
import { buildEntityCard, entityMentionedAt } from '../../core/query/entityCard';
import { entityHeader, entityOtherMentions, entityQuotes, entityShowAll } from './entityCardSections';
import { entityRelated, entityTimelineLink } from './entitySections';
import { entityCorrections } from './correctionsHover';
import { shownEntityTypes } from './entityTypes';
import type { HoverSection, HoverSettings, HoverTarget } from './hoverSections';
import { quoteTrail } from './quoteTrailSection';

export type { HoverOrder, HoverSettings } from './hoverSections';

export const HOVER_SECTIONS: readonly HoverSection[] = [entityHeader, entityQuotes, entityRelated, entityOtherMentions, entityShowAll, entityTimelineLink, entityCorrections, quoteTrail];

export function readHoverSettings(): HoverSettings {
  const config = vscode.workspace.getConfiguration(Settings.section);
  const order = config.get<string>(Settings.hoverOrder, 'nearest');
  return {
    maxMentions: Math.max(0, Math.min(50, config.get<number>(Settings.hoverMaxMentions, 5))),
    order: order === 'newest' ? 'newest' : 'nearest',
  };
}

/** The sections' Markdown joined into one trusted-for-our-commands-only MarkdownString; undefined when all are empty. */
export function renderCard(target: HoverTarget, sections: readonly HoverSection[] = HOVER_SECTIONS): vscode.MarkdownString | undefined {
  const parts = sections.flatMap((section) => section(target) ?? []);
  if (parts.length === 0) return undefined;
  const md = new vscode.MarkdownString(parts.join('\n\n'), true);
  md.supportHtml = false;
  md.isTrusted = { enabledCommands: [...HOVER_LINK_COMMANDS] };
  return md;
}

export class EntityHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly manager: CorpusManager,
    private readonly settings: () => HoverSettings = readHoverSettings,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const ref = this.manager.articleForDocument(document);
    if (!ref) return undefined;
    const settings = this.settings();
    const offset = documentOffset(document, position);
    const hit = entityMentionedAt(ref.corpus, ref.path, offset, shownEntityTypes());
    const target: HoverTarget = { corpus: ref.corpus, document, path: ref.path, offset, settings, quote: ref.corpus.quoteAt(ref.path, offset) };
    if (hit) {
      const card = buildEntityCard(ref.corpus, hit.entity.id, {
        limit: settings.maxMentions,
        order: settings.order,
        fromPath: hit.mention.path,
        fromStart: hit.mention.start,
      });
      if (card) target.entity = { mention: hit.mention, entity: hit.entity, card };
    }
    const markdown = renderCard(target);
    const span = target.entity?.mention ?? target.quote;
    if (!markdown || !span) return undefined;
    return new vscode.Hover(markdown, documentRange(document, span));
  }
}

export function register(context: vscode.ExtensionContext, manager: CorpusManager): void {
  context.subscriptions.push(vscode.languages.registerHoverProvider(ARTICLE_SELECTOR, new EntityHoverProvider(manager)));
}
