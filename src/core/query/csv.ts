// The corpus as CSV for spreadsheets and R: quotes.csv, mentions.csv and entities.csv, RFC 4180 (a header row,
// CRLF line ends, fields with a comma, quote mark or line break quoted, quote marks doubled), UTF-8 text.
import type { CorpusReader } from '../api';
import type { Article, Entity } from '../types';
import { byMentionsThenId, byPathThenStart } from '../util/compare';

/** One RFC 4180 field. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows (the first the header) as an RFC 4180 file, every record ended by CRLF. */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  let out = '';
  for (const row of rows) out += `${row.map(csvField).join(',')}\r\n`;
  return out;
}

export const CSV_FILES = ['quotes.csv', 'mentions.csv', 'entities.csv'] as const;
export type CsvFileName = (typeof CSV_FILES)[number];


/** What the CSV export reads of a corpus. */
export type CsvSource = Pick<CorpusReader, 'articles' | 'article' | 'entities' | 'entity' | 'quotes' | 'quotesFrom' | 'trailOf'>;

/** The three files' contents, by file name. */
export function corpusCsv(corpus: CsvSource): Record<CsvFileName, string> {
  const articleOf = (path: string): Article | undefined => corpus.article(path);
  const nameOf = (id: string | null): string | null => (id === null ? null : (corpus.entity(id)?.name ?? id));

  const quotes: (string | number | null)[][] = [['text', 'speaker', 'speaker_id', 'source', 'source_id', 'outlet', 'date', 'article', 'title', 'offsets', 'trail']];
  for (const quote of corpus.quotes()) {
    const article = articleOf(quote.path);
    quotes.push([
      quote.text,
      nameOf(quote.speaker),
      quote.speaker,
      nameOf(quote.source),
      quote.source,
      article?.outlet ?? null,
      article?.date ?? null,
      quote.path,
      article?.title ?? null,
      `${quote.start}-${quote.end}`,
      corpus.trailOf(quote)?.id ?? null,
    ]);
  }

  const entities = [...corpus.entities()].sort(byMentionsThenId);
  const mentions: (string | number | null)[][] = [['entity_id', 'entity', 'type', 'text', 'outlet', 'date', 'article', 'offsets']];
  for (const entity of entities) {
    const sorted = [...entity.mentions].sort(byPathThenStart);
    for (const mention of sorted) {
      const article = articleOf(mention.path);
      mentions.push([entity.id, entity.name, entity.type, mention.text, article?.outlet ?? null, article?.date ?? null, mention.path, `${mention.start}-${mention.end}`]);
    }
  }

  const entityRows: (string | number | null)[][] = [['id', 'type', 'name', 'aliases', 'roles', 'mentions', 'articles', 'quotes']];
  for (const entity of entities) entityRows.push(entityRow(entity, corpus.quotesFrom(entity.id).length));

  return { 'quotes.csv': toCsv(quotes), 'mentions.csv': toCsv(mentions), 'entities.csv': toCsv(entityRows) };
}

function entityRow(entity: Entity, quotes: number): (string | number)[] {
  const articles = new Set(entity.mentions.map((mention) => mention.path)).size;
  return [entity.id, entity.type, entity.name, entity.aliases.join('; '), entity.roles.join('; '), entity.mentions.length, articles, quotes];
}
