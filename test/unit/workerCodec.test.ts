// The worker codec must give back exactly the extraction that was encoded: same JSON (key order included, as
// the extraction cache stores it) and the same packed form the index keeps when it extracts in-thread.
import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { extractArticle, StringPool } from '../../src/core/extract/article';
import { decodeBytes } from '../../src/core/extract/loader';
import { emptyCorpusConfig, parseCorpusYaml } from '../../src/core/extract/corpusYaml';
import { compactExtraction, mentionFormsOf, packedPartsOf, plainExtraction, StoredArticle } from '../../src/core/index/packed';
import { decodeExtraction, encodeExtraction } from '../../src/core/index/workers/codec';
import { generateCorpus } from '../support/corpusGenerator';
import type { ArticleExtraction, ExtractedQuote, MetadataSource, RawEntityMention, RawMention } from '../../src/core/types';

const SEED = Number(process.env.CORPUS_NAV_FUZZ_SEED ?? 20170406);
const RUNS = Number(process.env.CORPUS_NAV_FUZZ_RUNS ?? 300);
const corpusDir = path.join(__dirname, '..', '..', 'corpus');

const roundTrip = (extraction: ArticleExtraction, pool?: StringPool) => decodeExtraction(encodeExtraction(extraction), pool);

/** Real extractions: the sample corpus (with its corpus.yaml), generated news, and texts that take the rarer paths. */
function realExtractions(): ArticleExtraction[] {
  const config = parseCorpusYaml(readFileSync(path.join(corpusDir, 'corpus.yaml'), 'utf8'));
  const out: ArticleExtraction[] = [];
  for (const name of readdirSync(corpusDir).filter((n) => /\.(txt|md)$/.test(n))) {
    const decoded = decodeBytes(readFileSync(path.join(corpusDir, name)));
    if (decoded.ok) out.push(extractArticle(name, decoded.text, decoded.encoding, config));
  }
  for (const article of generateCorpus(12, 7).articles) out.push(extractArticle(article.path, article.text, 'utf-8', emptyCorpusConfig()));
  const plain = 'Sir Michael Fallon said: "We will not be deterred." He told the BBC that Mr Fallon would stay.\n';
  out.push(extractArticle('ascii.txt', plain, 'utf-8', emptyCorpusConfig()));
  out.push(extractArticle('latin1.txt', plain.replace('deterred', 'détérred'), 'windows-1252', emptyCorpusConfig()));
  out.push(extractArticle('surrogate.txt', `${plain}\ud800 “Quoted,” said Anna Smith.`, 'utf-8', emptyCorpusConfig()));
  out.push(extractArticle('cjk.txt', `${plain}\u6771\u4eac: \u201cQuoted,\u201d said Anna Smith.`, 'utf-8', emptyCorpusConfig()));
  out.push(extractArticle('front.md', `---\ntitle: A “title”\noutlet: BBC\n---\n${plain}`, 'utf-8', emptyCorpusConfig()));
  return out;
}

