// "Search People": a QuickPick over every person of every corpus, ranked by fuse.js over names and
// aliases. Accepting opens the person's first full mention; item buttons list their quotes or all mentions.
import * as vscode from 'vscode';
import type { Corpus } from '../../core/api';
import { PeopleSearch } from '../../core/search';
import type { Person } from '../../core/types';
import type { CorpusManager } from '../corpusManager';
import { Commands } from '../ids';
import { openSpan } from './navigation';
import { ensureCorpus } from './registration';
import { definingMention } from '../../core/query/definition';
import { articleCount, plural } from '../../core/query/labels';

export interface PersonResult {
  corpus: Corpus;
  person: Person;
  score: number;
}

const RESULT_LIMIT = 50;

/**
 * One name index per corpus, built on first use and dropped when that corpus changes, so typing in a
 * picker (or `@name` in quote search) does not rebuild it on every keystroke.
 */
export class PeopleSearchCache implements vscode.Disposable {
  private readonly searches = new Map<Corpus, PeopleSearch<Person>>();
  private readonly subscription: vscode.Disposable;

  constructor(manager: CorpusManager) {
    this.subscription = manager.onDidChange((change) => {
      // A change without a corpus is the set of corpora changing: drop everything.
      if (change.entry?.corpus) this.searches.delete(change.entry.corpus);
      else this.searches.clear();
    });
  }

  for(corpus: Corpus): PeopleSearch<Person> {
    let search = this.searches.get(corpus);
    if (!search) {
      search = new PeopleSearch(corpus.people());
      this.searches.set(corpus, search);
    }
    return search;
  }

  dispose(): void {
    this.subscription.dispose();
    this.searches.clear();
  }
}

/** Ranked people for a query, across corpora; an empty query lists the most mentioned first. */
export function searchPeople(manager: CorpusManager, cache: PeopleSearchCache, query: string, limit = RESULT_LIMIT): PersonResult[] {
  const results: PersonResult[] = [];
  for (const corpus of manager.corpora()) {
    if (!query.trim()) {
      results.push(...corpus.people().slice(0, limit).map((person) => ({ corpus, person, score: 1 - person.mentions.length / 1e6 })));
      continue;
    }
    for (const hit of cache.for(corpus).search(query, { limit })) {
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
      `${plural(person.mentions.length, 'mention')} in ${plural(articleCount(person.mentions), 'article')}`,
      plural(quotes, 'quote'),
      ...person.roles.slice(0, 3),
    ].join(' · '),
    alwaysShow: true,
    buttons: quotes > 0 ? [QUOTES_BUTTON, MENTIONS_BUTTON] : [MENTIONS_BUTTON],
    result,
  };
}

export async function showPeopleSearch(manager: CorpusManager, cache: PeopleSearchCache): Promise<void> {
  if (!(await ensureCorpus(manager))) return;
  const pick = vscode.window.createQuickPick<PersonItem>();
  pick.title = 'Search People';
  pick.placeholder = 'Type a name or part of one (typos are fine)';
  pick.matchOnDescription = false;
  pick.items = searchPeople(manager, cache, '').map(toItem);
  pick.onDidChangeValue((value) => {
    pick.items = searchPeople(manager, cache, value).map(toItem);
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

/** Registers "Search People"; returns the name-index cache quote search shares for `@name`. */
export function register(context: vscode.ExtensionContext, manager: CorpusManager): PeopleSearchCache {
  const cache = new PeopleSearchCache(manager);
  context.subscriptions.push(cache, vscode.commands.registerCommand(Commands.searchPeople, () => showPeopleSearch(manager, cache)));
  return cache;
}
