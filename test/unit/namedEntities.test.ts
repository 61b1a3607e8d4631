// Organisations and places as entities: extraction (spans, acronyms, spreading), corpus-wide identity
// (variants, acronym definitions, corpus.yaml), quotes from organisations, the index and export v2.
// Texts are hand-written; the last block checks facts of the sample corpus the editor shows.
import * as assert from 'assert';
import * as path from 'path';
import { extractArticle } from '../../src/core/extract/article';
import { emptyCorpusConfig } from '../../src/core/extract/corpusYaml';
import { NodeFileSystem } from '../../src/core/extract/nodeFileSystem';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { toExport } from '../../src/core/query/export';
import { entityKey, singularOrganisationKey } from '../../src/core/language/entityNames';
import { NamedEntityIndex, type DocEntityMentions } from '../../src/core/identity/namedEntities';
import type { Entity, NamedEntityType, RawEntityMention } from '../../src/core/types';

const ROOT = path.resolve('/named');

function named(text: string): { text: string; type: string; expansion?: string }[] {
  return (extractArticle('a.txt', text, 'utf-8', emptyCorpusConfig()).entities ?? []).map(({ text: t, type, expansion }) => (expansion ? { text: t, type, expansion } : { text: t, type }));
}

function entityNamed(index: CorpusIndex, name: string): Entity {
  const entity = index.entities().find((e) => e.name === name || e.aliases.includes(name));
  assert.ok(entity, `no entity named ${name}; have ${index.entities().map((e) => e.name).join(', ')}`);
  return entity;
}

