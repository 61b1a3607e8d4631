// Compact storage for what the index keeps of each article. News text has curly quotes and dashes, so V8
// stores a decoded article two bytes per character; kept as UTF-8 it takes about half that, and is decoded
// again only when a feature asks for the text (snippets, ranges, re-extraction).
import type { StringPool } from '../extract/article';
import { rawEntityMention, rawMention } from '../extract/mentions/rawMention';
import { compactText, expandText, ownString, ownStrings } from '../util/strings';
import { fromWindows1252, sameInWindows1252, toWindows1252 } from '../util/windows1252';
import type { Article, ArticleExtraction, ExtractedQuote, MentionForm, NamedEntityType, RawEntityMention, RawMention } from '../types';

const ownOrNull = (s: string | null): string | null => (s === null ? null : ownString(s));

/** Texts decoded lately: a feature often reads one article's text several times in a row (a card's snippets). */
const recentlyDecoded: { article: StoredArticle; text: string }[] = [];
const RECENT_TEXTS = 4;

/**
 * An article whose text is held one byte per character (util/windows1252.ts) or else as UTF-8 bytes. Serialises
 * (`toJSON`) as the plain `Article` it stands for.
 */
export class StoredArticle implements Article {
  readonly path: string;
  readonly encoding: Article['encoding'];
  readonly title: string | null;
  readonly outlet: string | null;
  readonly date: string | null;
  readonly url: string | null;
  readonly byline: string | null;
  readonly credit: string | null;
  readonly boilerplate: Article['boilerplate'];
  readonly frontMatter: Article['frontMatter'];
  readonly metadataSources: Article['metadataSources'];

  constructor(
    article: Article,
    /** The text's one-byte form (a string), or its UTF-8 bytes. */
    private readonly stored: string | Uint8Array,
  ) {
    this.path = article.path;
    this.encoding = article.encoding;
    // Metadata read from the text may be slices of it.
    this.title = ownOrNull(article.title);
    this.outlet = ownOrNull(article.outlet);
    this.date = ownOrNull(article.date);
    this.url = ownOrNull(article.url);
    this.byline = ownOrNull(article.byline);
    this.credit = ownOrNull(article.credit);
    this.boilerplate = article.boilerplate.slice(); // exact length: a filtered array has spare capacity
    this.frontMatter = article.frontMatter;
    this.metadataSources = article.metadataSources;
  }

  get text(): string {
    for (const recent of recentlyDecoded) if (recent.article === this) return recent.text;
    const { stored } = this;
    const text = typeof stored === 'string' ? fromWindows1252(stored) : expandText(stored);
    if (recentlyDecoded.length >= RECENT_TEXTS) recentlyDecoded.pop();
    recentlyDecoded.unshift({ article: this, text });
    return text;
  }

  /** The same article, sharing its stored text, with other boilerplate ranges. */
  withBoilerplate(boilerplate: Article['boilerplate']): StoredArticle {
    // Its strings are owned already: copied field by field, not through the constructor.
    const copy = Object.assign(Object.create(StoredArticle.prototype) as StoredArticle, this);
    (copy as { boilerplate: Article['boilerplate'] }).boilerplate = boilerplate;
    return copy;
  }

  /** The plain object `extractArticle` made, same keys in the same order (cache files stay the same). */
  toJSON(): Article {
    const plain: Article = {
      path: this.path,
      text: this.text,
      encoding: this.encoding,
      title: this.title,
      outlet: this.outlet,
      date: this.date,
      url: this.url,
      byline: this.byline,
      credit: this.credit,
      boilerplate: this.boilerplate,
      frontMatter: this.frontMatter,
    };
    if (this.metadataSources !== undefined) plain.metadataSources = this.metadataSources;
    return plain;
  }
}

/**
 * An article's packed numbers: 16-bit where every one fits (most articles are shorter than 65,536 characters),
 * else 32-bit. No number is negative.
 */
export type PackedNumbers = Int32Array | Uint16Array;

