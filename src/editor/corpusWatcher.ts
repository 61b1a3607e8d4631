// Keeps a corpus in step with the disk, one file at a time: created, changed and deleted articles are re-read
// or removed; corpus.yaml or a folder appearing or vanishing reloads the whole corpus. One watcher lives as long
// as the corpus is registered, across reloads: a new watcher takes a while to start, and an event lost then
// would leave the index behind the disk. Each event is applied to the corpus as it is when its turn comes.
import * as path from 'path';
import * as vscode from 'vscode';
import type { Corpus } from '../core/api';
import { CORPUS_CONFIG_FILE } from '../core/extract/loader';
import { isArticleFileName, samePath } from './corpusDiscovery';
import type { CorpusEntry } from './corpusManager';

/** What the watcher needs from the corpus manager. */
export interface WatchHost {
  /** Runs a disk update of one corpus after the ones queued before it (a delete cannot overtake a create). */
  enqueue(entry: CorpusEntry, task: () => Promise<void>): void;
  /** Loads the whole corpus again. */
  reloadEntry(entry: CorpusEntry): Promise<void>;
  /** The corpus as loaded now (undefined while none loaded, or when its last load failed). */
  corpusOf(entry: CorpusEntry): Corpus | undefined;
  relativePath(entry: CorpusEntry, uri: vscode.Uri): string;
  log(line: string): void;
}

function isConfigFile(entry: CorpusEntry, uri: vscode.Uri): boolean {
  return samePath(uri.fsPath, path.join(entry.root, CORPUS_CONFIG_FILE));
}

/** Watches a corpus's folder; dispose the returned listeners to stop. */
export function watchCorpus(entry: CorpusEntry, host: WatchHost): vscode.Disposable[] {
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(entry.uri, '**/*'));
  return [
    watcher,
    watcher.onDidCreate((uri) => host.enqueue(entry, () => onFileCreated(host, entry, uri))),
    watcher.onDidChange((uri) => host.enqueue(entry, () => onFileChanged(host, entry, uri))),
    watcher.onDidDelete((uri) => host.enqueue(entry, () => onFileDeleted(host, entry, uri))),
  ];
}

async function onFileCreated(host: WatchHost, entry: CorpusEntry, uri: vscode.Uri): Promise<void> {
  if (isConfigFile(entry, uri)) return host.reloadEntry(entry);
  const corpus = host.corpusOf(entry);
  if (!corpus) return;
  if (isMetadataTable(host, entry, corpus, uri)) return corpus.reloadArticle(host.relativePath(entry, uri));
  let type: vscode.FileType;
  try {
    type = (await vscode.workspace.fs.stat(uri)).type;
  } catch {
    return; // gone again before we looked
  }
  if (type & vscode.FileType.Directory) {
    // A folder moved in: its files may not get events of their own.
    return host.reloadEntry(entry);
  }
  if (!isArticleFileName(uri.fsPath)) return;
  const rel = host.relativePath(entry, uri);
  await corpus.reloadArticle(rel);
  host.log(`Indexed new file ${rel}`);
}

/** The metadata table corpus.yaml names: re-read like corpus.yaml when it changes. */
function isMetadataTable(host: WatchHost, entry: CorpusEntry, corpus: Corpus, uri: vscode.Uri): boolean {
  const table = corpus.config.external?.table;
  return table !== null && table !== undefined && host.relativePath(entry, uri) === table.file;
}

async function onFileChanged(host: WatchHost, entry: CorpusEntry, uri: vscode.Uri): Promise<void> {
  const corpus = host.corpusOf(entry);
  // A corpus whose load failed gets another try when its corpus.yaml changes.
  if (isConfigFile(entry, uri)) return corpus ? corpus.reloadArticle(CORPUS_CONFIG_FILE) : host.reloadEntry(entry);
  if (!corpus) return;
  if (isMetadataTable(host, entry, corpus, uri)) return corpus.reloadArticle(host.relativePath(entry, uri));
  if (!isArticleFileName(uri.fsPath)) return;
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) return; // the unsaved buffer is what the user sees, and what the index holds
  await corpus.reloadArticle(host.relativePath(entry, uri));
}

async function onFileDeleted(host: WatchHost, entry: CorpusEntry, uri: vscode.Uri): Promise<void> {
  if (samePath(uri.fsPath, entry.root)) {
    host.log(`Corpus folder ${entry.root} was deleted.`);
    return host.reloadEntry(entry);
  }
  const rel = host.relativePath(entry, uri);
  if (isConfigFile(entry, uri)) return host.reloadEntry(entry);
  const corpus = host.corpusOf(entry);
  if (!corpus) return;
  // A deleted folder takes its articles with it.
  const gone = corpus.articles().filter((a) => a.path === rel || a.path.startsWith(`${rel}/`));
  for (const article of gone) corpus.removeArticle(article.path);
  if (gone.length > 0) host.log(`Removed ${gone.length} article(s) under ${rel}`);
}
