// How resolved clusters become people. A person is a root cluster (one not merged into an alias cluster)
// with the full-name clusters merged into it, and at least one assigned mention. Its name is the corpus.yaml
// canonical name, else the fullest form it was written in; its aliases are its other forms, most frequent
// first; its roles are the roles it was given, most frequent first, each in its most frequent spelling. Its
// id is the slug of its name; people whose names share a slug are numbered ("john-smith", "john-smith-2")
// in an order fixed by name, mention count and cluster key, so ids do not depend on article order.
import type { Person } from '../types';
import type { Steps } from '../util/steps';
import * as counts from '../util/counts';
import * as textHelpers from '../util/text';
import * as clusterHelpers from './clusters';
import type { ClusterPerson, ClusterState, FormTally } from './clusters';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { slugify } = textHelpers;
const { tallyEntries, tallyKeys } = counts;
const { formTallies } = clusterHelpers;

/** A person's name, aliases and roles, from the mentions assigned to its clusters. */
interface PersonDescription {
  name: string;
  aliases: string[];
  roles: string[];
}

/** The people of the index, by root cluster, by slug and by id. */
export interface IdentityChanges {
  /** Documents whose person ids may have changed (including added and removed ones). */
  docs: Set<string>;
  /** Ids of people that were added, removed or rebuilt (new Person objects). */
  people: Set<string>;
}

/** The people of one slug: nearly always one, kept without a collection around it. */
type SlugGroup = ClusterPerson | ClusterPerson[];

function membersOf(group: SlugGroup | undefined): readonly ClusterPerson[] {
  return group === undefined ? [] : Array.isArray(group) ? group : [group];
}

export class PeopleTable {
  private readonly bySlug = new Map<string, SlugGroup>();
  private readonly byId = new Map<string, Person>();

  /** The id of the person a root cluster makes, or null when it makes none. */
  idOf(root: ClusterState): string | null {
    return root.person?.id ?? null;
  }

  people(): ReadonlyMap<string, Person> {
    return this.byId;
  }

  /**
   * Rebuilds the people of the clusters in `dirtyRoots`, then numbers the ids of every slug whose people
   * changed. Records the ids that went or changed and the documents whose mentions got another id.
   */
  *rebuild(dirtyRoots: ReadonlySet<ClusterState>, changes: IdentityChanges, everyDocChanged = false): Steps<void> {
    const dirtySlugs = new Set<string>();
    for (const c of dirtyRoots) {
      yield;
      this.rebuildPerson(c, changes, dirtySlugs);
    }
    for (const slug of dirtySlugs) {
      yield;
      this.numberSlug(slug, changes, everyDocChanged);
    }
  }

  /** Replaces the person of one cluster (dropping it when the cluster is merged or has no mentions left); its id is settled by `numberSlug`. */
  private rebuildPerson(c: ClusterState, changes: IdentityChanges, dirtySlugs: Set<string>): void {
    const old = c.person;
    const members = c.mergedInto === null ? [c, ...(c.mergedFrom ?? [])] : [];
    const count = members.reduce((n, m) => n + m.assigned, 0);
    const previousId = old?.id ?? '';
    if (old) {
      c.person = null;
      this.leaveSlug(old);
      dirtySlugs.add(old.slug);
      if (this.byId.get(old.id) === old.person) this.byId.delete(old.id);
      changes.people.add(old.id);
    }
    if (count === 0) return;
    const { name, aliases, roles } = describePerson(members, c.canonical);
    const slug = slugify(name);
    const state: ClusterPerson = { root: c, id: previousId, slug, mentionCount: count, person: { id: '', type: 'person', name, aliases, roles, mentions: [] } };
    c.person = state;
    const group = this.bySlug.get(slug);
    if (group === undefined) this.bySlug.set(slug, state);
    else if (Array.isArray(group)) group.push(state);
    else this.bySlug.set(slug, [group, state]);
    dirtySlugs.add(slug);
  }

  private leaveSlug(state: ClusterPerson): void {
    const group = this.bySlug.get(state.slug);
    if (group === state) this.bySlug.delete(state.slug);
    else if (Array.isArray(group)) {
      const at = group.indexOf(state);
      if (at >= 0) group.splice(at, 1);
      if (group.length === 1) this.bySlug.set(state.slug, group[0]);
    }
  }

