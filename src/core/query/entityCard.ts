// The data of an entity's hover card (a person, an organisation or a place), independent of the editor: the
// hover feature only renders it (escaping every piece of article text) and turns locations into command links.
//
// Speed: the most-mentioned entity of a 10,000-article corpus has ~10,000 mentions in ~5,000 articles. A card
// lists a handful of them, so the per-entity work (first mention per article, articles sorted by date, its
// newest quotes) is done once and kept in a digest until the corpus changes; a card is then a binary search plus
// `limit` steps. Who else is named in the entity's articles is `related.ts`, a hover section of its own.
import type { CorpusReader, CorpusWriter } from '../api';
import { lowerBound } from '../util/sortedSearch';
import type { Entity, EntityType, Mention, Quote, Span } from '../types';
import { byPathThenStart } from '../util/compare';

export type MentionOrder = 'nearest' | 'newest';

export interface Snippet {
  /** Text before the name on its line ("…" when cut), whitespace collapsed; not escaped. */
  before: string;
  /** The name as written, whitespace collapsed. */
  match: string;
  after: string;
}

export interface MentionSnippet extends Snippet {
  path: string;
  start: number;
  end: number;
  /** The mention is in the article the card is shown for (a further mention on the same page). */
  sameArticle: boolean;
  title: string | null;
  outlet: string | null;
  date: string | null;
}

/** A quote attributed to the entity, as a card lists it. */
export interface QuoteSnippet {
  path: string;
  start: number;
  end: number;
  /** The quote's words, whitespace collapsed, cut at a word boundary ("…" when cut); not escaped. */
  text: string;
  title: string | null;
  outlet: string | null;
  date: string | null;
}

export interface EntityCard {
  id: string;
  type: EntityType;
  name: string;
  roles: readonly string[];
  aliases: readonly string[];
  mentionCount: number;
  articleCount: number;
  /** Quotes whose source is the entity (`quotesFrom`). */
  quoteCount: number;
  /** The newest of those quotes, at most `quoteLimit`. */
  quotes: QuoteSnippet[];
  /**
   * At most `limit` mentions other than the hovered one: first the first mention of each other article, in
   * `order` (undated articles last, ties by path); remaining slots go to the hovered article's other mentions,
   * nearest by offset. One per article keeps the card a map of the corpus rather than of one page.
   */
  otherMentions: MentionSnippet[];
}

export interface EntityCardOptions {
  /** Maximum number of other mentions (default 5). */
  limit?: number;
  /** `nearest`: closest in date to the article the card is shown for (default); `newest`: newest first. */
  order?: MentionOrder;
  /** The article the card is shown for: its mentions are not listed among the other articles. */
  fromPath?: string;
  /** The hovered mention's offset in `fromPath`: with it, further mentions in that article fill spare slots. */
  fromStart?: number;
  /** Characters of context on each side of the name (default 40). */
  context?: number;
  /** Maximum number of quotes listed (default 2). */
  quoteLimit?: number;
  /** Longest quote text before it is cut (default 90). */
  quoteLength?: number;
}

/** A mention and the entity it names. */
export interface EntityMention {
  mention: Mention;
  entity: Entity;
}

/**
 * The entity mentioned at `offset` in `path` (the mention's span contains it), if any, and only when its type
 * is among `types` (all types when absent): what a hover or a Go to starts from.
 */
export function entityMentionedAt(
  corpus: CorpusReader,
  path: string,
  offset: number,
  types?: ReadonlySet<EntityType>,
): EntityMention | undefined {
  const mention = corpus.mentionAt(path, offset);
  if (!mention) return undefined;
  const entity = corpus.entity(mention.entityId);
  return entity && (!types || types.has(entity.type)) ? { mention, entity } : undefined;
}

const dayCache = new Map<string, number | null>();

/** Days since the epoch of an ISO date, or null (memoised: a corpus has far fewer dates than mentions). */
function dayNumber(date: string | null | undefined): number | null {
  if (!date) return null;
  let day = dayCache.get(date);
  if (day === undefined) {
    const ms = Date.parse(date);
    day = Number.isNaN(ms) ? null : ms / 86_400_000;
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(date, day);
  }
  return day;
}

interface DatedMention {
  mention: Mention;
  day: number;
}

/** What a card needs from all of an entity's mentions, computed once per entity per corpus version. */
interface EntityDigest {
  mentions: readonly Mention[];
  mentionCount: number;
  articleCount: number;
  /** The first mention of each dated article, by day then path. */
  dated: DatedMention[];
  /** The first mention of each undated article, by path. */
  undated: Mention[];
  /** The entity's newest quotes, as many as a card asked for last; computed on first use. */
  newestQuotes?: { limit: number; quotes: Quote[] };
}