/** The numbers 16-bit when every one fits (a copy), else `numbers` itself. */
export function narrowed(numbers: Int32Array): PackedNumbers {
  for (let i = 0; i < numbers.length; i++) if (numbers[i] < 0 || numbers[i] > 0xffff) return numbers;
  return Uint16Array.from(numbers);
}

/** The parts in one buffer (one allocation an article), 16-bit when every number of every part fits. */
export function packedTogether(parts: readonly Int32Array[]): PackedNumbers[] {
  let length = 0;
  let fits = true;
  for (const part of parts) {
    length += part.length;
    if (fits) fits = narrowed(part) !== part;
  }
  const all = fits ? new Uint16Array(length) : new Int32Array(length);
  let at = 0;
  return parts.map((part) => {
    all.set(part, at);
    return all.subarray(at, (at += part.length));
  });
}

/** Per quote in `PackedQuotes.numbers`: start, end, group, flags, speaker mention + 1, source entity + 1 (0: none). */
const QUOTE_FIELDS = 6;
const PARTIAL = 1;
const UNMARKED = 2;

/** One article's quotes in one typed array plus their texts: ~30 bytes a quote instead of an ~90-byte object. */
export interface PackedQuotes {
  numbers: PackedNumbers;
  texts: readonly string[];
}

/** `numbers`: where to write them (QUOTE_FIELDS a quote), a view of a buffer shared with the article's other parts. */
export function packQuotes(quotes: readonly ExtractedQuote[], texts: readonly string[] = quotes.map((quote) => quote.text), numbers = new Int32Array(quotes.length * QUOTE_FIELDS)): PackedQuotes {
  quotes.forEach((quote, i) => {
    const at = i * QUOTE_FIELDS;
    numbers[at] = quote.start;
    numbers[at + 1] = quote.end;
    numbers[at + 2] = quote.group;
    numbers[at + 3] = (quote.partial ? PARTIAL : 0) | (quote.unmarked ? UNMARKED : 0);
    numbers[at + 4] = (quote.speakerMention ?? -1) + 1;
    numbers[at + 5] = (quote.sourceEntity ?? -1) + 1;
  });
  return { numbers, texts };
}

/** Readers of one packed quote (`i` is the quote's position), so a reader needs no `ExtractedQuote` object. */
export const packedQuote = {
  start: (quotes: PackedQuotes, i: number): number => quotes.numbers[i * QUOTE_FIELDS],
  end: (quotes: PackedQuotes, i: number): number => quotes.numbers[i * QUOTE_FIELDS + 1],
  group: (quotes: PackedQuotes, i: number): number => quotes.numbers[i * QUOTE_FIELDS + 2],
  partial: (quotes: PackedQuotes, i: number): boolean => (quotes.numbers[i * QUOTE_FIELDS + 3] & PARTIAL) !== 0,
  unmarked: (quotes: PackedQuotes, i: number): boolean => (quotes.numbers[i * QUOTE_FIELDS + 3] & UNMARKED) !== 0,
  /** The speaker's mention position, or -1. */
  speakerMention: (quotes: PackedQuotes, i: number): number => quotes.numbers[i * QUOTE_FIELDS + 4] - 1,
  /** The position of the organisation mention the quote is attributed to, or -1. */
  sourceEntity: (quotes: PackedQuotes, i: number): number => quotes.numbers[i * QUOTE_FIELDS + 5] - 1,
};

export function unpackQuotes(packed: PackedQuotes): ExtractedQuote[] {
  const quotes = new Array<ExtractedQuote>(packed.texts.length);
  for (let i = 0; i < quotes.length; i++) {
    const speaker = packedQuote.speakerMention(packed, i);
    const quote: ExtractedQuote = {
      start: packedQuote.start(packed, i),
      end: packedQuote.end(packed, i),
      text: packed.texts[i],
      group: packedQuote.group(packed, i),
      partial: packedQuote.partial(packed, i),
      unmarked: packedQuote.unmarked(packed, i),
      speakerMention: speaker < 0 ? null : speaker,
    };
    const source = packedQuote.sourceEntity(packed, i);
    if (source >= 0) quote.sourceEntity = source;
    quotes[i] = quote;
  }
  return quotes;
}

