import * as assert from 'assert';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { extractArticle, StringPool } from '../../src/core/extract/article';
import { emptyCorpusConfig } from '../../src/core/extract/corpusYaml';
import { rawEntityMention } from '../../src/core/extract/mentions/rawMention';
import {
  compactExtraction,
  mentionFormsOf,
  packedPartsOf,
  packedQuote,
  packedEntity,
  packedEntityPrefix,
  packEntities,
  packMentions,
  packQuotes,
  plainExtraction,
  StoredArticle,
  StoredExtraction,
  unpackEntities,
  unpackMentions,
  unpackQuotes,
} from '../../src/core/index/packed';
import type { ExtractedQuote, RawEntityMention, RawMention } from '../../src/core/types';
import { compactText, expandText, ownString, ownStrings } from '../../src/core/util/strings';

// Curly quotes make V8 store the text two bytes per character: the case the packing is for.
const CURLY =
  'Harbour plan stalls\n\nThe Harbour Minister Jane Okafor said on Monday: \u201cWe will not sign this year\u2019s deal.\u201d\n\n' +
  'Mr Okafor, her brother, disagreed. \u201cThe port needs it,\u201d Okafor said. Critics would deter Tyler at every turn.\n' +
  'Dr Amit Rao added that \u201cthe numbers do not add up for anyone in the region.\u201d\n';

function extracted(text: string, pool?: StringPool) {
  return extractArticle('a/story.txt', text, 'utf-8', emptyCorpusConfig(), pool);
}

