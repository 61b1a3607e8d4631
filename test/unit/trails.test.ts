import * as assert from 'assert';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { buildQuoteTrailCard, quotesByTrail, shortTitle } from '../../src/core/query/quoteTrailCard';
import { onePerTrail, quoteReach } from '../../src/core/search';
import { matchQuotes, MIN_WORDS, TrailIndex, trailMatch, type TrailQuoteInput } from '../../src/core/trails';
import { COMMON_SHINGLE, radixSortPairs, ShinglePostings } from '../../src/core/trails/postings';
import { runSteps } from '../../src/core/util/steps';
import { createRandom, generateCorpus } from '../support/corpusGenerator';
import { generateTrailCorpus, type PlantedCorpus } from '../support/trailCorpus';

const FULL = 'We need to be extremely watchful of this persistent pattern of foreign interference in our elections.';

describe('quote trails: matching', () => {
  it('joins the same words whatever the marks, case and apostrophes', () => {
    assert.strictEqual(matchQuotes(FULL, FULL.toUpperCase()), 'whole');
    assert.strictEqual(matchQuotes('There’s no place for them in the future of this country.', "There's no place for them in the future of this country"), 'whole');
  });

  it('tells a cut from a light variant', () => {
    assert.strictEqual(matchQuotes(FULL, 'extremely watchful of this persistent pattern of foreign interference'), 'cut');
    assert.strictEqual(matchQuotes(FULL, 'We need to be extremely watchful … of foreign interference in our elections.'), 'varied');
    assert.strictEqual(matchQuotes(FULL, 'We need to be extremely watchful of the persistent pattern of foreign interference in our elections.'), 'varied');
    assert.strictEqual(matchQuotes(FULL, 'We need to be extremely watchful of this persistent pattern of foreign meddling in our elections.'), 'varied');
  });

  it('never joins different quotes that share a common phrase', () => {
    assert.strictEqual(matchQuotes('We will not accept this.', 'We will not accept any threat to the United Kingdom from anyone.'), null);
    assert.strictEqual(matchQuotes('the United Kingdom', 'Trade with the United Kingdom will double by the end of the decade.'), null);
    assert.strictEqual(matchQuotes('We will not cut the budget for schools.', 'We will not cut the budget for hospitals.'), null);
    assert.strictEqual(matchQuotes('At the end of the day we have to win the vote.', 'At the end of the day the farmers will decide.'), null);
    // Long enough, but the words are different.
    assert.strictEqual(matchQuotes('I have been clear that we will not raise taxes on working families.', 'I have been clear that we will not close a single rural hospital.'), null);
  });

  it('needs enough words: a short fragment is a common phrase even when identical', () => {
    const short = 'return to business as usual';
    assert.ok(short.split(' ').length < MIN_WORDS);
    assert.strictEqual(matchQuotes(short, short), null);
    assert.strictEqual(matchQuotes(short, `There cannot be a ${short} with them.`), null);
  });

  it('labels another article\'s quotes by the closest one', () => {
    assert.strictEqual(trailMatch({ text: FULL }, [{ text: 'persistent pattern of foreign interference in our elections' }, { text: FULL }]), 'whole');
    assert.strictEqual(trailMatch({ text: FULL }, [{ text: 'persistent pattern of foreign interference in our elections' }]), 'cut');
  });
});

/** Every pair of quotes in different articles, keyed "a|b", that the index puts in one trail. */
function joinedPairs(index: TrailIndex): Set<string> {
  const pairs = new Set<string>();
  for (const group of index.groupIds()) {
    const entries = index.entriesOf(group).map((entry) => `${entry.path}#${entry.start}`).sort();
    for (let i = 0; i < entries.length; i++) {
      for (let j = i + 1; j < entries.length; j++) if (entries[i].split('#')[0] !== entries[j].split('#')[0]) pairs.add(`${entries[i]}|${entries[j]}`);
    }
  }
  return pairs;
}

function plantedPairs(corpus: PlantedCorpus): Set<string> {
  const bySource = new Map<number, string[]>();
  for (const quote of corpus.quotes) {
    const key = `${quote.path}#${quote.start}`;
    const list = bySource.get(quote.source);
    if (list) list.push(key);
    else bySource.set(quote.source, [key]);
  }
  const pairs = new Set<string>();
  for (const keys of bySource.values()) {
    keys.sort();
    for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) if (keys[i].split('#')[0] !== keys[j].split('#')[0]) pairs.add(`${keys[i]}|${keys[j]}`);
  }
  return pairs;
}

