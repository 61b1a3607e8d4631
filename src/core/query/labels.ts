// How articles and counts are named in lists, cards and pickers.
import type { Article, EntityType } from '../types';

/** The fields of an article a label needs (an Article, or a hover card's mention entry). */
export type ArticleLabelFields = Pick<Article, 'path' | 'title' | 'outlet' | 'date'> & { credit?: string | null };

/** The article's title, or its file name when it has none. */
export function articleTitle(article: ArticleLabelFields): string {
  return article.title?.trim() || article.path.split('/').pop() || article.path;
}

/** "title · outlet · via credit · date", leaving out what is unknown (the credit when it is the outlet). */
export function articleDetail(article: ArticleLabelFields, withTitle = true): string {
  const credit = article.credit && article.credit !== article.outlet ? `via ${article.credit}` : null;
  return [withTitle ? articleTitle(article) : null, article.outlet, credit, article.date].filter(Boolean).join(' · ');
}

/** "1 article", "2 articles"; `pluralWord` for irregular plurals ("person" -> "people"). */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

/** Number of distinct articles among mentions. */
export function articleCount(mentions: readonly { path: string }[]): number {
  return new Set(mentions.map((m) => m.path)).size;
}

const TYPE_NAMES: Record<EntityType, { one: string; many: string }> = {
  person: { one: 'Person', many: 'People' },
  organization: { one: 'Organisation', many: 'Organisations' },
  place: { one: 'Place', many: 'Places' },
};

/** "Person", "Organisation", "Place" (British spelling, as the rest of the interface). */
export function entityTypeName(type: EntityType): string {
  return TYPE_NAMES[type].one;
}

/** "People", "Organisations", "Places". */
export function entityTypePlural(type: EntityType): string {
  return TYPE_NAMES[type].many;
}

/** A quote on one line between curly quotes, cut to `max` characters with an ellipsis. */
export function quotedLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return `“${line.length > max ? `${line.slice(0, max - 1)}…` : line}”`;
}
