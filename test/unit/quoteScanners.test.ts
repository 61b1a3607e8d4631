// The hand-written scanners of quote extraction against the plain forms they stand for: the tokenizer that
// jumps over marked quotes, the word counter, and sentence ends read without regexes.
import * as assert from 'assert';
import fc from 'fast-check';
import { ABBREVIATIONS } from '../../src/core/language/abbreviations';
import { extractMentions } from '../../src/core/extract/mentions';
import { extractQuotes } from '../../src/core/extract/quotes';
import { hasWords } from '../../src/core/extract/quotes/helpers';
import { ParagraphSentences } from '../../src/core/extract/quotes/sentences';
import { tokenizeText } from '../../src/core/extract/quotes/tokens';
import type { Span } from '../../src/core/types';

const params = { seed: 20170406, numRuns: 400, endOnFailure: true };

/** Pieces that stress token edges: joiners, curly apostrophes, marks, non-ASCII letters and surrogates. */
const PIECES = ['word', 'Mr', 'U.S.', "don't", 'Britain’s', 'leaders’', "'", '’', '‘', '“', '”', '"', '.', ',', ':', ';', '(', ')', '—', '–', '-', ' ', ' ', '  ', '\n', 'é', 'Ünal', 'ß', '𝐀', '\ud835', '\udc00', '5.', 'St.', 'A.', 'e.g.', 'x'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((parts) => parts.join(''));

/** Sorted, non-overlapping spans within [0, length] from arbitrary cut points. */
function spansWithin(length: number, cuts: number[]): Span[] {
  const points = [...new Set(cuts.map((c) => Math.min(length, Math.max(0, c))))].sort((a, b) => a - b);
  const spans: Span[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) spans.push({ start: points[i], end: points[i + 1] });
  return spans;
}

/** The tokens as [start, end, flags] triples, copied out of the shared buffers. */
function tokensOf(s: string, skip: Span[]): number[][] {
  const list = tokenizeText(s, skip);
  const out: number[][] = [];
  for (let n = 0; n < list.count; n++) out.push([list.starts[n], list.ends[n], list.flags[n]]);
  return out;
}

/** The sentence ends as ParagraphSentences found them before its ASCII scanners (the regex form). */
function referenceEnds(s: string, para: Span, quoted: ArrayLike<number>): number[] {
  const ends: number[] = [];
  const stopBeforeSpace = /[.!?\u2026]["\u201D\u2019')\]]*(?=\s)/g;
  stopBeforeSpace.lastIndex = para.start;
  for (let m = stopBeforeSpace.exec(s); m; m = stopBeforeSpace.exec(s)) {
    const i = m.index + m[0].length;
    if (i >= para.end) break;
    if (!/\s/.test(s[i])) continue;
    let j = i - 1;
    while (j > para.start && /["\u201D\u2019')\]]/.test(s[j])) j--;
    if (!/[.!?\u2026]/.test(s[j] ?? '')) continue;
    if (quoted[j] && quoted[i]) continue;
    let k = i;
    while (k < para.end && /\s/.test(s[k])) k++;
    const next = s[k];
    if (next === undefined || !(/\p{Lu}/u.test(next) || /[\d"\u201C\u2018'\u2022]/.test(next))) continue;
    if (s[j] === '.') {
      let w = j;
      while (w > para.start && /\p{L}/u.test(s[w - 1])) w--;
      const word = s.slice(w, j);
      if (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) continue;
    }
    ends.push(i);
  }
  return ends;
}

describe('quote extraction scanners', () => {
  it('the tokenizer gives exactly the tokens of a whole-text scan that start outside the skipped spans', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(200), { maxLength: 12 }), (s, cuts) => {
        const skip = spansWithin(s.length, cuts);
        const inSkip = (pos: number): boolean => skip.some((span) => span.start <= pos && pos < span.end);
        const whole = tokensOf(s, []).filter(([start]) => !inSkip(start));
        const skipped = tokensOf(s, skip);
        assert.deepStrictEqual(skipped, whole, JSON.stringify({ s, skip }));
      }),
      params,
    );
  });

  it('hasWords answers as counting the matches of /[\\p{L}\\p{N}]+/gu does', () => {
    fc.assert(
      fc.property(text, fc.nat(200), fc.nat(200), fc.integer({ min: 1, max: 6 }), (s, a, b, count) => {
        const span = { start: Math.min(a, b, s.length), end: Math.min(Math.max(a, b), s.length) };
        const words = s.slice(span.start, span.end).match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
        assert.strictEqual(hasWords(s, span, count), words >= count, JSON.stringify({ s, span, count }));
      }),
      params,
    );
  });

  it('sentence ends are found where the regex form finds them', () => {
    const sentencePieces = fc.constantFrom('He', 'said', 'Mr.', 'St.', 'U.S.', 'A.', 'e.g.', 'Inc.', 'Écoles', 'é.', 'ok.', 'Yes!', 'why?', '5.', '.', '…', '’', '”', '"', "'", ')', ' ', ' ', '  ', '\u00a0', '\u2003', 'Ünal', '“Quote', '‘x', '•', '3', '𝐀.', 'x.');
    fc.assert(
      fc.property(fc.array(sentencePieces, { maxLength: 60 }), fc.array(fc.nat(300), { maxLength: 6 }), (parts, cuts) => {
        const s = parts.join('');
        const para = { start: 0, end: s.length, index: 0 };
        const quoted = new Uint8Array(s.length + 1);
        for (const span of spansWithin(s.length, cuts)) quoted.fill(1, span.start, span.end);
        const sentences = new ParagraphSentences(s, para, quoted);
        const expected = referenceEnds(s, para, quoted);
        for (let pos = 0; pos <= s.length; pos++) {
          const k = expected.findIndex((e) => e >= pos);
          assert.strictEqual(sentences.end(pos), k < 0 ? para.end : expected[k], JSON.stringify({ s, pos }));
        }
      }),
      params,
    );
  });

  it('a speech verb cut short by an excluded range is read as cut: its unnamed subject is what "he" points back to', () => {
    // "saidXYZ" with XYZ excluded: the paragraph ends inside the word, whose cut form "said" is a speech verb.
    const text = 'John Smith arrived in London on Monday.\nA senior official saidXYZ\n“We are ready,” he said.\n';
    const cut = text.indexOf('XYZ');
    const exclude = [{ start: cut, end: cut + 3 }];
    const [quote] = extractQuotes(text, exclude, extractMentions(text, exclude, {}));
    assert.strictEqual(quote.text, 'We are ready,');
    assert.strictEqual(quote.speakerMention, null);
    // Without that paragraph, "he" is John Smith.
    const plain = text.replace('A senior official saidXYZ', 'The weather was fine.');
    assert.strictEqual(extractQuotes(plain, [], extractMentions(plain, [], {}))[0].speakerMention, 0);
  });
});
