// Property-based tests of the extractors on random and adversarial text: they must never throw, every span
// must lie inside the text and equal its reported text, quotes must not overlap, and the same input must
// give the same output. Fixed seed and bounded runs, so a failure is reproducible and the suite stays fast.
import * as assert from 'assert';
import fc from 'fast-check';
import { findBoilerplate } from '../../src/core/boilerplate';
import { extractArticle } from '../../src/core/extract';
import { emptyCorpusConfig, parseCorpusYaml } from '../../src/core/metadata';
import { extractMentions, scannersForTests } from '../../src/core/people';
import { extractQuotes } from '../../src/core/quotes';
import { SPEECH_VERBS } from '../../src/core/lexicon/speech';
import { WordFilter } from '../../src/core/text';
import type { ArticleExtraction, ExtractedQuote, RawMention, Span } from '../../src/core/types';

const SEED = Number(process.env.CORPUS_NAV_FUZZ_SEED ?? 20170406);
const RUNS = Number(process.env.CORPUS_NAV_FUZZ_RUNS ?? 300);
const params = (numRuns = RUNS): fc.Parameters<unknown> => ({ seed: SEED, numRuns, endOnFailure: true });

// ---------------------------------------------------------------------------------------------------
// Generators: pieces of news prose, quote marks, capitals, line breaks, control characters and noise.

const WORDS = [
  'said', 'told', 'added', 'according', 'to', 'the', 'Prime', 'Minister', 'Sir', 'Mr', 'Mrs', 'Dr', 'Gen', 'Lt',
  'Michael', 'Anna', 'Fallon', 'Smith', 'al-Assad', 'Le', 'Pen', 'von', 'der', 'Leyen', 'O’Brien', "D'Arcy",
  'he', 'she', 'they', 'it', 'a', 'spokesperson', 'Defence', 'Secretary', 'President', 'Trump', 'Trumps',
  'Tower', 'Show', 'London', 'Russia', 'BBC', 'NATO', 'Ukip', 'leader', 'Hide', 'Ad', 'Comments', 'Follow', 'us',
  'Source:', '©', 'Photo:', 'Your', 'support', 'journalism', 'donate', 'isn’t', "don't", 'leaders’', "players'",
];
const PUNCT = ['"', '“', '”', '‘', '’', "'", '„', '«', '»', ',', '.', ':', ';', '!', '?', '(', ')', '-', '—', '–', '…', '*', '#'];
const BREAKS = ['\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\u2028', '\u0085'];
const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u001b', '\u00ad', '\u200b', '\u200d', '\ufeff', '\ufffd', '\ud800', '\udfff'];

const word = fc.constantFrom(...WORDS);
const capitalRun = fc.array(fc.constantFrom('A', 'B', 'Z', 'Mc', 'Al', 'Van', 'Sir', 'The', 'Mr'), { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));
const capitalWords = fc.array(fc.stringMatching(/^[A-Z][a-z]{0,8}$/), { minLength: 2, maxLength: 30 }).map((parts) => parts.join(' '));
const token = fc.oneof(
  { weight: 8, arbitrary: word },
  { weight: 4, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 2, arbitrary: fc.constantFrom(...BREAKS) },
  { weight: 1, arbitrary: fc.constantFrom(...CONTROLS) },
  { weight: 1, arbitrary: capitalRun },
  { weight: 1, arbitrary: capitalWords },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);
const separator = fc.constantFrom(' ', ' ', ' ', '', '  ', '\t', '\u00a0');
/** Prose-like text: words, quote marks, breaks and noise, joined by mostly spaces. */
const proseText = fc.array(fc.tuple(token, separator), { maxLength: 250 }).map((pairs) => pairs.map(([t, s]) => t + s).join(''));
/** Nothing but quote marks, apostrophes, spaces and breaks. */
const quoteSoup = fc.array(fc.constantFrom('"', '“', '”', '‘', '’', "'", ' ', 'a', 'He said', '\n', '\r\n', ':', ','), { maxLength: 300 }).map((parts) => parts.join(''));
/** Arbitrary unicode, including lone surrogates and control characters. */
const randomUnicode = fc.string({ unit: 'binary', maxLength: 400 });
const anyText = fc.oneof({ weight: 4, arbitrary: proseText }, { weight: 2, arbitrary: quoteSoup }, { weight: 1, arbitrary: randomUnicode });

