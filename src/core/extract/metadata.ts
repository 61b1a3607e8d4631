// Article metadata. First hit wins per field: Markdown front matter, then corpus.yaml, then inference
// from the text. Inference only reads what the text states (a date line, a sign-off, a "Source:" line);
// anything it cannot read stays null.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Alias, type Document, type Node } from 'yaml';
import type { ArticleMetadata, ConfigProblem, CorpusConfig, MetadataSource, Span } from '../types';

/** The metadata fields of an article, in the order the extractor writes them. */
export const METADATA_FIELDS = ['title', 'outlet', 'date', 'url', 'byline'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];
const TOP_LEVEL_KEYS = ['articles', 'aliases', 'notPeople'];
/** Enough for any honest corpus.yaml; an alias bomb hits it long before it costs memory. */
export const MAX_YAML_ALIASES = 100;
const MAX_CONFIG_CHARS = 5 * 1024 * 1024;

export function emptyCorpusConfig(): CorpusConfig {
  return { articles: {}, aliases: {}, notPeople: [], problems: [] };
}

/** Normalises a path key from corpus.yaml to the index's form: forward slashes, no leading "./". */
export function normaliseArticleKey(key: string): string {
  return key.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

// ---------------------------------------------------------------------------------------------------
// YAML reading shared by corpus.yaml and front matter

class YamlReader {
  readonly problems: ConfigProblem[] = [];
  private aliasesResolved = 0;
  constructor(
    private readonly doc: Document,
    private readonly lineCounter: LineCounter,
    private readonly lineOffset = 0,
  ) {}

  report(node: Node | null | undefined, message: string, severity: ConfigProblem['severity'] = 'warning'): void {
    const offset = node?.range?.[0] ?? 0;
    const pos = this.lineCounter.linePos(offset);
    this.problems.push({ message, line: pos.line - 1 + this.lineOffset, column: pos.col - 1, severity });
  }

  reportSyntaxErrors(): boolean {
    for (const error of [...this.doc.errors, ...this.doc.warnings]) {
      const pos = error.linePos?.[0];
      const severity = this.doc.errors.includes(error as never) ? 'error' : 'warning';
      this.problems.push({
        message: error.message.split('\n', 1)[0],
        line: (pos ? pos.line - 1 : 0) + this.lineOffset,
        column: pos ? pos.col - 1 : 0,
        severity,
      });
    }
    return this.doc.errors.length > 0;
  }

  /** Follows an alias, counting them: the walk never expands more than MAX_YAML_ALIASES. */
  deref(node: unknown): Node | null {
    if (isAlias(node)) {
      if (++this.aliasesResolved > MAX_YAML_ALIASES) {
        if (this.aliasesResolved === MAX_YAML_ALIASES + 1) this.report(node, `more than ${MAX_YAML_ALIASES} aliases: the rest are ignored`, 'error');
        return null;
      }
      return this.resolveAlias(node);
    }
    return (node as Node | null) ?? null;
  }

  /**
   * The anchored node an alias points to. `Alias.resolve` walks the whole document on every call, which a
   * large corpus.yaml with many aliases turns into minutes; the anchors are collected once here instead.
   */
  private anchorsInOrder: Node[] | null = null;
  private resolveAlias(alias: Alias): Node | null {
    if (this.anchorsInOrder === null) {
      const nodes: Node[] = [];
      visit(this.doc, { Node: (_key, node) => void ((isAlias(node) || node.anchor) && nodes.push(node)) });
      this.anchorsInOrder = nodes;
    }
    let found: Node | null = null;
    for (const node of this.anchorsInOrder) {
      if (node === alias) break;
      if (node.anchor === alias.source) found = node;
    }
    return found;
  }

  /** Entries of a mapping node as [key text, key node, value node]; reports a non-mapping. */
  entries(node: Node | null, what: string): [string, Node | null, Node | null][] {
    const resolved = this.deref(node);
    if (resolved === null || (isScalar(resolved) && resolved.value === null)) return [];
    if (!isMap(resolved)) {
      this.report(resolved, `${what} should be a mapping`);
      return [];
    }
    const result: [string, Node | null, Node | null][] = [];
    const seen = new Set<string>();
    for (const pair of resolved.items) {
      const keyNode = this.deref(pair.key);
      if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
        this.report(keyNode, `${what}: keys should be plain text`);
        continue;
      }
      const key = String(keyNode.value);
      // Duplicates are found here (linear) rather than by the parser's uniqueKeys (quadratic per mapping).
      if (seen.has(key)) {
        this.report(keyNode, `${what}: duplicate key "${key}" (the first one is used)`);
        continue;
      }
      seen.add(key);
      result.push([key, keyNode, this.deref(pair.value)]);
    }
    return result;
  }

  /** A scalar as text; numbers are accepted (a title like 1984) but other types are reported. */
  text(node: Node | null, what: string): string | null {
    if (node === null) return null;
    if (isScalar(node)) {
      const value = node.value;
      if (value === null) return null;
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'bigint') return String(value);
      if (value instanceof Date) return value.toISOString().slice(0, 10);
    }
    this.report(node, `${what} should be text`);
    return null;
  }

  textList(node: Node | null, what: string): string[] {
    if (node === null) return [];
    if (isScalar(node)) {
      const single = this.text(node, what);
      return single === null ? [] : [single];
    }
    if (!isSeq(node)) {
      this.report(node, `${what} should be a list of names`);
      return [];
    }
    const result: string[] = [];
    for (const item of node.items) {
      const value = this.text(this.deref(item), `${what} entries`);
      if (value !== null && value.trim() !== '') result.push(value.trim());
    }
    return result;
  }

  metadata(node: Node | null, what: string, reportUnknown: boolean): Partial<ArticleMetadata> {
    const result: Partial<ArticleMetadata> = {};
    for (const [key, keyNode, valueNode] of this.entries(node, what)) {
      if (!(METADATA_FIELDS as readonly string[]).includes(key)) {
        if (reportUnknown) this.report(keyNode, `unknown key "${key}" in ${what} (expected ${METADATA_FIELDS.join(', ')})`);
        continue;
      }
      const field = key as MetadataField;
      const value = this.text(valueNode, `${what}: ${field}`)?.trim() ?? null;
      if (value === null || value === '') continue;
      if (field === 'date') {
        const iso = parseDate(value);
        if (iso === null) {
          this.report(valueNode, `${what}: date "${value}" is not a date (use YYYY-MM-DD)`);
          continue;
        }
        result.date = iso;
      } else {
        result[field] = value;
      }
    }
    return result;
  }
}

