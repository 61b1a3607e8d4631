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
import * as textHelpers from '../util/text';
import * as names from './names';
import type { AliasTable } from './names';
import { mentionForm } from '../extract/mentions/rawMention';
import { sameItems } from '../util/compare';

// Bound once: under a CommonJS transform (tsx, the bench, tests) named imports are getters read on every use.
const { aliasTable, canonicalNameOf } = names;
const { foldName } = textHelpers;

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
  return mentionForm(name, null, name.split(/\s+/).filter(Boolean), null);
}

function tableOf(list: readonly string[]): AliasTable | null {
  return list.length === 0 ? null : aliasTable(Object.fromEntries(list.map((name) => [name, []])));
}

interface ArticleRules {
  /** Form -> canonical name (scoped for one-word names) in this article. */
  aliases: AliasTable | null;
  notEntities: AliasTable | null;
}

/** A flush's changes, and the ids shown differently since (merged or no entity, or no longer). */
export interface CorrectedChanges extends IdentityChanges {
  hidden: Set<string>;
}

/**
 * What a change of corrections touches: documents identity must resolve again (their per-article aliases
 * changed), and documents only to assemble again (which of their mentions are no entity changed).
 */
export interface CorrectionChanges {
  reset: Set<string>;
  reassemble: Set<string>;
}

export class CorrectedIdentity {
  private readonly identity: IdentityIndex;
  private config: CorrectionsConfig;
  private notEntities: AliasTable | null = null;
  private readonly rules = new Map<string, ArticleRules>();
  private merge: ReadonlyMap<string, string> = new Map();
  private renames: ReadonlyMap<string, string> = new Map();
  /** Each document's forms as identity got them, to find the documents a new name that is no entity is in. */
  private readonly forms = new Map<string, readonly MentionForm[]>();
  /** Per document with a name that is no entity, per mention: NOT_ENTITY and ONE_WORD flags. */
  private readonly dropped = new Map<string, Uint8Array>();
  /** Ids of people whose name is no entity. */
  private readonly removed = new Set<string>();
  /** Ids not shown as themselves: merged (the id shown instead) or no entity (null). */
  private outcomes = new Map<string, string | null>();
  /** The documents whose mentions have an id in `outcomes`, per id, and those ids per document. */
  private readonly hiddenDocs = new Map<string, Set<string>>();
  private readonly hiddenIn = new Map<string, string[]>();
  /** People shown in place of identity's (renamed, scoped, merge targets), with what they were made from. */
  private readonly copies = new Map<string, { from: readonly Person[]; copy: Person }>();
  private shown: ReadonlyMap<string, Person>;
  /** True when anything after identity changes what it gives: otherwise its answers are passed through. */
  private rewritesIds = false;

  constructor(config: CorrectionsConfig) {
    this.identity = new IdentityIndex(config.aliases);
    this.config = config;
    this.takeRules(config);
    this.shown = this.identity.people();
  }

  /**
   * Takes new corrections in place: returns what they touch (the caller sets those documents again and
   * flushes), or null when the corpus-wide aliases changed, which only a new index applies.
   */
  reconfigure(config: CorrectionsConfig): CorrectionChanges | null {
    const before = this.config;
    if (JSON.stringify(before.aliases) !== JSON.stringify(config.aliases)) return null;
    const changes: CorrectionChanges = { reset: new Set(), reassemble: new Set() };
    const reflag = new Set<string>();
    for (const path of new Set([...Object.keys(before.articleCorrections), ...Object.keys(config.articleCorrections)])) {
      const [was, is] = [before.articleCorrections[path], config.articleCorrections[path]];
      if (JSON.stringify(was?.aliases ?? {}) !== JSON.stringify(is?.aliases ?? {})) changes.reset.add(path);
      else if (JSON.stringify(was?.notEntities ?? []) !== JSON.stringify(is?.notEntities ?? [])) reflag.add(path);
    }
    const changedNames = symmetricDifference(before.notEntities, config.notEntities);
    if (changedNames.length > 0) for (const path of this.docsNaming(changedNames)) reflag.add(path);
    this.config = config;
    this.takeRules(config);
    for (const path of reflag) {
      const forms = this.forms.get(path);
      if (!forms || changes.reset.has(path)) continue;
      this.flagDrops(path, forms);
      changes.reassemble.add(path);
    }
    // Merges, renames and people named by a name that is no entity are settled after the next flush.
    for (const [id, person] of this.identity.people()) {
      if (this.namesNoEntity(person)) this.removed.add(id);
      else this.removed.delete(id);
    }
    return changes;
  }

