// The hover card's lower sections for any entity: who else is in the same stories (each a link to their own
// card) and a link to the entity's timeline. Also the internal command those links run to show another card.
import * as vscode from 'vscode';
import type { Corpus } from '../../core/api';
import { relatedEntities } from '../../core/query/related';
import { plural } from '../../core/query/labels';
import type { CorpusManager } from '../corpusManager';
import { Commands } from '../ids';
import { spanToRange } from '../ranges';
import { commandUri, corpusByRoot, escapeMarkdownText } from './shared';
import type { TimelineTarget } from './timeline';

/** How many related entities a card lists. */
const RELATED_LIMIT = 5;

/** Arguments of the show-entity-card command: an entity, and the article where one of its mentions is shown. */
export interface EntityCardTarget {
  root: string;
  entityId: string;
  path: string;
}

/**
 * Appends "In the same articles: Name (n) · …" and "Show timeline" to a card (a MarkdownString trusted for
 * `Commands.showEntityCard` and `Commands.showTimeline`), for the entity hovered in `hoveredPath`.
 */
export function appendEntitySections(md: vscode.MarkdownString, corpus: Corpus, entityId: string, hoveredPath: string): void {
  const related = relatedEntities(corpus, entityId, { limit: RELATED_LIMIT, fromPath: hoveredPath });
  if (related.length > 0) {
    const links = related.map((r) => {
      const target: EntityCardTarget = { root: corpus.root, entityId: r.id, path: r.path };
      const tooltip = `${plural(r.sharedArticles, 'article')} mention both`;
      return `[${escapeMarkdownText(r.name)}](${commandUri(Commands.showEntityCard, target)} "${tooltip}") (${r.sharedArticles})`;
    });
    md.appendMarkdown(`\n\nIn the same articles: ${links.join(' · ')}`);
  }
  const timeline: TimelineTarget = { root: corpus.root, entityId };
  md.appendMarkdown(`\n\n[$(graph) Show timeline](${commandUri(Commands.showTimeline, timeline)})`);
}

/** Puts the cursor on the entity's first mention in the article and shows its hover card there. */
async function showEntityCard(manager: CorpusManager, target: EntityCardTarget): Promise<boolean> {
  const corpus = corpusByRoot(manager.corpora(), target.root);
  const article = corpus?.article(target.path);
  const mention = corpus?.mentionsIn(target.path).find((m) => m.entityId === target.entityId);
  if (!corpus || !article || !mention) return false;
  const uri = manager.uriOf(corpus, target.path);
  const at = spanToRange(uri, article.text, { start: mention.start + 1, end: mention.start + 1 });
  const editor = await vscode.window.showTextDocument(uri, { selection: at, preview: true });
  editor.revealRange(at, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  await vscode.commands.executeCommand('editor.action.showHover');
  return true;
}

export function register(context: vscode.ExtensionContext, manager: CorpusManager): void {
  context.subscriptions.push(vscode.commands.registerCommand(Commands.showEntityCard, (target: EntityCardTarget) => showEntityCard(manager, target)));
}
