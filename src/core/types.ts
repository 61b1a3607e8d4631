// The shared vocabulary of the core. Offsets are JavaScript string indices into the decoded text
// (BOM stripped, line endings untouched), so they equal `TextDocument.offsetAt` in VS Code.

/** A half-open character range [start, end) into an article's decoded text. */
export interface Span {
  start: number;
  end: number;
}

export interface ArticleMetadata {
  title: string | null;
  outlet: string | null;
  /** ISO date `YYYY-MM-DD`. */
  date: string | null;
  url: string | null;
  byline: string | null;
  /** Who the story is credited to when that is not the outlet: a wire agency, a sister station ("The Associated Press"). */
  credit: string | null;
}

/** Where each metadata field came from, for tooltips and debugging. */
export type MetadataSource = 'frontmatter' | 'corpus.yaml' | 'metadata table' | 'file name' | 'inferred';

export interface Article extends ArticleMetadata {
  /** Path relative to the corpus root, with forward slashes. */
  path: string;
  text: string;
  /** Encoding the text was decoded from. */
  encoding: 'utf-8' | 'windows-1252';
  /** Ranges of boilerplate (ads, donation pleas, footers, repeated captions): kept out of extraction. */
  boilerplate: Span[];
  /** Range of Markdown front matter, if any: kept out of extraction. */
  frontMatter: Span | null;
  /** Where each known metadata field came from (absent fields are unknown). */
  metadataSources?: Partial<Record<keyof ArticleMetadata, MetadataSource>>;
}

/** A person mention found in one article, before corpus-wide identity resolution. */
export interface RawMention extends Span {
  /** The exact text of the span, e.g. "Sir Michael Fallon". */
  text: string;
  /** Honorific or rank attached to the name and included in the span ("Sir", "Gen", "Mr"). */
  honorific: string | null;
  /** The name without honorific, split into tokens: ["Michael", "Fallon"]. */
  nameParts: string[];
  /** Office title or description seen next to this mention ("Defence Secretary", "the Ukip leader"). */
  role: string | null;
  /**
   * A lone capitalised word mid-sentence that this article alone does not confirm as a name ("deter Putin"):
   * identity resolution keeps it only when a person with that surname is known in the corpus.
   */
  tentative?: boolean;
}

/** The entity types other than person: found by the entity tagger and rules, resolved by name. */
export type NamedEntityType = Exclude<EntityType, 'person'>;

/** An organisation or place mention found in one article, before corpus-wide identity resolution. */
export interface RawEntityMention extends Span {
  /** The exact text of the span, CoNLL-style: no leading "the" ("Kremlin", "Foreign Office"). */
  text: string;
  type: NamedEntityType;
  /** The long form an acronym stands for where the article defines it: "Nato" in "the North Atlantic Treaty Organization (Nato)". */
  expansion?: string;
}

/** What identity resolution reads of a mention: all but its offsets, so mentions of one name can share one. */
export type MentionForm = Omit<RawMention, keyof Span>;

/** What a named entity is: a person, an organisation (companies, parties, institutions) or a place. */
export type EntityType = 'person' | 'organization' | 'place';

/** A mention of a named entity of any type, resolved to its entity. */
export interface Mention extends Span {
  path: string;
  text: string;
  /** Id of the entity mentioned (`Entity.id`); its type is `entity(entityId).type`. */
  entityId: string;
}

/** One named entity with its identity across the corpus. */
export interface Entity {
  /**
   * Stable id: for people the slug of the canonical name ("michael-fallon"), unchanged from export v1; for
   * other types the type and the slug ("organization:nato", "place:russia"), so ids never collide across types.
   */
  id: string;
  type: EntityType;
  /** The fullest form of the name without honorific, e.g. "Michael Fallon". */
  name: string;
  /** Other forms seen in the corpus (with honorifics), excluding `name`. */
  aliases: string[];
  roles: string[];
  mentions: Mention[];
}

/** An entity of type `person`. */
export type Person = Entity;

export interface Quote extends Span {
  path: string;
  /** The words inside the marks. */
  text: string;
  /** Person id, or null when the speaker is anonymous or unknown. */
  speaker: string | null;
  /**
   * Entity id of who the quote is attributed to: the speaker when there is one, else an organisation
   * ("the Kremlin said", "a Foreign Office spokesman said"), else null.
   */
  source: string | null;
  /** Quotes that continue over several paragraphs share a group id (the start of the first part). */
  group: number;
  /** True for a fragment inside a sentence, false for a full quoted statement. */
  partial: boolean;
  /** True when the quote has no marks (introduced by "said:" and running to the paragraph end). */
  unmarked: boolean;
}

