import * as assert from 'assert';
import * as vscode from 'vscode';
import { decodeTokens, openArticle, revertAll, sampleCorpus } from './_helpers';

/** The document's semantic tokens of one type, as their ranges. */
async function tokensOfType(document: vscode.TextDocument, typeName: string): Promise<vscode.Range[]> {
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
  assert.ok(legend && tokens, 'no semantic tokens');
  const wanted = legend.tokenTypes.indexOf(typeName);
  assert.ok(wanted >= 0, `no ${typeName} token type`);
  const ranges: vscode.Range[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [deltaLine, deltaStart, length, type] = tokens.data.slice(i, i + 4);
    line += deltaLine;
    char = deltaLine === 0 ? char + deltaStart : deltaStart;
    if (type === wanted) ranges.push(new vscode.Range(line, char, line, char + length));
  }
  return ranges;
}

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
    const got = (await tokensOfType(document, 'boilerplate')).map((r) => document.getText(r));
    const article = corpus.article(path)!;
    const expected = article.boilerplate.flatMap((span) => article.text.slice(span.start, span.end).split(/\r?\n/)).filter((text) => text !== '');
    assert.ok(expected.length > 0, 'the core found no boilerplate in the article');
    assert.deepStrictEqual(got, expected);
  });
});
