// Page furniture found by the corpus: generated articles share a credit line, a caption or a syndicated story.
import * as assert from 'assert';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { lineKey, lineTable, LINE_COUNTED, LINE_LONG } from '../../src/core/extract/lineKeys';
import { maskExtraction } from '../../src/core/index/masking';
import { repeatThreshold } from '../../src/core/index/repeatedLines';
import type { ArticleExtraction } from '../../src/core/types';

const SUBJECTS = ['The council', 'The committee', 'The board', 'Residents', 'The city', 'Officials', 'The agency', 'Campaigners'];
const VERBS = ['approved', 'rejected', 'debated', 'delayed', 'reviewed', 'welcomed', 'questioned', 'funded'];
const OBJECTS = ['the new bridge', 'a budget for parks', 'the transit plan', 'longer library hours', 'a housing scheme', 'the road repairs', 'a school extension', 'the harbour works'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/** A seeded generator of plain news-like paragraphs: each article's prose differs from the others'. */
function makeRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function paragraph(random: () => number, n: number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const sentences: string[] = [];
  for (let i = 0; i < 3; i++) sentences.push(`${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} on ${pick(DAYS)} after ${n + i * 7} days of talks.`);
  return sentences.join(' ');
}

/** An article with its own headline and prose; `extra` lines are placed after the second paragraph and at the end. */
function article(seed: number, middle: string[] = [], end: string[] = []): string {
  const random = makeRandom(seed * 7919 + 13);
  return [`Headline number ${seed}`, '', paragraph(random, seed), '', paragraph(random, seed + 1), '', ...middle, '', paragraph(random, seed + 2), '', ...end, ''].join('\n');
}

const CREDIT_LINE = 'Dana Whitlock is a columnist for the Evening Lantern.';
const AD_LINE = 'Read more from our partners below';

function corpus(count: number, withLine: (i: number) => boolean, line = CREDIT_LINE): Record<string, string> {
  const texts: Record<string, string> = {};
  for (let i = 0; i < count; i++) texts[`a${String(i).padStart(3, '0')}.txt`] = article(i, [], withLine(i) ? [line] : []);
  return texts;
}

const personNamed = (index: CorpusIndex, name: string) => index.people().find((p) => p.name === name);

describe('repeated lines: page furniture found by the corpus', () => {
  it('keys lines by their normalised text and flags what can be furniture', () => {
    assert.strictEqual(lineKey('  Read MORE   below. '), lineKey('read more below'));
    assert.notStrictEqual(lineKey('read more below'), lineKey('read more above'));
    const table = lineTable(`Short label\n\nIntroduces the quote:\n${'A long paragraph of prose. '.repeat(20)}\n12345\n`, []);
    assert.deepStrictEqual(Array.from(table.flags), [LINE_COUNTED, 0, LINE_LONG, 0]);
  });

  it('sets the threshold by corpus size: at least 3 articles, and one in 500', () => {
    assert.strictEqual(repeatThreshold(5), 3);
    assert.strictEqual(repeatThreshold(1500), 3);
    assert.strictEqual(repeatThreshold(2095), 5);
    assert.strictEqual(repeatThreshold(10000), 20);
  });

  it('masks a credit line repeated in many articles: its name is no person, its line is boilerplate', () => {
    const index = CorpusIndex.fromTexts('/c', corpus(12, (i) => i % 2 === 0));
    assert.strictEqual(personNamed(index, 'Dana Whitlock'), undefined);
    assert.strictEqual(index.furnitureLineCount(), 1);
    const text = index.article('a000.txt')!.text;
    const start = text.indexOf(CREDIT_LINE);
    assert.ok(index.article('a000.txt')!.boilerplate.some((span) => span.start === start && span.end === start + CREDIT_LINE.length));
    // The cached, per-article extraction is left as extracted.
    assert.ok(!index.extraction('a000.txt')!.article.boilerplate.some((span) => span.start === start));
    assert.ok(index.extraction('a000.txt')!.mentions.some((m) => m.text === 'Dana Whitlock'));
  });

  it('keeps a dateline repeated by many articles of one day: its place stays a place', () => {
    const texts: Record<string, string> = {};
    for (let i = 0; i < 12; i++) texts[`d${String(i).padStart(3, '0')}.txt`] = article(i, [], []).replace('\n\n', '\n\nHALIFAX 2019-04-02\n\n');
    const index = CorpusIndex.fromTexts('/c', texts);
    assert.strictEqual(index.furnitureLineCount(), 0);
    assert.ok(lineTable('HALIFAX 2019-04-02\n', []).flags[0] === 0, 'a line stating a date is never counted');
  });

  it('keeps a line repeated in fewer articles than the threshold', () => {
    const index = CorpusIndex.fromTexts('/c', corpus(12, (i) => i < 2));
    assert.ok(personNamed(index, 'Dana Whitlock'));
    assert.strictEqual(index.furnitureLineCount(), 0);
  });

  it('keeps the short lines of one story syndicated to several articles (same neighbouring paragraphs)', () => {
    const random = makeRandom(99);
    const story = [paragraph(random, 1), '', 'Mayor Rosa Quintero spoke briefly.', '', paragraph(random, 2)];
    const texts: Record<string, string> = {};
    for (let i = 0; i < 6; i++) texts[`copy${i}.txt`] = [`Outlet ${i} headline`, '', `By Reporter ${i}`, '', ...story, '', `Footer of outlet ${i}`, ''].join('\n');
    for (let i = 0; i < 6; i++) texts[`other${i}.txt`] = article(100 + i);
    const index = CorpusIndex.fromTexts('/c', texts);
    assert.strictEqual(index.furnitureLineCount(), 0);
    assert.ok(personNamed(index, 'Rosa Quintero'));
  });

  it('finds a line in the middle of articles as well as at the end, but not a line that introduces a quote', () => {
    const texts: Record<string, string> = {};
    for (let i = 0; i < 8; i++) texts[`m${i}.txt`] = article(i, [AD_LINE, '', 'Mayor Kell said:', `"We will build it by ${2030 + i}."`]);
    const index = CorpusIndex.fromTexts('/c', texts);
    const text = index.article('m0.txt')!.text;
    const spans = index.article('m0.txt')!.boilerplate.map((span) => text.slice(span.start, span.end));
    assert.deepStrictEqual(spans, [AD_LINE]);
  });

  it('follows edits: one article more or less moves a line across the threshold, without re-extracting the others', () => {
    const texts = corpus(12, (i) => i < 2);
    const index = CorpusIndex.fromTexts('/c', texts);
    const before = index.extraction('a000.txt');
    assert.ok(personNamed(index, 'Dana Whitlock'));
    index.updateArticle('a005.txt', `${texts['a005.txt']}${CREDIT_LINE}\n`);
    assert.strictEqual(index.furnitureLineCount(), 1);
    assert.strictEqual(personNamed(index, 'Dana Whitlock'), undefined);
    assert.ok(index.article('a000.txt')!.boilerplate.length > 0);
    assert.deepStrictEqual(index.extraction('a000.txt'), before);
    index.removeArticle('a005.txt');
    assert.strictEqual(index.furnitureLineCount(), 0);
    assert.ok(personNamed(index, 'Dana Whitlock'));
    assert.deepStrictEqual(index.article('a000.txt')!.boilerplate, []);
  });

  it('follows an edit that changes only where a line stands: the same furniture as a fresh index, each time', () => {
    // Long lines (never candidates) around a repeated line: three articles give it one context between them.
    const before = `${'Shared opening of a syndicated item that runs long enough to be prose and never a candidate line, '.repeat(2)}end.`;
    const after = `${'Shared closing of a syndicated item that runs long enough to be prose and never a candidate line, '.repeat(2)}end.`;
    const own = (i: number) => `${`Article ${i} has a paragraph of its own here that runs well past the length of any furniture line, `.repeat(2)}end.`;
    const texts = corpus(12, () => false);
    for (let i = 0; i < 4; i++) texts[`a00${i}.txt`] = article(i, i < 3 ? [before, AD_LINE, after] : [own(i), AD_LINE, own(i + 50)]);
    const index = CorpusIndex.fromTexts('/c', texts);
    const boilerplate = (corpus: CorpusIndex) => corpus.articles().map((a) => [a.path, a.boilerplate]);
    const same = (what: string) => {
      const fresh = CorpusIndex.fromTexts('/c', texts);
      assert.strictEqual(index.furnitureLineCount(), fresh.furnitureLineCount(), what);
      assert.deepStrictEqual(boilerplate(index), boilerplate(fresh), what);
    };
    same('two contexts: not furniture');
    assert.strictEqual(index.furnitureLineCount(), 0);
    for (const [edit, furniture] of [[own, 1], [() => before, 0]] as const) {
      texts['a001.txt'] = article(1, [edit(1), AD_LINE, edit === own ? own(51) : after]);
      index.updateArticle('a001.txt', texts['a001.txt']);
      same(`after the edit that leaves ${furniture} furniture line`);
      assert.strictEqual(index.furnitureLineCount(), furniture);
    }
  });

  it('drops the quotes inside a masked line and maps the speakers of the others', () => {
    const text = 'Ann Lee said: "We stay."\nPromo line with Bob Tran\n"We go," said Cat Moss.\n';
    const extraction: ArticleExtraction = {
      article: { path: 'a.txt', text, encoding: 'utf-8', title: null, outlet: null, date: null, url: null, byline: null, credit: null, boilerplate: [], frontMatter: null },
      mentions: [
        { start: 0, end: 7, text: 'Ann Lee', honorific: null, nameParts: ['Ann', 'Lee'], role: null },
        { start: 41, end: 49, text: 'Bob Tran', honorific: null, nameParts: ['Bob', 'Tran'], role: null },
        { start: 66, end: 74, text: 'Cat Moss', honorific: null, nameParts: ['Cat', 'Moss'], role: null },
      ],
      quotes: [
        { start: 15, end: 23, text: 'We stay.', group: 15, partial: false, unmarked: false, speakerMention: 0 },
        { start: 26, end: 49, text: 'line with Bob Tran', group: 26, partial: false, unmarked: true, speakerMention: 1 },
        { start: 51, end: 57, text: 'We go,', group: 51, partial: false, unmarked: false, speakerMention: 2 },
      ],
    };
    extraction.entities = [
      { start: 26, end: 31, text: 'Promo', type: 'organization' },
      { start: 75, end: 80, text: 'Tiber', type: 'place' },
    ];
    extraction.quotes[2].sourceEntity = 1;
    extraction.article.text = `${text}Tiber\n`;
    const masked = maskExtraction(extraction, [{ start: 25, end: 49 }]);
    assert.deepStrictEqual(masked.mentions.map((m) => m.text), ['Ann Lee', 'Cat Moss']);
    assert.deepStrictEqual(masked.quotes.map((q) => [q.text, q.speakerMention, q.sourceEntity]), [['We stay.', 0, undefined], ['We go,', 1, 0]]);
    assert.deepStrictEqual(masked.entities?.map((e) => e.text), ['Tiber']);
    assert.deepStrictEqual(masked.article.boilerplate, [{ start: 25, end: 49 }]);
    assert.strictEqual(maskExtraction(extraction, []), extraction);
  });
});
