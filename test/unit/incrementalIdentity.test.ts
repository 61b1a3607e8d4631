import { strict as assert } from 'assert';
import * as nodePath from 'path';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { IdentityIndex } from '../../src/core/identity';
import { ITEMS_PER_STEP } from '../../src/core/util/steps';
import type { FileSystem, RawMention } from '../../src/core/types';
import { createRandom as createSeededRandom, generateCorpus } from '../support/corpusGenerator';

// Incremental re-indexing must give exactly what indexing the final texts from scratch gives: the same
// people with the same ids, names, aliases, roles and mentions, and the same quote speakers.

/** A seeded generator (mulberry32, shared with the bench corpus), so every run tests the same sequences. */
const createRandom = (seed: number): (() => number) => createSeededRandom(seed).next;

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
      mentions: p.mentions.map((m) => `${m.path}:${m.start}-${m.end}:${m.entityId}`),
      quotes: index.quotesBy(p.id).map((q) => `${q.path}:${q.start}`),
    })),
    articles: index.articles().map((a) => a.path),
    mentions: index.articles().map((a) => index.mentionsIn(a.path).map((m) => `${m.start}:${m.entityId}`)),
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

// The load resolves identities in slices that give the event loop back; the result must not depend on it.

const ROOT = nodePath.resolve('/corpus');

/** A flat in-memory folder: file name -> text. */
function memoryFs(texts: Record<string, string>): FileSystem {
  const files = new Map(Object.entries(texts).map(([name, text]) => [nodePath.join(ROOT, name), new Uint8Array(Buffer.from(text))]));
  return {
    readFile: async (absPath) => {
      const bytes = files.get(absPath);
      if (!bytes) throw new Error(`ENOENT: ${absPath}`);
      return bytes;
    },
    readDirectory: async (absPath) => (absPath === ROOT ? [...files.keys()].map((f) => ({ name: nodePath.basename(f), type: 'file' as const })) : []),
    stat: async (absPath) => {
      if (absPath === ROOT) return { size: 0, mtime: 0, type: 'directory' as const };
      const bytes = files.get(absPath);
      if (!bytes) throw new Error(`ENOENT: ${absPath}`);
      return { size: bytes.length, mtime: 1, type: 'file' as const };
    },
  };
}

function mention(text: string, honorific: string | null = null, start = 0): RawMention {
  const words = text.split(' ');
  return { start, end: start + text.length, text, nameParts: honorific ? words.slice(1) : words, honorific, role: null };
}

/** What an IdentityIndex exposes: every person and the ids of every document's mentions. */
function identitySnapshot(index: IdentityIndex, keys: readonly string[]): unknown {
  return {
    people: [...index.people()].map(([id, p]) => ({ id, name: p.name, aliases: p.aliases, roles: p.roles })).sort((a, b) => (a.id < b.id ? -1 : 1)),
    ids: keys.map((key) => index.idsOf(key)),
  };
}

describe('CorpusIndex: identities resolved in slices during a load', () => {
  for (let seed = 1; seed <= 6; seed++) {
    const config = seed % 2 === 0 ? 'aliases:\n  John Smith:\n    - Johnny Smith\n' : undefined;
    it(`equals the one-shot index, yielding after every step (seed ${seed})`, async () => {
      const random = createRandom(seed);
      const texts: Record<string, string> = {};
      for (let i = 0; i < 40; i++) texts[`a${String(i).padStart(2, '0')}.txt`] = article(random);
      const files = config === undefined ? texts : { ...texts, 'corpus.yaml': config };
      let turns = 0;
      const counter = setInterval(() => turns++, 0);
      const loaded = await CorpusIndex.load(ROOT, memoryFs(files), { sliceMs: 0 }).finally(() => clearInterval(counter));
      const fresh = CorpusIndex.fromTexts(ROOT, texts, config);
      assert.ok(fresh.people().length >= 3, 'the texts name several people');
      assert.deepStrictEqual(snapshot(loaded), snapshot(fresh));
      assert.ok(turns > 0, 'the load gave the event loop back');
    });
  }
});