/** Arbitrary exclusion spans, sorted and non-overlapping, within [0, length]. */
function spansWithin(length: number, cuts: number[]): Span[] {
  const points = [...new Set(cuts.map((c) => Math.min(length, Math.max(0, c))))].sort((a, b) => a - b);
  const spans: Span[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) spans.push({ start: points[i], end: points[i + 1] });
  return spans;
}

// ---------------------------------------------------------------------------------------------------
// Checks

function assertSpanInText(text: string, span: Span & { text: string }, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: non-integer offsets ${span.start}-${span.end}`);
  assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length, `${what}: ${span.start}-${span.end} outside 0-${text.length}`);
  assert.strictEqual(text.slice(span.start, span.end), span.text, `${what}: text.slice(${span.start}, ${span.end}) differs from its reported text`);
}

function assertMentions(text: string, mentions: readonly RawMention[]): void {
  for (const m of mentions) {
    assertSpanInText(text, m, `mention "${m.text}"`);
    assert.ok(m.end > m.start, `empty mention at ${m.start}`);
  }
  for (let i = 1; i < mentions.length; i++) {
    assert.ok(mentions[i - 1].end <= mentions[i].start, `mentions overlap or are unsorted: ${JSON.stringify([mentions[i - 1], mentions[i]])}`);
  }
}

function assertQuotes(text: string, quotes: readonly ExtractedQuote[], mentionCount: number): void {
  for (const q of quotes) {
    assertSpanInText(text, q, `quote "${q.text.slice(0, 40)}"`);
    if (q.speakerMention !== null) {
      assert.ok(Number.isInteger(q.speakerMention) && q.speakerMention >= 0 && q.speakerMention < mentionCount, `speakerMention ${q.speakerMention} is not a mention index`);
    }
  }
  const sorted = [...quotes].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    assert.ok(sorted[i - 1].end <= sorted[i].start, `quotes overlap: ${sorted[i - 1].start}-${sorted[i - 1].end} and ${sorted[i].start}-${sorted[i].end}`);
  }
}

function assertBoilerplate(text: string, spans: readonly Span[]): void {
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    assert.ok(0 <= s.start && s.start < s.end && s.end <= text.length, `boilerplate ${s.start}-${s.end} outside 0-${text.length} or empty`);
    if (i > 0) assert.ok(spans[i - 1].end <= s.start, 'boilerplate spans overlap or are unsorted');
  }
}

function assertExtraction(text: string, extraction: ArticleExtraction): void {
  assert.strictEqual(extraction.article.text, text, 'the article text must be the input, untouched');
  assertBoilerplate(text, extraction.article.boilerplate);
  assertMentions(text, extraction.mentions);
  assertQuotes(text, extraction.quotes, extraction.mentions.length);
}

// ---------------------------------------------------------------------------------------------------

describe('properties: extractors on random and adversarial text', function () {
  this.timeout(60_000);

  it('findBoilerplate: no throw, sorted spans within bounds, deterministic', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const spans = findBoilerplate(text);
        assertBoilerplate(text, spans);
        assert.deepStrictEqual(findBoilerplate(text), spans);
      }),
      params(),
    );
  });

  it('extractMentions: no throw, spans equal their text, never inside excluded ranges, deterministic', () => {
    fc.assert(
      fc.property(anyText, fc.array(fc.nat(2000), { maxLength: 6 }), (text, cuts) => {
        const exclude = spansWithin(text.length, cuts);
        const mentions = extractMentions(text, exclude);
        assertMentions(text, mentions);
        for (const m of mentions) {
          for (const x of exclude) assert.ok(m.end <= x.start || m.start >= x.end, `mention ${m.start}-${m.end} inside excluded ${x.start}-${x.end}`);
        }
        assert.deepStrictEqual(extractMentions(text, exclude), mentions);
      }),
      params(),
    );
  });

  it('extractQuotes: no throw, spans equal their text, no overlaps, speaker indexes valid, deterministic', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const mentions = extractMentions(text, []);
        const quotes = extractQuotes(text, [], mentions);
        assertQuotes(text, quotes, mentions.length);
        assert.deepStrictEqual(extractQuotes(text, [], mentions), quotes);
      }),
      params(),
    );
  });

  it('extractArticle (.txt and .md with front matter): the whole pipeline holds the same properties', () => {
    const frontMatter = fc.oneof(
      fc.constant(''),
      fc.constant('---\ntitle: T\ndate: 2017-04-06\n---\n'),
      fc.constant('---\r\ntitle: [unclosed\r\n---\r\n'),
      fc.constant('---\n'),
    );
    fc.assert(
      fc.property(frontMatter, anyText, fc.boolean(), (head, body, markdown) => {
        const text = head + body;
        const path = markdown ? 'a/b.md' : 'a/b.txt';
        const extraction = extractArticle(path, text, 'utf-8', emptyCorpusConfig());
        assertExtraction(text, extraction);
        assert.deepStrictEqual(extractArticle(path, text, 'utf-8', emptyCorpusConfig()), extraction);
      }),
      params(),
    );
  });

  it('handles huge lines, long capital runs, NULs and quote soup at scale without throwing', function () {
    this.timeout(60_000);
    const cases: Record<string, string> = {
      hugeLine: 'Sir Michael Fallon said "yes" and '.repeat(6000),
      capitals: `${'ABCDEFGHIJ'.repeat(20_000)} said Sir ${'Mc'.repeat(5000)}`,
      capitalWords: `${Array.from({ length: 20_000 }, (_, i) => `Word${String.fromCharCode(65 + (i % 26))}`).join(' ')}.`,
      quoteSoup: '“"‘’\'”'.repeat(20_000),
      opensOnly: '“He said '.repeat(20_000),
      nuls: 'Mr Smith said:\u0000 "a\u0000b" \u0000\r\n'.repeat(5000),
      crlfParagraphs: '“We will,” said Anna Smith.\r\n\r\n'.repeat(5000),
      unbalancedAtEnd: 'Anna Smith said: “This never ends',
      loneSurrogates: '\ud800Mr \udfff Smith “\ud83d” said \ud83d'.repeat(2000),
    };
    for (const [name, text] of Object.entries(cases)) {
      const started = performance.now();
      const extraction = extractArticle(`${name}.txt`, text, 'utf-8', emptyCorpusConfig());
      const ms = performance.now() - started;
      assertExtraction(text, extraction);
      // Linear-time extraction handles ~100-200 kB in well under a second; quadratic behaviour would not.
      assert.ok(ms < 10_000, `${name}: ${text.length} chars took ${ms.toFixed(0)} ms`);
    }
  });

  it('an unbalanced quote mark at the end of a file yields no span past the end', () => {
    fc.assert(
      fc.property(proseText, fc.constantFrom('"', '“', '‘', "'", '„', '«'), (text, mark) => {
        const input = `${text} Anna Smith said: ${mark}`;
        assertExtraction(input, extractArticle('x.txt', input, 'utf-8', emptyCorpusConfig()));
      }),
      params(60),
    );
  });

  it('parseCorpusYaml never throws on random text; problems have sane positions', () => {
    const yamlish = fc
      .array(fc.constantFrom('articles:', 'aliases:', 'notPeople:', '  - ', '  a.txt:', '    title: ', '&a ', '*a ', '[', ']', '{', '}', ':', '"', "'", '\n', '\r\n', '\t', '#', 'x', '- [*a, *a]', '!!binary', '!<tag:x>', '? '), { maxLength: 80 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(yamlish, randomUnicode), (text) => {
        const config = parseCorpusYaml(text);
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const p of config.problems) {
          assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < Math.max(1, lines), `problem line ${p.line} outside ${lines} lines: ${p.message}`);
          assert.ok(p.column >= 0, `negative column: ${p.message}`);
        }
        assert.deepStrictEqual(parseCorpusYaml(text), config);
      }),
      params(),
    );
  });

  it('the hand-written name scanners find exactly what the regexes they replace find', () => {
    // Names with particles, prefixes, apostrophes, hyphens, dots, no-break spaces and non-ASCII letters.
    const nameish = fc.array(
      fc.constantFrom('Anna', 'Le', 'von', 'der', 'al-Assad', 'al', '-', "d'Arcy", 'O’Brien', 'bint-Ali', 'ould', 'St', 'st', 'Mr.', 'J.',
        'Zoë', 'Émile', 'Łukasz', 'ﬁ', 'A', 'x', '’', "'", '—', '“', '\u00a0', ' ', '  ', '.', '9', 'Jean-Luc', 'ibn', 'Abu-', 'de la'),
      { maxLength: 40 },
    ).map((parts) => parts.join(''));
    const text = fc.oneof({ weight: 3, arbitrary: nameish }, { weight: 2, arbitrary: proseText }, { weight: 1, arbitrary: randomUnicode });
    fc.assert(
      fc.property(text, (t) => {
        const runs = scannersForTests.runsByRegex(t);
        assert.deepStrictEqual(scannersForTests.runs(t), runs);
        for (const [start, end] of runs) {
          const run = t.slice(start, end);
          assert.deepStrictEqual(scannersForTests.tokens(run), scannersForTests.tokensByRegex(run));
        }
      }),
      params(RUNS * 5),
    );
  });

  it('WordFilter never rules out a word whose lower case is in its set', () => {
    // Entries and words share pieces so that many words are in the set; capitals, apostrophes and
    // non-ASCII letters (whose lower case may change length: "İ") exercise the fall-backs.
    const piece = fc.constantFrom('a', 'b', 'said', 'S', 'Told', 'é', 'É', 'İ', 'ß', '’', "'", '-', '.', 'x'.repeat(30), 'Z');
    const entry = fc.array(piece, { minLength: 0, maxLength: 4 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), fc.array(entry, { maxLength: 12 }), (entries, others) => {
        const set = new Set(entries);
        const filter = new WordFilter(set);
        for (const word of [...entries, ...entries.map((e) => e.toUpperCase()), ...others]) {
          const text = `<${word}>`;
          const ascii = [...word].every((c) => c.charCodeAt(0) < 128);
          if (set.has(word.toLowerCase())) assert.ok(filter.mayContain(text, 1, 1 + word.length, ascii), `ruled out ${JSON.stringify(word)}`);
        }
      }),
      params(RUNS * 3),
    );
    // The real lexicon, in the casings articles use.
    const filter = new WordFilter(SPEECH_VERBS);
    for (const verb of SPEECH_VERBS) {
      for (const word of [verb, verb.toUpperCase(), verb[0].toUpperCase() + verb.slice(1)]) assert.ok(filter.mayContain(word, 0, word.length, true), word);
    }
    // And it does filter: most ordinary words are ruled out without a lookup.
    const ordinary = ['the', 'and', 'of', 'government', 'Minister', 'Russia', 'yesterday', 'would'].filter((w) => filter.mayContain(w, 0, w.length, true));
    assert.ok(ordinary.length <= 2, `not ruled out: ${ordinary.join(', ')}`);
  });
});
