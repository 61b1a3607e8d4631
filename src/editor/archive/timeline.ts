// "Show Timeline" for an archive entity: the same counting (core/query/timeline.ts) and page
// (timelineChart.ts) as for a local corpus, over the entity's rows read from the archive once per panel; a
// period's list fetches the texts of its articles for the snippets.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { TimelineRows } from '../../archive/archiveReader';
import { buildTimeline, periodEntries, type Granularity, type Timeline, type TimelineSource } from '../../core/query/timeline';
import { timelinePage } from '../../core/query/timelineChart';
import { plural } from '../../core/query/labels';
import type { Entity, EntityType } from '../../core/types';
import { Panels } from '../ids';
import type { ArchiveDocuments } from './documents';
import type { ArchiveSession } from './session';

/** Mentions (and quotes) read for one timeline; past it the title says the chart is cut. */
export const TIMELINE_ROWS = 100_000;

type PageMessage = { type: 'period'; key: string } | { type: 'open'; path: string; start: number; end: number } | { type: 'granularity'; value: Granularity };

/** The entity's rows as the timeline functions read a corpus; `textOf` fills in the articles a period lists. */
function sourceOf(rows: TimelineRows, textOf: (path: string) => string): TimelineSource {
  const { entity } = rows;
  const asEntity: Entity = {
    id: entity.id,
    type: entity.type as EntityType,
    name: entity.name,
    aliases: entity.aliases,
    roles: entity.roles,
    mentions: rows.mentions.map((m) => ({ ...m, text: '', entityId: entity.id })),
  };
  const articles = new Map(rows.articles.map((a) => [a.path, a]));
  return {
    entity: (id) => (id === entity.id ? asEntity : undefined),
    person: () => undefined,
    quotesFrom: (id) => (id === entity.id ? rows.quotes : []),
    article: (path) => {
      const article = articles.get(path);
      return article && { ...article, text: textOf(path) };
    },
  };
}

/** Opens the timeline of an archive entity in a webview panel; undefined when the archive did not answer. */
export async function showArchiveTimeline(session: ArchiveSession, documents: ArchiveDocuments, extensionUri: vscode.Uri, entityId: string): Promise<Timeline | undefined> {
  const rows = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Reading the timeline from the archive' }, () =>
    session.run((reader) => reader.timelineRows(entityId, TIMELINE_ROWS)),
  );
  if (!rows) return undefined;
  const cut = rows.mentions.length >= TIMELINE_ROWS || rows.quotes.length >= TIMELINE_ROWS;
  const media = vscode.Uri.joinPath(extensionUri, 'media');
  const panel = vscode.window.createWebviewPanel(
    Panels.timeline,
    `Timeline: ${rows.entity.name}${cut ? ` (first ${TIMELINE_ROWS.toLocaleString('en')} mentions)` : ''}`,
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
    { enableScripts: true, localResourceRoots: [media], enableFindWidget: true },
  );
  // One source for the panel's life: a period's article texts are lent to it while that period's entries are made.
  let periodTexts: ReadonlyMap<string, string> | undefined;
  const source = sourceOf(rows, (path) => periodTexts?.get(path) ?? '');
  let timeline = buildTimeline(source, entityId);
  const render = () => {
    if (!timeline) return;
    panel.webview.html = timelinePage(timeline, {
      cspSource: panel.webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'timeline.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'timeline.css')).toString(),
    });
  };
  const subscription = panel.webview.onDidReceiveMessage(async (raw: unknown) => {
    const message = raw as Partial<PageMessage> | undefined;
    if (!message || !timeline) return;
    if (message.type === 'period' && typeof message.key === 'string') {
      const key = message.key;
      // First which articles the period lists, then their texts for the snippets.
      const listed = periodEntries(source, entityId, timeline.granularity, key);
      if (!listed) return;
      const texts = await session.run((reader) => reader.texts(listed.entries.map((e) => e.path)));
      periodTexts = texts;
      let found: ReturnType<typeof periodEntries>;
      try {
        found = periodEntries(source, entityId, timeline.granularity, key);
      } finally {
        periodTexts = undefined;
      }
      if (!found) return;
      const label = timeline.periods.find((p) => p.key === key)?.label ?? 'Undated articles';
      const mentions = found.entries.reduce((n, e) => n + e.mentions.length, 0);
      const quotes = found.entries.reduce((n, e) => n + e.quotes.length, 0);
      const heading = `${label}: ${plural(mentions, 'mention')} and ${plural(quotes, 'quote')} in ${plural(found.entries.length, 'article')}`;
      await panel.webview.postMessage({ type: 'entries', key: found.key, heading, entries: found.entries, omitted: found.omitted });
    } else if (message.type === 'granularity' && (message.value === 'week' || message.value === 'month')) {
      timeline = buildTimeline(source, entityId, { granularity: message.value });
      render();
    } else if (message.type === 'open' && typeof message.path === 'string' && Number.isInteger(message.start) && Number.isInteger(message.end)) {
      await documents.open(message.path, { start: message.start!, end: message.end! });
    }
  });
  panel.onDidDispose(() => subscription.dispose());
  render();
  return timeline;
}
