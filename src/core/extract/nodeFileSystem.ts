// A `FileSystem` backed by Node's fs, for the CLI, unit tests and the extension host (file: URIs).
import { promises as fsp, readFile, readFileSync, statSync, type Stats } from 'fs';
import type { FileSystem } from '../types';

/** A read or stat slower than this (a network share, a disk waking up) sends the next ones to the thread pool. */
const SLOW_MS = 10;
/** How many reads and stats go through the thread pool after a slow one before blocking ones are tried again. */
const ASYNC_AFTER_SLOW = 256;

type FileStat = { size: number; mtime: number; type: 'file' | 'directory' | 'other' };

export class NodeFileSystem implements FileSystem {
  /**
   * Reads and stats block while they are fast. A small article on a local disk or in the page cache is read in
   * tens of microseconds, less than the main thread spends on the thread-pool round trips of an asynchronous
   * read and stat (five per article, about a tenth of a load). After a slow one, the next go through the thread
   * pool, so a slow share stalls the load, not the extension host.
   */
  private asyncLeft = 0;

  /** `slowMs`: how slow a blocking read or stat may be before the next ones go through the thread pool. */
  constructor(private readonly slowMs = SLOW_MS) {}

  readFile(absPath: string): Promise<Uint8Array> {
    if (this.asyncLeft > 0) {
      this.asyncLeft--;
      // The callback `readFile`: in Node 20 it reads a small file in one go, about twice as fast as `fsp.readFile`.
      return new Promise((resolve, reject) => readFile(absPath, (error, bytes) => (error ? reject(error) : resolve(bytes))));
    }
    return this.timed(() => readFileSync(absPath));
  }

  async readDirectory(absPath: string): Promise<{ name: string; type: 'file' | 'directory' | 'symlink' | 'other' }[]> {
    const entries = await fsp.readdir(absPath, { withFileTypes: true });
    return entries.map((entry) => ({
      name: entry.name,
      type: entry.isSymbolicLink() ? 'symlink' : entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other',
    }));
  }

  /** Follows symlinks, like `workspace.fs.stat`. */
  stat(absPath: string): Promise<FileStat> {
    if (this.asyncLeft > 0) {
      this.asyncLeft--;
      return fsp.stat(absPath).then(fileStat);
    }
    return this.timed(() => fileStat(statSync(absPath)));
  }

  async realpath(absPath: string): Promise<string> {
    return fsp.realpath(absPath);
  }

  /** `operation`'s result (or error) as a promise, noting a slow one. */
  private timed<T>(operation: () => T): Promise<T> {
    const started = performance.now();
    try {
      return Promise.resolve(operation());
    } catch (error) {
      return Promise.reject(error);
    } finally {
      if (performance.now() - started > this.slowMs) this.asyncLeft = ASYNC_AFTER_SLOW;
    }
  }
}

function fileStat(stats: Stats): FileStat {
  return {
    size: stats.size,
    mtime: stats.mtimeMs,
    type: stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : 'other',
  };
}
