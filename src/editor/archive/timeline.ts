// "Show Timeline" for an archive entity: the same counting (core/query/timeline.ts) and page
// (timelineChart.ts) as for a local corpus, over the entity's rows read from the archive once per panel; a
// period's list fetches the texts of its articles for the snippets.
import * as vscode from 'vscode';
import type { TimelineRows } from '../../archive/archiveReader';
import { buildTimeline, periodEntries, type Timeline, type TimelineSource } from '../../core/query/timeline';
import type { Entity, EntityType } from '../../core/types';
import { Panels } from '../ids';
import { postPeriodEntries, timelineHtml, timelineMessage } from '../features/timelineWebview';
import type { ArchiveDocuments } from './documents';
import type { ArchiveSession } from './session';

/** Mentions (and quotes) read for one timeline; past it the title says the chart is cut. */
export const TIMELINE_ROWS = 100_000;

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
    panel.webview.html = timelineHtml(panel.webview, media, timeline);
  };
  const subscription = panel.webview.onDidReceiveMessage(async (raw: unknown) => {
    const message = timelineMessage(raw);
    if (!message || !timeline) return;
    if (message.type === 'period') {
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
      if (found) await postPeriodEntries(panel.webview, timeline, key, found);
    } else if (message.type === 'granularity') {
      timeline = buildTimeline(source, entityId, { granularity: message.value });
      render();
    } else {
      await documents.open(message.path, { start: message.start, end: message.end });
    }
  });
  panel.onDidDispose(() => subscription.dispose());
  render();
  return timeline;
}
