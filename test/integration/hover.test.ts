import * as assert from 'assert';
import * as vscode from 'vscode';
import { HOVER_LINK_COMMANDS } from '../../src/editor/ids';
import { eventually, hoverMarkdown, openArticle, personAtText, positionOf, revertAll, sampleCorpus, unescapeMarkdown } from './_helpers';

const FALLON_ARTICLE = 'uk-and-us-accuse-russia-of-interfering.txt';

async function hoverAt(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.MarkdownString[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hoverMarkdown(hovers ?? []);
}

function mentionCount(card: string): number {
  const match = /(\d+) mentions? in (\d+) articles?/.exec(card);
  assert.ok(match, `no "N mentions in M articles" line in:\n${card}`);
  return Number(match[1]);
}

describe('hover cards', () => {
  afterEach(revertAll);

  it('shows Fallon’s card with his other articles and every name variant', async () => {
    const { corpus } = await sampleCorpus();
    const document = await openArticle(FALLON_ARTICLE);
    const { person } = personAtText(corpus, document, 'Fallon');
    const cards = await hoverAt(document, positionOf(document, 'Fallon'));
    assert.strictEqual(cards.length, 1, 'expected one hover card');
    const card = unescapeMarkdown(cards[0].value);

    assert.ok(card.includes(person.name), `card lacks the name ${person.name}`);
    const variants = new Set([person.name, ...person.aliases, ...person.mentions.map((m) => m.text)]);
    for (const variant of variants) assert.ok(card.includes(variant), `card lacks the variant "${variant}":\n${card}`);
    // Forms of his name that the article texts themselves use.
    for (const form of ['Sir Michael Fallon', 'Sir Michael']) assert.ok(card.includes(form), `card lacks "${form}"`);

    const otherPaths = new Set(person.mentions.map((m) => m.path).filter((p) => p !== FALLON_ARTICLE));
    assert.ok(otherPaths.size >= 1, 'Fallon should be found in more than one article');
    for (const path of otherPaths) {
      const title = corpus.article(path)?.title;
      assert.ok(title && card.includes(title), `card does not list the mention in ${path} (${title})`);
    }
    assert.strictEqual(mentionCount(card), person.mentions.length);
    assert.match(cards[0].value, /\(command:corpusNavigator\.openMention\?/);
    assert.match(cards[0].value, /\[Show all mentions\]\(command:corpusNavigator\.showAllMentions\?/);
  });

  it('renders article text inert and trusts only its own commands', async () => {
    const { corpus } = await sampleCorpus();
    const targetPath = 'uk-ends-business-as-usual-with-russia.txt';
    const target = await openArticle(targetPath);
    const { person } = personAtText(corpus, target, 'Fallon');
    // The card quotes the first mention of each other article: put the payload right before it.
    const first = person.mentions.filter((m) => m.path === targetPath).sort((a, b) => a.start - b.start)[0];
    const payload = '[x](command:evil) <img src=x> ';
    const edit = new vscode.WorkspaceEdit();
    edit.insert(target.uri, target.positionAt(first.start), payload);
    assert.ok(await vscode.workspace.applyEdit(edit));

    const document = await openArticle(FALLON_ARTICLE);
    const position = positionOf(document, 'Fallon');
    const card = await eventually(async () => {
      const [c] = await hoverAt(document, position);
      return c && unescapeMarkdown(c.value).includes(payload.trim()) ? c : undefined;
    }, 5000, 'the edited snippet in the card');
    assert.ok(!card.value.includes('](command:evil'), 'article text formed a command link');
    assert.ok(!/<img/i.test(card.value), 'article text kept raw HTML');
    assert.notStrictEqual(card.supportHtml, true);
    const trusted = card.isTrusted;
    if (trusted !== undefined) {
      assert.ok(typeof trusted === 'object', 'isTrusted must be limited to a command list');
      assert.deepStrictEqual([...trusted.enabledCommands].sort(), [...HOVER_LINK_COMMANDS].sort());
      assert.ok(trusted.enabledCommands.every((c) => c.startsWith('corpusNavigator.')), 'only this extension’s commands');
    }
  });

  it('follows unsaved edits of an article', async () => {
    const { corpus } = await sampleCorpus();
    const document = await openArticle(FALLON_ARTICLE);
    const position = positionOf(document, 'Fallon');
    const before = mentionCount(unescapeMarkdown((await hoverAt(document, position))[0].value));

    // Duplicate the paragraph holding the first mention at the end of the article (not saved).
    const line = document.lineAt(position.line).text;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.lineAt(document.lineCount - 1).range.end, `\n${line}\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(document.isDirty);

    // The hover flushes the unsaved text to the index before answering: no waiting needed.
    const after = mentionCount(unescapeMarkdown((await hoverAt(document, position))[0].value));
    assert.ok(after > before, `mention count did not grow: ${before} -> ${after}`);
    assert.strictEqual(after, personAtText(corpus, document, 'Fallon').person.mentions.length);
  });

  it('orders the other mentions newest first or nearest first, up to the limit', async () => {
    const { corpus } = await sampleCorpus();
    const document = await openArticle(FALLON_ARTICLE);
    const position = positionOf(document, 'Fallon');
    const here = corpus.article(FALLON_ARTICLE)?.date;
    assert.ok(here);
    const config = vscode.workspace.getConfiguration('corpusNavigator');
    const listedDates = async () => {
      // The other mentions are the list after the card's rule (quotes and companions link to spans too).
      const card = (await hoverAt(document, position))[0].value.split('\n---\n')[1] ?? '';
      const paths = [...card.matchAll(/openMention\?([^)]+)\)/g)].map((m) => (JSON.parse(decodeURIComponent(m[1])) as { path: string }[])[0].path);
      return { paths, dates: paths.filter((p) => p !== FALLON_ARTICLE).map((p) => corpus.article(p)?.date ?? '') };
    };
    const day = (date: string) => Date.parse(date) / 86_400_000;
    try {
      await config.update('hover.order', 'newest', vscode.ConfigurationTarget.Global);
      const newest = await listedDates();
      assert.ok(newest.dates.length >= 2);
      assert.deepStrictEqual(newest.dates, [...newest.dates].sort().reverse());

      await config.update('hover.order', 'nearest', vscode.ConfigurationTarget.Global);
      const nearest = await listedDates();
      const distances = nearest.dates.map((d) => Math.abs(day(d) - day(here)));
      assert.deepStrictEqual(distances, [...distances].sort((a, b) => a - b));

      await config.update('hover.maxMentions', 2, vscode.ConfigurationTarget.Global);
      assert.strictEqual((await listedDates()).paths.length, 2);
    } finally {
      await config.update('hover.order', undefined, vscode.ConfigurationTarget.Global);
      await config.update('hover.maxMentions', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
