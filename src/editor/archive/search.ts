// Search Quotes and Search Entities over the archive: QuickPicks that query as the user types (debounced, the
// picker busy meanwhile, an answer to an older query dropped), and open the article (its file when on disk,
// else the archive's read-only copy).
import * as vscode from 'vscode';
import type { ArchiveEntity, QuoteHit } from '../../archive/archiveReader';
import { plural, quotedLine } from '../../core/query/labels';
import { entityIconOf, entityTypeLabel } from '../features/entityTypes';
import type { ArchiveDocuments } from './documents';
import type { ArchiveSession } from './session';

const DEBOUNCE_MS = 250;
const QUOTE_LIMIT = 50;
const ENTITY_LIMIT = 50;
const LABEL_LENGTH = 64;

export class ArchiveSearch {
  constructor(
    private readonly session: ArchiveSession,
    private readonly documents: ArchiveDocuments,
  ) {}

  /** Quotes best matching the query (Search Quotes' language: `@name words`), undefined when no answer. */
  quotes(query: string, token?: vscode.CancellationToken): Promise<QuoteHit[] | undefined> {
    return this.session.run((reader) => reader.searchQuotes(query, QUOTE_LIMIT), token);
  }

  entities(query: string, token?: vscode.CancellationToken): Promise<ArchiveEntity[] | undefined> {
    return this.session.run((reader) => reader.searchEntities(query, ENTITY_LIMIT), token);
  }

  showQuotes(initial = ''): vscode.QuickPick<vscode.QuickPickItem> | undefined {
    return this.picker<QuoteHit>({
      title: 'Search Archive Quotes',
      placeholder: 'Type words of a quote (typos are fine); start with @name to narrow to a speaker or organisation',
      initial,
      search: (query, token) => this.quotes(query, token),
      item: (hit) => ({ label: quotedLine(hit.text, LABEL_LENGTH), description: hit.sourceName ?? 'unattributed', detail: hit.path }),
      open: (hit) => this.documents.open(hit.path, hit, false),
    });
  }

  showEntities(initial = ''): vscode.QuickPick<vscode.QuickPickItem> | undefined {
    return this.picker<ArchiveEntity>({
      title: 'Search Archive Entities',
      placeholder: 'Type a name or part of one (typos are fine)',
      initial,
      search: (query, token) => this.entities(query, token),
      item: (entity) => ({
        label: `$(${entityIconOf(entity.type)}) ${entity.name}`,
        description: [entityTypeLabel(entity.type), entity.aliases.join(', ')].filter(Boolean).join(' · '),
        detail: [`${plural(entity.mentionCount, 'mention')} in ${plural(entity.articleCount, 'article')}`, ...entity.roles.slice(0, 3)].join(' · '),
      }),
      open: async (entity) => {
        const mention = await this.session.run((reader) => reader.definition(entity.id));
        return mention ? this.documents.open(mention.path, mention, false) : undefined;
      },
    });
  }

  private picker<T>(spec: {
    title: string;
    placeholder: string;
    initial: string;
    search: (query: string, token: vscode.CancellationToken) => Promise<T[] | undefined>;
    item: (result: T) => vscode.QuickPickItem;
    open: (result: T) => Thenable<unknown>;
  }): vscode.QuickPick<vscode.QuickPickItem> | undefined {
    if (this.session.state !== 'connected') {
      void vscode.window.showWarningMessage('Corpus Navigator: connect to an archive first (Corpus Navigator: Connect to Archive).');
      return undefined;
    }
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { result?: T }>();
    pick.title = spec.title;
    pick.placeholder = spec.placeholder;
    pick.matchOnDescription = false;
    pick.matchOnDetail = false;
    pick.value = spec.initial;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running: vscode.CancellationTokenSource | undefined;
    const update = async () => {
      timer = undefined;
      running?.cancel();
      const source = (running = new vscode.CancellationTokenSource());
      const query = pick.value;
      if (!query.trim()) {
        pick.items = [];
        pick.busy = false;
        return;
      }
      pick.busy = true;
      const results = await spec.search(query, source.token);
      if (source.token.isCancellationRequested) return;
      pick.busy = false;
      pick.title = results ? spec.title : `${spec.title}: no answer from the archive`;
      pick.items = (results ?? []).map((result) => ({ ...spec.item(result), alwaysShow: true, result }));
    };
    pick.onDidChangeValue(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void update(), DEBOUNCE_MS);
    });
    pick.onDidAccept(() => {
      const result = pick.selectedItems[0]?.result;
      pick.hide();
      if (result !== undefined) void spec.open(result);
    });
    pick.onDidHide(() => {
      if (timer) clearTimeout(timer);
      running?.cancel();
      pick.dispose();
    });
    pick.show();
    if (spec.initial) void update();
    return pick;
  }
}
