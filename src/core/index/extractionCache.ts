// Where extractions are kept between sessions, keyed by what makes one still valid.
import type { ArticleExtraction } from '../types';

/**
 * Where the extension keeps extractions between sessions (its own storage, never the corpus folder).
 * An entry is valid only for the same size, mtime and fingerprint (extractor version + corpus.yaml).
 */
export interface ExtractionCache {
  get(path: string, size: number, mtime: number, fingerprint: string): ArticleExtraction | undefined | Promise<ArticleExtraction | undefined>;
  set(path: string, size: number, mtime: number, fingerprint: string, extraction: ArticleExtraction): void | Promise<void>;
}

/** One cached extraction with the file size, mtime and fingerprint it is valid for. */
export interface CacheEntry {
  size: number;
  mtime: number;
  fingerprint: string;
  extraction: ArticleExtraction;
}

/** Whether a cache entry is still valid for a file of this size, mtime and fingerprint. */
export function isValidFor(entry: CacheEntry, size: number, mtime: number, fingerprint: string): boolean {
  return entry.size === size && entry.mtime === mtime && entry.fingerprint === fingerprint;
}

/** A cache held in memory for one session. */
export class MemoryExtractionCache implements ExtractionCache {
  private readonly entries = new Map<string, CacheEntry>();

  get(path: string, size: number, mtime: number, fingerprint: string): ArticleExtraction | undefined {
    const entry = this.entries.get(path);
    return entry && isValidFor(entry, size, mtime, fingerprint) ? entry.extraction : undefined;
  }

  set(path: string, size: number, mtime: number, fingerprint: string, extraction: ArticleExtraction): void {
    this.entries.set(path, { size, mtime, fingerprint, extraction });
  }

  get size(): number {
    return this.entries.size;
  }
}