describe('organisation and place mentions of one article', () => {
  it('types organisations and places, CoNLL spans without a leading "the"', () => {
    const found = named('Officials in Moscow said the Kremlin would respond. The Foreign Office in London disagreed.\n');
    assert.deepStrictEqual(found, [
      { text: 'Moscow', type: 'place' },
      { text: 'Kremlin', type: 'organization' },
      { text: 'Foreign Office', type: 'organization' },
      { text: 'London', type: 'place' },
    ]);
  });

  it('does not take demonyms, adjectives, holidays or the department of an office title for places or organisations', () => {
    const texts = named('Russian and British diplomats met US-led negotiators. The Defence Secretary spoke in Paris.\n').map((m) => m.text);
    assert.deepStrictEqual(texts, ['Paris']);
    // A holiday or a function word the tagger took for a place is no place ("at Christmas", "The World at One").
    const common = named('Sales in Leeds fell at Christmas, he told The World at One on BBC Radio 4.\n').map((m) => m.text);
    assert.ok(!common.includes('Christmas') && !common.includes('One') && common.includes('Leeds'), common.join(', '));
  });

  it('parts two names joined by "and" when the article knows each, and keeps a name with "and" in it', () => {
    const texts = named('The Conservatives and Liberal Democrats voted against. The Conservatives said no. The Liberal Democrats agreed.\n').map((m) => m.text);
    assert.deepStrictEqual(texts, ['The Conservatives', 'Liberal Democrats', 'The Conservatives', 'Liberal Democrats']);
    assert.deepStrictEqual(named('Shares in the Securities and Exchange Commission inquiry fell.\n').map((m) => m.text), ['Securities and Exchange Commission']);
  });

  it('links an acronym to the long form the article defines', () => {
    const found = named('Leaders of the North Atlantic Treaty Organization (Nato) met in Brussels. Nato said it would act.\n');
    assert.deepStrictEqual(found.slice(0, 2), [
      { text: 'North Atlantic Treaty Organization', type: 'organization' },
      { text: 'Nato', type: 'organization', expansion: 'North Atlantic Treaty Organization' },
    ]);
    assert.ok(found.some((m, i) => i > 1 && m.text === 'Nato'), 'the later "Nato" is a mention too');
  });

  it('defines an acronym whose long form the tagger did not see as a name, when its initials spell it', () => {
    const found = named('The Zorvan Harbour Development Board (ZHDB) approved the plan.\n');
    const acronym = found.find((m) => m.text === 'ZHDB');
    assert.deepStrictEqual(acronym, { text: 'ZHDB', type: 'organization', expansion: 'Zorvan Harbour Development Board' });
  });

  it('finds every writing of a name the article uses, and international bodies the tagger missed', () => {
    const found = named('On Monday, Nato members met. They said members of Nato must spend more, and blamed Nato.\n');
    assert.strictEqual(found.filter((m) => m.text === 'Nato' && m.type === 'organization').length, 3);
  });

  it('never overlaps a person mention, and keeps names in corpus.yaml notEntities out of the index', () => {
    const text = 'Anna Vokes, who was born in Paris, visited Georgia and the Kremlin. Mrs Georgia Brent stayed at home.\n';
    const extraction = extractArticle('a.txt', text, 'utf-8', emptyCorpusConfig());
    const people = extraction.mentions.map((m) => m.text);
    assert.ok(people.includes('Anna Vokes'), people.join(', '));
    const entities = (extraction.entities ?? []).map((m) => m.text);
    assert.ok(entities.includes('Kremlin'), entities.join(', '));
    // notEntities act in identity resolution, everywhere or in one article: the extraction stays as it is.
    const texts = { 'a.txt': text, 'b.txt': text };
    const named = (index: CorpusIndex, path: string) => index.mentionsIn(path).map((m) => m.text);
    const everywhere = CorpusIndex.fromTexts(ROOT, texts, 'notEntities: [Kremlin]\n');
    assert.ok(!named(everywhere, 'a.txt').includes('Kremlin') && !named(everywhere, 'b.txt').includes('Kremlin'));
    assert.ok(named(everywhere, 'a.txt').includes('Paris'));
    const inOne = CorpusIndex.fromTexts(ROOT, texts, 'articles:\n  a.txt:\n    notEntities: [Kremlin]\n');
    assert.ok(!named(inOne, 'a.txt').includes('Kremlin') && named(inOne, 'b.txt').includes('Kremlin'));
    const edited = CorpusIndex.fromTexts(ROOT, texts);
    const before = edited.article('a.txt');
    edited.updateArticle('corpus.yaml', 'notEntities: [Kremlin]\n');
    assert.strictEqual(edited.article('a.txt'), before, 'a notEntities correction re-extracts nothing');
    assert.ok(!named(edited, 'a.txt').includes('Kremlin'));
    assert.ok(!entities.some((name) => name.includes('Brent')), `a name after an honorific is no organisation: ${entities.join(', ')}`);
    for (const e of extraction.entities ?? []) for (const p of extraction.mentions) assert.ok(e.end <= p.start || e.start >= p.end, `${e.text} overlaps ${p.text}`);
  });
});

