// The only place that converts core offsets (string indices into an article's decoded text) to and from
// VS Code positions. An open document is the truth when there is one (its unsaved text is what the index
// holds); otherwise positions are computed from the indexed text with the same line-break rules VS Code
// uses (\r\n, \n and a lone \r each end a line).
import * as vscode from 'vscode';
import { upperBoundOfNumbers } from '../core/util/sortedSearch';
import type { Span } from '../core/types';

interface LineTable {
  text: string;
  starts: number[];
}

// One table per text; re-built only when the text changes. Keyed by the text's owner (uri string).
const lineTables = new Map<string, LineTable>();
const MAX_CACHED_TABLES = 256;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

function tableFor(key: string, text: string): number[] {
  const cached = lineTables.get(key);
  if (cached && cached.text === text) return cached.starts;
  if (lineTables.size >= MAX_CACHED_TABLES) lineTables.delete(lineTables.keys().next().value as string);
  const starts = lineStarts(text);
  lineTables.set(key, { text, starts });
  return starts;
}

/** Position of `offset` in `text` (clamped to the text). `key` identifies the text for caching. */
export function positionInText(key: string, text: string, offset: number): vscode.Position {
  const clamped = Math.max(0, Math.min(offset, text.length));
  const starts = tableFor(key, text);
  // The last line starting at or before the offset (line 0 starts at 0).
  const line = upperBoundOfNumbers(starts, clamped) - 1;
  return new vscode.Position(line, clamped - starts[line]);
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const wanted = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === wanted);
}

/** Range of a span in an article: through its open document if any, else through the indexed text. */
export function spanToRange(uri: vscode.Uri, text: string, span: Span): vscode.Range {
  const doc = openDocument(uri);
  if (doc && doc.getText().length === text.length) {
    return new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
  }
  const key = uri.toString();
  return new vscode.Range(positionInText(key, text, span.start), positionInText(key, text, span.end));
}

export function spanToLocation(uri: vscode.Uri, text: string, span: Span): vscode.Location {
  return new vscode.Location(uri, spanToRange(uri, text, span));
}

/** Range of a span in a document that is known to match the index. */
export function documentRange(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

export function documentOffset(document: vscode.TextDocument, position: vscode.Position): number {
  return document.offsetAt(position);
}

/** Span of a range in a document. */
export function rangeToSpan(document: vscode.TextDocument, range: vscode.Range): Span {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}
