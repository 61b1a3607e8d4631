// What the local timeline panel (timeline.ts) and the archive's (archive/timeline.ts) share: the page's
// messages, checked; the page's HTML with its script and style; a period's list posted under its heading.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { Granularity, PeriodEntries, Timeline } from '../../core/query/timeline';
import { timelinePage } from '../../core/query/timelineChart';
import { plural } from '../../core/query/labels';

/** Messages from the page (media/timeline.js). */
export type TimelineMessage =
  | { type: 'period'; key: string }
  | { type: 'open'; path: string; start: number; end: number }
  | { type: 'granularity'; value: Granularity };

/** A message from the page, or undefined when it is none of the known ones or not well formed. */
export function timelineMessage(raw: unknown): TimelineMessage | undefined {
  const message = raw as { type?: unknown; key?: unknown; value?: unknown; path?: unknown; start?: unknown; end?: unknown } | null | undefined;
  if (!message) return undefined;
  if (message.type === 'period' && typeof message.key === 'string') return { type: 'period', key: message.key };
  if (message.type === 'granularity' && (message.value === 'week' || message.value === 'month')) return { type: 'granularity', value: message.value };
  if (message.type === 'open' && typeof message.path === 'string' && Number.isInteger(message.start) && Number.isInteger(message.end)) {
    return { type: 'open', path: message.path, start: message.start as number, end: message.end as number };
  }
  return undefined;
}

/** The page drawing `timeline`, its script and style from `media`. */
export function timelineHtml(webview: vscode.Webview, media: vscode.Uri, timeline: Timeline): string {
  return timelinePage(timeline, {
    cspSource: webview.cspSource,
    nonce: randomBytes(16).toString('base64'),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'timeline.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'timeline.css')).toString(),
  });
}

/** Sends the page the entries of the period `key`, under a heading that counts them. */
export function postPeriodEntries(webview: vscode.Webview, timeline: Timeline, key: string, found: PeriodEntries): Thenable<boolean> {
  const label = timeline.periods.find((p) => p.key === key)?.label ?? 'Undated articles';
  const mentions = found.entries.reduce((n, e) => n + e.mentions.length, 0);
  const quotes = found.entries.reduce((n, e) => n + e.quotes.length, 0);
  const heading = `${label}: ${plural(mentions, 'mention')} and ${plural(quotes, 'quote')} in ${plural(found.entries.length, 'article')}`;
  return webview.postMessage({ type: 'entries', key: found.key, heading, entries: found.entries, omitted: found.omitted });
}
