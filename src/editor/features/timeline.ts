// "Show Timeline": an entity's mentions and quotes per week or month by outlet, in a webview panel. The core
// counts (core/query/timeline.ts) and draws (timelineChart.ts); this file opens the panel, answers the page's
// requests (a period's mentions, another granularity) and opens a mention the reader clicks.
//
// The page keeps its own state (selected period, scroll) with getState/setState, so a hidden panel needs no
// retainContextWhenHidden: when it is shown again the page is rebuilt from the same HTML and restores itself.
import * as vscode from 'vscode';
import type { Corpus } from '../../core/api';
import { buildTimeline, findEntity, periodEntries, type Granularity, type Timeline } from '../../core/query/timeline';
import { escapeHtml } from '../../core/query/timelineChart';
import { plural } from '../../core/query/labels';
import type { CorpusManager } from '../corpusManager';
import { Commands, Panels } from '../ids';
import { spanToRange } from '../ranges';
import { corpusByRoot, entityAt } from './shared';
import { postPeriodEntries, timelineHtml, timelineMessage } from './timelineWebview';

/** What the command takes: a corpus and an entity (hover links, other commands), or a tree node of an entity. */
export interface TimelineTarget {
  root: string;
  entityId: string;
}

const REFRESH_DELAY_MS = 400;

function isTarget(value: unknown): value is TimelineTarget {
  const v = value as Partial<TimelineTarget> | undefined;
  return typeof v?.root === 'string' && typeof v.entityId === 'string';
}

/** An entity row of the Articles tree (articleGroupings.ts EntityNode), read structurally. */
function targetOfTreeNode(value: unknown): TimelineTarget | undefined {
  const node = value as { kind?: string; entry?: { root?: unknown }; entity?: { id?: unknown } } | undefined;
  if (node?.kind !== 'entity' || typeof node.entry?.root !== 'string' || typeof node.entity?.id !== 'string') return undefined;
  return { root: node.entry.root, entityId: node.entity.id };
}

