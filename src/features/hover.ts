// Hover cards on person mentions: who it is, how often they appear, and links to their other mentions.
// Everything comes from the in-memory index; article text is escaped so it renders as plain text, and
// links may only run this extension's own commands.
import * as vscode from 'vscode';
import type { Corpus } from '../core/api';
import type { Mention, Person } from '../core/types';
import type { CorpusManager } from '../corpusManager';
import { Commands, HOVER_LINK_COMMANDS, Settings } from '../ids';
import { documentRange } from '../ranges';
import { ARTICLE_SELECTOR } from './selector';
import {
  type SpanTarget,
  articleCount,
  articleDetail,
  commandUri,
  escapeMarkdownText,
  personAt,
  snippetAround,
} from './shared';

export type HoverOrder = 'nearest' | 'newest';

export interface HoverSettings {
  maxMentions: number;
  order: HoverOrder;
}

export function readHoverSettings(): HoverSettings {
  const config = vscode.workspace.getConfiguration(Settings.section);
  const order = config.get<string>(Settings.hoverOrder, 'nearest');
  return {
    maxMentions: Math.max(0, Math.min(50, config.get<number>(Settings.hoverMaxMentions, 5))),
    order: order === 'newest' ? 'newest' : 'nearest',
  };
}

/** Days since the epoch of an ISO date, or null. */
function dayNumber(date: string | null | undefined): number | null {
  if (!date) return null;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? null : ms / 86_400_000;
}

/** The `count` smallest items by `key` then `tie`, without sorting all of them (people can have 10,000s of mentions). */
function smallest<T>(items: readonly T[], count: number, key: (item: T) => number, tie: (a: T, b: T) => number): T[] {
  if (count <= 0) return [];
  const kept: { item: T; key: number }[] = [];
  const before = (a: { item: T; key: number }, b: { item: T; key: number }) => a.key < b.key || (a.key === b.key && tie(a.item, b.item) < 0);
  for (const item of items) {
    const entry = { item, key: key(item) };
    if (kept.length === count && !before(entry, kept[count - 1])) continue;
    let i = kept.length < count ? kept.length : count - 1;
    if (kept.length < count) kept.push(entry);
    while (i > 0 && before(entry, kept[i - 1])) {
      kept[i] = kept[i - 1];
      i--;
    }
    kept[i] = entry;
  }
  return kept.map((k) => k.item);
}

/**
 * The mentions a card lists: one per other article (its first mention), closest in date to the hovered
 * article first or newest first; remaining slots go to other mentions in the same article, nearest by
 * offset. One per article keeps the card a map of the corpus rather than of one page.
 */
export function otherMentions(corpus: Corpus, person: Person, hovered: Mention, settings: HoverSettings): Mention[] {
  if (settings.maxMentions <= 0) return [];
  const firstPerArticle = new Map<string, Mention>();
  const sameArticle: Mention[] = [];
  for (const m of person.mentions) {
    if (m.path === hovered.path) {
      if (m.start !== hovered.start) sameArticle.push(m);
    } else {
      const seen = firstPerArticle.get(m.path);
      if (!seen || m.start < seen.start) firstPerArticle.set(m.path, m);
    }
  }
  const here = dayNumber(corpus.article(hovered.path)?.date);
  const nearest = settings.order === 'nearest' && here !== null;
  const key = (m: Mention) => {
    const day = dayNumber(corpus.article(m.path)?.date);
    if (day === null) return Number.POSITIVE_INFINITY; // undated articles last either way
    return nearest ? Math.abs(day - (here as number)) : -day;
  };
  const byPath = (a: Mention, b: Mention) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const others = smallest([...firstPerArticle.values()], settings.maxMentions, key, byPath);
  const local = smallest(sameArticle, settings.maxMentions - others.length, (m) => Math.abs(m.start - hovered.start), (a, b) => a.start - b.start);
  return [...others, ...local];
}

/** The Markdown of a person card. Exported for tests and benchmarks. */
export function buildCardMarkdown(corpus: Corpus, person: Person, hovered: Mention, settings: HoverSettings): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.supportHtml = false;
  md.isTrusted = { enabledCommands: [...HOVER_LINK_COMMANDS] };

  const quotes = corpus.quotesBy(person.id).length;
  const articles = articleCount(person.mentions);
  md.appendMarkdown(`$(person) **${escapeMarkdownText(person.name)}**\n\n`);
  if (person.roles.length > 0) md.appendMarkdown(`_${person.roles.map(escapeMarkdownText).join(' · ')}_\n\n`);
  if (person.aliases.length > 0) md.appendMarkdown(`Also: ${person.aliases.map(escapeMarkdownText).join(', ')}\n\n`);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  md.appendMarkdown(
    `${plural(person.mentions.length, 'mention')} in ${plural(articles, 'article')} · ${plural(quotes, 'quote')}\n\n`,
  );

  const listed = otherMentions(corpus, person, hovered, settings);
  if (listed.length > 0) {
    md.appendMarkdown('---\n\n');
    for (const m of listed) {
      const article = corpus.article(m.path);
      if (!article) continue;
      const snippet = snippetAround(article.text, m, 40);
      const target: SpanTarget = { root: corpus.root, path: m.path, start: m.start, end: m.end };
      const label = `${escapeMarkdownText(snippet.before)}**${escapeMarkdownText(snippet.match)}**${escapeMarkdownText(snippet.after)}`;
      const where = m.path === hovered.path ? 'this article' : articleDetail(article);
      md.appendMarkdown(`- [${label}](${commandUri(Commands.openMention, target)}) — _${escapeMarkdownText(where)}_\n`);
    }
    md.appendMarkdown('\n');
  }
  const all: SpanTarget = { root: corpus.root, path: hovered.path, start: hovered.start, end: hovered.end };
  md.appendMarkdown(`[Show all mentions](${commandUri(Commands.showAllMentions, all)})`);
  return md;
}

export class PersonHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly manager: CorpusManager,
    private readonly settings: () => HoverSettings = readHoverSettings,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const hit = personAt(this.manager, document, position);
    if (!hit) return undefined;
    const card = buildCardMarkdown(hit.ref.corpus, hit.person, hit.mention, this.settings());
    return new vscode.Hover(card, documentRange(document, hit.mention));
  }
}

export function register(context: vscode.ExtensionContext, manager: CorpusManager): void {
  context.subscriptions.push(vscode.languages.registerHoverProvider(ARTICLE_SELECTOR, new PersonHoverProvider(manager)));
}
