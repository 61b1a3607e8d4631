// Per-article coreference of mentions, for picking quote speakers: "Sir Michael Fallon", "Sir Michael" and
// "Fallon" in one article share a cluster, so a pronoun or a role noun ("the Defence Secretary") can point
// back to the person, and a paragraph quoting "Fallon" and "Sir Michael" quotes one speaker.
//
// This is not the corpus-wide identity (IdentityIndex in identityIndex.ts), which decides who each mention
// is across all documents, with aliases, initials and person ids, and is kept up to date incrementally.
// Clustering here sees one article's mentions only, in text order, with deliberately simple rules (exact
// first and last name parts); its clusters live only while that article's quotes are extracted and never
// become people.
import type { RawMention } from '../types';
import type { Gender } from '../language';
import * as genderRules from '../language/gender';
import * as honorifics from '../language/honorifics';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { FIRST_NAME_HONORIFICS, honorificGender } = honorifics;
const { mentionGender } = genderRules;

export interface ArticleClusters {
  /** The cluster of each mention, by mention index; clusters are numbered from 0 in order of first mention. */
  readonly clusterOf: readonly number[];
  /** Per cluster: the gender its first gendered mention tells (honorific or given name), else null. */
  readonly gender: readonly (Gender | null)[];
  /** Per cluster: the distinct roles its mentions carry ("Defence Secretary"), in order of appearance. */
  readonly roles: readonly (readonly string[])[];
}

/** Cluster of the one full name with some first (or last) part, when several full names share that part. */
const MANY_FULL_NAMES = -1;

/** Per-article coreference of mentions: "Sir Michael Fallon", "Sir Michael" and "Fallon" share a cluster. */
export function clusterMentions(mentions: readonly RawMention[]): ArticleClusters {
  const clusterOf: number[] = [];
  const gender: (Gender | null)[] = [];
  const roles: string[][] = [];
  // Each distinct full name (first and last part) gets its own cluster. Looked up by maps rather than by
  // scanning the full names for every mention (quadratic in a long article's mentions).
  const fullByFirstLast = new Map<string, Map<string, number>>();
  /** Cluster of the one full name with this first (or last) part, or MANY_FULL_NAMES when there are several. */
  const fullByFirst = new Map<string, number>();
  const fullByLast = new Map<string, number>();
  const newCluster = (): number => {
    gender.push(null);
    roles.push([]);
    return gender.length - 1;
  };
  const noteFullName = (index: Map<string, number>, part: string, cluster: number): void => {
    index.set(part, index.has(part) ? MANY_FULL_NAMES : cluster);
  };
  mentions.forEach((m, i) => {
    const parts = m.nameParts.length > 0 ? m.nameParts : m.text.split(/\s+/);
    const last = (parts[parts.length - 1] ?? '').toLowerCase();
    let cluster: number;
    if (parts.length >= 2) {
      const first = parts[0].toLowerCase();
      let byLast = fullByFirstLast.get(first);
      if (byLast === undefined) {
        byLast = new Map();
        fullByFirstLast.set(first, byLast);
      }
      const same = byLast.get(last);
      if (same !== undefined) cluster = same;
      else {
        cluster = newCluster();
        byLast.set(last, cluster);
        noteFullName(fullByFirst, first, cluster);
        noteFullName(fullByLast, last, cluster);
      }
    } else {
      // A lone name joins the one full name it can belong to: by first name after "Sir"/"Dame"
      // (when any full name has that first name), else by last name.
      const honor = (m.honorific ?? '').toLowerCase();
      const byFirst = FIRST_NAME_HONORIFICS.has(honor) ? fullByFirst.get(last) : undefined;
      const candidate = byFirst ?? fullByLast.get(last);
      cluster = candidate !== undefined && candidate !== MANY_FULL_NAMES ? candidate : newCluster();
    }
    clusterOf[i] = cluster;
    // The first gendered mention decides: later ones need not be asked.
    if (!gender[cluster]) {
      // The people extractor knows honorifics and given names; honorifics alone are the fallback.
      const g = mentionGender(m) ?? (m.honorific ? honorificGender(m.honorific) : null);
      if (g) gender[cluster] = g;
    }
    // Distinct roles only: a role repeated with every mention made each role noun's lookup scan them all.
    if (m.role && !roles[cluster].includes(m.role)) roles[cluster].push(m.role);
  });
  return { clusterOf, gender, roles };
}

