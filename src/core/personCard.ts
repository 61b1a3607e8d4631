// The data of a person's hover card and references, independent of the editor: the features layer renders it
// (escaping the snippet text) and turns locations into links.
import type { CorpusReader } from './api';
import type { Mention } from './types';

export interface MentionSnippet {
  path: string;
  start: number;
  end: number;
  /** One line of context around the mention, whitespace collapsed; not escaped. */
  snippet: string;
  /** Where the name sits inside `snippet` (for bold). */
  nameStart: number;
  nameEnd: number;
  title: string | null;
  outlet: string | null;
  date: string | null;
}

export interface PersonCard {
  id: string;
  name: string;
  roles: readonly string[];
  aliases: readonly string[];
  mentionCount: number;
  articleCount: number;
  quoteCount: number;
  /** Mentions outside `fromPath`, newest article first (undated last), at most `limit`. */
  otherMentions: MentionSnippet[];
}

export interface PersonCardOptions {
  /** Maximum number of other mentions (default 5). */
  limit?: number;
  /** The article the card is shown in: its mentions are not listed. */
  fromPath?: string;
  /** Characters of context on each side of the name (default 60). */
  context?: number;
}

/** The person mentioned at `offset` in `path`, if any. */
export function personIdAt(corpus: CorpusReader, path: string, offset: number): string | undefined {
  return corpus.mentionAt(path, offset)?.personId;
}

export function buildPersonCard(corpus: CorpusReader, personId: string, options: PersonCardOptions = {}): PersonCard | undefined {
  const person = corpus.person(personId);
  if (!person) return undefined;
  const limit = options.limit ?? 5;
  const articlePaths = new Set<string>();
  for (const mention of person.mentions) articlePaths.add(mention.path);

  // Newest first by the article's date; the sort key is computed once per article, not per comparison.
  const dateOf = new Map<string, string>();
  for (const path of articlePaths) dateOf.set(path, corpus.article(path)?.date ?? '');
  const others = person.mentions.filter((mention) => mention.path !== options.fromPath);
  const newestFirst = (a: Mention, b: Mention): number => {
    const da = dateOf.get(a.path) ?? '';
    const db = dateOf.get(b.path) ?? '';
    if (da !== db) return da === '' ? 1 : db === '' ? -1 : da < db ? 1 : -1;
    if (a.path !== b.path) return a.path < b.path ? -1 : 1;
    return a.start - b.start;
  };
  const chosen = selectSmallest(others, limit, newestFirst);

  return {
    id: person.id,
    name: person.name,
    roles: person.roles,
    aliases: person.aliases,
    mentionCount: person.mentions.length,
    articleCount: articlePaths.size,
    quoteCount: corpus.quotesBy(person.id).length,
    otherMentions: chosen.map((mention) => snippetOf(corpus, mention, options.context ?? 60)),
  };
}

/** Every mention of the person as a location, in path then offset order (Find All References). */
export function personReferences(corpus: CorpusReader, personId: string): { path: string; start: number; end: number }[] {
  const person = corpus.person(personId);
  if (!person) return [];
  return person.mentions
    .map((mention) => ({ path: mention.path, start: mention.start, end: mention.end }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start));
}

/** The `count` smallest items by `compare`, sorted, without sorting everything (people can have 10,000s of mentions). */
function selectSmallest<T>(items: readonly T[], count: number, compare: (a: T, b: T) => number): T[] {
  if (count <= 0) return [];
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length === count && compare(item, kept[count - 1]) >= 0) continue;
    let i = kept.length < count ? kept.length : count - 1;
    if (kept.length < count) kept.push(item);
    while (i > 0 && compare(item, kept[i - 1]) < 0) {
      kept[i] = kept[i - 1];
      i--;
    }
    kept[i] = item;
  }
  return kept;
}

function snippetOf(corpus: CorpusReader, mention: Mention, context: number): MentionSnippet {
  const article = corpus.article(mention.path);
  const text = article?.text ?? '';
  // Stay within the mention's paragraph line, cut at word boundaries.
  let from = Math.max(0, mention.start - context);
  let to = Math.min(text.length, mention.end + context);
  const lineStart = text.lastIndexOf('\n', mention.start - 1) + 1;
  const lineEnd = text.indexOf('\n', mention.end);
  from = Math.max(from, lineStart);
  if (lineEnd >= 0) to = Math.min(to, lineEnd);
  if (from > lineStart) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < mention.start) from = space + 1;
  }
  if (to < (lineEnd < 0 ? text.length : lineEnd)) {
    const space = text.lastIndexOf(' ', to);
    if (space > mention.end) to = space;
  }
  const before = collapse(text.slice(from, mention.start));
  const name = collapse(text.slice(mention.start, mention.end));
  const after = collapse(text.slice(mention.end, to));
  const prefix = (from > lineStart ? '…' : '') + before;
  return {
    path: mention.path,
    start: mention.start,
    end: mention.end,
    snippet: prefix + name + after + (to < (lineEnd < 0 ? text.length : lineEnd) ? '…' : ''),
    nameStart: prefix.length,
    nameEnd: prefix.length + name.length,
    title: article?.title ?? null,
    outlet: article?.outlet ?? null,
    date: article?.date ?? null,
  };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}
