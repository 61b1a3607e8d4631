import * as assert from 'assert';
import * as vscode from 'vscode';
import { openArticle, personAtText, revertAll, sampleCorpus } from './_helpers';

describe('symbols', () => {
  afterEach(revertAll);

  it('finds people and articles in workspace symbols', async () => {
    const { corpus } = await sampleCorpus();
    const document = await openArticle('uk-and-us-accuse-russia-of-interfering.txt');
    const { person } = personAtText(corpus, document, 'Mattis');
    const people = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Mattis');
    assert.ok(people.some((s) => s.name === person.name), `no symbol ${person.name}`);

    const title = corpus.article('uk-government-secret-move-russia.txt')?.title;
    assert.ok(title);
    const articles = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'secret move');
    const article = articles.find((s) => s.name === title);
    assert.ok(article, 'no symbol for the article');
    assert.ok(article.location.uri.fsPath.endsWith('uk-government-secret-move-russia.txt'));
  });

  it('outlines an article’s people and quotes', async () => {
    const { corpus } = await sampleCorpus();
    const path = 'uk-and-us-accuse-russia-of-interfering.txt';
    const document = await openArticle(path);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const people = symbols.find((s) => s.name === 'People');
    const quotes = symbols.find((s) => s.name === 'Quotes');
    assert.ok(people && quotes, 'People and Quotes groups expected');
    const expectedPeople = [...new Set(corpus.mentionsIn(path).flatMap((m) => corpus.person(m.entityId)?.name ?? []))].sort();
    assert.ok(expectedPeople.length > 0);
    assert.deepStrictEqual(people.children.map((c) => c.name).sort(), expectedPeople);
    assert.strictEqual(quotes.children.length, corpus.quotesIn(path).length);
    for (const [i, quote] of corpus.quotesIn(path).entries()) {
      assert.strictEqual(document.offsetAt(quotes.children[i].selectionRange.start), quote.start);
    }
  });
});
