// The view's mentions, kept packed: per article, which extracted mentions are listed (in start order) and the
// entity each names, as typed arrays over the article's packed extraction; per entity, the articles that
// mention it. `Mention` objects are made when a reader asks for them and shared while anyone holds them:
// about 12 bytes a mention retained instead of a 64-byte object plus its places in two lists.
import { lowerBound } from '../util/sortedSearch';
import { packedEntity, packedQuote, type PackedParts } from './packed';
import type { ArticleExtraction, Entity, Mention, Quote } from '../types';
import { sameItems } from '../util/compare';

/**
 * The last few lists made, held strongly: a reader that asks again for the same entity or article (a hover, then
 * references, then the next hover) gets the same array, where a weak reference alone would be cleared by the next
 * collection and the list made again and again.
 */
class RecentlyMade<T> {
  private readonly held: (T[] | undefined)[];
  private next = 0;

  constructor(size: number) {
    this.held = new Array<T[] | undefined>(size);
  }

  hold(items: T[]): T[] {
    this.held[this.next] = items;
    this.next = (this.next + 1) % this.held.length;
    return items;
  }
}

const recentArticles = new RecentlyMade<Mention>(64);
const recentQuotes = new RecentlyMade<Quote>(16);

const fitsInt16 = (value: number): boolean => value >= -0x8000 && value < 0x8000;

/** One article's part of the view: its listed mentions packed, and its quotes with ids. */
export class ArticleMentions {
  /** The entity ids this article mentions, each once. */
  readonly entityIds: readonly string[];
  /**
   * Per listed mention, in start order, its ref: a person mention's index (>= 0), or ~index of an organisation or
   * place mention; then per listed mention its entity as a position in `entityIds` (its slot). Both in one array,
   * 16-bit where every number fits.
   */
  private readonly cells: Int16Array | Int32Array;
  readonly count: number;
  private made: WeakRef<Mention[]> | null = null;
  private madeQuotes: WeakRef<Quote[]> | null = null;

  constructor(
    readonly path: string,
    readonly extraction: ArticleExtraction,
    private readonly parts: PackedParts,
    refs: readonly number[],
    ids: readonly string[],
    /** The quotes' extraction indices by start, or null when extraction order is by start. */
    private readonly quoteOrder: Int32Array | null = null,
  ) {
    const count = refs.length;
    this.count = count;
    const slotOf = new Map<string, number>();
    const cells = fitsInt16(count) && refs.every(fitsInt16) ? new Int16Array(2 * count) : new Int32Array(2 * count);
    for (let k = 0; k < count; k++) {
      const id = ids[k];
      let slot = slotOf.get(id);
      if (slot === undefined) slotOf.set(id, (slot = slotOf.size));
      cells[k] = refs[k];
      cells[count + k] = slot;
    }
    this.entityIds = [...slotOf.keys()];
    this.cells = cells;
  }

  /** How many listed mentions name each entity of `entityIds` (by slot), in one pass over the mentions. */
  slotCounts(): number[] {
    const { cells, count } = this;
    // A plain array: a typed array past 64 bytes is allocated outside the heap, ten times slower for a short-lived list.
    const counts = new Array<number>(this.entityIds.length).fill(0);
    for (let k = count; k < 2 * count; k++) counts[cells[k]]++;
    return counts;
  }

  /** The listed mentions, by start: the same array while a reader still holds it. */
  mentions(): Mention[] {
    const held = this.made?.deref();
    if (held) return held;
    const mentions = new Array<Mention>(this.count);
    for (let k = 0; k < mentions.length; k++) mentions[k] = this.mention(k);
    this.made = new WeakRef(mentions);
    return recentArticles.hold(mentions);
  }

  private mention(k: number): Mention {
    const { path } = this;
    const ref = this.cells[k];
    const entityId = this.entityIds[this.cells[this.count + k]];
    if (ref >= 0) {
      const { offsets, forms } = this.parts.mentions;
      return { path, start: offsets[2 * ref], end: offsets[2 * ref + 1], text: forms[ref].text, entityId };
    }
    const named = this.parts.entities;
    return { path, start: packedEntity.start(named, ~ref), end: packedEntity.end(named, ~ref), text: named.texts[~ref], entityId };
  }

  /** Appends the mentions of the entity at `slot` to `out`, by start (the objects `mentions()` gave while it is held). */
  mentionsAt(slot: number, out: Mention[]): void {
    const held = this.made?.deref();
    const { cells, count } = this;
    for (let k = 0; k < count; k++) if (cells[count + k] === slot) out.push(held ? held[k] : this.mention(k));
  }

