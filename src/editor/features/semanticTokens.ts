// Semantic highlighting of people: every person mention gets the custom token type `person`; mentions
// that name the speaker of a quote also get the `speaker` modifier. Boilerplate the grammar cannot know (page
// furniture the corpus repeats, captions, credits) gets the type `boilerplate`, dimmed like the grammar's.
// package.json maps them to TextMate scopes that themes already colour. A setting turns it off.
import * as vscode from 'vscode';
import type { Corpus } from '../../core/api';
import type { CorpusManager } from '../corpusManager';
import { SemanticTokens, Settings, settingId } from '../ids';
import { documentRange } from '../ranges';
import { ARTICLE_SELECTOR } from './selector';

export const PEOPLE_LEGEND = new vscode.SemanticTokensLegend([SemanticTokens.person, SemanticTokens.boilerplate], [SemanticTokens.speaker]);

function semanticHighlightingEnabled(): boolean {
  return vscode.workspace.getConfiguration(Settings.section).get<boolean>(Settings.semanticHighlightingEnabled, true);
}

/** Mentions that are a quote's attributed speaker: the speaker's mention nearest to each quote. */
export function speakerMentionStarts(corpus: Corpus, path: string): Set<number> {
  const starts = new Set<number>();
  const mentions = corpus.mentionsIn(path);
  for (const quote of corpus.quotesIn(path)) {
    if (!quote.speaker) continue;
    let best: { start: number; distance: number } | undefined;
    for (const m of mentions) {
      if (m.entityId !== quote.speaker) continue;
      const distance = m.end <= quote.start ? quote.start - m.end : m.start >= quote.end ? m.start - quote.end : 0;
      if (!best || distance < best.distance) best = { start: m.start, distance };
    }
    if (best) starts.add(best.start);
  }
  return starts;
}

export class PeopleSemanticTokensProvider implements vscode.DocumentSemanticTokensProvider {
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
    if (!this.enabled()) return new vscode.SemanticTokensBuilder(PEOPLE_LEGEND).build();
    const ref = this.manager.articleForDocument(document);
    if (!ref) return undefined;
    const speakers = speakerMentionStarts(ref.corpus, ref.path);
    const builder = new vscode.SemanticTokensBuilder(PEOPLE_LEGEND);
    // Tokens may not span lines; a name hard-wrapped over a line break is marked line by line.
    const push = (span: { start: number; end: number }, type: string, modifiers: string[]) => {
      const range = documentRange(document, span);
      for (let line = range.start.line; line <= range.end.line; line++) {
        const start = line === range.start.line ? range.start.character : 0;
        const end = line === range.end.line ? range.end.character : document.lineAt(line).text.length;
        if (end > start) builder.push(new vscode.Range(line, start, line, end), type, modifiers);
      }
    };
    // Boilerplate holds no mentions, so the two kinds of token never overlap; pushed in document order.
    const tokens: { span: { start: number; end: number }; type: string; modifiers: string[] }[] = [];
    for (const mention of ref.corpus.mentionsIn(ref.path)) tokens.push({ span: mention, type: SemanticTokens.person, modifiers: speakers.has(mention.start) ? [SemanticTokens.speaker] : [] });
    for (const span of ref.corpus.article(ref.path)?.boilerplate ?? []) tokens.push({ span, type: SemanticTokens.boilerplate, modifiers: [] });
    tokens.sort((a, b) => a.span.start - b.span.start);
    for (const token of tokens) push(token.span, token.type, token.modifiers);
    return builder.build();
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}

export function register(context: vscode.ExtensionContext, manager: CorpusManager): void {
  const provider = new PeopleSemanticTokensProvider(manager);
  let pending: ReturnType<typeof setTimeout> | undefined;
  context.subscriptions.push(
    provider,
    vscode.languages.registerDocumentSemanticTokensProvider(ARTICLE_SELECTOR, provider, PEOPLE_LEGEND),
    manager.onDidChange(() => {
      // Coalesce bursts (indexing reports many changes) into one re-request.
      if (pending) clearTimeout(pending);
      pending = setTimeout(() => provider.refresh(), 100);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(settingId(Settings.semanticHighlightingEnabled))) provider.refresh();
    }),
    { dispose: () => pending && clearTimeout(pending) },
  );
}