describe('one identity per organisation or place across the corpus', () => {
  it('joins case and spelling variants and the general lexicon of country and body names', () => {
    const index = CorpusIndex.fromTexts(ROOT, {
      'a.txt': 'The US and the EU agreed. NATO allies welcomed it.\n',
      'b.txt': 'The United States told the European Union that Nato would meet in the U.S. capital.\n',
    });
    const us = entityNamed(index, 'US');
    assert.strictEqual(us.type, 'place');
    assert.strictEqual(us.id, 'place:united-states');
    assert.deepStrictEqual(new Set(us.mentions.map((m) => m.text)), new Set(['US', 'United States', 'U.S.']));
    const eu = entityNamed(index, 'EU');
    assert.strictEqual(eu, entityNamed(index, 'European Union'));
    assert.strictEqual(eu.type, 'organization');
    const nato = entityNamed(index, 'NATO');
    assert.strictEqual(nato, entityNamed(index, 'Nato'));
    assert.strictEqual(nato.id, 'organization:nato');
    assert.deepStrictEqual(new Set(nato.mentions.map((m) => m.path)), new Set(['a.txt', 'b.txt']));
  });

  it('joins an organisation\'s singular and plural, and a party\'s name with "Party", one word only for a party\'s member', () => {
    const index = CorpusIndex.fromTexts(ROOT, {
      'a.txt': 'Voters turned to the Liberal Democrats in the north, polls showed on Monday.\n',
      'b.txt': 'The Liberal Democrat leader, Mark Hale, said the party would win.\n',
    });
    const party = entityNamed(index, 'Liberal Democrats');
    assert.deepStrictEqual(party.mentions.map((m) => m.text), ['Liberal Democrats', 'Liberal Democrat']);
    // A party's name with and without "Party"; one word only for a party's member.
    const parties = CorpusIndex.fromTexts(ROOT, {
      'a.txt': 'Members of the Labour Party met in Brighton on Monday.\n',
      'b.txt': 'Labour won the vote in Leeds, officials said.\n',
      'c.txt': 'Members of the Congress Party met in Delhi.\n',
      'd.txt': 'The vote in Congress was close, officials in Washington said.\n',
    });
    assert.strictEqual(entityNamed(parties, 'Labour'), entityNamed(parties, 'Labour Party'));
    assert.notStrictEqual(entityNamed(parties, 'Congress'), entityNamed(parties, 'Congress Party'));
    assert.strictEqual(singularOrganisationKey('tories'), 'tory');
    assert.strictEqual(singularOrganisationKey('conservatives'), 'conservative');
    assert.strictEqual(singularOrganisationKey('times'), null, 'The Times and Time are two papers');
    assert.strictEqual(singularOrganisationKey('arctic monkeys'), 'arctic monkey');
  });

  it('joins an acronym defined in one article with its bare use in another', () => {
    const index = CorpusIndex.fromTexts(ROOT, {
      'a.txt': 'The Zorvan Harbour Development Board (ZHDB) met on Monday.\n',
      'b.txt': 'A spokesman for the ZHDB declined to comment.\n',
    });
    const board = entityNamed(index, 'ZHDB');
    assert.strictEqual(board.name, 'Zorvan Harbour Development Board');
    assert.strictEqual(board.id, 'organization:zorvan-harbour-development-board');
    assert.deepStrictEqual(board.mentions.map((m) => m.path), ['a.txt', 'a.txt', 'b.txt']);
  });

  it('follows corpus.yaml aliases typed by their key, and a type the key names', () => {
    const config = 'aliases:\n  "organization:Harbour Board":\n    - Zorvan Board\n';
    const index = CorpusIndex.fromTexts(ROOT, { 'a.txt': 'The Harbour Board met in Paris.\n', 'b.txt': 'The Zorvan Board said no.\n' }, config);
    const board = entityNamed(index, 'Zorvan Board');
    assert.strictEqual(board.name, 'Harbour Board');
    assert.strictEqual(board.type, 'organization');
    assert.ok(!index.people().some((p) => p.name.includes('organization')), 'a typed alias makes no person');
  });

  it('keys names by case, full stops, accents and the organisation spelling', () => {
    assert.strictEqual(entityKey('U.S.'), entityKey('US'));
    assert.strictEqual(entityKey('NATO'), entityKey('Nato'));
    assert.strictEqual(entityKey('World Health Organisation'), entityKey('World Health Organization'));
    assert.strictEqual(entityKey('Élysée'), entityKey('Elysee'));
    assert.notStrictEqual(entityKey('Georgia'), entityKey('George'));
  });

  it('names the mentions of new articles right after the names of removed ones went out of the index', () => {
    const mention = (text: string, type: NamedEntityType = 'organization'): RawEntityMention => ({ start: 0, end: text.length, text, type });
    const doc = (mentions: RawEntityMention[]): DocEntityMentions => ({
      count: mentions.length,
      texts: mentions.map((m) => m.text),
      typeOf: (i) => mentions[i].type,
      expansionOf: (i) => mentions[i].expansion,
    });
    const named = new NamedEntityIndex();
    named.setDoc('a.txt', doc([mention('Acme Holdings'), mention('Zorvan Board'), mention('Acme Holdings')]));
    named.flush();
    named.removeDoc('a.txt');
    named.flush();
    assert.strictEqual(named.entities().size, 0);
    // New names take the places the removed ones held; an old name comes back as itself.
    named.setDoc('b.txt', doc([mention('Kestrel Mining'), mention('Paris', 'place'), mention('Kestrel Mining')]));
    named.setDoc('c.txt', doc([mention('Zorvan Board'), mention('Kestrel Mining')]));
    named.flush();
    assert.deepStrictEqual(named.idsOf('b.txt'), ['organization:kestrel-mining', 'place:paris', 'organization:kestrel-mining']);
    assert.deepStrictEqual(named.idsOf('c.txt'), ['organization:zorvan-board', 'organization:kestrel-mining']);
    assert.deepStrictEqual([...named.entities().keys()].sort(), ['organization:kestrel-mining', 'organization:zorvan-board', 'place:paris']);
  });

  it('updates an entity when an article changes, as a fresh index would build it', () => {
    const texts = { 'a.txt': 'Nato met in Brussels.\n', 'b.txt': 'On Monday the critics of Nato met in Paris.\n' };
    const index = CorpusIndex.fromTexts(ROOT, texts);
    assert.strictEqual(entityNamed(index, 'Nato').mentions.length, 2);
    index.updateArticle('b.txt', 'Critics met in Paris and Rome.\n');
    const fresh = CorpusIndex.fromTexts(ROOT, { ...texts, 'b.txt': 'Critics met in Paris and Rome.\n' });
    assert.deepStrictEqual(JSON.stringify(toExport(index)), JSON.stringify(toExport(fresh)));
    assert.deepStrictEqual(entityNamed(index, 'Nato').mentions.map((m) => m.path), ['a.txt']);
    assert.strictEqual(index.entity('place:rome')?.type, 'place');
  });
});

