// Which folders are corpora: the corpusNavigator.folders setting of each workspace folder, folders holding a
// corpus.yaml, and the folders the user added or removed (remembered in workspace state, never written into
// the folder). Also the setting that limits article size.
import * as path from 'path';
import * as vscode from 'vscode';
import { CORPUS_CONFIG_FILE, isCorpusFileName } from '../core/extract/loader';
import { Settings, StateKeys } from './ids';

export type CorpusSource = 'setting' | 'detected' | 'added';

/** The default of `corpusNavigator.maxFileSizeMB` in package.json. */
const DEFAULT_MAX_FILE_SIZE_MB = 10;
const DETECT_EXCLUDE = '**/{node_modules,.git,.vscode-test,dist,out}/**';

export function isArticleFileName(fileName: string): boolean {
  return isCorpusFileName(path.basename(fileName));
}

export function samePath(a: string, b: string): boolean {
  return process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

export function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Every corpus root of the workspace, with where it came from (a root the user removed is left out). */
export async function discoverCorpusRoots(state: vscode.Memento, log: (line: string) => void): Promise<Map<string, CorpusSource>> {
  const roots = new Map<string, CorpusSource>();
  const removed = state.get<string[]>(StateKeys.removedFolders, []);
  const isRemoved = (root: string) => removed.some((p) => samePath(p, root));
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== 'file') continue;
    const configured = vscode.workspace.getConfiguration(Settings.section, folder.uri).get<string[]>(Settings.folders, []);
    for (const p of configured) {
      if (typeof p !== 'string' || p.trim() === '') continue;
      roots.set(path.resolve(folder.uri.fsPath, p), 'setting');
    }
  }
  try {
    const configs = await vscode.workspace.findFiles(`**/${CORPUS_CONFIG_FILE}`, DETECT_EXCLUDE, 100);
    for (const uri of configs) {
      if (uri.scheme !== 'file') continue;
      const root = path.dirname(uri.fsPath);
      if (!roots.has(root)) roots.set(root, 'detected');
    }
  } catch (err) {
    log(`Could not search the workspace for ${CORPUS_CONFIG_FILE}: ${String(err)}`);
  }
  for (const root of state.get<string[]>(StateKeys.addedFolders, [])) {
    if (!roots.has(root)) roots.set(root, 'added');
  }
  for (const root of [...roots.keys()]) if (isRemoved(root)) roots.delete(root);
  return roots;
}

async function updateList(state: vscode.Memento, key: string, update: (list: string[]) => string[]): Promise<void> {
  await state.update(key, update(state.get<string[]>(key, [])));
}

/** Remembers that the user added `root` as a corpus (undoing an earlier removal). */
export async function rememberAdded(state: vscode.Memento, root: string): Promise<void> {
  await updateList(state, StateKeys.addedFolders, (list) => [...list.filter((p) => !samePath(p, root)), root]);
  await updateList(state, StateKeys.removedFolders, (list) => list.filter((p) => !samePath(p, root)));
}

/** Remembers that the user removed the corpus at `root` (even one a setting or a corpus.yaml names). */
export async function rememberRemoved(state: vscode.Memento, root: string): Promise<void> {
  await updateList(state, StateKeys.addedFolders, (list) => list.filter((p) => !samePath(p, root)));
  await updateList(state, StateKeys.removedFolders, (list) => [...list.filter((p) => !samePath(p, root)), root]);
}

/** The article size limit from the settings, in bytes. */
export function maxFileSizeBytes(): number {
  const mb = vscode.workspace.getConfiguration(Settings.section).get<number>(Settings.maxFileSizeMB, DEFAULT_MAX_FILE_SIZE_MB);
  return Math.max(0, mb) * 1024 * 1024;
}
