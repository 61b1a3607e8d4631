// Writing corpus.yaml for the correction commands. When the file is open in an editor (or has unsaved
// edits), as a WorkspaceEdit of only the characters that differ, so Ctrl+Z there takes the change back like
// any other edit; a file that was not dirty is then saved, one with the user's unsaved edits is left for
// them to save. Otherwise straight to disk, which is then the only copy.
import * as vscode from 'vscode';

const sameUri = (a: vscode.Uri, b: vscode.Uri): boolean => a.toString() === b.toString();

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => sameUri(d.uri, uri) && !d.isClosed);
}

/** Open in an editor tab, or holding unsaved edits: where the user would press Ctrl+Z. */
function inEditor(uri: vscode.Uri): vscode.TextDocument | undefined {
  const document = openDocument(uri);
  if (!document) return undefined;
  if (document.isDirty) return document;
  const shown = vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && sameUri(tab.input.uri, uri)));
  return shown ? document : undefined;
}

/** corpus.yaml's text as the user sees it: the editor's, else the disk's; null when there is no file. */
export async function readConfigText(uri: vscode.Uri): Promise<string | null> {
  const document = inEditor(uri);
  if (document) return document.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return null;
  }
}

/** Makes corpus.yaml hold `text` (null: no file), creating or deleting it as needed. False when that failed. */
export async function writeConfigText(uri: vscode.Uri, text: string | null): Promise<boolean> {
  const current = await readConfigText(uri);
  if (current === text) return true;
  const document = inEditor(uri);
  if (document && text !== null && (await editDocument(document, text))) return true;
  try {
    if (text === null) await vscode.workspace.fs.delete(uri, { useTrash: false });
    else await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return true;
  } catch {
    return false;
  }
}

async function editDocument(document: vscode.TextDocument, text: string): Promise<boolean> {
  const wasDirty = document.isDirty;
  const { start, end, replacement } = changedRange(document.getText(), text);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(end)), replacement);
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  return wasDirty || (await document.save());
}

/** The one range of `before` that differs from `after`, and what replaces it. */
function changedRange(before: string, after: string): { start: number; end: number; replacement: string } {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, end: before.length - tail, replacement: after.slice(start, after.length - tail) };
}