describe('quotes from organisations', () => {
  const text = [
    'Relations worsened on Monday.',
    '',
    '\u201cThese claims are absurd,\u201d the Kremlin said in a statement.',
    '',
    'A Foreign Office spokesman said: \u201cWe stand by every word.\u201d',
    '',
    '\u201cWe will talk again,\u201d said Anna Vokes, the envoy.',
    '',
  ].join('\n');

  it('gives the quote the organisation as source and no person speaker', () => {
    const index = CorpusIndex.fromTexts(ROOT, { 'a.txt': text });
    const quotes = index.quotesIn('a.txt');
    const kremlin = index.entity('organization:kremlin');
    assert.ok(kremlin, 'the Kremlin is an organisation');
    const byText = (start: string) => quotes.find((q) => q.text.startsWith(start))!;
    assert.strictEqual(byText('These claims').source, 'organization:kremlin');
    assert.strictEqual(byText('These claims').speaker, null);
    assert.strictEqual(byText('We stand').source, 'organization:foreign-office');
    assert.strictEqual(byText('We stand').speaker, null);
    assert.deepStrictEqual(index.quotesFrom('organization:kremlin').map((q) => q.text), ['These claims are absurd,']);
  });

  it('keeps a person speaker as the source', () => {
    const index = CorpusIndex.fromTexts(ROOT, { 'a.txt': text });
    const quote = index.quotesIn('a.txt').find((q) => q.text.startsWith('We will talk'))!;
    assert.strictEqual(quote.speaker, 'anna-vokes');
    assert.strictEqual(quote.source, 'anna-vokes');
    assert.deepStrictEqual(index.quotesFrom('anna-vokes'), index.quotesBy('anna-vokes'));
  });

  it('does not take an organisation named in the next paragraph', () => {
    const index = CorpusIndex.fromTexts(ROOT, { 'a.txt': '\u201cIt is over,\u201d the official said.\n\nThe Kremlin said nothing.\n' });
    assert.strictEqual(index.quotesIn('a.txt')[0].source, null);
  });
});

