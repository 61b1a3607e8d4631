import { strict as assert } from 'assert';
import { CorpusIndex } from '../../src/core/corpusIndex';

// Incremental re-indexing must give exactly what indexing the final texts from scratch gives: the same
// people with the same ids, names, aliases, roles and mentions, and the same quote speakers.

/** A small seeded generator (mulberry32), so every run tests the same sequences. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Names chosen to collide: shared surnames with different given names and genders, initials, knights and
// dames who go by their given name, lone surnames, a surname that is also a given name elsewhere.
const PEOPLE = [
  ['John Smith', 'Mr Smith', 'Sir John', 'J. Smith', 'Smith'],
  ['Jane Smith', 'Mrs Smith', 'Dame Jane', 'Smith'],
  ['Anna Weber', 'Dr Weber', 'Weber', 'Ms Weber'],
  ['Karl Weber', 'Mr Weber', 'Weber'],
  ['Laura Grant', 'Dame Laura', 'Grant'],
  ['Grant Hughes', 'Hughes', 'Mr Hughes'],
  ['Tomas Novak', 'T. Novak', 'Novak', 'Tomas'],
  ['Dame Olga Frost', 'Dame Olga', 'Olga', 'Frost'],
  ['Marie Le Pen', 'Ms Le Pen', 'Le Pen'],
];
const SENTENCES = [
  (n: string) => `${n} said the talks would continue.`,
  (n: string) => `"We will not accept this," ${n} said.`,
  (n: string) => `According to ${n}, the plan was "a serious mistake".`,
  (n: string) => `Defence Secretary ${n} met officials in Berlin on Tuesday.`,
  (n: string) => `${n}, the party leader, told reporters that nothing had changed.`,
  (n: string) => `Officials praised ${n} for the deal.`,
];

function article(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const lines = ['Talks resume in Berlin', ''];
  const count = 1 + Math.floor(random() * 6);
  for (let i = 0; i < count; i++) {
    const forms = pick(PEOPLE);
    // Mostly the full name first, sometimes a short form alone.
    const form = random() < 0.4 ? forms[0] : pick(forms);
    lines.push(pick(SENTENCES)(form), '');
  }
  return lines.join('\n');
}

function snapshot(index: CorpusIndex): unknown {
  return {
    people: index.people().map((p) => ({
      id: p.id,
      name: p.name,
      aliases: p.aliases,
      roles: p.roles,
      mentions: p.mentions.map((m) => `${m.path}:${m.start}-${m.end}:${m.personId}`),
      quotes: index.quotesBy(p.id).map((q) => `${q.path}:${q.start}`),
    })),
    articles: index.articles().map((a) => a.path),
    mentions: index.articles().map((a) => index.mentionsIn(a.path).map((m) => `${m.start}:${m.personId}`)),
    quotes: index.quotes().map((q) => `${q.path}:${q.start}-${q.end}:${q.speaker}`),
  };
}

describe('CorpusIndex: incremental identity', () => {
  for (let seed = 1; seed <= 12; seed++) {
    const aliases = seed % 3 === 0;
    it(`equals a fresh index after random updates and removals (seed ${seed}${aliases ? ', with aliases' : ''})`, () => {
      const random = createRandom(seed);
      const configs = ['aliases:\n  John Smith:\n    - Johnny Smith\n  Laura Grant:\n    - Dame Laura\n', 'notPeople:\n  - Grant\n', ''];
      let config = aliases ? configs[0] : undefined;
      const texts: Record<string, string> = {};
      for (let i = 0; i < 8; i++) texts[`a${i}.txt`] = article(random);
      const index = CorpusIndex.fromTexts('/corpus', { ...texts }, config);
      for (let step = 0; step < 60; step++) {
        const path = `a${Math.floor(random() * 10)}.txt`;
        if (aliases && random() < 0.05) {
          // corpus.yaml changes: aliases and notPeople apply to every article.
          config = configs[Math.floor(random() * configs.length)];
          index.updateArticle('corpus.yaml', config);
        } else if (random() < 0.2) {
          index.removeArticle(path);
          delete texts[path];
        } else {
          texts[path] = article(random);
          index.updateArticle(path, texts[path]);
        }
        // Read the view now and then, so some changes are resolved one at a time and some in bursts.
        if (random() < 0.5) index.people();
        if (step % 10 === 9) assert.deepStrictEqual(snapshot(index), snapshot(CorpusIndex.fromTexts('/corpus', { ...texts }, config)), `after step ${step}`);
      }
      const fresh = CorpusIndex.fromTexts('/corpus', { ...texts }, config);
      assert.ok(fresh.people().length >= 3, 'the texts name several people');
      assert.deepStrictEqual(snapshot(index), snapshot(fresh));
    });
  }
});
