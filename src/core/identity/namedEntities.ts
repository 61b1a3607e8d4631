// Corpus-wide identity of organisations and places: mentions meet under the key of their name (entityKey:
// "NATO", "Nato" -> "nato"; "U.S." -> "us"), and keys join into one entity when the general lexicon knows
// them as variants of one name ("US", "United States"), they are an organisation's singular and plural
// ("Tory", "Tories") or a party's name with and without "Party", an article defines one as the acronym of
// the other ("the North Atlantic Treaty Organization (Nato)"), or corpus.yaml lists them as aliases. A name
// read as both types stays two entities when each reading is common ("New York" the city, "New York" the
// team); a rare reading joins the usual one ("Russia said" read as an organisation in a corpus of places),
// and corpus.yaml can name the type. Documents come and go one at a time; a flush recomputes the joins over
// the distinct keys (thousands, not mentions) and reports the documents whose entity ids changed.
import { entityKey, KNOWN_NAME_OF, organisationKeyVariants } from '../language/entityNames';
import { addCount, addToIndex } from '../util/counts';
import { slugify } from '../util/text';
import type { Entity, NamedEntityType } from '../types';
import { sameItems } from '../util/compare';

/** A name's key with the type it was read as: "organization|nato". */
type TypedKey = string;

interface DocEntities {
  /** Per mention, the number of its typed key (`KeyNumbers`): 2 or 4 bytes a mention kept instead of 8. */
  keys: Uint16Array | Int32Array;
  texts: readonly string[];
  /** Pairs of keys an acronym definition in the document joins (null: none, as in most documents). */
  links: [TypedKey, TypedKey][] | null;
}

/**
 * A number for each typed key some document holds, so documents keep their mentions' keys as small numbers.
 * The number of a key no document holds any more is given to the next new key.
 */
class KeyNumbers {
  private readonly numberOf = new Map<TypedKey, number>();
  private readonly keys: TypedKey[] = [];
  private readonly free: number[] = [];

  numberFor(key: TypedKey): number {
    let n = this.numberOf.get(key);
    if (n === undefined) {
      n = this.free.pop() ?? this.keys.length;
      this.keys[n] = key;
      this.numberOf.set(key, n);
    }
    return n;
  }

  key(n: number): TypedKey {
    return this.keys[n];
  }

  /** One more than the highest number given. */
  get size(): number {
    return this.keys.length;
  }

  /** Frees the numbers of the keys `held` no longer has. */
  release(held: ReadonlyMap<TypedKey, unknown>): void {
    for (const [key, n] of this.numberOf) {
      if (held.has(key)) continue;
      this.numberOf.delete(key);
      this.keys[n] = '';
      this.free.push(n);
    }
  }
}

/** The keys of a document's mentions in the smallest array that holds their numbers. */
function keyArray(numbers: readonly number[]): Uint16Array | Int32Array {
  let max = 0;
  for (const n of numbers) if (n > max) max = n;
  return max <= 0xffff ? Uint16Array.from(numbers) : Int32Array.from(numbers);
}

/** Documents added to a key's list after which the flush copies it to fit (one edit's few are left). */
const TRIM_AFTER_PUSHES = 16;

/** A reading of a name this rare among its mentions joins the usual reading. */
const RARE_READING = 0.25;

/** corpus.yaml's names that are no entity: in every article, and in one article (by path). */
export interface NotEntityNames {
  everywhere: readonly string[];
  byPath: Readonly<Record<string, readonly string[]>>;
}

export interface NamedEntityChanges {
  /** Documents whose mentions' entity ids changed. */
  docs: Set<string>;
  /** Ids of entities created, changed or gone. */
  entities: Set<string>;
}

const typedKey = (type: NamedEntityType, key: string): TypedKey => `${type}|${key}`;
const typeOf = (key: TypedKey): NamedEntityType => (key.startsWith('place|') ? 'place' : 'organization');
const bareKey = (key: TypedKey): string => key.slice(key.indexOf('|') + 1);
const TYPES: readonly NamedEntityType[] = ['organization', 'place'];
/** A corpus.yaml alias key "organization:Nato" or "place:Kyiv" names its type. */
const TYPED_ALIAS = /^(organization|organisation|place|person):\s*/i;

/** The type a corpus.yaml alias key names, and the name without it; untyped keys name people. */
export function aliasKeyType(key: string): { type: 'person' | NamedEntityType; name: string } {
  const typed = TYPED_ALIAS.exec(key);
  if (!typed) return { type: 'person', name: key };
  const word = typed[1].toLowerCase();
  return { type: word === 'person' ? 'person' : word === 'place' ? 'place' : 'organization', name: key.slice(typed[0].length) };
}