  get quoteCount(): number {
    return this.parts.quotes.texts.length;
  }

  /** The quotes with ids, by start: the same array while a reader still holds it. */
  quotes(): Quote[] {
    return this.madeQuotes?.deref() ?? recentQuotes.hold(this.makeQuotes());
  }

  /** The quotes as `quotes()` gives them, without holding them among the recently read (for a pass over every article). */
  quotesInPassing(): Quote[] {
    return this.madeQuotes?.deref() ?? this.makeQuotes();
  }

  /**
   * Per quote (in extraction order) its speaker id, then its source id: the entities of the listed mentions its
   * speaker and source mentions are (a speaker that is no listed person, or a source whose mention is not listed,
   * has none), so nothing more is kept per quote than the extraction.
   */
  private quoteIds(): (string | null)[] {
    const { cells, count, entityIds } = this;
    const packed = this.parts.quotes;
    const quoteCount = packed.texts.length;
    const ids = new Array<string | null>(2 * quoteCount);
    if (quoteCount === 0) return ids;
    // Plain arrays, as in `slotCounts`: made again each time the quotes are read.
    const personSlots = new Array<number>(this.parts.mentions.forms.length).fill(-1);
    const namedSlots = new Array<number>(packedEntity.count(this.parts.entities)).fill(-1);
    for (let k = 0; k < count; k++) {
      const ref = cells[k];
      if (ref >= 0) personSlots[ref] = cells[count + k];
      else namedSlots[~ref] = cells[count + k];
    }
    for (let i = 0; i < quoteCount; i++) {
      const speakerMention = packedQuote.speakerMention(packed, i);
      const speakerSlot = speakerMention < 0 ? -1 : (personSlots[speakerMention] ?? -1);
      const speaker = speakerSlot < 0 ? null : entityIds[speakerSlot];
      const sourceEntity = packedQuote.sourceEntity(packed, i);
      const sourceSlot = sourceEntity < 0 ? -1 : (namedSlots[sourceEntity] ?? -1);
      ids[2 * i] = speaker;
      ids[2 * i + 1] = speaker ?? (sourceSlot < 0 ? null : entityIds[sourceSlot]);
    }
    return ids;
  }

  private makeQuotes(): Quote[] {
    const { path, quoteOrder } = this;
    const quoteIds = this.quoteIds();
    const packed = this.parts.quotes;
    const quotes = new Array<Quote>(quoteIds.length >> 1);
    for (let k = 0; k < quotes.length; k++) {
      const i = quoteOrder === null ? k : quoteOrder[k];
      quotes[k] = {
        path,
        start: packedQuote.start(packed, i),
        end: packedQuote.end(packed, i),
        text: packed.texts[i],
        speaker: quoteIds[2 * i],
        source: quoteIds[2 * i + 1],
        group: packedQuote.group(packed, i),
        partial: packedQuote.partial(packed, i),
        unmarked: packedQuote.unmarked(packed, i),
      };
    }
    this.madeQuotes = new WeakRef(quotes);
    return quotes;
  }

  /** The ids its quotes are attributed to, each once. */
  quoteSources(): string[] {
    const sources = new Set<string>();
    const quoteIds = this.quoteIds();
    for (let i = 1; i < quoteIds.length; i += 2) {
      const source = quoteIds[i];
      if (source !== null) sources.add(source);
    }
    return [...sources];
  }

  /** Whether both list the same mentions with the same ids, and so the same quotes with the same ids. */
  sameAs(other: ArticleMentions): boolean {
    return other.extraction === this.extraction && sameItems(other.cells, this.cells) && sameItems(other.entityIds, this.entityIds);
  }
}

const pathOf = (article: ArticleMentions): string => article.path;

/** Inserts an article into a list in path order: a load adds articles in path order, so its place is mostly the end. */
export function insertByPath(list: ArticleMentions[], article: ArticleMentions): void {
  const last = list.length - 1;
  if (last < 0 || list[last].path < article.path) list.push(article);
  else list.splice(lowerBound(list, article.path, pathOf), 0, article);
}

/** On a listed entity, the lists its `mentions` is made from: an own field that is not enumerated (no JSON, no keys). */
const LISTS = Symbol('mention lists');
type ListedEntity = Entity & { [LISTS]?: EntityMentionLists };

