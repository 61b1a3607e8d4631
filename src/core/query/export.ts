// Export schema v2 (types.ts CorpusExport): the contract other tools rely on. Same corpus in, byte-identical
// JSON out. `people` is exactly v1's; `entities` lists every type; quotes carry `source` beside `speaker`.
import type { CorpusReader } from '../api';
import type { CorpusExport, Entity, ExportedMention, Mention } from '../types';
import { exportQuoteTrails, type ExportedTrail } from './trailExport';
import { byMentionsThenId, byPathThenStart, compareCodeUnits, isSortedBy } from '../util/compare';

/** An entity with its mentions as read once: a reader may make `mentions` anew on every read (the index does). */
interface Listed<T extends Entity> {
  id: string;
  entity: T;
  mentions: readonly Mention[];
}

/** The entities most mentioned first, then by id (`byMentionsThenId`), each entity's mentions read once per export. */
function byMentions<T extends Entity>(entities: readonly T[], read: Map<Entity, readonly Mention[]>): Listed<T>[] {
  return entities
    .map((entity) => {
      let mentions = read.get(entity);
      if (mentions === undefined) read.set(entity, (mentions = entity.mentions));
      return { id: entity.id, entity, mentions };
    })
    .sort(byMentionsThenId);
}

function exportedMentions(mentions: readonly Mention[]): ExportedMention[] {
  // The index lists them in this order already: no copy to sort then.
  const sorted = isSortedBy(mentions, byPathThenStart) ? mentions : [...mentions].sort(byPathThenStart);
  return sorted.map((mention) => ({ path: mention.path, start: mention.start, end: mention.end, text: mention.text }));
}

export function toExport(corpus: CorpusReader): CorpusExport & { quoteTrails: ExportedTrail[] } {
  const articles = [...corpus.articles()]
    .sort((a, b) => compareCodeUnits(a.path, b.path))
    .map((article) => ({ path: article.path, title: article.title, outlet: article.outlet, credit: article.credit, date: article.date }));

  // People are among the entities too: their mentions are read once for both lists.
  const read = new Map<Entity, readonly Mention[]>();
  const people = byMentions(corpus.people(), read).map(({ entity: person, mentions }) => ({
    id: person.id,
    name: person.name,
    aliases: [...person.aliases],
    roles: [...person.roles],
    mentions: exportedMentions(mentions),
  }));

  const entities = byMentions(corpus.entities(), read).map(({ entity, mentions }): CorpusExport['entities'][number] => {
    const { id, type, name } = entity;
    const aliases = [...entity.aliases];
    // Roles only for people, in the key order of `people`.
    if (type === 'person') return { id, type, name, aliases, roles: [...entity.roles], mentions: exportedMentions(mentions) };
    return { id, type, name, aliases, mentions: exportedMentions(mentions) };
  });

  const quotes = [...corpus.quotes()]
    .sort(byPathThenStart)
    .map((quote) => ({ path: quote.path, start: quote.start, end: quote.end, text: quote.text, speaker: quote.speaker, source: quote.source }));

  return { version: 2, articles, people, entities, quotes, ...exportQuoteTrails(corpus, quotes) };
}
