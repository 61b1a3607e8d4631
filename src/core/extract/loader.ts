// Finding and decoding the articles of a corpus folder. Nothing here writes to disk.
import * as nodePath from 'path';
import { DEFAULT_SLICE_MS, SliceClock, sortSteps } from '../util/steps';
import type { FileSystem } from '../types';
import { WINDOWS_1252_HIGH } from '../util/windows1252';

export const CORPUS_CONFIG_FILE = 'corpus.yaml';
/** Nested deeper than this is almost certainly a generated tree or a loop the fs cannot tell us about. */
const MAX_FOLDER_DEPTH = 64;

export interface CorpusFile {
  /** Relative to the corpus root, forward slashes. */
  path: string;
  absPath: string;
}

export interface LoadProblem {
  path: string;
  message: string;
}

export function isCorpusFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.txt') || lower.endsWith('.md');
}

function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export function toRelativePath(root: string, absPath: string): string {
  return nodePath.relative(root, absPath).split(nodePath.sep).join('/');
}

/**
 * Lists `.txt`/`.md` files under `root`, sorted by relative path. Skips hidden entries and `node_modules`.
 * Symlinked folders are followed only when `fs.realpath` exists, and each real folder is visited once,
 * so a symlink loop ends the walk instead of recursing. Gives the event loop back after every `sliceMs` of
 * work (a folder can hold tens of thousands of files).
 */
export async function listCorpusFiles(
  root: string,
  fs: FileSystem,
  options: { signal?: AbortSignal; sliceMs?: number } = {},
): Promise<{ files: CorpusFile[]; problems: LoadProblem[] }> {
  const clock = new SliceClock(options.sliceMs ?? DEFAULT_SLICE_MS, options.signal);
  const files: CorpusFile[] = [];
  const problems: LoadProblem[] = [];
  const visitedFolders = new Set<string>();
  if (fs.realpath) visitedFolders.add(await fs.realpath(root));
  const pending: { absPath: string; depth: number }[] = [{ absPath: root, depth: 0 }];

  while (pending.length > 0) {
    options.signal?.throwIfAborted();
    const folder = pending.pop()!;
    let entries: Awaited<ReturnType<FileSystem['readDirectory']>>;
    try {
      entries = await fs.readDirectory(folder.absPath);
    } catch (error) {
      // The root itself failing is the caller's error; a subfolder failing (deleted meanwhile) is a problem.
      if (folder.depth === 0) throw error;
      problems.push({ path: toRelativePath(root, folder.absPath), message: `folder not readable: ${errorMessage(error)}` });
      continue;
    }
    // Real folders before symlinks, so a folder is listed under its own path rather than through a link.
    const ordered = [...entries.filter((e) => e.type !== 'symlink'), ...entries.filter((e) => e.type === 'symlink')];
    for (const entry of ordered) {
      if (clock.due) await clock.yield();
      if (entry.name.startsWith('.') || (entry.type !== 'file' && isSkippedFolder(entry.name))) continue;
      const absPath = nodePath.join(folder.absPath, entry.name);
      let type = entry.type;
      if (type === 'symlink') {
        try {
          type = (await fs.stat(absPath)).type;
        } catch {
          if (isCorpusFileName(entry.name)) problems.push({ path: toRelativePath(root, absPath), message: 'broken symlink: skipped' });
          continue;
        }
        if (type === 'directory') {
          if (isSkippedFolder(entry.name)) continue;
          if (!fs.realpath) continue;
          let real: string;
          try {
            real = await fs.realpath(absPath);
          } catch {
            continue;
          }
          if (visitedFolders.has(real)) {
            problems.push({ path: toRelativePath(root, absPath), message: 'symlinked folder already indexed (loop or duplicate): not followed' });
            continue;
          }
          visitedFolders.add(real);
        }
      } else if (type === 'directory' && fs.realpath) {
        try {
          const real = await fs.realpath(absPath);
          if (visitedFolders.has(real)) continue; // Already reached through a symlink.
          visitedFolders.add(real);
        } catch {
          continue;
        }
      }
      if (type === 'directory') {
        if (folder.depth + 1 > MAX_FOLDER_DEPTH) {
          problems.push({ path: toRelativePath(root, absPath), message: `nested deeper than ${MAX_FOLDER_DEPTH} folders: skipped` });
          continue;
        }
        pending.push({ absPath, depth: folder.depth + 1 });
      } else if (type === 'file' && isCorpusFileName(entry.name)) {
        files.push({ path: toRelativePath(root, absPath), absPath });
      }
    }
  }
  await clock.run(sortSteps(files, (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
  return { files, problems };
}

export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'windows-1252' }
  | { ok: false; reason: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// Windows-1252 is Latin-1 except for 0x80-0x9F. Node's TextDecoder('windows-1252') decodes those as Latin-1
// control characters (a known Node bug), and iconv-lite would add 450 KB of CJK tables to the bundle, so the
// 32 differing code points are mapped here (undefined bytes keep their Latin-1 value, as WHATWG specifies).
function decodeWindows1252(bytes: Uint8Array): string {
  const CHUNK = 8192;
  let text = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const byte = bytes[i];
      codes[i - start] = byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : byte;
    }
    text += String.fromCharCode(...codes);
  }
  return text;
}

/** UTF-8 (BOM stripped), else Windows-1252. Binary (NUL bytes) and UTF-16 are refused with a reason. */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, reason: 'UTF-16 text is not supported: save it as UTF-8' };
  }
  if (bytes.indexOf(0) !== -1) return { ok: false, reason: 'binary file (contains NUL bytes): skipped' };
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: strictUtf8.decode(body), encoding: 'utf-8' };
  } catch {
    return { ok: true, text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

export type ReadResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'windows-1252'; size: number; mtime: number }
  | { ok: false; reason: string };

/** Reads and decodes one article; never throws (a vanished or unreadable file is a reason). */
export async function readCorpusFile(
  fs: FileSystem,
  absPath: string,
  options: { maxFileSizeBytes?: number; knownStat?: { size: number; mtime: number } } = {},
): Promise<ReadResult> {
  try {
    const stat = options.knownStat ?? (await fs.stat(absPath));
    if (options.maxFileSizeBytes !== undefined && stat.size > options.maxFileSizeBytes) {
      return { ok: false, reason: `larger than the ${formatMB(options.maxFileSizeBytes)} limit (${formatMB(stat.size)}): skipped` };
    }
    const decoded = decodeBytes(await fs.readFile(absPath));
    if (!decoded.ok) return decoded;
    // A literal, not a spread: spreading the decoded result made a new hidden class per file.
    return { ok: true, text: decoded.text, encoding: decoded.encoding, size: stat.size, mtime: stat.mtime };
  } catch (error) {
    return { ok: false, reason: `not readable: ${errorMessage(error)}` };
  }
}

/** A small text file of the corpus (a metadata table) decoded like an article; null when it is not readable. */
export async function readTextFile(fs: FileSystem, absPath: string): Promise<string | null> {
  try {
    const decoded = decodeBytes(await fs.readFile(absPath));
    return decoded.ok ? decoded.text : null;
  } catch {
    return null;
  }
}

function formatMB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split(/\r?\n/, 1)[0];
}
