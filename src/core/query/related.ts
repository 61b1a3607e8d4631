// Who else is in the same stories: the people and organisations most often mentioned in the articles that
// mention an entity, counted by shared articles. Every hover card shows a few.
//
// Speed: the most-mentioned person of a 10,000-article corpus appears in ~5,000 articles; counting reads every
// mention of those articles once, so the full ranking is kept per entity until the corpus reports a change.
import type { CorpusReader, CorpusWriter } from '../api';
import type { EntityType } from '../types';
import { findEntity } from './timeline';

export interface RelatedEntity {
  id: string;
  name: string;
  type: EntityType;
  /** Articles that mention both. */
  sharedArticles: number;
  /** Of those, one that the hovered article is, when it is one (else the first by path): where a link can go. */
  path: string;
}

export interface RelatedOptions {
  /** At most this many (default 5). */
  limit?: number;
  /** Types listed (default people and organisations). */
  types?: readonly EntityType[];
  /** Prefer this article as the `path` of each related entity (the article the card is shown for). */
  fromPath?: string;
}

interface Ranked {
  id: string;
  count: number;
  /** The first shared article by path: where a link goes when the card's own article does not name it. */
  firstPath: string;
  /** The last article counted, so several mentions in one article count once. */
  lastPath: string;
}

const DEFAULT_TYPES: readonly EntityType[] = ['person', 'organization'];

/** Co-mentioned entity ids with their shared-article counts, most first, ties by id. */
function rank(corpus: CorpusReader, entityId: string): Ranked[] {
  const entity = findEntity(corpus, entityId);
  if (!entity) return [];
  const paths = new Set<string>();
  for (const mention of entity.mentions) paths.add(mention.path);
  const counts = new Map<string, Ranked>();
  for (const path of [...paths].sort()) {
    for (const mention of corpus.mentionsIn(path)) {
      const id = mention.entityId;
      if (id === entityId) continue;
      const known = counts.get(id);
      if (!known) counts.set(id, { id, count: 1, firstPath: path, lastPath: path });
      else if (known.lastPath !== path) {
        known.count++;
        known.lastPath = path;
      }
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Rankings per entity for one corpus, dropped whenever the corpus reports a change. */
class RankingCache {
  private readonly rankings = new Map<string, Ranked[]>();
  constructor(corpus: CorpusReader & Partial<Pick<CorpusWriter, 'onDidChange'>>) {
    corpus.onDidChange?.(() => this.rankings.clear());
  }
  get(corpus: CorpusReader, entityId: string): Ranked[] {
    let ranked = this.rankings.get(entityId);
    if (!ranked) this.rankings.set(entityId, (ranked = rank(corpus, entityId)));
    return ranked;
  }
}

const caches = new WeakMap<CorpusReader, RankingCache>();

/** The entities most often mentioned in the same articles as `entityId`. */
export function relatedEntities(corpus: CorpusReader, entityId: string, options: RelatedOptions = {}): RelatedEntity[] {
  let cache = caches.get(corpus);
  if (!cache) caches.set(corpus, (cache = new RankingCache(corpus)));
  const limit = Math.max(0, options.limit ?? 5);
  const types = options.types ?? DEFAULT_TYPES;
  const inFromPath = new Set(options.fromPath === undefined ? [] : corpus.mentionsIn(options.fromPath).map((m) => m.entityId));
  const out: RelatedEntity[] = [];
  for (const ranked of cache.get(corpus, entityId)) {
    if (out.length >= limit) break;
    const entity = findEntity(corpus, ranked.id);
    if (!entity || !types.includes(entity.type)) continue;
    const path = options.fromPath !== undefined && inFromPath.has(ranked.id) ? options.fromPath : ranked.firstPath;
    out.push({ id: entity.id, name: entity.name, type: entity.type, sharedArticles: ranked.count, path });
  }
  return out;
}
