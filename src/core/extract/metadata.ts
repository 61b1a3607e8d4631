// Article metadata. First hit wins per field: Markdown front matter, then corpus.yaml's entry for the article,
// then the metadata table corpus.yaml names, then its file-name patterns, then inference from the text.
// Inference only reads what the text states (a date line, a byline, a sign-off, a "Source:" line); anything it
// cannot read stays null.
import type { Node } from 'yaml';
import type { ArticleMetadata, ConfigProblem, CorpusConfig, MetadataSource, Span } from '../types';
import { normaliseArticleKey } from './corpusYaml';
import { creditLine, creditOnlyLine, isNewsAgency, looksLikeOutlet, parseByline, wireCredit } from './credits';
import { findDate } from './dates';
import { metadataFromFileName } from './fileNames';
import { headlineOf } from './headline';
import { METADATA_FIELDS, readYaml, YamlReader, type MetadataField } from './yamlReader';

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
const CORPORATE_SUFFIX = /\b(?:Ltd|Limited|plc|PLC|Inc|LLC|GmbH|Group|Publishing|Holdings|Corporation|Corp|Company|Co)\b\.?/;
const NAME_WORDS = /^(?:The\s+)?[A-Z][\p{L}&'’.-]*(?:\s+(?:of|and|&|on|the)?\s*[A-Z&][\p{L}&'’.-]*){0,5}$/u;
/** "This report ... was first published Jan. 5, 2024": a sign-off that dates the story. */
const PUBLISHED_SIGN_OFF = /\b(?:first )?published\b/i;

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

/** A name written next to a date, as in "Independent (06 April 2017)": the publication's own dateline. */
function outletBesideDate(line: string, date: { start: number; end: number }): string | null {
  const opening = /^(.*?)\s*[([]\s*$/.exec(line.slice(0, date.start));
  if (!opening || !/^[)\]]$/.test(line.slice(date.end).trim())) return null;
  const name = opening[1].trim().replace(/[,:|–—-]+$/, '').trim();
  if (name === '' || DATE_LINE_LABELS.test(name) || WEEKDAYS.test(name) || /^by\s/i.test(name)) return null;
  return NAME_WORDS.test(name) && !CORPORATE_SUFFIX.test(name) && name.length <= 60 ? name : null;
}

export type InferredMetadata = ArticleMetadata;

function emptyMetadata(): ArticleMetadata {
  return { title: null, outlet: null, date: null, url: null, byline: null, credit: null };
}

/**
 * Reads title, date, outlet, credit, byline and url from what the text states. `from` skips front matter;
 * boilerplate lines are ignored except where they are the signal (copyright and "Source:" lines).
 */
export function inferMetadata(text: string, boilerplate: readonly Span[] = [], from = 0): InferredMetadata {
  const header = leadingLines(text, boilerplate, from, HEADER_LINES);
  const trailer = trailingLines(text, from, TRAILER_LINES);
  const result = emptyMetadata();
  const title = headlineOf(header);
  result.title = title !== null && title.length > 200 ? `${title.slice(0, 200).trimEnd()}…` : title;

  // Dates and datelines: a line that is (nearly) only a date, in the header or among the last lines.
  for (const line of [...header.filter((l) => l.text !== title), ...trailer]) {
    const date = findDate(line.text);
    if (!date) continue;
    const remainder = (line.text.slice(0, date.start) + line.text.slice(date.end)).trim();
    if (remainder.length > MAX_DATE_LINE_REMAINDER) {
      if (trailer.includes(line) && creditLine(line.text) && PUBLISHED_SIGN_OFF.test(line.text)) result.date ??= date.iso;
      continue;
    }
    result.date ??= date.iso;
    result.outlet ??= outletBesideDate(line.text, date);
    const byline = /^[Bb]y\s+([A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){1,3})\b/u.exec(remainder);
    if (byline) result.byline ??= byline[1];
  }

  for (const line of header) {
    const byline = parseByline(line.text);
    if (byline) {
      result.byline ??= byline.byline;
      result.credit ??= byline.credit;
    }
    // Wire datelines open the first paragraph: "LONDON (Reuters) - ...".
    result.credit ??= wireCredit(line.text);
  }

  for (const line of trailer.slice().reverse()) {
    result.credit ??= creditLine(line.text);
    // A sign-off: "- The Telegraph" is the outlet; a wire agency or a bare station line is a credit.
    const signOff = /^[-–—]{1,2}\s*(\S.*?)\s*$/.exec(line.text);
    if (signOff && looksLikeOutlet(signOff[1])) {
      if (isNewsAgency(signOff[1])) result.credit ??= signOff[1];
      else result.outlet ??= signOff[1];
    } else if (!signOff && !line.text.includes('©')) {
      const parsed = parseByline(line.text);
      if (parsed?.credit) result.credit ??= parsed.credit;
      // A bare name credits the story only as its closing line ("CTV Vancouver"); elsewhere it is a broken line.
      else if (line === trailer[trailer.length - 1]) result.credit ??= creditOnlyLine(line.text);
    }
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
  // A credit that only repeats the outlet adds nothing.
  if (result.credit !== null && result.credit === result.outlet) result.credit = null;
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Putting it together

export interface ResolvedMetadata {
  metadata: ArticleMetadata;
  sources: Partial<Record<MetadataField, MetadataSource>>;
  frontMatter: Span | null;
}

/** Combines the sources, field by field; `path` is the corpus-relative path used in corpus.yaml. */
export function resolveMetadata(
  path: string,
  text: string,
  config: CorpusConfig,
  boilerplate: readonly Span[] = [],
  frontMatter: FrontMatter | null = path.toLowerCase().endsWith('.md') ? parseFrontMatter(text) : null,
): ResolvedMetadata {
  const key = normaliseArticleKey(path);
  const fromConfig = config.articles[key] ?? {};
  const fromTable = config.external?.rows[key] ?? {};
  const fromFileName = config.external?.fileNames.length ? metadataFromFileName(key, config.external.fileNames) : {};
  const inferred = inferMetadata(text, boilerplate, frontMatter?.span.end ?? 0);
  const metadata = emptyMetadata();
  const sources: Partial<Record<MetadataField, MetadataSource>> = {};
  for (const field of METADATA_FIELDS) {
    const candidates: [string | null | undefined, MetadataSource][] = [
      [frontMatter?.metadata[field], 'frontmatter'],
      [fromConfig[field], 'corpus.yaml'],
      [fromTable[field], 'metadata table'],
      [fromFileName[field], 'file name'],
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
