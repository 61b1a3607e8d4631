// Organisation and place mentions of one article: the entity tagger's organisation and place spans, cut to
// CoNLL conventions and corrected by general rules (spans.ts), with acronyms the article defines
// (acronyms.ts). A phase after person mentions: it takes the confirmed people and never overlaps them.
import type { RawEntityMention, RawMention, Span } from '../../types';
import type { Entity } from '../entities';
import { tagEntities } from '../entities';
import { linkAcronyms } from './acronyms';
import { namedSpan } from './spans';
import { KNOWN_NAMES, spreadNames } from './consistency';

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
 * "The Conservatives and Liberal Democrats voted": an organisation or place span of two names joined by "and" is two
 * names when the article (or the general lexicon) knows each half as a name of its own; "Marks and Spencer" stays one.
 */
function withCoordinationsSplit(entities: Entity[]): Entity[] {
  let out: Entity[] | null = null;
  let names: Set<string> | null = null;
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i];
    const and = e.type === 'organization' || e.type === 'place' ? e.text.indexOf(' and ') : -1;
    if (and > 0 && e.text.indexOf(' and ', and + 1) < 0) {
      names ??= new Set(entities.map((other) => withoutThe(other.text)));
      const left = e.text.slice(0, and);
      const right = e.text.slice(and + 5);
      if (knownName(names, withoutThe(left)) && knownName(names, right)) {
        out ??= entities.slice(0, i);
        out.push({ ...e, end: e.start + and, text: left }, { ...e, start: e.start + and + 5, text: right });
        continue;
      }
    }
    out?.push(e);
  }
  return out ?? entities;
}

/** A name without the capitalised "The" a tagger's span may begin with ("The Conservatives"). */
function withoutThe(name: string): string {
  return name.startsWith('The ') ? name.slice(4) : name;
}

function knownName(names: ReadonlySet<string>, name: string): boolean {
  return names.has(name) || KNOWN_NAMES.has(name);
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
  // Split here, not for the entity check of people: a person the whole span covered stays dropped.
  const entities = withCoordinationsSplit(tagged.entities);
  let p = 0;
  for (const entity of entities) {
    const span = namedSpan(text, entity);
    if (span === null || (notEntities.size > 0 && notEntities.has(span.text.toLowerCase()))) continue;
    while (p < confirmed.length && confirmed[p].end <= span.start) p++;
    if (p < confirmed.length && confirmed[p].start < span.end) continue;
    found.push(span);
  }
  return linkAcronyms(text, spreadNames(text, found, entities, confirmed, notEntities), confirmed, notEntities);
}