function indexOf(corpus: PlantedCorpus): TrailIndex {
  const index = new TrailIndex();
  runSteps(index.updateSteps([...corpus.articles].map(([path, quotes]) => [path, quotes] as const)));
  return index;
}

/** The trails as sets of quote keys, comparable across indexes. */
function partition(index: TrailIndex): string[] {
  return [...index.groupIds()]
    .map((group) => index.entriesOf(group).map((entry) => `${entry.path}#${entry.start}`).sort().join(' '))
    .filter((trail) => new Set(trail.split(' ').map((key) => key.split('#')[0])).size > 1)
    .sort();
}

describe('quote trails: precision on planted variants', () => {
  it('joins planted whole, cut and varied copies and no distractor (precision 1.0, recall >= 0.95)', () => {
    const corpus = generateTrailCorpus(400);
    const joined = joinedPairs(indexOf(corpus));
    const planted = plantedPairs(corpus);
    const right = [...joined].filter((pair) => planted.has(pair)).length;
    const precision = right / joined.size;
    const recall = right / planted.size;
    const wrong = [...joined].filter((pair) => !planted.has(pair));
    assert.deepStrictEqual(wrong.slice(0, 5), [], `precision ${precision.toFixed(3)}`);
    assert.ok(recall >= 0.95, `recall ${recall.toFixed(3)} of ${planted.size} planted pairs`);
    assert.ok(planted.size > 300, 'enough planted pairs to measure');
  });
});

describe('quote trails: incremental updates', () => {
  it('after any sequence of article edits, removals and additions, equals an index built from scratch', () => {
    const corpus = generateTrailCorpus(120, 99);
    const random = createRandom(5);
    const index = indexOf(corpus);
    const current = new Map<string, TrailQuoteInput[]>([...corpus.articles].map(([path, quotes]) => [path, quotes.map(({ start, text }) => ({ start, text }))]));
    const paths = [...current.keys()];
    const donors = corpus.quotes;
    for (let round = 0; round < 60; round++) {
      const path = random.pick(paths);
      const roll = random.next();
      let quotes: TrailQuoteInput[] | undefined;
      if (roll < 0.2) quotes = undefined;
      else if (roll < 0.6) {
        // Copy a quote of another article into this one (a new trail, or a new member of one).
        const donor = random.pick(donors);
        quotes = [...(current.get(path) ?? []), { start: 100000 + round, text: donor.text }];
      } else quotes = (current.get(path) ?? []).filter(() => random.chance(0.7));
      if (quotes) current.set(path, quotes);
      else current.delete(path);
      runSteps(index.updateSteps([[path, quotes]]));
      if (round % 10 === 9) {
        const fresh = new TrailIndex();
        runSteps(fresh.updateSteps([...current]));
        assert.deepStrictEqual(partition(index), partition(fresh), `round ${round}`);
      }
    }
  });

  it('regroups only around the changed article: trails without its quotes keep their groups', () => {
    const corpus = generateTrailCorpus(60, 3);
    const index = indexOf(corpus);
    const [path, quotes] = [...corpus.articles].find(([, quotes]) => quotes.some((quote) => index.groupOf(quote.path, quote.start) !== 0))!;
    const untouched = new Map<number, string>();
    for (const group of index.groupIds()) {
      const entries = index.entriesOf(group);
      if (!entries.some((entry) => entry.path === path)) untouched.set(group, JSON.stringify(entries));
    }
    runSteps(index.updateSteps([[path, quotes.slice(1)]]));
    for (const [group, entries] of untouched) assert.strictEqual(JSON.stringify(index.entriesOf(group)), entries, `group ${group} kept`);
    assert.ok(untouched.size > 10);
  });
});

const CONFIG = `articles:
  a.txt: { title: "Minister warns of interference", outlet: The Courier, date: 2020-05-02 }
  b.txt: { title: "Talks end without a deal", outlet: The Ledger, date: 2020-05-01 }
  c.txt: { title: "Elections under watch", outlet: Capital Times, date: 2020-05-03 }
`;

