import * as assert from 'assert';
import * as path from 'path';
import {
  bcubed,
  evaluate,
  failedChecks,
  ISSUE_TARGETS,
  mapPredictedToGold,
  matchSpans,
  parseArgs,
  prf,
  spanJaccard,
  speakerScores,
  type ExportV1,
  type GoldArticle,
} from '../../eval/score';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);

describe('eval scorer', () => {
  describe('prf', () => {
    it('computes precision, recall and F1', () => {
      const r = prf(3, 4, 6);
      close(r.precision, 0.75);
      close(r.recall, 0.5);
      close(r.f1, 0.6);
    });
    it('gives 0 precision when predictions exist but none is right, and 0 recall when nothing is predicted', () => {
      assert.deepStrictEqual(prf(0, 2, 3), { precision: 0, recall: 0, f1: 0 });
      assert.deepStrictEqual(prf(0, 0, 3), { precision: 0, recall: 0, f1: 0 });
    });
  });

  describe('span matching', () => {
    it('measures Jaccard overlap of character ranges, only within one file', () => {
      close(spanJaccard({ path: 'a', start: 0, end: 10 }, { path: 'a', start: 5, end: 15 }), 5 / 15);
      assert.strictEqual(spanJaccard({ path: 'a', start: 0, end: 10 }, { path: 'b', start: 0, end: 10 }), 0);
      assert.strictEqual(spanJaccard({ path: 'a', start: 0, end: 5 }, { path: 'a', start: 5, end: 9 }), 0);
    });

    it('with minJaccard 1 matches only exact spans', () => {
      const gold = [{ path: 'a', start: 0, end: 5 }];
      assert.strictEqual(matchSpans(gold, [{ path: 'a', start: 0, end: 6 }], 1).length, 0);
      assert.deepStrictEqual(matchSpans(gold, [{ path: 'a', start: 0, end: 5 }], 1), [{ gold: 0, predicted: 0, jaccard: 1 }]);
    });

    it('accepts an overlap of Jaccard 0.5 exactly and rejects less', () => {
      const gold = [{ path: 'a', start: 0, end: 10 }];
      assert.strictEqual(matchSpans(gold, [{ path: 'a', start: 0, end: 5 }], 0.5).length, 1);
      assert.strictEqual(matchSpans(gold, [{ path: 'a', start: 0, end: 4 }], 0.5).length, 0);
    });

    it('pairs one to one: a long prediction covering two gold quotes matches only the better one', () => {
      const gold = [
        { path: 'a', start: 0, end: 10 },
        { path: 'a', start: 12, end: 14 },
      ];
      const predicted = [{ path: 'a', start: 0, end: 14 }];
      const matches = matchSpans(gold, predicted, 0.1);
      assert.deepStrictEqual(
        matches.map((m) => [m.gold, m.predicted]),
        [[0, 0]],
      );
    });
  });

  describe('B-cubed', () => {
    it('is perfect when the clusterings agree up to the names of the ids', () => {
      const r = bcubed([
        { gold: 'fallon', predicted: 'p1' },
        { gold: 'fallon', predicted: 'p1' },
        { gold: 'mattis', predicted: 'p2' },
      ]);
      assert.deepStrictEqual(r, { precision: 1, recall: 1, f1: 1 });
    });

    it('penalises a merge in precision and a split in recall', () => {
      // Merge: two gold people in one predicted cluster of 3 (2 fallon + 1 mattis).
      const merged = bcubed([
        { gold: 'fallon', predicted: 'x' },
        { gold: 'fallon', predicted: 'x' },
        { gold: 'mattis', predicted: 'x' },
      ]);
      close(merged.precision, (2 / 3 + 2 / 3 + 1 / 3) / 3);
      close(merged.recall, 1);
      // Split: one gold person in two predicted clusters (2 + 1).
      const split = bcubed([
        { gold: 'fallon', predicted: 'a' },
        { gold: 'fallon', predicted: 'a' },
        { gold: 'fallon', predicted: 'b' },
      ]);
      close(split.precision, 1);
      close(split.recall, (2 / 3 + 2 / 3 + 1 / 3) / 3);
    });
  });

  describe('speaker mapping and scores', () => {
    it('maps each predicted id to the majority gold key of its found mentions', () => {
      const mapping = mapPredictedToGold([
        { gold: 'fallon', predicted: 'michael' },
        { gold: 'fallon', predicted: 'michael' },
        { gold: 'flynn', predicted: 'michael' },
        { gold: 'mattis', predicted: 'mattis-id' },
      ]);
      assert.strictEqual(mapping.get('michael'), 'fallon');
      assert.strictEqual(mapping.get('mattis-id'), 'mattis');
      assert.strictEqual(mapping.get('unknown'), undefined);
    });

    it('counts unmatched quotes as wrong and anonymous quotes given a person as false attributions', () => {
      const gold = [
        { speaker: 'fallon', anonymous: false }, // matched, right speaker
        { speaker: 'mattis', anonymous: false }, // matched, wrong speaker
        { speaker: 'mattis', anonymous: false }, // not found
        { speaker: null, anonymous: true }, // matched, given a person
        { speaker: null, anonymous: true }, // matched, null
      ];
      const predicted = [{ speaker: 'f' }, { speaker: 'f' }, { speaker: 'f' }, { speaker: null }];
      const matches = [
        { gold: 0, predicted: 0, jaccard: 1 },
        { gold: 1, predicted: 1, jaccard: 1 },
        { gold: 3, predicted: 2, jaccard: 1 },
        { gold: 4, predicted: 3, jaccard: 1 },
      ];
      const s = speakerScores(gold, predicted, matches, new Map([['f', 'fallon']]));
      assert.strictEqual(s.correct, 1);
      assert.strictEqual(s.withSpeaker, 3);
      close(s.accuracy, 1 / 3);
      assert.strictEqual(s.falselyAttributed, 1);
      close(s.falseAttributionRate, 0.5);
    });
  });

  describe('evaluate', () => {
    const gold: GoldArticle[] = [
      {
        path: 'a.txt',
        boilerplate: [{ start: 90, end: 100 }],
        mentions: [
          { start: 0, end: 18, text: 'Sir Michael Fallon', person: 'fallon' },
          { start: 30, end: 41, text: 'Sir Michael', person: 'fallon' },
          { start: 50, end: 60, text: 'Gen Mattis', person: 'mattis' },
        ],
        quotes: [
          { start: 62, end: 80, text: 'x'.repeat(18), speaker: 'mattis', anonymous: false },
          { start: 82, end: 88, text: 'y'.repeat(6), speaker: null, anonymous: true },
        ],
      },
    ];
    const exported: ExportV1 = {
      version: 1,
      people: [
        {
          id: 'michael-fallon',
          mentions: [
            { path: 'a.txt', start: 0, end: 18, text: 'Sir Michael Fallon' },
            { path: 'a.txt', start: 34, end: 41, text: 'Michael' }, // wrong span
            { path: 'other.txt', start: 0, end: 5, text: 'ignored: no gold for this file' },
          ],
        },
        { id: 'james-mattis', mentions: [{ path: 'a.txt', start: 50, end: 60, text: 'Gen Mattis' }] },
        { id: 'ad-man', mentions: [{ path: 'a.txt', start: 91, end: 95, text: 'Ad' }] },
      ],
      quotes: [
        { path: 'a.txt', start: 62, end: 78, text: 'x'.repeat(16), speaker: 'james-mattis' },
        { path: 'a.txt', start: 82, end: 88, text: 'y'.repeat(6), speaker: 'michael-fallon' },
      ],
    };

    it('scores mentions, identity, quotes and speakers on the gold articles only', () => {
      const e = evaluate(gold, exported);
      assert.deepStrictEqual([e.mentions.tp, e.mentions.predicted, e.mentions.gold], [2, 4, 3]);
      assert.strictEqual(e.identity.f1, 1);
      assert.deepStrictEqual([e.quotes.tp, e.quotesExact.tp], [2, 1]);
      assert.strictEqual(e.speakers.correct, 1);
      assert.strictEqual(e.speakers.falselyAttributed, 1);
      assert.ok(e.details.some((d) => d.includes('mention missed') && d.includes('a.txt:30-41')));
      assert.ok(e.details.some((d) => d.includes('(in boilerplate)')));
      assert.ok(e.details.some((d) => d.includes('anonymous quote given to michael-fallon')));
    });

    it('fails the issue targets on this poor export and passes lowered thresholds', () => {
      const e = evaluate(gold, exported);
      const failed = failedChecks(e, ISSUE_TARGETS);
      assert.strictEqual(failed.length, 2, failed.join('; '));
      assert.ok(failed[0].startsWith('person mentions F1 0.571'));
      assert.ok(failed[1].startsWith('false attribution 1.000'));
      assert.deepStrictEqual(
        failedChecks(e, { mentionF1: 0.5, identityF1: 0.5, quoteF1: 0.5, speakerAccuracy: 0.5, maxFalseAttribution: 1 }),
        [],
      );
    });
  });

  describe('arguments', () => {
    it('reads --input and threshold overrides, which imply --check', () => {
      const o = parseArgs(['--input', 'x.json', '--min-quote-f1=0.5'], '/r');
      assert.strictEqual(o.input, 'x.json');
      assert.strictEqual(o.gold, path.join('/r', 'eval', 'gold'));
      assert.deepStrictEqual(o.check, { ...ISSUE_TARGETS, quoteF1: 0.5 });
      assert.strictEqual(parseArgs([], '/r').check, null);
      assert.throws(() => parseArgs(['--bogus'], '/r'));
    });
  });
});
