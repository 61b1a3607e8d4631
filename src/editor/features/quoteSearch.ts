// "Search Quotes": a QuickPick over every quote of every corpus, ranked by the core's CorpusQuoteSearch (fuse.js
// over trigram-narrowed candidates), typo-tolerant. `@name` at the start of the query narrows to a speaker
// or an organisation.
// With an empty query it browses every quote, newest article first, a page at a time (a QuickPick of 100,000
// items would take seconds to show; a page of 200 shows at once, and "Show more" adds the next).
import * as vscode from 'vscode';
import type { Corpus } from '../../core/api';
import { articleDetail } from '../../core/query/labels';
import { quotesNewestFirst } from '../../core/query/ordering';
import { CorpusQuoteSearch, onePerTrail, parseQuoteQuery, QUOTE_RESULT_LIMIT, quoteReach, type QuoteDoc, type SearchHit } from '../../core/search';
import type { Entity, Quote } from '../../core/types';
import type { CorpusManager } from '../corpusManager';
import { Commands } from '../ids';
import { openSpan } from './navigation';
import type { PeopleSearchCache } from './entitySearch';
import { ensureCorpus } from './registration';

export interface QuoteResult {
  corpus: Corpus;
  quote: Quote;
  /** Who the quote comes from: its speaker, else the organisation that gives it. */
  source: Entity | undefined;
  score: number;
  /** fuse's matched ranges in the quote text, inclusive [start, end] pairs. */
  textMatches: readonly (readonly [number, number])[];
}

// Short enough that the speaker (the item's description) stays visible beside the quote.
const LABEL_LENGTH = 64;
const DEBOUNCE_MS = 60;
/** Quotes added to the browsing list (empty query) at a time. */
export const BROWSE_PAGE = 200;

/** Keeps one search index per corpus, built on first use and updated one article at a time. */
export class QuoteSearchService implements vscode.Disposable {
  private readonly indexes = new Map<Corpus, CorpusQuoteSearch>();
  /** Per corpus, its quotes in browsing order, until the corpus changes. */
  private readonly browsing = new Map<Corpus, readonly Quote[]>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly manager: CorpusManager,
    private readonly people: PeopleSearchCache,
  ) {
    this.subscription = manager.onDidChange((change) => {
      const corpus = change.entry?.corpus;
      this.browsing.clear();
      const live = new Set(manager.corpora());
      for (const indexed of [...this.indexes.keys()]) if (!live.has(indexed)) this.indexes.delete(indexed);
      if (!corpus) return;
      const index = this.indexes.get(corpus);
      if (!index) return;
      if (!change.paths) {
        this.indexes.delete(corpus); // a full reload: rebuild lazily
        return;
      }
      index.update(change.paths);
    });
  }

  private indexFor(corpus: Corpus): CorpusQuoteSearch {
    let index = this.indexes.get(corpus);
    if (!index) {
      index = new CorpusQuoteSearch(corpus);
      this.indexes.set(corpus, index);
    }
    return index;
  }

  /** The ranked quotes for a query, across corpora (the function the QuickPick uses). */
  search(rawQuery: string, limit = QUOTE_RESULT_LIMIT): QuoteResult[] {
    const query = parseQuoteQuery(rawQuery);
    const hits: { corpus: Corpus; hit: SearchHit<QuoteDoc> }[] = [];
    const corpora = this.manager.corpora();
    for (const corpus of corpora) {
      for (const hit of this.indexFor(corpus).search(query, limit, () => this.people.quoteSources(corpus))) hits.push({ corpus, hit });
    }
    // Scores from different corpora are comparable: fuse scores one document against the query alone.
    if (corpora.length > 1) hits.sort((a, b) => a.hit.score - b.hit.score);
    return hits.slice(0, limit).map(({ corpus, hit }) => ({
      corpus,
      quote: hit.item.quote,
      source: hit.item.quote.source ? corpus.entity(hit.item.quote.source) : undefined,
      score: hit.score,
      textMatches: hit.matches.filter((m) => m.key === 'text').flatMap((m) => m.indices.map(([s, e]) => [s, e] as const)),
    }));
  }

  /** Every quote across corpora in browsing order: `count` of them from `from`, and how many there are in all. */
  browse(from: number, count: number): { results: QuoteResult[]; total: number } {
    const results: QuoteResult[] = [];
    let total = 0;
    for (const corpus of this.manager.corpora()) {
      let quotes = this.browsing.get(corpus);
      if (!quotes) this.browsing.set(corpus, (quotes = quotesNewestFirst(corpus)));
      const start = Math.max(0, from - total);
      for (let i = start; i < quotes.length && results.length < count; i++) {
        const quote = quotes[i];
        results.push({ corpus, quote, source: quote.source ? corpus.entity(quote.source) : undefined, score: 0, textMatches: [] });
      }
      total += quotes.length;
    }
    return { results, total };
  }

  dispose(): void {
    this.subscription.dispose();
    this.indexes.clear();
    this.browsing.clear();
  }
}

