import * as assert from 'assert';
import { applyCorrection, revertCorrection, type Correction } from '../../src/core/extract/corpusYamlEdit';
import { CorpusIndex } from '../../src/core/index/corpusIndex';

// Hand-written articles: two unrelated people share the surname Kim; a golf course shares a surname.
const TEXTS = {
  'health.txt': 'Hospital waits grow\n\nDr Erin Kim, a surgeon at the General, said the wards were full. "We need more beds," said Dr Kim.\n',
  'family.txt': 'A mother waits\n\nThe family gathered on Sunday. "He was always kind," said Dr Kim, his mother. Dr Kim added that the school had called.\n',
  'moran.txt': 'Appeal made\n\nKim Moran appealed for help on Monday. Moran said the search would go on.\n',
  'golf.txt': 'Open returns\n\nThe tournament returns next year. Mr Black, the greenkeeper, said the course was ready. "It is hard," said Tom Watson. Watson won here before.\n',
  'film.txt': 'Premiere\n\nEmma Watson arrived first. Jack Black followed. "A fine night," Black said.\n',
};

function ids(index: CorpusIndex, path: string): string[] {
  return index.mentionsIn(path).map((m) => `${m.text}=${m.entityId}`);
}

function idOf(index: CorpusIndex, path: string, text: string): string | undefined {
  return index.mentionsIn(path).find((m) => m.text === text)?.entityId;
}

