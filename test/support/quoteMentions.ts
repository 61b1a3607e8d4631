// Quote extraction over mentions built from given names, so quote tests do not depend on the people extractor.
import { extractQuotes } from '../../src/core/extract/quotes';
import type { ExtractedQuote, RawMention, Span } from '../../src/core/types';

const HONORIFICS = ['Sir', 'Mr', 'Mrs', 'Ms', 'Dame', 'Gen', 'General'];

export interface NameSpec {
  name: string;
  role?: string;
}

/** A mention for every whole-word occurrence of each name (longer names first, never overlapping). */
export function mentionsFor(text: string, names: (string | NameSpec)[]): RawMention[] {
  const specs = names.map((n) => (typeof n === 'string' ? { name: n } : n)).sort((a, b) => b.name.length - a.name.length);
  const taken: RawMention[] = [];
  for (const spec of specs) {
    const re = new RegExp(`(?<![\\p{L}])${spec.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + spec.name.length;
      if (taken.some((t) => start < t.end && end > t.start)) continue;
      const words = spec.name.split(' ');
      const honorific = HONORIFICS.includes(words[0]) ? words[0] : null;
      taken.push({ start, end, text: spec.name, honorific, nameParts: honorific ? words.slice(1) : words, role: spec.role ?? null });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** The article's quotes, and each quote's speaker as the text of its mention. */
export function runQuotes(text: string, names: (string | NameSpec)[] = [], exclude: Span[] = []): { quotes: ExtractedQuote[]; speaker: (q: ExtractedQuote) => string | null } {
  const mentions = mentionsFor(text, names);
  const quotes = extractQuotes(text, exclude, mentions);
  return { quotes, speaker: (q) => (q.speakerMention === null ? null : mentions[q.speakerMention].text) };
}
