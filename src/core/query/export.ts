// Export schema v2 (types.ts CorpusExport): the contract other tools rely on. Same corpus in, byte-identical
// JSON out. `people` is exactly v1's; `entities` lists every type; quotes carry `source` beside `speaker`.
import type { CorpusReader } from '../api';
import type { CorpusExport, Entity, ExportedMention } from '../types';
import { exportQuoteTrails, type ExportedTrail } from './trailExport';
import { byMentionsThenId, byPathThenStart, compareCodeUnits } from '../util/compare';



function exportedMentions(entity: Entity): ExportedMention[] {
  return [...entity.mentions]
    .sort(byPathThenStart)
    .map((mention) => ({ path: mention.path, start: mention.start, end: mention.end, text: mention.text }));
}

export function toExport(corpus: CorpusReader): CorpusExport & { quoteTrails: ExportedTrail[] } {
  const articles = [...corpus.articles()]
    .sort((a, b) => compareCodeUnits(a.path, b.path))
    .map((article) => ({ path: article.path, title: article.title, outlet: article.outlet, date: article.date }));

  const people = [...corpus.people()].sort(byMentionsThenId).map((person) => ({
    id: person.id,
    name: person.name,
    aliases: [...person.aliases],
    roles: [...person.roles],
    mentions: exportedMentions(person),
  }));

  const entities = [...corpus.entities()].sort(byMentionsThenId).map((entity): CorpusExport['entities'][number] => {
    const { id, type, name } = entity;
    const aliases = [...entity.aliases];
    // Roles only for people, in the key order of `people`.
    if (type === 'person') return { id, type, name, aliases, roles: [...entity.roles], mentions: exportedMentions(entity) };
    return { id, type, name, aliases, mentions: exportedMentions(entity) };
  });

  const quotes = [...corpus.quotes()]
    .sort(byPathThenStart)
    .map((quote) => ({ path: quote.path, start: quote.start, end: quote.end, text: quote.text, speaker: quote.speaker, source: quote.source }));

  return { version: 2, articles, people, entities, quotes, ...exportQuoteTrails(corpus, quotes) };
}
