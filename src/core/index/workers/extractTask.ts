// What a worker does with one article: read it (as the loader would), extract it, and pack the result.
import { extractArticle } from '../../extract/article';
import { errorMessage, readCorpusFile } from '../../extract/loader';
import { NodeFileSystem } from '../../extract/nodeFileSystem';
import { encodeExtraction } from './codec';
import type { TaskOutput } from './serve';
import type { CorpusConfig } from '../../types';

export interface ExtractRequest {
  absPath: string;
  /** Relative to the corpus root, as the article's path. */
  path: string;
  /** From the stat the main thread made for the cache lookup. */
  size: number;
  mtime: number;
  maxFileSizeBytes?: number;
}

/** An encoded extraction (codec.ts), or why the file is skipped: the same reasons as when read in-thread. */
export type ExtractResponse = { ok: true; buffer: ArrayBuffer } | { ok: false; reason: string };

/**
 * Node's fs, reading synchronously whatever a read takes: a worker has nothing else to do meanwhile, and a file
 * read in one call costs no hops through libuv's thread pool or wake-ups of the worker's event loop.
 */
const fs = new NodeFileSystem(Number.POSITIVE_INFINITY);

export async function extractFile(request: ExtractRequest, config: CorpusConfig): Promise<TaskOutput> {
  const read = await readCorpusFile(fs, request.absPath, { maxFileSizeBytes: request.maxFileSizeBytes, knownStat: request });
  if (!read.ok) return { result: { ok: false, reason: read.reason } satisfies ExtractResponse };
  let buffer: ArrayBuffer;
  try {
    buffer = encodeExtraction(extractArticle(request.path, read.text, read.encoding, config));
  } catch (error) {
    return { result: { ok: false, reason: `extraction failed: ${errorMessage(error)}` } satisfies ExtractResponse };
  }
  return { result: { ok: true, buffer } satisfies ExtractResponse, transfer: [buffer] };
}
