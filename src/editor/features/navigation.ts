// Go to mention, for entities of every type: definition (the entity's fullest first mention), references
// (every mention in the corpus), document highlights (the same entity in this article), next/previous mention
// across articles in date order, and the internal commands hover links and tree items use to open a mention.
import * as vscode from 'vscode';
import type { CorpusManager } from '../corpusManager';
import { Commands } from '../ids';
import { documentRange, spanToRange } from '../ranges';
import { ARTICLE_SELECTOR } from './selector';
import { definingMention, personReferences } from '../../core/query/definition';
import { mentionsInDateOrder } from '../../core/query/ordering';
import { type SpanTarget, corpusByRoot, mentionLocation, entityAt } from './shared';

export class MentionDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly manager: CorpusManager) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location | undefined {
    const hit = entityAt(this.manager, document, position);
    if (!hit) return undefined;
    const target = definingMention(hit.ref.corpus, hit.entity);
    return target ? mentionLocation(this.manager, hit.ref.corpus, target) : undefined;
  }
}

export class MentionReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly manager: CorpusManager) {}

  provideReferences(
    document: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.ReferenceContext,
  ): vscode.Location[] | undefined {
    const hit = entityAt(this.manager, document, position);
    if (!hit) return undefined;
    const corpus = hit.ref.corpus;
    return personReferences(corpus, hit.entity, { includeDeclaration: context.includeDeclaration }).flatMap((m) => mentionLocation(this.manager, corpus, m) ?? []);
  }
}

export class MentionHighlightProvider implements vscode.DocumentHighlightProvider {
  constructor(private readonly manager: CorpusManager) {}

  provideDocumentHighlights(document: vscode.TextDocument, position: vscode.Position): vscode.DocumentHighlight[] | undefined {
    const hit = entityAt(this.manager, document, position);
    if (!hit) return undefined;
    return hit.ref.corpus
      .mentionsIn(hit.ref.path)
      .filter((m) => m.entityId === hit.entity.id)
      .map((m) => new vscode.DocumentHighlight(documentRange(document, m), vscode.DocumentHighlightKind.Read));
  }
}

/** Opens a span of an article with it selected. */
export async function openSpan(manager: CorpusManager, target: SpanTarget, preview = true): Promise<vscode.TextEditor | undefined> {
  const corpus = corpusByRoot(manager.corpora(), target.root);
  const article = corpus?.article(target.path);
  if (!corpus || !article) {
    void vscode.window.showWarningMessage(`Corpus Navigator: ${target.path} is no longer in the corpus.`);
    return undefined;
  }
  const uri = manager.uriOf(corpus, target.path);
  const range = spanToRange(uri, article.text, target);
  const editor = await vscode.window.showTextDocument(uri, { selection: range, preview });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/**
 * Moves to the next (or previous) mention of the entity under the cursor, across articles in date order,
 * wrapping around at the ends. Returns the mention it went to.
 */
export async function goToAdjacentMention(manager: CorpusManager, direction: 1 | -1): Promise<SpanTarget | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const hit = entityAt(manager, editor.document, editor.selection.active);
  if (!hit) {
    void vscode.window.showInformationMessage('Corpus Navigator: put the cursor on a name (a person, an organisation or a place) first.');
    return undefined;
  }
  const ordered = mentionsInDateOrder(hit.ref.corpus, hit.entity);
  const index = ordered.findIndex((m) => m.path === hit.mention.path && m.start === hit.mention.start);
  const next = ordered[(index + direction + ordered.length) % ordered.length];
  if (!next) return undefined;
  const target: SpanTarget = { root: hit.ref.corpus.root, path: next.path, start: next.start, end: next.end };
  await openSpan(manager, target, false);
  return target;
}

export function register(context: vscode.ExtensionContext, manager: CorpusManager): void {
  context.subscriptions.push(
    vscode.languages.registerDefinitionProvider(ARTICLE_SELECTOR, new MentionDefinitionProvider(manager)),
    vscode.languages.registerReferenceProvider(ARTICLE_SELECTOR, new MentionReferenceProvider(manager)),
    vscode.languages.registerDocumentHighlightProvider(ARTICLE_SELECTOR, new MentionHighlightProvider(manager)),
    vscode.commands.registerCommand(Commands.nextMention, () => goToAdjacentMention(manager, 1)),
    vscode.commands.registerCommand(Commands.previousMention, () => goToAdjacentMention(manager, -1)),
    vscode.commands.registerCommand(Commands.openMention, (target: SpanTarget) => openSpan(manager, target)),
    vscode.commands.registerCommand(Commands.showAllMentions, async (target: SpanTarget) => {
      const corpus = corpusByRoot(manager.corpora(), target.root);
      const mention = corpus?.mentionAt(target.path, target.start);
      const entity = mention && corpus?.entity(mention.entityId);
      const article = corpus?.article(target.path);
      if (!corpus || !entity || !article) return;
      const uri = manager.uriOf(corpus, target.path);
      const locations = personReferences(corpus, entity, { includeDeclaration: true }).flatMap((m) => mentionLocation(manager, corpus, m) ?? []);
      const position = spanToRange(uri, article.text, target).start;
      await vscode.commands.executeCommand('editor.action.showReferences', uri, position, locations);
    }),
  );
}
