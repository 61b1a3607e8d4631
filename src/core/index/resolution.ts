// The corpus-wide view of an index: people from identity resolution over every article's mentions, each
// article's mentions and quotes with person ids, and per-person lists. Built from the articles' frozen
// extractions and updated incrementally: only the changed articles, and those whose person ids the identity
// index reports as changed, are assembled again.
import { CorrectedIdentity, type CorrectionsConfig } from '../identity/corrections';
import { NamedEntityIndex, personAliases, type NotEntityNames } from '../identity/namedEntities';
import { lowerBound, partitionPoint } from '../util/sortedSearch';
import { ITEMS_PER_STEP, sortSteps, type Steps } from '../util/steps';
import { assembleArticle } from './assemble';
import { EntityMentionLists, insertByPath, type ArticleMentions } from './mentionLists';
import { mentionFormsOf, packedEntity, packedPartsOf } from './packed';
import type { Article, ArticleExtraction, Entity, Mention, Person, Quote } from '../types';
import { compareCodeUnits, isSortedBy } from '../util/compare';

const emptyCorrections: CorrectionsConfig = { aliases: {}, notEntities: [], merge: {}, names: {}, articleCorrections: {} };

const pathOf = (item: { path: string }): string => item.path;
const itself = (path: string): string => path;

/** The id and mention count of each person of a list by place, and the counts by id. */
interface PlacedPeople {
  ids: string[];
  counts: Int32Array;
  countOf: Map<string, number>;
}

/** A person with its mention count, as the people list orders it. */
interface PlacedPerson {
  person: Person;
  count: number;
}

/** Most mentioned first, then by id: `CorpusView.byMentionCount` on counts read once. */
const byCountThenId = (a: PlacedPerson, b: PlacedPerson): number => b.count - a.count || compareCodeUnits(a.person.id, b.person.id);

/** Removes an article from the lists of the sources it quotes; a list is copied before its first change in a round. */
function unlistArticle(bySource: Map<string, ArticleMentions[]>, article: ArticleMentions, touched: Set<string>): void {
  for (const id of article.quoteSources()) {
    let list = bySource.get(id);
    if (!list) continue;
    if (!touched.has(id)) {
      touched.add(id);
      bySource.set(id, (list = list.slice()));
    }
    const at = lowerBound(list, article.path, pathOf);
    if (at < list.length && list[at].path === article.path) list.splice(at, 1);
    if (list.length === 0) bySource.delete(id);
  }
}

/** Inserts an article into the lists of the sources it quotes, at its path's place. */
function listArticle(bySource: Map<string, ArticleMentions[]>, article: ArticleMentions, touched: Set<string>): void {
  for (const id of article.quoteSources()) {
    let list = bySource.get(id);
    if (!list) bySource.set(id, (list = []));
    else if (!touched.has(id)) bySource.set(id, (list = list.slice()));
    touched.add(id);
    insertByPath(list, article);
  }
}

/**
 * Re-allocates the lists changed in this round at their exact length: splicing leaves spare capacity that the
 * index would keep for as long as it lives. After a full load that is every list (about as many items as the
 * corpus has mentions and quotes), so the copies are counted into steps; `copied` carries the count over.
 */
function* trimSteps<T>(byPerson: Map<string, T[]>, touched: ReadonlySet<string>, copied: { count: number }): Steps<void> {
  for (const id of touched) {
    const list = byPerson.get(id);
    if (!list) continue;
    byPerson.set(id, list.slice());
    if ((copied.count += list.length + 1) >= ITEMS_PER_STEP) {
      copied.count = 0;
      yield;
    }
  }
}

/** The corrections' names that are no entity, as the named-entity index reads them. */
function notEntityNames(corrections: CorrectionsConfig): NotEntityNames {
  const byPath: Record<string, readonly string[]> = {};
  for (const [path, article] of Object.entries(corrections.articleCorrections)) if (article.notEntities.length > 0) byPath[path] = article.notEntities;
  return { everywhere: corrections.notEntities, byPath };
}

