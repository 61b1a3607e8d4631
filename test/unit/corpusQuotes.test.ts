import * as assert from 'assert';
import { CorpusQuoteSearch, parseQuoteQuery, PeopleSearch, quoteSourceEntities, type QuoteSource } from '../../src/core/search';
import type { Entity, Person, Quote } from '../../src/core/types';

function quote(path: string, start: number, text: string, speaker: string | null): Quote {
  return { path, start, end: start + text.length, text, speaker, source: speaker, group: start, partial: false, unmarked: false };
}

function somebody(id: string, name: string): Person {
  return { id, type: 'person', name, aliases: [], roles: [], mentions: [] };
}

/** A corpus of quotes whose articles can be rewritten, as the index is after an edit. */
class QuoteCorpus implements QuoteSource {
  readonly byPath = new Map<string, Quote[]>();
  readonly people = new Map<string, Person>([
    ['michael-fallon', somebody('michael-fallon', 'Michael Fallon')],
    ['ann-lee', somebody('ann-lee', 'Ann Lee')],
  ]);
  quotes(): readonly Quote[] {
    return [...this.byPath.keys()].sort().flatMap((path) => this.byPath.get(path)!);
  }
  quotesIn(path: string): readonly Quote[] {
    return this.byPath.get(path) ?? [];
  }
  readonly organisations = new Map<string, Entity>();
  entity(id: string): Entity | undefined {
    return this.people.get(id) ?? this.organisations.get(id);
  }
}

describe('quote search over a corpus', () => {
  it('splits an @name off the query, with quotes for names that have spaces', () => {
    assert.deepStrictEqual(parseQuoteQuery('  persistent pattern '), { speaker: null, text: 'persistent pattern' });
    assert.deepStrictEqual(parseQuoteQuery('@fallon persistent pattern'), { speaker: 'fallon', text: 'persistent pattern' });
    assert.deepStrictEqual(parseQuoteQuery('@"Michael Fallon" pattern'), { speaker: 'Michael Fallon', text: 'pattern' });
    assert.deepStrictEqual(parseQuoteQuery('@michael_fallon'), { speaker: 'michael fallon', text: '' });
    assert.deepStrictEqual(parseQuoteQuery('@'), { speaker: null, text: '@' });
  });

  it('finds quotes by their words and speaker names, narrows to an @speaker, and follows article changes', () => {
    const corpus = new QuoteCorpus();
    corpus.byPath.set('a.txt', [quote('a.txt', 10, 'We need to be watchful of this persistent pattern of interference.', 'michael-fallon')]);
    corpus.byPath.set('b.txt', [quote('b.txt', 4, 'Trade talks will resume in a persistent manner.', 'ann-lee'), quote('b.txt', 90, 'No comment.', null)]);
    const search = new CorpusQuoteSearch(corpus);
    let peopleAsked = 0;
    const people = () => {
      peopleAsked++;
      return new PeopleSearch([...corpus.people.values()]);
    };
    assert.strictEqual(search.size, 3);
    assert.deepStrictEqual(search.search(parseQuoteQuery('persistnt patern'), 10, people).map((hit) => hit.item.id)[0], 'a.txt#10');
    assert.strictEqual(peopleAsked, 0, 'people are searched only for an @name');
    assert.deepStrictEqual(search.search(parseQuoteQuery('@lee persistent'), 10, people).map((hit) => hit.item.id), ['b.txt#4']);
    assert.strictEqual(peopleAsked, 1);
    assert.deepStrictEqual(search.search(parseQuoteQuery('@zzzzqqq persistent'), 10, people), []);
    assert.strictEqual(search.search(parseQuoteQuery('Michael Fallon'), 10, people)[0].item.speaker, 'Michael Fallon');

    corpus.byPath.set('a.txt', [quote('a.txt', 12, 'Sanctions must stay in place.', 'michael-fallon')]);
    corpus.byPath.delete('b.txt');
    search.update(['a.txt', 'b.txt']);
    assert.strictEqual(search.size, 1);
    assert.deepStrictEqual(search.search(parseQuoteQuery('sanctions'), 10, people).map((hit) => hit.item.quote.start), [12]);
    assert.deepStrictEqual(search.search(parseQuoteQuery('trade talks'), 10, people), []);
  });

  it('searches a quote an organisation gives under its name, and @name narrows to it', () => {
    const corpus = new QuoteCorpus();
    const ministry: Entity = { id: 'organization:trade-ministry', type: 'organization', name: 'Trade Ministry', aliases: [], roles: [], mentions: [] };
    const harbour: Entity = { id: 'place:harbour-town', type: 'place', name: 'Harbour Town', aliases: [], roles: [], mentions: [] };
    corpus.organisations.set(ministry.id, ministry);
    corpus.byPath.set('a.txt', [
      { ...quote('a.txt', 5, 'Tariffs will rise next spring.', null), source: ministry.id },
      quote('a.txt', 60, 'Tariffs hurt the harbour.', 'ann-lee'),
      quote('a.txt', 99, 'Tariffs are a tax.', null),
    ]);
    const search = new CorpusQuoteSearch(corpus);
    const sources = () => new PeopleSearch(quoteSourceEntities({ entities: () => [...corpus.people.values(), ministry, harbour] }));
    const ministryQuote = search.search(parseQuoteQuery('trade ministry'), 10, sources)[0];
    assert.strictEqual(ministryQuote.item.id, 'a.txt#5');
    assert.strictEqual(ministryQuote.item.speaker, 'Trade Ministry');
    assert.deepStrictEqual(search.search(parseQuoteQuery('@ministry tariffs'), 10, sources).map((hit) => hit.item.id), ['a.txt#5']);
    assert.deepStrictEqual(search.search(parseQuoteQuery('@lee tariffs'), 10, sources).map((hit) => hit.item.id), ['a.txt#60']);
    // Places give no quotes: `@name` does not look among them.
    assert.deepStrictEqual(search.search(parseQuoteQuery('@"harbour town" tariffs'), 10, sources).map((hit) => hit.item.id).includes('a.txt#60'), false);
  });
});
