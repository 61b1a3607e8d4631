// "Search Entities": a QuickPick over the people, organisations and places of every corpus, ranked by fuse.js
// over names and aliases. `#person`, `#org`, `#place` in the query (or the title buttons, which write them)
// narrow it to types. Accepting opens the entity's first full mention; item buttons list quotes or all mentions.
// "Search People" (the command of earlier versions) opens it narrowed to people.
import * as vscode from 'vscode';
import type { Corpus } from '../../core/api';
import { PeopleSearch, QUOTE_SOURCE_TYPES, quoteSourceEntities } from '../../core/search';
import { parseEntityQuery, TYPE_TAGS, withTypeTag } from '../../core/search/entityQuery';
import type { Entity, EntityType } from '../../core/types';
import type { CorpusManager } from '../corpusManager';
import { Commands } from '../ids';
import { openSpan } from './navigation';
import { ensureCorpus } from './registration';
import { definingMention } from '../../core/query/definition';
import { articleCount, entityTypeName, entityTypePlural, plural } from '../../core/query/labels';
import { ENTITY_ICONS, ENTITY_TYPES, shownEntityTypes } from './entityTypes';

export interface EntityResult {
  corpus: Corpus;
  entity: Entity;
  score: number;
}

const RESULT_LIMIT = 50;

/**
 * One name index per corpus and type, built on first use and dropped when that corpus changes, so typing in a
 * picker (or `@name` in quote search) does not rebuild it on every keystroke.
 */
export class EntitySearchCache implements vscode.Disposable {
  private readonly searches = new Map<Corpus, Map<EntityType, PeopleSearch<Entity>>>();
  private readonly sources = new Map<Corpus, PeopleSearch<Entity>>();
  private readonly subscription: vscode.Disposable;

  constructor(manager: CorpusManager) {
    this.subscription = manager.onDidChange((change) => {
      // A change without a corpus is the set of corpora changing: drop everything.
      if (change.entry?.corpus) {
        this.searches.delete(change.entry.corpus);
        this.sources.delete(change.entry.corpus);
      } else {
        this.searches.clear();
        this.sources.clear();
      }
    });
  }

  /** The name index of one type's entities in a corpus. */
  of(corpus: Corpus, type: EntityType): PeopleSearch<Entity> {
    let byType = this.searches.get(corpus);
    if (!byType) this.searches.set(corpus, (byType = new Map()));
    let search = byType.get(type);
    if (!search) {
      search = new PeopleSearch(type === 'person' ? corpus.people() : corpus.entities().filter((e) => e.type === type));
      byType.set(type, search);
    }
    return search;
  }

  /** The name index of the people and organisations quotes come from (quote search's `@name`). */
  quoteSources(corpus: Corpus): PeopleSearch<Entity> {
    let search = this.sources.get(corpus);
    if (!search) this.sources.set(corpus, (search = new PeopleSearch(quoteSourceEntities(corpus))));
    return search;
  }

  dispose(): void {
    this.subscription.dispose();
    this.searches.clear();
    this.sources.clear();
  }
}

/** The cache quote search shares for `@name`. */
export type PeopleSearchCache = EntitySearchCache;

/**
 * Ranked entities for a query (tags narrow the types, within `shown`), across corpora; an empty text lists the
 * most mentioned first.
 */
export function searchEntities(
  manager: CorpusManager,
  cache: EntitySearchCache,
  query: string,
  shown: ReadonlySet<EntityType> = new Set(ENTITY_TYPES),
  limit = RESULT_LIMIT,
): EntityResult[] {
  const parsed = parseEntityQuery(query);
  const types = ENTITY_TYPES.filter((t) => shown.has(t) && (!parsed.types || parsed.types.has(t)));
  const results: EntityResult[] = [];
  for (const corpus of manager.corpora()) {
    if (!parsed.text) {
      const entities = corpus.entities().filter((e) => types.includes(e.type)).slice(0, limit);
      results.push(...entities.map((entity) => ({ corpus, entity, score: 1 - entity.mentions.length / 1e6 })));
      continue;
    }
    for (const type of types) {
      for (const hit of cache.of(corpus, type).search(parsed.text, { limit })) results.push({ corpus, entity: hit.item, score: hit.score });
    }
  }
  return results.sort((a, b) => a.score - b.score).slice(0, limit);
}

interface EntityItem extends vscode.QuickPickItem {
  result: EntityResult;
}

