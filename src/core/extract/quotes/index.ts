/**
 * Quote extraction: the quotations of one article, each with its speaker.
 *
 * Overview. One linear pass per paragraph finds quote marks and pairs them; a second pass finds
 * unmarked quotes ("said: The UK had to ..."); then each quote group gets a speaker from, in order:
 * an attribution right after it (", he said"), a reporting verb before it in its sentence, the
 * previous quote in the paragraph, or the previous paragraph (continuations). An attribution
 * (model.ts) is a speaker (a mention index), or decided without one: `NOBODY` (anonymous source,
 * organisation) or `UNRESOLVED` (a role with no known holder); a decided answer stops further
 * guessing, because a wrong speaker is worse than none.
 *
 * The phases, each taking the finished result of the ones before:
 * - paragraphs.ts: the paragraphs (non-blank lines, excluded ranges cut out);
 * - marks.ts, markedQuotes.ts: quote marks told from apostrophes, paired into quotes per paragraph;
 * - unmarkedQuotes.ts: unmarked statements and their continuations; all quotes in text order;
 * - outsideQuotes.ts: the narration around the quotes (built twice: around the marked quotes for the
 *   unmarked search, then around all of them), with its tokens (tokens.ts) and sentences (sentences.ts);
 * - referents.ts: what a pronoun or an unheld role can point back to, with mentions clustered per article
 *   (identity/articleClusters.ts) and roles matched to their holders (roles.ts); found per paragraph when
 *   first read back into (referentList.ts), since most paragraphs never are;
 * - attribution.ts: a speaker per quote, from the cues of its sentence (cues.ts), the subjects those cues
 *   name (subjects.ts, clauses.ts), or the quotes around it.
 */
import type { ExtractedQuote, RawMention, Span } from '../../types';
import { clusterMentions } from '../../identity/articleClusters';
import { attribute } from './attribution';
import { extractedQuote } from './extractedQuote';
import { findMarkedQuotes } from './markedQuotes';
import { MentionLookup } from './mentionLookup';
import type { QuotedArticle } from './model';
import { IndexedOutsideQuotes, OutsideQuotes } from './outsideQuotes';
import { splitParagraphs } from './paragraphs';
import { collectReferents } from './referents';
import { RoleHolders } from './roles';
import { reclaimScratch } from './scratch';
import { tokenizeText } from './tokens';
import { findUnmarkedQuotes } from './unmarkedQuotes';

/** Finds quotations in one article and attributes each to a mention (by index) or to nobody. */
export function extractQuotes(text: string, exclude: readonly Span[], mentions: readonly RawMention[]): ExtractedQuote[] {
  try {
    return quotesOf(text, exclude, mentions);
  } finally {
    // The arrays lent to this article go to the next, also when it threw (a huge article's are let go).
    reclaimScratch();
  }
}

function quotesOf(text: string, exclude: readonly Span[], mentions: readonly RawMention[]): ExtractedQuote[] {
  const paragraphs = splitParagraphs(text, exclude);
  const mentionLookup = new MentionLookup(text, mentions);
  const marked = findMarkedQuotes(text, paragraphs);
  // One tokenization of the text outside the marked quotes, read around them, then around all quotes
  // (which cover the marked ones).
  const tokens = tokenizeText(text, marked.parts);
  const outsideMarked = new OutsideQuotes(text, marked.parts, tokens);
  const quotes = findUnmarkedQuotes(text, paragraphs, marked, outsideMarked, mentionLookup);
  // Without unmarked statements the quotes are the marked ones: the text is read as around those.
  const outside = new IndexedOutsideQuotes(text, quotes, tokens, quotes.some((q) => q.unmarked) ? null : outsideMarked);
  const clusters = clusterMentions(mentions);
  const article: QuotedArticle = {
    text,
    paragraphs,
    quotes,
    outside,
    mentions: mentionLookup,
    clusters,
    roles: new RoleHolders(clusters, mentionLookup, outside, paragraphs),
  };
  const speakers = attribute(article, collectReferents(article));
  return quotes.map((p, i) => {
    const speaker = speakers[i];
    return extractedQuote(p.start, p.end, text.slice(p.start, p.end), p.group, p.partial, p.unmarked, speaker.kind === 'speaker' ? speaker.mention : null);
  });
}
