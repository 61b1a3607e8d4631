// When an entity was in the news: its mentions and the quotes attributed to it, counted per week or month and
// per outlet, from the article dates. The timeline panel (src/editor/features/timeline.ts) draws this, and
// lists one period's mentions and quotes (`periodEntries`) when the reader picks it.
import type { CorpusReader } from '../api';
import type { Article, Entity, EntityType, Span } from '../types';
import { snippetAround, type Snippet } from './entityCard';

export type Granularity = 'week' | 'month';

/**
 * What a timeline reads: the folder index (a CorpusReader) or an archive's rows for one entity. Snippets need
 * the text of the articles a period lists; counting needs only dates and outlets.
 */
export interface TimelineSource extends Pick<CorpusReader, 'entity' | 'person'> {
  quotesFrom(entityId: string): readonly (Span & { path: string; text: string })[];
  article(path: string): Pick<Article, 'date' | 'outlet' | 'title' | 'text'> | undefined;
}

/** The key of the entries of undated articles (they have no place on the axis). */
export const UNDATED_PERIOD = 'undated';
/** The legend name of articles without an outlet. */
export const NO_OUTLET = 'No outlet';
/** The legend name of the outlets past `maxOutlets`, folded into one. */
export const OTHER_OUTLETS = 'Other outlets';

/** Spans up to this many weeks are drawn week by week; longer ones month by month. */
export const MAX_WEEKS = 26;

export interface TimelinePeriod {
  /** `YYYY-MM` for a month, the Monday `YYYY-MM-DD` for a week. */
  key: string;
  /** "Mar 2017", "Week of 27 Mar 2017". */
  label: string;
  /** First and last day of the period, ISO. */
  from: string;
  to: string;
  mentions: number;
  quotes: number;
  /** Distinct articles with a mention or a quote. */
  articles: number;
  /** Mentions per outlet, indexed like `Timeline.outlets`. */
  mentionsByOutlet: number[];
  quotesByOutlet: number[];
}

export interface TimelineCounts {
  mentions: number;
  quotes: number;
  articles: number;
}

export interface Timeline {
  entityId: string;
  name: string;
  type: EntityType;
  granularity: Granularity;
  /** Outlets by mentions (then quotes, then name); the last is `OTHER_OUTLETS` when some were folded. */
  outlets: string[];
  /** Every period from the first dated mention or quote to the last, empty ones included. */
  periods: TimelinePeriod[];
  undated: TimelineCounts;
  totals: TimelineCounts;
}

