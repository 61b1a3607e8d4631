// Metadata spelled in file names and folders, as corpus.yaml's `fileNames:` patterns declare it:
// "{outlet}/{date}-{slug}.txt" reads the outlet from the folder and the date from the name.
import { parseDate } from './dates';
import { METADATA_FIELDS, type MetadataField } from './yamlReader';
import type { ArticleMetadata } from '../types';

interface CompiledPattern {
  regex: RegExp;
  fields: (MetadataField | null)[];
}

const compiled = new Map<string, CompiledPattern>();

/** "{date}" takes the forms a file name writes a date in; any other field takes one path segment or less. */
function compile(pattern: string): CompiledPattern {
  let cached = compiled.get(pattern);
  if (cached) return cached;
  const fields: (MetadataField | null)[] = [];
  let source = '';
  let at = 0;
  for (const match of pattern.matchAll(/\{(\w+)\}/g)) {
    source += pattern.slice(at, match.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const name = match[1];
    const field = (METADATA_FIELDS as readonly string[]).includes(name) ? (name as MetadataField) : null;
    fields.push(field);
    source += field === 'date' ? '(\\d{4}-\\d{2}-\\d{2}|\\d{8}|\\d{4}_\\d{2}_\\d{2})' : '([^/]+?)';
    at = match.index + match[0].length;
  }
  source += pattern.slice(at).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Matched against the end of the path, so a pattern need not spell the folders above it.
  cached = { regex: new RegExp(`(?:^|/)${source}$`, 'i'), fields };
  compiled.set(pattern, cached);
  return cached;
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to']);

/** "globe-and-mail" -> "Globe and Mail"; a name with capitals of its own stays as written. */
function fromSlug(value: string): string {
  const words = value.replace(/[-_]+/g, ' ').trim();
  if (/\p{Lu}/u.test(words)) return words;
  return words.replace(/\p{L}+/gu, (word, offset: number) => (offset > 0 && SMALL_WORDS.has(word) ? word : word[0].toUpperCase() + word.slice(1)));
}

/** The metadata the first matching pattern reads from `path` (corpus-relative, forward slashes). */
export function metadataFromFileName(path: string, patterns: readonly string[]): Partial<ArticleMetadata> {
  for (const pattern of patterns) {
    const { regex, fields } = compile(pattern);
    const match = regex.exec(path);
    if (!match) continue;
    const metadata: Partial<ArticleMetadata> = {};
    fields.forEach((field, i) => {
      const value = match[i + 1];
      if (field === null || !value) return;
      if (field === 'date') {
        const digits = value.replace(/[-_]/g, '');
        const iso = parseDate(`${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`);
        if (iso) metadata.date = iso;
      } else metadata[field] = fromSlug(value);
    });
    return metadata;
  }
  return {};
}