  private takeRules(config: CorrectionsConfig): void {
    const scoped: Record<string, string[]> = {};
    this.rules.clear();
    for (const [path, corrections] of Object.entries(config.articleCorrections)) {
      const local: Record<string, string[]> = {};
      for (const [canonical, variants] of Object.entries(corrections.aliases)) {
        const oneWord = !/\s/.test(canonical.trim()) && !(canonical in config.aliases);
        const target = oneWord ? scopedCanonical(canonical.trim(), path) : canonical;
        if (oneWord) scoped[target] = [];
        local[target] = [...(local[target] ?? []), ...variants, ...(oneWord ? [canonical] : [])];
      }
      const articleAliases = Object.keys(local).length ? aliasTable(local) : null;
      this.rules.set(path, { aliases: articleAliases, notEntities: tableOf(corrections.notEntities) });
    }
    // Scoped names appear only in the forms of their article, which is set (again) after this.
    this.identity.addAliases(scoped);
    this.notEntities = tableOf(config.notEntities);
    this.merge = new Map(Object.entries(config.merge));
    this.renames = new Map(Object.entries(config.names));
    this.rewritesIds = this.notEntities !== null || this.rules.size > 0 || this.merge.size > 0 || this.renames.size > 0;
  }

  /**
   * Documents with a form that is one of `names` or one of their words (a short form that may have been
   * resolved to it): a superset of those whose mentions a change of these names can touch.
   */
  private docsNaming(names: readonly string[]): string[] {
    const table = tableOf(names)!;
    const words = new Set(names.flatMap((name) => name.split(/\s+/)).map((word) => foldName(word)));
    const seen = new Map<string, boolean>();
    const found: string[] = [];
    for (const [key, forms] of this.forms) {
      const hit = forms.some((m) => {
        let named = seen.get(m.text);
        if (named === undefined) {
          named = canonicalNameOf(table, m) !== undefined || (m.nameParts.length === 1 && words.has(foldName(m.nameParts[0])));
          seen.set(m.text, named);
        }
        return named;
      });
      if (hit) found.push(key);
    }
    return found;
  }

  private namesNoEntity(person: Person): boolean {
    return this.notEntities !== null && canonicalNameOf(this.notEntities, formOf(unscoped(person.name))) !== undefined;
  }

  setDoc(key: string, mentions: readonly MentionForm[]): void {
    const local = this.rules.get(key)?.aliases ?? null;
    const forms = local ? mentions.map((m) => rewritten(m, local)) : mentions;
    this.flagDrops(key, forms);
    this.forms.set(key, forms);
    this.identity.setDoc(key, forms);
  }

  /** Marks a document's mentions that are no entity (and its one-word forms, which may go with them). */
  private flagDrops(key: string, forms: readonly MentionForm[]): void {
    this.dropped.delete(key);
    const local = this.rules.get(key)?.notEntities ?? null;
    if (!this.notEntities && !local) return;
    const flags = new Uint8Array(forms.length);
    let any = false;
    forms.forEach((m, i) => {
      const notEntity = this.isNotEntity(m, local);
      any ||= notEntity;
      flags[i] = (notEntity ? NOT_ENTITY : 0) | (m.nameParts.length === 1 ? ONE_WORD : 0);
    });
    if (any) this.dropped.set(key, flags);
  }

  removeDoc(key: string): void {
    this.untrack(key);
    this.forms.delete(key);
    this.dropped.delete(key);
    this.identity.removeDoc(key);
  }