export interface TimelineOptions {
  /** Week or month; by default chosen from the span (`chooseGranularity`). */
  granularity?: Granularity;
  /** Outlets drawn on their own; the rest are folded into `OTHER_OUTLETS` (default 6). */
  maxOutlets?: number;
}

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Days since 1970-01-01 of an ISO date, or null. */
function dayOf(date: string | null | undefined): number | null {
  if (!date) return null;
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(ms) ? null : Math.floor(ms / DAY_MS);
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the week of `day` (day 0, 1970-01-01, was a Thursday). */
function mondayOf(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** Months since year 0 of `day`. */
function monthOf(day: number): number {
  const date = new Date(day * DAY_MS);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** The ordinal of a day's period: a week's Monday, or a month number. */
function periodOrdinal(day: number, granularity: Granularity): number {
  return granularity === 'week' ? mondayOf(day) : monthOf(day);
}

/** Week by week for spans up to `MAX_WEEKS` weeks, month by month beyond. */
export function chooseGranularity(firstDay: number, lastDay: number): Granularity {
  return mondayOf(lastDay) - mondayOf(firstDay) < MAX_WEEKS * 7 ? 'week' : 'month';
}

function describePeriod(ordinal: number, granularity: Granularity): Pick<TimelinePeriod, 'key' | 'label' | 'from' | 'to'> {
  if (granularity === 'week') {
    const from = isoDay(ordinal);
    const [y, m, d] = from.split('-');
    return { key: from, label: `Week of ${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`, from, to: isoDay(ordinal + 6) };
  }
  const year = Math.floor(ordinal / 12);
  const month = ordinal % 12;
  const mm = String(month + 1).padStart(2, '0');
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return { key: `${year}-${mm}`, label: `${MONTHS[month]} ${year}`, from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` };
}

/** An entity of any type by id (readers that index only people answer through `person`). */
export function findEntity(corpus: Pick<CorpusReader, 'entity' | 'person'>, entityId: string): Entity | undefined {
  return corpus.entity(entityId) ?? corpus.person(entityId);
}

/** What the timeline needs of one article, looked up once however many mentions it holds. */
interface ArticleFacts {
  day: number | null;
  outlet: string;
  /** Month number (year * 12 + month) of the day. */
  month: number;
  /** Index into the periods, set once the periods are known. */
  period: number;
  /** Index into the outlets, likewise. */
  outletIndex: number;
}

function articleFacts(corpus: TimelineSource, path: string): ArticleFacts {
  const article = corpus.article(path);
  const day = dayOf(article?.date);
  return { day, outlet: article?.outlet?.trim() || NO_OUTLET, month: day === null ? 0 : monthOf(day), period: -1, outletIndex: -1 };
}

/** Outlets by mentions, then quotes, then name; beyond `max`, the rest fold into `OTHER_OUTLETS`. */
function rankOutlets(weight: ReadonlyMap<string, [number, number]>, max: number): { outlets: string[]; indexOf: Map<string, number> } {
  const ranked = [...weight].sort((a, b) => b[1][0] - a[1][0] || b[1][1] - a[1][1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([name]) => name);
  const keep = ranked.length > max ? ranked.slice(0, Math.max(0, max - 1)) : ranked;
  const outlets = ranked.length > keep.length ? [...keep, OTHER_OUTLETS] : keep;
  const indexOf = new Map<string, number>();
  ranked.forEach((name, i) => indexOf.set(name, Math.min(i, outlets.length - 1)));
  return { outlets, indexOf };
}

/**
 * The timeline of an entity, or undefined for an unknown id. Two passes over the entity's mentions and quotes
 * with every article's facts looked up once: ~10,000 mentions take a few milliseconds.
 */
export function buildTimeline(corpus: TimelineSource, entityId: string, options: TimelineOptions = {}): Timeline | undefined {
  const entity = findEntity(corpus, entityId);
  if (!entity) return undefined;
  const mentions = entity.mentions;
  const quotes = corpus.quotesFrom(entity.id);

  // Pass 1: each article's facts, outlet weights and the date span.
  const facts = new Map<string, ArticleFacts>();
  const weight = new Map<string, [number, number]>();
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  const visit = (path: string, kind: 0 | 1): void => {
    let known = facts.get(path);
    if (!known) {
      facts.set(path, (known = articleFacts(corpus, path)));
      if (known.day !== null) {
        if (known.day < firstDay) firstDay = known.day;
        if (known.day > lastDay) lastDay = known.day;
      }
    }
    let w = weight.get(known.outlet);
    if (!w) weight.set(known.outlet, (w = [0, 0]));
    w[kind]++;
  };
  for (let i = 0; i < mentions.length; i++) visit(mentions[i].path, 0);
  for (let i = 0; i < quotes.length; i++) visit(quotes[i].path, 1);
  const { outlets, indexOf } = rankOutlets(weight, Math.max(1, options.maxOutlets ?? 6));

  const anyDated = firstDay <= lastDay;
  const granularity = options.granularity ?? (anyDated ? chooseGranularity(firstDay, lastDay) : 'month');
  const ordinalOf = (f: ArticleFacts): number => (granularity === 'week' ? mondayOf(f.day!) : f.month);
  const step = granularity === 'week' ? 7 : 1;
  const firstOrdinal = anyDated ? periodOrdinal(firstDay, granularity) : 0;
  const count = anyDated ? (periodOrdinal(lastDay, granularity) - firstOrdinal) / step + 1 : 0;

  const periods: TimelinePeriod[] = [];
  for (let i = 0; i < count; i++) {
    periods.push({
      ...describePeriod(firstOrdinal + i * step, granularity),
      mentions: 0,
      quotes: 0,
      articles: 0,
      mentionsByOutlet: new Array<number>(outlets.length).fill(0),
      quotesByOutlet: new Array<number>(outlets.length).fill(0),
    });
  }
  const undated: TimelineCounts = { mentions: 0, quotes: 0, articles: 0 };
  for (const f of facts.values()) {
    f.outletIndex = indexOf.get(f.outlet) ?? outlets.length - 1;
    if (f.day === null) {
      undated.articles++;
    } else {
      f.period = (ordinalOf(f) - firstOrdinal) / step;
      periods[f.period].articles++;
    }
  }

  // Pass 2: the counts.
  const tally = (items: readonly { path: string }[], count: 'mentions' | 'quotes', byOutlet: 'mentionsByOutlet' | 'quotesByOutlet'): void => {
    for (let i = 0; i < items.length; i++) {
      const f = facts.get(items[i].path)!;
      if (f.period < 0) {
        undated[count]++;
        continue;
      }
      const period = periods[f.period];
      period[count]++;
      period[byOutlet][f.outletIndex]++;
    }
  };
  tally(mentions, 'mentions', 'mentionsByOutlet');
  tally(quotes, 'quotes', 'quotesByOutlet');
  return {
    entityId: entity.id,
    name: entity.name,
    type: entity.type,
    granularity,
    outlets,
    periods,
    undated,
    totals: { mentions: mentions.length, quotes: quotes.length, articles: facts.size },
  };
}

export interface EntryMention extends Span, Snippet {}

export interface EntryQuote extends Span {
  /** The quote's words, cut to a line. */
  text: string;
}

/** One article of a period: the entity's mentions and quotes in it. */
export interface PeriodEntry {
  path: string;
  title: string | null;
  outlet: string | null;
  date: string | null;
  mentions: EntryMention[];
  quotes: EntryQuote[];
}

export interface PeriodEntries {
  key: string;
  entries: PeriodEntry[];
  /** Mentions and quotes in the period that were left out past the limit. */
  omitted: number;
}

const QUOTE_PREVIEW = 160;

function quotePreview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > QUOTE_PREVIEW ? `${line.slice(0, QUOTE_PREVIEW - 1).trimEnd()}…` : line;
}

/**
 * The mentions and quotes of one period (`TimelinePeriod.key`, or `UNDATED_PERIOD`), by article in date then path
 * order, each article's in text order; at most `limit` items in all (default 300), the rest counted in `omitted`.
 */
export function periodEntries(corpus: TimelineSource, entityId: string, granularity: Granularity, key: string, limit = 300): PeriodEntries | undefined {
  const entity = findEntity(corpus, entityId);
  if (!entity) return undefined;
  const inPeriod = new Map<string, boolean>();
  const matches = (path: string): boolean => {
    let yes = inPeriod.get(path);
    if (yes === undefined) {
      const day = dayOf(corpus.article(path)?.date);
      yes = key === UNDATED_PERIOD ? day === null : day !== null && describePeriod(periodOrdinal(day, granularity), granularity).key === key;
      inPeriod.set(path, yes);
    }
    return yes;
  };
  const byPath = new Map<string, { mentions: Span[]; quotes: (Span & { text: string })[] }>();
  const slot = (path: string) => {
    let entry = byPath.get(path);
    if (!entry) byPath.set(path, (entry = { mentions: [], quotes: [] }));
    return entry;
  };
  for (const mention of entity.mentions) if (matches(mention.path)) slot(mention.path).mentions.push(mention);
  for (const quote of corpus.quotesFrom(entity.id)) if (matches(quote.path)) slot(quote.path).quotes.push(quote);

  const paths = [...byPath.keys()].sort((a, b) => {
    const da = corpus.article(a)?.date ?? '';
    const db = corpus.article(b)?.date ?? '';
    return da < db ? -1 : da > db ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });
  const entries: PeriodEntry[] = [];
  let room = Math.max(0, limit);
  let omitted = 0;
  for (const path of paths) {
    const found = byPath.get(path)!;
    const article = corpus.article(path);
    const text = article?.text ?? '';
    const mentions = [...found.mentions].sort((a, b) => a.start - b.start);
    const quotes = [...found.quotes].sort((a, b) => a.start - b.start);
    const keptMentions = mentions.slice(0, room);
    room -= keptMentions.length;
    const keptQuotes = quotes.slice(0, room);
    room -= keptQuotes.length;
    omitted += mentions.length - keptMentions.length + quotes.length - keptQuotes.length;
    if (keptMentions.length + keptQuotes.length === 0) continue;
    entries.push({
      path,
      title: article?.title ?? null,
      outlet: article?.outlet ?? null,
      date: article?.date ?? null,
      mentions: keptMentions.map((m) => ({ start: m.start, end: m.end, ...snippetAround(text, m, 50) })),
      quotes: keptQuotes.map((q) => ({ start: q.start, end: q.end, text: quotePreview(q.text) })),
    });
  }
  return { key, entries, omitted };
}
