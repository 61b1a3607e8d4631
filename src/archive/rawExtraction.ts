// What the archive stores of one article's extraction besides the text: the raw mentions (before identity)
// and the quotes with their speaker as a mention index, as compact JSON. The resolution pass reads the
// mention forms of every article and the rest of the articles whose entity ids changed.
import type { Article, ArticleExtraction, ExtractedQuote, MentionForm, RawMention } from '../core/types';

/** Distinct forms, then per mention [start, end, form index]. */
interface StoredMentions {
  forms: MentionForm[];
  spans: number[];
}

/** Per quote: start, end, text, group, flags (1 partial, 2 unmarked), speaker mention (-1: none). */
type StoredQuote = [number, number, string, number, number, number];

function formOf(mention: RawMention): MentionForm {
  const form: MentionForm = { text: mention.text, honorific: mention.honorific, nameParts: mention.nameParts, role: mention.role };
  if ('tentative' in mention) form.tentative = mention.tentative;
  return form;
}

export function encodeMentions(mentions: readonly RawMention[]): string {
  const forms: MentionForm[] = [];
  const formIndex = new Map<string, number>();
  const spans: number[] = [];
  for (const mention of mentions) {
    const form = formOf(mention);
    const key = JSON.stringify(form);
    let index = formIndex.get(key);
    if (index === undefined) {
      formIndex.set(key, (index = forms.length));
      forms.push(form);
    }
    spans.push(mention.start, mention.end, index);
  }
  const stored: StoredMentions = { forms, spans };
  return JSON.stringify(stored);
}

/** One form object per mention (shared between mentions of one form), as identity resolution reads them. */
export function decodeMentionForms(json: string): MentionForm[] {
  const { forms, spans } = JSON.parse(json) as StoredMentions;
  const result = new Array<MentionForm>(spans.length / 3);
  for (let i = 0; i < result.length; i++) result[i] = forms[spans[3 * i + 2]];
  return result;
}

export function decodeMentions(json: string): RawMention[] {
  const { forms, spans } = JSON.parse(json) as StoredMentions;
  const result = new Array<RawMention>(spans.length / 3);
  for (let i = 0; i < result.length; i++) {
    const form = forms[spans[3 * i + 2]];
    const mention: RawMention = { start: spans[3 * i], end: spans[3 * i + 1], text: form.text, honorific: form.honorific, nameParts: form.nameParts, role: form.role };
    if ('tentative' in form) mention.tentative = form.tentative;
    result[i] = mention;
  }
  return result;
}

export function encodeQuotes(quotes: readonly ExtractedQuote[]): string {
  const stored: StoredQuote[] = quotes.map((quote) => [
    quote.start,
    quote.end,
    quote.text,
    quote.group,
    (quote.partial ? 1 : 0) | (quote.unmarked ? 2 : 0),
    quote.speakerMention ?? -1,
  ]);
  return JSON.stringify(stored);
}

export function decodeQuotes(json: string): ExtractedQuote[] {
  return (JSON.parse(json) as StoredQuote[]).map(([start, end, text, group, flags, speaker]) => ({
    start,
    end,
    text,
    group,
    partial: (flags & 1) !== 0,
    unmarked: (flags & 2) !== 0,
    speakerMention: speaker < 0 ? null : speaker,
  }));
}

/** The article fields that have no column of their own. */
export function encodeDetails(article: Article): string {
  return JSON.stringify({ boilerplate: article.boilerplate, frontMatter: article.frontMatter, metadataSources: article.metadataSources ?? null, credit: article.credit });
}

export interface ArticleRow {
  path: string;
  title: string | null;
  outlet: string | null;
  date: string | null;
  url: string | null;
  byline: string | null;
  encoding: string;
  details: string;
  text: string;
}

export function articleFromRow(row: ArticleRow): Article {
  const details = JSON.parse(row.details) as Pick<Article, 'boilerplate' | 'frontMatter'> & { metadataSources: Article['metadataSources'] | null; credit?: string | null };
  const article: Article = {
    path: row.path,
    text: row.text,
    encoding: row.encoding === 'windows-1252' ? 'windows-1252' : 'utf-8',
    title: row.title,
    outlet: row.outlet,
    date: row.date,
    url: row.url,
    byline: row.byline,
    credit: details.credit ?? null,
    boilerplate: details.boilerplate,
    frontMatter: details.frontMatter,
  };
  if (details.metadataSources) article.metadataSources = details.metadataSources;
  return article;
}

/** An extraction made again from stored parts (the text left empty: resolution does not read it). */
export function storedExtraction(article: Article, mentionsJson: string, quotesJson: string): ArticleExtraction {
  return { article, mentions: decodeMentions(mentionsJson), quotes: decodeQuotes(quotesJson) };
}