function article(title: string, speaker: string, quote: string): string {
  return `${title}\n\n${speaker} spoke in the capital on Monday.\n\n“${quote},” ${speaker} said.\n\nThe talks continue next week.\n`;
}

describe('quote trails: through the corpus reader', () => {
  const texts = {
    'a.txt': article('Minister warns of interference', 'Anna Berglund', 'We need to be extremely watchful of this persistent pattern of foreign interference'),
    'b.txt': article('Talks end without a deal', 'Anna Berglund', 'We need to be extremely watchful of this persistent pattern of foreign interference'),
    'c.txt': article('Elections under watch', 'Tomas Lindqvist', 'extremely watchful of this persistent pattern of foreign interference'),
  };

  it('knows the quotes, articles, outlets, first appearance and the speakers, and flags a disagreement', () => {
    const corpus = CorpusIndex.fromTexts('/corpus', texts, CONFIG);
    const quote = corpus.quotesIn('a.txt').find((q) => q.text.includes('watchful'))!;
    const trail = corpus.trailOf(quote)!;
    assert.ok(trail, 'the quote has a trail');
    assert.deepStrictEqual(trail.articles.map((a) => a.path), ['b.txt', 'a.txt', 'c.txt']);
    assert.deepStrictEqual(trail.first, trail.articles[0]);
    assert.strictEqual(trail.first.outlet, 'The Ledger');
    assert.deepStrictEqual(trail.outlets, ['The Ledger', 'The Courier', 'Capital Times']);
    assert.strictEqual(trail.quotes.length, 3);
    assert.deepStrictEqual(trail.speakers.slice().sort(), ['anna-berglund', 'tomas-lindqvist']);
    assert.strictEqual(trail.speakerDisagreement, true);
    assert.deepStrictEqual(corpus.trails().map((t) => t.id), [trail.id]);
  });

  it('follows an edit of one article', () => {
    const corpus = CorpusIndex.fromTexts('/corpus', texts, CONFIG);
    corpus.updateArticle('c.txt', article('Elections under watch', 'Anna Berglund', 'Nothing about that today, thank you all for coming along'));
    const trail = corpus.trailOf(corpus.quotesIn('a.txt').find((q) => q.text.includes('watchful'))!)!;
    assert.deepStrictEqual(trail.articles.map((a) => a.path), ['b.txt', 'a.txt']);
    assert.strictEqual(trail.speakerDisagreement, false);
    corpus.removeArticle('b.txt');
    assert.strictEqual(corpus.trailOf(corpus.quotesIn('a.txt').find((q) => q.text.includes('watchful'))!), undefined);
    assert.deepStrictEqual(corpus.trails(), []);
  });
});

describe('quote trails: built after a load, in slices', () => {
  const texts = Object.fromEntries(generateCorpus(300).articles.map((article) => [article.path, article.text]));
  const shape = (corpus: CorpusIndex) => corpus.trails().map((trail) => `${trail.id}: ${trail.articles.map((a) => a.path).join(' ')}`);
  const expected = shape(CorpusIndex.fromTexts('/corpus', texts));

  it('prepareTrails gives the trails a reader would build at once', async () => {
    assert.ok(expected.length > 10, `enough trails to compare (${expected.length})`);
    const corpus = CorpusIndex.fromTexts('/corpus', texts);
    await corpus.prepareTrails(0);
    assert.deepStrictEqual(shape(corpus), expected);
  });

  it('a reader that comes while they are being built finishes them first', async () => {
    const corpus = CorpusIndex.fromTexts('/corpus', texts);
    const preparing = corpus.prepareTrails(0);
    for (let tick = 0; tick < 5; tick++) await new Promise((resolve) => setImmediate(resolve));
    assert.deepStrictEqual(shape(corpus), expected);
    await preparing;
    assert.deepStrictEqual(shape(corpus), expected);
  });
});

