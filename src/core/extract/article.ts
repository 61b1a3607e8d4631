// One article in, one serialisable ArticleExtraction out: metadata, boilerplate, mentions and quotes.
import { findBoilerplate } from './boilerplate';
import { parseFrontMatter, resolveMetadata } from './metadata';
import { extractMentions } from './mentions';
import { extractQuotes } from './quotes';
import { extractNamedEntities, tagArticle } from './named';
import { withTaggedPeople } from './named/taggedPeople';
import { attributeToOrganisations } from './quotes/organisationSources';
import { withSpeaker } from './quotes/extractedQuote';
import { runSteps, type Steps } from '../util/steps';
import { copyString } from '../util/strings';
import { mentionForm } from './mentions/rawMention';
import type { ArticleExtraction, CorpusConfig, ExtractedQuote, MentionForm, RawEntityMention, RawMention, Span } from '../types';

/** Bump when extraction output changes, so cached extractions from older versions are not reused. */
export const EXTRACTION_VERSION = 6;

/**
 * Shares the strings and name-part arrays of mentions across a corpus: the same names recur thousands of
 * times. Pooled strings are fresh copies, one byte per character where possible (a slice of an article with
 * a curly quote is a two-byte string, and a slice may keep its whole article alive).
 */
export class StringPool {
  private readonly strings = new Map<string, string>();
  /** One-part names by their part. */
  private readonly singleParts = new Map<string, string[]>();
  /**
   * Names of two or more parts by the parts joined with U+0000, which no name part holds (the scanner takes
   * letters, apostrophes and hyphens); kept apart from one-part names so that [] and [''] cannot share a key.
   */
  private readonly multiParts = new Map<string, string[]>();
  private readonly noParts: string[] = [];

  string(s: string): string {
    let pooled = this.strings.get(s);
    if (pooled === undefined) {
      pooled = copyString(s);
      this.strings.set(pooled, pooled);
    }
    return pooled;
  }

  nameParts(parts: string[]): string[] {
    if (parts.length === 0) return this.noParts;
    if (parts.length === 1) {
      let pooled = this.singleParts.get(parts[0]);
      if (pooled === undefined) {
        pooled = [this.string(parts[0])];
        this.singleParts.set(pooled[0], pooled);
      }
      return pooled;
    }
    const key = parts.join('\u0000');
    let pooled = this.multiParts.get(key);
    if (pooled === undefined) {
      // A copy at its exact length, not a map: optimised map makes holey arrays, and identity reads name parts
      // faster when all are packed.
      pooled = parts.slice();
      for (let i = 0; i < pooled.length; i++) pooled[i] = this.string(pooled[i]);
      this.multiParts.set(copyString(key), pooled);
    }
    return pooled;
  }

  /** Mention forms by text: a text has few forms (honorific, role and tentative flag vary), so a list is scanned. */
  private readonly forms = new Map<string, MentionForm[]>();

  /**
   * One shared object per distinct form of a pooled mention (all but its offsets): what identity resolution
   * keeps per mention, with the mention's `tentative` (often undefined).
   */
  form(m: RawMention): MentionForm {
    let forms = this.forms.get(m.text);
    if (!forms) this.forms.set(m.text, (forms = []));
    for (const form of forms) {
      // Name parts are pooled arrays: the same parts are the same array.
      if (form.honorific === m.honorific && form.nameParts === m.nameParts && form.role === m.role && form.tentative === m.tentative) return form;
    }
    const form = mentionForm(m.text, m.honorific, m.nameParts, m.role, m.tentative);
    forms.push(form);
    return form;
  }

  /** Pools the strings of organisation and place mentions in place; the list without spare capacity. */
  entityMentions(mentions: RawEntityMention[]): RawEntityMention[] {
    for (const m of mentions) {
      m.text = this.string(m.text);
      if (m.expansion !== undefined) m.expansion = this.string(m.expansion);
    }
    return mentions.slice();
  }

  /** Pools the strings of each mention in place and returns the list without spare capacity. */
  mentions(mentions: RawMention[]): RawMention[] {
    for (const m of mentions) {
      m.text = this.string(m.text);
      if (m.honorific !== null) m.honorific = this.string(m.honorific);
      m.nameParts = this.nameParts(m.nameParts);
      if (m.role !== null) m.role = this.string(m.role);
    }
    return mentions.slice();
  }
}


const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * Quotes are attributed with the confirmed mentions only, so a tentative name never takes a quote from a
 * pronoun or a role; speaker indices are then mapped back to the full mention list.
 */
function quotesWithConfirmedSpeakers(text: string, exclude: readonly Span[], mentions: RawMention[]): ExtractedQuote[] {
  if (!mentions.some((m) => m.tentative)) return extractQuotes(text, exclude, mentions);
  const confirmedIndex: number[] = [];
  const confirmed: RawMention[] = [];
  mentions.forEach((m, i) => {
    if (m.tentative) return;
    confirmedIndex.push(i);
    confirmed.push(m);
  });
  return extractQuotes(text, exclude, confirmed).map((q) => (q.speakerMention === null ? q : withSpeaker(q, confirmedIndex[q.speakerMention])));
}

export function extractArticle(
  path: string,
  text: string,
  encoding: 'utf-8' | 'windows-1252',
  config: CorpusConfig,
  pool?: StringPool,
): ArticleExtraction {
  return runSteps(extractArticleSteps(path, text, encoding, config, pool));
}

/**
 * `extractArticle` in four steps (boilerplate, metadata, mentions, quotes), so a load can give the event loop
 * back inside one article: the first article of a session runs cold (unoptimised code, regexes compiled on
 * first use) and takes several times as long as the others. Each step is self-contained (quote extraction's
 * shared token buffer is used within one step only), so articles of two corpora may be extracted interleaved.
 */
export function* extractArticleSteps(
  path: string,
  text: string,
  encoding: 'utf-8' | 'windows-1252',
  config: CorpusConfig,
  pool?: StringPool,
): Steps<ArticleExtraction> {
  const frontMatter = path.toLowerCase().endsWith('.md') ? parseFrontMatter(text) : null;
  const bodyStart = frontMatter?.span.end ?? 0;
  const boilerplate = findBoilerplate(text).filter((span) => span.start >= bodyStart);
  yield;
  const { metadata, sources } = resolveMetadata(path, text, config, boilerplate, frontMatter);
  const exclude: Span[] = frontMatter ? [frontMatter.span, ...boilerplate] : boilerplate;
  yield;
  const tagged = tagArticle(text, exclude);
  const ruled = extractMentions(text, exclude, { tentativeLoneNames: true }, tagged.entities);
  const found = withTaggedPeople(text, ruled, tagged.entities, NO_NAMES);
  const mentions = pool ? pool.mentions(found) : found;
  // corpus.yaml's notEntities are applied by identity resolution (a correction never re-extracts).
  const named = extractNamedEntities(tagged, mentions, NO_NAMES);
  const entities = pool ? pool.entityMentions(named) : named;
  yield;
  const quotes = attributeToOrganisations(text, quotesWithConfirmedSpeakers(text, exclude, mentions), entities);
  return {
    article: {
      path,
      text,
      encoding,
      ...metadata,
      boilerplate,
      frontMatter: frontMatter?.span ?? null,
      metadataSources: sources,
    },
    mentions,
    quotes,
    entities,
  };
}
