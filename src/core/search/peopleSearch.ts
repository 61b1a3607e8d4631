// Search over people: names and aliases. Few documents, so a trigram overlap narrows and fuse ranks.
import Fuse from 'fuse.js';
import { normalizeForSearch } from './normalize';
import type { SearchHit } from './quoteSearch';
import { Postings, TopK, chunkBuckets } from './trigrams';

export interface PeopleSearchDoc {
  id: string;
  name: string;
  aliases: readonly string[];
}

export const PEOPLE_FUSE_OPTIONS = { keys: ['name', 'aliases'], ignoreLocation: true, includeMatches: true, includeScore: true } as const;

export class PeopleSearch<T extends PeopleSearchDoc = PeopleSearchDoc> {
  private people: T[];
  private postings = new Postings();

  constructor(people: readonly T[]) {
    this.people = [...people];
    this.people.forEach((person, slot) => this.postings.add(slot, [person.name, ...person.aliases].map((name) => normalizeForSearch(name)).join(' | ')));
  }

  search(query: string, options: { limit?: number } = {}): SearchHit<T>[] {
    const limit = Math.max(1, options.limit ?? 20);
    const pattern = normalizeForSearch(query.trim());
    let candidates: T[];
    if (pattern.length < 3 || this.people.length <= 500) candidates = this.people;
    else {
      const counts = new Uint16Array(this.people.length);
      for (const [bucket, multiplicity] of chunkBuckets(pattern)) this.postings.forEach(bucket, (slot) => (counts[slot] += multiplicity));
      const top = new TopK(300);
      counts.forEach((count, slot) => {
        if (count > 0) top.offer(-count, slot);
      });
      candidates = top.values.sort((a, b) => a - b).map((slot) => this.people[slot]);
    }
    const fuse = new Fuse(candidates, { ...PEOPLE_FUSE_OPTIONS, keys: [...PEOPLE_FUSE_OPTIONS.keys] });
    return fuse.search(query.trim(), { limit }).map((result) => ({
      item: result.item,
      score: result.score ?? 1,
      matches: result.matches ?? [],
    }));
  }
}