/** One article's mentions: offsets in one typed array (start, end each) and one shared form per name. */
export interface PackedMentions {
  offsets: PackedNumbers;
  forms: readonly MentionForm[];
}

export function packMentions(mentions: readonly RawMention[], formOf: (mention: RawMention) => MentionForm, offsets = new Int32Array(mentions.length * 2)): PackedMentions {
  const forms = new Array<MentionForm>(mentions.length);
  mentions.forEach((mention, i) => {
    offsets[2 * i] = mention.start;
    offsets[2 * i + 1] = mention.end;
    forms[i] = formOf(mention);
  });
  return { offsets, forms };
}

export function unpackMentions({ offsets, forms }: PackedMentions): RawMention[] {
  const mentions = new Array<RawMention>(forms.length);
  for (let i = 0; i < forms.length; i++) {
    const form = forms[i];
    // Same keys in the same order as the extractor's objects, so the JSON of an extraction does not change.
    mentions[i] = rawMention(offsets[2 * i], offsets[2 * i + 1], form.text, form.honorific, form.nameParts, form.role, form.tentative);
  }
  return mentions;
}

const ENTITY_TYPES: readonly NamedEntityType[] = ['organization', 'place'];

/**
 * One article's organisation and place mentions: per mention its start, then its length and type code in one
 * number (see `setPackedEntity`); texts (a prefix shares its extraction's array: it may run on past `count`), the
 * rare expansions.
 */
export interface PackedEntities {
  numbers: PackedNumbers;
  texts: readonly string[];
  /** Expansions of defined acronyms by mention position; null when the article defines none. */
  expansions: ReadonlyMap<number, string> | null;
}

const ENTITY_FIELDS = 2;
/** Bits of the type code under the length (2 types; room for two more). */
const TYPE_BITS = 2;
const TYPE_MASK = (1 << TYPE_BITS) - 1;

/** Writes mention `i` into `numbers` (ENTITY_FIELDS a mention): 8 bytes, where start, end and type took 12. */
export function setPackedEntity(numbers: PackedNumbers, i: number, start: number, end: number, typeCode: number): void {
  numbers[ENTITY_FIELDS * i] = start;
  numbers[ENTITY_FIELDS * i + 1] = ((end - start) << TYPE_BITS) | typeCode;
}

/** Room for `count` packed mentions (see `setPackedEntity`). */
export const packedEntityNumbers = (count: number): Int32Array => new Int32Array(count * ENTITY_FIELDS);

export const NO_ENTITIES: PackedEntities = { numbers: new Int32Array(0), texts: [], expansions: null };

export function packEntities(
  entities: readonly RawEntityMention[] | undefined,
  texts: readonly string[] = (entities ?? []).map((e) => e.text),
  numbers = packedEntityNumbers(entities?.length ?? 0),
): PackedEntities {
  if (!entities || entities.length === 0) return NO_ENTITIES;
  let expansions: Map<number, string> | null = null;
  entities.forEach((e, i) => {
    setPackedEntity(numbers, i, e.start, e.end, ENTITY_TYPES.indexOf(e.type));
    if (e.expansion !== undefined) (expansions ??= new Map()).set(i, e.expansion);
  });
  return { numbers, texts, expansions };
}

/** Readers of one packed organisation or place mention. */
export const packedEntity = {
  count: (packed: PackedEntities): number => packed.numbers.length / ENTITY_FIELDS,
  start: (packed: PackedEntities, i: number): number => packed.numbers[ENTITY_FIELDS * i],
  end: (packed: PackedEntities, i: number): number => packed.numbers[ENTITY_FIELDS * i] + (packed.numbers[ENTITY_FIELDS * i + 1] >>> TYPE_BITS),
  type: (packed: PackedEntities, i: number): NamedEntityType => ENTITY_TYPES[packed.numbers[ENTITY_FIELDS * i + 1] & TYPE_MASK],
  typeCode: (packed: PackedEntities, i: number): number => packed.numbers[ENTITY_FIELDS * i + 1] & TYPE_MASK,
  typeOfCode: (code: number): NamedEntityType => ENTITY_TYPES[code],
  codeOfType: (type: NamedEntityType): number => ENTITY_TYPES.indexOf(type),
};

