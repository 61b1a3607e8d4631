// The "Archive" tree: outlets, and the most mentioned people, organisations and places, each opening onto its
// articles. Children are queried when a node is expanded, a page at a time, with a "Load more…" row for the
// next page; nothing of the archive is held beyond the pages the user opened.
import * as vscode from 'vscode';
import type { ArchiveEntity, ArticleSummary, TreeGroup } from '../../archive/archiveReader';
import { entityTypePlural, plural } from '../../core/query/labels';
import type { EntityType } from '../../core/types';
import { ENTITY_ICONS, ENTITY_TYPES, entityIconOf } from '../features/entityTypes';
import { ARCHIVE_COMMANDS } from '../ids';
import type { ArchiveSession } from './session';

export const ARTICLE_PAGE = 100;
export const ENTITY_PAGE = 50;

export type ArchiveNode =
  | { kind: 'outlets'; id: string }
  | { kind: 'entities'; id: string; type: EntityType }
  | { kind: 'outlet'; id: string; outlet: string | null; articles: number }
  | { kind: 'entity'; id: string; entity: ArchiveEntity }
  | { kind: 'article'; id: string; article: ArticleSummary }
  | { kind: 'more'; id: string; parent: PagedNode };

export type PagedNode = Extract<ArchiveNode, { kind: 'entities' | 'outlet' | 'entity' }>;

interface Pages {
  nodes: ArchiveNode[];
  /** True when the last page came back short: nothing more to load. */
  complete: boolean;
}

export class ArchiveTreeProvider implements vscode.TreeDataProvider<ArchiveNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ArchiveNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly pages = new Map<string, Pages>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly session: ArchiveSession,
    private readonly pageSizes: { articles: number; entities: number } = { articles: ARTICLE_PAGE, entities: ENTITY_PAGE },
  ) {
    this.subscription = session.onDidChangeState(() => this.refresh());
  }

  refresh(): void {
    this.pages.clear();
    this.changeEmitter.fire(undefined);
  }

  async getChildren(node?: ArchiveNode): Promise<ArchiveNode[]> {
    // Empty when not connected: the view's welcome content says why and offers Connect or Retry.
    if (this.session.state !== 'connected') return [];
    if (!node) {
      return [{ kind: 'outlets', id: 'outlets' }, ...ENTITY_TYPES.map((type): ArchiveNode => ({ kind: 'entities', id: `entities|${type}`, type }))];
    }
    switch (node.kind) {
      case 'outlets': {
        const outlets = await this.session.run((reader) => reader.outlets());
        return (outlets ?? []).map(({ outlet, articles }) => ({ kind: 'outlet', id: `outlet|${outlet ?? ''}`, outlet, articles }));
      }
      case 'entities':
      case 'outlet':
      case 'entity': {
        let pages = this.pages.get(node.id);
        if (!pages) {
          const first = await this.page(node, 0);
          if (!first) return [];
          this.pages.set(node.id, (pages = first));
        }
        return pages.complete ? pages.nodes : [...pages.nodes, { kind: 'more', id: `${node.id}|more|${pages.nodes.length}`, parent: node }];
      }
      default:
        return [];
    }
  }

  /** Loads the next page of a node's children (the "Load more…" row). */
  async loadMore(node: PagedNode): Promise<void> {
    const pages = this.pages.get(node.id);
    if (!pages || pages.complete) return;
    const next = await this.page(node, pages.nodes.length);
    if (!next) return;
    pages.nodes.push(...next.nodes);
    pages.complete = next.complete;
    this.changeEmitter.fire(node);
  }

  private async page(node: PagedNode, offset: number): Promise<Pages | undefined> {
    if (node.kind === 'entities') {
      const limit = this.pageSizes.entities;
      const entities = await this.session.run((reader) => reader.topEntities(node.type, { limit, offset }));
      if (!entities) return undefined;
      return { nodes: entities.map((entity) => ({ kind: 'entity', id: `entity|${entity.id}`, entity })), complete: entities.length < limit };
    }
    const group: TreeGroup = node.kind === 'outlet' ? { by: 'outlet', outlet: node.outlet } : { by: 'entity', entityId: node.entity.id };
    const limit = this.pageSizes.articles;
    const articles = await this.session.run((reader) => reader.articlePage(group, { limit, offset }));
    if (!articles) return undefined;
    return { nodes: articles.map((article) => ({ kind: 'article', id: `${node.id}|${article.path}`, article })), complete: articles.length < limit };
  }

  getTreeItem(node: ArchiveNode): vscode.TreeItem {
    const item = this.itemOf(node);
    item.id = node.id;
    return item;
  }

  private itemOf(node: ArchiveNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'outlets': {
        const item = new vscode.TreeItem('Outlets', collapsed);
        item.iconPath = new vscode.ThemeIcon('globe');
        item.description = this.session.summary ? plural(this.session.summary.articles, 'article') : undefined;
        return item;
      }
      case 'entities': {
        const item = new vscode.TreeItem(entityTypePlural(node.type), collapsed);
        item.iconPath = new vscode.ThemeIcon(ENTITY_ICONS[node.type]);
        item.description = 'most mentioned first';
        return item;
      }
      case 'outlet': {
        const item = new vscode.TreeItem(node.outlet ?? '(no outlet)', collapsed);
        item.iconPath = new vscode.ThemeIcon('globe');
        item.description = String(node.articles);
        return item;
      }
      case 'entity': {
        const { entity } = node;
        const item = new vscode.TreeItem(entity.name, collapsed);
        item.iconPath = new vscode.ThemeIcon(entityIconOf(entity.type));
        item.description = `${plural(entity.mentionCount, 'mention')} · ${plural(entity.articleCount, 'article')}`;
        item.tooltip = [entity.name, entity.roles.join(' · '), entity.aliases.length ? `Also: ${entity.aliases.join(', ')}` : ''].filter(Boolean).join('\n');
        item.contextValue = 'archiveEntity';
        return item;
      }
      case 'article': {
        const { article } = node;
        const item = new vscode.TreeItem(article.title ?? article.path, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('file-text');
        item.description = [article.date, article.outlet].filter(Boolean).join(' · ');
        item.tooltip = article.path;
        item.command = { command: ARCHIVE_COMMANDS.openArchiveSpan, title: 'Open Article', arguments: [{ path: article.path }] };
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { command: ARCHIVE_COMMANDS.loadMoreArchive, title: 'Load More', arguments: [node.parent] };
        return item;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}