describe('IdentityIndex: flushAsync', () => {
  it('gives the same people and ids as flush, through random rounds of changes', async () => {
    const random = createRandom(7);
    const forms = PEOPLE.flat();
    const doc = (): RawMention[] => Array.from({ length: 1 + Math.floor(random() * 8) }, (_, k) => {
      const text = forms[Math.floor(random() * forms.length)];
      const honorific = /^(Mr|Mrs|Ms|Dr|Sir|Dame)\b/.exec(text)?.[1] ?? null;
      return mention(text, honorific, k * 40);
    });
    const once = new IdentityIndex();
    const sliced = new IdentityIndex();
    const keys = Array.from({ length: 30 }, (_, i) => `d${i}`);
    let pauses = 0;
    for (let round = 0; round < 8; round++) {
      for (let k = 0; k < 12; k++) {
        const key = keys[Math.floor(random() * keys.length)];
        if (random() < 0.2) {
          once.removeDoc(key);
          sliced.removeDoc(key);
        } else {
          const mentions = doc();
          once.setDoc(key, mentions);
          sliced.setDoc(key, mentions);
        }
      }
      const expected = once.flush();
      const actual = await sliced.flushAsync(async () => void pauses++, 0);
      assert.deepStrictEqual([...actual.docs].sort(), [...expected.docs].sort(), `changed documents, round ${round}`);
      assert.deepStrictEqual([...actual.people].sort(), [...expected.people].sort(), `changed people, round ${round}`);
      assert.deepStrictEqual(identitySnapshot(sliced, keys), identitySnapshot(once, keys), `round ${round}`);
    }
    assert.ok(pauses > 100, `paused ${pauses} times`);
  });

  it('splits one huge document and one surname named in every document into many steps', async () => {
    const index = new IdentityIndex();
    const huge = Array.from({ length: 4 * ITEMS_PER_STEP }, (_, k) => mention(k % 2 ? 'Smith' : 'John Smith', null, k * 20));
    index.setDoc('huge', huge);
    let pauses = 0;
    await index.flushAsync(async () => void pauses++, 0);
    // Parse, contribute, resolve and tally each pass over the document at least 4 times.
    assert.ok(pauses >= 16, `paused ${pauses} times`);
    assert.deepStrictEqual(new Set(index.idsOf('huge')), new Set(['john-smith']));

    for (let i = 0; i < 3 * ITEMS_PER_STEP; i++) index.setDoc(`d${i}`, [mention('Smith')]);
    pauses = 0;
    await index.flushAsync(async () => void pauses++, 0);
    assert.ok(pauses >= 3 * ITEMS_PER_STEP, `paused ${pauses} times`);
    // A new full name with the same surname makes every lone "Smith" ambiguous again: all are re-resolved in steps.
    index.setDoc('jane', [mention('Jane Smith')]);
    pauses = 0;
    const changes = await index.flushAsync(async () => void pauses++, 0);
    assert.ok(changes.docs.size > 3 * ITEMS_PER_STEP, `re-resolved ${changes.docs.size} documents`);
    assert.ok(pauses >= 3 * ITEMS_PER_STEP, `paused ${pauses} times`);
  });

  it('refuses a second flush while one is running', async () => {
    const index = new IdentityIndex();
    index.setDoc('a', [mention('John Smith')]);
    let second: unknown;
    await index.flushAsync(async () => {
      if (second === undefined) {
        try {
          index.flush();
          second = 'ran';
        } catch (error) {
          second = error;
        }
      }
    }, 0);
    assert.ok(second instanceof Error, 'the second flush threw');
    assert.deepStrictEqual(index.idsOf('a'), ['john-smith']);
  });
});

// In a corpus with many people an edit changes few of them: those are put back in place in the people list,
// which must keep the order a fresh index sorts.
describe('CorpusIndex: the people list after single edits in a larger corpus', () => {
  it('equals a fresh index after each of a series of small edits', () => {
    const corpus = generateCorpus(60, 7);
    const texts: Record<string, string> = {};
    for (const article of corpus.articles) texts[article.path] = article.text;
    const paths = Object.keys(texts);
    const index = CorpusIndex.fromTexts('/corpus', { ...texts });
    const random = createRandom(5);
    for (let step = 0; step < 8; step++) {
      const path = paths[Math.floor(random() * paths.length)];
      const person = corpus.people[Math.floor(random() * 40)];
      const paragraphs = texts[path].split('\n\n');
      if (step % 3 === 2) paragraphs.splice(1 + Math.floor(random() * (paragraphs.length - 2)), 1);
      else paragraphs.splice(1, 0, `${person.first} ${person.last} said the talks would continue. ${person.last} said it twice.`);
      texts[path] = paragraphs.join('\n\n');
      index.updateArticle(path, texts[path]);
      assert.deepStrictEqual(snapshot(index), snapshot(CorpusIndex.fromTexts('/corpus', { ...texts })), `after step ${step}`);
    }
    assert.ok(index.people().length > 100, 'the corpus names many people');
  });
});
