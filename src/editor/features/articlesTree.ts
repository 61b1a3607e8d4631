// The "Articles" tree in the Corpus Navigator sidebar: by outlet, by date (year → month) or by person
// (person → articles → mentions), with a filter, counts, tooltips, and the active article revealed.
import * as vscode from 'vscode';
import type { Corpus } from '../../core/api';
import type { Article, Mention, Person } from '../../core/types';
import type { CorpusEntry, CorpusManager } from '../corpusManager';
import { Commands, ContextKeys, Settings, StateKeys, Views } from '../ids';
import { ArticleFilter, groupBy, groupByMonth, groupByOutlet, groupByYear, UNDATED, type ArticleGroup } from '../../core/query/articleGroups';
import { articleCount, articleDetail, articleTitle, plural } from '../../core/query/labels';
import { compareByDate } from '../../core/query/ordering';
import { snippetAround } from '../../core/query/personCard';
import type { SpanTarget } from './shared';

export type GroupBy = 'outlet' | 'date' | 'person';
export const GROUPINGS: readonly GroupBy[] = ['outlet', 'date', 'person'];

const MAX_PEOPLE = 1000;

interface BaseNode {
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
export interface PersonNode extends BaseNode {
  kind: 'person';
  person: Person;
}
export interface ArticleNode extends BaseNode {
  kind: 'article';
  article: Article;
  /** Set when listed under a person: that person's mentions in this article. */
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
export type TreeNode = CorpusNode | GroupNode | PersonNode | ArticleNode | MentionNode | StatusNode;

export class ArticlesTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private groupBy: GroupBy;
  private articleFilter = new ArticleFilter('');
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly manager: CorpusManager,
    private readonly state: vscode.Memento,
  ) {
    const saved = state.get<string>(StateKeys.groupBy);
    this.groupBy = GROUPINGS.includes(saved as GroupBy) ? (saved as GroupBy) : 'outlet';
    void vscode.commands.executeCommand('setContext', ContextKeys.groupBy, this.groupBy);
    this.subscription = manager.onDidChange(() => this.scheduleRefresh());
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
      case 'person':
        return this.personArticles(node);
      case 'article':
        return this.mentionNodes(node);
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
    if (this.groupBy === 'outlet') return this.outletNodes(entry, parent, articles);
    if (this.groupBy === 'date') return this.yearNodes(entry, parent, articles);
    return this.personNodes(entry, parent, corpus);
  }

  private groupNodes(entry: CorpusEntry, parent: TreeNode | undefined, groups: readonly ArticleGroup[], kind: (group: ArticleGroup) => GroupNode['kind'], idOf: (group: ArticleGroup) => string): GroupNode[] {
    return groups.map((group) => ({ kind: kind(group), id: idOf(group), parent, entry, label: group.label, articles: group.articles }));
  }

  private outletNodes(entry: CorpusEntry, parent: TreeNode | undefined, articles: Article[]): GroupNode[] {
    return this.groupNodes(entry, parent, groupByOutlet(articles), () => 'outlet', (group) => `${entry.root}|outlet|${group.key}`);
  }

  private yearNodes(entry: CorpusEntry, parent: TreeNode | undefined, articles: Article[]): GroupNode[] {
    // Undated articles are listed directly under their group (no months to open).
    return this.groupNodes(entry, parent, groupByYear(articles), (group) => (group.key === UNDATED ? 'month' : 'year'), (group) => `${entry.root}|date|${group.key}`);
  }

  private monthNodes(node: GroupNode): GroupNode[] {
    return this.groupNodes(node.entry, node, groupByMonth(node.articles), () => 'month', (group) => `${node.id}|${group.key}`);
  }

  private articleNodes(parent: GroupNode, articles: Article[]): ArticleNode[] {
    return [...articles]
      .sort((a, b) => -compareByDate(a, b))
      .map((article) => ({ kind: 'article', id: `${parent.id}|${article.path}`, parent, entry: parent.entry, article }));
  }

  private personNodes(entry: CorpusEntry, parent: TreeNode | undefined, corpus: Corpus): PersonNode[] {
    const people = corpus.people().filter((person) => this.articleFilter.personPasses(corpus, person));
    return people.slice(0, MAX_PEOPLE).map((person) => ({
      kind: 'person',
      id: `${entry.root}|person|${person.id}`,
      parent,
      entry,
      person,
    }));
  }

  private personArticles(node: PersonNode): ArticleNode[] {
    const corpus = node.entry.corpus;
    if (!corpus) return [];
    const byPath = groupBy(node.person.mentions, (m) => m.path);
    const showAll = this.articleFilter.isEmpty || this.articleFilter.personMatches(node.person);
    return [...byPath.entries()]
      .flatMap(([path, mentions]) => {
        const article = corpus.article(path);
        if (!article) return [];
        if (!showAll && !this.articleFilter.articleMatches(article)) return [];
        const sorted = mentions.sort((a, b) => a.start - b.start);
        return [{ kind: 'article', id: `${node.id}|${path}`, parent: node, entry: node.entry, article, mentions: sorted } as ArticleNode];
      })
      .sort((a, b) => compareByDate(a.article, b.article));
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

  /** The node of an article under the current grouping (for reveal); undefined under "by person". */
  findArticleNode(entry: CorpusEntry, path: string): ArticleNode | undefined {
    if (this.groupBy === 'person' || !entry.corpus) return undefined;
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
      case 'person': {
        const { person } = node;
        const item = new vscode.TreeItem(person.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = String(person.mentions.length);
        item.tooltip = [
          person.name,
          person.roles.length ? person.roles.join(' · ') : null,
          person.aliases.length ? `Also: ${person.aliases.join(', ')}` : null,
          `${plural(person.mentions.length, 'mention')} in ${plural(articleCount(person.mentions), 'article')}`,
        ]
          .filter(Boolean)
          .join('\n');
        item.iconPath = new vscode.ThemeIcon('person');
        item.contextValue = 'person';
        return this.withId(item, node);
      }
      case 'article': {
        const { article } = node;
        const underPerson = !!node.mentions;
        const item = new vscode.TreeItem(
          articleTitle(article),
          underPerson ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
        );
        item.description = underPerson
          ? plural(node.mentions?.length ?? 0, 'mention')
          : this.groupBy === 'outlet'
            ? (article.date ?? '')
            : (article.outlet ?? '');
        item.tooltip = `${articleDetail(article)}\n${article.path}`;
        item.iconPath = new vscode.ThemeIcon('note');
        item.contextValue = underPerson ? 'personArticle' : 'article';
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
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}

async function pickGrouping(tree: ArticlesTreeProvider): Promise<void> {
  const labels: Record<GroupBy, string> = { outlet: 'By Outlet', date: 'By Date', person: 'By Person' };
  const choice = await vscode.window.showQuickPick(
    GROUPINGS.map((g) => ({ label: labels[g], description: g === tree.grouping ? 'current' : '', groupBy: g })),
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
    vscode.commands.registerCommand(Commands.groupByOutlet, () => tree.setGroupBy('outlet')),
    vscode.commands.registerCommand(Commands.groupByDate, () => tree.setGroupBy('date')),
    vscode.commands.registerCommand(Commands.groupByPerson, () => tree.setGroupBy('person')),
    vscode.commands.registerCommand(Commands.filterArticles, async (text?: unknown) => {
      const value =
        typeof text === 'string'
          ? text
          : await vscode.window.showInputBox({
              title: 'Filter Articles',
              prompt: 'Show articles whose title, path or people contain this text',
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
