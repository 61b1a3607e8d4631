// The stats lines for organisations and places: the most mentioned of each type, with the articles that
// mention them and the quotes attributed to them.
import type { CorpusReader } from '../core/api';
import type { NamedEntityType } from '../core/types';

const HEADINGS: Record<NamedEntityType, string> = { organization: 'Top organisations:', place: 'Top places:' };

export function entityStatsLines(corpus: CorpusReader, top: number): string[] {
  const lines: string[] = [];
  for (const type of ['organization', 'place'] as const) {
    const shown = corpus.entities().filter((entity) => entity.type === type).slice(0, top);
    lines.push('', HEADINGS[type]);
    const nameWidth = Math.max(4, ...shown.map((entity) => entity.name.length));
    for (const entity of shown) {
      const articles = new Set(entity.mentions.map((mention) => mention.path)).size;
      const quotes = type === 'organization' ? `  ${String(corpus.quotesFrom(entity.id).length).padStart(4)} quotes` : '';
      lines.push(`  ${entity.name.padEnd(nameWidth)}  ${String(entity.mentions.length).padStart(5)} mentions  ${String(articles).padStart(5)} articles${quotes}  (${entity.id})`);
    }
    if (shown.length === 0) lines.push('  (none)');
  }
  return lines;
}
