// Evidence that a lone word ("Kim", "Mr Clark", "Ford") in one article names a person whose full name is
// written only in other articles. A bare word is ambiguous across a corpus (a carmaker, a town, a mother in
// one story, a premier in another), so rule 3 lets it join such a person only when the article shares
// something with the articles that name the person in full: another person named in full in both (the same
// story), or the same role ("Chancellor Brown" here, "Chancellor Gordon Brown" there).
//
// Each cluster keeps the keys of its story: the other clusters named in full in the articles that name it in
// full (with the number of such articles), and the roles written next to its full name. These depend only on
// the documents' own full names, never on article order or on rule 3's choices, so the index stays
// incremental: a flush records the story keys that appeared or went, and the clusters whose keys changed
// re-resolve their surname's (and given name's) articles.
import type { ClusterRegistry, ClusterState, DocState } from './clusters';
import * as counts from '../util/counts';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { addToTally, tallyCount } = counts;

/** The story key counting the articles that name the cluster in full. */
const ARTICLES = '#articles';
/**
 * A person named in full in at least this share of the corpus' articles (and in MIN_WIDE_ARTICLES) is a
 * figure of the corpus: one other person in common with the article then suffices.
 */
const WIDE_SHARE = 0.02;
const MIN_WIDE_ARTICLES = 3;

/** How many articles must name a person in full, in a corpus of `docCount` articles, for it to be a figure of the corpus. */
export function widelyReportedAt(docCount: number): number {
  return Math.max(MIN_WIDE_ARTICLES, Math.ceil(docCount * WIDE_SHARE));
}

/** A story key: another cluster named in full alongside, or a normalised role ("role:prime minister"). */
export type StoryKey = ClusterState | string;

/** Leading words that do not tell one office from another ("the former Chancellor"). */
const ROLE_NOISE = new Set(['the', 'a', 'an', 'former', 'ex', 'then', 'new', 'current', 'acting', 'late', 'our', 'its', 'his', 'her', 'their']);
const ROLE_KEYS_CACHE = new Map<string, readonly string[]>();
const NO_KEYS: readonly string[] = [];

/**
 * The keys a role is matched under: its words lower-cased without leading noise, and for a longer role its
 * last two words too ("UK Prime Minister" also matches "the Prime Minister"). Roles of one word that is all
 * a role says ("leader") are too vague to tell people apart and give no key.
 */