/** The first `count` mentions of `packed`, sharing its numbers (a view of the same buffer) and texts. */
export function packedEntityPrefix(packed: PackedEntities, count: number): PackedEntities {
  let expansions: Map<number, string> | null = null;
  for (const [i, expansion] of packed.expansions ?? []) if (i < count) (expansions ??= new Map()).set(i, expansion);
  return { numbers: packed.numbers.subarray(0, ENTITY_FIELDS * count), texts: packed.texts, expansions };
}

export function unpackEntities(packed: PackedEntities): RawEntityMention[] {
  const entities = new Array<RawEntityMention>(packedEntity.count(packed));
  for (let i = 0; i < entities.length; i++) {
    entities[i] = rawEntityMention(packedEntity.start(packed, i), packedEntity.end(packed, i), packed.texts[i], packedEntity.type(packed, i), packed.expansions?.get(i));
  }
  return entities;
}

/**
 * An extraction as the index keeps it: mentions and quotes packed (made again as objects when read), the
 * article text as UTF-8 when that is smaller. Serialises (`toJSON`) as the plain extraction, so caches store
 * the usual JSON.
 */
export class StoredExtraction implements ArticleExtraction {
  constructor(
    readonly article: Article,
    private readonly packedMentions: PackedMentions,
    private readonly packedQuotes: PackedQuotes,
    /** Undefined when the extraction had no list (the key stays absent in its JSON). */
    private readonly packedEntities?: PackedEntities,
  ) {}

  get entities(): RawEntityMention[] {
    return this.packedEntities ? unpackEntities(this.packedEntities) : [];
  }

  get mentions(): RawMention[] {
    return unpackMentions(this.packedMentions);
  }

  /** The mentions without offsets, shared between mentions of the same form (what identity resolution keeps). */
  get mentionForms(): readonly MentionForm[] {
    return this.packedMentions.forms;
  }

  get quotes(): ExtractedQuote[] {
    return unpackQuotes(this.packedQuotes);
  }

  toJSON(): ArticleExtraction {
    const plain: ArticleExtraction = { article: this.article instanceof StoredArticle ? this.article.toJSON() : this.article, mentions: this.mentions, quotes: this.quotes };
    if (this.packedEntities) plain.entities = this.entities;
    return plain;
  }

  /** The packed arrays themselves, for readers that would otherwise unpack every mention and quote. */
  get packed(): PackedParts {
    return { mentions: this.packedMentions, quotes: this.packedQuotes, entities: this.packedEntities ?? NO_ENTITIES };
  }
}

export interface PackedParts {
  mentions: PackedMentions;
  quotes: PackedQuotes;
  entities: PackedEntities;
}

/** One article's mentions, quotes and entity mentions packed: the stored arrays, or packed now for a plain extraction. */
export function packedPartsOf(extraction: ArticleExtraction): PackedParts {
  if (extraction instanceof StoredExtraction) return extraction.packed;
  return { mentions: packMentions(extraction.mentions, formWithoutOffsets), quotes: packQuotes(extraction.quotes), entities: packEntities(extraction.entities) };
}


/**
 * Packs a fresh extraction; mentions of one form share one object from `pool` (or one each without a pool).
 * A text beyond Latin-1 is stored in its one-byte form, or else as UTF-8, and the quote texts are then slices of
 * the one-byte form, or copies (a slice of the decoded text would keep that two-byte text alive); mention strings
 * are pooled copies already.
 */
