// The corrections part of corpus.yaml: names that are no entity, aliases, merges and renames, corpus-wide or
// under one article. Read here so corpusYaml.ts only routes keys; written by corpusYamlEdit.ts.
import type { Node } from 'yaml';
import type { ArticleCorrections, CorpusConfig } from '../types';
import type { YamlReader } from './yamlReader';

/** Top-level keys holding corrections (`notPeople` is the older name of `notEntities`). */
export const CORRECTION_KEYS = ['aliases', 'notEntities', 'notPeople', 'merge', 'names'] as const;
/** Keys under `articles: <path>:` holding corrections for that article only. */
export const ARTICLE_CORRECTION_KEYS = ['aliases', 'notEntities'] as const;

/** Reads one top-level correction key into `config`; false when `key` is not one. */
export function readCorrectionKey(reader: YamlReader, key: string, valueNode: Node | null, config: CorpusConfig): boolean {
  switch (key) {
    case 'aliases':
      config.aliases = readAliases(reader, valueNode, 'aliases');
      return true;
    case 'notEntities':
    case 'notPeople':
      config.notEntities = [...config.notEntities, ...reader.textList(valueNode, key)];
      return true;
    case 'merge':
    case 'names':
      config[key] = readTextMap(reader, valueNode, key);
      return true;
    default:
      return false;
  }
}

/** The corrections under one article's entry (`found`: its correction keys' values), or null when it has none. */
export function readArticleCorrections(reader: YamlReader, found: ReadonlyMap<string, Node | null>, what: string): ArticleCorrections | null {
  if (found.size === 0) return null;
  const corrections = emptyArticleCorrections();
  const aliases = found.get('aliases');
  if (aliases !== undefined) corrections.aliases = readAliases(reader, aliases, `${what}: aliases`);
  const notEntities = found.get('notEntities');
  if (notEntities !== undefined) corrections.notEntities = reader.textList(notEntities, `${what}: notEntities`);
  return corrections;
}

/** The parts of CorpusConfig that only identity resolution reads (with the problems, which nothing extracts). */
const NOT_EXTRACTION_FIELDS = ['problems', 'aliases', 'notEntities', 'merge', 'names', 'articleCorrections'] as const;

/**
 * corpus.yaml without its corrections: what extraction reads of it, so what cached extractions depend on.
 * Any other field (present or to come) counts as read by extraction.
 */
export function extractionPartOf(config: CorpusConfig): Partial<CorpusConfig> {
  const part: Partial<CorpusConfig> = { ...config };
  for (const field of NOT_EXTRACTION_FIELDS) delete part[field];
  // An entry that holds only corrections gives an article no metadata.
  part.articles = Object.fromEntries(Object.entries(config.articles).filter(([, fields]) => Object.keys(fields).length > 0));
  return part;
}

export function emptyArticleCorrections(): ArticleCorrections {
  return { aliases: {}, notEntities: [] };
}

function readAliases(reader: YamlReader, node: Node | null, what: string): Record<string, string[]> {
  const aliases: Record<string, string[]> = {};
  for (const [canonical, , variantsNode] of reader.entries(node, what)) aliases[canonical.trim()] = reader.textList(variantsNode, `${what}: ${canonical}`);
  return aliases;
}

function readTextMap(reader: YamlReader, node: Node | null, what: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const [key, , valueNode] of reader.entries(node, what)) {
    const value = reader.text(valueNode, `${what}: ${key}`)?.trim();
    if (value) map[key.trim()] = value;
  }
  return map;
}