describe('corrections: their effect on identity', () => {
  it('a corpus-wide alias joins every article; a per-article alias takes that article out of it', () => {
    const joined = CorpusIndex.fromTexts('/c', TEXTS, 'aliases:\n  Erin Kim: [Dr Kim]\n');
    assert.strictEqual(idOf(joined, 'family.txt', 'Dr Kim'), idOf(joined, 'health.txt', 'Dr Erin Kim'));

    const split = CorpusIndex.fromTexts('/c', TEXTS, 'aliases:\n  Erin Kim: [Dr Kim]\narticles:\n  family.txt:\n    aliases:\n      Kim Moran: [Dr Kim]\n');
    const moran = idOf(split, 'moran.txt', 'Kim Moran');
    assert.ok(moran);
    assert.deepStrictEqual(ids(split, 'family.txt'), [`Dr Kim=${moran}`, `Dr Kim=${moran}`]);
    // Elsewhere the corpus-wide alias still holds.
    assert.deepStrictEqual(ids(split, 'health.txt'), ids(joined, 'health.txt'));
    assert.strictEqual(split.quotesIn('family.txt')[0].speaker, moran);
  });

  it('a one-word per-article alias makes a person of that article alone, shown under the plain name', () => {
    const config = 'aliases:\n  Erin Kim: [Dr Kim]\narticles:\n  family.txt:\n    aliases:\n      Kim: [Dr Kim]\n';
    const index = CorpusIndex.fromTexts('/c', { ...TEXTS, 'family 2.txt': TEXTS['family.txt'] }, config.replace('family.txt', '"family 2.txt"') + '  family.txt:\n    aliases:\n      Kim: [Dr Kim]\n');
    const here = idOf(index, 'family.txt', 'Dr Kim')!;
    const there = idOf(index, 'family 2.txt', 'Dr Kim')!;
    const erin = idOf(index, 'health.txt', 'Dr Erin Kim')!;
    assert.ok(here && there && erin);
    assert.notStrictEqual(here, erin);
    assert.notStrictEqual(here, there, 'two articles\' one-word people stay apart');
    assert.strictEqual(index.person(here)!.name, 'Kim');
    assert.strictEqual(index.person(there)!.name, 'Kim');
    assert.ok(!index.person(here)!.aliases.some((a) => a.includes('\u2063')), 'no scope mark shown');
    assert.strictEqual(idOf(index, 'health.txt', 'Dr Kim'), erin);
  });

  it('notEntities drops a name everywhere, the person it names, and its one-word forms in the same article', () => {
    const before = CorpusIndex.fromTexts('/c', TEXTS);
    assert.ok(before.person('tom-watson'));
    const index = CorpusIndex.fromTexts('/c', TEXTS, 'notEntities: [Tom Watson]\n');
    assert.strictEqual(index.person('tom-watson'), undefined);
    assert.deepStrictEqual(ids(index, 'golf.txt'), ids(before, 'golf.txt').filter((m) => !m.includes('tom-watson')));
    assert.ok(!ids(index, 'golf.txt').some((m) => m.startsWith('Watson=')), '"Watson" after "Tom Watson" goes too');
    assert.deepStrictEqual(ids(index, 'film.txt'), ids(before, 'film.txt'), 'Emma Watson stays');
    assert.strictEqual(index.quotesIn('golf.txt').find((q) => q.text === 'It is hard')?.speaker ?? null, null);
  });

  it('notPeople is read as notEntities', () => {
    const index = CorpusIndex.fromTexts('/c', TEXTS, 'notPeople: [Tom Watson]\n');
    assert.strictEqual(index.person('tom-watson'), undefined);
  });

  it('notEntities under one article holds in that article only', () => {
    const before = CorpusIndex.fromTexts('/c', TEXTS);
    const index = CorpusIndex.fromTexts('/c', TEXTS, 'articles:\n  golf.txt:\n    notEntities: [Black]\n');
    assert.ok(ids(before, 'golf.txt').some((m) => m.startsWith('Mr Black=')));
    assert.ok(!ids(index, 'golf.txt').some((m) => m.startsWith('Mr Black=')));
    assert.deepStrictEqual(ids(index, 'film.txt'), ids(before, 'film.txt'));
  });

  it('merge gives one person\'s mentions and quotes to another, with its names as aliases', () => {
    const before = CorpusIndex.fromTexts('/c', TEXTS);
    const kim = idOf(before, 'family.txt', 'Dr Kim')!;
    const moran = idOf(before, 'moran.txt', 'Kim Moran')!;
    assert.notStrictEqual(kim, moran);
    const index = CorpusIndex.fromTexts('/c', TEXTS, `merge:\n  ${kim}: ${moran}\n`);
    assert.strictEqual(index.person(kim), undefined);
    const target = index.person(moran)!;
    assert.deepStrictEqual(new Set(target.mentions.map((m) => m.path)), new Set(['family.txt', 'moran.txt']));
    assert.ok(target.aliases.includes(before.person(kim)!.name));
    assert.strictEqual(index.quotesBy(moran).length, before.quotesBy(moran).length + before.quotesBy(kim).length);
    assert.strictEqual(index.people().length, before.people().length - 1);
  });

  it('names shows a person under a new name and keeps its id, mentions and quotes', () => {
    const before = CorpusIndex.fromTexts('/c', TEXTS);
    const index = CorpusIndex.fromTexts('/c', TEXTS, 'names:\n  tom-watson: Thomas Watson\n');
    const person = index.person('tom-watson')!;
    assert.strictEqual(person.name, 'Thomas Watson');
    assert.ok(person.aliases.includes('Tom Watson'));
    assert.deepStrictEqual(person.mentions, before.person('tom-watson')!.mentions);
    assert.deepStrictEqual(index.quotesBy('tom-watson'), before.quotesBy('tom-watson'));
  });

  it('a correction re-resolves without re-extracting, and undoing it restores the view exactly', () => {
    const index = CorpusIndex.fromTexts('/c', TEXTS, 'articles:\n  golf.txt:\n    title: Open returns\n');
    const article = index.article('golf.txt');
    const snapshot = JSON.stringify([index.people(), index.quotes()]);
    index.updateArticle('corpus.yaml', 'articles:\n  golf.txt:\n    title: Open returns\n    notEntities: [Black]\nnames:\n  tom-watson: T. Watson\n');
    assert.strictEqual(index.article('golf.txt'), article, 'the extraction is kept');
    assert.strictEqual(index.person('tom-watson')!.name, 'T. Watson');
    index.updateArticle('corpus.yaml', 'articles:\n  golf.txt:\n    title: Open returns\n');
    assert.strictEqual(JSON.stringify([index.people(), index.quotes()]), snapshot);
    // Metadata is read by extraction: changing it re-extracts.
    index.updateArticle('corpus.yaml', 'articles:\n  golf.txt:\n    title: Another title\n');
    assert.notStrictEqual(index.article('golf.txt'), article);
    assert.strictEqual(index.article('golf.txt')!.title, 'Another title');
  });

  it('keeps a merged person\'s view up to date when an article changes', () => {
    const index = CorpusIndex.fromTexts('/c', TEXTS, 'merge:\n  jack-black: tom-watson\n');
    assert.ok(index.person('tom-watson')!.mentions.some((m) => m.path === 'film.txt'));
    index.updateArticle('film.txt', 'Premiere\n\nEmma Watson arrived first.\n');
    assert.ok(!index.person('tom-watson')!.mentions.some((m) => m.path === 'film.txt'));
    index.updateArticle('film.txt', TEXTS['film.txt']);
    assert.ok(index.person('tom-watson')!.mentions.some((m) => m.path === 'film.txt'));
    assert.ok(index.person('tom-watson')!.aliases.includes('Jack Black'));
  });
});