export class CorpusView {
  private readonly identity: CorrectedIdentity;
  /** corpus.yaml's corpus-wide aliases of every type, as this view was built with. */
  private readonly aliases: CorrectionsConfig['aliases'];
  /** corpus.yaml's names that are no organisation or place, as this view was built with. */
  private readonly notNamed: NotEntityNames;
  private readonly named: NamedEntityIndex;
  private namedById: ReadonlyMap<string, Entity> = new Map<string, Entity>();
  /** Entities of every type by mention count, listed on first use after a change. */
  private sortedEntities: Entity[] | null = null;
  private readonly sortedPaths: string[] = [];
  private readonly sortedArticles: Article[] = [];
  private sortedPeople: Person[] = [];
  /** The ids and mention counts `sortedPeople` was ordered by (both change before the list is placed again). */
  private placed: PlacedPeople = { ids: [], counts: new Int32Array(0), countOf: new Map() };
  private peopleById: ReadonlyMap<string, Person> = new Map<string, Person>();
  /** Each article's mentions (packed) and quotes. */
  private readonly byPath = new Map<string, ArticleMentions>();
  /** Per entity, the articles that mention it. */
  private readonly mentionLists = new EntityMentionLists();
  /** Per source entity (a person or an organisation), the articles quoting it, in path order. */
  private readonly quotesBySource = new Map<string, ArticleMentions[]>();
  /** Every quote, while a reader holds the list: the quote objects are made when read, not kept. */
  private allQuotes: WeakRef<Quote[]> | null = null;
  /** Articles whose ids changed with the corrections (identity unchanged): assembled in the next update. */
  private readonly toReassemble = new Set<string>();

  /**
   * An empty view. corpus.yaml's aliases join names identity resolution would keep apart (an alias whose
   * canonical is typed, "organization:Nato", goes to the named-entity index); the corrections change what
   * person identity finds.
   */
  constructor(corrections: CorrectionsConfig = emptyCorrections) {
    this.aliases = corrections.aliases;
    this.notNamed = notEntityNames(corrections);
    this.identity = new CorrectedIdentity({ ...corrections, aliases: personAliases(corrections.aliases) });
    this.named = new NamedEntityIndex(corrections.aliases, this.notNamed);
  }

  /** Most mentioned first, then by id (what `byMentionsThenId` orders by, without making the mention lists). */
  private readonly byMentionCount = (a: Entity, b: Entity): number =>
    this.mentionLists.count(b.id) - this.mentionLists.count(a.id) || compareCodeUnits(a.id, b.id);

  /** Entities of every type sorted by mention count, most mentioned first, then by id. */
  entities(): readonly Entity[] {
    if (this.sortedEntities === null) {
      const all: Entity[] = [...this.sortedPeople];
      for (const entity of this.namedById.values()) if (this.mentionLists.count(entity.id) > 0) all.push(entity);
      this.sortedEntities = all.sort(this.byMentionCount);
    }
    return this.sortedEntities;
  }

  entity(id: string): Entity | undefined {
    return this.peopleById.get(id) ?? this.namedById.get(id);
  }

  /** Quotes attributed to an entity: a person's as speaker, an organisation's as source. */
  quotesFrom(entityId: string): readonly Quote[] {
    const articles = this.quotesBySource.get(entityId);
    if (!articles) return [];
    const quotes: Quote[] = [];
    for (const article of articles) for (const quote of article.quotes()) if (quote.source === entityId) quotes.push(quote);
    return quotes;
  }

  /**
   * Takes new corrections without rebuilding: returns the articles identity must resolve again (to pass to
   * `updateSteps`), or null when only a new view applies them (the corpus-wide aliases changed). The next
   * `updateSteps` assembles again the articles whose mentions they show differently.
   */
  reconfigure(corrections: CorrectionsConfig): string[] | null {
    // Typed aliases and the names that are no entity live in the named-entity index, which is only built anew.
    if (JSON.stringify(corrections.aliases) !== JSON.stringify(this.aliases)) return null;
    if (JSON.stringify(notEntityNames(corrections)) !== JSON.stringify(this.notNamed)) return null;
    const touched = this.identity.reconfigure({ ...corrections, aliases: personAliases(corrections.aliases) });
    if (!touched) return null;
    for (const path of touched.reassemble) this.toReassemble.add(path);
    return [...touched.reset];
  }