/** Per-file extraction result; the unit that is cached and re-indexed incrementally. */
export interface ArticleExtraction {
  article: Article;
  /** Person mentions, sorted by start. */
  mentions: RawMention[];
  quotes: ExtractedQuote[];
  /**
   * Organisation and place mentions, sorted by start; none overlaps a person mention but a tentative one (the
   * index lists the person where identity resolution keeps it, else the organisation or place). `extractArticle` always
   * sets it; a reader treats it as empty when absent (an extraction rebuilt by code that predates it).
   */
  entities?: RawEntityMention[];
}

/** A quote before identity resolution: the speaker is a mention index into the same article. */
export interface ExtractedQuote extends Span {
  text: string;
  group: number;
  partial: boolean;
  unmarked: boolean;
  /** Index into `ArticleExtraction.mentions` of the mention that names the speaker, or null. */
  speakerMention: number | null;
  /** Index into `ArticleExtraction.entities` of the organisation the quote is attributed to ("the Kremlin said"); absent when none. */
  sourceEntity?: number;
}

/** Metadata kept outside the articles, as corpus.yaml's `metadata:` and `fileNames:` declare it. */
export interface ExternalMetadataConfig {
  /** A table of metadata by article path (CSV or JSON Lines) and which of its columns holds which field. */
  table: { file: string; columns: Partial<Record<'path' | keyof ArticleMetadata, string>> } | null;
  /** The table's rows once read, by normalised article path. */
  rows: Record<string, Partial<ArticleMetadata>>;
  /** File-name patterns such as `{outlet}/{date}-{slug}.txt`. */
  fileNames: string[];
}

/** Corpus-wide configuration from `corpus.yaml`. */
export interface CorpusConfig {
  /** Metadata tables and file-name patterns; absent when corpus.yaml declares neither. */
  external?: ExternalMetadataConfig;
  /** Per-file metadata keyed by relative path. */
  articles: Record<string, Partial<ArticleMetadata>>;
  /** Canonical name -> its variants, in every article. */
  aliases: Record<string, string[]>;
  /** Names never an entity of any type (`notEntities`; `notPeople` is read as a synonym). */
  notEntities: string[];
  /** Entity id -> id of the entity it is the same as ("Merge With…"). */
  merge: Record<string, string>;
  /** Entity id -> the name it is shown under ("Rename"). */
  names: Record<string, string>;
  /** Corrections that hold in one article only, keyed by relative path (written under `articles:`). */
  articleCorrections: Record<string, ArticleCorrections>;
  /** Problems found while reading corpus.yaml, with 0-based line numbers. */
  problems: ConfigProblem[];
}

/** Corrections scoped to one article. */
export interface ArticleCorrections {
  /**
   * Canonical name -> forms that name it in this article only ("Kim" here is Kim Moran). A one-word canonical
   * is a person of this article alone: its forms are kept apart from the rest of the corpus.
   */
  aliases: Record<string, string[]>;
  /** Names that are no entity in this article. */
  notEntities: string[];
}

export interface ConfigProblem {
  message: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
}

/** A mention as the export writes it. */
export interface ExportedMention {
  path: string;
  start: number;
  end: number;
  text: string;
}

/**
 * Export schema v2: the contract other tools rely on. `people` and each quote's `speaker` keep their v1
 * meaning; `entities` lists every entity (people too, same ids as in `people`); a quote's `source` is the
 * entity its words are attributed to (its speaker, or an organisation), or null.
 */
export interface CorpusExport {
  version: 2;
  articles: { path: string; title: string | null; outlet: string | null; credit: string | null; date: string | null }[];
  people: {
    id: string;
    name: string;
    aliases: string[];
    roles: string[];
    mentions: ExportedMention[];
  }[];
  entities: {
    id: string;
    type: EntityType;
    name: string;
    aliases: string[];
    /** Present for people (as in `people`). */
    roles?: string[];
    mentions: ExportedMention[];
  }[];
  quotes: { path: string; start: number; end: number; text: string; speaker: string | null; source: string | null }[];
}

/** How the core reads files, so the extension can pass `workspace.fs` and tests an in-memory map. */
export interface FileSystem {
  readFile(absPath: string): Promise<Uint8Array>;
  /** Lists entries of a directory. */
  readDirectory(absPath: string): Promise<{ name: string; type: 'file' | 'directory' | 'symlink' | 'other' }[]>;
  stat(absPath: string): Promise<{ size: number; mtime: number; type: 'file' | 'directory' | 'other' }>;
  /** Canonical path with symlinks resolved; when absent, symlinked folders are not followed (no loop detection). */
  realpath?(absPath: string): Promise<string>;
}
