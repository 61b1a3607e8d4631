import { strict as assert } from 'assert';
import { existsSync } from 'fs';
import { join } from 'path';
import { tagEntities } from '../../src/core/extract/entities';
import { readConll } from '../../src/core/extract/entities/conll';
import { tokenize } from '../../src/core/extract/entities/tokenizer';

const conllDirectory = process.env.CONLL2003_DIR ?? join(__dirname, '..', '..', '..', 'shared', 'data', 'conll2003');

function tokens(text: string): string[] {
  const t = tokenize(text);
  return Array.from({ length: t.count }, (_, i) => text.slice(t.starts[i], t.ends[i]));
}

function sentences(text: string): string[] {
  const t = tokenize(text);
  const out: string[] = [];
  for (let s = 0; s < t.sentenceCount; s++) out.push(text.slice(t.starts[t.sentenceStarts[s]], t.ends[t.sentenceStarts[s + 1] - 1]));
  return out;
}

/** "text/type" of every entity found. */
function tagged(text: string): string[] {
  return tagEntities(text).map((e) => `${e.text}/${e.type}`);
}

describe('entity tokenizer', () => {
  it('cuts punctuation, clitics and brackets off words, as CoNLL-2003 does', () => {
    assert.deepEqual(tokens('Clinton\'s aides (in Washington) didn\'t say, "No."'),
      ['Clinton', "'s", 'aides', '(', 'in', 'Washington', ')', 'did', "n't", 'say', ',', '"', 'No', '.', '"']);
    assert.deepEqual(tokens('Nato’s chief—and the U.S. envoy—met Acme Corp. in Calif. on Jan. 5.'),
      ['Nato', '’s', 'chief', '—', 'and', 'the', 'U.S.', 'envoy', '—', 'met', 'Acme', 'Corp.', 'in', 'Calif.', 'on', 'Jan.', '5', '.']);
    assert.deepEqual(tokens('It rose 1,000.5 points to $3.5bn... then fell'), ['It', 'rose', '1,000.5', 'points', 'to', '$3.5bn', '...', 'then', 'fell']);
  });

  it('gives offsets into the text, with nothing but spaces between tokens', () => {
    const text = '  “Hello,” said Mr. O\'Brien.\n\nThe end ';
    const t = tokenize(text);
    let previousEnd = 0;
    for (let i = 0; i < t.count; i++) {
      assert.ok(t.starts[i] >= previousEnd && t.ends[i] > t.starts[i]);
      assert.match(text.slice(previousEnd, t.starts[i]), /^\s*$/);
      previousEnd = t.ends[i];
    }
    assert.deepEqual(tokens(text), ['“', 'Hello', ',', '”', 'said', 'Mr.', "O'Brien", '.', 'The', 'end']);
  });

  it('ends sentences at line breaks and at full stops before a capital', () => {
    assert.deepEqual(sentences('He left. She stayed in the U.S. for years.\nA new line'), ['He left.', 'She stayed in the U.S. for years.', 'A new line']);
    assert.deepEqual(sentences('Prices rose 3.5 percent. then fell'), ['Prices rose 3.5 percent. then fell']);
    assert.deepEqual(sentences(''), []);
    assert.deepEqual(sentences(' \n\n '), []);
  });

  it('reproduces every CoNLL-2003 token and sentence from the text joined with spaces', function () {
    if (!existsSync(join(conllDirectory, 'eng.train'))) this.skip();
    for (const split of ['train', 'testa', 'testb']) {
      for (const doc of readConll(join(conllDirectory, `eng.${split}`))) {
        const t = tokenize(doc.text);
        assert.equal(t.count, doc.starts.length);
        for (let i = 0; i < t.count; i++) {
          if (t.starts[i] !== doc.starts[i] || t.ends[i] !== doc.ends[i]) assert.fail(`token ${i} of ${doc.text.slice(0, 60)}`);
        }
        const starts = new Set(t.sentenceStarts.subarray(0, t.sentenceCount));
        for (let s = 0; s + 1 < doc.sentenceStarts.length; s++) assert.ok(starts.has(doc.sentenceStarts[s]), 'a CoNLL sentence start is missed');
      }
    }
  });
});

