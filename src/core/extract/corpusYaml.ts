// corpus.yaml: per-article metadata, and the corrections (corpusYamlCorrections.ts): aliases, names that are
// no entity, merges and renames.
import type { CorpusConfig } from '../types';
import { ARTICLE_CORRECTION_KEYS, CORRECTION_KEYS, readArticleCorrections, readCorrectionKey } from './corpusYamlCorrections';
import { readYaml, YamlReader } from './yamlReader';
import type { Document, Node } from 'yaml';

const TOP_LEVEL_KEYS = ['articles', ...CORRECTION_KEYS];
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