// Applying corrections in place must give exactly what a fresh index with the same corpus.yaml gives.
const CAST = [
  ['Nora Hale', 'Ms Hale', 'Hale', 'Nora'],
  ['Owen Hale', 'Mr Hale', 'Hale'],
  ['Iris Bloom', 'Dr Bloom', 'Bloom'],
  ['Felix Bloom', 'Bloom', 'Sir Felix'],
  ['Hale Quinn', 'Quinn', 'Mr Quinn'],
  ['Article Below Now', 'Below'],
];
const LINES = [
  (n: string) => `"It will pass," said ${n}.`,
  (n: string) => `Residents thanked ${n} for the help on Friday.`,
  (n: string) => `${n}, the council leader, spoke to the crowd.`,
];

function generatedArticle(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const lines = ['Council meets', ''];
  for (let i = 1 + Math.floor(random() * 5); i > 0; i--) {
    const forms = pick(CAST);
    lines.push(pick(LINES)(random() < 0.5 ? forms[0] : pick(forms)), '');
  }
  return lines.join('\n');
}

function view(index: CorpusIndex): unknown {
  return {
    people: index.people().map((p) => [p.id, p.name, p.aliases, p.roles, p.mentions.map((m) => `${m.path}:${m.start}:${m.entityId}`)]),
    quotes: index.quotes().map((q) => `${q.path}:${q.start}:${q.speaker}`),
    mentions: index.articles().map((a) => index.mentionsIn(a.path).map((m) => `${m.start}:${m.entityId}`)),
  };
}

describe('corrections: applied in place', () => {
  for (let seed = 1; seed <= Number(process.env.SEEDS ?? 8); seed++) {
    it(`equals a fresh index after random corrections, undos and edits (seed ${seed})`, () => {
      let state = seed * 7919;
      const random = () => ((state = (state * 48271) % 2147483647) / 2147483647);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
      const texts: Record<string, string> = {};
      for (let i = 0; i < 10; i++) texts[`a${i}.txt`] = generatedArticle(random);
      let config = '';
      const index = CorpusIndex.fromTexts('/c', { ...texts }, config);
      const applied: { correction: Correction; previous: string | null }[] = [];
      for (let step = 0; step < 40; step++) {
        const people = index.people();
        const paths = Object.keys(texts);
        const path = pick(paths);
        const mention = pick(index.mentionsIn(path).length ? index.mentionsIn(path) : [undefined]);
        const r = random();
        let correction: Correction | null = null;
        if (r < 0.15 && applied.length) {
          const last = applied.pop()!;
          const reverted = revertCorrection(config, last.correction, last.previous);
          assert.ok(reverted.ok);
          config = reverted.text;
        } else if (r < 0.25) {
          texts[path] = generatedArticle(random);
          index.updateArticle(path, texts[path]);
        } else if (r < 0.45 && mention) {
          correction = { kind: 'notEntity', name: mention.text, ...(random() < 0.5 ? { path } : {}) };
        } else if (r < 0.65 && mention) {
          correction = { kind: 'alias', path, canonical: random() < 0.3 ? 'Someone' : pick(people).name, form: mention.text };
        } else if (r < 0.85 && people.length > 1) {
          correction = { kind: 'merge', from: pick(people).id, into: pick(people).id };
        } else if (people.length) {
          correction = { kind: 'rename', id: pick(people).id, name: `Renamed ${step}` };
        }
        if (correction) {
          const result = applyCorrection(config, correction);
          assert.ok(result.ok);
          if (result.changed) applied.push({ correction, previous: result.previous });
          config = result.text;
        }
        index.updateArticle('corpus.yaml', config);
        if (random() < 0.5) index.people();
        const fresh = CorpusIndex.fromTexts('/c', { ...texts }, config);
        assert.deepStrictEqual(view(index), view(fresh), `step ${step}\n${config}`);
      }
    });
  }
});