describe('packed storage', () => {
  it('keeps Latin-1 text as it is and two-byte text as UTF-8 that decodes to the same text', () => {
    assert.strictEqual(compactText('caf\u00e9 "plain" text'), 'caf\u00e9 "plain" text');
    const stored = compactText(CURLY);
    assert.ok(stored instanceof Uint8Array);
    assert.ok(stored.length < 2 * CURLY.length);
    assert.strictEqual(expandText(stored), CURLY);
    // A leading U+FEFF is text (the file's BOM is gone already) and must survive the round trip.
    assert.strictEqual(expandText(compactText(`\ufeff${CURLY}`)), `\ufeff${CURLY}`);
  });

  it('keeps text that UTF-8 cannot hold (a lone surrogate) or would grow (CJK) as a string', () => {
    const lone = `${CURLY}\ud800 end`;
    assert.strictEqual(compactText(lone), lone);
    const cjk = '\u6771\u4eac\u306e\u8a18\u4e8b'.repeat(20);
    assert.strictEqual(compactText(cjk), cjk);
  });

  it('copies strings out of their parent with the same characters, including lone surrogates', () => {
    const slice = CURLY.slice(40, 120);
    assert.strictEqual(ownString(slice), slice);
    assert.strictEqual(ownString('\ud800 a lone surrogate here'), '\ud800 a lone surrogate here');
    const texts = ['short', CURLY.slice(10, 60), '', CURLY.slice(70, 71), CURLY.slice(80, 140), '\udc00 tail of a pair'];
    assert.deepStrictEqual(ownStrings(texts), texts);
  });

  it('round-trips quotes through their packed form, flags and missing speakers included', () => {
    const quotes: ExtractedQuote[] = [
      { start: 3, end: 20, text: 'first quote text', group: 3, partial: false, unmarked: false, speakerMention: 0 },
      { start: 25, end: 40, text: 'second', group: 3, partial: true, unmarked: false, speakerMention: null },
      { start: 50, end: 90, text: 'third, unmarked', group: 50, partial: false, unmarked: true, speakerMention: 7 },
      { start: 95, end: 99, text: 'four', group: 95, partial: true, unmarked: true, speakerMention: null },
    ];
    assert.deepStrictEqual(unpackQuotes(packQuotes(quotes)), quotes);
    assert.deepStrictEqual(unpackQuotes(packQuotes([])), []);
  });

  it('reads each field of a packed quote in place, -1 for a missing speaker', () => {
    const quotes: ExtractedQuote[] = [
      { start: 3, end: 20, text: 'first', group: 3, partial: false, unmarked: true, speakerMention: 4 },
      { start: 25, end: 40, text: 'second', group: 3, partial: true, unmarked: false, speakerMention: null },
    ];
    const packed = packQuotes(quotes);
    const read = quotes.map((_, i) => ({
      start: packedQuote.start(packed, i),
      end: packedQuote.end(packed, i),
      text: packed.texts[i],
      group: packedQuote.group(packed, i),
      partial: packedQuote.partial(packed, i),
      unmarked: packedQuote.unmarked(packed, i),
      speakerMention: packedQuote.speakerMention(packed, i),
    }));
    assert.deepStrictEqual(read, [
      { ...quotes[0], speakerMention: 4 },
      { ...quotes[1], speakerMention: -1 },
    ]);
  });

  it('gives the packed mentions and quotes of a stored extraction, and packs a plain one alike', () => {
    const plain = extracted(CURLY);
    const stored = compactExtraction(plain);
    for (const extraction of [plain, stored]) {
      const parts = packedPartsOf(extraction);
      assert.deepStrictEqual(unpackMentions(parts.mentions), plain.mentions);
      assert.deepStrictEqual(unpackQuotes(parts.quotes), plain.quotes);
    }
    assert.ok(plain.mentions.length > 0 && plain.quotes.length > 0);
  });

  it('round-trips organisation and place mentions, long spans and expansions included, and reads a prefix in place', () => {
    const entities: RawEntityMention[] = [
      rawEntityMention(0, 7, 'Harbour', 'place'),
      rawEntityMention(12, 12, '', 'organization'),
      rawEntityMention(40, 40 + 300000, 'The Harbour Authority', 'organization', 'Harbour Authority'),
      rawEntityMention(2 ** 30, 2 ** 30 + 9, 'Port Lane', 'place'),
    ];
    const packed = packEntities(entities);
    assert.deepStrictEqual(unpackEntities(packed), entities);
    assert.deepStrictEqual(entities.map((_, i) => [packedEntity.start(packed, i), packedEntity.end(packed, i), packedEntity.type(packed, i)]), entities.map((e) => [e.start, e.end, e.type]));
    const prefix = packedEntityPrefix(packed, 3);
    assert.strictEqual(packedEntity.count(prefix), 3);
    assert.deepStrictEqual(unpackEntities(prefix), entities.slice(0, 3));
    assert.strictEqual(prefix.texts, packed.texts, 'the prefix shares the texts');
    assert.strictEqual(prefix.numbers.buffer, packed.numbers.buffer, 'and the numbers');
  });

  it('round-trips mentions through offsets and shared forms, with `tentative` as it was (absent, false or true)', () => {
    const mentions: RawMention[] = [
      { start: 0, end: 11, text: 'Jane Okafor', honorific: null, nameParts: ['Jane', 'Okafor'], role: 'Harbour Minister' },
      { start: 30, end: 39, text: 'Mr Okafor', honorific: 'Mr', nameParts: ['Okafor'], role: null },
      { start: 60, end: 66, text: 'Okafor', honorific: null, nameParts: ['Okafor'], role: null, tentative: true },
      { start: 70, end: 76, text: 'Okafor', honorific: null, nameParts: ['Okafor'], role: null },
      { start: 80, end: 86, text: 'Okafor', honorific: null, nameParts: ['Okafor'], role: null, tentative: false },
    ];
    const pool = new StringPool();
    const unpacked = unpackMentions(packMentions(pool.mentions(mentions.map((m) => ({ ...m }))), (m) => pool.form(m)));
    assert.strictEqual(JSON.stringify(unpacked), JSON.stringify(mentions));
    assert.deepStrictEqual(unpacked.map((m) => m.tentative), [undefined, undefined, true, undefined, false]);
  });

  it('gives mentions of one form one shared object, and different forms different ones', () => {
    const pool = new StringPool();
    const base: RawMention = { start: 0, end: 6, text: 'Okafor', honorific: null, nameParts: ['Okafor'], role: null };
    const [a, b, tentative, withRole, withHonorific] = pool.mentions([
      { ...base },
      { ...base, start: 40, end: 46 },
      { ...base, tentative: true },
      { ...base, role: 'minister' },
      { ...base, text: 'Mr Okafor', honorific: 'Mr' },
    ]);
    assert.strictEqual(pool.form(a), pool.form(b));
    const forms = new Set([pool.form(a), pool.form(tentative), pool.form(withRole), pool.form(withHonorific)]);
    assert.strictEqual(forms.size, 4);
  });

  it('pools name parts by their exact list: no parts, one empty part and one or more parts stay apart', () => {
    const pool = new StringPool();
    const lists = [[], [''], ['', ''], ['Okafor'], ['Ngozi', 'Okafor'], ['Ngozi Okafor']];
    const pooled = lists.map((parts) => pool.nameParts(parts));
    pooled.forEach((parts, i) => assert.deepStrictEqual(parts, lists[i]));
    assert.strictEqual(new Set(pooled).size, lists.length);
    assert.strictEqual(pool.nameParts(['Ngozi', 'Okafor']), pooled[4]);
    assert.strictEqual(pool.nameParts([]), pooled[0]);
  });

  it('stores an extraction that reads and serialises exactly as the extractor made it', () => {
    const plain = extracted(CURLY);
    const stored = compactExtraction(extracted(CURLY, new StringPool()), new StringPool());
    assert.ok(stored.article instanceof StoredArticle, 'the curly text is stored one byte per character');
    assert.ok(plain.mentions.some((m) => m.tentative), 'the sample has a tentative mention');
    assert.strictEqual(stored.article.text, CURLY);
    assert.strictEqual(JSON.stringify(stored), JSON.stringify(plain));
    assert.deepStrictEqual(plainExtraction(stored), plain);
    assert.deepStrictEqual(stored.mentions, plain.mentions);
    assert.deepStrictEqual(stored.quotes, plain.quotes);
    assert.strictEqual(mentionFormsOf(stored).length, plain.mentions.length);
    assert.strictEqual(mentionFormsOf(plain), plain.mentions);
  });

  it('keeps quote texts of a curly article as slices of its one-byte form, or copies where they hold a curly character', () => {
    const plain = extracted(CURLY);
    const stored = compactExtraction(extracted(CURLY));
    assert.ok(plain.quotes.some((q) => /[\u2018-\u201d]/.test(q.text)) && plain.quotes.some((q) => !/[\u2018-\u201d]/.test(q.text)), 'quotes of both kinds');
    assert.deepStrictEqual(stored.quotes, plain.quotes);
    const cjk = `${CURLY}\n\u6771\u4eac said: \u201cNot in Windows-1252.\u201d\n`;
    const utf8 = compactExtraction(extracted(cjk));
    assert.ok(utf8.article instanceof StoredArticle);
    assert.strictEqual(utf8.article.text, cjk);
    assert.deepStrictEqual(utf8.quotes, extracted(cjk).quotes);
  });

  it('keeps the numbers of an article 16-bit while they fit, 32-bit in an article past 65,535 characters', () => {
    const short = `${CURLY}The sign on the gate read \u201cClosed for the whole season until further notice.\u201d\n`;
    const long = short.repeat(Math.ceil(70000 / short.length));
    for (const [text, kind] of [[short, Uint16Array], [long, Int32Array]] as const) {
      const plain = extracted(text);
      const stored = compactExtraction(extracted(text));
      const parts = packedPartsOf(stored);
      for (const numbers of [parts.mentions.offsets, parts.quotes.numbers, parts.entities.numbers]) assert.ok(numbers instanceof kind, `${kind.name} at ${text.length} characters`);
      assert.ok(plain.quotes.some((q) => q.speakerMention === null) && plain.quotes.some((q) => q.speakerMention !== null), 'quotes with and without a speaker');
      assert.strictEqual(JSON.stringify(stored), JSON.stringify(plain));
    }
  });

  it('stores a Latin-1 article as it is, with its mentions and quotes still packed', () => {
    const text = CURLY.replace(/[\u201c\u201d]/g, '"').replace(/\u2019/g, "'");
    const stored = compactExtraction(extracted(text));
    assert.ok(stored instanceof StoredExtraction);
    assert.ok(!(stored.article instanceof StoredArticle));
    assert.strictEqual(JSON.stringify(stored), JSON.stringify(extracted(text)));
  });

  it('leaves the index reading the same texts, extractions and spans', () => {
    const texts = { 'a/story.txt': CURLY, 'b/plain.txt': 'Plain news\n\nJane Okafor said: "It is done."\n' };
    const index = CorpusIndex.fromTexts('/corpus', texts);
    for (const [path, text] of Object.entries(texts)) {
      const article = index.article(path)!;
      assert.strictEqual(article.text, text);
      assert.deepStrictEqual(index.extraction(path), extractArticle(path, text, 'utf-8', emptyCorpusConfig()));
      for (const m of index.mentionsIn(path)) assert.strictEqual(article.text.slice(m.start, m.end), m.text);
      for (const q of index.quotesIn(path)) assert.strictEqual(article.text.slice(q.start, q.end), q.text);
      const starts = [...index.mentionsIn(path), ...index.quotesIn(path)].map((span) => span.start);
      const mentionStarts = starts.slice(0, index.mentionsIn(path).length);
      const quoteStarts = starts.slice(mentionStarts.length);
      assert.deepStrictEqual(mentionStarts, [...mentionStarts].sort((a, b) => a - b), 'mentions in offset order');
      assert.deepStrictEqual(quoteStarts, [...quoteStarts].sort((a, b) => a - b), 'quotes in offset order');
    }
    assert.ok(index.quotesIn('a/story.txt').length >= 2);
  });
});
