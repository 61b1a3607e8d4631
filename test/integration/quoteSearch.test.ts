import * as assert from 'assert';
import * as vscode from 'vscode';
import { sampleCorpus } from './_helpers';

describe('quote search', () => {
  it('ranks the expected quote first for a misspelled query', async () => {
    const { api } = await sampleCorpus();
    const results = api.quoteSearch.search('persistnt patern of Russian interfrence');
    assert.ok(results.length > 0, 'no results');
    assert.match(results[0].quote.text, /persistent pattern of Russian interference/);
  });

  it('narrows to one speaker with @name', async () => {
    const { api, corpus } = await sampleCorpus();
    const speaker = corpus.people().find((p) => corpus.quotesBy(p.id).length > 0);
    assert.ok(speaker, 'no quoted person in the corpus');
    const surname = speaker.name.split(' ').pop()!;
    const results = api.quoteSearch.search(`@${surname}`);
    assert.strictEqual(results.length, Math.min(50, corpus.quotesBy(speaker.id).length));
    assert.ok(results.every((r) => r.quote.speaker === speaker.id));
  });

  it('shows an organisation as the source of its quotes, and @name narrows to it', async () => {
    const { api, corpus } = await sampleCorpus();
    const organisation = corpus.entities().find((e) => e.type === 'organization' && corpus.quotesFrom(e.id).length > 0);
    assert.ok(organisation, 'no quoted organisation in the corpus');
    const results = api.quoteSearch.search(`@"${organisation.name}"`);
    assert.deepStrictEqual(
      results.map((r) => `${r.quote.path}#${r.quote.start}`).sort(),
      corpus.quotesFrom(organisation.id).map((q) => `${q.path}#${q.start}`).sort(),
    );
    assert.ok(results.every((r) => r.source?.id === organisation.id && r.quote.speaker === null));
  });

  it('browses every quote with an empty query, page by page, newest article first', async () => {
    const { api, corpus } = await sampleCorpus();
    const total = corpus.quotes().length;
    const first = api.quoteSearch.browse(0, 40);
    assert.strictEqual(first.total, total);
    assert.strictEqual(first.results.length, Math.min(40, total));
    const seen = new Set<string>();
    for (let from = 0; from < total; from += 40) {
      for (const r of api.quoteSearch.browse(from, 40).results) seen.add(`${r.quote.path}#${r.quote.start}`);
    }
    assert.strictEqual(seen.size, total, 'every quote once across the pages');
    const dates = first.results.map((r) => corpus.article(r.quote.path)?.date ?? '');
    const dated = dates.filter(Boolean);
    assert.deepStrictEqual(dated, [...dated].sort().reverse(), 'newest first');
  });

  it('opens the Search Quotes and Search People pickers from their commands', async () => {
    await sampleCorpus();
    await vscode.commands.executeCommand('corpusNavigator.searchQuotes', 'persistnt patern');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('corpusNavigator.searchPeople');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });
});
