// Shared by the feature suites: reach the running extension, open sample articles, locate names by text.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Corpus } from '../../src/core/api';
import type { Entity, Mention, Person } from '../../src/core/types';
import type { CorpusNavigatorApi } from '../../src/editor/extension';
import { EXTENSION_ID } from '../../src/editor/ids';

export async function extensionApi(): Promise<CorpusNavigatorApi> {
  const extension = vscode.extensions.getExtension<CorpusNavigatorApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  const api = extension.isActive ? extension.exports : await extension.activate();
  await api.manager.whenReady();
  await api.manager.whenIdle();
  return api;
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return folder.uri.fsPath;
}

/** The corpus of the test workspace (the copy of corpus/). */
export async function sampleCorpus(): Promise<{ api: CorpusNavigatorApi; corpus: Corpus }> {
  const api = await extensionApi();
  const corpus = api.manager.corpora().find((c) => c.root === workspaceRoot());
  assert.ok(corpus, `the workspace ${workspaceRoot()} is not indexed`);
  return { api, corpus };
}

export async function openArticle(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspaceRoot(), name)));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Position inside the n-th occurrence of `text` in the document (a character into it). */
export function positionOf(document: vscode.TextDocument, text: string, occurrence = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = document.getText().indexOf(text, at + 1);
    assert.ok(at !== -1, `"${text}" occurrence ${occurrence} not found in ${document.fileName}`);
  }
  return document.positionAt(at + 1);
}

/** The entity (of any type) the core found at the n-th occurrence of `text` in an article. */
export function entityAtText(corpus: Corpus, document: vscode.TextDocument, text: string, occurrence = 0): { entity: Entity; mention: Mention } {
  const rel = path.relative(corpus.root, document.uri.fsPath).split(path.sep).join('/');
  const mention = corpus.mentionAt(rel, document.offsetAt(positionOf(document, text, occurrence)));
  assert.ok(mention, `the core found no entity at "${text}" in ${rel}`);
  const entity = corpus.entity(mention.entityId);
  assert.ok(entity, `no entity ${mention.entityId}`);
  return { entity, mention };
}

/** The person the core found at the n-th occurrence of `text` in an article. */
export function personAtText(corpus: Corpus, document: vscode.TextDocument, text: string, occurrence = 0): { person: Person; mention: Mention } {
  const { entity, mention } = entityAtText(corpus, document, text, occurrence);
  assert.strictEqual(entity.type, 'person', `"${text}" is a ${entity.type}, not a person`);
  return { person: entity, mention };
}

/** Semantic tokens as "offset+length:type", in document order. */
export function decodeTokens(document: vscode.TextDocument, legend: vscode.SemanticTokensLegend, tokens: vscode.SemanticTokens): string[] {
  const out: string[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [deltaLine, deltaStart, length, type] = tokens.data.slice(i, i + 4);
    line += deltaLine;
    char = deltaLine === 0 ? char + deltaStart : deltaStart;
    out.push(`${document.offsetAt(new vscode.Position(line, char))}+${length}:${legend.tokenTypes[type]}`);
  }
  return out;
}

/** The Markdown strings of hover results. */
export function hoverMarkdown(hovers: readonly vscode.Hover[]): vscode.MarkdownString[] {
  return hovers.flatMap((h) => h.contents).flatMap((c) => (typeof c === 'object' && c && 'value' in c && !('language' in c) ? [c as vscode.MarkdownString] : []));
}

export function unescapeMarkdown(text: string): string {
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!|~:"'=$])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function textAt(document: vscode.TextDocument, range: vscode.Range): string {
  return document.getText(range);
}

/** Polls until `check` returns a truthy value (index updates are debounced). */
export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 5000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined | false;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`timed out waiting for ${what} (last: ${String(last)})`);
}

/** Reverts every unsaved document, visible or not: closing a dirty editor could otherwise save it to disk. */
export async function revertAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty && document.uri.scheme === 'file') {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
