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

  it('opens the Search Quotes and Search People pickers from their commands', async () => {
    await sampleCorpus();
    await vscode.commands.executeCommand('corpusNavigator.searchQuotes', 'persistnt patern');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('corpusNavigator.searchPeople');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });
});
