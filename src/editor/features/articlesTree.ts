// The "Articles" tree in the Corpus Navigator sidebar: by outlet, by date (year → month), or by person,
// organisation or place (entity → articles → mentions), with a filter, counts, tooltips, and the active
// article revealed. The groupings and the node types are in articleGroupings.ts.
import * as vscode from 'vscode';
import type { Article } from '../../core/types';
import type { CorpusEntry, CorpusManager } from '../corpusManager';
import { Commands, ContextKeys, Settings, StateKeys, Views } from '../ids';
import { ArticleFilter, groupByMonth, mentionsByArticle } from '../../core/query/articleGroups';
import { articleCount, articleDetail, articleTitle, entityTypeName, plural } from '../../core/query/labels';
import { compareByDate } from '../../core/query/ordering';
import { snippetAround } from '../../core/query/entityCard';
import { affectsEntityTypes, ENTITY_ICONS, shownEntityTypes } from './entityTypes';
import type { SpanTarget } from './shared';
import {
  type ArticleNode,
  type EntityNode,
  type GroupBy,
  type GroupNode,
  type MentionNode,
  type TreeNode,
  GROUPINGS,
  groupNodes,
  grouping,
} from './articleGroupings';

export type { GroupBy, TreeNode } from './articleGroupings';

export class ArticlesTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private groupBy: GroupBy;
  private articleFilter = new ArticleFilter('');
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly manager: CorpusManager,
    private readonly state: vscode.Memento,
  ) {
    const saved = state.get<string>(StateKeys.groupBy);
    this.groupBy = GROUPINGS.includes(saved as GroupBy) ? (saved as GroupBy) : 'outlet';
    void vscode.commands.executeCommand('setContext', ContextKeys.groupBy, this.groupBy);
    this.subscriptions = [
      manager.onDidChange(() => this.scheduleRefresh()),
      vscode.workspace.onDidChangeConfiguration((e) => affectsEntityTypes(e) && this.refresh()),
    ];
  }

  get grouping(): GroupBy {
    return this.groupBy;
  }

  get filter(): string {
    return this.articleFilter.text;
  }

  async setGroupBy(groupBy: GroupBy): Promise<void> {
    this.groupBy = groupBy;
    await this.state.update(StateKeys.groupBy, groupBy);
    await vscode.commands.executeCommand('setContext', ContextKeys.groupBy, groupBy);
    this.refresh();
  }

  setFilter(text: string): void {
    this.articleFilter = new ArticleFilter(text.trim());
    void vscode.commands.executeCommand('setContext', ContextKeys.filtered, !this.articleFilter.isEmpty);
    this.refresh();
  }

  refresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.changeEmitter.fire(undefined);
  }

  /** Index updates come in bursts (indexing, typing): redraw at most every 150 ms. */
  private scheduleRefresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => this.refresh(), 150);
  }

  // ------------------------------------------------------------------------------------------------------------
  // Structure

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) {
      const entries = this.manager.entries();
      if (entries.length === 0) return []; // the welcome view takes over
      if (entries.length === 1) return this.corpusChildren(entries[0], undefined);
      return entries.map((entry) => ({ kind: 'corpus', id: `corpus|${entry.root}`, parent: undefined, entry }));
    }
    switch (node.kind) {
      case 'corpus':
        return this.corpusChildren(node.entry, node);
      case 'outlet':
      case 'month':
        return this.articleNodes(node, node.articles);
      case 'year':
        return this.monthNodes(node);
      case 'entity':
        return this.entityArticles(node);
      case 'article':
        return this.mentionNodes(node);
      case 'custom':
        return node.children();
      default:
        return [];
    }
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  private corpusChildren(entry: CorpusEntry, parent: TreeNode | undefined): TreeNode[] {
    const corpus = entry.corpus;
    const prefix = `${entry.root}|${this.groupBy}`;
    if (!corpus) {
      const failed = entry.state === 'failed';
      return [
        {
          kind: 'status',
          id: `${prefix}|status`,
          parent,
          entry,
          label: failed ? `Indexing failed: ${entry.error ?? 'unknown error'}` : 'Indexing…',
          icon: failed ? 'error' : 'loading~spin',
        },
      ];
    }
    const articles = corpus.articles().filter((a) => this.articleFilter.articlePasses(corpus, a));
    return grouping(this.groupBy).top({ entry, parent, corpus, articles, filter: this.articleFilter });
  }

  private monthNodes(node: GroupNode): GroupNode[] {
    return groupNodes(node.entry, node, groupByMonth(node.articles), () => 'month', (group) => `${node.id}|${group.key}`);
  }

  private articleNodes(parent: GroupNode, articles: Article[]): ArticleNode[] {
    return [...articles]
      .sort((a, b) => -compareByDate(a, b))
      .map((article) => ({ kind: 'article', id: `${parent.id}|${article.path}`, parent, entry: parent.entry, article }));
  }

  private entityArticles(node: EntityNode): ArticleNode[] {
    const corpus = node.entry.corpus;
    if (!corpus) return [];
    const showAll = this.articleFilter.isEmpty || this.articleFilter.entityMatches(node.entity);
    return mentionsByArticle(corpus, node.entity)
      .filter(({ article }) => showAll || this.articleFilter.articleMatches(article))
      .map(({ article, mentions }) => ({ kind: 'article', id: `${node.id}|${article.path}`, parent: node, entry: node.entry, article, mentions }));
  }

  private mentionNodes(node: ArticleNode): MentionNode[] {
    return (node.mentions ?? []).map((mention) => ({
      kind: 'mention',
      id: `${node.id}|${mention.start}`,
      parent: node,
      entry: node.entry,
      article: node.article,
      mention,
    }));
  }

  /** The node of an article under the current grouping (for reveal); undefined under a grouping that does not reveal. */
  findArticleNode(entry: CorpusEntry, path: string): ArticleNode | undefined {
    if (!grouping(this.groupBy).reveals || !entry.corpus) return undefined;
    const multi = this.manager.entries().length > 1;
    const top: TreeNode | undefined = multi ? { kind: 'corpus', id: `corpus|${entry.root}`, parent: undefined, entry } : undefined;
    let level: TreeNode[] = this.getChildren(top);
    for (;;) {
      let next: TreeNode | undefined;
      for (const node of level) {
        if (node.kind === 'article' && node.article.path === path) return node;
        if ((node.kind === 'outlet' || node.kind === 'year' || node.kind === 'month') && node.articles.some((a) => a.path === path)) {
          next = node;
          break;
        }
      }
      if (!next) return undefined;
      level = this.getChildren(next);
    }
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'corpus': {
        const corpus = node.entry.corpus;
        const item = new vscode.TreeItem(node.entry.name, vscode.TreeItemCollapsibleState.Expanded);
        item.description = corpus ? plural(corpus.articles().length, 'article') : node.entry.state;
        item.tooltip = node.entry.root;
        item.iconPath = new vscode.ThemeIcon('library');
        item.contextValue = 'corpus';
        return this.withId(item, node);
      }
      case 'outlet':
      case 'year':
      case 'month': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = String(node.articles.length);
        item.tooltip = plural(node.articles.length, 'article');
        item.iconPath = new vscode.ThemeIcon(node.kind === 'outlet' ? 'globe' : 'calendar');
        return this.withId(item, node);
      }
      case 'entity': {
        const { entity } = node;
        const item = new vscode.TreeItem(entity.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = String(entity.mentions.length);
        item.tooltip = [
          `${entity.name} (${entityTypeName(entity.type)})`,
          entity.roles.length ? entity.roles.join(' · ') : null,
          entity.aliases.length ? `Also: ${entity.aliases.join(', ')}` : null,
          `${plural(entity.mentions.length, 'mention')} in ${plural(articleCount(entity.mentions), 'article')}`,
        ]
          .filter(Boolean)
          .join('\n');
        item.iconPath = new vscode.ThemeIcon(ENTITY_ICONS[entity.type]);
        item.contextValue = entity.type;
        return this.withId(item, node);
      }
      case 'custom':
        return this.withId(node.item(), node);
      case 'article': {
        const { article } = node;
        const underEntity = !!node.mentions;
        const item = new vscode.TreeItem(
          articleTitle(article),
          underEntity ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
        );
        item.description = underEntity
          ? plural(node.mentions?.length ?? 0, 'mention')
          : this.groupBy === 'outlet'
            ? (article.date ?? '')
            : (article.outlet ?? '');
        item.tooltip = `${articleDetail(article)}\n${article.path}`;
        item.iconPath = new vscode.ThemeIcon('note');
        item.contextValue = underEntity ? 'entityArticle' : 'article';
        const corpus = node.entry.corpus;
        if (corpus) {
          const uri = this.manager.uriOf(corpus, article.path);
          item.resourceUri = uri;
          item.command = { command: 'vscode.open', title: 'Open Article', arguments: [uri, { preview: true }] };
        }
        return this.withId(item, node);
      }
      case 'mention': {
        const snippet = snippetAround(node.article.text, node.mention, 30);
        const label = `${snippet.before}${snippet.match}${snippet.after}`;
        const start = snippet.before.length;
        const item = new vscode.TreeItem({ label, highlights: [[start, start + snippet.match.length]] });
        item.iconPath = new vscode.ThemeIcon('mention');
        item.contextValue = 'mention';
        item.tooltip = `${node.mention.text} — ${articleDetail(node.article)}`;
        const target: SpanTarget = { root: node.entry.root, path: node.article.path, start: node.mention.start, end: node.mention.end };
        item.command = { command: Commands.openMention, title: 'Open Mention', arguments: [target] };
        return this.withId(item, node);
      }
      case 'status': {
        const item = new vscode.TreeItem(node.label);
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.tooltip = `${node.label}\n${node.entry.root}`;
        if (node.entry.state === 'failed') item.command = { command: Commands.showOutput, title: 'Show Indexing Log' };
        return this.withId(item, node);
      }
    }
  }

  private withId(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    item.id = node.id;
    return item;
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changeEmitter.dispose();
  }
}

