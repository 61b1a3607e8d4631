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
}

/** Where each metadata field came from, for tooltips and debugging. */
export type MetadataSource = 'frontmatter' | 'corpus.yaml' | 'inferred';

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
  mentions: RawMention[];
  quotes: ExtractedQuote[];
}

/** A quote before identity resolution: the speaker is a mention index into the same article. */
export interface ExtractedQuote extends Span {
  text: string;
  group: number;
  partial: boolean;
  unmarked: boolean;
  /** Index into `ArticleExtraction.mentions` of the mention that names the speaker, or null. */
  speakerMention: number | null;
}

/** Corpus-wide configuration from `corpus.yaml`. */
export interface CorpusConfig {
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

/** Export schema v1: the contract other tools rely on. */
export interface CorpusExport {
  version: 1;
  articles: { path: string; title: string | null; outlet: string | null; date: string | null }[];
  people: {
    id: string;
    name: string;
    aliases: string[];
    roles: string[];
    mentions: { path: string; start: number; end: number; text: string }[];
  }[];
  quotes: { path: string; start: number; end: number; text: string; speaker: string | null }[];
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