const dayOf = (dated: DatedMention): number => dated.day;


/** One pass over the mentions and a sort of the entity's articles (not of their mentions): little garbage. */
function digest(corpus: CorpusReader, entity: Entity): EntityDigest {
  const firstByPath = new Map<string, Mention>();
  for (const mention of entity.mentions) {
    const first = firstByPath.get(mention.path);
    if (!first || mention.start < first.start) firstByPath.set(mention.path, mention);
  }
  const dated: DatedMention[] = [];
  const undated: Mention[] = [];
  for (const [path, first] of firstByPath) {
    const day = dayNumber(corpus.article(path)?.date);
    if (day === null) undated.push(first);
    else dated.push({ mention: first, day });
  }
  dated.sort((a, b) => a.day - b.day || byPathThenStart(a.mention, b.mention));
  undated.sort(byPathThenStart);
  return { mentions: entity.mentions, mentionCount: entity.mentions.length, articleCount: firstByPath.size, dated, undated };
}

/**
 * Digests per entity for one corpus, dropped whenever the corpus reports a change (and, for readers that
 * cannot report changes, whenever an entity's mention list is a different array or has a different length).
 */
class DigestCache {
  private readonly digests = new Map<string, EntityDigest>();

  constructor(corpus: CorpusReader & Partial<Pick<CorpusWriter, 'onDidChange'>>) {
    corpus.onDidChange?.(() => this.digests.clear());
  }

  get(corpus: CorpusReader, entity: Entity): EntityDigest {
    const cached = this.digests.get(entity.id);
    if (cached && cached.mentions === entity.mentions && cached.mentionCount === entity.mentions.length) return cached;
    const fresh = digest(corpus, entity);
    this.digests.set(entity.id, fresh);
    return fresh;
  }
}

const caches = new WeakMap<CorpusReader, DigestCache>();

function cacheFor(corpus: CorpusReader): DigestCache {
  let cache = caches.get(corpus);
  if (!cache) caches.set(corpus, (cache = new DigestCache(corpus)));
  return cache;
}

/**
 * Up to `limit` entries of `dated` (sorted by day), ordered by `rank` (smaller first) then path, walking out
 * from `from` in both directions (`nearest`) or down from the end (`newest`). Entries whose rank ties with the
 * last one taken are collected too, then the small set is sorted, so ties always resolve by path.
 */
function pickDated(dated: readonly DatedMention[], limit: number, skipPath: string | undefined, here: number | null): Mention[] {
  if (limit <= 0 || dated.length === 0) return [];
  const rank = here === null ? (d: DatedMention) => -d.day : (d: DatedMention) => Math.abs(d.day - here);
  // `left` walks towards older articles, `right` towards newer; `newest` only walks left from the end.
  let left: number;
  let right: number;
  if (here === null) {
    left = dated.length - 1;
    right = dated.length;
  } else {
    const firstNotOlder = lowerBound(dated, here, dayOf);
    left = firstNotOlder - 1;
    right = firstNotOlder;
  }
  const taken: DatedMention[] = [];
  let lastRank = Number.NEGATIVE_INFINITY;
  while (left >= 0 || right < dated.length) {
    const useLeft = right >= dated.length || (left >= 0 && rank(dated[left]) <= rank(dated[right]));
    const next = useLeft ? dated[left--] : dated[right++];
    const nextRank = rank(next);
    if (taken.length >= limit && nextRank > lastRank) break;
    if (next.mention.path === skipPath) continue;
    taken.push(next);
    lastRank = nextRank;
  }
  taken.sort((a, b) => rank(a) - rank(b) || byPathThenStart(a.mention, b.mention));
  return taken.slice(0, limit).map((d) => d.mention);
}

/** The mentions a card lists; see `EntityCard.otherMentions`. */
export function selectOtherMentions(corpus: CorpusReader, entity: Entity, options: EntityCardOptions = {}): Mention[] {
  const limit = Math.max(0, options.limit ?? 5);
  if (limit === 0) return [];
  const facts = cacheFor(corpus).get(corpus, entity);
  const here = options.order === 'newest' ? null : dayNumber(options.fromPath === undefined ? null : corpus.article(options.fromPath)?.date);
  const chosen = pickDated(facts.dated, limit, options.fromPath, here);
  for (const mention of facts.undated) {
    if (chosen.length >= limit) break;
    if (mention.path !== options.fromPath) chosen.push(mention);
  }
  if (chosen.length < limit && options.fromPath !== undefined && options.fromStart !== undefined) {
    const at = options.fromStart;
    const fromPath = options.fromPath;
    const local = entity.mentions.filter((m) => m.path === fromPath && !(m.start <= at && at < m.end));
    local.sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at) || a.start - b.start);
    chosen.push(...local.slice(0, limit - chosen.length));
  }
  return chosen;
}

