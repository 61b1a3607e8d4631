// Every command, view, setting and context-key ID the extension uses, in one place, so package.json,
// the features and the tests cannot drift apart.

export const EXTENSION_ID = 'corpus-navigator.corpus-navigator';
export const LANGUAGE_ID = 'news-article';
export const OUTPUT_CHANNEL_NAME = 'Corpus Navigator';

/** The shared PostgreSQL archive's commands (src/editor/archive/). */
export const ARCHIVE_COMMANDS = {
  connectArchive: 'corpusNavigator.archive.connect',
  disconnectArchive: 'corpusNavigator.archive.disconnect',
  retryArchive: 'corpusNavigator.archive.retry',
  forgetArchivePassword: 'corpusNavigator.archive.forgetPassword',
  searchArchiveQuotes: 'corpusNavigator.archive.searchQuotes',
  searchArchiveEntities: 'corpusNavigator.archive.searchEntities',
  refreshArchive: 'corpusNavigator.archive.refresh',
  /** Internal: the next page of an Archive tree node's children. */
  loadMoreArchive: 'corpusNavigator.archive.loadMore',
  /** Internal: opens a span of an archive article (the local file when there is one, else the archive's text). */
  openArchiveSpan: 'corpusNavigator.archive.openSpan',
  /** Internal: the references peek for the entity mentioned at a span of an archive article. */
  showArchiveMentions: 'corpusNavigator.archive.showMentions',
  /** An archive entity's mentions and quotes over time (the entity at the cursor, or given by id or tree row). */
  showArchiveTimeline: 'corpusNavigator.archive.showTimeline',
} as const;

export const Commands = {
  addCorpus: 'corpusNavigator.addCorpus',
  removeCorpus: 'corpusNavigator.removeCorpus',
  refresh: 'corpusNavigator.refresh',
  searchQuotes: 'corpusNavigator.searchQuotes',
  searchEntities: 'corpusNavigator.searchEntities',
  /** Search Entities narrowed to people (the command of earlier versions, kept for keybindings). */
  searchPeople: 'corpusNavigator.searchPeople',
  nextMention: 'corpusNavigator.nextMention',
  previousMention: 'corpusNavigator.previousMention',
  groupBy: 'corpusNavigator.groupBy',
  groupByOutlet: 'corpusNavigator.groupByOutlet',
  groupByDate: 'corpusNavigator.groupByDate',
  groupByPerson: 'corpusNavigator.groupByPerson',
  groupByOrganization: 'corpusNavigator.groupByOrganization',
  groupByPlace: 'corpusNavigator.groupByPlace',
  groupByQuote: 'corpusNavigator.groupByQuote',
  exportCsv: 'corpusNavigator.exportCsv',
  filterArticles: 'corpusNavigator.filterArticles',
  clearFilter: 'corpusNavigator.clearFilter',
  showOutput: 'corpusNavigator.showOutput',
  /** Internal: opens one mention (or any span) of an article; used by hover links and tree items. */
  openMention: 'corpusNavigator.openMention',
  /** Internal: opens the references peek for a person; wraps `editor.action.showReferences`. */
  showAllMentions: 'corpusNavigator.showAllMentions',
  /** Mentions and quotes of an entity over time, by outlet, in a webview panel. */
  showTimeline: 'corpusNavigator.showTimeline',
  /** Internal: moves to an entity's mention in a given article and shows its hover card. */
  showEntityCard: 'corpusNavigator.showEntityCard',
  notAnEntity: 'corpusNavigator.notAnEntity',
  mergeWith: 'corpusNavigator.mergeWith',
  splitMention: 'corpusNavigator.splitMention',
  renameEntity: 'corpusNavigator.renameEntity',
  undoCorrection: 'corpusNavigator.undoCorrection',
  ...ARCHIVE_COMMANDS,
} as const;

/** The correction commands a hover card links to. */
export const CORRECTION_COMMANDS: readonly string[] = [Commands.notAnEntity, Commands.mergeWith, Commands.splitMention, Commands.renameEntity];

/** The commands hover links may run (`MarkdownString.isTrusted.enabledCommands`). */
export const HOVER_LINK_COMMANDS: readonly string[] = [Commands.openMention, Commands.showAllMentions, Commands.showTimeline, Commands.showEntityCard, ...CORRECTION_COMMANDS];

/** The commands an archive hover card links to. */
export const ARCHIVE_HOVER_COMMANDS: readonly string[] = [ARCHIVE_COMMANDS.openArchiveSpan, ARCHIVE_COMMANDS.showArchiveMentions, ARCHIVE_COMMANDS.showArchiveTimeline];

/** Webview panel types. */
export const Panels = {
  timeline: 'corpusNavigator.timeline',
} as const;

export const Views = {
  container: 'corpusNavigator',
  articles: 'corpusNavigator.articles',
  archive: 'corpusNavigator.archive',
} as const;

export const Settings = {
  section: 'corpusNavigator',
  folders: 'folders',
  hoverMaxMentions: 'hover.maxMentions',
  hoverOrder: 'hover.order',
  treeRevealActiveArticle: 'tree.revealActiveArticle',
  semanticHighlightingEnabled: 'semanticHighlighting.enabled',
  maxFileSizeMB: 'maxFileSizeMB',
  indexingWorkers: 'indexing.workers',
  entityTypes: 'entities.types',
  archives: 'archives',
  archiveTimeoutSeconds: 'archive.timeoutSeconds',
} as const;

export const ContextKeys = {
  hasCorpus: 'corpusNavigator.hasCorpus',
  indexing: 'corpusNavigator.indexing',
  filtered: 'corpusNavigator.filtered',
  groupBy: 'corpusNavigator.groupBy',
  isArticle: 'corpusNavigator.isArticle',
  /** 'disconnected' | 'connecting' | 'connected' | 'failed' */
  archiveState: 'corpusNavigator.archiveState',
  hasArchives: 'corpusNavigator.hasArchives',
} as const;

/** Keys in `context.workspaceState`. */
export const StateKeys = {
  addedFolders: 'corpusNavigator.addedFolders',
  removedFolders: 'corpusNavigator.removedFolders',
  groupBy: 'corpusNavigator.groupBy',
  /** The archive connected when the window last closed, connected again on start. */
  connectedArchive: 'corpusNavigator.connectedArchive',
} as const;

export const SemanticTokens = {
  person: 'person',
  organization: 'organization',
  place: 'place',
  speaker: 'speaker',
  boilerplate: 'boilerplate',
} as const;

/** Full setting name, e.g. `corpusNavigator.hover.maxMentions`. */
export function settingId(key: (typeof Settings)[Exclude<keyof typeof Settings, 'section'>]): string {
  return `${Settings.section}.${key}`;
}