describe('quote trails: what the hover, Search Quotes and the tree show', () => {
  const texts = {
    'a.txt': article('Minister warns of interference', 'Anna Berglund', 'We need to be extremely watchful of this persistent pattern of foreign interference'),
    'b.txt': article('Talks end without a deal', 'Anna Berglund', 'We need to be extremely watchful of this persistent pattern of foreign interference'),
    'c.txt': article('Elections under watch', 'Tomas Lindqvist', 'extremely watchful of this persistent pattern of foreign interference'),
  };
  const corpus = CorpusIndex.fromTexts('/corpus', texts, CONFIG);
  const watchful = (path: string) => corpus.quotesIn(path).find((q) => q.text.includes('watchful'))!;

  it('the hover card names the other articles with title, outlet, date and how each relates, and flags another speaker', () => {
    const card = buildQuoteTrailCard(corpus, watchful('a.txt'));
    assert.strictEqual(card.speaker, 'Anna Berglund');
    assert.deepStrictEqual(
      card.alsoIn.map((a) => [a.title, a.outlet, a.date, a.match, a.otherSpeaker]),
      [
        ['Talks end without a deal', 'The Ledger', '2020-05-01', 'whole', false],
        ['Elections under watch', 'Capital Times', '2020-05-03', 'cut', true],
      ],
    );
    assert.deepStrictEqual(card.first, { title: 'Talks end without a deal', outlet: 'The Ledger', date: '2020-05-01' });
    assert.strictEqual(card.speakerDisagreement, true);
    assert.strictEqual(card.outlets, 3);
    const alone = corpus.quotesIn('a.txt').find((q) => !q.text.includes('watchful'));
    if (alone) assert.deepStrictEqual(buildQuoteTrailCard(corpus, alone).alsoIn, []);
  });

  it('cuts long titles at a word', () => {
    assert.strictEqual(shortTitle("UK and US accuse Russia of 'interfering in other parts of the globe'", 28), 'UK and US accuse Russia of…');
    assert.strictEqual(shortTitle('Short', 28), 'Short');
  });

  it('Search Quotes counts outlets and keeps one row per trail at its best rank', () => {
    assert.deepStrictEqual(quoteReach(corpus, watchful('c.txt')), { trail: corpus.trailOf(watchful('c.txt'))!.id, articles: 3, outlets: 3 });
    const results = [watchful('c.txt'), ...corpus.quotesIn('b.txt'), watchful('a.txt')];
    const grouped = onePerTrail(results, (quote) => corpus.trailOf(quote)?.id ?? null);
    assert.strictEqual(grouped[0], watchful('c.txt'));
    assert.strictEqual(grouped.filter((quote) => quote.text.includes('watchful')).length, 1);
    assert.strictEqual(grouped.length, results.length - 2);
  });

  it('the by-quote grouping lists trails first, then quotes of one article, newest first', () => {
    const listed = quotesByTrail(corpus, corpus.articles(), 100);
    assert.deepStrictEqual(listed.trails.map((t) => t.articles.length), [3]);
    assert.ok(listed.single.every((quote) => !corpus.trailOf(quote)));
    assert.strictEqual(listed.singleCount, corpus.quotes().length - 3);
    const onlyB = quotesByTrail(corpus, corpus.articles().filter((a) => a.path === 'b.txt'), 100);
    assert.strictEqual(onlyB.trails.length, 1, 'a trail shows while one of its articles passes the filter');
  });
});

describe('quote trails: shingle postings', () => {
  it('counts the live holders of a shingle up to the limit asked, past the common threshold', () => {
    const postings = new ShinglePostings();
    const holders = COMMON_SHINGLE * 3;
    postings.reset(new Uint32Array(holders).fill(7), Int32Array.from({ length: holders }, (_, i) => i));
    for (let i = 0; i < 4; i++) postings.add(7, holders + i);
    const isLive = (node: number) => node % 2 === 0;
    assert.strictEqual(postings.liveCount(7, isLive, 1000), (holders + 4) / 2);
    assert.strictEqual(postings.liveCount(7, isLive, COMMON_SHINGLE + 3), COMMON_SHINGLE + 3);
    assert.strictEqual(postings.liveCount(8, isLive, 1000), 0);
  });

  it('a quote added to and taken from a set phrase many quotes share leaves the trails of a fresh index', () => {
    const quotes = Array.from({ length: 40 }, (_, i) => ({ start: i, text: `At the end of the day the council ${i} wants clear answers on housing number ${i * 7} now.` }));
    const index = new TrailIndex();
    runSteps(index.updateSteps(quotes.map((quote, i) => [`a${i}.txt`, [quote]] as const)));
    runSteps(index.updateSteps([['new.txt', [{ start: 0, text: 'At the end of the day the council wants clear answers on schools now.' }]]]));
    runSteps(index.updateSteps([['new.txt', undefined]]));
    const fresh = new TrailIndex();
    runSteps(fresh.updateSteps(quotes.map((quote, i) => [`a${i}.txt`, [quote]] as const)));
    assert.deepStrictEqual(partition(index), partition(fresh));
  });
});

