// One article's extraction as one ArrayBuffer, so a worker hands it to the main thread by transfer instead of
// by JSON or a structured clone of the object graph. The layout follows what the index keeps (packed.ts):
// mention offsets and quote numbers are copied out as typed arrays, each distinct mention form is sent once,
// and the article text travels as the index stores it: its one-byte form (util/windows1252.ts), UTF-8 bytes,
// or the text when it keeps a string.
//
// Layout: an Int32 section (header, then the fields below in order, then the UTF-16 length of every string),
// then all strings joined (UTF-8, or UTF-16 code units when they hold a lone surrogate), then the text.
import type { StringPool } from '../../extract/article';
import { mentionForm } from '../../extract/mentions/rawMention';
import { METADATA_FIELDS, type MetadataField } from '../../extract/yamlReader';
import { isQuoteSliceOf, NO_ENTITIES, packedEntity, packedEntityNumbers, packedQuote, packedTogether, packQuotes, setPackedEntity, StoredArticle, StoredExtraction, type PackedEntities, type PackedMentions, type PackedNumbers, type PackedQuotes, textToStore } from '../packed';
import type { Article, ArticleExtraction, MentionForm, MetadataSource, RawMention, Span } from '../../types';

const FORMAT = 0x434e0001;
const WINDOWS_1252 = 1;
/** The text travels as the UTF-8 bytes the index stores; otherwise it is decoded to a string. */
const TEXT_AS_BYTES = 2;
const TEXT_UTF16 = 4;
const STRINGS_UTF16 = 8;
/** The text travels as its one-byte form (one byte a character), which the index keeps as a string. */
const TEXT_ONE_BYTE = 16;
/** Header words: format, flags, Int32 word count, strings byte length, text byte length, string table start, string count. */
const HEADER = 7;

const SOURCES: readonly MetadataSource[] = ['frontmatter', 'corpus.yaml', 'inferred', 'metadata table', 'file name'];
/** A quote whose text is text.slice(start, end) of an article kept as a string or as its one-byte form: not sent twice. */
const SLICE_OF_TEXT = -1;
const NO_STRING = -1;
/** `tentative` absent, false, true: the key's presence is kept too (it shows in cached JSON). */
const TENTATIVE_ABSENT = 0;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
/** True when the text round-trips through UTF-8 (no lone surrogate). */
const wellFormed = (text: string): boolean => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

class Int32Writer {
  words = new Int32Array(256);
  length = 0;

  push(value: number): void {
    if (this.length === this.words.length) {
      const grown = new Int32Array(this.words.length * 2);
      grown.set(this.words);
      this.words = grown;
    }
    this.words[this.length++] = value;
  }

  pushAll(values: PackedNumbers): void {
    for (let i = 0; i < values.length; i++) this.push(values[i]);
  }
}

function utf16Bytes(text: string): Uint8Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return new Uint8Array(units.buffer);
}

function fromUtf16(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 1);
  const CHUNK = 8192;
  let text = '';
  for (let at = 0; at < units.length; at += CHUNK) text += String.fromCharCode(...units.subarray(at, at + CHUNK));
  return text;
}