/** Newer article first (undated last), then path, then offset. */
function compareNewest(a: { quote: Quote; date: string }, b: { quote: Quote; date: string }): number {
  if (a.date !== b.date) return a.date > b.date ? -1 : 1;
  if (a.quote.path !== b.quote.path) return a.quote.path < b.quote.path ? -1 : 1;
  return a.quote.start - b.quote.start;
}

/** The newest `limit` of `quotes` in one pass (an entity may have thousands; a card lists two). */
function newestQuotes(corpus: CorpusReader, quotes: readonly Quote[], limit: number): Quote[] {
  const best: { quote: Quote; date: string }[] = [];
  for (const quote of quotes) {
    const entry = { quote, date: corpus.article(quote.path)?.date ?? '' };
    if (best.length === limit && compareNewest(entry, best[limit - 1]) >= 0) continue;
    let at = best.length;
    while (at > 0 && compareNewest(entry, best[at - 1]) < 0) at--;
    best.splice(at, 0, entry);
    if (best.length > limit) best.pop();
  }
  return best.map((entry) => entry.quote);
}

/** The newest `limit` quotes from the entity, with their words cut to `length`; kept in the digest. */
function quoteSnippets(corpus: CorpusReader, entity: Entity, facts: EntityDigest, limit: number, length: number): QuoteSnippet[] {
  if (limit <= 0) return [];
  if (!facts.newestQuotes || facts.newestQuotes.limit !== limit) facts.newestQuotes = { limit, quotes: newestQuotes(corpus, corpus.quotesFrom(entity.id), limit) };
  return facts.newestQuotes.quotes.map((quote) => {
    const article = corpus.article(quote.path);
    return {
      path: quote.path,
      start: quote.start,
      end: quote.end,
      text: cutAtWord(quote.text.replace(/\s+/g, ' ').trim(), length),
      title: article?.title ?? null,
      outlet: article?.outlet ?? null,
      date: article?.date ?? null,
    };
  });
}

/** `text` cut to at most `max` characters at a word boundary, with "…" when cut. */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max);
  return `${text.slice(0, space > max / 2 ? space : max - 1)}…`;
}

export function buildEntityCard(corpus: CorpusReader, entityId: string, options: EntityCardOptions = {}): EntityCard | undefined {
  const entity = corpus.entity(entityId);
  if (!entity) return undefined;
  const facts = cacheFor(corpus).get(corpus, entity);
  const context = options.context ?? 40;
  return {
    id: entity.id,
    type: entity.type,
    name: entity.name,
    roles: entity.roles,
    aliases: entity.aliases,
    mentionCount: facts.mentionCount,
    articleCount: facts.articleCount,
    quoteCount: corpus.quotesFrom(entity.id).length,
    quotes: quoteSnippets(corpus, entity, facts, options.quoteLimit ?? 2, options.quoteLength ?? 90),
    otherMentions: selectOtherMentions(corpus, entity, options).map((mention) => {
      const article = corpus.article(mention.path);
      return {
        ...snippetAround(article?.text ?? '', mention, context),
        path: mention.path,
        start: mention.start,
        end: mention.end,
        sameArticle: mention.path === options.fromPath,
        title: article?.title ?? null,
        outlet: article?.outlet ?? null,
        date: article?.date ?? null,
      };
    }),
  };
}

/** One line of context around a span, whitespace collapsed, cut at word boundaries, never across a line break. */
export function snippetAround(text: string, span: Span, context = 50): Snippet {
  const collapse = (s: string) => s.replace(/\s+/g, ' ');
  let from = Math.max(0, span.start - context);
  let to = Math.min(text.length, span.end + context);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < span.start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > span.end) to = space;
  }
  // A snippet never runs across a paragraph break: the line is what the reader recognises.
  let before = text.slice(from, span.start);
  let after = text.slice(span.end, to);
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  if (lastBreak !== -1) {
    before = before.slice(lastBreak + 1);
    from = span.start - before.length;
  }
  const firstBreak = after.search(/[\r\n]/);
  if (firstBreak !== -1) {
    after = after.slice(0, firstBreak);
    to = span.end + after.length;
  }
  return {
    before: (from > 0 && before.length > 0 ? '…' : '') + collapse(before).trimStart(),
    match: collapse(text.slice(span.start, span.end)),
    after: collapse(after).trimEnd() + (to < text.length && after.length > 0 ? '…' : ''),
  };
}