describe('quote trails: sorting postings into the kept arrays at once', () => {
  for (const [size, perNode] of [[5000, 1], [300000, 1], [300000, 8]]) {
    it(`gives what sorting then keeping gives, for ${size.toLocaleString('en')} postings of ${perNode === 1 ? '32' : '16'}-bit node ids`, () => {
      const random = createRandom(size + perNode);
      const keys = Uint32Array.from({ length: size }, () => (random.int(0, 3) * 0x40000000 + random.int(0, size / 3)) >>> 0);
      const nodes = Int32Array.from({ length: size }, (_, i) => Math.floor(i / perNode));
      const nodeCount = nodes[size - 1] + 1;
      const sorted = radixSortPairs(keys.slice(), nodes.slice());
      const kept = new ShinglePostings();
      kept.reset(sorted.keys, sorted.values);
      const direct = new ShinglePostings();
      direct.sortAndReset(keys.slice(), nodes.slice());
      assert.strictEqual(direct.sorted, kept.sorted);
      for (let probe = 0; probe < 300; probe++) {
        const key = probe % 3 === 0 ? (random.int(0, 3) * 0x40000000 + random.int(0, size)) >>> 0 : keys[random.int(0, size - 1)];
        const [a, b]: number[][] = [[], []];
        kept.allNodesWith(key, a);
        direct.allNodesWith(key, b);
        assert.deepStrictEqual(b, a, `key ${key}`);
      }
      const wanted = new Uint8Array(nodeCount).fill(1);
      assert.deepStrictEqual(direct.sharedRuns(nodeCount, wanted), kept.sharedRuns(nodeCount, wanted));
      for (let p = 0; p < size; p += 101) assert.strictEqual(direct.nodeAt(p), kept.nodeAt(p));
    });
  }
});

describe('quote trails: sorted postings, small and large', () => {
  for (const size of [5000, 300000]) {
    it(`finds every node of a shingle and every shared run among ${size.toLocaleString('en')} postings`, () => {
      const random = createRandom(size);
      // Few distinct keys in a narrow range, so runs of equal keys (and whole buckets) are common.
      const keys = Uint32Array.from({ length: size }, () => (random.int(0, 3) * 0x40000000 + random.int(0, size / 3)) >>> 0);
      const nodes = Int32Array.from({ length: size }, (_, i) => i);
      const sorted = radixSortPairs(keys.slice(), nodes);
      const postings = new ShinglePostings();
      postings.reset(sorted.keys, sorted.values);
      const byKey = new Map<number, number[]>();
      keys.forEach((key, i) => {
        const holders = byKey.get(key);
        if (holders) holders.push(i);
        else byKey.set(key, [i]);
      });
      for (let probe = 0; probe < 300; probe++) {
        const key = probe % 3 === 0 ? (random.int(0, 3) * 0x40000000 + random.int(0, size)) >>> 0 : keys[random.int(0, size - 1)];
        const out: number[] = [];
        postings.allNodesWith(key, out);
        assert.deepStrictEqual(out.sort((a, b) => a - b), byKey.get(key) ?? [], `key ${key}`);
      }
      const { offsets, runs } = postings.sharedRuns(size, new Uint8Array(size).fill(1));
      let shared = 0;
      for (const holders of byKey.values()) if (holders.length >= 2 && holders.length <= COMMON_SHINGLE) shared += holders.length;
      assert.strictEqual(offsets[size], 2 * shared);
      for (let id = 0; id < size; id += 997) {
        for (let r = offsets[id]; r < offsets[id + 1]; r += 2) {
          const holders = new Set<number>();
          for (let p = runs[r]; p < runs[r + 1]; p++) holders.add(postings.nodeAt(p));
          assert.deepStrictEqual([...holders].sort((a, b) => a - b), byKey.get(keys[id]));
        }
      }
    });
  }
});