const QUOTES_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('quote'), tooltip: 'Search its quotes' };
const MENTIONS_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('references'), tooltip: 'Show all mentions' };

interface TypeButton extends vscode.QuickInputButton {
  type: EntityType;
}

/** Title buttons that narrow to one type (writing its tag into the query), or widen again when pressed twice. */
function typeButtons(shown: ReadonlySet<EntityType>): TypeButton[] {
  return ENTITY_TYPES.filter((type) => shown.has(type)).map((type) => ({
    type,
    iconPath: new vscode.ThemeIcon(ENTITY_ICONS[type]),
    tooltip: `Only ${entityTypePlural(type).toLowerCase()} (${TYPE_TAGS[type]})`,
  }));
}

function toItem(result: EntityResult): EntityItem {
  const { corpus, entity } = result;
  const quotes = corpus.quotesFrom(entity.id).length;
  return {
    label: `$(${ENTITY_ICONS[entity.type]}) ${entity.name}`,
    description: [entityTypeName(entity.type), entity.aliases.join(', ')].filter(Boolean).join(' · '),
    detail: [
      `${plural(entity.mentions.length, 'mention')} in ${plural(articleCount(entity.mentions), 'article')}`,
      plural(quotes, 'quote'),
      ...entity.roles.slice(0, 3),
    ].join(' · '),
    alwaysShow: true,
    // Quote search's `@name` narrows to the people and organisations quotes come from.
    buttons: quotes > 0 && QUOTE_SOURCE_TYPES.includes(entity.type) ? [QUOTES_BUTTON, MENTIONS_BUTTON] : [MENTIONS_BUTTON],
    result,
  };
}

/** Opens Search Entities, with `initial` in the query box (e.g. a type tag). Returns the picker, shown. */
export async function showEntitySearch(manager: CorpusManager, cache: EntitySearchCache, initial = ''): Promise<vscode.QuickPick<EntityItem> | undefined> {
  if (!(await ensureCorpus(manager))) return undefined;
  const shown = shownEntityTypes();
  const pick = vscode.window.createQuickPick<EntityItem>();
  pick.title = 'Search Entities';
  pick.placeholder = 'Type a name or part of one (typos are fine); #person, #org or #place narrows to a type';
  pick.matchOnDescription = false;
  pick.buttons = typeButtons(shown);
  const update = () => {
    pick.items = searchEntities(manager, cache, pick.value, shown).map(toItem);
  };
  pick.value = initial;
  update();
  pick.onDidChangeValue(update);
  pick.onDidTriggerButton((button) => {
    const { type } = button as TypeButton;
    const current = parseEntityQuery(pick.value).types;
    const only = current?.size === 1 && current.has(type);
    pick.value = withTypeTag(pick.value, only ? undefined : type);
    update();
  });
  pick.onDidAccept(async () => {
    const item = pick.selectedItems[0];
    pick.hide();
    const mention = item && definingMention(item.result.corpus, item.result.entity);
    if (!item || !mention) return;
    await openSpan(manager, { root: item.result.corpus.root, path: mention.path, start: mention.start, end: mention.end }, false);
  });
  pick.onDidTriggerItemButton(async ({ item, button }) => {
    pick.hide();
    const { corpus, entity } = item.result;
    if (button === QUOTES_BUTTON) {
      await vscode.commands.executeCommand(Commands.searchQuotes, `@"${entity.name}" `);
      return;
    }
    const mention = definingMention(corpus, entity);
    if (!mention) return;
    const target = { root: corpus.root, path: mention.path, start: mention.start, end: mention.end };
    await openSpan(manager, target, false);
    await vscode.commands.executeCommand(Commands.showAllMentions, target);
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
  return pick;
}

/** Registers "Search Entities" and "Search People"; returns the name-index cache quote search shares for `@name`. */
export function register(context: vscode.ExtensionContext, manager: CorpusManager): EntitySearchCache {
  const cache = new EntitySearchCache(manager);
  context.subscriptions.push(
    cache,
    vscode.commands.registerCommand(Commands.searchEntities, (initial?: unknown) => showEntitySearch(manager, cache, typeof initial === 'string' ? initial : '')),
    vscode.commands.registerCommand(Commands.searchPeople, () => showEntitySearch(manager, cache, withTypeTag('', 'person'))),
  );
  return cache;
}