  /**
   * Gives the people of one slug their ids: the slug, then the slug numbered from 2, by name, mention count and
   * key. The documents of a person whose id changed are recorded, unless `everyDocChanged` already says so.
   */
  private numberSlug(slug: string, changes: IdentityChanges, everyDocChanged: boolean): void {
    const group = membersOf(this.bySlug.get(slug));
    if (group.length === 0) return;
    const ordered = [...group].sort((a, b) => a.person.name.localeCompare(b.person.name) || b.mentionCount - a.mentionCount || a.root.key.localeCompare(b.root.key));
    ordered.forEach((state, k) => {
      const id = k === 0 ? slug : `${slug}-${k + 1}`;
      if (state.id === id && this.byId.get(id) === state.person) return;
      if (state.id && this.byId.get(state.id) === state.person) this.byId.delete(state.id);
      if (state.id) changes.people.add(state.id);
      if (state.id !== id && !everyDocChanged) for (const member of [state.root, ...(state.root.mergedFrom ?? [])]) for (const doc of tallyKeys(member.docs)) changes.docs.add(doc.key);
      state.id = id;
      state.person.id = id;
      this.byId.set(id, state.person);
      changes.people.add(id);
    });
  }
}

function describePerson(members: readonly ClusterState[], canonical: string | null): PersonDescription {
  const forms = mergedForms(members);
  const name = canonical ?? fullestForm(forms);
  const others = [...forms.keys()].filter((f) => f !== name).sort((a, b) => forms.get(b)!.count - forms.get(a)!.count || a.localeCompare(b));
  // Copied to fit: a filtered array keeps room for 16 more, and the index keeps one per person.
  const aliases = others.slice();
  // Most people are given no role: no maps and lists for them.
  const roles = members.some((m) => m.roles !== null) ? rolesByFrequency(mergedRoles(members)) : [];
  return { name, aliases, roles };
}

/**
 * The written forms of the members' mentions, with counts summed (copies where several members may sum: the
 * members' tallies stay as they are; one member's are read as they are).
 */
function mergedForms(members: readonly ClusterState[]): Map<string, FormTally> {
  const forms = new Map<string, FormTally>();
  const single = members.length === 1;
  for (const member of members) {
    for (const f of formTallies(member.forms)) {
      const text = f.form.text;
      const seen = forms.get(text);
      if (seen) seen.count += f.count;
      else forms.set(text, single ? f : { ...f });
    }
  }
  return forms;
}

/** Lower-cased role -> spelling -> count, summed over the members. */
function mergedRoles(members: readonly ClusterState[]): Map<string, Map<string, number>> {
  const roles = new Map<string, Map<string, number>>();
  for (const member of members) {
    for (const [spelling, n] of tallyEntries(member.roles)) {
      const lower = spelling.toLowerCase();
      let into = roles.get(lower);
      if (!into) roles.set(lower, (into = new Map()));
      into.set(spelling, (into.get(spelling) ?? 0) + n);
    }
  }
  return roles;
}

/** The fullest form without honorific; ties go to the more frequent form, then to the first in order. */
function fullestForm(forms: ReadonlyMap<string, FormTally>): string {
  let best = '';
  let bestWords = 0;
  let bestCount = 0;
  for (const { count, form } of forms.values()) {
    const words = form.nameParts.length;
    if (words < bestWords || (words === bestWords && count < bestCount)) continue;
    const name = form.nameParts.join(' ');
    if (words > bestWords || count > bestCount || name < best) {
      best = name;
      bestWords = words;
      bestCount = count;
    }
  }
  return best;
}

/** Each role in its most frequent spelling, the most frequent role first. */
function rolesByFrequency(roles: ReadonlyMap<string, ReadonlyMap<string, number>>): string[] {
  return [...roles.values()]
    .map((spellings) => {
      let total = 0;
      let top = '';
      let topCount = 0;
      for (const [spelling, n] of spellings) {
        total += n;
        if (n > topCount || (n === topCount && spelling < top)) {
          top = spelling;
          topCount = n;
        }
      }
      return { top, total };
    })
    .sort((a, b) => b.total - a.total || (a.top < b.top ? -1 : a.top > b.top ? 1 : 0))
    .map((r) => r.top);
}
