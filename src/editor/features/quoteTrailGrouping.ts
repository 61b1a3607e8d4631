// The Articles tree's "by quote" grouping: quote trails carried by two or more articles first (most articles
// first), each opening to the articles that carried it (a click opens the quote there), then the quotes only
// one article carries.
import * as vscode from 'vscode';
import type { Corpus } from '../../core/api';
import { articleDetail, articleTitle, plural, quotedLine } from '../../core/query/labels';
import { quotesByTrail } from '../../core/query/quoteTrailCard';
import { trailMatch, type QuoteTrail } from '../../core/trails';
import type { Quote } from '../../core/types';
import { Commands } from '../ids';
import type { CustomNode, GroupingInput, TreeNode } from './articleGroupings';
import type { SpanTarget } from './shared';

/** Rows listed per kind (trails, single quotes): a 10,000-article corpus has far more quotes than a tree shows. */
const MAX_ROWS = 1000;
const LABEL_LENGTH = 70;

const quoteLabel = (text: string): string => quotedLine(text, LABEL_LENGTH);

function openQuote(corpus: Corpus, quote: Quote): vscode.Command {
  const target: SpanTarget = { root: corpus.root, path: quote.path, start: quote.start, end: quote.end };
  return { command: Commands.openMention, title: 'Open Quote', arguments: [target] };
}

function nameOf(corpus: Corpus, id: string | null): string | null {
  return id === null ? null : (corpus.entity(id)?.name ?? id);
}

function trailNode(input: GroupingInput, trail: QuoteTrail): CustomNode {
  const { entry, parent, corpus } = input;
  const node: CustomNode = {
    kind: 'custom',
    id: `${entry.root}|quote|${trail.id}`,
    parent,
    entry,
    item: () => {
      const item = new vscode.TreeItem(quoteLabel(trail.first.quotes[0].text), vscode.TreeItemCollapsibleState.Collapsed);
      const outlets = trail.outlets.length > 1 ? ` · ${plural(trail.outlets.length, 'outlet')}` : '';
      item.description = `${plural(trail.articles.length, 'article')}${outlets}${trail.speakerDisagreement ? ' · speakers differ' : ''}`;
      const speakers = trail.speakers.map((id) => nameOf(corpus, id)).join(', ');
      item.tooltip = [trail.first.quotes[0].text, speakers ? `Said by: ${speakers}` : null, `First: ${articleDetail(trail.first)}`].filter(Boolean).join('\n\n');
      item.iconPath = new vscode.ThemeIcon(trail.speakerDisagreement ? 'warning' : 'quote');
      item.contextValue = 'quoteTrail';
      return item;
    },
    children: () =>
      trail.articles.map((article): CustomNode => {
        const quote = article.quotes[0];
        return {
          kind: 'custom',
          id: `${node.id}|${article.path}`,
          parent: node,
          entry,
          item: () => {
            const item = new vscode.TreeItem(articleTitle(article));
            const match = article.path === trail.first.path ? 'first' : trailMatch(trail.first.quotes[0], article.quotes);
            item.description = [article.outlet, article.date, match].filter(Boolean).join(' · ');
            const speaker = nameOf(corpus, article.speaker);
            item.tooltip = `${quoteLabel(quote.text)}\n\n${speaker ? `Said by ${speaker}` : 'Speaker unknown'} — ${articleDetail(article)}`;
            item.iconPath = new vscode.ThemeIcon('note');
            item.command = openQuote(corpus, quote);
            return item;
          },
          children: () => [],
        };
      }),
  };
  return node;
}

function singleQuoteNode(input: GroupingInput, parent: TreeNode, quote: Quote): CustomNode {
  const { entry, corpus } = input;
  return {
    kind: 'custom',
    id: `${parent.id}|${quote.path}#${quote.start}`,
    parent,
    entry,
    item: () => {
      const item = new vscode.TreeItem(quoteLabel(quote.text));
      const article = corpus.article(quote.path);
      item.description = [nameOf(corpus, quote.speaker), article?.outlet, article?.date].filter(Boolean).join(' · ');
      item.tooltip = article ? articleDetail(article) : quote.path;
      item.iconPath = new vscode.ThemeIcon('comment');
      item.command = openQuote(corpus, quote);
      return item;
    },
    children: () => [],
  };
}

/** The top of one corpus under "by quote". */
export function quoteTrailNodes(input: GroupingInput): TreeNode[] {
  const { entry, parent, corpus, articles } = input;
  const listed = quotesByTrail(corpus, articles, MAX_ROWS);
  const nodes: TreeNode[] = listed.trails.slice(0, MAX_ROWS).map((trail) => trailNode(input, trail));
  if (listed.singleCount > 0) {
    const single: CustomNode = {
      kind: 'custom',
      id: `${entry.root}|quote|single`,
      parent,
      entry,
      item: () => {
        const item = new vscode.TreeItem('Quotes in one article only', vscode.TreeItemCollapsibleState.Collapsed);
        item.description = listed.singleCount > MAX_ROWS ? `${MAX_ROWS} newest of ${listed.singleCount}` : String(listed.singleCount);
        item.iconPath = new vscode.ThemeIcon('comment');
        return item;
      },
      children: () => listed.single.map((quote) => singleQuoteNode(input, single, quote)),
    };
    nodes.push(single);
  }
  return nodes;
}
