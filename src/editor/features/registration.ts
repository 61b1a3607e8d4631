// Registering corpora: "Add Folder as Corpus" (palette and Explorer context menu), "Remove Corpus",
// "Refresh", and "Show Output". Registrations live in workspace state, never in the corpus folder.
import * as vscode from 'vscode';
import type { CorpusManager } from '../corpusManager';
import { Commands } from '../ids';

export async function addCorpus(manager: CorpusManager, uri?: vscode.Uri): Promise<boolean> {
  let folder = uri instanceof vscode.Uri ? uri : undefined;
  if (!folder) {
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: false,
      openLabel: 'Add as Corpus',
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    });
    folder = picked?.[0];
  }
  if (!folder) return false;
  if (folder.scheme !== 'file') {
    void vscode.window.showWarningMessage('Corpus Navigator: only folders on disk can be corpora.');
    return false;
  }
  const entry = await manager.addFolder(folder);
  if (entry?.state === 'failed') {
    void vscode.window.showErrorMessage(`Corpus Navigator: could not index ${entry.name}: ${entry.error ?? ''}`);
    return false;
  }
  return !!entry;
}

/** True when some corpus is indexed; otherwise offers to add one (for commands that need an index). */
export async function ensureCorpus(manager: CorpusManager): Promise<boolean> {
  if (manager.corpora().length > 0) return true;
  const add = 'Add Folder as Corpus';
  const choice = await vscode.window.showInformationMessage('Corpus Navigator: no corpus is indexed yet.', add);
  if (choice === add) await vscode.commands.executeCommand(Commands.addCorpus);
  return false;
}

export async function removeCorpus(manager: CorpusManager, target?: unknown): Promise<boolean> {
  let root = target instanceof vscode.Uri ? target.fsPath : typeof target === 'string' ? target : undefined;
  if (!root) {
    const entries = manager.entries();
    if (entries.length === 0) {
      void vscode.window.showInformationMessage('Corpus Navigator: no corpus is registered.');
      return false;
    }
    const picked =
      entries.length === 1
        ? { root: entries[0].root }
        : await vscode.window.showQuickPick(
            entries.map((e) => ({ label: e.name, description: e.root, root: e.root })),
            { title: 'Remove Corpus', placeHolder: 'The folder stays on disk; it is only no longer indexed' },
          );
    root = picked?.root;
  }
  if (!root) return false;
  await manager.removeFolder(root);
  return true;
}

export function register(context: vscode.ExtensionContext, manager: CorpusManager, output: vscode.OutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.addCorpus, (uri?: vscode.Uri) => addCorpus(manager, uri)),
    vscode.commands.registerCommand(Commands.removeCorpus, (target?: unknown) => removeCorpus(manager, target)),
    vscode.commands.registerCommand(Commands.refresh, () => manager.refresh()),
    vscode.commands.registerCommand(Commands.showOutput, () => output.show(true)),
  );
}
