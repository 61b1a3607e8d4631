// The read API of an indexed corpus, as the editor features and the CLI see it.
// Implemented by `CorpusIndex` (corpusIndex.ts). Features depend on this interface only.
import type { Article, CorpusConfig, Mention, Person, Quote } from './types';

export interface CorpusReader {
  /** Absolute path of the corpus root folder. */
  readonly root: string;
  readonly config: CorpusConfig;
  /** Articles sorted by path. */
  articles(): readonly Article[];
  article(path: string): Article | undefined;
  /** People sorted by mention count, most mentioned first. */
  people(): readonly Person[];
  person(id: string): Person | undefined;
  /** All quotes, in path then offset order. */
  quotes(): readonly Quote[];
  quotesIn(path: string): readonly Quote[];
  quotesBy(personId: string): readonly Quote[];
  /** Mentions in one article, by offset. */
  mentionsIn(path: string): readonly Mention[];
  /** The mention whose span contains `offset` (start <= offset <= end), if any. */
  mentionAt(path: string, offset: number): Mention | undefined;
  /** The quote whose span contains `offset`, if any. */
  quoteAt(path: string, offset: number): Quote | undefined;
  /** Skipped or failed files with a one-line reason, for the output channel. */
  problems(): readonly { path: string; message: string }[];
}

export interface CorpusWriter {
  /** Re-extracts one article from new text (a file change or an editor's unsaved buffer). */
  updateArticle(path: string, text: string): void;
  /** Re-reads one article from disk. */
  reloadArticle(path: string): Promise<void>;
  removeArticle(path: string): void;
  /** Called after any change, with the paths that changed. */
  onDidChange(listener: (paths: string[]) => void): { dispose(): void };
}

export type Corpus = CorpusReader & CorpusWriter;
