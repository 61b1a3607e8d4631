// corpus.yaml: per-article metadata, aliases and names that are never people.
import type { CorpusConfig, ExternalMetadataConfig } from '../types';
import { METADATA_FIELDS } from './yamlReader';
import { readYaml, YamlReader } from './yamlReader';
import type { Document, Node } from 'yaml';

const TOP_LEVEL_KEYS = ['articles', 'aliases', 'notPeople', 'metadata', 'fileNames'];
const MAX_CONFIG_CHARS = 5 * 1024 * 1024;

export function emptyCorpusConfig(): CorpusConfig {
  return { articles: {}, aliases: {}, notPeople: [], problems: [] };
}

/** Normalises a path key from corpus.yaml to the index's form: forward slashes, no leading "./". */
export function normaliseArticleKey(key: string): string {
  return key.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

export function parseCorpusYaml(text: string): CorpusConfig {
  const config = emptyCorpusConfig();
  if (text.length > MAX_CONFIG_CHARS) {
    config.problems.push({ message: 'corpus.yaml is larger than 5 MB: ignored', line: 0, column: 0, severity: 'error' });
    return config;
  }
  let reader: YamlReader;
  let doc: Document;
  try {
    const parsed = readYaml(text);
    doc = parsed.doc;
    reader = new YamlReader(doc, parsed.lineCounter);
  } catch (error) {
    config.problems.push({ message: `corpus.yaml could not be read: ${String(error)}`, line: 0, column: 0, severity: 'error' });
    return config;
  }
  try {
    if (reader.reportSyntaxErrors()) {
      config.problems = reader.problems;
      return config;
    }
    for (const [key, keyNode, valueNode] of reader.entries(doc.contents as Node | null, 'corpus.yaml')) {
      if (key === 'articles') {
        for (const [path, , articleNode] of reader.entries(valueNode, 'articles')) {
          config.articles[normaliseArticleKey(path)] = reader.metadata(articleNode, `articles: ${path}`, true);
        }
      } else if (key === 'aliases') {
        for (const [canonical, , variantsNode] of reader.entries(valueNode, 'aliases')) {
          config.aliases[canonical.trim()] = reader.textList(variantsNode, `aliases: ${canonical}`);
        }
      } else if (key === 'notPeople') {
        config.notPeople = reader.textList(valueNode, 'notPeople');
      } else if (key === 'metadata' || key === 'fileNames') {
        readExternalMetadata(reader, key, valueNode, config);
      } else {
        reader.report(keyNode, `unknown key "${key}" (expected ${TOP_LEVEL_KEYS.join(', ')})`);
      }
    }
  } catch (error) {
    // A bug here must not take the corpus down: report it and keep what was read.
    reader.report(null, `corpus.yaml could not be read: ${String(error)}`, 'error');
  }
  config.problems = reader.problems;
  return config;
}


// ---------------------------------------------------------------------------------------------------
// Metadata outside the articles: `metadata: {file: metadata.csv, columns: {path: file, title: headline}}` and
// `fileNames: "{outlet}/{date}-{slug}.txt"` (or a list of patterns).

const TABLE_KEYS = ['file', 'columns'];
const COLUMN_FIELDS: readonly string[] = ['path', ...METADATA_FIELDS];

function externalOf(config: CorpusConfig): ExternalMetadataConfig {
  return (config.external ??= { table: null, rows: {}, fileNames: [] });
}

function readExternalMetadata(reader: YamlReader, key: 'metadata' | 'fileNames', node: Node | null, config: CorpusConfig): void {
  if (key === 'fileNames') {
    const patterns = reader.textList(node, 'fileNames');
    for (const pattern of patterns) if (!/\{\w+\}/.test(pattern)) reader.report(node, `fileNames: "${pattern}" has no {field}`);
    externalOf(config).fileNames = patterns.filter((pattern) => /\{\w+\}/.test(pattern));
    return;
  }
  let file: string | null = null;
  const columns: Partial<Record<string, string>> = {};
  for (const [name, nameNode, valueNode] of reader.entries(node, 'metadata')) {
    if (name === 'file') file = reader.text(valueNode, 'metadata: file')?.trim() || null;
    else if (name === 'columns') {
      for (const [field, fieldNode, columnNode] of reader.entries(valueNode, 'metadata: columns')) {
        if (!COLUMN_FIELDS.includes(field)) {
          reader.report(fieldNode, `unknown field "${field}" in metadata: columns (expected ${COLUMN_FIELDS.join(', ')})`);
          continue;
        }
        const column = reader.text(columnNode, `metadata: columns: ${field}`)?.trim();
        if (column) columns[field] = column;
      }
    } else reader.report(nameNode, `unknown key "${name}" in metadata (expected ${TABLE_KEYS.join(', ')})`);
  }
  if (file === null) {
    reader.report(node, 'metadata needs a file (a .csv or .jsonl table keyed by article path)');
    return;
  }
  if (!/\.(?:csv|tsv|jsonl|ndjson)$/i.test(file)) reader.report(node, `metadata: file "${file}" should be a .csv, .tsv or .jsonl table`);
  externalOf(config).table = { file: normaliseArticleKey(file), columns };
}