export function roleKeys(role: string | null): readonly string[] {
  if (!role) return NO_KEYS;
  let keys = ROLE_KEYS_CACHE.get(role);
  if (keys) return keys;
  const words = role.toLowerCase().replace(/[^a-z0-9' -]+/g, ' ').split(/\s+/).filter(Boolean);
  let start = 0;
  while (start < words.length && ROLE_NOISE.has(words[start])) start++;
  const rest = words.slice(start);
  const out: string[] = [];
  // More than five words is a description ("became Britain's longest-serving ..."), not an office.
  if (rest.length >= 1 && rest.length <= 5) {
    out.push(`role:${rest.join(' ')}`);
    if (rest.length >= 3) out.push(`role:${rest.slice(-2).join(' ')}`);
  }
  keys = out.length ? out : NO_KEYS;
  if (ROLE_KEYS_CACHE.size > 50_000) ROLE_KEYS_CACHE.clear();
  ROLE_KEYS_CACHE.set(role, keys);
  return keys;
}

/**
 * The story keys of one document's defining clusters: who is named in full, and the roles next to each (null
 * for none: most full names come without a role).
 */
function definedIn(doc: DocState, registry: ClusterRegistry): Map<ClusterState, Set<string> | null> {
  const defined = new Map<ClusterState, Set<string> | null>();
  for (let i = 0; i < doc.cells.length; i++) {
    const c = registry.definedBy(doc, i);
    if (!c) continue;
    let roles = defined.get(c);
    if (roles === undefined) defined.set(c, (roles = null));
    for (const k of roleKeys(doc.mentions[i].role)) {
      if (roles === null) defined.set(c, (roles = new Set()));
      roles.add(k);
    }
  }
  return defined;
}

/**
 * The clusters' story keys, kept up to date one document at a time, with the keys that appeared or went
 * during one flush, to tell which clusters' stories really changed.
 */
export class StoryIndex {
  /** Cluster -> key -> its state when the flush began (for ARTICLES: whether the cluster was widely reported). */
  private readonly before = new Map<ClusterState, Map<StoryKey, boolean>>();
  /** Clusters named in full in at least MIN_WIDE_ARTICLES articles: the only ones a new threshold may flip. */
  private readonly often = new Set<ClusterState>();
  private wideAtStart = MIN_WIDE_ARTICLES;
  /** The flush began with no documents: each one is resolved anyway, so no state of before is recorded. */
  private fresh = false;

  constructor(private readonly registry: ClusterRegistry) {}

  /** Starts a flush over a corpus of `docCount` articles. */
  begin(docCount: number): void {
    this.wideAtStart = widelyReportedAt(docCount);
    this.fresh = docCount === 0;
  }

  /** Adds (sign 1) or removes (sign -1) the story keys one document gives its clusters named in full. */
  contribute(doc: DocState, sign: 1 | -1): void {
    const defined = definedIn(doc, this.registry);
    if (defined.size === 0) return;
    for (const [c, roles] of defined) {
      this.add(c, ARTICLES, sign);
      for (const other of defined.keys()) if (other !== c) this.add(c, other, sign);
      if (roles) for (const role of roles) this.add(c, role, sign);
    }
  }

  /** Ends the flush: the clusters whose story reads differently now that the corpus has `docCount` articles. */
  changed(docCount: number): ClusterState[] {
    if (this.fresh) return [];
    const wideAt = widelyReportedAt(docCount);
    const out = new Set<ClusterState>();
    for (const [c, keys] of this.before) {
      for (const [key, was] of keys) {
        const n = tallyCount(c.story, key);
        if ((key === ARTICLES ? n >= wideAt : n > 0) !== was) {
          out.add(c);
          break;
        }
      }
    }
    if (wideAt !== this.wideAtStart) {
      for (const c of this.often) {
        const n = tallyCount(c.story, ARTICLES);
        if (!this.before.get(c)?.has(ARTICLES) && n >= wideAt !== n >= this.wideAtStart) out.add(c);
      }
    }
    this.before.clear();
    return [...out];
  }

  private add(c: ClusterState, key: StoryKey, sign: 1 | -1): void {
    const n = tallyCount(c.story, key);
    if (key === ARTICLES) {
      this.note(c, key, n >= this.wideAtStart);
      if (n + sign >= MIN_WIDE_ARTICLES) this.often.add(c);
      else this.often.delete(c);
    } else if (n === 0 || n + sign === 0) {
      this.note(c, key, n > 0);
    }
    c.story = addToTally(c.story, key, sign);
  }

  /** Records a key's state when the flush began, at its first change in the flush. */
  private note(c: ClusterState, key: StoryKey, was: boolean): void {
    if (this.fresh) return;
    let keys = this.before.get(c);
    if (!keys) this.before.set(c, (keys = new Map()));
    if (!keys.has(key)) keys.set(key, was);
  }
}

/** True when the cluster's story holds one of the mention's role keys. */
export function sharesRole(c: ClusterState, mentionRoleKeys: readonly string[]): boolean {
  const story = c.story;
  if (!story) return false;
  for (const k of mentionRoleKeys) if (tallyCount(story, k) > 0) return true;
  return false;
}

/**
 * True when the cluster's story shares at least STORY_MIN_SHARED of the people the article names (one person
 * in common is often only a figure named everywhere), or one of them when the cluster itself is named in
 * full in `wideAt` articles or more.
 */
export function sharesStory(c: ClusterState, articleKeys: readonly ClusterState[], wideAt: number): boolean {
  const story = c.story;
  if (!story) return false;
  const needed = tallyCount(story, ARTICLES) >= wideAt ? 1 : STORY_MIN_SHARED;
  let shared = 0;
  for (let i = 0; i < articleKeys.length; i++) {
    const k = articleKeys[i];
    if (k !== c && tallyCount(story, k) > 0 && ++shared >= needed) return true;
  }
  return false;
}

const STORY_MIN_SHARED = 2;
