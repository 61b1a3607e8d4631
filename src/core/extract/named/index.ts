// Organisation and place mentions of one article: the entity tagger's organisation and place spans, cut to
// CoNLL conventions and corrected by general rules (spans.ts), with acronyms the article defines
// (acronyms.ts). A phase after person mentions: it takes the confirmed people and never overlaps them.
import type { RawEntityMention, RawMention, Span } from '../../types';
import type { Entity } from '../entities';
import { tagEntities } from '../entities';
import { linkAcronyms } from './acronyms';
import { namedSpan } from './spans';
import { spreadNames } from './consistency';

/** The text the tagger reads: excluded ranges (front matter, boilerplate) blanked, offsets kept. */
export function blankedText(text: string, exclude: readonly Span[]): string {
  if (exclude.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const span of [...exclude].sort((a, b) => a.start - b.start)) {
    if (span.end <= at) continue;
    const start = Math.max(at, span.start);
    parts.push(text.slice(at, start), '\n'.padEnd(span.end - start, ' '));
    at = span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** An article as the tagger read it: the text with excluded ranges blanked, and its entities. */
export interface TaggedArticle {
  text: string;
  entities: Entity[];
}

/** Tags the whole article (excluded ranges blanked): one tagging serves people's entity check and this phase. */
export function tagArticle(text: string, exclude: readonly Span[]): TaggedArticle {
  const blanked = blankedText(text, exclude);
  return { text: blanked, entities: tagEntities(blanked) };
}

/**
 * The organisation and place mentions of an article, sorted by start, from the tagger's reading of it; `people` are the article's person mentions (sorted by start), which win any overlap;
 * `notEntities` holds lower-cased names the corpus says are never entities.
 */
export function extractNamedEntities(tagged: TaggedArticle, people: readonly RawMention[], notEntities: ReadonlySet<string>): RawEntityMention[] {
  const { text } = tagged;
  // A tentative person (a lone word only the corpus can confirm) does not keep a name from being an organisation
  // or place here: where identity resolution confirms the person, the index lists the person instead.
  const confirmed = people.filter((m) => m.tentative !== true);
  const found: RawEntityMention[] = [];
  let p = 0;
  for (const entity of tagged.entities) {
    const span = namedSpan(text, entity);
    if (span === null || (notEntities.size > 0 && notEntities.has(span.text.toLowerCase()))) continue;
    while (p < confirmed.length && confirmed[p].end <= span.start) p++;
    if (p < confirmed.length && confirmed[p].start < span.end) continue;
    found.push(span);
  }
  return linkAcronyms(text, spreadNames(text, found, tagged.entities, confirmed, notEntities), confirmed, notEntities);
}
