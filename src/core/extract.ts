// One article in, one serialisable ArticleExtraction out: metadata, boilerplate, mentions and quotes.
import { findBoilerplate } from './boilerplate';
import { parseFrontMatter, resolveMetadata } from './metadata';
import { extractMentions } from './people';
import { extractQuotes } from './quotes';
import type { ArticleExtraction, CorpusConfig, ExtractedQuote, RawMention, Span } from './types';

/** Bump when extraction output changes, so cached extractions from older versions are not reused. */
export const EXTRACTION_VERSION = 2;

const notPeopleSets = new WeakMap<CorpusConfig, ReadonlySet<string>>();

function notPeopleOf(config: CorpusConfig): ReadonlySet<string> {
  let set = notPeopleSets.get(config);
  if (!set) {
    set = new Set(config.notPeople.map((name) => name.trim().toLowerCase()));
    notPeopleSets.set(config, set);
  }
  return set;
}

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
  return extractQuotes(text, exclude, confirmed).map((q) => (q.speakerMention === null ? q : { ...q, speakerMention: confirmedIndex[q.speakerMention] }));
}

export function extractArticle(
  path: string,
  text: string,
  encoding: 'utf-8' | 'windows-1252',
  config: CorpusConfig,
): ArticleExtraction {
  const frontMatter = path.toLowerCase().endsWith('.md') ? parseFrontMatter(text) : null;
  const bodyStart = frontMatter?.span.end ?? 0;
  const boilerplate = findBoilerplate(text).filter((span) => span.start >= bodyStart);
  const { metadata, sources } = resolveMetadata(path, text, config, boilerplate, frontMatter);
  const exclude: Span[] = frontMatter ? [frontMatter.span, ...boilerplate] : boilerplate;
  const mentions = extractMentions(text, exclude, { notPeople: notPeopleOf(config), tentativeLoneNames: true });
  const quotes = quotesWithConfirmedSpeakers(text, exclude, mentions);
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
  };
}
