// "Export as CSV…": the corpus's quotes, mentions and entities as three CSV files in a folder the user names in a
// save dialog (or that a caller passes), written with a progress notification, then an offer to open the folder.
import * as vscode from 'vscode';
import type { Corpus } from '../../core/api';
import { corpusCsv, CSV_FILES } from '../../core/query/csv';
import type { CorpusManager } from '../corpusManager';
import { Commands } from '../ids';
import { ensureCorpus } from './registration';

async function pickCorpus(manager: CorpusManager): Promise<Corpus | undefined> {
  const entries = manager.entries().filter((entry) => entry.corpus);
  if (entries.length <= 1) return entries[0]?.corpus;
  const picked = await vscode.window.showQuickPick(
    entries.map((entry) => ({ label: entry.name, description: entry.root, corpus: entry.corpus! })),
    { title: 'Export as CSV: which corpus?' },
  );
  return picked?.corpus;
}

/** Writes the CSV files into `folder` (created if needed); returns the folder, or undefined when cancelled. */
export async function exportCsv(manager: CorpusManager, target?: unknown): Promise<vscode.Uri | undefined> {
  if (!(await ensureCorpus(manager))) return undefined;
  const corpus = await pickCorpus(manager);
  if (!corpus) return undefined;
  let folder = target instanceof vscode.Uri ? target : typeof target === 'string' ? vscode.Uri.file(target) : undefined;
  if (!folder) {
    const base = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(corpus.root);
    folder = await vscode.window.showSaveDialog({
      title: 'Export as CSV: a folder for quotes.csv, mentions.csv and entities.csv',
      saveLabel: 'Export Here',
      defaultUri: vscode.Uri.joinPath(base, `${corpus.root.split(/[\\/]/).pop() ?? 'corpus'}-csv`),
    });
  }
  if (!folder) return undefined;
  const written = folder;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Corpus Navigator: exporting CSV' }, async (progress) => {
    progress.report({ message: 'collecting quotes, mentions and entities…' });
    const files = corpusCsv(corpus);
    await vscode.workspace.fs.createDirectory(written);
    for (const name of CSV_FILES) {
      progress.report({ message: name, increment: 100 / CSV_FILES.length });
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(written, name), new TextEncoder().encode(files[name]));
    }
  });
  const open = 'Open Folder';
  void vscode.window.showInformationMessage(`Corpus Navigator: wrote ${CSV_FILES.join(', ')} to ${written.fsPath}`, open).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('revealFileInOS', written);
  });
  return written;
}

export function register(context: vscode.ExtensionContext, manager: CorpusManager): void {
  context.subscriptions.push(vscode.commands.registerCommand(Commands.exportCsv, (target?: unknown) => exportCsv(manager, target)));
}