describe('the index lists mentions of every type', () => {
  it('orders mentions by offset without overlaps, and finds each by offset', () => {
    const text = 'Anna Vokes flew from Paris to Moscow for talks with Nato and the Kremlin.\n';
    const index = CorpusIndex.fromTexts(ROOT, { 'a.txt': text });
    const mentions = index.mentionsIn('a.txt');
    assert.deepStrictEqual(
      mentions.map((m) => [m.text, index.entity(m.entityId)!.type]),
      [
        ['Anna Vokes', 'person'],
        ['Paris', 'place'],
        ['Moscow', 'place'],
        ['Nato', 'organization'],
        ['Kremlin', 'organization'],
      ],
    );
    for (let i = 1; i < mentions.length; i++) assert.ok(mentions[i - 1].end <= mentions[i].start);
    assert.strictEqual(index.mentionAt('a.txt', text.indexOf('Moscow') + 2)?.entityId, 'place:moscow');
    assert.deepStrictEqual(
      index.entities().map((e) => e.id).sort(),
      ['anna-vokes', 'organization:kremlin', 'organization:nato', 'place:moscow', 'place:paris'],
    );
    assert.strictEqual(index.person('place:paris'), undefined);
  });

  it('exports schema v2: every person among the entities with the same id, people as in v1, quote sources', () => {
    const index = CorpusIndex.fromTexts(ROOT, { 'a.txt': '\u201cNo,\u201d the Kremlin said. Anna Vokes, in Paris, said: \u201cYes.\u201d\n' });
    const exported = toExport(index);
    assert.strictEqual(exported.version, 2);
    for (const person of exported.people) {
      const entity = exported.entities.find((e) => e.id === person.id)!;
      assert.deepStrictEqual(entity, { id: person.id, type: 'person', name: person.name, aliases: person.aliases, roles: person.roles, mentions: person.mentions });
    }
    const paris = exported.entities.find((e) => e.id === 'place:paris')!;
    assert.deepStrictEqual(Object.keys(paris), ['id', 'type', 'name', 'aliases', 'mentions']);
    assert.deepStrictEqual(
      exported.quotes.map((q) => [q.text, q.speaker, q.source]),
      [
        ['No,', null, 'organization:kremlin'],
        ['Yes.', 'anna-vokes', 'anna-vokes'],
      ],
    );
  });
});

describe('the sample corpus', () => {
  let index: CorpusIndex;
  before(async () => {
    index = await CorpusIndex.load(path.resolve(__dirname, '..', '..', 'corpus'), new NodeFileSystem());
  });

  const articlesOf = (entity: Entity): Set<string> => new Set(entity.mentions.map((m) => m.path));

  it('"Russia" is a place mentioned in every article', () => {
    const russia = index.entity('place:russia')!;
    assert.strictEqual(russia.type, 'place');
    assert.strictEqual(articlesOf(russia).size, index.articles().length);
  });

  it('"Nato" and "NATO" are one organisation across all five articles', () => {
    const nato = index.entity('organization:nato')!;
    assert.strictEqual(nato.type, 'organization');
    assert.deepStrictEqual(new Set(nato.mentions.map((m) => m.text)), new Set(['Nato', 'NATO']));
    assert.strictEqual(articlesOf(nato).size, 5);
  });

  it('"EU" and "European Union" are one organisation', () => {
    const eu = index.entity('organization:european-union')!;
    assert.deepStrictEqual(new Set(eu.mentions.map((m) => m.text)), new Set(['EU', 'European Union']));
  });

  it('"the Kremlin" is an organisation, and the Foreign Office has its quotes', () => {
    assert.strictEqual(index.entity('organization:kremlin')?.type, 'organization');
    const kremlin = index.entity('organization:kremlin')!;
    for (const m of kremlin.mentions) assert.strictEqual(m.text, 'Kremlin');
    assert.ok(index.quotesFrom('organization:foreign-office').length >= 1);
    for (const quote of index.quotesFrom('organization:foreign-office')) assert.strictEqual(quote.speaker, null);
  });
});
