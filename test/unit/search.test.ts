import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Fuse from 'fuse.js';
import { createRandom, generateCorpus } from '../support/corpusGenerator';
import { PeopleSearch, QUOTE_FUSE_OPTIONS, QuoteSearch, foldPunctuation, normalizeForSearch, type SearchDoc } from '../../src/core/search';
import { PreparedQuery, longChunkErrorEstimate } from '../../src/core/search/fuseScore';

const plainFuse = (docs: SearchDoc[]) => new Fuse(docs, { ...QUOTE_FUSE_OPTIONS, keys: [...QUOTE_FUSE_OPTIONS.keys], includeScore: true });

function syntheticQuotes(count: number): SearchDoc[] {
  const corpus = generateCorpus(Math.ceil(count / 15) + 5, 99);
  const docs: SearchDoc[] = [];
  for (const article of corpus.articles)
    article.quotes.forEach((quote, i) => docs.push({ id: `${article.path}#${i}`, text: quote.text, speaker: quote.speaker, speakerId: quote.speakerId === null ? null : String(quote.speakerId), path: article.path }));
  return docs.slice(0, count);
}

describe('QuoteSearch', () => {
  it('ranks like plain fuse.js (same ids, order and scores) for exact, misspelt, speaker and long queries', function () {
    this.timeout(60000);
    const docs = syntheticQuotes(1500);
    const fuse = plainFuse(docs);
    const search = new QuoteSearch(docs);
    const random = createRandom(3);
    const queries = ['persistent', 'return to', 'sanctions and', 'cooperation with rusia', 'persistnt patern of russian interfrence', 'the white house must step up on', 'ab'];
    for (let i = 0; i < 6; i++) {
      const words = random.pick(docs).text.split(' ');
      const at = random.int(0, Math.max(0, words.length - 3));
      queries.push(words.slice(at, at + 3).join(' '));
    }
    for (const doc of docs.slice(0, 40)) if (doc.speaker) queries.push(doc.speaker.split(' ')[1]);
    for (const query of queries.slice(0, 20)) {
      const expected = fuse.search(query).slice(0, 10);
      const actual = search.search(query, { limit: 10 });
      assert.deepStrictEqual(actual.map((hit) => hit.item.id), expected.map((result) => result.item.id), `query ${JSON.stringify(query)}`);
      actual.forEach((hit, i) => assert.ok(Math.abs(hit.score - (expected[i].score ?? 1)) < 1e-12, `score of ${JSON.stringify(query)} #${i}`));
    }
  });

  it('returns fuse match indices for highlighting', () => {
    const search = new QuoteSearch([{ id: 'a', text: 'We need to be extremely watchful of this persistent pattern.', speaker: 'Jane Doe' }]);
    const [hit] = search.search('persistent pattern');
    const text = hit.matches.find((match) => match.key === 'text');
    assert.ok(text);
    const [start, end] = text.indices[0];
    assert.strictEqual(hit.item.text.slice(start, end + 1), 'persistent pattern');
  });

  it('is typo-tolerant on the sample corpus sentence and prefers it over unrelated quotes', () => {
    const search = new QuoteSearch([
      { id: 'other', text: 'Russia is choosing to be a strategic competitor and we can only have modest expectations.', speaker: 'James Mattis' },
      { id: 'target', text: 'We need to be extremely watchful of this persistent pattern of Russian interference.', speaker: 'Michael Fallon' },
      { id: 'other2', text: 'There is a pattern of interference now by Russia in different parts of the globe.', speaker: 'Michael Fallon' },
    ]);
    assert.strictEqual(search.search('persistnt patern of Russian interfrence')[0].item.id, 'target');
  });

  it('folds typographic apostrophes so a typed straight apostrophe matches exactly', () => {
    const search = new QuoteSearch([
      { id: 'curly', text: 'It\u2019s no longer a cooperative engagement with them.', speaker: null },
      { id: 'near', text: 'Its no longer a cooperative engagement.', speaker: null },
    ]);
    const [hit] = search.search("it's no longer");
    assert.strictEqual(hit.item.id, 'curly');
    // An exact match highlights the whole typed phrase in the original (curly) text.
    assert.deepStrictEqual(hit.matches.find((match) => match.key === 'text')?.indices, [[0, "it's no longer".length - 1]]);
    assert.strictEqual(foldPunctuation('\u201Cx\u201D \u2018y\u2019 \u2013').length, 9);
    assert.strictEqual(normalizeForSearch('Zo\u00EB \u201CLe P\u00E9n\u201D'), 'zoe "le pen"');
  });

  it('filters by speaker id and lists that speaker when the query is empty', () => {
    const search = new QuoteSearch([
      { id: '1', text: 'We will defend our allies.', speaker: 'Ann Lee', speakerId: 'ann-lee' },
      { id: '2', text: 'We will defend our borders.', speaker: 'Bo Chan', speakerId: 'bo-chan' },
      { id: '3', text: 'Trade matters.', speaker: 'Ann Lee', speakerId: 'ann-lee' },
    ]);
    assert.deepStrictEqual(search.search('defend', { speaker: 'bo-chan' }).map((hit) => hit.item.id), ['2']);
    assert.deepStrictEqual(search.search('', { speaker: 'ann-lee' }).map((hit) => hit.item.id), ['1', '3']);
    assert.deepStrictEqual(search.search('defend', { speaker: 'nobody' }), []);
  });

  it('re-indexes one article: replaced quotes are found, removed ones are gone', () => {
    const search = new QuoteSearch<SearchDoc>([
      { id: 'a1', text: 'The old statement about tariffs.', speaker: null, path: 'a.txt' },
      { id: 'b1', text: 'Something about budgets.', speaker: null, path: 'b.txt' },
    ]);
    search.replacePath('a.txt', [{ id: 'a2', text: 'A brand new statement about sanctions.', speaker: null, path: 'a.txt' }]);
    assert.strictEqual(search.size, 2);
    assert.deepStrictEqual(search.search('sanctions').map((hit) => hit.item.id), ['a2']);
    assert.ok(!search.search('old statement about tariffs').some((hit) => hit.item.id === 'a1'));
    search.removePath('b.txt');
    assert.deepStrictEqual(search.items().map((item) => item.id), ['a2']);
  });

  it('agrees with plain fuse after many removals (compaction keeps index order)', function () {
    this.timeout(30000);
    const docs = syntheticQuotes(3000);
    const search = new QuoteSearch(docs);
    const removedPaths = [...new Set(docs.map((doc) => doc.path!))].filter((_, i) => i % 2 === 0);
    for (const p of removedPaths) search.removePath(p);
    const kept = docs.filter((doc) => !removedPaths.includes(doc.path!));
    assert.strictEqual(search.size, kept.length);
    const fuse = plainFuse(kept);
    for (const query of ['persistent pattern', 'deliberat aggresion']) {
      assert.deepStrictEqual(search.search(query, { limit: 10 }).map((hit) => hit.item.id), fuse.search(query).slice(0, 10).map((r) => r.item.id));
    }
  });

  it('finds the expected quote first on the sample corpus text', () => {
    // Quotes taken from the sample corpus by a simple marks scan, so the test does not depend on the extractor.
    const dir = path.join(__dirname, '../../corpus');
    const docs: SearchDoc[] = [];
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.txt'))) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const match of text.matchAll(/[\u201C"]([^\u201C\u201D"\n]{3,})[\u201D"]/g)) docs.push({ id: `${file}#${match.index}`, text: match[1], speaker: null, path: file });
    }
    assert.ok(docs.length > 20);
    const [first] = new QuoteSearch(docs).search('persistnt patern of Russian interfrence');
    assert.match(first.item.text, /persistent pattern of Russian interference/);
  });
});

