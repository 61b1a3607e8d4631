// The user's corrections from corpus.yaml applied around identity resolution, which itself stays unaware
// of them (its own input is corpus.yaml's corpus-wide aliases). Before it, per-article aliases rewrite a
// form in its article ("Kim" in this article is "Kim Moran"; a one-word name becomes a person of that
// article alone). After it, on the ids it gives: names that are no entity lose their mentions, and with them
// the mentions resolved to the same id in that article (the "Black" of "Bethpage Black"); a person whose
// name is no entity goes with all its mentions; merged people take their target's id; renamed people show
// their new name. A correction changes no extraction: the index re-resolves, it does not re-extract.
import type { CorpusConfig, MentionForm, Person } from '../types';
import type { Steps } from '../util/steps';
import { IdentityIndex, type IdentityChanges } from './identityIndex';
import * as names from './names';
import type { AliasTable } from './names';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { aliasTable, canonicalNameOf } = names;

/** What of corpus.yaml identity corrections read. */
export type CorrectionsConfig = Pick<CorpusConfig, 'aliases' | 'notEntities' | 'merge' | 'names' | 'articleCorrections'>;

/**
 * Joins a one-word per-article canonical to its article, so it makes an alias cluster no other article
 * shares (the identity index keys alias clusters by canonical name). Invisible, and dropped from the name
 * shown; whitespace in the path would split the canonical into name words, so it is replaced.
 */
const SCOPE_MARK = '\u2063';

const NOT_ENTITY = 1;
const ONE_WORD = 2;

function scopedCanonical(canonical: string, path: string): string {
  return `${canonical}${SCOPE_MARK}${path.replace(/\s/g, '_')}`;
}

function unscoped(name: string): string {
  const at = name.indexOf(SCOPE_MARK);
  return at < 0 ? name : name.slice(0, at);
}

/** The person named `name`, as identity would parse a mention of it. */
function formOf(name: string): MentionForm {
  return { text: name, honorific: null, nameParts: name.split(/\s+/).filter(Boolean), role: null };
}

function tableOf(list: readonly string[]): AliasTable | null {
  return list.length === 0 ? null : aliasTable(Object.fromEntries(list.map((name) => [name, []])));
}

interface ArticleRules {
  /** Form -> canonical name (scoped for one-word names) in this article. */
  aliases: AliasTable | null;
  notEntities: AliasTable | null;
}

export class CorrectedIdentity {
  private readonly identity: IdentityIndex;
  private readonly notEntities: AliasTable | null;
  private readonly rules = new Map<string, ArticleRules>();
  private readonly merge: ReadonlyMap<string, string>;
  private readonly renames: ReadonlyMap<string, string>;
  /** Per document with a name that is no entity, per mention: NOT_ENTITY and ONE_WORD flags. */
  private readonly dropped = new Map<string, Uint8Array>();
  /** Ids of people whose name is no entity. */
  private readonly removed = new Set<string>();
  /** People shown in place of identity's (renamed, scoped, merge targets), with what they were made from. */
  private readonly copies = new Map<string, { from: readonly Person[]; copy: Person }>();
  private shown: ReadonlyMap<string, Person>;
  /** True when anything after identity changes what it gives: otherwise its answers are passed through. */
  private readonly rewritesIds: boolean;

  constructor(config: CorrectionsConfig) {
    const aliases: Record<string, string[]> = { ...config.aliases };
    for (const [path, corrections] of Object.entries(config.articleCorrections)) {
      const local: Record<string, string[]> = {};
      for (const [canonical, variants] of Object.entries(corrections.aliases)) {
        const oneWord = !/\s/.test(canonical.trim()) && !(canonical in config.aliases);
        const target = oneWord ? scopedCanonical(canonical.trim(), path) : canonical;
        if (oneWord) aliases[target] = [];
        local[target] = [...(local[target] ?? []), ...variants, ...(oneWord ? [canonical] : [])];
      }
      const articleAliases = Object.keys(local).length ? aliasTable(local) : null;
      this.rules.set(path, { aliases: articleAliases, notEntities: tableOf(corrections.notEntities) });
    }
    this.identity = new IdentityIndex(aliases);
    this.notEntities = tableOf(config.notEntities);
    this.merge = new Map(Object.entries(config.merge));
    this.renames = new Map(Object.entries(config.names));
    this.rewritesIds = this.notEntities !== null || this.rules.size > 0 || this.merge.size > 0 || this.renames.size > 0;
    this.shown = this.identity.people();
  }

  setDoc(key: string, mentions: readonly MentionForm[]): void {
    const rules = this.rules.get(key);
    const local = rules?.aliases ?? null;
    const forms = local ? mentions.map((m) => rewritten(m, local)) : mentions;
    this.dropped.delete(key);
    if (this.notEntities || rules?.notEntities) {
      const flags = new Uint8Array(forms.length);
      let any = false;
      forms.forEach((m, i) => {
        const notEntity = this.isNotEntity(m, rules?.notEntities ?? null);
        any ||= notEntity;
        flags[i] = (notEntity ? NOT_ENTITY : 0) | (m.nameParts.length === 1 ? ONE_WORD : 0);
      });
      if (any) this.dropped.set(key, flags);
    }
    this.identity.setDoc(key, forms);
  }