function readYaml(text: string): { doc: Document; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  // Aliases are never expanded by toJS here: the walk derefs them one by one, counted. Duplicate keys are
  // reported by YamlReader.entries: the parser's own check (uniqueKeys) is quadratic in a mapping's size.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: true });
  return { doc, lineCounter };
}

/** Parses corpus.yaml. Never throws: problems carry 0-based line/column, and bad parts fall back to defaults. */
export function parseCorpusYaml(text: string): CorpusConfig {
  const config = emptyCorpusConfig();
  if (text.length > MAX_CONFIG_CHARS) {
    config.problems.push({ message: 'corpus.yaml is larger than 5 MB: ignored', line: 0, column: 0, severity: 'error' });
    return config;
  }
  let reader: YamlReader;
  let doc: Document;
  try {
    const parsed = readYaml(text);
    doc = parsed.doc;
    reader = new YamlReader(doc, parsed.lineCounter);
  } catch (error) {
    config.problems.push({ message: `corpus.yaml could not be read: ${String(error)}`, line: 0, column: 0, severity: 'error' });
    return config;
  }
  try {
    if (reader.reportSyntaxErrors()) {
      config.problems = reader.problems;
      return config;
    }
    for (const [key, keyNode, valueNode] of reader.entries(doc.contents as Node | null, 'corpus.yaml')) {
      if (key === 'articles') {
        for (const [path, , articleNode] of reader.entries(valueNode, 'articles')) {
          config.articles[normaliseArticleKey(path)] = reader.metadata(articleNode, `articles: ${path}`, true);
        }
      } else if (key === 'aliases') {
        for (const [canonical, , variantsNode] of reader.entries(valueNode, 'aliases')) {
          config.aliases[canonical.trim()] = reader.textList(variantsNode, `aliases: ${canonical}`);
        }
      } else if (key === 'notPeople') {
        config.notPeople = reader.textList(valueNode, 'notPeople');
      } else {
        reader.report(keyNode, `unknown key "${key}" (expected ${TOP_LEVEL_KEYS.join(', ')})`);
      }
    }
  } catch (error) {
    // A bug here must not take the corpus down: report it and keep what was read.
    reader.report(null, `corpus.yaml could not be read: ${String(error)}`, 'error');
  }
  config.problems = reader.problems;
  return config;
}

