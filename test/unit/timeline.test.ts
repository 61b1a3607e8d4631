import * as assert from 'assert';
import { buildTimeline, chooseGranularity, MAX_WEEKS, NO_OUTLET, OTHER_OUTLETS, periodEntries, UNDATED_PERIOD } from '../../src/core/query/timeline';
import { createRandom } from '../support/corpusGenerator';
import { fakeReader, type FakeArticle, type FakeMention, type FakeQuote } from '../support/fakeReader';

const ANN = { id: 'ann-lee', name: 'Ann Lee' };
const BOB = { id: 'bob-ray', name: 'Bob Ray' };

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** The Monday of a date's week, the slow and obvious way. */
function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

describe('timeline', () => {
  describe('month by month over a long span', () => {
    const articles: FakeArticle[] = [
      { path: 'a.txt', date: '2017-01-15', outlet: 'Daily Post' },
      { path: 'b.txt', date: '2017-01-20', outlet: 'Evening Star' },
      { path: 'c.txt', date: '2017-03-02', outlet: 'Daily Post' },
      { path: 'd.txt', date: '2017-09-30', outlet: 'Daily Post' },
      { path: 'e.txt', date: null, outlet: 'Daily Post' },
      { path: 'f.txt', date: '2017-03-31', outlet: null },
    ];
    const mentions: FakeMention[] = [
      { path: 'a.txt', start: 0, entityId: ANN.id },
      { path: 'a.txt', start: 40, entityId: ANN.id },
      { path: 'b.txt', start: 0, entityId: ANN.id },
      { path: 'c.txt', start: 0, entityId: ANN.id },
      { path: 'd.txt', start: 0, entityId: ANN.id },
      { path: 'e.txt', start: 0, entityId: ANN.id },
      { path: 'f.txt', start: 0, entityId: ANN.id },
      { path: 'c.txt', start: 10, entityId: BOB.id },
    ];
    const quotes: FakeQuote[] = [
      { path: 'a.txt', start: 60, text: 'We will see', source: ANN.id },
      { path: 'd.txt', start: 60, text: 'Not now', source: ANN.id },
      { path: 'e.txt', start: 60, text: 'Later', source: ANN.id },
      { path: 'c.txt', start: 60, text: 'Mine', source: BOB.id },
    ];
    const corpus = fakeReader(articles, [ANN, BOB], mentions, quotes);
    const timeline = buildTimeline(corpus, ANN.id)!;

    it('chooses months and lists every month from the first to the last, empty ones too', () => {
      assert.strictEqual(timeline.granularity, 'month');
      assert.deepStrictEqual(
        timeline.periods.map((p) => p.key),
        ['2017-01', '2017-02', '2017-03', '2017-04', '2017-05', '2017-06', '2017-07', '2017-08', '2017-09'],
      );
      assert.strictEqual(timeline.periods[0].label, 'Jan 2017');
      assert.strictEqual(timeline.periods[1].from, '2017-02-01');
      assert.strictEqual(timeline.periods[1].to, '2017-02-28');
      assert.strictEqual(timeline.periods[1].mentions, 0);
    });

    it('counts mentions, quotes and articles per month and per outlet', () => {
      const jan = timeline.periods[0];
      assert.deepStrictEqual([jan.mentions, jan.quotes, jan.articles], [3, 1, 2]);
      assert.deepStrictEqual(timeline.outlets, ['Daily Post', 'Evening Star', NO_OUTLET]);
      assert.deepStrictEqual(jan.mentionsByOutlet, [2, 1, 0]);
      assert.deepStrictEqual(jan.quotesByOutlet, [1, 0, 0]);
      const mar = timeline.periods[2];
      assert.deepStrictEqual([mar.mentions, mar.quotes, mar.articles], [2, 0, 2]);
      assert.deepStrictEqual(mar.mentionsByOutlet, [1, 0, 1]);
    });

    it('keeps undated articles apart and totals everything', () => {
      assert.deepStrictEqual(timeline.undated, { mentions: 1, quotes: 1, articles: 1 });
      assert.deepStrictEqual(timeline.totals, { mentions: 7, quotes: 3, articles: 6 });
      const dated = sum(timeline.periods.map((p) => p.mentions));
      assert.strictEqual(dated + timeline.undated.mentions, timeline.totals.mentions);
    });

    it('lists a period’s mentions and quotes by article in date order, with snippets', () => {
      const texts: FakeArticle[] = articles.map((a) => ({ ...a, title: `Story ${a.path}`, text: `Name said things.${' '.repeat(30)}Name again. "We will see" she said.` }));
      const withText = fakeReader(texts, [ANN, BOB], mentions, quotes);
      const jan = periodEntries(withText, ANN.id, 'month', '2017-01')!;
      assert.deepStrictEqual(jan.entries.map((e) => e.path), ['a.txt', 'b.txt']);
      assert.deepStrictEqual(jan.entries[0].mentions.map((m) => m.start), [0, 40]);
      assert.strictEqual(jan.entries[0].mentions[0].match, 'Name');
      assert.strictEqual(jan.entries[0].quotes[0].text, 'We will see');
      assert.strictEqual(jan.entries[0].title, 'Story a.txt');
      assert.strictEqual(jan.omitted, 0);
      const undated = periodEntries(withText, ANN.id, 'month', UNDATED_PERIOD)!;
      assert.deepStrictEqual(undated.entries.map((e) => e.path), ['e.txt']);
      assert.deepStrictEqual(periodEntries(withText, ANN.id, 'month', '2017-02')!.entries, []);
      const cut = periodEntries(withText, ANN.id, 'month', '2017-01', 2)!;
      assert.deepStrictEqual(cut.entries.map((e) => [e.path, e.mentions.length, e.quotes.length]), [['a.txt', 2, 0]]);
      assert.strictEqual(cut.omitted, 2);
    });

    it('knows nothing of unknown ids', () => {
      assert.strictEqual(buildTimeline(corpus, 'nobody'), undefined);
      assert.strictEqual(periodEntries(corpus, 'nobody', 'month', '2017-01'), undefined);
    });
  });

  describe('week by week over a short span', () => {
    // 2017-04-02 is a Sunday, 2017-04-03 a Monday.
    const dates = ['2017-03-27', '2017-04-02', '2017-04-03', '2017-05-20'];
    const corpus = fakeReader(
      dates.map((date, i) => ({ path: `${i}.txt`, date, outlet: 'Daily Post' })),
      [ANN],
      dates.map((_, i) => ({ path: `${i}.txt`, start: 0, entityId: ANN.id })),
    );
    const timeline = buildTimeline(corpus, ANN.id)!;

    it('chooses weeks, keyed by their Monday, Sunday closing a week', () => {
      assert.strictEqual(timeline.granularity, 'week');
      assert.strictEqual(timeline.periods[0].key, '2017-03-27');
      assert.strictEqual(timeline.periods[0].label, 'Week of 27 Mar 2017');
      assert.strictEqual(timeline.periods[0].to, '2017-04-02');
      assert.strictEqual(timeline.periods[0].mentions, 2);
      assert.strictEqual(timeline.periods[1].key, '2017-04-03');
      assert.strictEqual(timeline.periods[1].mentions, 1);
      assert.strictEqual(timeline.periods.at(-1)!.key, '2017-05-15');
      assert.strictEqual(timeline.periods.length, 8);
    });

    it('takes months when asked, and lists a week’s entries by its key', () => {
      const months = buildTimeline(corpus, ANN.id, { granularity: 'month' })!;
      assert.deepStrictEqual(months.periods.map((p) => [p.key, p.mentions]), [['2017-03', 1], ['2017-04', 2], ['2017-05', 1]]);
      assert.deepStrictEqual(periodEntries(corpus, ANN.id, 'week', '2017-03-27')!.entries.map((e) => e.path), ['0.txt', '1.txt']);
    });

    it('switches to months past the week limit', () => {
      const day = (iso: string) => Date.parse(iso) / 86_400_000;
      assert.strictEqual(chooseGranularity(day('2017-01-02'), day('2017-01-02') + (MAX_WEEKS * 7 - 1)), 'week');
      assert.strictEqual(chooseGranularity(day('2017-01-02'), day('2017-01-02') + MAX_WEEKS * 7), 'month');
    });
  });

  it('folds the outlets past the limit into one', () => {
    const outlets = ['A', 'B', 'C', 'D', 'E'];
    const corpus = fakeReader(
      outlets.map((outlet, i) => ({ path: `${i}.txt`, date: '2017-01-01', outlet })),
      [ANN],
      outlets.flatMap((_, i) => Array.from({ length: 5 - i }, (__, k) => ({ path: `${i}.txt`, start: k * 10, entityId: ANN.id }))),
    );
    const timeline = buildTimeline(corpus, ANN.id, { maxOutlets: 3 })!;
    assert.deepStrictEqual(timeline.outlets, ['A', 'B', OTHER_OUTLETS]);
    assert.deepStrictEqual(timeline.periods[0].mentionsByOutlet, [5, 4, 3 + 2 + 1]);
  });

  it('has no periods when nothing is dated', () => {
    const corpus = fakeReader([{ path: 'a.txt' }], [ANN], [{ path: 'a.txt', start: 0, entityId: ANN.id }]);
    const timeline = buildTimeline(corpus, ANN.id)!;
    assert.deepStrictEqual(timeline.periods, []);
    assert.strictEqual(timeline.undated.mentions, 1);
  });

  it('agrees with a plain count on generated corpora, by week and by month', () => {
    const random = createRandom(18);
    for (let round = 0; round < 20; round++) {
      const articles: FakeArticle[] = [];
      const mentions: FakeMention[] = [];
      const quotes: FakeQuote[] = [];
      const spanDays = random.int(1, round % 2 ? 120 : 2000);
      for (let i = 0; i < random.int(1, 40); i++) {
        const dated = random.chance(0.9);
        const date = dated ? new Date(Date.UTC(2015, 0, 1) + random.int(0, spanDays) * 86_400_000).toISOString().slice(0, 10) : null;
        articles.push({ path: `${i}.txt`, date, outlet: random.pick(['A', 'B', 'C', null]) });
        for (let k = 0; k < random.int(0, 4); k++) mentions.push({ path: `${i}.txt`, start: k * 20, entityId: ANN.id });
        for (let k = 0; k < random.int(0, 2); k++) quotes.push({ path: `${i}.txt`, start: 200 + k * 20, text: 'words', source: ANN.id });
      }
      if (mentions.length === 0) mentions.push({ path: '0.txt', start: 0, entityId: ANN.id });
      const corpus = fakeReader(articles, [ANN], mentions, quotes);
      for (const granularity of ['week', 'month'] as const) {
        const timeline = buildTimeline(corpus, ANN.id, { granularity })!;
        const keyOf = (path: string) => {
          const date = articles.find((a) => a.path === path)!.date;
          return date ? (granularity === 'month' ? date.slice(0, 7) : mondayOf(date)) : null;
        };
        const expected = new Map<string, [number, number]>();
        for (const m of mentions) {
          const key = keyOf(m.path);
          if (key) expected.set(key, [(expected.get(key)?.[0] ?? 0) + 1, expected.get(key)?.[1] ?? 0]);
        }
        for (const q of quotes) {
          const key = keyOf(q.path);
          if (key) expected.set(key, [expected.get(key)?.[0] ?? 0, (expected.get(key)?.[1] ?? 0) + 1]);
        }
        const actual = new Map(timeline.periods.filter((p) => p.mentions + p.quotes > 0).map((p) => [p.key, [p.mentions, p.quotes]]));
        assert.deepStrictEqual(actual, expected, `round ${round}, by ${granularity}`);
        for (const p of timeline.periods) {
          assert.strictEqual(sum(p.mentionsByOutlet), p.mentions);
          assert.strictEqual(sum(p.quotesByOutlet), p.quotes);
        }
        const keys = timeline.periods.map((p) => p.key);
        assert.deepStrictEqual(keys, [...keys].sort(), 'periods in order');
        assert.strictEqual(new Set(keys).size, keys.length, 'no period twice');
      }
    }
  });
});
