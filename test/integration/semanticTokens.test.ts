import * as assert from 'assert';
import * as vscode from 'vscode';
import { decodeTokens, openArticle, revertAll, sampleCorpus } from './_helpers';

describe('semantic highlighting of people', () => {
  afterEach(revertAll);

  it('marks exactly the mentions the core found', async () => {
    const { corpus } = await sampleCorpus();
    const path = 'uk-and-us-accuse-russia-of-interfering.txt';
    const document = await openArticle(path);
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
    assert.ok(legend && tokens, 'no semantic tokens');
    assert.ok(legend.tokenTypes.includes('person'), 'no person token type');
    const got = decodeTokens(document, legend, tokens).filter((t) => t.endsWith(':person'));
    const people = corpus.mentionsIn(path).filter((m) => corpus.entity(m.entityId)?.type === 'person');
    const expected = people.map((m) => `${m.start}+${m.end - m.start}:person`);
    assert.ok(expected.length > 0, 'the core found nobody in the article');
    assert.deepStrictEqual(got, expected);
  });

  it('marks the boilerplate the core found, line by line', async () => {
    const { corpus } = await sampleCorpus();
    const path = 'uk-and-us-accuse-russia-of-interfering.txt';
    const document = await openArticle(path);
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
    assert.ok(legend.tokenTypes.includes('boilerplate'), 'no boilerplate token type');
    const got = decodeTokens(document, legend, tokens)
      .filter((t) => t.endsWith(':boilerplate'))
      .map((t) => {
        const [start, length] = t.slice(0, -':boilerplate'.length).split('+').map(Number);
        return document.getText(new vscode.Range(document.positionAt(start), document.positionAt(start + length)));
      });
    const article = corpus.article(path)!;
    const expected = article.boilerplate.flatMap((span) => article.text.slice(span.start, span.end).split(/\r?\n/)).filter((text) => text !== '');
    assert.ok(expected.length > 0, 'the core found no boilerplate in the article');
    assert.deepStrictEqual(got, expected);
  });
});
