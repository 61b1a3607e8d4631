// "Search Quotes": a QuickPick over every quote of every corpus, ranked by the core's QuoteSearch (fuse.js
// over trigram-narrowed candidates), typo-tolerant. `@name` at the start of the query narrows to a speaker.
import * as vscode from 'vscode';
import type { Corpus } from '../../core/api';
import { QuoteSearch, type SearchDoc, type SearchHit } from '../../core/search';
import type { Person, Quote } from '../../core/types';
import type { CorpusManager } from '../corpusManager';
import { Commands } from '../ids';
import { openSpan } from './navigation';
import type { PeopleSearchCache } from './peopleSearch';
import { ensureCorpus } from './registration';
import { articleTitle } from './shared';

export interface QuoteDoc extends SearchDoc {
  corpus: Corpus;
  quote: Quote;
}

export interface QuoteResult {
  corpus: Corpus;
  quote: Quote;
  speaker: Person | undefined;
  score: number;
  /** fuse's matched ranges in the quote text, inclusive [start, end] pairs. */
  textMatches: readonly (readonly [number, number])[];
}

const RESULT_LIMIT = 50;
// Short enough that the speaker (the item's description) stays visible beside the quote.
const LABEL_LENGTH = 64;
const DEBOUNCE_MS = 60;

function quoteDocs(corpus: Corpus, quotes: readonly Quote[]): QuoteDoc[] {
  return quotes.map((quote) => ({
    id: `${quote.path}#${quote.start}`,
    text: quote.text,
    speaker: quote.speaker ? (corpus.person(quote.speaker)?.name ?? null) : null,
    speakerId: quote.speaker,
    path: quote.path,
    corpus,
    quote,
  }));
}

/** Splits "@fallon persistent pattern" into a speaker query and the rest. */
export function parseQuery(raw: string): { speaker: string | null; text: string } {
  const match = /^\s*@("([^"]*)"|(\S+))\s*(.*)$/s.exec(raw);
  if (!match) return { speaker: null, text: raw.trim() };
  return { speaker: (match[2] ?? match[3] ?? '').replace(/[_-]/g, ' '), text: match[4].trim() };
}

/** Keeps one search index per corpus, built on first use and updated one article at a time. */
export class QuoteSearchService implements vscode.Disposable {
  private readonly indexes = new Map<Corpus, QuoteSearch<QuoteDoc>>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly manager: CorpusManager,
    private readonly people: PeopleSearchCache,
  ) {
    this.subscription = manager.onDidChange((change) => {
      const corpus = change.entry?.corpus;
      const live = new Set(manager.corpora());
      for (const indexed of [...this.indexes.keys()]) if (!live.has(indexed)) this.indexes.delete(indexed);
      if (!corpus) return;
      const index = this.indexes.get(corpus);
      if (!index) return;
      if (!change.paths) {
        this.indexes.delete(corpus); // a full reload: rebuild lazily
        return;
      }
      for (const path of change.paths) index.replacePath(path, quoteDocs(corpus, corpus.quotesIn(path)));
    });
  }

  private indexFor(corpus: Corpus): QuoteSearch<QuoteDoc> {
    let index = this.indexes.get(corpus);
    if (!index) {
      index = new QuoteSearch(quoteDocs(corpus, corpus.quotes()));
      this.indexes.set(corpus, index);
    }
    return index;
  }

  /** The ranked quotes for a query, across corpora (the function the QuickPick uses). */
  search(rawQuery: string, limit = RESULT_LIMIT): QuoteResult[] {
    const { speaker, text } = parseQuery(rawQuery);
    const hits: SearchHit<QuoteDoc>[] = [];
    const corpora = this.manager.corpora();
    for (const corpus of corpora) {
      let speakerId: string | undefined;
      if (speaker !== null) {
        if (!speaker) continue;
        const best = this.people.for(corpus).search(speaker, { limit: 1 })[0];
        if (!best) continue;
        speakerId = best.item.id;
      }
      hits.push(...this.indexFor(corpus).search(text, { limit, speaker: speakerId }));
    }
    // Scores from different corpora are comparable: fuse scores one document against the query alone.
    if (corpora.length > 1) hits.sort((a, b) => a.score - b.score);
    return hits.slice(0, limit).map((hit) => ({
      corpus: hit.item.corpus,
      quote: hit.item.quote,
      speaker: hit.item.quote.speaker ? hit.item.corpus.person(hit.item.quote.speaker) : undefined,
      score: hit.score,
      textMatches: hit.matches.filter((m) => m.key === 'text').flatMap((m) => m.indices.map(([s, e]) => [s, e] as const)),
    }));
  }

  dispose(): void {
    this.subscription.dispose();
    this.indexes.clear();
  }
}

interface QuoteItem extends vscode.QuickPickItem {
  result: QuoteResult;
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

function toItem(result: QuoteResult): QuoteItem {
  const article = result.corpus.article(result.quote.path);
  return {
    label: quoteLabel(result),
    description: result.speaker?.name ?? (result.quote.speaker ? '' : 'unattributed'),
    detail: article ? [article.outlet, article.date, articleTitle(article)].filter(Boolean).join(' · ') : result.quote.path,
    alwaysShow: true,
    result,
  };
}

export async function showQuoteSearch(manager: CorpusManager, service: QuoteSearchService, initial = ''): Promise<void> {
  if (!(await ensureCorpus(manager))) return;
  const pick = vscode.window.createQuickPick<QuoteItem>();
  pick.title = 'Search Quotes';
  pick.placeholder = 'Type words of a quote (typos are fine); start with @name to narrow to a speaker';
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  pick.value = initial;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = () => {
    pick.items = service.search(pick.value).map(toItem);
  };
  update();
  pick.onDidChangeValue(() => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(update, DEBOUNCE_MS);
  });
  pick.onDidAccept(async () => {
    const item = pick.selectedItems[0];
    pick.hide();
    if (!item) return;
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
