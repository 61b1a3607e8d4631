// A metadata table beside the articles (corpus.yaml `metadata: {file, columns}`): CSV, TSV or JSON Lines, one
// row per article, keyed by its path. Columns are mapped to fields by corpus.yaml, or named like the fields.
import { normaliseArticleKey } from './corpusYaml';
import { parseDate } from './dates';
import { METADATA_FIELDS } from './yamlReader';
import type { ArticleMetadata, ConfigProblem, CorpusConfig, ExternalMetadataConfig } from '../types';

export interface MetadataTable {
  rows: Record<string, Partial<ArticleMetadata>>;
  problems: ConfigProblem[];
}

/** Rows of a CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) or TSV text. */
export function parseDelimited(text: string, delimiter: ',' | '\t'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.length > 1 || row[0] !== '') rows.push(row);
  return rows;
}

/** The table's records as column -> text, with the 1-based line each starts on for problems. */
function records(text: string, file: string): { values: Record<string, string>; line: number }[] | string {
  if (/\.(?:jsonl|ndjson)$/i.test(file)) {
    const result: { values: Record<string, string>; line: number }[] = [];
    const lines = text.split(/\r?\n/);
    for (let n = 0; n < lines.length; n++) {
      const line = lines[n].trim();
      if (line === '') continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        return `${file}:${n + 1}: not a JSON object`;
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return `${file}:${n + 1}: not a JSON object`;
      const values: Record<string, string> = {};
      for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string' || typeof value === 'number') values[key] = String(value);
      result.push({ values, line: n + 1 });
    }
    return result;
  }
  const rows = parseDelimited(text, /\.tsv$/i.test(file) ? '\t' : ',');
  if (rows.length === 0) return [];
  const header = rows[0].map((name) => name.trim());
  return rows.slice(1).map((row, n) => ({ values: Object.fromEntries(header.map((name, k) => [name, row[k] ?? ''])), line: n + 2 }));
}

/** Reads the table named in corpus.yaml; problems name the file and line (they are not corpus.yaml's lines). */
export function parseMetadataTable(text: string, table: NonNullable<ExternalMetadataConfig['table']>): MetadataTable {
  const problems: ConfigProblem[] = [];
  const problem = (message: string) => problems.push({ message: `metadata: ${message}`, line: 0, column: 0, severity: 'warning' });
  const found = records(text, table.file);
  if (typeof found === 'string') {
    problem(found);
    return { rows: {}, problems };
  }
  const column = (field: string) => table.columns[field as keyof typeof table.columns] ?? field;
  const pathColumn = column('path');
  const rows: Record<string, Partial<ArticleMetadata>> = {};
  let missingPath = 0;
  for (const { values, line } of found) {
    const path = values[pathColumn]?.trim();
    if (!path) {
      missingPath++;
      continue;
    }
    const metadata: Partial<ArticleMetadata> = {};
    for (const field of METADATA_FIELDS) {
      const value = values[column(field)]?.trim();
      if (!value) continue;
      if (field === 'date') {
        const iso = parseDate(value);
        if (iso) metadata.date = iso;
        else problem(`${table.file}:${line}: "${value}" is not a date`);
      } else metadata[field] = value;
    }
    rows[normaliseArticleKey(path)] = metadata;
  }
  if (missingPath > 0) problem(`${table.file}: ${missingPath} row(s) without a "${pathColumn}" column value were skipped`);
  return { rows, problems };
}

/** Fills `config.external.rows` from the table's text (null: the file could not be read, which is a problem). */
export function applyMetadataTable(config: CorpusConfig, text: string | null): void {
  const external = config.external;
  if (!external?.table) return;
  if (text === null) {
    config.problems.push({ message: `metadata: ${external.table.file} could not be read`, line: 0, column: 0, severity: 'warning' });
    return;
  }
  const { rows, problems } = parseMetadataTable(text, external.table);
  external.rows = rows;
  config.problems.push(...problems);
}