describe('tagEntities', () => {
  it('finds a person, an organisation and a place, with offsets into the text', () => {
    const text = 'Angela Merkel met executives of Siemens AG in Munich on Tuesday.';
    assert.deepEqual(tagged(text), ['Angela Merkel/person', 'Siemens AG/organization', 'Munich/place']);
    for (const e of tagEntities(text)) assert.equal(text.slice(e.start, e.end), e.text);
  });

  it('keeps titles and honorifics out of person spans, as CoNLL does', () => {
    assert.deepEqual(tagged('Defence Secretary Michael Fallon said the talks in London went well.'), ['Michael Fallon/person', 'London/place']);
    assert.deepEqual(tagged('Mr. Johnson told reporters in Paris that he would resign.'), ['Johnson/person', 'Paris/place']);
  });

  it('types acronyms of bodies and countries', () => {
    assert.deepEqual(tagged('NATO and the EU urged the UN to act, the U.S. State Department said.'),
      ['NATO/organization', 'EU/organization', 'UN/organization', 'U.S. State Department/organization']);
    assert.deepEqual(tagged('Exports from the UK to China fell sharply last year.'), ['UK/place', 'China/place']);
  });

  it('reads company names with their legal form', () => {
    assert.deepEqual(tagged('Shares of General Motors Corp. fell after Toyota Motor Corp said sales rose.'),
      ['General Motors Corp./organization', 'Toyota Motor Corp/organization']);
  });

  it('keeps nationalities and events apart as misc', () => {
    assert.deepEqual(tagged('The French government hosted the World Cup in 1998.'), ['French/misc', 'World Cup/misc']);
  });

  it('ends a name at a word never inside one, and an organisation or place at "the" after a name', () => {
    assert.deepEqual(tagged('The Tories accuse Labour of raising taxes 66 times since coming to power.'), ['The Tories/organization', 'Labour/organization']);
    assert.deepEqual(tagged('The plans face trouble in the Lords if Conservative and Lib Dem opposition continues.'),
      ['Lords/organization', 'Conservative/organization', 'Lib Dem/organization']);
    // A piece a cut leaves that is no name goes ("Launching"); joiners stay inside names.
    assert.deepEqual(tagged('Launching the Department for Constitutional Affairs report, he spoke.'), ['Department for Constitutional Affairs/organization']);
    assert.deepEqual(tagged('The Bank of England and the Securities and Exchange Commission met.'), ['Bank of England/organization', 'Securities and Exchange Commission/organization']);
    // A word that opens sentences and never a name is left out of one it opens ("Both").
    assert.deepEqual(tagged('Both Labour and Conservative governments used it.').map((e) => e.split('/')[0]), ['Labour and Conservative']);
  });

  it('never ends a name on a joiner: it goes on through the name after it, or is no name', () => {
    assert.deepEqual(tagEntities('He works at the University of the West of England.').map((e) => e.text), ['University of the West of England']);
    assert.deepEqual(tagged('Films such as The Passion of the Christ were hailed.'), ['The Passion of the Christ/misc']);
    assert.deepEqual(tagged('The Return of the King won.'), []);
  });

  it('remembers within an article what a name was', () => {
    const entities = tagged('Jordan Peterson spoke in Toronto. Later, Peterson said he was tired.');
    assert.ok(entities.includes('Peterson/person'), entities.join(', '));
  });

  it('finds nothing in lower-case text, empty text or punctuation', () => {
    assert.deepEqual(tagged('the minister said nothing about it, as usual.'), []);
    assert.deepEqual(tagged(''), []);
    assert.deepEqual(tagged('... -- ?! "" '), []);
  });

  it('tags a text longer than its window in parts, with offsets into the whole text', function () {
    this.timeout(30_000);
    const line = 'Angela Merkel visited Paris on Monday.\n';
    const text = line.repeat(Math.ceil(1.3e6 / line.length));
    const entities = tagEntities(text);
    for (const e of entities) assert.equal(text.slice(e.start, e.end), e.text);
    assert.ok(entities.some((e) => e.start > 1.2e6 && e.type === 'place'), 'nothing found after the first window');
    assert.ok(entities.length >= (2 * text.length) / line.length - 4, `${entities.length} entities`);
  });

  it('copes with long and unusual input', () => {
    const long = 'Word '.repeat(20_000) + 'Zürich ' + '€'.repeat(5000) + ' ' + 'x'.repeat(100_000) + ' Alpha Beta'.repeat(20_000) + ' 😀 中文 \ud800';
    const entities = tagEntities(long);
    for (const e of entities) assert.equal(long.slice(e.start, e.end), e.text);
  });
});
