// A `FileSystem` backed by Node's fs, for the CLI, unit tests and the extension host (file: URIs).
import { promises as fsp, readFile } from 'fs';
import type { FileSystem } from '../types';

export class NodeFileSystem implements FileSystem {
  /** The callback `readFile`: in Node 20 it reads a small file in one go, about twice as fast as `fsp.readFile`. */
  readFile(absPath: string): Promise<Uint8Array> {
    return new Promise((resolve, reject) => readFile(absPath, (error, bytes) => (error ? reject(error) : resolve(bytes))));
  }

  async readDirectory(absPath: string): Promise<{ name: string; type: 'file' | 'directory' | 'symlink' | 'other' }[]> {
    const entries = await fsp.readdir(absPath, { withFileTypes: true });
    return entries.map((entry) => ({
      name: entry.name,
      type: entry.isSymbolicLink() ? 'symlink' : entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other',
    }));
  }

  /** Follows symlinks, like `workspace.fs.stat`. */
  async stat(absPath: string): Promise<{ size: number; mtime: number; type: 'file' | 'directory' | 'other' }> {
    const stats = await fsp.stat(absPath);
    return {
      size: stats.size,
      mtime: stats.mtimeMs,
      type: stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : 'other',
    };
  }

  async realpath(absPath: string): Promise<string> {
    return fsp.realpath(absPath);
  }
}