/** Packs one extraction (as `extractArticle` returns it) into a buffer for `decodeExtraction`. */
export function encodeExtraction(extraction: ArticleExtraction): ArrayBuffer {
  const { article, mentions, quotes, entities } = extraction;
  const text = article.text;
  const strings: string[] = [];
  const out = new Int32Writer();
  const string = (s: string | null): number => (s === null ? NO_STRING : strings.push(s) - 1);
  for (let i = 0; i < HEADER; i++) out.push(0);

  const { stored: storedText, oneByte } = textToStore(text);
  const textAsBytes = typeof storedText !== 'string';
  let textBytes: Uint8Array;
  let flags = (article.encoding === 'windows-1252' ? WINDOWS_1252 : 0) | (textAsBytes ? TEXT_AS_BYTES : 0) | (oneByte !== null ? TEXT_ONE_BYTE : 0);
  if (textAsBytes) textBytes = storedText;
  else if (oneByte !== null) textBytes = Buffer.from(oneByte, 'latin1');
  else if (wellFormed(text)) textBytes = encoder.encode(text);
  else {
    textBytes = utf16Bytes(text);
    flags |= TEXT_UTF16;
  }

  out.push(string(article.path));
  for (const field of METADATA_FIELDS) out.push(string(article[field]));
  out.push(article.boilerplate.length);
  for (const span of article.boilerplate) {
    out.push(span.start);
    out.push(span.end);
  }
  out.push(article.frontMatter ? 1 : 0);
  out.push(article.frontMatter?.start ?? 0);
  out.push(article.frontMatter?.end ?? 0);
  const sources = article.metadataSources;
  if (sources === undefined) out.push(-1);
  else {
    const fields = Object.keys(sources) as MetadataField[];
    out.push(fields.length);
    for (const field of fields) {
      out.push(METADATA_FIELDS.indexOf(field));
      out.push(SOURCES.indexOf(sources[field]!));
    }
  }

  // Forms: one entry per distinct (text, honorific, name parts, role, tentative) of this article.
  const formIndex = new Map<string, number>();
  const formOfMention = new Int32Array(mentions.length);
  const formWords = new Int32Writer();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const tentative = m.tentative === undefined ? TENTATIVE_ABSENT : m.tentative ? 2 : 1;
    const key = `${m.text}\u0000${m.honorific ?? '\u0001'}\u0000${m.nameParts.join('\u0002')}\u0000${m.role ?? '\u0001'}\u0000${tentative}`;
    let index = formIndex.get(key);
    if (index === undefined) {
      index = formIndex.size;
      formIndex.set(key, index);
      formWords.push(string(m.text));
      formWords.push(string(m.honorific));
      formWords.push(string(m.role));
      formWords.push(tentative);
      formWords.push(m.nameParts.length);
      for (const part of m.nameParts) formWords.push(string(part));
    }
    formOfMention[i] = index;
  }
  out.push(formIndex.size);
  out.pushAll(formWords.words.subarray(0, formWords.length));
  out.push(mentions.length);
  for (let i = 0; i < mentions.length; i++) {
    out.push(mentions[i].start);
    out.push(mentions[i].end);
    out.push(formOfMention[i]);
  }

  // Quote numbers as packed.ts lays them out (its readers are the only ones that know the fields).
  const quoteNumbers = packQuotes(quotes).numbers;
  out.push(quotes.length);
  out.push(quoteNumbers.length);
  out.pushAll(quoteNumbers);
  for (const quote of quotes) {
    const isSlice = !textAsBytes && isQuoteSliceOf(quote, text, oneByte);
    out.push(isSlice ? SLICE_OF_TEXT : string(quote.text));
  }

  // Organisation and place mentions: -1 when the extraction has no list (the key is absent), else the count.
  if (entities === undefined) out.push(-1);
  else {
    out.push(entities.length);
    for (const e of entities) {
      out.push(e.start);
      out.push(e.end);
      out.push(packedEntity.codeOfType(e.type));
      out.push(string(e.text));
      out.push(e.expansion === undefined ? NO_STRING : string(e.expansion));
    }
  }

  const tableStart = out.length;
  for (const s of strings) out.push(s.length);
  const joined = strings.join('');
  let stringBytes: Uint8Array;
  if (wellFormed(joined)) stringBytes = encoder.encode(joined);
  else {
    stringBytes = utf16Bytes(joined);
    flags |= STRINGS_UTF16;
  }

  const wordBytes = out.length * 4;
  const textAt = wordBytes + stringBytes.length + (stringBytes.length & 1); // UTF-16 text starts at an even byte
  const buffer = new ArrayBuffer(textAt + textBytes.length);
  const words = new Int32Array(buffer, 0, out.length);
  words.set(out.words.subarray(0, out.length));
  words.set([FORMAT, flags, out.length, stringBytes.length, textBytes.length, tableStart, strings.length]);
  new Uint8Array(buffer, wordBytes, stringBytes.length).set(stringBytes);
  new Uint8Array(buffer, textAt, textBytes.length).set(textBytes);
  return buffer;
}

/**
 * The extraction packed by `encodeExtraction`, as the index keeps it (`StoredExtraction`); its `toJSON` is the
 * plain extraction that was encoded. Mention strings and forms are shared through `pool` when one is given,
 * exactly as `compactExtraction` shares them for an extraction made in this thread.
 */
