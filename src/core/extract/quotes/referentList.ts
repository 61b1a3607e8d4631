// The article's referents (model.ts), found paragraph by paragraph when a pronoun, a role noun or a cue first
// reads back into a paragraph: a reader stops at the first referent that answers and reads at most a few
// paragraphs back, so most paragraphs' referents are never needed. The answers are those of collecting every
// referent up front (mentions first, then the unnamed subjects paragraph by paragraph) and sorting them.
import type { RawMention } from '../../types';
import * as sortedSearch from '../../util/sortedSearch';
import { type Decided, type FoundNounPhrase, type Paragraph, type Referent, type ReferentGender, type Referents, type SubjectLookup } from './model';
import type { RoleHolders } from './roles';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { lastAtOrBefore } = sortedSearch;

/** A reach not yet found. */
const UNJUDGED = -2;

/** Whether a mention is a referent and how far it reaches: Infinity, the end of its credit, or NOT_A_REFERENT. */
export type ReachOf = (m: RawMention, para: number) => number;

/** A mention that may be a referent: whether it is one, and how far it reaches, is found when first read. */
export class MentionReferent implements Referent {
  private knownReach = UNJUDGED;

  constructor(
    readonly pos: number,
    readonly para: number,
    readonly gender: ReferentGender | null,
    readonly attribution: Decided,
    private readonly mention: RawMention,
    private readonly reachOf: ReachOf,
  ) {}

  get reach(): number {
    let reach = this.knownReach;
    if (reach === UNJUDGED) this.knownReach = reach = this.reachOf(this.mention, this.para);
    return reach;
  }
}

/**
 * The unnamed subject of a reporting verb ("the official said"). A role noun's holder ("the Defence Secretary
 * said") is found when first read, against the referents collected before it (SubjectLookup).
 */
class SpeechReferent implements Referent, SubjectLookup {
  readonly reach = Infinity;
  private decided: Decided | null;

  constructor(
    readonly pos: number,
    readonly para: number,
    readonly gender: ReferentGender | null,
    phrase: FoundNounPhrase,
    /** Its place among its paragraph's unnamed subjects. */
    readonly order: number,
    private readonly list: ReferentList,
  ) {
    this.role = phrase.role;
    this.decided = phrase.role === null ? phrase.attribution : null;
  }

  private readonly role: string | null;

  get attribution(): Decided {
    if (this.decided === null) this.list.findHolders(this);
    return this.decided as Decided;
  }

  get pending(): boolean {
    return this.decided === null;
  }

  /** Finds the role's holder; the referent before it that this reads must have its own. */
  findHolder(roles: RoleHolders): void {
    this.decided = roles.resolve(this.role as string, this.pos, this);
  }

  subjectBefore(pos: number): Referent | undefined {
    return this.list.subjectCollectedBefore(this, pos);
  }
}

/**
 * The candidate mentions (outside quotes, in a paragraph), made when first read: most paragraphs' never are.
 * Candidates are in mention order, and the same mention is the same candidate however it is read.
 */
export interface MentionCandidates {
  /** The candidates of paragraph `p`. */
  inParagraph(p: number): readonly MentionReferent[];
  /** The last candidate that passes `test`. */
  findLast(test: (m: MentionReferent) => boolean): MentionReferent | undefined;
}

function spanStart(span: Paragraph): number {
  return span.start;
}

function referentPos(referent: Referent): number {
  return referent.pos;
}

export class ReferentList implements Referents {
  /** Per paragraph, its referents sorted by position, once read. */
  private readonly sorted: (readonly Referent[] | undefined)[] = [];
  /** Per paragraph, its unnamed subjects in text order, once read. */
  private readonly speech: (readonly SpeechReferent[] | undefined)[] = [];

  constructor(
    private readonly paragraphs: readonly Paragraph[],
    private readonly mentions: MentionCandidates,
    /** The unnamed subjects of the reporting verbs of a paragraph, in text order (plural ones left out). */
    private readonly subjectsOfVerbsIn: (para: number) => readonly FoundNounPhrase[],
    private readonly roles: RoleHolders,
  ) {}

  lastParagraphBefore(pos: number): number {
    return lastAtOrBefore(this.paragraphs, pos - 1, spanStart);
  }

  inParagraph(p: number): readonly Referent[] {
    let list = this.sorted[p];
    if (list === undefined) {
      const mentions = this.mentions.inParagraph(p);
      const speech = this.speechIn(p);
      // A stable sort, mentions first: the order of sorting all referents, as collected, at once.
      list = speech.length === 0 ? mentions : [...mentions, ...speech].sort((a, b) => a.pos - b.pos);
      this.sorted[p] = list;
    }
    return list;
  }

  subjectBefore(pos: number, para: number): Referent | undefined {
    for (let p = this.lastParagraphBefore(pos); p >= Math.max(0, para - 1); p--) {
      const refs = this.inParagraph(p);
      for (let i = sortedSearch.lowerBound(refs, pos, referentPos) - 1; i >= 0; i--) if (refs[i].reach === Infinity) return refs[i];
    }
    return undefined;
  }

  private speechIn(p: number): readonly SpeechReferent[] {
    let list = this.speech[p];
    if (list === undefined) {
      list = this.subjectsOfVerbsIn(p).map((np, order) => new SpeechReferent(np.pos, p, np.gender, np, order, this));
      this.speech[p] = list;
    }
    return list;
  }

  /**
   * What a role noun of the unnamed subject `ref` fell back to when referents were collected in one go: the
   * mentions, then the unnamed subjects paragraph by paragraph, read from the last collected back.
   */
  subjectCollectedBefore(ref: SpeechReferent, pos: number): Referent | undefined {
    const own = this.speechIn(ref.para);
    for (let i = ref.order - 1; i >= 0; i--) if (own[i].pos < pos) return own[i];
    for (let p = ref.para - 1; p >= 0; p--) {
      const earlier = this.speechIn(p);
      for (let i = earlier.length - 1; i >= 0; i--) if (earlier[i].pos < pos) return earlier[i];
    }
    return this.mentions.findLast((m) => m.pos < pos && m.reach === Infinity);
  }

  /**
   * Finds the holder of `ref`'s role, and first those of the unnamed subjects before it that its answer reads
   * (one paragraph back at most), earliest first: a chain of role nouns is walked, not recursed into.
   */
  findHolders(ref: SpeechReferent): void {
    const chain = [ref];
    for (let x = ref; ; ) {
      const before = this.subjectCollectedBefore(x, x.pos);
      if (!(before instanceof SpeechReferent) || !before.pending || x.para - before.para > 1) break;
      chain.push(before);
      x = before;
    }
    for (let i = chain.length - 1; i >= 0; i--) chain[i].findHolder(this.roles);
  }
}
