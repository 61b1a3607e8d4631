// Every command, view, setting and context-key ID the extension uses, in one place, so package.json,
// the features and the tests cannot drift apart.

export const EXTENSION_ID = 'corpus-navigator.corpus-navigator';
export const LANGUAGE_ID = 'news-article';
export const OUTPUT_CHANNEL_NAME = 'Corpus Navigator';

export const Commands = {
  addCorpus: 'corpusNavigator.addCorpus',
  removeCorpus: 'corpusNavigator.removeCorpus',
  refresh: 'corpusNavigator.refresh',
  searchQuotes: 'corpusNavigator.searchQuotes',
  searchPeople: 'corpusNavigator.searchPeople',
  nextMention: 'corpusNavigator.nextMention',
  previousMention: 'corpusNavigator.previousMention',
  groupBy: 'corpusNavigator.groupBy',
  groupByOutlet: 'corpusNavigator.groupByOutlet',
  groupByDate: 'corpusNavigator.groupByDate',
  groupByPerson: 'corpusNavigator.groupByPerson',
  filterArticles: 'corpusNavigator.filterArticles',
  clearFilter: 'corpusNavigator.clearFilter',
  showOutput: 'corpusNavigator.showOutput',
  /** Internal: opens one mention (or any span) of an article; used by hover links and tree items. */
  openMention: 'corpusNavigator.openMention',
  /** Internal: opens the references peek for a person; wraps `editor.action.showReferences`. */
  showAllMentions: 'corpusNavigator.showAllMentions',
  notAnEntity: 'corpusNavigator.notAnEntity',
  mergeWith: 'corpusNavigator.mergeWith',
  splitMention: 'corpusNavigator.splitMention',
  renameEntity: 'corpusNavigator.renameEntity',
  undoCorrection: 'corpusNavigator.undoCorrection',
} as const;

/** The correction commands a hover card links to. */
export const CORRECTION_COMMANDS: readonly string[] = [Commands.notAnEntity, Commands.mergeWith, Commands.splitMention, Commands.renameEntity];

/** The commands hover links may run (`MarkdownString.isTrusted.enabledCommands`). */
export const HOVER_LINK_COMMANDS: readonly string[] = [Commands.openMention, Commands.showAllMentions, ...CORRECTION_COMMANDS];

export const Views = {
  container: 'corpusNavigator',
  articles: 'corpusNavigator.articles',
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
} as const;

export const ContextKeys = {
  hasCorpus: 'corpusNavigator.hasCorpus',
  indexing: 'corpusNavigator.indexing',
  filtered: 'corpusNavigator.filtered',
  groupBy: 'corpusNavigator.groupBy',
  isArticle: 'corpusNavigator.isArticle',
} as const;

/** Keys in `context.workspaceState`. */
export const StateKeys = {
  addedFolders: 'corpusNavigator.addedFolders',
  removedFolders: 'corpusNavigator.removedFolders',
  groupBy: 'corpusNavigator.groupBy',
} as const;

export const SemanticTokens = {
  person: 'person',
  speaker: 'speaker',
} as const;

/** Full setting name, e.g. `corpusNavigator.hover.maxMentions`. */
export function settingId(key: (typeof Settings)[Exclude<keyof typeof Settings, 'section'>]): string {
  return `${Settings.section}.${key}`;
}
