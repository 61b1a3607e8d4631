// The corpus index's quote trails: the trail index fed with the quotes of the articles that changed since the
// last read, and the trails built from it on demand (cached until the next change).
import type { Quote } from '../types';
import { buildTrail, TrailIndex, type QuoteTrail, type TrailSource } from '../trails';
import { runSteps, type SliceClock, type Steps } from '../util/steps';

const byArticlesThenFirst = (a: QuoteTrail, b: QuoteTrail): number =>
  b.articles.length - a.articles.length || (a.first.date ?? '\uffff').localeCompare(b.first.date ?? '\uffff') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Each article's quotes made as the trail index reaches it, so a sliced update does not make every quote of the
 * corpus in one step. An article edited meanwhile is marked changed again and read once more by the next update.
 */
function* quotesOf(paths: readonly string[], source: Pick<TrailSource, 'quotesIn' | 'article'>): Generator<readonly [string, readonly Quote[] | undefined]> {
  for (const path of paths) yield [path, source.article(path) ? source.quotesIn(path) : undefined];
}

export class QuoteTrails {
  private readonly index = new TrailIndex();
  private readonly pending = new Set<string>();
  private readonly built = new Map<number, QuoteTrail | undefined>();
  private builtVersion = -1;
  private all: QuoteTrail[] | null = null;
  /** An update running in slices (after a load), finished at once by any reader that comes first. */
  private running: Steps<void> | null = null;

  /** These articles changed or went away: their quotes are read again before the next answer. */
  markChanged(paths: Iterable<string>): void {
    for (const path of paths) this.pending.add(path);
  }

  /** Brings the trails up to date with the quotes `source` has now for the changed articles. */
  *updateSteps(source: Pick<TrailSource, 'quotesIn' | 'article'>): Steps<void> {
    if (this.pending.size === 0) return;
    const paths = [...this.pending];
    this.pending.clear();
    yield* this.index.updateSteps(quotesOf(paths, source));
  }

  /** `updateSteps` in slices, giving the event loop back when `clock` says so. */
  async updateInSlices(source: Pick<TrailSource, 'quotesIn' | 'article'>, clock: SliceClock): Promise<void> {
    if (this.running || this.pending.size === 0) return;
    const steps = this.updateSteps(source);
    this.running = steps;
    try {
      await clock.run(steps);
    } finally {
      if (this.running === steps) this.running = null;
    }
  }

  /** Trails carried by two or more articles, most articles first. */
  trails(source: TrailSource): readonly QuoteTrail[] {
    this.refresh(source);
    if (!this.all) {
      const all: QuoteTrail[] = [];
      for (const group of this.index.groupIds()) {
        const trail = this.trailOfGroup(group, source);
        if (trail) all.push(trail);
      }
      this.all = all.sort(byArticlesThenFirst);
    }
    return this.all;
  }

  /** The trail of a quote, if it appears (whole, cut or varied) in another article. */
  trailOf(source: TrailSource, quote: Pick<Quote, 'path' | 'start'>): QuoteTrail | undefined {
    this.refresh(source);
    const group = this.index.groupOf(quote.path, quote.start);
    return group ? this.trailOfGroup(group, source) : undefined;
  }

  private refresh(source: TrailSource): void {
    const running = this.running;
    if (running) {
      this.running = null;
      runSteps(running);
    }
    runSteps(this.updateSteps(source));
    if (this.builtVersion !== this.index.version) {
      this.built.clear();
      this.all = null;
      this.builtVersion = this.index.version;
    }
  }

  private trailOfGroup(group: number, source: TrailSource): QuoteTrail | undefined {
    if (this.built.has(group)) return this.built.get(group);
    const trail = buildTrail(this.index.entriesOf(group), source);
    this.built.set(group, trail);
    return trail;
  }
}
