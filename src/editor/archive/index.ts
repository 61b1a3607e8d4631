// The shared archive in the editor: the session, the documents, the language features, the Archive tree, the
// searches, the status bar item and the commands (connect, disconnect, retry, forget the password). These
// features answer for archive documents only (virtual documents, and files no local corpus holds), so a
// local corpus and an archive can be open side by side without two answers for one name.
import * as vscode from 'vscode';
import type { CorpusManager } from '../corpusManager';
import { ARCHIVE_COMMANDS, ContextKeys, StateKeys, Views } from '../ids';
import { ARCHIVE_SCHEME, ArchiveDocuments } from './documents';
import { ArchiveLanguage, registerProviders, type ArchiveSpan } from './providers';
import { ArchiveSearch } from './search';
import { ArchiveSession } from './session';
import { affectsArchives, connectionLabel, readArchives, type ArchiveConfig } from './settings';
import { ArchiveTreeProvider, type PagedNode } from './tree';
import { showArchiveTimeline } from './timeline';
import { plural } from '../../core/query/labels';

export interface ArchiveApi {
  session: ArchiveSession;
  documents: ArchiveDocuments;
  search: ArchiveSearch;
  tree: ArchiveTreeProvider;
  language: ArchiveLanguage;
  status: vscode.StatusBarItem;
}

/** The archive named `name`, or the one the user picks (none asked when only one is listed). */
async function chooseArchive(name: unknown, placeHolder: string): Promise<ArchiveConfig | undefined> {
  const archives = readArchives();
  if (typeof name === 'string') {
    const named = archives.find((a) => a.name === name);
    if (!named) void vscode.window.showErrorMessage(`Corpus Navigator: no archive named “${name}” in the corpusNavigator.archives setting.`);
    return named;
  }
  if (archives.length === 0) {
    const open = 'Open Settings';
    const choice = await vscode.window.showInformationMessage('Corpus Navigator: list your archives in the corpusNavigator.archives setting first (name, host, port, database, user).', open);
    if (choice === open) await vscode.commands.executeCommand('workbench.action.openSettings', 'corpusNavigator.archives');
    return undefined;
  }
  if (archives.length === 1) return archives[0];
  const picked = await vscode.window.showQuickPick(
    archives.map((archive) => ({ label: archive.name, description: connectionLabel(archive), archive })),
    { placeHolder },
  );
  return picked?.archive;
}

function updateStatus(item: vscode.StatusBarItem, session: ArchiveSession): void {
  const config = session.config;
  if (!config) {
    item.hide();
    return;
  }
  const name = config.name;
  switch (session.state) {
    case 'connecting':
      item.text = `$(sync~spin) ${name}`;
      item.tooltip = `Corpus Navigator: connecting to the archive ${connectionLabel(config)}…`;
      item.command = undefined;
      item.backgroundColor = undefined;
      break;
    case 'connected':
      item.text = `$(database) ${name}`;
      item.tooltip = `Corpus Navigator: archive ${connectionLabel(config)}${session.summary ? `, ${plural(session.summary.articles, 'article')}` : ''}. Click to search its quotes.`;
      item.command = ARCHIVE_COMMANDS.searchArchiveQuotes;
      item.backgroundColor = undefined;
      break;
    default:
      item.text = `$(error) ${name}`;
      item.tooltip = `Corpus Navigator: ${session.error ?? 'not connected'}. Click to retry.`;
      item.command = ARCHIVE_COMMANDS.retryArchive;
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
  }
  item.show();
}

