// corpus.yaml: per-article metadata, metadata from a sidecar table or file names (metadata, fileNames), and
// the corrections (corpusYamlCorrections.ts): aliases, names that are no entity, merges and renames.
import type { CorpusConfig, ExternalMetadataConfig } from '../types';
import { ARTICLE_CORRECTION_KEYS, CORRECTION_KEYS, readArticleCorrections, readCorrectionKey } from './corpusYamlCorrections';
import { METADATA_FIELDS, readYaml, YamlReader } from './yamlReader';
import type { Document, Node } from 'yaml';

const TOP_LEVEL_KEYS = ['articles', ...CORRECTION_KEYS, 'metadata', 'fileNames'];
const MAX_CONFIG_CHARS = 5 * 1024 * 1024;

export function emptyCorpusConfig(): CorpusConfig {
  return { articles: {}, aliases: {}, notEntities: [], merge: {}, names: {}, articleCorrections: {}, problems: [] };
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
          const other = { keys: ARTICLE_CORRECTION_KEYS, found: new Map<string, Node | null>() };
          config.articles[normaliseArticleKey(path)] = reader.metadata(articleNode, `articles: ${path}`, true, other);
          const corrections = readArticleCorrections(reader, other.found, `articles: ${path}`);
          if (corrections) config.articleCorrections[normaliseArticleKey(path)] = corrections;
        }
      } else if (key === 'metadata' || key === 'fileNames') {
        readExternalMetadata(reader, key, valueNode, config);
      } else if (!readCorrectionKey(reader, key, valueNode, config)) {
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