/**
 * `Entity.mentions`, one accessor for the entities of every view: V8 turns an object whose accessor is not the one
 * its shape's transition was made with (an earlier view's, while any object of that shape lives) into a dictionary,
 * ~450 bytes more an entity and each read of a field a hash lookup.
 */
const mentionsProperty: PropertyDescriptor = {
  get(this: ListedEntity): Mention[] {
    return this[LISTS]?.mentionsOf(this.id) ?? [];
  },
  set(this: Entity, mentions: Mention[]): void {
    Object.defineProperty(this, 'mentions', { value: mentions, writable: true, enumerable: true, configurable: true });
  },
  enumerable: true,
  configurable: true,
};

/** One entity's articles in path order and its mention count. */
interface EntityArticles {
  /** The one article (most entities are mentioned in one: no array), or several in path order. */
  articles: ArticleMentions | ArticleMentions[];
  count: number;
  made: WeakRef<Mention[]> | null;
}

const listOf = (articles: ArticleMentions | ArticleMentions[]): ArticleMentions[] => (articles instanceof ArticleMentions ? [articles] : articles);

/** Per entity, the articles that mention it: what `Entity.mentions` is made from. */
export class EntityMentionLists {
  private readonly byEntity = new Map<string, EntityArticles>();
  private readonly recent = new RecentlyMade<Mention>(16);

  /** Mentions of the entity in all its articles. */
  count(id: string): number {
    return this.byEntity.get(id)?.count ?? 0;
  }

  /** Paths of the articles that mention the entity. */
  paths(id: string): string[] {
    const entry = this.byEntity.get(id);
    return entry ? listOf(entry.articles).map(pathOf) : [];
  }

  add(article: ArticleMentions, changed: Set<string>): void {
    const counts = article.slotCounts();
    const ids = article.entityIds;
    for (let slot = 0; slot < ids.length; slot++) {
      const id = ids[slot];
      const entry = this.byEntity.get(id);
      changed.add(id);
      if (!entry) {
        this.byEntity.set(id, { articles: article, count: counts[slot], made: null });
        continue;
      }
      const list = listOf(entry.articles);
      insertByPath(list, article);
      entry.articles = list;
      entry.count += counts[slot];
      entry.made = null;
    }
  }

  remove(article: ArticleMentions, changed: Set<string>): void {
    const counts = article.slotCounts();
    article.entityIds.forEach((id, slot) => {
      const entry = this.byEntity.get(id);
      if (!entry) return;
      const list = listOf(entry.articles);
      const at = list.indexOf(article, lowerBound(list, article.path, pathOf));
      if (at < 0) return;
      list.splice(at, 1);
      entry.articles = list.length === 1 ? list[0] : list;
      entry.count -= counts[slot];
      entry.made = null;
      changed.add(id);
      if (list.length === 0) this.byEntity.delete(id);
    });
  }

  /** Makes `entity.mentions` read its mentions from these lists. */
  attach(entity: Entity): void {
    const listed = entity as ListedEntity;
    if (listed[LISTS] !== undefined && Object.getOwnPropertyDescriptor(listed, 'mentions')?.get === mentionsProperty.get) {
      listed[LISTS] = this;
      return;
    }
    // A data property redefined as an accessor turns the object into a dictionary; the last property taken out
    // and defined anew keeps it in fast mode (and the field after it takes the slot the data property left).
    delete (entity as { mentions?: Mention[] }).mentions;
    Object.defineProperty(entity, 'mentions', mentionsProperty);
    Object.defineProperty(entity, LISTS, { value: this, writable: true, enumerable: false, configurable: true });
  }

  /** The entity's mentions in path then offset order: the same array while a reader still holds it. */
  mentionsOf(id: string): Mention[] {
    const entry = this.byEntity.get(id);
    if (!entry) return [];
    const held = entry.made?.deref();
    if (held) return held;
    const mentions: Mention[] = [];
    for (const article of listOf(entry.articles)) article.mentionsAt(article.entityIds.indexOf(id), mentions);
    entry.made = new WeakRef(mentions);
    return this.recent.hold(mentions);
  }

  /** Re-allocates the lists `ids` changed at their exact length (splicing leaves spare capacity the view would keep). */
  trim(ids: Iterable<string>): void {
    for (const id of ids) {
      const entry = this.byEntity.get(id);
      if (entry && Array.isArray(entry.articles)) entry.articles = entry.articles.slice();
    }
  }
}