export function compactExtraction(extraction: ArticleExtraction, pool?: StringPool): StoredExtraction {
  const { article, mentions, quotes, entities } = extraction;
  // The mentions', quotes' and entity mentions' numbers in one buffer (one allocation and buffer object an article),
  // written 32-bit, then kept 16-bit when they fit.
  const mentionEnd = 2 * mentions.length;
  const quoteEnd = mentionEnd + QUOTE_FIELDS * quotes.length;
  const written = new Int32Array(quoteEnd + ENTITY_FIELDS * (entities?.length ?? 0));
  const packedMentions = packMentions(mentions, pool ? (mention) => pool.form(mention) : formWithoutOffsets, written.subarray(0, mentionEnd));
  const packedEntities = entities === undefined ? undefined : packEntities(entities, undefined, written.subarray(quoteEnd));
  const quoteNumbers = written.subarray(mentionEnd, quoteEnd);
  packQuotes(quotes, [], quoteNumbers);
  const numbers = narrowed(written);
  packedMentions.offsets = numbers.subarray(0, mentionEnd);
  if (packedEntities !== undefined && packedEntities !== NO_ENTITIES) packedEntities.numbers = numbers.subarray(quoteEnd);
  const packedQuotes = (texts: readonly string[]): PackedQuotes => ({ numbers: numbers.subarray(mentionEnd, quoteEnd), texts });
  const { text } = article;
  const { stored, oneByte } = textToStore(text);
  if (oneByte !== null) {
    return new StoredExtraction(new StoredArticle(article, oneByte), packedMentions, packedQuotes(quoteTextsIn(quotes, text, oneByte)), packedEntities);
  }
  if (typeof stored === 'string') return new StoredExtraction(article, packedMentions, packedQuotes(quotes.map((quote) => quote.text)), packedEntities);
  return new StoredExtraction(new StoredArticle(article, stored), packedMentions, packedQuotes(ownStrings(quotes.map((quote) => quote.text))), packedEntities);
}

/**
 * How an article's text is kept: its one-byte form (util/windows1252.ts; `oneByte`, when it differs from the
 * text), else the text itself (Latin-1, or beyond what UTF-8 saves) or its UTF-8 bytes.
 */
export function textToStore(text: string): { stored: string | Uint8Array; oneByte: string | null } {
  const found = toWindows1252(text);
  if (found !== null && found !== text) return { stored: found, oneByte: found };
  return { stored: found ?? compactText(text), oneByte: null };
}

/** Whether a quote's text is its span of the article text, and reads back the same from `oneByte`'s span when there is one. */
export function isQuoteSliceOf(quote: ExtractedQuote, text: string, oneByte: string | null): boolean {
  if (quote.end - quote.start !== quote.text.length || !text.startsWith(quote.text, quote.start)) return false;
  return oneByte === null || sameInWindows1252(oneByte.slice(quote.start, quote.end));
}

/** Each quote's text as a slice of the text's one-byte form where it is that slice, else as a copy. */
function quoteTextsIn(quotes: readonly ExtractedQuote[], text: string, oneByte: string): string[] {
  const texts = new Array<string>(quotes.length);
  const copied: number[] = [];
  for (let i = 0; i < quotes.length; i++) {
    const quote = quotes[i];
    if (isQuoteSliceOf(quote, text, oneByte)) texts[i] = oneByte.slice(quote.start, quote.end);
    else copied.push(i);
  }
  if (copied.length > 0) {
    const copies = ownStrings(copied.map((i) => quotes[i].text));
    copied.forEach((i, k) => (texts[i] = copies[k]));
  }
  return texts;
}

function formWithoutOffsets(mention: RawMention): MentionForm {
  const { start: _start, end: _end, ...form } = mention;
  return form;
}

/** What identity resolution keeps of an extraction's mentions. */
export function mentionFormsOf(extraction: ArticleExtraction): readonly MentionForm[] {
  return extraction instanceof StoredExtraction ? extraction.mentionForms : extraction.mentions;
}

/** The extraction as plain objects, as `extractArticle` returns it. */
export function plainExtraction(extraction: ArticleExtraction): ArticleExtraction {
  return extraction instanceof StoredExtraction ? extraction.toJSON() : extraction;
}
