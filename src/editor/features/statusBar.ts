// The status bar item: "N articles · M people" over all corpora (organisations and places in the tooltip);
// opens quote search when clicked.
import * as vscode from 'vscode';
import type { CorpusManager } from '../corpusManager';
import { Commands } from '../ids';
import { plural } from '../../core/query/labels';
import type { EntityType } from '../../core/types';

export function statusText(manager: CorpusManager): string | undefined {
  const entries = manager.entries();
  if (entries.length === 0) return undefined;
  if (entries.some((e) => e.state === 'loading') && manager.corpora().length === 0) return '$(sync~spin) Indexing corpus…';
  let articles = 0;
  let people = 0;
  for (const corpus of manager.corpora()) {
    articles += corpus.articles().length;
    people += corpus.people().length;
  }
  return `$(book) ${plural(articles, 'article')} · ${plural(people, 'person', 'people')}`;
}

/** "12 people, 8 organisations, 5 places" over all corpora. */
export function entityCounts(manager: CorpusManager): string {
  const counts: Record<EntityType, number> = { person: 0, organization: 0, place: 0 };
  for (const corpus of manager.corpora()) for (const entity of corpus.entities()) counts[entity.type]++;
  return [plural(counts.person, 'person', 'people'), plural(counts.organization, 'organisation'), plural(counts.place, 'place')].join(', ');
}

export function register(context: vscode.ExtensionContext, manager: CorpusManager): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('corpusNavigator.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Corpus Navigator';
  item.command = Commands.searchQuotes;
  item.tooltip = 'Corpus Navigator: search quotes';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = () => {
    timer = undefined;
    const text = statusText(manager);
    if (text === undefined) {
      item.hide();
      return;
    }
    item.text = text;
    const failed = manager.entries().filter((e) => e.state === 'failed');
    item.tooltip = failed.length
      ? `Corpus Navigator: ${failed.length} corpus folder(s) failed to index (see Output). Click to search quotes.`
      : `Corpus Navigator: ${manager.entries().map((e) => e.name).join(', ')}: ${entityCounts(manager)}. Click to search quotes.`;
    item.show();
  };
  context.subscriptions.push(
    item,
    manager.onDidChange(() => {
      timer ??= setTimeout(update, 100);
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
  update();
  return item;
}
