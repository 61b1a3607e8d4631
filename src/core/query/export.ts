// Export schema v1: the contract other tools rely on. Same corpus in, byte-identical JSON out.
import type { CorpusReader } from '../api';
import type { CorpusExport } from '../types';
import { exportQuoteTrails, type ExportedTrail } from './trailExport';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function toExport(corpus: CorpusReader): CorpusExport & { quoteTrails: ExportedTrail[] } {
  const articles = [...corpus.articles()]
    .sort((a, b) => compare(a.path, b.path))
    .map((article) => ({ path: article.path, title: article.title, outlet: article.outlet, date: article.date }));

  const people = [...corpus.people()]
    .sort((a, b) => b.mentions.length - a.mentions.length || compare(a.id, b.id))
    .map((person) => ({
      id: person.id,
      name: person.name,
      aliases: [...person.aliases],
      roles: [...person.roles],
      mentions: [...person.mentions]
        .sort((a, b) => compare(a.path, b.path) || a.start - b.start)
        .map((mention) => ({ path: mention.path, start: mention.start, end: mention.end, text: mention.text })),
    }));

  const quotes = [...corpus.quotes()]
    .sort((a, b) => compare(a.path, b.path) || a.start - b.start)
    .map((quote) => ({ path: quote.path, start: quote.start, end: quote.end, text: quote.text, speaker: quote.speaker }));

  return { version: 1, articles, people, quotes, ...exportQuoteTrails(corpus, quotes) };
}
