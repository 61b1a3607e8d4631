// YAML reading shared by corpus.yaml and front matter: never throws, counts aliases, reports problems with
// 0-based line and column.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Alias, type Document, type Node } from 'yaml';
import type { ArticleMetadata, ConfigProblem } from '../types';
import { parseDate } from './dates';

/** The metadata fields of an article, in the order the extractor writes them. */
export const METADATA_FIELDS = ['title', 'outlet', 'date', 'url', 'byline', 'credit'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];
/** Enough for any honest corpus.yaml; an alias bomb hits it long before it costs memory. */
export const MAX_YAML_ALIASES = 100;


export class YamlReader {
  readonly problems: ConfigProblem[] = [];
  private aliasesResolved = 0;
  constructor(
    private readonly doc: Document,
    private readonly lineCounter: LineCounter,
    private readonly lineOffset = 0,
  ) {}

  report(node: Node | null | undefined, message: string, severity: ConfigProblem['severity'] = 'warning'): void {
    const offset = node?.range?.[0] ?? 0;
    const pos = this.lineCounter.linePos(offset);
    this.problems.push({ message, line: pos.line - 1 + this.lineOffset, column: pos.col - 1, severity });
  }

  reportSyntaxErrors(): boolean {
    for (const error of [...this.doc.errors, ...this.doc.warnings]) {
      const pos = error.linePos?.[0];
      const severity = this.doc.errors.includes(error as never) ? 'error' : 'warning';
      this.problems.push({
        message: error.message.split('\n', 1)[0],
        line: (pos ? pos.line - 1 : 0) + this.lineOffset,
        column: pos ? pos.col - 1 : 0,
        severity,
      });
    }
    return this.doc.errors.length > 0;
  }

  /** Follows an alias, counting them: the walk never expands more than MAX_YAML_ALIASES. */
  deref(node: unknown): Node | null {
    if (isAlias(node)) {
      if (++this.aliasesResolved > MAX_YAML_ALIASES) {
        if (this.aliasesResolved === MAX_YAML_ALIASES + 1) this.report(node, `more than ${MAX_YAML_ALIASES} aliases: the rest are ignored`, 'error');
        return null;
      }
      return this.resolveAlias(node);
    }
    return (node as Node | null) ?? null;
  }

  /**
   * The anchored node an alias points to. `Alias.resolve` walks the whole document on every call, which a
   * large corpus.yaml with many aliases turns into minutes; the anchors are collected once here instead.
   */
  private anchorsInOrder: Node[] | null = null;
  private resolveAlias(alias: Alias): Node | null {
    if (this.anchorsInOrder === null) {
      const nodes: Node[] = [];
      visit(this.doc, { Node: (_key, node) => void ((isAlias(node) || node.anchor) && nodes.push(node)) });
      this.anchorsInOrder = nodes;
    }
    let found: Node | null = null;
    for (const node of this.anchorsInOrder) {
      if (node === alias) break;
      if (node.anchor === alias.source) found = node;
    }
    return found;
  }

  /** Entries of a mapping node as [key text, key node, value node]; reports a non-mapping. */
  entries(node: Node | null, what: string): [string, Node | null, Node | null][] {
    const resolved = this.deref(node);
    if (resolved === null || (isScalar(resolved) && resolved.value === null)) return [];
    if (!isMap(resolved)) {
      this.report(resolved, `${what} should be a mapping`);
      return [];
    }
    const result: [string, Node | null, Node | null][] = [];
    const seen = new Set<string>();
    for (const pair of resolved.items) {
      const keyNode = this.deref(pair.key);
      if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
        this.report(keyNode, `${what}: keys should be plain text`);
        continue;
      }
      const key = String(keyNode.value);
      // Duplicates are found here (linear) rather than by the parser's uniqueKeys (quadratic per mapping).
      if (seen.has(key)) {
        this.report(keyNode, `${what}: duplicate key "${key}" (the first one is used)`);
        continue;
      }
      seen.add(key);
      result.push([key, keyNode, this.deref(pair.value)]);
    }
    return result;
  }

  /** A scalar as text; numbers are accepted (a title like 1984) but other types are reported. */
  text(node: Node | null, what: string): string | null {
    if (node === null) return null;
    if (isScalar(node)) {
      const value = node.value;
      if (value === null) return null;
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'bigint') return String(value);
      if (value instanceof Date) return value.toISOString().slice(0, 10);
    }
    this.report(node, `${what} should be text`);
    return null;
  }

  textList(node: Node | null, what: string): string[] {
    if (node === null) return [];
    if (isScalar(node)) {
      const single = this.text(node, what);
      return single === null ? [] : [single];
    }
    if (!isSeq(node)) {
      this.report(node, `${what} should be a list of names`);
      return [];
    }
    const result: string[] = [];
    for (const item of node.items) {
      const value = this.text(this.deref(item), `${what} entries`);
      if (value !== null && value.trim() !== '') result.push(value.trim());
    }
    return result;
  }

  /** An article's metadata fields; the values of `other.keys` (read elsewhere) are handed back in `other.found`. */
  metadata(node: Node | null, what: string, reportUnknown: boolean, other?: { keys: readonly string[]; found: Map<string, Node | null> }): Partial<ArticleMetadata> {
    const result: Partial<ArticleMetadata> = {};
    for (const [key, keyNode, valueNode] of this.entries(node, what)) {
      if (other && other.keys.includes(key)) {
        other.found.set(key, valueNode);
        continue;
      }
      if (!(METADATA_FIELDS as readonly string[]).includes(key)) {
        if (reportUnknown) this.report(keyNode, `unknown key "${key}" in ${what} (expected ${[...METADATA_FIELDS, ...(other?.keys ?? [])].join(', ')})`);
        continue;
      }
      const field = key as MetadataField;
      const value = this.text(valueNode, `${what}: ${field}`)?.trim() ?? null;
      if (value === null || value === '') continue;
      if (field === 'date') {
        const iso = parseDate(value);
        if (iso === null) {
          this.report(valueNode, `${what}: date "${value}" is not a date (use YYYY-MM-DD)`);
          continue;
        }
        result.date = iso;
      } else {
        result[field] = value;
      }
    }
    return result;
  }
}

export function readYaml(text: string): { doc: Document; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  // Aliases are never expanded by toJS here: the walk derefs them one by one, counted. Duplicate keys are
  // reported by YamlReader.entries: the parser's own check (uniqueKeys) is quadratic in a mapping's size.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: true });
  return { doc, lineCounter };
}

/** Parses corpus.yaml. Never throws: problems carry 0-based line/column, and bad parts fall back to defaults. */
