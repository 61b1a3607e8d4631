// Hover cards on entity mentions (people, organisations, places): what it is, how often it appears, its quotes,
// who is mentioned with it, and links to its other mentions. Everything comes from the in-memory index.
// A card is the sections in HOVER_SECTIONS, in order (see hoverSections.ts): to add one, write a
// `HoverSection` in its own file and list it here.
import * as vscode from 'vscode';
import type { CorpusManager } from '../corpusManager';
import { HOVER_LINK_COMMANDS, Settings } from '../ids';
import { documentOffset, documentRange } from '../ranges';
import { ARTICLE_SELECTOR } from './selector';
import { buildEntityCard, entityMentionedAt, mentionedWithSliced } from '../../core/query/entityCard';
import { entityCompanions, entityHeader, entityOtherMentions, entityQuotes, entityShowAll } from './entityCardSections';
import { shownEntityTypes } from './entityTypes';
import type { HoverSection, HoverSettings, HoverTarget } from './hoverSections';

export type { HoverOrder, HoverSettings } from './hoverSections';

/** How many people a card lists as mentioned with the entity. */
const COMPANIONS = 5;

export const HOVER_SECTIONS: readonly HoverSection[] = [entityHeader, entityQuotes, entityCompanions, entityOtherMentions, entityShowAll];

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

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token?: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
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
      // Who is mentioned with it reads all of the entity's articles: in slices, so typing never waits on it.
      if (card) card.companions = await mentionedWithSliced(ref.corpus, hit.entity, COMPANIONS);
      if (token?.isCancellationRequested) return undefined;
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
