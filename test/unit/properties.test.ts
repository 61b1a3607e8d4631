// Property-based tests of the extractors on random and adversarial text: they must never throw, every span
// must lie inside the text and equal its reported text, quotes must not overlap, and the same input must
// give the same output. Fixed seed and bounded runs, so a failure is reproducible and the suite stays fast.
import * as assert from 'assert';
import fc from 'fast-check';
import { findBoilerplate } from '../../src/core/extract/boilerplate';
import { extractArticle } from '../../src/core/extract/article';
import { emptyCorpusConfig, parseCorpusYaml } from '../../src/core/extract/corpusYaml';
import { extractMentions } from '../../src/core/extract/mentions';
import { isFollowedByThingNoun } from '../../src/core/extract/mentions/candidates';
import { roleAfter, roleBefore } from '../../src/core/extract/mentions/roles';
import { isWordCharBefore } from '../../src/core/extract/mentions/scan';
import { possessiveBareLength } from '../../src/core/extract/mentions/words';
import { extractQuotes } from '../../src/core/extract/quotes';
import { pronounGender } from '../../src/core/extract/quotes/clauses';
import { asciiWhoFollows, asciiWordsAfter } from '../../src/core/extract/quotes/referents';
import { DETERMINERS, SPEECH_VERBS } from '../../src/core/language/speech';
import { AsciiWordSet, WordFilter, WordInterner } from '../../src/core/util/wordSets';
import type { ArticleExtraction, ExtractedQuote, RawMention, Span } from '../../src/core/types';
import { candidatesOfRun, runTokensAsRead, runs, runsByRegex, thingNounAfterByRegex, tokenizeRun, tokensByRegex } from '../support/mentionScanners';

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
        const regexRuns = runsByRegex(t);
        assert.deepStrictEqual(runs(t), regexRuns);
        const tokensAsRead = runTokensAsRead(t);
        regexRuns.forEach(([start, end], i) => {
          const run = t.slice(start, end);
          assert.deepStrictEqual(tokenizeRun(run, 0, run.length), tokensByRegex(run));
          // The words nextRun recorded reading a run by hand are its tokens.
          const asRead = tokensAsRead[i];
          if (asRead !== null) assert.deepStrictEqual(asRead, tokenizeRun(t, start, end));
        });
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

  it('AsciiWordSet answers like a Set of lower-cased words, for every ASCII word', () => {
    // Shared pieces make many words members; capitals and non-ASCII entries must never match.
    const piece = fc.constantFrom('a', 'b', 'said', 'S', 'Told', 'é', "'", '-', '.', '1', 'x'.repeat(40), 'Z', '');
    const entry = fc.array(piece, { minLength: 0, maxLength: 4 }).map((parts) => parts.join(''));
    const asciiWord = fc.array(fc.constantFrom('a', 'b', 'said', 'S', 'TOLD', 'told', "'", '-', '.', '1', 'x'.repeat(40), 'Z'), { maxLength: 4 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), fc.array(asciiWord, { maxLength: 12 }), (entries, others) => {
        const set = new Set(entries);
        const words = new AsciiWordSet(set);
        for (const word of [...entries, ...entries.map((e) => e.toUpperCase()), ...others]) {
          if (![...word].every((c) => c.charCodeAt(0) < 128)) continue;
          const text = `<${word}>`;
          assert.strictEqual(words.has(text, 1, 1 + word.length), set.has(word.toLowerCase()), JSON.stringify(word));
        }
      }),
      params(RUNS * 3),
    );
    // The real lexicons, in the casings articles use, and ordinary words that are not in them.
    for (const lexicon of [SPEECH_VERBS, DETERMINERS]) {
      const words = new AsciiWordSet(lexicon);
      for (const word of lexicon) {
        for (const cased of [word, word.toUpperCase(), word[0].toUpperCase() + word.slice(1)]) assert.ok(words.has(` ${cased} `, 1, 1 + cased.length), cased);
      }
    }
    const speechVerbs = new AsciiWordSet(SPEECH_VERBS);
    for (const word of ['and', 'Said.', 'sai', 'government', 'saids']) assert.ok(!speechVerbs.has(word, 0, word.length), word);
  });

  it('the ASCII "who" and next-words scanners answer as their regexes do, or hand over to them', () => {
    // The regexes the scanners stand for, as the quote extractor runs them when a scanner hands over.
    const whoFollowsByRegex = (text: string, start: number, limit: number): boolean => /^,?\s+who\b/.test(text.slice(start, limit));
    const wordsAfterByRegex = (text: string, start: number, limit: number): string[] => {
      const match = text.slice(start, limit).match(/^\s+([\p{L}]+)(?:\s+([\p{L}]+))?(?:\s+([\p{L}]+))?/u);
      return match ? match.slice(1).filter((w) => w !== undefined) : [];
    };
    const piece = fc.constantFrom(' ', '  ', '\t', '\n', ',', 'who', 'Who', 'whom', 'said', 'has', 'X', '_', '1', '.', '\u00a0', 'é', 'ß', '\u2003', '’', '\ud835\udc00');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.nat(70), (parts, cut) => {
        const text = 'Name' + parts.join('');
        const limit = Math.min(text.length, 4 + cut);
        const who = asciiWhoFollows(text, 4, limit);
        if (who !== null) assert.strictEqual(who, whoFollowsByRegex(text, 4, limit), JSON.stringify(text.slice(4, limit)));
        const words = asciiWordsAfter(text, 4, limit);
        if (words !== null) assert.deepStrictEqual(words, wordsAfterByRegex(text, 4, limit), JSON.stringify(text.slice(4, limit)));
      }),
      params(RUNS * 5),
    );
    // And they do answer for ordinary ASCII text.
    assert.strictEqual(asciiWhoFollows('X, who said', 1, 11), true);
    assert.deepStrictEqual(asciiWordsAfter('X has also said that', 1, 20), ['has', 'also', 'said']);
    assert.strictEqual(asciiWordsAfter('X\u00a0said', 1, 6), null);
  });

  it('pronounGender agrees with the plain object lookup it replaces, for any lower-case word', () => {
    // The lookup pronounGender replaces, inherited members of Object included.
    const PRONOUN_GENDER: Record<string, string> = { he: 'male', she: 'female' };
    const word = fc.oneof(fc.constantFrom('he', 'she', 'they', 'constructor', 'tostring', 'valueof', 'hasownproperty', 'h', 'shes'), fc.string({ maxLength: 12 }).map((w) => w.toLowerCase()));
    fc.assert(
      fc.property(word, (w) => assert.strictEqual(pronounGender(w), PRONOUN_GENDER[w], w)),
      params(),
    );
  });

  it('WordInterner: the entry of a range holds exactly its characters, one entry and one value per word', () => {
    // Few distinct pieces, so words recur at different offsets; long texts make the table grow, and a
    // small bound makes it forget.
    const piece = fc.constantFrom('a', 'B', 'Smith', 'smith', '’', "'", '-', ' ', 'é', '\ud800', 'x'.repeat(20));
    const textOf = fc.array(piece, { maxLength: 400 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(textOf, fc.array(fc.tuple(fc.nat(), fc.nat(12)), { maxLength: 300 }), fc.constantFrom(3, 50, 50_000), (text, ranges, maxWords) => {
        let computed = 0;
        const interner = new WordInterner((word: string) => {
          computed++;
          return `value of ${word}`;
        }, maxWords);
        const seen = new Map<string, number>();
        for (const [at, length] of ranges) {
          const start = text.length === 0 ? 0 : at % text.length;
          const end = Math.min(text.length, start + length);
          const word = text.slice(start, end);
          const before = computed;
          const entry = interner.find(text, start, end);
          assert.strictEqual(interner.word(entry), word);
          assert.strictEqual(interner.value(entry), `value of ${word}`);
          assert.ok(interner.size <= maxWords);
          // Without a reset, a word seen before keeps its entry and is not computed again.
          if (maxWords === 50_000) {
            if (seen.has(word)) {
              assert.strictEqual(entry, seen.get(word));
              assert.strictEqual(computed, before);
            }
            seen.set(word, entry);
          }
          // The same word read from another text finds the same entry.
          assert.strictEqual(interner.find(`<${word}>`, 1, 1 + word.length), entry);
        }
        if (maxWords === 50_000) assert.strictEqual(computed, seen.size);
      }),
      params(RUNS),
    );
    // Many distinct words: the table grows past its first size and every word is still found.
    const interner = new WordInterner((word: string) => word.length);
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
    const text = words.join(' ');
    let at = 0;
    for (const word of words) {
      assert.strictEqual(interner.word(interner.find(text, at, at + word.length)), word);
      at += word.length + 1;
    }
    assert.strictEqual(interner.size, words.length);
    for (const word of words) assert.strictEqual(interner.value(interner.find(word, 0, word.length)), word.length);
    assert.strictEqual(interner.size, words.length);
  });

  it('the fast paths of mention extraction find what the general ones find', () => {
    const lone = fc.constantFrom('The', 'Government', 'London', 'Smith', 'Smiths', "A's", 'A', 'ParisSir', 'Jean-Luc', 'Anna', 'NATO', 'President', 'Trump’s', 'Trumps', 'May', 'Van',
      'of', 'Minister', 'Russia', 'defence', 'secretary', 'the', 'leader', "LEADER'S", 'leaderships', 'x'.repeat(118), ',', ', the', ', 54,', ', who', '\t', '\r');
    const pieces = fc.oneof({ weight: 3, arbitrary: lone }, { weight: 3, arbitrary: token }, { weight: 1, arbitrary: fc.constantFrom('.', '. ', ', ', ' (', ')', "'s", '\u00a0') });
    const text = fc.oneof(
      { weight: 3, arbitrary: fc.array(fc.tuple(pieces, separator), { maxLength: 120 }).map((pairs) => pairs.map(([t, s]) => t + s).join('')) },
      { weight: 1, arbitrary: proseText },
    );
    fc.assert(
      fc.property(text, fc.nat(), (t, cutAt) => {
        for (const [start, end] of runs(t)) {
          // Whole runs, and runs cut short by an excluded range as extractMentions cuts them.
          const cut = start + 1 + (cutAt % (end - start));
          for (const [to, whole] of [[end, true], [cut, cut === end]] as const) {
            assert.deepStrictEqual(candidatesOfRun(t, start, to, whole, false), candidatesOfRun(t, start, to, whole, true));
            assert.deepStrictEqual(tokenizeRun(t, start, to), tokensByRegex(t, start, to));
          }
          // A name may start at any word of a run (after role or place words that are skipped).
          for (const word of tokenizeRun(t, start, end)) {
            assert.strictEqual(roleBefore(t, word.start, true), roleBefore(t, word.start, false));
            assert.strictEqual(roleAfter(t, word.end, false, true), roleAfter(t, word.end, false, false));
          }
          assert.strictEqual(isFollowedByThingNoun(t, end), thingNounAfterByRegex(t, end));
        }
      }),
      params(RUNS * 2),
    );
    // Role words before a name are still found behind the quick test.
    const roleText = 'the defence secretary Smith, US defence secretary Jones and the Chinese President, Xi; Minister of Russia Putin';
    for (const name of ['Smith', 'Jones', 'Xi', 'Putin']) {
      const at = roleText.indexOf(name);
      assert.strictEqual(roleBefore(roleText, at, true), roleBefore(roleText, at, false));
      assert.notStrictEqual(roleBefore(roleText, at, true), null, name);
    }
    for (const t of ['Farage, the Ukip leader, said', 'Farage, 54, said', 'Farage, the party’s leader', `Farage, ${'x'.repeat(113)} leaderships`, 'Farage,\tleader', 'Farage, \tleader, said', 'Farage, a LEADER\'S aide']) {
      assert.strictEqual(roleAfter(t, 6, false, true), roleAfter(t, 6, false, false), t);
    }
    assert.strictEqual(roleAfter('Farage, the Ukip leader, said', 6, false, true), 'Ukip leader');
    for (const [t, end] of [['Trump administration', 5], ['Trump\u00a0family', 5], ['Trump said', 5], ['Trump familyé', 5]] as const) {
      assert.strictEqual(isFollowedByThingNoun(t, end), thingNounAfterByRegex(t, end), t);
    }
  });

  it('possessiveBareLength and isWordCharBefore agree with the string and regex forms they replace', () => {
    const piece = fc.constantFrom('s', "'", '’', 'a', 'S', 'ss');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }).map((p) => p.join('')), (word) => {
        const expected = word.length > 2 && (word.endsWith("'s") || word.endsWith('’s')) ? word.length - 2
          : word.length > 2 && (word.endsWith("s'") || word.endsWith('s’')) ? word.length - 1 : word.length;
        assert.strictEqual(possessiveBareLength(word), expected, word);
      }),
      params(RUNS),
    );
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      assert.strictEqual(isWordCharBefore(code, ch), /[\p{L}\d'\u2019-]/u.test(ch), `U+${code.toString(16)}`);
    }
  });
});