/** corpus.yaml aliases for people only: typed keys of other types left out, a "person:" prefix dropped. */
export function personAliases(aliases: Readonly<Record<string, string[]>>): Record<string, string[]> {
  const people: Record<string, string[]> = {};
  for (const [key, variants] of Object.entries(aliases)) {
    const { type, name } = aliasKeyType(key);
    if (type === 'person') people[name] = variants;
  }
  return people;
}

/** Keys of names seen lately: a corpus writes the same few thousand names over and over. */
const keyCache = new Map<string, string>();
const KEY_CACHE_SIZE = 50_000;

function keyOf(name: string): string {
  let key = keyCache.get(name);
  if (key === undefined) {
    if (keyCache.size >= KEY_CACHE_SIZE) keyCache.clear();
    key = entityKey(name);
    keyCache.set(name, key);
  }
  return key;
}

class UnionFind {
  private readonly parent = new Map<string, string>();

  find(x: string): string {
    let root = x;
    for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root)) root = up;
    for (let at = x; at !== root; ) {
      const up = this.parent.get(at)!;
      this.parent.set(at, root);
      at = up;
    }
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

/**
 * One document's organisation and place mentions by position: `texts` in order, kept as given (the caller's
 * packed array is shared, not copied; it may run on past `count`), each mention's type and acronym expansion.
 */
export interface DocEntityMentions {
  readonly count: number;
  readonly texts: readonly string[];
  typeOf(i: number): NamedEntityType;
  expansionOf(i: number): string | undefined;
}

export class NamedEntityIndex {
  private readonly docs = new Map<string, DocEntities>();
  /** Per typed key, how often each written form occurs. */
  private readonly forms = new Map<TypedKey, Map<string, number>>();
  /** Per typed key, the documents that mention it, each once in no order (a list, not a map: a tenth of the memory). */
  private readonly keyDocs = new Map<TypedKey, string[]>();
  /**
   * Documents added to each key's list since it was last copied to fit: a list pushed to keeps up to half its
   * length spare, so lists that took many (after a load, all of them) are copied at the flush.
   */
  private readonly pushedTo = new Map<TypedKey, number>();
  /** Acronym definitions joining two typed keys, counted ("a\u0000b"). */
  private readonly links = new Map<string, number>();
  private dirty = true;
  /** Entity id of each typed key as read in the documents. */
  private idOfKey = new Map<TypedKey, string>();
  /** `idOfKey` by key number as of the last flush (null: none); undefined for a number given out since. */
  private idOfNumber: (string | null | undefined)[] = [];
  private byId = new Map<string, Entity>();
  /** Alias groups of corpus.yaml: the names' keys (the canonical name first), and the type the key names. */
  private readonly aliasGroups: { type: NamedEntityType | null; keys: string[]; canonical: string }[] = [];

  /** Keys of names that are no entity (corpus.yaml `notEntities`): everywhere, and per article. */
  private readonly notKeys: ReadonlySet<string>;
  private readonly notKeysIn: ReadonlyMap<string, ReadonlySet<string>>;

  constructor(aliases: Readonly<Record<string, string[]>> = {}, notEntities: NotEntityNames = { everywhere: [], byPath: {} }) {
    this.notKeys = new Set(notEntities.everywhere.map(keyOf));
    this.notKeysIn = new Map(Object.entries(notEntities.byPath).map(([path, names]) => [path, new Set(names.map(keyOf))]));
    for (const [key, variants] of Object.entries(aliases)) {
      const { type, name } = aliasKeyType(key);
      const keys = [name, ...(variants ?? [])].map(entityKey).filter(Boolean);
      // An untyped group (a people alias) joins organisations or places only where the corpus has those names.
      this.aliasGroups.push({ type: type === 'person' ? null : type, keys, canonical: name.trim() });
    }
  }

  /** One number per typed key, shared by all its mentions. */
  private readonly keyNumbers = new KeyNumbers();
  /** Per key number, 1 while `count` lists the document that holds it; all 0 in between. */
  private listing = new Uint8Array(0);
  /**
   * Key numbers by written name and type, for the documents set since the last flush (a load sets every one):
   * the same few thousand names come back in every article. Emptied by the flush, which may free numbers.
   */
  private readonly numbersByText: Record<NamedEntityType, Map<string, number>> = { organization: new Map(), place: new Map() };

  /** One document's mentions, read by position (no mention objects are needed). */
  setDoc(path: string, mentions: DocEntityMentions): void {
    const { texts, typeOf, expansionOf } = mentions;
    this.removeDoc(path);
    const numbers = new Array<number>(mentions.count);
    let links: [TypedKey, TypedKey][] | null = null;
    for (let i = 0; i < numbers.length; i++) {
      const text = texts[i];
      const type = typeOf(i);
      const byText = this.numbersByText[type];
      let n = byText.get(text);
      if (n === undefined) {
        byText.set(text, (n = this.keyNumbers.numberFor(typedKey(type, keyOf(text)))));
        this.idOfNumber[n] = undefined; // the number may be a freed one given to another key
      }
      numbers[i] = n;
      const expansion = expansionOf(i);
      if (expansion !== undefined) (links ??= []).push([this.keyNumbers.key(numbers[i]), typedKey(type, keyOf(expansion))]);
    }
    const doc: DocEntities = { keys: keyArray(numbers), texts, links };
    this.docs.set(path, doc);
    this.count(path, doc, 1);
  }