  /** Articles sorted by path. */
  articles(): readonly Article[] {
    return this.sortedArticles;
  }

  /** People sorted by mention count, most mentioned first. */
  people(): readonly Person[] {
    return this.sortedPeople;
  }

  person(id: string): Person | undefined {
    return this.peopleById.get(id);
  }

  mentionsIn(path: string): readonly Mention[] {
    return this.byPath.get(path)?.mentions() ?? [];
  }

  quotesIn(path: string): readonly Quote[] {
    return this.byPath.get(path)?.quotes() ?? [];
  }

  /** `quotesIn` for a pass over every article: the lists are not held among the recently read. */
  quotesInPassing(path: string): readonly Quote[] {
    return this.byPath.get(path)?.quotesInPassing() ?? [];
  }

  quotesBy(personId: string): readonly Quote[] {
    // A quote's source is its speaker whenever it has one: a person's quotes as source are its quotes as speaker.
    const quotes = this.quotesFrom(personId);
    return quotes.length > 0 && quotes[0].speaker === personId ? quotes : [];
  }

  /** How many quotes `quotes()` gives, counted on the packed extractions (no quote is made). */
  quoteCount(): number {
    let count = 0;
    for (const article of this.byPath.values()) count += article.quoteCount;
    return count;
  }

  /** Every quote in path, then offset order: the same list while a reader holds it. */
  quotes(): readonly Quote[] {
    const held = this.allQuotes?.deref();
    if (held) return held;
    const all: Quote[] = [];
    for (const path of this.sortedPaths) {
      const quotes = this.byPath.get(path)?.quotesInPassing();
      if (quotes) for (let k = 0; k < quotes.length; k++) all.push(quotes[k]);
    }
    this.allQuotes = new WeakRef(all);
    return all;
  }

  /**
   * Brings the view up to date with `extractions` after the articles in `changed` changed or went away, as
   * steps of bounded work: identities, then mentions and quotes with ids, per article.
   */
  *updateSteps(extractions: ReadonlyMap<string, ArticleExtraction>, changed: string[]): Steps<void> {
    // A load lists every article in path order already.
    if (!isSortedBy(changed, compareCodeUnits)) yield* sortSteps(changed, compareCodeUnits);
    yield;
    for (let i = 0; i < changed.length; i++) {
      const path = changed[i];
      const extraction = extractions.get(path);
      if (extraction) {
        this.identity.setDoc(path, mentionFormsOf(extraction));
        const entities = packedPartsOf(extraction).entities;
        this.named.setDoc(path, {
          count: packedEntity.count(entities),
          texts: entities.texts,
          typeOf: (i) => packedEntity.type(entities, i),
          expansionOf: (i) => entities.expansions?.get(i),
        });
      } else {
        this.identity.removeDoc(path);
        this.named.removeDoc(path);
      }
      this.placeArticle(path, extraction?.article);
      if (i % 256 === 255) yield;
    }
    yield;
    const changes = yield* this.identity.flushSteps();
    this.peopleById = this.identity.people();
    const namedChanges = this.named.flush();
    this.namedById = this.named.entities();

    // Quote lists are copied before their first change in this round: a caller may hold the old array.
    const touchedMentions = new Set<string>();
    const touchedSources = new Set<string>();
    const paths = new Set([...changes.docs, ...changed, ...namedChanges.docs, ...this.toReassemble]);
    this.toReassemble.clear();
    for (const id of changes.hidden) for (const path of this.mentionLists.paths(id)) paths.add(path);
    for (const path of paths) {
      yield;
      const extraction = extractions.get(path);
      const previous = this.byPath.get(path);
      const assembled = extraction ? assembleArticle(path, extraction, this.identity.idsOf(path), this.peopleById, this.named.idsOf(path)) : undefined;
      if (previous && assembled && previous.sameAs(assembled)) continue;
      if (previous) {
        this.mentionLists.remove(previous, touchedMentions);
        unlistArticle(this.quotesBySource, previous, touchedSources);
      }
      if (!assembled) {
        this.byPath.delete(path);
        continue;
      }
      this.byPath.set(path, assembled);
      this.mentionLists.add(assembled, touchedMentions);
      listArticle(this.quotesBySource, assembled, touchedSources);
    }
    yield;
    const changedPeople = new Set([...changes.people, ...touchedMentions, ...namedChanges.entities]);
    this.mentionLists.trim(touchedMentions);
    yield;
    const copied = { count: 0 };
    yield* trimSteps(this.quotesBySource, touchedSources, copied);
    yield;
    for (const id of changedPeople) {
      const entity = this.peopleById.get(id) ?? this.namedById.get(id);
      if (!entity) continue;
      this.mentionLists.attach(entity);
    }
    this.allQuotes = null;
    this.sortedEntities = null;
    yield;
    this.sortedPeople = yield* this.placePeopleSteps(changedPeople);
  }

