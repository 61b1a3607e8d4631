// Role nouns ("the Defence Secretary", "the Orkney and Shetland MP"): which person of the article holds the role.
import type { ArticleClusters } from '../../identity/articleClusters';
import * as speech from '../../language/speech';
import * as sortedSearch from '../../util/sortedSearch';
import { detach } from '../../util/strings';
import type { MentionLookup } from './mentionLookup';
import { NOBODY, UNRESOLVED, speaker, type Decided, type Paragraph, type SubjectLookup } from './model';
import type { OutsideQuotes } from './outsideQuotes';
import { paragraphAt } from './paragraphs';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { DETERMINERS } = speech;
const { lowerBound } = sortedSearch;

/** One wording of a role ("defence secretary"): its words before the head, and the clusters known by it. */
interface RoleWording {
  modifiers: string[];
  clusters: number[];
}

const roleWordsCache = new Map<string, string[]>();

function roleWords(role: string): string[] {
  let words = roleWordsCache.get(role);
  if (!words) {
    const key = detach(role);
    words = splitRole(key);
    if (roleWordsCache.size > 10000) roleWordsCache.clear();
    roleWordsCache.set(key, words);
  }
  return words;
}

function splitRole(role: string): string[] {
  return role
    .toLowerCase()
    .replace(/\b[\p{L}.-]+['\u2019]s\b/gu, ' ')
    .split(/[^\p{L}]+/u)
    .filter((w) => w && !DETERMINERS.has(w) && w !== 'of' && w !== 'and' && w !== 'former')
    .flatMap((w) => (w === 'pm' ? ['prime', 'minister'] : [w]));
}

/** The roles the article's people are known by, once every quote is found. */
export class RoleHolders {
  /** Known role wordings by head word; made when a role noun is first resolved. */
  private wordingsByHead: Map<string, RoleWording[]> | null = null;
  /** Per cluster, its mentions outside quotes in text order; made when first needed. */
  private unquotedMentionLists: number[][] | null = null;

  constructor(
    private readonly clusters: ArticleClusters,
    private readonly mentions: MentionLookup,
    private readonly outside: OutsideQuotes,
    private readonly paragraphs: readonly Paragraph[],
  ) {}

  /**
   * The person a role noun phrase at `pos` stands for, or UNRESOLVED. With no known holder the role points back
   * to the named subject of this or the previous paragraph that `subjects` finds.
   */
  resolve(role: string, pos: number, subjects: SubjectLookup): Decided {
    const words = roleWords(role);
    if (words.length === 0) return UNRESOLVED;
    const head = words[words.length - 1];
    const modifiers = words.slice(0, -1);
    const strong = new Set<number>();
    const { clusterOf, roles } = this.clusters;
    for (const { modifiers: rmods, clusters } of this.roleWordingsByHead().get(head) ?? []) {
      if (!(modifiers.every((w) => rmods.includes(w)) || (rmods.length > 0 && rmods.every((w) => modifiers.includes(w))))) continue;
      // Two holders already make the role noun unresolved: the rest need not be collected.
      for (let i = 0; i < clusters.length && strong.size < 2; i++) strong.add(clusters[i]);
    }
    if (strong.size === 1) return this.nearestOfCluster([...strong][0], pos);
    if (strong.size > 1) return UNRESOLVED;
    // No holder known by this role: the role noun points back to the named subject of this or the
    // previous paragraph ("Sir Keir Starmer has called ... The Prime Minister warned"), unless that
    // person is known by another office ("the Defence Secretary" is not "the Prime Minister").
    const para = paragraphAt(this.paragraphs, pos);
    // A name only credited with a quote is not the subject a role noun points back to.
    const r = subjects.subjectBefore(pos, para);
    if (r !== undefined) {
      const named = r.attribution;
      if (para - r.para > 1 || named.kind !== 'speaker') return UNRESOLVED;
      const known = roles[clusterOf[named.mention]];
      const sameHead = known.some((x) => {
        const rw = roleWords(x);
        return rw[rw.length - 1] === head;
      });
      return known.length === 0 || sameHead ? named : UNRESOLVED;
    }
    return UNRESOLVED;
  }

  /**
   * The known roles by head word ("secretary"): each distinct wording's modifiers and the clusters known by
   * it. Looked up per role noun, where scanning every cluster's roles was quadratic in a long article.
   */
  private roleWordingsByHead(): Map<string, RoleWording[]> {
    if (this.wordingsByHead === null) {
      const byHead = new Map<string, RoleWording[]>();
      const byWords = new Map<string, RoleWording>();
      this.clusters.roles.forEach((list, cluster) => {
        for (const role of list) {
          const words = roleWords(role);
          if (words.length === 0) continue;
          // Role words are letters only, so a space cannot join two wordings into one key.
          const key = words.join(' ');
          let wording = byWords.get(key);
          if (wording === undefined) {
            wording = { modifiers: words.slice(0, -1), clusters: [] };
            byWords.set(key, wording);
            const head = words[words.length - 1];
            const list = byHead.get(head);
            if (list) list.push(wording);
            else byHead.set(head, [wording]);
          }
          if (wording.clusters[wording.clusters.length - 1] !== cluster) wording.clusters.push(cluster);
        }
      });
      this.wordingsByHead = byHead;
    }
    return this.wordingsByHead;
  }

  /**
   * The cluster's last mention outside quotes that starts before `pos`, else its first one (or NOBODY): a
   * binary search in the cluster's mentions, where a scan of all mentions per role noun was quadratic.
   */
  private nearestOfCluster(cluster: number, pos: number): Decided {
    const list = this.unquotedMentionsOfCluster()[cluster] ?? [];
    const before = lowerBound(list, pos, (i) => this.mentions.list[i].start) - 1;
    return before >= 0 ? speaker(list[before]) : list.length > 0 ? speaker(list[0]) : NOBODY;
  }

  private unquotedMentionsOfCluster(): number[][] {
    if (this.unquotedMentionLists === null) {
      const lists: number[][] = [];
      const { clusterOf } = this.clusters;
      for (const i of this.mentions.inTextOrder()) {
        if (this.outside.isQuoted(this.mentions.list[i].start)) continue;
        (lists[clusterOf[i]] ??= []).push(i);
      }
      this.unquotedMentionLists = lists;
    }
    return this.unquotedMentionLists;
  }
}