  /** Entity ids of one document's mentions, in input order (null: none). */
  idsOf(key: string): (string | null)[] {
    const ids = this.identity.idsOf(key);
    this.untrack(key);
    if (!this.rewritesIds) return ids;
    const flags = this.dropped.get(key);
    // A one-word form resolved to the same id as a name that is no entity ("Black" after "Bethpage Black")
    // names the same thing; other full names resolved to that id keep it.
    const droppedIds = new Set<string>();
    if (flags) ids.forEach((id, i) => (flags[i] & NOT_ENTITY) !== 0 && id !== null && droppedIds.add(id));
    let hidden: Set<string> | null = null;
    const result = ids.map((id, i) => {
      if (id === null) return null;
      if (flags && ((flags[i] & NOT_ENTITY) !== 0 || ((flags[i] & ONE_WORD) !== 0 && droppedIds.has(id)))) return null;
      const outcome = this.outcomes.get(id);
      if (outcome === undefined) return id;
      (hidden ??= new Set()).add(id);
      return outcome;
    });
    if (hidden) this.track(key, hidden);
    return result;
  }

  people(): ReadonlyMap<string, Person> {
    return this.shown;
  }

  flush(): CorrectedChanges {
    return this.apply(this.identity.flush());
  }

  *flushSteps(): Steps<CorrectedChanges> {
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
  private apply(changes: IdentityChanges): CorrectedChanges {
    const result: CorrectedChanges = { ...changes, hidden: new Set() };
    if (!this.rewritesIds && this.outcomes.size === 0 && this.copies.size === 0) {
      this.shown = this.identity.people();
      return result;
    }
    const people = this.identity.people();
    for (const id of changes.people) {
      const person = people.get(id);
      if (person && this.namesNoEntity(person)) this.removed.add(id);
      else this.removed.delete(id);
    }
    this.updateOutcomes(result);
    const merged = new Map<string, Person[]>();
    for (const id of this.merge.keys()) {
      const source = people.get(id);
      const target = this.targetOf(id);
      if (source && target !== id && !this.removed.has(id)) merged.set(target, [...(merged.get(target) ?? []), source]);
    }
    const shown = new Map<string, Person>();
    for (const [id, person] of people) {
      if (this.outcomes.has(id)) continue;
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
    return result;
  }

  /**
   * Settles which ids are shown as another (merged) or not at all (a name that is no entity). Where that
   * changed, the documents holding them must be assembled again: those it hid are tracked here, those shown
   * until now are listed by the view (`hidden`).
   */
  private updateOutcomes(changes: CorrectedChanges): void {
    const next = new Map<string, string | null>();
    for (const id of this.removed) next.set(id, null);
    for (const id of this.merge.keys()) {
      if (next.has(id)) continue;
      const target = this.targetOf(id);
      if (target !== id) next.set(id, target);
    }
    for (const id of new Set([...this.outcomes.keys(), ...next.keys()])) {
      const before = this.outcomes.get(id);
      const after = next.get(id);
      if (before === after) continue;
      changes.hidden.add(id);
      changes.people.add(id);
      for (const target of [before, after]) if (target) changes.people.add(target);
      for (const key of this.hiddenDocs.get(id) ?? []) changes.docs.add(key);
    }
    this.outcomes = next;
  }

  private track(key: string, ids: ReadonlySet<string>): void {
    this.hiddenIn.set(key, [...ids]);
    for (const id of ids) {
      let docs = this.hiddenDocs.get(id);
      if (!docs) this.hiddenDocs.set(id, (docs = new Set()));
      docs.add(key);
    }
  }

  private untrack(key: string): void {
    const ids = this.hiddenIn.get(key);
    if (!ids) return;
    this.hiddenIn.delete(key);
    for (const id of ids) {
      const docs = this.hiddenDocs.get(id);
      docs?.delete(key);
      if (docs?.size === 0) this.hiddenDocs.delete(id);
    }
  }
}

/** A mention as its article's aliases name it. */
function rewritten(m: MentionForm, local: AliasTable): MentionForm {
  const canonical = canonicalNameOf(local, m);
  if (canonical === undefined || canonical === m.text) return m;
  return mentionForm(canonical, null, canonical.split(/\s+/), m.role);
}

function symmetricDifference(a: readonly string[], b: readonly string[]): string[] {
  const inA = new Set(a);
  const inB = new Set(b);
  return [...a.filter((x) => !inB.has(x)), ...b.filter((x) => !inA.has(x))];
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
