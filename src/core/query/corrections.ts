// What the correction commands ask of a corpus: the corrections a user's choice makes, the people offered
// to merge a person with or to give a mention to (similar names first), and the sentence that tells what a
// correction did.
import type { CorpusReader } from '../api';
import type { Correction } from '../extract/corpusYamlEdit';
import type { Entity, Mention } from '../types';
import { foldName } from '../util/text';

/** Where "Not an Entity" holds: every article, or the article of the mention it was chosen on. */
export type CorrectionScope = 'corpus' | 'article';

const wordsOf = (name: string): string[] => foldName(name).split(/[^\p{L}\p{N}'-]+/u).filter((w) => w.length > 1);

/**
 * Entities to offer for a name: those sharing a word with it first (most mentioned first), then the rest by
 * mention count; `exclude` (the entity the choice is made for) is left out.
 */
export function entitiesToOffer(corpus: CorpusReader, name: string, exclude: string | null, limit = 200): Entity[] {
  const words = new Set(wordsOf(name));
  const similar: Entity[] = [];
  const others: Entity[] = [];
  for (const entity of corpus.entities()) {
    if (entity.id === exclude) continue;
    const shares = [entity.name, ...entity.aliases].some((n) => wordsOf(n).some((w) => words.has(w)));
    (shares ? similar : others).push(entity);
    if (similar.length >= limit) break;
  }
  return [...similar, ...others].slice(0, limit);
}

/**
 * The name a per-article alias must give for a mention to join `entity`: the name identity resolution knows
 * it by, which is not the shown one after a rename (the earlier name is then its first alias).
 */
export function identityNameOf(corpus: CorpusReader, entity: Entity): string {
  return corpus.config.names[entity.id] !== undefined && entity.aliases.length > 0 ? entity.aliases[0] : entity.name;
}

/** "Not an Entity" on a mention (its text, in its article or everywhere) or on an entity (its name, everywhere). */
export function notEntityCorrection(target: { mention?: Mention; entity: Entity }, scope: CorrectionScope): Correction {
  const name = target.mention?.text ?? target.entity.name;
  return scope === 'article' && target.mention ? { kind: 'notEntity', name, path: target.mention.path } : { kind: 'notEntity', name };
}

/** "This Mention Is Someone Else": in the mention's article, its form names `name` (an entity's, or a new one). */
export function splitCorrection(mention: Mention, name: string): Correction {
  return { kind: 'alias', path: mention.path, canonical: name.trim(), form: mention.text };
}

/** One sentence for the notification that confirms a correction. */
export function describeCorrection(correction: Correction, nameOf: (id: string) => string): string {
  switch (correction.kind) {
    case 'notEntity':
      return correction.path === undefined
        ? `"${correction.name}" is no longer an entity, in any article.`
        : `"${correction.name}" is no longer an entity in ${correction.path}.`;
    case 'alias':
      return /\s/.test(correction.canonical)
        ? `"${correction.form}" in ${correction.path} is now ${correction.canonical}.`
        : `"${correction.form}" in ${correction.path} is now a person of that article only.`;
    case 'merge':
      return `${nameOf(correction.from)} is now merged with ${nameOf(correction.into)}.`;
    case 'rename':
      return `${nameOf(correction.id)} is now shown as ${correction.name}.`;
  }
}