/** Smallest edit distance between `pattern` and any substring of `text` (plain dynamic programming). */
function referenceMinErrors(pattern: string, text: string): number {
  let previous = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  let best = pattern.length;
  for (const char of text) {
    const current = [0];
    for (let i = 1; i <= pattern.length; i++) current[i] = Math.min(previous[i] + 1, current[i - 1] + 1, previous[i - 1] + (pattern[i - 1] === char ? 0 : 1));
    best = Math.min(best, current[pattern.length]);
    previous = current;
  }
  return best;
}

describe('QuoteSearch over long queries and edits', () => {
  it('scores a two-chunk query (33-64 characters) as the mean of each chunk\'s edit-distance score', () => {
    const random = createRandom(11);
    const texts = syntheticQuotes(200).map((doc) => doc.text.toLowerCase());
    // Short texts (no chunk can match), non-ASCII characters and a text equal to the pattern.
    // Texts just long enough for a chunk to match (13 of its 32 characters, 19 errors) and just too short.
    texts.push('short', 'russian inter', 'persistnt pat', 'persistnt pa', 'f russian interfrence', 'persistent interference', 'the caf\u00E9 z\u00FCrich r\u00E9sum\u00E9 of our \u00E9conomie polici\u00E9s today');
    const patterns = ['persistnt patern of russian interfrence', 'caf\u00E9 z\u00FCrich r\u00E9sum\u00E9 of our \u00E9conomie today'];
    for (let i = 0; i < 4; i++) {
      const text = random.pick(texts);
      const start = random.int(0, Math.max(0, text.length - 50));
      patterns.push(text.slice(start, start + random.int(33, 64)).replace(/e/g, 'a'));
    }
    texts.push(patterns[0]);
    for (const pattern of patterns.filter((p) => p.length > 32)) {
      const prepared = new PreparedQuery(pattern);
      assert.strictEqual(prepared.chunks.length, 2);
      const chunks = [pattern.slice(0, 32), pattern.slice(pattern.length - 32)];
      for (const text of texts) {
        const chunkScores = chunks.map((chunk) => {
          const errors = referenceMinErrors(chunk, text);
          return errors <= 19 ? Math.max(0.001, errors / 32) : 1;
        });
        const expected = text === pattern ? 0 : chunkScores.every((score) => score === 1) ? 1 : (chunkScores[0] + chunkScores[1]) / 2;
        assert.strictEqual(prepared.fieldScore(text), expected, `${JSON.stringify(pattern)} in ${JSON.stringify(text)}`);
      }
    }
  });

  it('ranks a long misspelt query like plain fuse.js when short quotes match it best', function () {
    this.timeout(60000);
    // Thousands of longer quotes share many of the query's trigrams; a few short ones match it loosely but rank first
    // in fuse (a two-word field's norm outweighs a mediocre match).
    const docs = syntheticQuotes(6000);
    docs.splice(4000, 0, { id: 'short-1', text: 'Deliberate aggression.', speaker: null }, { id: 'short-2', text: 'Persistent aggression', speaker: null });
    const query = 'persistnt patern of deliberat aggresion';
    const expected = plainFuse(docs).search(query).slice(0, 10);
    const actual = new QuoteSearch(docs).search(query, { limit: 10 });
    const expectedIds = expected.map((result) => result.item.id);
    const actualIds = actual.map((hit) => hit.item.id);
    const shortRanks = (ids: string[]) => ids.map((id, rank) => (id.startsWith('short-') ? `${id}@${rank}` : '')).filter(Boolean);
    assert.ok(shortRanks(expectedIds.slice(0, 3)).length > 0);
    assert.deepStrictEqual(shortRanks(actualIds), shortRanks(expectedIds));
    // The order of scoring is an estimate beyond the exact bound: most, not necessarily all, of fuse's top 10.
    assert.ok(actualIds.filter((id) => expectedIds.includes(id)).length >= 8, actualIds.join(' '));
  });

  it('skips promising documents whose lower bound cannot beat the kept scores, with the same results', function () {
    this.timeout(30000);
    const docs = syntheticQuotes(3000);
    const search = new QuoteSearch(docs);
    const fuse = plainFuse(docs);
    for (const query of ['will not accept', 'return to']) {
      const actual = search.search(query, { limit: 10 });
      assert.ok(search.lastStats.skippedByBound > 0, query);
      assert.ok(search.lastStats.exactScored < 200, `${query}: ${search.lastStats.exactScored} scored`);
      const expected = fuse.search(query).slice(0, 10);
      assert.deepStrictEqual(actual.map((hit) => hit.item.id), expected.map((result) => result.item.id), query);
      actual.forEach((hit, i) => assert.ok(Math.abs(hit.score - (expected[i].score ?? 1)) < 1e-12, `score of ${query} #${i}`));
    }
  });

  it('never returns removed quotes before compaction, even for their speaker\'s name', function () {
    this.timeout(30000);
    const docs = syntheticQuotes(3000);
    const search = new QuoteSearch(docs);
    const removed = docs.filter((doc) => doc.speaker).slice(0, 40);
    const removedPaths = new Set(removed.map((doc) => doc.path!));
    for (const path of removedPaths) search.removePath(path);
    const kept = docs.filter((doc) => !removedPaths.has(doc.path!));
    assert.ok(docs.length - kept.length < 1000, 'below the compaction threshold');
    const fuse = plainFuse(kept);
    for (const query of [removed[0].speaker!, removed[1].text.slice(0, 20), removed[2].text.slice(0, 45)]) {
      assert.deepStrictEqual(search.search(query, { limit: 10 }).map((hit) => hit.item.id), fuse.search(query).slice(0, 10).map((result) => result.item.id), query);
    }
  });

  it('estimates a long chunk\'s errors as one per missing trigram for near copies, flatter beyond', () => {
    for (let missing = 0; missing <= 16; missing++) assert.strictEqual(longChunkErrorEstimate(missing), missing);
    for (let missing = 1; missing <= 30; missing++) assert.ok(longChunkErrorEstimate(missing) >= longChunkErrorEstimate(missing - 1));
    assert.ok(longChunkErrorEstimate(20) < 20 && longChunkErrorEstimate(23) <= 19 && longChunkErrorEstimate(30) > 19);
  });
});

describe('PeopleSearch', () => {
  it('finds a person by a misspelt alias among many', () => {
    const random = createRandom(5);
    const people = Array.from({ length: 2000 }, (_, i) => ({ id: `p${i}`, name: `${random.pick(['Anna', 'Boris', 'Carl', 'Dora'])} Person${i}`, aliases: [`Mr Person${i}`] }));
    people.push({ id: 'fallon', name: 'Michael Fallon', aliases: ['Sir Michael', 'Fallon', 'Sir Michael Fallon'] });
    const search = new PeopleSearch(people);
    assert.strictEqual(search.search('Micheal Falon')[0].item.id, 'fallon');
    assert.strictEqual(search.search('sir michael')[0].item.id, 'fallon');
  });
});