// ---------------------------------------------------------------------------------------------------
// Front matter

export interface FrontMatter {
  span: Span;
  metadata: Partial<ArticleMetadata>;
  problems: ConfigProblem[];
}

/** Markdown front matter: a `---` first line up to a `---` or `...` line. Other keys (tags, ...) are ignored. */
export function parseFrontMatter(text: string): FrontMatter | null {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return null;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
  const rest = text.slice(open[0].length);
  const closeMatch = close.exec(rest);
  if (!closeMatch) return null;
  const yamlText = rest.slice(0, closeMatch.index);
  const span = { start: 0, end: open[0].length + closeMatch.index + closeMatch[0].length };
  try {
    const { doc, lineCounter } = readYaml(yamlText);
    const reader = new YamlReader(doc, lineCounter, 1);
    if (reader.reportSyntaxErrors()) return { span, metadata: {}, problems: reader.problems };
    const metadata = reader.metadata(doc.contents as Node | null, 'front matter', false);
    return { span, metadata, problems: reader.problems };
  } catch {
    return { span, metadata: {}, problems: [] };
  }
}

// ---------------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const ORDINAL = '(?:st|nd|rd|th)?';
const DATE_PATTERNS: { regex: RegExp; toParts(m: RegExpExecArray): [number, number, number] | null }[] = [
  { regex: /\b(\d{4})-(\d{2})-(\d{2})(?![\d-])/, toParts: (m) => [+m[1], +m[2], +m[3]] },
  {
    regex: new RegExp(`\\b(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'i'),
    toParts: (m) => [+m[3], MONTHS[m[2].toLowerCase()], +m[1]],
  },
  {
    regex: new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})\\b`, 'i'),
    toParts: (m) => [+m[3], MONTHS[m[1].toLowerCase()], +m[2]],
  },
  // Dotted numeric dates are day-first wherever they are written (06.04.2017 is 6 April).
  { regex: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]*\d)/, toParts: (m) => [+m[3], +m[2], +m[1]] },
  {
    // Slashed dates are day-first or month-first by locale: only unambiguous ones are read.
    regex: /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/,
    toParts: (m) => {
      const a = +m[1];
      const b = +m[2];
      if (a > 12 && b <= 12) return [+m[3], b, a];
      if (b > 12 && a <= 12) return [+m[3], a, b];
      if (a === b) return [+m[3], a, b];
      return null;
    },
  },
];

function toIso(year: number, month: number, day: number): string | null {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Finds the first date stated in `text`; returns its ISO form and the matched range. */
export function findDate(text: string): { iso: string; start: number; end: number } | null {
  // Every pattern has a four-digit year: most lines have none, and then no regex needs to run.
  if (!hasFourDigits(text)) return null;
  let best: { iso: string; start: number; end: number } | null = null;
  for (const { regex, toParts } of DATE_PATTERNS) {
    const match = regex.exec(text);
    if (!match) continue;
    const parts = toParts(match);
    const iso = parts && toIso(parts[0], parts[1], parts[2]);
    if (iso && (best === null || match.index < best.start)) best = { iso, start: match.index, end: match.index + match[0].length };
  }
  return best;
}

function hasFourDigits(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++run === 4) return true;
    } else {
      run = 0;
    }
  }
  return false;
}

/** A value that should be a date as a whole (corpus.yaml, front matter): ISO, or any form `findDate` reads. */
export function parseDate(value: string): string | null {
  const trimmed = value.trim();
  const found = findDate(trimmed);
  if (!found) return null;
  // Allow a time after an ISO date (2017-03-31T10:00:00Z), nothing else.
  const rest = trimmed.slice(0, found.start) + trimmed.slice(found.end).replace(/^T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?/, '');
  return rest.trim() === '' ? found.iso : null;
}

// ---------------------------------------------------------------------------------------------------
// Inference from the text

interface Line {
  text: string;
  start: number;
}