class TimelinePanel implements vscode.Disposable {
  private granularity: Granularity | undefined;
  private stale = false;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  timeline: Timeline | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly manager: CorpusManager,
    private readonly media: vscode.Uri,
    readonly target: TimelineTarget,
    onDispose: () => void,
  ) {
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => void this.onMessage(message)),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.stale) this.render();
      }),
      manager.onDidChange(() => this.scheduleRefresh()),
      panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
    );
  }

  private corpus(): Corpus | undefined {
    return corpusByRoot(this.manager.corpora(), this.target.root);
  }

  /** The index changes in bursts (indexing, typing): redraw a visible panel at most every few hundred ms. */
  private scheduleRefresh(): void {
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.render();
    }, REFRESH_DELAY_MS);
  }

  /** Draws the page again, unless the corpus changed elsewhere and the timeline is what is already drawn. */
  render(): Timeline | undefined {
    this.stale = false;
    const webview = this.panel.webview;
    const corpus = this.corpus();
    const previous = this.timeline;
    this.timeline = corpus && buildTimeline(corpus, this.target.entityId, { granularity: this.granularity });
    if (previous && this.timeline && JSON.stringify(previous) === JSON.stringify(this.timeline)) return this.timeline;
    if (!this.timeline) {
      webview.html = `<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="default-src 'none';"></head><body><p>${escapeHtml(this.target.entityId)} is no longer in the corpus.</p></body></html>`;
      return undefined;
    }
    this.panel.title = `Timeline: ${this.timeline.name}`;
    webview.html = timelineHtml(webview, this.media, this.timeline);
    return this.timeline;
  }

  private async onMessage(raw: unknown): Promise<void> {
    const message = timelineMessage(raw);
    const corpus = this.corpus();
    const timeline = this.timeline;
    if (!message || !corpus || !timeline) return;
    if (message.type === 'period') {
      const found = periodEntries(corpus, this.target.entityId, timeline.granularity, message.key);
      if (found) await postPeriodEntries(this.panel.webview, timeline, message.key, found);
    } else if (message.type === 'granularity') {
      this.granularity = message.value;
      this.render();
    } else {
      await this.openSpan(corpus, message.path, message.start, message.end);
    }
  }

  /** Opens a mention in the editor group next to the panel, selected, so the chart stays in view. */
  private async openSpan(corpus: Corpus, path: string, start: number, end: number): Promise<void> {
    const article = corpus.article(path);
    if (!article || start < 0 || end > article.text.length || start > end) return;
    const uri = this.manager.uriOf(corpus, path);
    const range = spanToRange(uri, article.text, { start, end });
    const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(uri, { selection: range, preview: true, viewColumn: column });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** The open timeline panels, one per entity of a corpus. */
export class TimelinePanels implements vscode.Disposable {
  private readonly panels = new Map<string, TimelinePanel>();

  constructor(
    private readonly manager: CorpusManager,
    private readonly extensionUri: vscode.Uri,
  ) {}

  /** Opens (or reveals) the timeline of an entity; returns what it shows, or undefined for an unknown entity. */
  show(target: TimelineTarget): Timeline | undefined {
    const corpus = corpusByRoot(this.manager.corpora(), target.root);
    if (!corpus || !findEntity(corpus, target.entityId)) {
      void vscode.window.showWarningMessage('Corpus Navigator: that name is no longer in the corpus.');
      return undefined;
    }
    const key = `${target.root}|${target.entityId}`;
    const open = this.panels.get(key);
    if (open) {
      open.panel.reveal(undefined, false);
      return open.render();
    }
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(
      Panels.timeline,
      'Timeline',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      { enableScripts: true, localResourceRoots: [media], enableFindWidget: true },
    );
    const timeline = new TimelinePanel(panel, this.manager, media, target, () => this.panels.delete(key));
    this.panels.set(key, timeline);
    return timeline.render();
  }

  dispose(): void {
    for (const timeline of this.panels.values()) timeline.panel.dispose();
    this.panels.clear();
  }
}

/** The entity to chart when the palette gives none: a pick among the entities, the one under the cursor first. */
async function pickEntity(manager: CorpusManager): Promise<TimelineTarget | undefined> {
  const corpora = manager.corpora();
  if (corpora.length === 0) {
    void vscode.window.showInformationMessage('Corpus Navigator: no corpus is indexed yet.');
    return undefined;
  }
  const editor = vscode.window.activeTextEditor;
  const here = editor && entityAt(manager, editor.document, editor.selection.active);
  type Item = vscode.QuickPickItem & { target?: TimelineTarget };
  const items: Item[] = [];
  if (here) {
    items.push({ label: here.entity.name, description: 'at the cursor', target: { root: here.ref.corpus.root, entityId: here.entity.id } });
  }
  for (const corpus of corpora) {
    const name = manager.entryFor(corpus)?.name ?? corpus.root;
    if (corpora.length > 1) items.push({ label: name, kind: vscode.QuickPickItemKind.Separator });
    for (const entity of corpus.entities()) {
      if (here && corpus === here.ref.corpus && entity.id === here.entity.id) continue;
      const kind = entity.type === 'person' ? '' : ` · ${entity.type === 'organization' ? 'organisation' : 'place'}`;
      items.push({
        label: entity.name,
        description: `${plural(entity.mentions.length, 'mention')}${kind}`,
        detail: entity.roles.length ? entity.roles.join(' · ') : undefined,
        target: { root: corpus.root, entityId: entity.id },
      });
    }
  }
  const picked = await vscode.window.showQuickPick(items, { title: 'Show Timeline', placeHolder: 'Whose mentions over time?', matchOnDescription: false });
  return picked?.target;
}

export function register(context: vscode.ExtensionContext, manager: CorpusManager): TimelinePanels {
  const panels = new TimelinePanels(manager, context.extensionUri);
  context.subscriptions.push(
    panels,
    vscode.commands.registerCommand(Commands.showTimeline, async (arg?: unknown) => {
      const target = isTarget(arg) ? arg : (targetOfTreeNode(arg) ?? (await pickEntity(manager)));
      return target ? panels.show(target) : undefined;
    }),
  );
  return panels;
}