async function pickGrouping(tree: ArticlesTreeProvider): Promise<void> {
  const types = shownEntityTypes();
  const offered = GROUPINGS.filter((g) => {
    const type = grouping(g).entityType;
    return !type || types.has(type);
  });
  const choice = await vscode.window.showQuickPick(
    offered.map((g) => ({ label: grouping(g).label, description: g === tree.grouping ? 'current' : '', groupBy: g })),
    { title: 'Group Articles' },
  );
  if (choice) await tree.setGroupBy(choice.groupBy);
}

export function register(context: vscode.ExtensionContext, manager: CorpusManager): ArticlesTreeProvider {
  const tree = new ArticlesTreeProvider(manager, context.workspaceState);
  const view = vscode.window.createTreeView(Views.articles, { treeDataProvider: tree, showCollapseAll: true });
  const updateDescription = () => {
    view.description = tree.filter ? `filter: ${tree.filter}` : undefined;
  };

  const revealActive = async (editor: vscode.TextEditor | undefined) => {
    if (!editor || !view.visible) return;
    if (!vscode.workspace.getConfiguration(Settings.section).get<boolean>(Settings.treeRevealActiveArticle, true)) return;
    const ref = manager.articleAt(editor.document.uri);
    if (!ref) return;
    const node = tree.findArticleNode(ref.entry, ref.path);
    if (node) await view.reveal(node, { select: true, focus: false, expand: true }).then(undefined, () => undefined);
  };

  context.subscriptions.push(
    tree,
    view,
    vscode.commands.registerCommand(Commands.groupBy, () => pickGrouping(tree)),
    ...GROUPINGS.map((g) => vscode.commands.registerCommand(grouping(g).command, () => tree.setGroupBy(g))),
    vscode.commands.registerCommand(Commands.filterArticles, async (text?: unknown) => {
      const value =
        typeof text === 'string'
          ? text
          : await vscode.window.showInputBox({
              title: 'Filter Articles',
              prompt: 'Show articles whose title, path or names (people, organisations, places) contain this text',
              value: tree.filter,
            });
      if (value === undefined) return;
      tree.setFilter(value);
      updateDescription();
    }),
    vscode.commands.registerCommand(Commands.clearFilter, () => {
      tree.setFilter('');
      updateDescription();
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => void revealActive(editor)),
    view.onDidChangeVisibility((e) => {
      if (e.visible) void revealActive(vscode.window.activeTextEditor);
    }),
  );
  return tree;
}
