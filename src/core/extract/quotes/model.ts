// The values the phases of quote extraction hand on to each other.
import type { ArticleClusters } from '../../identity/articleClusters';
import type { Gender } from '../../language';
import type { Span } from '../../types';
import type { MentionLookup } from './mentionLookup';
import type { IndexedOutsideQuotes } from './outsideQuotes';
import type { RoleHolders } from './roles';

/** A non-blank line of the article, cut around excluded ranges; `index` is its place in the list. */
export interface Paragraph extends Readonly<Span> {
  readonly index: number;
}

/** One quoted stretch of a paragraph: a marked quote, an unmarked statement or its continuation. */
export interface QuotePart extends Readonly<Span> {
  /** Position of the opening mark (equals `start` for unmarked quotes' intro colon handling). */
  readonly open: number;
  /** Index just after the closing mark, or null when the part runs to its paragraph end unclosed. */
  readonly closeEnd: number | null;
  readonly para: number;
  /** Parts of one quotation share a group: a quote continued over paragraphs, or an unmarked statement and its continuation. */
  readonly group: number;
  readonly unmarked: boolean;
  /** A fragment quoted inside narration rather than a full statement. */
  readonly partial: boolean;
  /** For unmarked quotes: where the introducing colon is (-1 for a continuation and for marked quotes). */
  readonly colon: number;
}

/** Who said a quote: a decided answer, or no cue found yet (look further). */
export type Attribution = Decided | { readonly kind: 'none' };
/** An answer that stops further guessing: a wrong speaker is worse than none. */
export type Decided = Speaker | { readonly kind: 'nobody' } | { readonly kind: 'unresolved' };
/** A named person: the mention, by its index in the article's mentions. */
export interface Speaker {
  readonly kind: 'speaker';
  readonly mention: number;
}

export function speaker(mention: number): Speaker {
  return { kind: 'speaker', mention };
}
/** Decided: no person (anonymous source, organisation, several people). */
export const NOBODY: Decided = Object.freeze({ kind: 'nobody' });
/** Decided: a definite but unnamed person ("the Prime Minister" with no known holder). */
export const UNRESOLVED: Decided = Object.freeze({ kind: 'unresolved' });
/** No cue found. */
export const NO_CUE: Attribution = Object.freeze({ kind: 'none' });

/** The gender of something a pronoun may point back to: a person's, or plural ("officials", an organisation). */
export type ReferentGender = Gender | 'plural';

/** What "he said" can point back to: a subject-like mention, or the unnamed subject of a reporting verb. */
export interface Referent {
  readonly pos: number;
  readonly para: number;
  readonly gender: ReferentGender | null;
  readonly attribution: Decided;
  /**
   * Where a pronoun stops pointing back to it: Infinity for a subject; the end of the next sentence for a name
   * only credited with a quote ("...,” said Clara Furse. “...,” she said), read no further; NOT_A_REFERENT for a
   * mention found to be none (readers skip it).
   */
  readonly reach: number;
}

/** The reach of a candidate mention that turned out to be no referent. */
export const NOT_A_REFERENT = -1;

/**
 * What a role noun with no known holder falls back to: the first subject (a referent of infinite reach) read back
 * from `pos`. Exact when that lies in paragraph `para` - 1 or later; else undefined or one further back (the role
 * noun is unresolved either way).
 */
export interface SubjectLookup {
  subjectBefore(pos: number, para: number): Referent | undefined;
}

/** The article's referents, found paragraph by paragraph when first read (most paragraphs never are). */
export interface Referents extends SubjectLookup {
  /** The last paragraph starting before `pos` (-1: none): the last that may hold a referent before it. */
  lastParagraphBefore(pos: number): number;
  /** The referents of paragraph `p`, sorted by position (mentions before unnamed subjects at one position). */
  inParagraph(p: number): readonly Referent[];
}

/** An unnamed noun phrase ("a senior Western diplomat", "the Prime Minister") and whom it stands for. */
export interface NounPhrase {
  readonly pos: number;
  readonly gender: ReferentGender | null;
  readonly attribution: Decided;
}

/** A noun phrase as read from the text: a role noun's holder (`role` not null) is yet to be found, and UNRESOLVED stands in. */
export interface FoundNounPhrase extends NounPhrase {
  readonly role: string | null;
}

/** The article once every quote is found: all the speaker search reads. */
export interface QuotedArticle {
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  /** Every quote, in text order. */
  readonly quotes: readonly QuotePart[];
  readonly outside: IndexedOutsideQuotes;
  readonly mentions: MentionLookup;
  readonly clusters: ArticleClusters;
  readonly roles: RoleHolders;
}
