// What the archive stores of one article's extraction besides the text: the extraction as plain JSON (the
// article's fields but its text; person mentions, quotes, organisation and place mentions), so the resolution
// rebuilds exactly what the folder index holds, whatever fields extraction gains.
import { plainExtraction } from '../core/index/packed';
import type { Article, ArticleExtraction } from '../core/types';

/** The article's fields but its text (`details`) and the rest of the extraction (`raw`), as JSON. */
export function encodeExtraction(extraction: ArticleExtraction): { details: string; raw: string } {
  const { article, ...rest } = plainExtraction(extraction);
  const { text: _text, ...fields } = article;
  return { details: JSON.stringify(fields), raw: JSON.stringify(rest) };
}

export interface ArticleRow {
  details: string;
  text: string;
}

export function articleFromRow(row: ArticleRow): Article {
  return { ...(JSON.parse(row.details) as Omit<Article, 'text'>), text: row.text };
}

/** An extraction made again from its stored parts. */
export function storedExtraction(article: Article, raw: string): ArticleExtraction {
  return { article, ...(JSON.parse(raw) as Omit<ArticleExtraction, 'article'>) };
}