export function register(context: vscode.ExtensionContext, manager: CorpusManager, log: (line: string) => void): ArchiveApi {
  const session = new ArchiveSession({ secrets: context.secrets, state: context.workspaceState, log });
  const documents = new ArchiveDocuments(session, manager);
  const language = new ArchiveLanguage(session, documents);
  const search = new ArchiveSearch(session, documents);
  const tree = new ArchiveTreeProvider(session);
  const status = vscode.window.createStatusBarItem('corpusNavigator.archive', vscode.StatusBarAlignment.Left, 49);
  status.name = 'Corpus Navigator Archive';
  const setHasArchives = () => void vscode.commands.executeCommand('setContext', ContextKeys.hasArchives, readArchives().length > 0);
  setHasArchives();
  void vscode.commands.executeCommand('setContext', ContextKeys.archiveState, session.state);

  context.subscriptions.push(
    session,
    documents,
    tree,
    status,
    session.onDidChange(() => updateStatus(status, session)),
    vscode.workspace.registerTextDocumentContentProvider(ARCHIVE_SCHEME, documents),
    vscode.window.createTreeView(Views.archive, { treeDataProvider: tree, showCollapseAll: true }),
    language,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affectsArchives(e)) return;
      setHasArchives();
      // An archive taken out of the settings is not kept connected.
      const name = session.config?.name;
      if (name !== undefined && !readArchives().some((a) => a.name === name)) void session.disconnect(name);
    }),
    vscode.commands.registerCommand(ARCHIVE_COMMANDS.connectArchive, async (name?: unknown) => {
      const config = await chooseArchive(name, 'Connect to which archive?');
      return config ? session.connect(config) : false;
    }),
    vscode.commands.registerCommand(ARCHIVE_COMMANDS.disconnectArchive, () => session.disconnect()),
    vscode.commands.registerCommand(ARCHIVE_COMMANDS.retryArchive, () => session.retry()),
    vscode.commands.registerCommand(ARCHIVE_COMMANDS.forgetArchivePassword, async (name?: unknown) => {
      const config = await chooseArchive(name, 'Forget the password of which archive?');
      if (!config) return;
      await session.forgetPassword(config);
      void vscode.window.showInformationMessage(`Corpus Navigator: the password for ${connectionLabel(config)} is forgotten; it is asked at the next connection.`);
    }),
    vscode.commands.registerCommand(ARCHIVE_COMMANDS.searchArchiveQuotes, (initial?: unknown) => search.showQuotes(typeof initial === 'string' ? initial : '')),
    vscode.commands.registerCommand(ARCHIVE_COMMANDS.searchArchiveEntities, (initial?: unknown) => search.showEntities(typeof initial === 'string' ? initial : '')),
    vscode.commands.registerCommand(ARCHIVE_COMMANDS.refreshArchive, () => tree.refresh()),
    vscode.commands.registerCommand(ARCHIVE_COMMANDS.loadMoreArchive, (node: PagedNode) => tree.loadMore(node)),
    vscode.commands.registerCommand(ARCHIVE_COMMANDS.openArchiveSpan, (target: Partial<ArchiveSpan> & { path: string }) =>
      documents.open(target.path, target.start !== undefined && target.end !== undefined ? { start: target.start, end: target.end } : undefined),
    ),
    vscode.commands.registerCommand(ARCHIVE_COMMANDS.showArchiveTimeline, async (target?: { entityId?: unknown; entity?: { id?: unknown } }) => {
      let entityId = typeof target?.entityId === 'string' ? target.entityId : typeof target?.entity?.id === 'string' ? target.entity.id : undefined;
      const editor = vscode.window.activeTextEditor;
      if (!entityId && editor) entityId = (await language.mentionAt(editor.document, editor.selection.active))?.mention.entityId;
      if (!entityId) {
        void vscode.window.showInformationMessage('Corpus Navigator: put the cursor on a name in an archive article, or pick an entity in the Archive view.');
        return undefined;
      }
      return showArchiveTimeline(session, documents, context.extensionUri, entityId);
    }),
    vscode.commands.registerCommand(ARCHIVE_COMMANDS.showArchiveMentions, async (target: ArchiveSpan) => {
      const locations = await language.references(target);
      const editor = locations && (await documents.open(target.path, target));
      if (!editor) return;
      await vscode.commands.executeCommand('editor.action.showReferences', editor.document.uri, editor.selection.start, locations);
    }),
  );
  registerProviders(context, language);

  // The archive connected when the window last closed (else one marked connectOnStartup) is connected, after
  // activation has returned.
  const previous = context.workspaceState.get<string>(StateKeys.connectedArchive);
  const archives = readArchives();
  const config = archives.find((a) => a.name === previous) ?? archives.find((a) => a.connectOnStartup);
  if (config) {
    const timer = setTimeout(() => void session.connect(config), 0);
    context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  }
  return { session, documents, search, tree, language, status };
}