  removeDoc(key: string): void {
    this.dropped.delete(key);
    this.identity.removeDoc(key);
  }

  /** Entity ids of one document's mentions, in input order (null: none). */
  idsOf(key: string): (string | null)[] {
    const ids = this.identity.idsOf(key);
    if (!this.rewritesIds) return ids;
    const flags = this.dropped.get(key);
    // A one-word form resolved to the same id as a name that is no entity ("Black" after "Bethpage Black")
    // names the same thing; other full names resolved to that id keep it.
    const droppedIds = new Set<string>();
    if (flags) ids.forEach((id, i) => (flags[i] & NOT_ENTITY) !== 0 && id !== null && droppedIds.add(id));
    return ids.map((id, i) => {
      if (id === null || this.removed.has(id)) return null;
      if (flags && ((flags[i] & NOT_ENTITY) !== 0 || ((flags[i] & ONE_WORD) !== 0 && droppedIds.has(id)))) return null;
      return this.targetOf(id);
    });
  }

  people(): ReadonlyMap<string, Person> {
    return this.shown;
  }

  flush(): IdentityChanges {
    return this.apply(this.identity.flush());
  }

  *flushSteps(): Steps<IdentityChanges> {
    return this.apply(yield* this.identity.flushSteps());
  }

  private isNotEntity(m: MentionForm, local: AliasTable | null): boolean {
    return (this.notEntities !== null && canonicalNameOf(this.notEntities, m) !== undefined) || (local !== null && canonicalNameOf(local, m) !== undefined);
  }

  /** The id a person is shown under: the end of its merge chain, when that person exists. */
  private targetOf(id: string): string {
    if (!this.merge.has(id)) return id;
    const people = this.identity.people();
    let target = id;
    const seen = new Set([id]);
    for (let next = this.merge.get(target); next !== undefined && !seen.has(next) && people.has(next) && !this.removed.has(next); next = this.merge.get(target)) {
      seen.add(next);
      target = next;
    }
    return target;
  }

  /** Brings the people shown up to date after a flush; people shown differently are added to `changes`. */
  private apply(changes: IdentityChanges): IdentityChanges {
    if (!this.rewritesIds) {
      this.shown = this.identity.people();
      return changes;
    }
    const people = this.identity.people();
    if (this.notEntities) {
      for (const id of changes.people) {
        const person = people.get(id);
        if (person && canonicalNameOf(this.notEntities, formOf(unscoped(person.name))) !== undefined) this.removed.add(id);
        else this.removed.delete(id);
      }
    }
    const merged = new Map<string, Person[]>();
    for (const id of this.merge.keys()) {
      const source = people.get(id);
      const target = this.targetOf(id);
      if (source && target !== id && !this.removed.has(id)) merged.set(target, [...(merged.get(target) ?? []), source]);
    }
    const shown = new Map<string, Person>();
    for (const [id, person] of people) {
      if (this.removed.has(id) || this.targetOf(id) !== id) continue;
      const sources = merged.get(id);
      const name = this.renames.get(id) ?? unscoped(person.name);
      if (!sources && name === person.name) {
        if (this.copies.delete(id)) changes.people.add(id);
        shown.set(id, person);
        continue;
      }
      const from = [person, ...(sources ?? [])];
      const previous = this.copies.get(id);
      if (previous && previous.copy.name === name && sameItems(previous.from, from)) {
        shown.set(id, previous.copy);
        continue;
      }
      const copy = combined(id, name, from);
      this.copies.set(id, { from, copy });
      shown.set(id, copy);
      changes.people.add(id);
    }
    for (const id of this.copies.keys()) {
      if (shown.has(id)) continue;
      this.copies.delete(id);
      changes.people.add(id);
    }
    this.shown = shown;
    return changes;
  }
}

/** A mention as its article's aliases name it. */
function rewritten(m: MentionForm, local: AliasTable): MentionForm {
  const canonical = canonicalNameOf(local, m);
  if (canonical === undefined || canonical === m.text) return m;
  return { text: canonical, honorific: null, nameParts: canonical.split(/\s+/), role: m.role };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** One person shown for `from` (the person, then those merged into it) under `name`. */
function combined(id: string, name: string, from: readonly Person[]): Person {
  const aliases = new Set<string>();
  const roles = new Set<string>();
  for (const person of from) {
    for (const alias of [unscoped(person.name), ...person.aliases]) aliases.add(unscoped(alias));
    for (const role of person.roles) roles.add(role);
  }
  aliases.delete(name);
  return { ...from[0], id, name, aliases: [...aliases], roles: [...roles], mentions: [] };
}