const HEADER_LINES = 10;
const TRAILER_LINES = 6;
/** A date line may carry a little else ("Published:", "Independent (...)"); prose mentioning a date carries more. */
const MAX_DATE_LINE_REMAINDER = 40;
const DATE_LINE_LABELS = /^(?:published|updated|last updated|posted|first published|date|dated|filed|on)\b/i;
const WEEKDAYS = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|urday|rsday)?$/i;
/** Words that make a name an outlet rather than a person (general lexicon of news organisations). */
const MEDIA_WORDS =
  /\b(?:News|Times|Post|Telegraph|Guardian|Independent|Herald|Journal|Mail|Express|Gazette|Tribune|Chronicle|Press|Observer|Mirror|Standard|Scotsman|Courier|Echo|Reuters|Bloomberg|Agency|Magazine|Review|Weekly|Daily|Online|Radio|TV|Television|Broadcasting|Wire|Bulletin|Record|Sun|Star|Economist|Spectator|Politico|Mercury|Argus|Advertiser|Sentinel|Dispatch|Inquirer|Examiner|Monitor|Register|Globe|Tablet)\b/;
const ACRONYM = /^[A-Z]{2,6}$/;
const CORPORATE_SUFFIX = /\b(?:Ltd|Limited|plc|PLC|Inc|LLC|GmbH|Group|Publishing|Holdings|Corporation|Corp|Company|Co)\b\.?/;
const NAME_WORDS = /^(?:The\s+)?[A-Z][\p{L}&'’.-]*(?:\s+(?:of|and|&|on|the)?\s*[A-Z&][\p{L}&'’.-]*){0,5}$/u;

/** The first `count` non-blank lines from `from`, skipping lines inside boilerplate. Stops early: linear in what it reads. */
function leadingLines(text: string, boilerplate: readonly Span[], from: number, count: number): Line[] {
  const lines: Line[] = [];
  let bp = 0;
  let start = from;
  while (start < text.length && lines.length < count) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const raw = text.slice(start, end);
    const trimmed = raw.trim();
    if (trimmed !== '') {
      const contentStart = start + (raw.length - raw.trimStart().length);
      while (bp < boilerplate.length && boilerplate[bp].end <= contentStart) bp++;
      const inBoilerplate = bp < boilerplate.length && boilerplate[bp].start <= contentStart && boilerplate[bp].end >= contentStart + trimmed.length;
      if (!inBoilerplate) lines.push({ text: trimmed, start: contentStart });
    }
    start = end + 1;
  }
  return lines;
}

/** The last `count` non-blank lines after `from`, in text order (boilerplate included: footers carry signatures). */
function trailingLines(text: string, from: number, count: number): Line[] {
  const lines: Line[] = [];
  let end = text.length;
  while (end > from && lines.length < count) {
    const newline = text.lastIndexOf('\n', end - 1);
    const start = Math.max(newline + 1, from);
    const raw = text.slice(start, end);
    const trimmed = raw.trim();
    if (trimmed !== '') lines.push({ text: trimmed, start: start + (raw.length - raw.trimStart().length) });
    if (newline < from) break;
    end = newline;
  }
  return lines.reverse();
}

/** An outlet-like name: starts with "The", is an acronym (BBC, AFP), or contains a news-organisation word. */
function looksLikeOutlet(name: string): boolean {
  if (!NAME_WORDS.test(name) || name.length > 60) return false;
  if (CORPORATE_SUFFIX.test(name)) return false;
  return /^The\s/.test(name) || ACRONYM.test(name) || MEDIA_WORDS.test(name);
}

/** A name written next to a date, as in "Independent (06 April 2017)": the publication's own dateline. */
function outletBesideDate(line: string, date: { start: number; end: number }): string | null {
  const opening = /^(.*?)\s*[([]\s*$/.exec(line.slice(0, date.start));
  if (!opening || !/^[)\]]$/.test(line.slice(date.end).trim())) return null;
  const name = opening[1].trim().replace(/[,:|–—-]+$/, '').trim();
  if (name === '' || DATE_LINE_LABELS.test(name) || WEEKDAYS.test(name) || /^by\s/i.test(name)) return null;
  return NAME_WORDS.test(name) && !CORPORATE_SUFFIX.test(name) && name.length <= 60 ? name : null;
}

export type InferredMetadata = ArticleMetadata;

/**
 * Reads title, date, outlet, byline and url from what the text states. `from` skips front matter;
 * boilerplate lines are ignored except where they are the signal (copyright and "Source:" lines).
 */
