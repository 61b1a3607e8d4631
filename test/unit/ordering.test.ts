import * as assert from 'assert';
import { compareByDate, compareNewestFirst, mentionsInDateOrder, quotesNewestFirst } from '../../src/core/query/ordering';
import type { Quote } from '../../src/core/types';
import { article, articlesReader, mention, person } from '../support/queryFixtures';

describe('date order', () => {
  it('puts older articles first, undated ones last, and same dates by path', () => {
    const articles = [article('b.txt', '2017-03-01'), article('z.txt', null), article('a.txt', '2017-03-01'), article('c.txt', '2016-12-31'), article('m.txt', null)];
    assert.deepStrictEqual([...articles].sort(compareByDate).map((a) => a.path), ['c.txt', 'a.txt', 'b.txt', 'm.txt', 'z.txt']);
    assert.strictEqual(compareByDate(article('a.txt', '2017-01-01'), undefined), -1);
    assert.strictEqual(compareByDate(undefined, article('a.txt', '2017-01-01')), 1);
    assert.strictEqual(compareByDate(article('a.txt', null), article('a.txt', null)), 0);
  });

  it('lists a person’s mentions by article date, then by offset within an article', () => {
    const corpus = articlesReader([article('new.txt', '2018-05-01'), article('old.txt', '2015-01-01'), article('undated.txt', null)]);
    const mentions = [
      mention('new.txt', 40, 'Lee'),
      mention('new.txt', 5, 'Ann Lee'),
      mention('old.txt', 90, 'Ms Lee'),
      mention('undated.txt', 0, 'Ann Lee'),
      mention('old.txt', 10, 'Ann Lee'),
    ];
    const ordered = mentionsInDateOrder(corpus, person(mentions));
    assert.deepStrictEqual(ordered.map((m) => `${m.path}:${m.start}`), ['old.txt:10', 'old.txt:90', 'new.txt:5', 'new.txt:40', 'undated.txt:0']);
    assert.notStrictEqual(ordered, mentions, 'a sorted copy: the person’s list keeps its order');
    assert.strictEqual(mentions[0].start, 40);
  });

  it('browses quotes newest article first, undated last, each article’s quotes by position', () => {
    const articles = [article('b.txt', '2017-03-01'), article('z.txt', null), article('a.txt', '2017-03-01'), article('c.txt', '2018-12-31')];
    assert.deepStrictEqual([...articles].sort(compareNewestFirst).map((a) => a.path), ['c.txt', 'a.txt', 'b.txt', 'z.txt']);
    const quote = (path: string, start: number): Quote => ({ path, start, end: start + 5, text: 'words', speaker: null, source: null, group: start, partial: false, unmarked: false });
    const byPath: Record<string, Quote[]> = { 'b.txt': [quote('b.txt', 3), quote('b.txt', 50)], 'z.txt': [quote('z.txt', 0)], 'a.txt': [], 'c.txt': [quote('c.txt', 7)] };
    const quotes = quotesNewestFirst({ articles: () => articles, quotesIn: (path: string) => byPath[path] ?? [] });
    assert.deepStrictEqual(quotes.map((q) => `${q.path}:${q.start}`), ['c.txt:7', 'b.txt:3', 'b.txt:50', 'z.txt:0']);
  });
});
