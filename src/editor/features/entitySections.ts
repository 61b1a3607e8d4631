// Hover card sections for any entity: who else is in the same stories (each a link to their own card) and a
// link to the entity's timeline. Also the internal command those links run to show another card.
import * as vscode from 'vscode';
import { relatedEntities } from '../../core/query/related';
import { plural } from '../../core/query/labels';
import type { CorpusManager } from '../corpusManager';
import { Commands } from '../ids';
import { spanToRange } from '../ranges';
import { commandUri, corpusByRoot, escapeMarkdownText } from './shared';
import type { HoverSection } from './hoverSections';
import type { TimelineTarget } from './timeline';

/** How many related entities a card lists. */
const RELATED_LIMIT = 5;

/** Arguments of the show-entity-card command: an entity, and the article where one of its mentions is shown. */
export interface EntityCardTarget {
  root: string;
  entityId: string;
  path: string;
}

/** "In the same articles: Name (n) · …": who else is in the entity's stories, each a link to their own card. */
export const entityRelated: HoverSection = ({ corpus, entity, path }) => {
  if (!entity) return undefined;
  const related = relatedEntities(corpus, entity.entity.id, { limit: RELATED_LIMIT, fromPath: path });
  if (related.length === 0) return undefined;
  const links = related.map((r) => {
    const target: EntityCardTarget = { root: corpus.root, entityId: r.id, path: r.path };
    const tooltip = `${plural(r.sharedArticles, 'article')} mention both`;
    return `[${escapeMarkdownText(r.name)}](${commandUri(Commands.showEntityCard, target)} "${tooltip}") (${r.sharedArticles})`;
  });
  return `In the same articles: ${links.join(' · ')}`;
};

/** A link that opens the entity's timeline. */
export const entityTimelineLink: HoverSection = ({ corpus, entity }) => {
  if (!entity) return undefined;
  const timeline: TimelineTarget = { root: corpus.root, entityId: entity.entity.id };
  return `[$(graph) Show timeline](${commandUri(Commands.showTimeline, timeline)})`;
};

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
