// "Search People": a QuickPick over every person of every corpus, ranked by fuse.js over names and
// aliases. Accepting opens the person's first full mention; item buttons list their quotes or all mentions.
import * as vscode from 'vscode';
import type { Corpus } from '../core/api';
import { PeopleSearch } from '../core/search';
import type { Person } from '../core/types';
import type { CorpusManager } from '../corpusManager';
import { Commands } from '../ids';
import { openSpan } from './navigation';
import { articleCount, definingMention } from './shared';

export interface PersonResult {
  corpus: Corpus;
  person: Person;
  score: number;
}

const RESULT_LIMIT = 50;

/** Ranked people for a query, across corpora; an empty query lists the most mentioned first. */
export function searchPeople(manager: CorpusManager, query: string, limit = RESULT_LIMIT): PersonResult[] {
  const results: PersonResult[] = [];
  for (const corpus of manager.corpora()) {
    if (!query.trim()) {
      results.push(...corpus.people().slice(0, limit).map((person) => ({ corpus, person, score: 1 - person.mentions.length / 1e6 })));
      continue;
    }
    for (const hit of new PeopleSearch(corpus.people()).search(query, { limit })) {
      results.push({ corpus, person: hit.item, score: hit.score });
    }
  }
  return results.sort((a, b) => a.score - b.score).slice(0, limit);
}

interface PersonItem extends vscode.QuickPickItem {
  result: PersonResult;
}

const QUOTES_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('quote'), tooltip: 'Search this person’s quotes' };
const MENTIONS_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('references'), tooltip: 'Show all mentions' };

function toItem(result: PersonResult): PersonItem {
  const { corpus, person } = result;
  const quotes = corpus.quotesBy(person.id).length;
  return {
    label: `$(person) ${person.name}`,
    description: person.aliases.join(', '),
    detail: [
      `${person.mentions.length} mentions in ${articleCount(person.mentions)} articles`,
      `${quotes} quotes`,
      ...person.roles.slice(0, 3),
    ].join(' · '),
    alwaysShow: true,
    buttons: quotes > 0 ? [QUOTES_BUTTON, MENTIONS_BUTTON] : [MENTIONS_BUTTON],
    result,
  };
}

export async function showPeopleSearch(manager: CorpusManager): Promise<void> {
  const pick = vscode.window.createQuickPick<PersonItem>();
  pick.title = 'Search People';
  pick.placeholder = 'Type a name or part of one (typos are fine)';
  pick.matchOnDescription = false;
  pick.items = searchPeople(manager, '').map(toItem);
  pick.onDidChangeValue((value) => {
    pick.items = searchPeople(manager, value).map(toItem);
  });
  pick.onDidAccept(async () => {
    const item = pick.selectedItems[0];
    pick.hide();
    const mention = item && definingMention(item.result.corpus, item.result.person);
    if (!item || !mention) return;
    await openSpan(manager, { root: item.result.corpus.root, path: mention.path, start: mention.start, end: mention.end }, false);
  });
  pick.onDidTriggerItemButton(async ({ item, button }) => {
    pick.hide();
    const { corpus, person } = item.result;
    if (button === QUOTES_BUTTON) {
      await vscode.commands.executeCommand(Commands.searchQuotes, `@"${person.name}" `);
      return;
    }
    const mention = definingMention(corpus, person);
    if (!mention) return;
    const target = { root: corpus.root, path: mention.path, start: mention.start, end: mention.end };
    await openSpan(manager, target, false);
    await vscode.commands.executeCommand(Commands.showAllMentions, target);
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
}

export function register(context: vscode.ExtensionContext, manager: CorpusManager): void {
  context.subscriptions.push(vscode.commands.registerCommand(Commands.searchPeople, () => showPeopleSearch(manager)));
}