interface QuoteItem extends vscode.QuickPickItem {
  /** Absent on the browsing list's "Show more" item. */
  result?: QuoteResult;
}

/** The label shows the quote around its best match so the matched words are visible in one line. */
export function quoteLabel(result: QuoteResult, max = LABEL_LENGTH): string {
  const text = result.quote.text.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return `“${text}”`;
  const longest = [...result.textMatches].sort((a, b) => b[1] - b[0] - (a[1] - a[0]))[0];
  let from = 0;
  if (longest && longest[1] > max - 10) from = Math.max(0, Math.min(text.length - max, longest[0] - 20));
  const slice = text.slice(from, from + max);
  return `“${from > 0 ? '…' : ''}${slice}${from + max < text.length ? '…' : ''}”`;
}

/** "3 outlets" (or "3 articles" when outlets are unknown) for a quote carried by more than one article. */
export function reachLabel(result: QuoteResult): string | null {
  const reach = quoteReach(result.corpus, result.quote);
  if (reach.articles < 2) return null;
  return reach.outlets > 1 ? `${reach.outlets} outlets` : `${reach.articles} articles`;
}

function toItem(result: QuoteResult): QuoteItem {
  const article = result.corpus.article(result.quote.path);
  const speaker = result.source?.name ?? (result.quote.source ? '' : 'unattributed');
  const reach = reachLabel(result);
  return {
    label: quoteLabel(result),
    description: reach ? `${speaker} · $(broadcast) ${reach}` : speaker,
    detail: article ? articleDetail(article) : result.quote.path,
    alwaysShow: true,
    result,
  };
}

/** Results with one row per quote trail (its best-ranked quote). */
export function groupTrails(results: readonly QuoteResult[]): QuoteResult[] {
  return onePerTrail(results, (result) => {
    const trail = result.corpus.trailOf(result.quote);
    return trail ? `${result.corpus.root}\0${trail.id}` : null;
  });
}

/** Whether Search Quotes shows one row per trail; kept while the window lives. */
let groupedByTrail = false;

function trailButton(): vscode.QuickInputButton {
  return groupedByTrail
    ? { iconPath: new vscode.ThemeIcon('list-flat'), tooltip: 'Show every quote (one row per article)' }
    : { iconPath: new vscode.ThemeIcon('list-tree'), tooltip: 'One row per quote trail (the same quote in several articles)' };
}

export async function showQuoteSearch(manager: CorpusManager, service: QuoteSearchService, initial = ''): Promise<void> {
  if (!(await ensureCorpus(manager))) return;
  const pick = vscode.window.createQuickPick<QuoteItem>();
  pick.title = 'Search Quotes';
  pick.placeholder = 'Type words of a quote (typos are fine); start with @name to narrow to a speaker or organisation';
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  pick.value = initial;
  pick.buttons = [trailButton()];
  pick.onDidTriggerButton(() => {
    groupedByTrail = !groupedByTrail;
    pick.buttons = [trailButton()];
    update();
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let browsed = BROWSE_PAGE;
  const update = () => {
    if (pick.value.trim() !== '') {
      pick.title = 'Search Quotes';
      const results = service.search(pick.value);
      pick.items = (groupedByTrail ? groupTrails(results) : results).map(toItem);
      return;
    }
    const { results, total } = service.browse(0, browsed);
    pick.title = `Search Quotes: ${results.length.toLocaleString('en')} of ${total.toLocaleString('en')}, newest first`;
    const items: QuoteItem[] = (groupedByTrail ? groupTrails(results) : results).map(toItem);
    if (results.length < total) {
      items.push({ label: `$(ellipsis) Show ${Math.min(BROWSE_PAGE, total - results.length).toLocaleString('en')} more`, alwaysShow: true });
    }
    pick.items = items;
  };
  update();
  pick.onDidChangeValue(() => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(update, DEBOUNCE_MS);
  });
  pick.onDidAccept(async () => {
    const item = pick.selectedItems[0];
    if (item && !item.result) {
      browsed += BROWSE_PAGE;
      pick.keepScrollPosition = true;
      update();
      return;
    }
    pick.hide();
    if (!item?.result) return;
    const { corpus, quote } = item.result;
    await openSpan(manager, { root: corpus.root, path: quote.path, start: quote.start, end: quote.end }, false);
  });
  pick.onDidHide(() => {
    if (timer) clearTimeout(timer);
    pick.dispose();
  });
  pick.show();
}

export function register(context: vscode.ExtensionContext, manager: CorpusManager, people: PeopleSearchCache): QuoteSearchService {
  const service = new QuoteSearchService(manager, people);
  context.subscriptions.push(
    service,
    vscode.commands.registerCommand(Commands.searchQuotes, (initial?: unknown) =>
      showQuoteSearch(manager, service, typeof initial === 'string' ? initial : ''),
    ),
  );
  return service;
}