  removeDoc(path: string): void {
    const doc = this.docs.get(path);
    if (!doc) return;
    this.count(path, doc, -1);
    this.docs.delete(path);
  }

  private count(path: string, doc: DocEntities, delta: number): void {
    const { keyNumbers } = this;
    for (let i = 0; i < doc.keys.length; i++) addToIndex(this.forms, keyNumbers.key(doc.keys[i]), doc.texts[i], delta);
    // Each key once, in first-seen order: marked by number while the document is walked, where a set per
    // document grew as it filled (about 3% of what a load's resolution allocates).
    if (this.listing.length < keyNumbers.size) this.listing = new Uint8Array(2 * keyNumbers.size);
    const { listing } = this;
    for (let i = 0; i < doc.keys.length; i++) {
      const n = doc.keys[i];
      if (listing[n] === 1) continue;
      listing[n] = 1;
      this.listDoc(path, keyNumbers.key(n), delta);
    }
    for (let i = 0; i < doc.keys.length; i++) listing[doc.keys[i]] = 0;
    for (const [a, b] of doc.links ?? []) addCount(this.links, `${a}\u0000${b}`, delta);
    this.dirty = true;
  }

  /** Adds `path` to (or, `delta` < 0, removes it from) the documents of `key`. */
  private listDoc(path: string, key: TypedKey, delta: number): void {
    const docs = this.keyDocs.get(key);
    if (delta > 0) {
      if (docs) docs.push(path);
      else this.keyDocs.set(key, [path]);
      this.pushedTo.set(key, (this.pushedTo.get(key) ?? 0) + 1);
      return;
    }
    if (!docs) return;
    const at = docs.lastIndexOf(path);
    if (at < 0) return;
    docs[at] = docs[docs.length - 1];
    docs.pop();
    if (docs.length === 0) this.keyDocs.delete(key);
  }

  /** Entity ids of one document's mentions, in input order. */
  idsOf(path: string): (string | null)[] {
    const doc = this.docs.get(path);
    if (!doc) return [];
    const local = this.notKeysIn.get(path);
    const ids = new Array<string | null>(doc.keys.length);
    const noneHidden = this.notKeys.size === 0 && !local;
    for (let i = 0; i < ids.length; i++) {
      const known = noneHidden ? this.idOfNumber[doc.keys[i]] : undefined;
      if (known !== undefined) {
        ids[i] = known;
        continue;
      }
      const key = this.keyNumbers.key(doc.keys[i]);
      const bare = noneHidden ? '' : bareKey(key);
      ids[i] = !noneHidden && (this.notKeys.has(bare) || local?.has(bare)) ? null : (this.idOfKey.get(key) ?? null);
    }
    return ids;
  }

  entities(): ReadonlyMap<string, Entity> {
    return this.byId;
  }

  /**
   * The type each name is taken as whatever it was read as, where one type is due: the type corpus.yaml
   * gives it, or the usual reading where the other is rare. Names read both ways often keep both.
   */
  private settledTypes(): Map<string, NamedEntityType> {
    const readings = new Map<string, [number, number]>();
    for (const [key, forms] of this.forms) {
      let n = 0;
      for (const count of forms.values()) n += count;
      const bare = bareKey(key);
      const pair = readings.get(bare) ?? [0, 0];
      pair[typeOf(key) === 'place' ? 1 : 0] += n;
      readings.set(bare, pair);
    }
    const settled = new Map<string, NamedEntityType>();
    for (const [bare, [organizations, places]] of readings) {
      if (organizations === 0 || places === 0) continue;
      const rare = Math.min(organizations, places) / (organizations + places);
      if (rare <= RARE_READING) settled.set(bare, organizations > places ? 'organization' : 'place');
    }
    for (const group of this.aliasGroups) if (group.type !== null) for (const key of group.keys) settled.set(key, group.type);
    return settled;
  }