export function inferMetadata(text: string, boilerplate: readonly Span[] = [], from = 0): InferredMetadata {
  const header = leadingLines(text, boilerplate, from, HEADER_LINES);
  const trailer = trailingLines(text, from, TRAILER_LINES);
  const result: InferredMetadata = { title: null, outlet: null, date: null, url: null, byline: null };

  if (header.length > 0) {
    const title = header[0].text.replace(/^#{1,6}\s+/, '').trim();
    result.title = title.length > 200 ? `${title.slice(0, 200).trimEnd()}…` : title || null;
  }

  // Dates and datelines: a line that is (nearly) only a date, in the header or among the last lines.
  for (const line of [...header.slice(1), ...trailer]) {
    const date = findDate(line.text);
    if (!date) continue;
    const remainder = (line.text.slice(0, date.start) + line.text.slice(date.end)).trim();
    if (remainder.length > MAX_DATE_LINE_REMAINDER) continue;
    result.date ??= date.iso;
    result.outlet ??= outletBesideDate(line.text, date);
    const byline = /^[Bb]y\s+([A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){1,3})\b/u.exec(remainder);
    if (byline) result.byline ??= byline[1];
  }

  for (const line of header.slice(1)) {
    const byline = /^[Bb]y\s+([A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){1,3})\s*(?:[,|–—-].*)?$/u.exec(line.text);
    if (byline && !result.byline) result.byline = byline[1];
    // Wire datelines open the first paragraph: "LONDON (Reuters) - ...".
    const wire = /^[A-Z][A-Z .'’-]{1,40}\s\(([A-Z][\p{L}&. ]{1,40})\)\s*[-–—]/u.exec(line.text);
    if (wire && looksLikeOutlet(wire[1].trim())) result.outlet ??= wire[1].trim();
  }

  for (const line of trailer.slice().reverse()) {
    // A sign-off: "- The Telegraph".
    const signOff = /^[-–—]{1,2}\s*(\S.*?)\s*$/.exec(line.text);
    if (signOff && looksLikeOutlet(signOff[1])) result.outlet ??= signOff[1];
  }

  for (const line of [...header, ...trailer]) {
    const source = /^(?:[\p{L}]+\s*\/\s*)?source\s*:\s*(.*)$/iu.exec(line.text);
    if (!source) continue;
    const value = source[1].trim().replace(/[.;]$/, '');
    if (/^https?:\/\/\S+$/.test(value)) result.url ??= value;
    else if (value !== '' && NAME_WORDS.test(value) && !CORPORATE_SUFFIX.test(value)) result.outlet ??= value;
  }

  for (const line of trailer) {
    // "© The Guardian 2017": the holder is the outlet unless it is a company name (a publisher, not a title).
    const copyright = /^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(.*)$/i.exec(line.text);
    if (!copyright) continue;
    const holder = copyright[1]
      .replace(/\ball rights reserved\b.*$/i, '')
      .replace(/\b(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\b/g, '')
      .replace(/[\s.,;]+$/, '')
      .trim();
    if (holder !== '' && looksLikeOutlet(holder)) result.outlet ??= holder;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Putting it together

export interface ResolvedMetadata {
  metadata: ArticleMetadata;
  sources: Partial<Record<MetadataField, MetadataSource>>;
  frontMatter: Span | null;
}

/** Combines the three sources, field by field; `path` is the corpus-relative path used in corpus.yaml. */
export function resolveMetadata(
  path: string,
  text: string,
  config: CorpusConfig,
  boilerplate: readonly Span[] = [],
  frontMatter: FrontMatter | null = path.toLowerCase().endsWith('.md') ? parseFrontMatter(text) : null,
): ResolvedMetadata {
  const fromConfig = config.articles[normaliseArticleKey(path)] ?? {};
  const inferred = inferMetadata(text, boilerplate, frontMatter?.span.end ?? 0);
  const metadata: ArticleMetadata = { title: null, outlet: null, date: null, url: null, byline: null };
  const sources: Partial<Record<MetadataField, MetadataSource>> = {};
  for (const field of METADATA_FIELDS) {
    const candidates: [string | null | undefined, MetadataSource][] = [
      [frontMatter?.metadata[field], 'frontmatter'],
      [fromConfig[field], 'corpus.yaml'],
      [inferred[field], 'inferred'],
    ];
    for (const [value, source] of candidates) {
      if (value !== null && value !== undefined && value !== '') {
        metadata[field] = value;
        sources[field] = source;
        break;
      }
    }
  }
  return { metadata, sources, frontMatter: frontMatter?.span ?? null };
}
