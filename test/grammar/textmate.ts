// Tokenizes text with VS Code's own TextMate engine (vscode-textmate + the Oniguruma WASM build VS Code ships),
// so the grammar tests see exactly the scopes the editor would assign.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const ARTICLE_SCOPE = 'text.news-article';
export const MARKDOWN_INJECTION_SCOPE = 'text.news-article.markdown-injection';
export const MARKDOWN_SCOPE = 'text.html.markdown';

const STRING_BEGIN = 'punctuation.definition.string.begin.news-article';

let onigLib: Promise<vsctm.IOnigLib> | undefined;

function loadOniguruma(): Promise<vsctm.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = fs.readFileSync(path.join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    };
  })();
  return onigLib;
}

/** What package.json contributes: scope name -> grammar file, plus the scopes each injection grammar targets. */
interface GrammarContribution {
  scopeName: string;
  path: string;
  injectTo?: string[];
}

export function contributedGrammars(): GrammarContribution[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    contributes?: { grammars?: GrammarContribution[] };
  };
  return manifest.contributes?.grammars ?? [];
}

export interface TokenizedLine {
  text: string;
  /** scopes[i] = the scope stack of character i, outermost first. */
  scopes: string[][];
  /** tokenStarts[i] = a token starts at character i. */
  tokenStarts: boolean[];
}

export class Tokenizer {
  private constructor(private readonly grammar: vsctm.IGrammar) {}

  /**
   * Loads a grammar the way VS Code does: grammars and injections come from package.json's contributes.grammars;
   * `extraGrammars` stand in for grammars of other extensions (a Markdown host grammar in the injection tests).
   */
  static async create(scopeName: string, extraGrammars: Record<string, object> = {}): Promise<Tokenizer> {
    const contributions = contributedGrammars();
    const registry = new vsctm.Registry({
      onigLib: loadOniguruma(),
      loadGrammar: async (scope) => {
        const extra = extraGrammars[scope];
        if (extra) return vsctm.parseRawGrammar(JSON.stringify(extra), `${scope}.json`);
        const contribution = contributions.find((c) => c.scopeName === scope);
        if (!contribution) return null;
        const file = path.join(repoRoot, contribution.path);
        return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
      },
      getInjections: (scope) => contributions.filter((c) => c.injectTo?.includes(scope)).map((c) => c.scopeName),
    });
    const grammar = await registry.loadGrammar(scopeName);
    if (!grammar) throw new Error(`grammar ${scopeName} not found`);
    return new Tokenizer(grammar);
  }

  /** Tokenizes line by line, carrying the rule stack across lines as the editor does. */
  tokenize(text: string): TokenizedLine[] {
    let ruleStack = vsctm.INITIAL;
    return text.split(/\r?\n/).map((line) => {
      const result = this.grammar.tokenizeLine(line, ruleStack);
      ruleStack = result.ruleStack;
      const scopes: string[][] = [];
      const tokenStarts: boolean[] = [];
      for (const token of result.tokens) {
        tokenStarts[token.startIndex] = true;
        for (let i = token.startIndex; i < Math.min(token.endIndex, line.length); i++) scopes[i] = token.scopes;
      }
      return { text: line, scopes, tokenStarts };
    });
  }
}

/**
 * The maximal runs of text carrying `scope` (an exact scope name), in document order. For string scopes a run is one
 * string: it is split where a new string of that scope opens, and a run that reaches the end of a line continues on
 * the next line when that line starts inside the string without opening a new one (joined with "\n"). A quote that
 * wrongly bleeds over a blank line therefore shows up as an extra run.
 */
export function scopeRuns(lines: TokenizedLine[], scope: string): string[] {
  const isString = scope.startsWith('string.');
  const runs: string[] = [];
  let lastRunReachedLineEnd = false;
  for (const line of lines) {
    const inScope = (i: number): boolean => line.scopes[i]?.includes(scope) ?? false;
    // The begin mark of a string is a token whose scope has the string's scope directly above the punctuation scope.
    const opensString = (i: number): boolean => {
      if (!line.tokenStarts[i]) return false;
      const stack = line.scopes[i];
      const mark = stack.indexOf(STRING_BEGIN);
      return mark > 0 && stack[mark - 1] === scope;
    };
    const continuesFromPreviousLine = isString && lastRunReachedLineEnd && inScope(0) && !opensString(0);
    lastRunReachedLineEnd = false;
    let i = 0;
    while (i < line.text.length) {
      if (!inScope(i)) {
        i++;
        continue;
      }
      const start = i++;
      while (i < line.text.length && inScope(i) && !(isString && opensString(i))) i++;
      const text = line.text.slice(start, i);
      if (start === 0 && continuesFromPreviousLine) runs[runs.length - 1] += '\n' + text;
      else runs.push(text);
      lastRunReachedLineEnd = i === line.text.length;
    }
  }
  return runs;
}
