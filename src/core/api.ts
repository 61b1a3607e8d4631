// The read API of an indexed corpus, as the editor features and the CLI see it.
// Implemented by `CorpusIndex` (corpusIndex.ts). Features depend on this interface only.
import type { Article, CorpusConfig, Entity, Mention, Person, Quote } from './types';
import type { QuoteTrail } from './trails';

export interface CorpusReader {
  /** Absolute path of the corpus root folder. */
  readonly root: string;
  readonly config: CorpusConfig;
  /** Articles sorted by path. */
  articles(): readonly Article[];
  article(path: string): Article | undefined;
  /** Entities of every type sorted by mention count, most mentioned first. */
  entities(): readonly Entity[];
  /** An entity of any type by id. */
  entity(id: string): Entity | undefined;
  /** Entities of type person, sorted by mention count, most mentioned first. */
  people(): readonly Person[];
  /** A person by id (undefined for an id of another type). */
  person(id: string): Person | undefined;
  /** All quotes, in path then offset order. */
  quotes(): readonly Quote[];
  /** How many quotes `quotes()` holds, without making them. */
  quoteCount(): number;
  quotesIn(path: string): readonly Quote[];
  /** Quotes whose speaker is this person. */
  quotesBy(personId: string): readonly Quote[];
  /** Quotes whose source is this entity (a person or an organisation). */
  quotesFrom(entityId: string): readonly Quote[];
  /** Mentions of entities of every type in one article, by offset. */
  mentionsIn(path: string): readonly Mention[];
  /** The mention whose span contains `offset` (start <= offset <= end), if any. */
  mentionAt(path: string, offset: number): Mention | undefined;
  /** The quote whose span contains `offset`, if any. */
  quoteAt(path: string, offset: number): Quote | undefined;
  /** Quote trails (the same quote, whole, cut or lightly varied, in two or more articles), most articles first. */
  trails(): readonly QuoteTrail[];
  /** The trail of a quote, if another article carries it too. */
  trailOf(quote: Pick<Quote, 'path' | 'start'>): QuoteTrail | undefined;
  /** Skipped or failed files with a one-line reason, for the output channel. */
  problems(): readonly { path: string; message: string }[];
}

export interface CorpusWriter {
  /** Re-extracts one article from new text (a file change or an editor's unsaved buffer). */
  updateArticle(path: string, text: string): void;
  /** Re-reads one article from disk. */
  reloadArticle(path: string): Promise<void>;
  removeArticle(path: string): void;
  /** Builds what a load leaves for later (the quote trails) in slices that give the event loop back. */
  prepareTrails(): Promise<void>;
  /** Called after any change, with the paths that changed. */
  onDidChange(listener: (paths: string[]) => void): { dispose(): void };
}

export type Corpus = CorpusReader & CorpusWriter;