describe('worker codec', () => {
  it('gives back the JSON of real extractions, key order included', () => {
    for (const extraction of realExtractions()) {
      const expected = JSON.stringify(extraction);
      assert.strictEqual(JSON.stringify(plainExtraction(roundTrip(extraction))), expected, extraction.article.path);
      assert.strictEqual(JSON.stringify(plainExtraction(roundTrip(extraction, new StringPool()))), expected, extraction.article.path);
    }
  });

  it('decodes to what compactExtraction keeps in-thread: text storage, packed numbers, shared forms', () => {
    const inThread = new StringPool();
    const fromWorker = new StringPool();
    // How the text is kept: a plain article's string, or a stored article's one-byte form (a string) or UTF-8 bytes.
    const storage = (e: ArticleExtraction): string => (e.article instanceof StoredArticle ? typeof (e.article as unknown as { stored: unknown }).stored : 'text');
    const storages = new Set<string>();
    for (const extraction of realExtractions()) {
      const stored = compactExtraction({ ...extraction, mentions: inThread.mentions(extraction.mentions.map((m) => ({ ...m }))) }, inThread);
      const decoded = roundTrip(extraction, fromWorker);
      assert.strictEqual(storage(decoded), storage(stored), extraction.article.path);
      storages.add(storage(stored));
      assert.deepStrictEqual(packedPartsOf(decoded).quotes.texts, packedPartsOf(stored).quotes.texts);
      assert.deepStrictEqual(packedPartsOf(decoded).quotes.numbers, packedPartsOf(stored).quotes.numbers);
      assert.deepStrictEqual(packedPartsOf(decoded).mentions.offsets, packedPartsOf(stored).mentions.offsets);
      assert.deepStrictEqual(mentionFormsOf(decoded), mentionFormsOf(stored));
    }
    assert.ok(storages.has('string') && storages.has('object') && storages.has('text'), `text kept as: ${[...storages].join(', ')}`);
    // Mentions of one form share one object across articles, as with the in-thread pool.
    const forms = realExtractions().flatMap((e) => [...mentionFormsOf(roundTrip(e, fromWorker))]);
    const byText = new Map(forms.map((form) => [JSON.stringify(form), form]));
    for (const form of forms) assert.strictEqual(byText.get(JSON.stringify(form)), form);
  });

  it('rejects a buffer that is not an encoded extraction', () => {
    assert.throws(() => decodeExtraction(new ArrayBuffer(64)), /not an encoded extraction/);
  });

  it('round-trips any extraction (property)', () => {
    const char = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('a', 'Z', ' ', '\n', 'é', '’', '“', '”', '—', '\u0000') },
      { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
      { weight: 1, arbitrary: fc.constantFrom('\ud800', '\udfff') },
    );
    const text = fc.string({ unit: char, maxLength: 120 });
    const maybe = (arb: fc.Arbitrary<string>) => fc.option(arb, { nil: null });
    const int = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    const span = fc.record({ start: int, end: int });
    const sources = fc
      .shuffledSubarray(['title', 'outlet', 'date', 'url', 'byline', 'credit'] as const)
      .chain((fields) => fc.tuple(...fields.map(() => fc.constantFrom<MetadataSource>('frontmatter', 'corpus.yaml', 'metadata table', 'file name', 'inferred'))).map((values) => Object.fromEntries(fields.map((f, i) => [f, values[i]]))));
    const extraction = fc
      .record({
        path: text,
        text,
        encoding: fc.constantFrom('utf-8' as const, 'windows-1252' as const),
        meta: fc.tuple(maybe(text), maybe(text), maybe(text), maybe(text), maybe(text), maybe(text)),
        boilerplate: fc.array(span, { maxLength: 4 }),
        frontMatter: fc.option(span, { nil: null }),
        metadataSources: fc.option(sources, { nil: undefined }),
        forms: fc.array(fc.record({ text, honorific: maybe(text), nameParts: fc.array(text, { maxLength: 4 }), role: maybe(text), tentative: fc.constantFrom(undefined, false, true) }), { minLength: 1, maxLength: 5 }),
        mentions: fc.array(fc.tuple(int, int, fc.nat()), { maxLength: 12 }),
        quotes: fc.array(fc.record({ start: fc.nat(130), length: fc.nat(30), other: fc.option(text, { nil: undefined }), group: int, partial: fc.boolean(), unmarked: fc.boolean(), speaker: fc.option(fc.nat(), { nil: null }), source: fc.option(fc.nat(), { nil: undefined }) }), { maxLength: 6 }),
        // Spans within a text (the extractor's own): packed entities keep a length, not an end.
        entities: fc.option(fc.array(fc.record({ start: fc.nat(2 ** 30), length: fc.nat(2 ** 20), text, type: fc.constantFrom('organization' as const, 'place' as const), expansion: fc.option(text, { nil: undefined }) }), { maxLength: 5 }), { nil: undefined }),
      })
      .map((r): ArticleExtraction => {
        const [title, outlet, date, url, byline, credit] = r.meta;
        const article: ArticleExtraction['article'] = { path: r.path, text: r.text, encoding: r.encoding, title, outlet, date, url, byline, credit, boilerplate: r.boilerplate, frontMatter: r.frontMatter };
        if (r.metadataSources !== undefined) article.metadataSources = r.metadataSources;
        const mentions = r.mentions.map(([start, end, f]): RawMention => {
          const form = r.forms[f % r.forms.length];
          const mention: RawMention = { start, end, text: form.text, honorific: form.honorific, nameParts: form.nameParts, role: form.role };
          if (form.tentative !== undefined) mention.tentative = form.tentative;
          return mention;
        });
        const quotes = r.quotes.map((q): ExtractedQuote => {
          const start = Math.min(q.start, r.text.length);
          const end = Math.min(start + q.length, r.text.length);
          // Most quote texts are slices of the text; some are not (or not any more).
          const quoteText = q.other ?? r.text.slice(start, end);
          const quote: ExtractedQuote = { start, end, text: quoteText, group: q.group, partial: q.partial, unmarked: q.unmarked, speakerMention: q.speaker === null || mentions.length === 0 ? null : q.speaker % mentions.length };
          if (q.source !== undefined && r.entities && r.entities.length > 0) quote.sourceEntity = q.source % r.entities.length;
          return quote;
        });
        const extraction: ArticleExtraction = { article, mentions, quotes };
        if (r.entities !== undefined) {
          extraction.entities = r.entities.map(({ start, length, text, type, expansion }): RawEntityMention => {
            const mention: RawEntityMention = { start, end: start + length, text, type };
            if (expansion !== undefined) mention.expansion = expansion;
            return mention;
          });
        }
        return extraction;
      });
    fc.assert(
      fc.property(extraction, (e) => {
        const expected = JSON.stringify(e);
        assert.strictEqual(JSON.stringify(plainExtraction(roundTrip(e))), expected);
        // With a pool, what the in-thread path keeps (the pool treats name parts [] and [''] as one).
        const inThreadPool = new StringPool();
        const inThread = compactExtraction({ ...e, mentions: inThreadPool.mentions(e.mentions.map((m) => ({ ...m }))), ...(e.entities ? { entities: inThreadPool.entityMentions(e.entities.map((m) => ({ ...m }))) } : {}) }, inThreadPool);
        const decoded = plainExtraction(roundTrip(e, new StringPool()));
        assert.strictEqual(JSON.stringify(decoded), JSON.stringify(plainExtraction(inThread)));
        assert.strictEqual(decoded.article.text, e.article.text);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });
});
