// Keeps the index in step with unsaved editor buffers: an edit is pushed after a short quiet time (or at once when
// a feature needs offsets that match the document), and a buffer closed without saving gives way to the disk.
import * as vscode from 'vscode';
import { isArticleFileName } from './corpusDiscovery';
import type { CorpusEntry } from './corpusManager';

/** What the document sync needs from the corpus manager. */
export interface DocumentSyncHost {
  /** The corpus entry whose root holds this file (the innermost one when corpora nest). */
  entryContaining(uri: vscode.Uri): CorpusEntry | undefined;
  relativePath(entry: CorpusEntry, uri: vscode.Uri): string;
  /** Runs a disk update of one corpus after the ones queued before it. */
  enqueue(entry: CorpusEntry, task: () => Promise<void>): void;
  log(line: string): void;
}

export class DocumentSync implements vscode.Disposable {
  private readonly pendingEdits = new Map<string, { document: vscode.TextDocument; timer: ReturnType<typeof setTimeout> }>();
  private readonly pushedVersions = new Map<string, number>();

  constructor(
    private readonly host: DocumentSyncHost,
    /** Delay before an editor's unsaved text is pushed to the index. */
    private readonly debounceMs: number,
  ) {}

  /** Listens to the workspace's documents; the caller disposes the listeners. */
  listen(): vscode.Disposable[] {
    return [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document);
      }),
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (doc.isDirty) this.schedule(doc);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.onClosed(doc)),
    ];
  }

  /** Pushes a document's pending unsaved edits to the index now. */
  sync(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const pending = this.pendingEdits.get(key);
    if (pending) {
      clearTimeout(pending.timer);
      this.pendingEdits.delete(key);
      this.push(document);
    } else if (document.isDirty && this.pushedVersions.get(key) !== document.version) {
      this.push(document);
    }
  }

  /** Re-extracts the article from the document's text now. */
  push(document: vscode.TextDocument): void {
    const entry = this.host.entryContaining(document.uri);
    if (!entry?.corpus || document.isClosed || !isArticleFileName(document.uri.fsPath)) return;
    const key = document.uri.toString();
    try {
      entry.corpus.updateArticle(this.host.relativePath(entry, document.uri), document.getText());
      this.pushedVersions.set(key, document.version);
    } catch (err) {
      this.host.log(`Could not re-index ${document.uri.fsPath}: ${String(err)}`);
    }
  }

  private schedule(document: vscode.TextDocument): void {
    const entry = this.host.entryContaining(document.uri);
    if (!entry?.corpus || !isArticleFileName(document.uri.fsPath)) return;
    const key = document.uri.toString();
    const existing = this.pendingEdits.get(key);
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(() => {
      this.pendingEdits.delete(key);
      this.push(document);
    }, this.debounceMs);
    this.pendingEdits.set(key, { document, timer });
  }

  private onClosed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const pending = this.pendingEdits.get(key);
    if (pending) clearTimeout(pending.timer);
    this.pendingEdits.delete(key);
    if (!this.pushedVersions.has(key)) return;
    this.pushedVersions.delete(key);
    // Closed without saving (or re-opened under another language): the disk is the truth again until
    // an open event brings the buffer back.
    const entry = this.host.entryContaining(document.uri);
    if (!entry?.corpus) return;
    this.host.enqueue(entry, async () => {
      const reopened = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
      if (reopened?.isDirty) this.push(reopened);
      // The corpus as it is now: a reload may have replaced it while this waited.
      else await entry.corpus?.reloadArticle(this.host.relativePath(entry, document.uri));
    });
  }

  /** Drops pending edits (their timers would push into a disposed manager). */
  dispose(): void {
    for (const { timer } of this.pendingEdits.values()) clearTimeout(timer);
    this.pendingEdits.clear();
  }
}
