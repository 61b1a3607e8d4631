// Problems in each corpus' corpus.yaml (syntax errors, wrong types, unknown keys, the alias limit) as
// diagnostics in the Problems panel, at the line the core reported. The corpus itself indexes with defaults.
import * as path from 'path';
import * as vscode from 'vscode';
import { CORPUS_CONFIG_FILE } from '../../core/extract/loader';
import type { ConfigProblem } from '../../core/types';
import type { CorpusManager } from '../corpusManager';
import { OUTPUT_CHANNEL_NAME } from '../ids';

/** Line lengths of the file, so a diagnostic can underline from the column to the end of its line. */
async function lineLengths(uri: vscode.Uri): Promise<number[] | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return Array.from({ length: open.lineCount }, (_, i) => open.lineAt(i).text.length);
  try {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    return text.split(/\r\n|\r|\n/).map((line) => line.length);
  } catch {
    return undefined;
  }
}

export function toDiagnostic(problem: ConfigProblem, lengths: readonly number[] | undefined): vscode.Diagnostic {
  const line = Math.max(0, problem.line);
  const start = Math.max(0, problem.column);
  const lineLength = lengths?.[line];
  const end = lineLength !== undefined && lineLength > start ? lineLength : start + 1;
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(line, start, line, end),
    problem.message,
    problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  diagnostic.source = OUTPUT_CHANNEL_NAME;
  return diagnostic;
}

export function register(context: vscode.ExtensionContext, manager: CorpusManager): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('corpusNavigator.config');
  let generation = 0;
  const refresh = async () => {
    const mine = ++generation;
    const next = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
    for (const entry of manager.entries()) {
      const problems = entry.corpus?.config.problems ?? [];
      if (problems.length === 0) continue;
      const uri = vscode.Uri.file(path.join(entry.root, CORPUS_CONFIG_FILE));
      const lengths = await lineLengths(uri);
      next.set(uri.toString(), { uri, diagnostics: problems.map((p) => toDiagnostic(p, lengths)) });
    }
    if (mine !== generation) return; // A newer refresh started meanwhile.
    collection.clear();
    for (const { uri, diagnostics } of next.values()) collection.set(uri, diagnostics);
  };
  const schedule = () => void refresh().catch(() => undefined);
  context.subscriptions.push(collection, manager.onDidChange(schedule));
  schedule();
  return collection;
}