  /** Joins the keys again and names the entities; what changed since the last flush. */
  flush(): NamedEntityChanges {
    const changes: NamedEntityChanges = { docs: new Set(), entities: new Set() };
    if (!this.dirty) return changes;
    this.dirty = false;
    for (const byText of Object.values(this.numbersByText)) byText.clear();
    this.keyNumbers.release(this.forms);
    for (const [key, pushed] of this.pushedTo) {
      const docs = this.keyDocs.get(key);
      if (docs && pushed >= TRIM_AFTER_PUSHES) this.keyDocs.set(key, docs.slice());
    }
    this.pushedTo.clear();
    const settled = this.settledTypes();
    const nodeOf = (key: TypedKey): TypedKey => {
      const type = settled.get(bareKey(key));
      return type === undefined || type === typeOf(key) ? key : typedKey(type, bareKey(key));
    };
    const joins = new UnionFind();
    const known = new Map<TypedKey, string>();
    for (const key of this.forms.keys()) {
      const node = nodeOf(key);
      const name = KNOWN_NAME_OF.get(bareKey(node));
      if (name === undefined) continue;
      const canonical = typedKey(typeOf(node), entityKey(name));
      known.set(canonical, name);
      joins.union(node, canonical);
    }
    for (const link of this.links.keys()) {
      const [a, b] = link.split('\u0000');
      joins.union(nodeOf(a), nodeOf(b));
    }
    for (const key of this.forms.keys()) {
      if (typeOf(key) !== 'organization') continue;
      for (const variant of organisationKeyVariants(bareKey(key))) {
        const other = typedKey('organization', variant);
        if (this.forms.has(other)) joins.union(nodeOf(key), nodeOf(other));
      }
    }
    const aliasNames = new Map<TypedKey, string>();
    for (const group of this.aliasGroups) {
      for (const type of group.type ? [group.type] : TYPES) {
        const keys = group.keys.map((k) => typedKey(type, k));
        if (group.type === null && !keys.some((k) => this.forms.has(k))) continue;
        aliasNames.set(keys[0], group.canonical);
        for (const k of keys.slice(1)) joins.union(keys[0], k);
      }
    }

    const members = new Map<string, TypedKey[]>();
    for (const key of this.forms.keys()) {
      const root = joins.find(nodeOf(key));
      const list = members.get(root);
      if (list) list.push(key);
      else members.set(root, [key]);
    }
    // The name a group is known by: corpus.yaml's canonical name before the lexicon's.
    const namedRoots = new Map<string, [TypedKey, string]>();
    for (const [key, name] of known) namedRoots.set(joins.find(key), [key, name]);
    for (const [key, name] of aliasNames) namedRoots.set(joins.find(key), [key, name]);
    const idOfKey = new Map<TypedKey, string>();
    const byId = new Map<string, Entity>();
    for (const [root, keys] of members) {
      const entity = this.entityOf(keys, typeOf(root), namedRoots.get(root), byId);
      const previous = this.byId.get(entity.id);
      const same = previous && previous.name === entity.name && previous.type === entity.type && sameItems(previous.aliases, entity.aliases);
      byId.set(entity.id, same ? previous : entity);
      if (!same) changes.entities.add(entity.id);
      for (const key of keys) idOfKey.set(key, entity.id);
    }
    for (const id of this.byId.keys()) if (!byId.has(id)) changes.entities.add(id);
    for (const [key, id] of idOfKey) if (this.idOfKey.get(key) !== id) this.docsOf(key, changes.docs);
    for (const key of this.idOfKey.keys()) if (!idOfKey.has(key)) this.docsOf(key, changes.docs);
    this.idOfKey = idOfKey;
    this.idOfNumber = Array.from({ length: this.keyNumbers.size }, (_, n) => idOfKey.get(this.keyNumbers.key(n)) ?? null);
    this.byId = byId;
    return changes;
  }

  private docsOf(key: TypedKey, into: Set<string>): void {
    for (const path of this.keyDocs.get(key) ?? []) into.add(path);
  }

  /**
   * The entity of one group of keys: named after corpus.yaml's canonical name, else the lexicon's, else the
   * longest name the corpus writes, each spelt as the corpus most often writes it.
   */
  private entityOf(keys: TypedKey[], type: NamedEntityType, named: [TypedKey, string] | undefined, taken: ReadonlyMap<string, Entity>): Entity {
    const fallbackName = named?.[1];
    const canonical = named ? bareKey(named[0]) : keys.map(bareKey).reduce((best, key) => (key.length > best.length || (key.length === best.length && key < best) ? key : best));
    const counts = new Map<string, number>();
    for (const key of keys) for (const [text, n] of this.forms.get(key) ?? []) counts.set(text, (counts.get(text) ?? 0) + n);
    const forms = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const written = forms.find(([text]) => keyOf(text) === canonical);
    const name = written?.[0] ?? fallbackName ?? forms[0][0];
    let id = `${type}:${slugify(name)}`;
    for (let n = 2; taken.has(id); n++) id = `${type}:${slugify(name)}-${n}`;
    // Copied to fit: a filtered array keeps room for 16 more, and the index keeps one per entity.
    const aliases = forms.map(([text]) => text).filter((text) => text !== name).slice();
    return { id, type, name, aliases, roles: [], mentions: [] };
  }
}