  /**
   * The people list in order after the people in `changedPeople` changed. Every person whose object, id or
   * mention count changed is in `changedPeople` under its id of before and of now, so the others keep their order:
   * the changed ones are found by the id and count they were placed by, and the list is copied once without
   * them, the changed ones (sorted) merged in at their places. A first resolution is one sort.
   */
  private *placePeopleSteps(changedPeople: ReadonlySet<string>): Steps<Person[]> {
    const old = this.sortedPeople;
    const { ids, counts, countOf } = this.placed;
    // Where a person goes in `old`, which is in order of the counts and ids its people were placed by (an id is
    // renumbered in place on its person object, so the object's own is not read).
    const placedAt = (count: number, id: string): number =>
      partitionPoint(old.length, (at) => (count - counts[at] || compareCodeUnits(ids[at], id)) < 0);
    const gone = new Uint8Array(old.length);
    for (const id of changedPeople) {
      const count = countOf.get(id);
      if (count !== undefined) gone[placedAt(count, id)] = 1;
    }
    // Sorted with their counts beside them: a comparison then reads two numbers, not two counts from a map.
    const added: PlacedPerson[] = [];
    for (const id of changedPeople) {
      const person = this.peopleById.get(id);
      const count = this.mentionLists.count(id);
      if (person && count > 0) added.push({ person, count });
    }
    yield* sortSteps(added, byCountThenId);
    const people: Person[] = [];
    const placedIds: string[] = [];
    const placedCounts: number[] = [];
    let from = 0;
    const keep = (to: number): void => {
      for (; from < to; from++) {
        if (gone[from] === 1) continue;
        people.push(old[from]);
        placedIds.push(ids[from]);
        placedCounts.push(counts[from]);
      }
    };
    for (const { person, count } of added) {
      keep(old.length === 0 ? 0 : placedAt(count, person.id));
      people.push(person);
      placedIds.push(person.id);
      placedCounts.push(count);
    }
    keep(old.length);
    for (const id of changedPeople) countOf.delete(id);
    for (const { person, count } of added) countOf.set(person.id, count);
    this.placed = { ids: placedIds, counts: Int32Array.from(placedCounts), countOf };
    return people;
  }

  /** Keeps the articles in path order with one binary search per change. */
  private placeArticle(path: string, article: Article | undefined): void {
    const at = lowerBound(this.sortedPaths, path, itself);
    const present = this.sortedPaths[at] === path;
    if (article && present) this.sortedArticles[at] = article;
    else if (article) {
      this.sortedPaths.splice(at, 0, path);
      this.sortedArticles.splice(at, 0, article);
    } else if (present) {
      this.sortedPaths.splice(at, 1);
      this.sortedArticles.splice(at, 1);
    }
  }
}
