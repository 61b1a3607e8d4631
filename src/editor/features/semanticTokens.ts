// Semantic highlighting of entities: every mention gets the custom token type of its entity (`person`,
// `organization`, `place`); the mention that names the source of a quote (its speaker, or the organisation it
// is attributed to) also gets the `speaker` modifier. Boilerplate the grammar cannot know (page furniture the
// corpus repeats, captions, credits) gets the type `boilerplate`, dimmed like the grammar's. package.json maps
// them to TextMate scopes that themes already colour. One setting turns it off, another chooses the types shown.
import * as vscode from 'vscode';
import type { Corpus } from '../../core/api';
import type { CorpusManager } from '../corpusManager';
import { SemanticTokens, Settings, settingId } from '../ids';
import { documentRange } from '../ranges';
import { ARTICLE_SELECTOR } from './selector';
import { affectsEntityTypes, shownEntityTypes } from './entityTypes';
import type { EntityType, Span } from '../../core/types';

const TOKEN_OF: Record<EntityType, string> = {
  person: SemanticTokens.person,
  organization: SemanticTokens.organization,
  place: SemanticTokens.place,
};

export const ENTITY_LEGEND = new vscode.SemanticTokensLegend(
  [SemanticTokens.person, SemanticTokens.organization, SemanticTokens.place, SemanticTokens.boilerplate],
  [SemanticTokens.speaker],
);

function semanticHighlightingEnabled(): boolean {
  return vscode.workspace.getConfiguration(Settings.section).get<boolean>(Settings.semanticHighlightingEnabled, true);
}

/** Mentions that name a quote's source (speaker or organisation): the source's mention nearest to each quote. */
export function speakerMentionStarts(corpus: Corpus, path: string): Set<number> {
  const starts = new Set<number>();
  const mentions = corpus.mentionsIn(path);
  for (const quote of corpus.quotesIn(path)) {
    const source = quote.source ?? quote.speaker;
    if (!source) continue;
    let best: { start: number; distance: number } | undefined;
    for (const m of mentions) {
      if (m.entityId !== source) continue;
      const distance = m.end <= quote.start ? quote.start - m.end : m.start >= quote.end ? m.start - quote.end : 0;
      if (!best || distance < best.distance) best = { start: m.start, distance };
    }
    if (best) starts.add(best.start);
  }
  return starts;
}

/** Tokens may not span lines: a span hard-wrapped over a line break (a name split across two lines) is marked line by line. */
export function pushLineTokens(builder: vscode.SemanticTokensBuilder, document: vscode.TextDocument, span: Span, type: string, modifiers: readonly string[] = []): void {
  const range = documentRange(document, span);
  for (let line = range.start.line; line <= range.end.line; line++) {
    const start = line === range.start.line ? range.start.character : 0;
    const end = line === range.end.line ? range.end.character : document.lineAt(line).text.length;
    if (end > start) builder.push(new vscode.Range(line, start, line, end), type, modifiers);
  }
}

export class EntitySemanticTokensProvider implements vscode.DocumentSemanticTokensProvider {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeSemanticTokens = this.changeEmitter.event;

  constructor(
    private readonly manager: CorpusManager,
    private readonly enabled: () => boolean = semanticHighlightingEnabled,
  ) {}

  /** Asks VS Code to re-request tokens (the index or the setting changed). */
  refresh(): void {
    this.changeEmitter.fire();
  }

  provideDocumentSemanticTokens(document: vscode.TextDocument): vscode.SemanticTokens | undefined {
    if (!this.enabled()) return new vscode.SemanticTokensBuilder(ENTITY_LEGEND).build();
    const ref = this.manager.articleForDocument(document);
    if (!ref) return undefined;
    const { corpus, path } = ref;
    const speakers = speakerMentionStarts(corpus, path);
    const types = shownEntityTypes();
    const builder = new vscode.SemanticTokensBuilder(ENTITY_LEGEND);
    // Boilerplate holds no mentions, so the two kinds of token never overlap; pushed in document order.
    const tokens: { span: { start: number; end: number }; type: string; modifiers: string[] }[] = [];
    for (const mention of corpus.mentionsIn(path)) {
      const type = corpus.entity(mention.entityId)?.type;
      if (!type || !types.has(type)) continue;
      tokens.push({ span: mention, type: TOKEN_OF[type], modifiers: speakers.has(mention.start) ? [SemanticTokens.speaker] : [] });
    }
    for (const span of corpus.article(path)?.boilerplate ?? []) tokens.push({ span, type: SemanticTokens.boilerplate, modifiers: [] });
    tokens.sort((a, b) => a.span.start - b.span.start);
    for (const token of tokens) pushLineTokens(builder, document, token.span, token.type, token.modifiers);
    return builder.build();
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}

export function register(context: vscode.ExtensionContext, manager: CorpusManager): void {
  const provider = new EntitySemanticTokensProvider(manager);
  let pending: ReturnType<typeof setTimeout> | undefined;
  context.subscriptions.push(
    provider,
    vscode.languages.registerDocumentSemanticTokensProvider(ARTICLE_SELECTOR, provider, ENTITY_LEGEND),
    manager.onDidChange(() => {
      // Coalesce bursts (indexing reports many changes) into one re-request.
      if (pending) clearTimeout(pending);
      pending = setTimeout(() => provider.refresh(), 100);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(settingId(Settings.semanticHighlightingEnabled)) || affectsEntityTypes(e)) provider.refresh();
    }),
    { dispose: () => pending && clearTimeout(pending) },
  );
}
