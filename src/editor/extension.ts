// Entry point: builds the corpus manager, registers every feature, and starts indexing after activation
// returns, so activation stays fast and the editor never waits for the index.
import * as vscode from 'vscode';
import { createCorpusLoader } from './corpusLoader';
import { CorpusManager } from './corpusManager';
import { ExtractionWorkers } from './extractionWorkers';
import * as archive from './archive';
import * as articlesTree from './features/articlesTree';
import * as configDiagnostics from './features/configDiagnostics';
import * as csvExport from './features/csvExport';
import * as entitySections from './features/entitySections';
import * as corrections from './features/corrections';
import * as hover from './features/hover';
import * as language from './features/language';
import * as navigation from './features/navigation';
import * as entitySearch from './features/entitySearch';
import * as quoteSearch from './features/quoteSearch';
import * as registration from './features/registration';
import * as semanticTokens from './features/semanticTokens';
import * as statusBar from './features/statusBar';
import * as symbols from './features/symbols';
import * as timeline from './features/timeline';
import { OUTPUT_CHANNEL_NAME } from './ids';

/** What `activate` returns: used by the integration tests to reach the live objects. */
export interface CorpusNavigatorApi {
  manager: CorpusManager;
  tree: articlesTree.ArticlesTreeProvider;
  quoteSearch: quoteSearch.QuoteSearchService;
  /** The worker threads corpora on disk are extracted in. */
  workers: ExtractionWorkers;
  /** The shared PostgreSQL archive: its session, documents, searches and tree. */
  archive: archive.ArchiveApi;
  /** How long `activate` itself took, in ms. */
  activationMs: number;
}

export function activate(context: vscode.ExtensionContext): CorpusNavigatorApi {
  const started = performance.now();
  const output = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME);
  const log = (line: string) => output.appendLine(line);
  const workers = new ExtractionWorkers();
  const manager = new CorpusManager({
    state: context.workspaceState,
    log,
    loader: createCorpusLoader(context.storageUri ?? context.globalStorageUri, log),
    extractor: () => workers.forLoad(),
  });
  // Disposed in this order on deactivation: the manager (a load still running then drops its result), then the workers.
  context.subscriptions.push(output, manager, workers);

  registration.register(context, manager, output);
  statusBar.register(context, manager);
  const tree = articlesTree.register(context, manager);
  hover.register(context, manager);
  navigation.register(context, manager);
  symbols.register(context, manager);
  const people = entitySearch.register(context, manager);
  const quotes = quoteSearch.register(context, manager, people);
  semanticTokens.register(context, manager);
  language.register(context, manager);
  configDiagnostics.register(context, manager);
  csvExport.register(context, manager);
  timeline.register(context, manager);
  entitySections.register(context, manager);
  corrections.register(context, manager);
  const archiveApi = archive.register(context, manager, log);

  // Indexing starts on the next turn of the event loop, after activation has returned.
  const startTimer = setTimeout(() => {
    manager.start().catch((err: unknown) => {
      log(`Indexing failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      const showLog = 'Show Log';
      const message = `Corpus Navigator: indexing failed: ${err instanceof Error ? err.message : String(err)}`;
      void vscode.window.showErrorMessage(message, showLog).then((choice) => choice === showLog && output.show(true));
    });
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(startTimer) });

  const activationMs = performance.now() - started;
  log(`Activated in ${activationMs.toFixed(1)} ms.`);
  return { manager, tree, quoteSearch: quotes, workers, archive: archiveApi, activationMs };
}

export function deactivate(): void {}
