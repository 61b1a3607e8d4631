// The groupings of the Articles tree and the nodes it is made of. The groupings are the table GROUPING_TABLE:
// adding one is one entry there (its label, its command, the nodes at the top of a corpus); a grouping that
// needs its own kind of item returns `CustomNode`s, which carry their tree item and children.
import type * as vscode from 'vscode';
import type { Corpus } from '../../core/api';
import type { Article, Entity, EntityType, Mention } from '../../core/types';
import type { CorpusEntry } from '../corpusManager';
import { Commands } from '../ids';
import { ArticleFilter, entitiesOfType, groupByOutlet, groupByYear, UNDATED, type ArticleGroup } from '../../core/query/articleGroups';
import { entityTypeName, entityTypePlural } from '../../core/query/labels';
import { shownEntityTypes } from './entityTypes';
import { quoteTrailNodes } from './quoteTrailGrouping';

/** The most entities one grouping lists per corpus (the most mentioned). */
const MAX_ENTITIES = 1000;

/** What a grouping arranges: one corpus's articles that pass the filter. */
export interface GroupingInput {
  entry: CorpusEntry;
  parent: TreeNode | undefined;
  corpus: Corpus;
  articles: Article[];
  filter: ArticleFilter;
}

export interface Grouping {
  /** "By Outlet", in the Group Articles picker. */
  label: string;
  /** The command that selects the grouping (also listed in package.json's view/title menu). */
  command: string;
  /** The nodes at the top of one corpus. */
  top(input: GroupingInput): TreeNode[];
  /** True when each article sits in exactly one group, so the active article can be revealed. */
  reveals?: boolean;
  /** The entity type listed: the grouping is offered only while `corpusNavigator.entities.types` shows it. */
  entityType?: EntityType;
}

function entityGrouping(type: EntityType, command: string): Grouping {
  return { label: `By ${entityTypeName(type)}`, command, entityType: type, top: (input) => entityNodes(input, type) };
}

/** The groupings, in menu order. */
const GROUPING_TABLE = {
  outlet: { label: 'By Outlet', command: Commands.groupByOutlet, reveals: true, top: outletNodes },
  date: { label: 'By Date', command: Commands.groupByDate, reveals: true, top: yearNodes },
  person: entityGrouping('person', Commands.groupByPerson),
  organization: entityGrouping('organization', Commands.groupByOrganization),
  place: entityGrouping('place', Commands.groupByPlace),
  quote: { label: 'By Quote', command: Commands.groupByQuote, top: quoteTrailNodes },
} satisfies Record<string, Grouping>;

export type GroupBy = keyof typeof GROUPING_TABLE;
export const GROUPINGS = Object.keys(GROUPING_TABLE) as GroupBy[];
export const grouping = (id: GroupBy): Grouping => GROUPING_TABLE[id];

export function groupNodes(entry: CorpusEntry, parent: TreeNode | undefined, groups: readonly ArticleGroup[], kind: (group: ArticleGroup) => GroupNode['kind'], idOf: (group: ArticleGroup) => string): GroupNode[] {
  return groups.map((group) => ({ kind: kind(group), id: idOf(group), parent, entry, label: group.label, articles: group.articles }));
}

function outletNodes({ entry, parent, articles }: GroupingInput): GroupNode[] {
  return groupNodes(entry, parent, groupByOutlet(articles), () => 'outlet', (group) => `${entry.root}|outlet|${group.key}`);
}

function yearNodes({ entry, parent, articles }: GroupingInput): GroupNode[] {
  // Undated articles are listed directly under their group (no months to open).
  return groupNodes(entry, parent, groupByYear(articles), (group) => (group.key === UNDATED ? 'month' : 'year'), (group) => `${entry.root}|date|${group.key}`);
}

function entityNodes({ entry, parent, corpus, filter }: GroupingInput, type: EntityType): TreeNode[] {
  if (!shownEntityTypes().has(type)) {
    const label = `${entityTypePlural(type)} are hidden by the setting corpusNavigator.entities.types`;
    return [{ kind: 'status', id: `${entry.root}|${type}|hidden`, parent, entry, label, icon: 'eye-closed' }];
  }
  const entities = entitiesOfType(corpus, type).filter((entity) => filter.entityPasses(corpus, entity));
  return entities.slice(0, MAX_ENTITIES).map((entity) => ({ kind: 'entity', id: `${entry.root}|${type}|${entity.id}`, parent, entry, entity }));
}

export interface BaseNode {
  id: string;
  parent: TreeNode | undefined;
  entry: CorpusEntry;
}
export interface CorpusNode extends BaseNode {
  kind: 'corpus';
}
export interface GroupNode extends BaseNode {
  kind: 'outlet' | 'year' | 'month';
  label: string;
  articles: Article[];
}
export interface EntityNode extends BaseNode {
  kind: 'entity';
  entity: Entity;
}
/** A node a grouping defines itself: its own tree item and children. */
export interface CustomNode extends BaseNode {
  kind: 'custom';
  item(): vscode.TreeItem;
  children(): TreeNode[];
}
export interface ArticleNode extends BaseNode {
  kind: 'article';
  article: Article;
  /** Set when listed under an entity: its mentions in this article. */
  mentions?: Mention[];
}
export interface MentionNode extends BaseNode {
  kind: 'mention';
  article: Article;
  mention: Mention;
}
export interface StatusNode extends BaseNode {
  kind: 'status';
  label: string;
  icon: string;
}
export type TreeNode = CorpusNode | GroupNode | EntityNode | ArticleNode | MentionNode | StatusNode | CustomNode;