export function decodeExtraction(buffer: ArrayBuffer, pool?: StringPool): StoredExtraction {
  const head = new Int32Array(buffer, 0, HEADER);
  if (head[0] !== FORMAT) throw new Error('not an encoded extraction');
  const [, flags, wordCount, stringsLength, textLength, tableStart, stringCount] = head;
  const words = new Int32Array(buffer, 0, wordCount);
  const wordBytes = wordCount * 4;
  const stringBytes = new Uint8Array(buffer, wordBytes, stringsLength);
  const joined = flags & STRINGS_UTF16 ? fromUtf16(stringBytes) : decoder.decode(stringBytes);
  const strings = new Array<string>(stringCount);
  for (let i = 0, at = 0; i < stringCount; i++) strings[i] = joined.slice(at, (at += words[tableStart + i]));
  const textBytes = new Uint8Array(buffer, wordBytes + stringsLength + (stringsLength & 1), textLength);

  let at = HEADER;
  const next = (): number => words[at++];
  const string = (): string | null => {
    const id = words[at++];
    return id === NO_STRING ? null : strings[id];
  };
  const pooled = (s: string | null): string | null => (s === null || !pool ? s : pool.string(s));

  const path = string()!;
  const title = string();
  const outlet = string();
  const date = string();
  const url = string();
  const byline = string();
  const credit = string();
  const boilerplate = new Array<Span>(next());
  for (let i = 0; i < boilerplate.length; i++) boilerplate[i] = { start: next(), end: next() };
  const hasFrontMatter = next() === 1;
  const frontMatterSpan = { start: next(), end: next() };
  const frontMatter = hasFrontMatter ? frontMatterSpan : null;
  const sourceCount = next();
  let metadataSources: Article['metadataSources'];
  if (sourceCount >= 0) {
    metadataSources = {};
    for (let i = 0; i < sourceCount; i++) metadataSources[METADATA_FIELDS[next()]] = SOURCES[next()];
  }

  const forms = new Array<MentionForm>(next());
  for (let f = 0; f < forms.length; f++) {
    const text = pooled(string())!;
    const honorific = pooled(string());
    const role = pooled(string());
    const tentative = next();
    const parts = new Array<string>(next());
    for (let p = 0; p < parts.length; p++) parts[p] = string()!;
    const nameParts = pool ? pool.nameParts(parts) : parts;
    const form = mentionForm(text, honorific, nameParts, role, tentative === TENTATIVE_ABSENT ? undefined : tentative === 2);
    forms[f] = pool ? pool.form(form as RawMention) : form;
  }
  const mentionCount = next();
  const offsets = new Int32Array(mentionCount * 2);
  const mentions: PackedMentions = { offsets, forms: new Array<MentionForm>(mentionCount) };
  for (let i = 0; i < mentionCount; i++) {
    offsets[2 * i] = next();
    offsets[2 * i + 1] = next();
    (mentions.forms as MentionForm[])[i] = forms[next()];
  }

  const quoteCount = next();
  const numbers = words.slice(at + 1, at + 1 + words[at]);
  at += 1 + numbers.length;
  const oneByte = flags & TEXT_ONE_BYTE ? Buffer.from(textBytes.buffer, textBytes.byteOffset, textBytes.byteLength).toString('latin1') : null;
  const textKept = flags & (TEXT_AS_BYTES | TEXT_ONE_BYTE) ? null : flags & TEXT_UTF16 ? fromUtf16(textBytes) : decoder.decode(textBytes);
  const sliced = oneByte ?? textKept;
  const quotesPacked: PackedQuotes = { numbers, texts: new Array<string>(quoteCount) };
  const texts = quotesPacked.texts as string[];
  for (let i = 0; i < quoteCount; i++) {
    const id = next();
    texts[i] = id === SLICE_OF_TEXT ? sliced!.slice(packedQuote.start(quotesPacked, i), packedQuote.end(quotesPacked, i)) : strings[id];
  }

  const entityCount = next();
  let entities: PackedEntities | undefined;
  let entityNumbers: Int32Array = new Int32Array(0);
  if (entityCount >= 0) {
    const numbers = (entityNumbers = packedEntityNumbers(entityCount));
    const entityTexts = new Array<string>(entityCount);
    let expansions: Map<number, string> | null = null;
    for (let i = 0; i < entityCount; i++) {
      setPackedEntity(numbers, i, next(), next(), next());
      entityTexts[i] = pooled(string())!;
      const expansion = pooled(string());
      if (expansion !== null) (expansions ??= new Map()).set(i, expansion);
    }
    entities = entityCount === 0 ? NO_ENTITIES : { numbers, texts: entityTexts, expansions };
  }
  // One buffer for the three, 16-bit when they fit, as `compactExtraction` keeps them.
  const [keptOffsets, keptQuoteNumbers, keptEntityNumbers] = packedTogether([offsets, numbers, entityNumbers]);
  mentions.offsets = keptOffsets;
  quotesPacked.numbers = keptQuoteNumbers;
  if (entities !== undefined && entities !== NO_ENTITIES) entities.numbers = keptEntityNumbers;

  const encoding: Article['encoding'] = flags & WINDOWS_1252 ? 'windows-1252' : 'utf-8';
  const article: Article = { path, text: textKept ?? '', encoding, title, outlet, date, url, byline, credit, boilerplate, frontMatter };
  if (metadataSources !== undefined) article.metadataSources = metadataSources;
  const stored = oneByte !== null ? new StoredArticle(article, oneByte) : textKept === null ? new StoredArticle(article, textBytes.slice()) : article;
  return new StoredExtraction(stored, mentions, quotesPacked, entities);
}
