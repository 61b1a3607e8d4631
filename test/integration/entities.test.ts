// Organisations and places in every editor feature, on the sample corpus. The facts checked here ("Russia" a
// place in every article, "Nato"/"NATO" one organisation, "EU"/"European Union" one entity, "the Kremlin" an
// organisation) need the core to recognise those types; the type-generic parts run on people as well.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Corpus } from '../../src/core/api';
import type { EntityType } from '../../src/core/types';
import type { TreeNode } from '../../src/editor/features/articlesTree';
import { decodeTokens, entityAtText, eventually, extensionApi, hoverMarkdown, openArticle, positionOf, revertAll, sampleCorpus, unescapeMarkdown, workspaceRoot } from './_helpers';

const ARTICLE = 'uk-and-us-accuse-russia-of-interfering.txt';
const EU_ARTICLE = 'trump-putin-alliance-diplomatic-crisis.txt';

async function hoverCard(document: vscode.TextDocument, position: vscode.Position): Promise<string | undefined> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  const [card] = hoverMarkdown(hovers ?? []);
  return card && unescapeMarkdown(card.value);
}

function counts(card: string): { mentions: number; articles: number } {
  const match = /(\d+) mentions? in (\d+) articles?/.exec(card);
  assert.ok(match, `no "N mentions in M articles" line in:\n${card}`);
  return { mentions: Number(match[1]), articles: Number(match[2]) };
}

/** The type and the search picker's items for a query. */
async function searchItems(query: string): Promise<{ label: string; description?: string; type: EntityType }[]> {
  const pick = await vscode.commands.executeCommand<vscode.QuickPick<vscode.QuickPickItem & { result: { entity: { type: EntityType } } }>>(
    'corpusNavigator.searchEntities',
    query,
  );
  assert.ok(pick, 'Search Entities returned no picker');
  const items = pick.items.map((i) => ({ label: i.label, description: i.description, type: i.result.entity.type }));
  pick.hide();
  return items;
}

function hasType(corpus: Corpus, type: EntityType): boolean {
  return corpus.entities().some((e) => e.type === type);
}

describe('entities of every type in the editor', () => {
  afterEach(revertAll);

  it('Search Entities narrows to a type with #person, and Search People opens it narrowed to people', async () => {
    const { corpus } = await sampleCorpus();
    const people = await searchItems('#person');
    assert.ok(people.length > 0);
    assert.ok(people.every((i) => i.type === 'person'), 'only people under #person');
    assert.deepStrictEqual(people.map((i) => i.label.replace(/^\$\([a-z-]+\) /, '')), corpus.people().slice(0, people.length).map((p) => p.name));
    const surname = corpus.people()[0].name.split(' ').pop()!;
    const byName = await searchItems(`#pe ${surname}`);
    assert.ok(byName[0]?.label.endsWith(corpus.people()[0].name), `"#pe ${surname}" ranks ${corpus.people()[0].name} first`);
    const all = await searchItems('');
    assert.strictEqual(all.length, Math.min(50, corpus.entities().length), 'no tag: every type');

    const pick = await vscode.commands.executeCommand<vscode.QuickPick<vscode.QuickPickItem>>('corpusNavigator.searchPeople');
    assert.strictEqual(pick?.value.trim(), '#person');
    pick?.hide();
  });

  it('marks each mention with the token type of its entity', async () => {
    const { corpus } = await sampleCorpus();
    const document = await openArticle(ARTICLE);
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
    assert.ok(legend && tokens);
    for (const type of ['person', 'organization', 'place']) assert.ok(legend.tokenTypes.includes(type), `no ${type} token type`);
    const got = decodeTokens(document, legend, tokens);
    const expected = corpus.mentionsIn(ARTICLE).map((m) => `${m.start}+${m.end - m.start}:${corpus.entity(m.entityId)?.type}`);
    assert.deepStrictEqual(got, expected);

    // Hiding people through the setting leaves only the other types.
    const config = vscode.workspace.getConfiguration('corpusNavigator');
    try {
      await config.update('entities.types', ['organization', 'place'], vscode.ConfigurationTarget.Global);
      const narrowed = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
      const others = corpus.mentionsIn(ARTICLE).filter((m) => corpus.entity(m.entityId)?.type !== 'person');
      assert.strictEqual(narrowed.data.length / 5, others.length);
      const card = await hoverCard(document, positionOf(document, 'Mattis'));
      assert.strictEqual(card, undefined, 'no card for a hidden type');
    } finally {
      await config.update('entities.types', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('outlines an article’s entities grouped by type, and finds every type in workspace symbols', async () => {
    const { corpus } = await sampleCorpus();
    const document = await openArticle(ARTICLE);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const groups = new Map(symbols.map((s) => [s.name, s.children.map((c) => c.name).sort()]));
    const names = (type: EntityType) => [...new Set(corpus.mentionsIn(ARTICLE).map((m) => corpus.entity(m.entityId)).filter((e) => e?.type === type).map((e) => e!.name))].sort();
    assert.deepStrictEqual(groups.get('People'), names('person'));
    for (const [type, group] of [['organization', 'Organisations'], ['place', 'Places']] as const) {
      if (names(type).length > 0) assert.deepStrictEqual(groups.get(group), names(type), group);
      else assert.ok(!groups.has(group), `an empty ${group} group`);
    }
    assert.ok(groups.has('Quotes'));

    for (const entity of [corpus.entities().find((e) => e.type === 'organization'), corpus.entities().find((e) => e.type === 'place'), corpus.people()[0]]) {
      if (!entity) continue;
      const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', entity.name);
      const symbol = found.find((s) => s.name === entity.name);
      assert.ok(symbol, `no workspace symbol ${entity.name}`);
      const typeName = { person: 'Person', organization: 'Organisation', place: 'Place' }[entity.type];
      assert.ok(symbol.containerName.startsWith(typeName), `${entity.name}: "${symbol.containerName}"`);
    }
  });

  describe('organisations and places of the sample corpus', function () {
    before(async function () {
      const { corpus } = await sampleCorpus();
      // Before the core recognises these types there is nothing to check.
      if (!hasType(corpus, 'organization') && !hasType(corpus, 'place')) this.skip();
    });

    it('hover on "Russia" gives a place card counting its articles', async () => {
      const { corpus } = await sampleCorpus();
      const document = await openArticle(ARTICLE);
      const { entity } = entityAtText(corpus, document, 'Russia');
      assert.strictEqual(entity.type, 'place');
      const card = await hoverCard(document, positionOf(document, 'Russia'));
      assert.ok(card, 'no card on Russia');
      assert.match(card, /Place · \*\*Russia\*\*/);
      const shown = counts(card);
      assert.strictEqual(shown.mentions, entity.mentions.length);
      assert.strictEqual(shown.articles, new Set(entity.mentions.map((m) => m.path)).size);
      assert.strictEqual(shown.articles, corpus.articles().length, 'Russia is in every article');
    });

    it('references on "Nato" include the "NATO" spelling and span all five articles', async () => {
      const { corpus } = await sampleCorpus();
      const document = await openArticle('uk-ends-business-as-usual-with-russia.txt');
      const at = document.getText().search(/Nato|NATO/);
      const { entity } = entityAtText(corpus, document, document.getText().slice(at, at + 4));
      assert.strictEqual(entity.type, 'organization');
      const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, document.positionAt(at + 1));
      const texts = new Set<string>();
      for (const location of locations) texts.add((await vscode.workspace.openTextDocument(location.uri)).getText(location.range));
      assert.ok(texts.has('NATO') && texts.has('Nato'), `spellings found: ${[...texts].join(', ')}`);
      assert.strictEqual(new Set(locations.map((l) => path.basename(l.uri.fsPath))).size, 5);
      assert.strictEqual(locations.length, entity.mentions.length);
    });

    it('"EU" and "European Union" are one entity, and its card lists both', async () => {
      const { corpus } = await sampleCorpus();
      const document = await openArticle(EU_ARTICLE);
      const eu = entityAtText(corpus, document, 'EU').entity;
      const union = entityAtText(corpus, document, 'European Union').entity;
      assert.strictEqual(eu.id, union.id);
      const card = await hoverCard(document, positionOf(document, 'EU'));
      assert.ok(card && card.includes('European Union') && /\bEU\b/.test(card), `card:\n${card}`);
    });

    it('"the Kremlin" is an organisation, without "the", with its quotes on the card', async () => {
      const { corpus } = await sampleCorpus();
      const document = await openArticle(ARTICLE);
      const { entity, mention } = entityAtText(corpus, document, 'Kremlin');
      assert.strictEqual(entity.type, 'organization');
      assert.strictEqual(mention.text, 'Kremlin');
      const card = await hoverCard(document, positionOf(document, 'Kremlin'));
      assert.ok(card);
      assert.match(card, /Organisation · \*\*/);
      const quotes = corpus.quotesFrom(entity.id);
      assert.match(card, new RegExp(`${quotes.length} quotes?`));
      // The card lists the newest two; each listed one is a quote from the Kremlin.
      const listed = quotes.filter((quote) => card.includes(quote.text.replace(/\s+/g, ' ').trim().slice(0, 40)));
      assert.strictEqual(listed.length, Math.min(2, quotes.length), `quotes on the card:\n${card}`);
    });

    it('groups the Articles tree by organisation and by place', async () => {
      const { api, corpus } = await sampleCorpus();
      const initial = api.tree.grouping;
      try {
        for (const [grouping, type] of [['organization', 'organization'], ['place', 'place']] as const) {
          await vscode.commands.executeCommand(grouping === 'place' ? 'corpusNavigator.groupByPlace' : 'corpusNavigator.groupByOrganization');
          assert.strictEqual(api.tree.grouping, grouping);
          const top = api.tree.getChildren();
          assert.deepStrictEqual(top.map((n) => (n.kind === 'entity' ? n.entity.name : n.kind)), corpus.entities().filter((e) => e.type === type).map((e) => e.name));
          const first = top[0] as TreeNode & { kind: 'entity' };
          const articles = api.tree.getChildren(first);
          assert.deepStrictEqual(articles.map((n) => (n.kind === 'article' ? n.article.path : '')).sort(), [...new Set(first.entity.mentions.map((m) => m.path))].sort());
          const item = await api.tree.getTreeItem(first);
          assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, type === 'place' ? 'location' : 'organization');
        }
        const russia = api.tree.getChildren().find((n) => n.kind === 'entity' && n.entity.name === 'Russia');
        assert.ok(russia, 'Russia under by place');
        assert.strictEqual(api.tree.getChildren(russia).length, corpus.articles().length);
      } finally {
        await api.tree.setGroupBy(initial);
      }
    });

    it('keeps organisations and places through a warm start from the extraction cache', async function () {
      this.timeout(60_000);
      const { api, corpus } = await sampleCorpus();
      const typed = (c: Corpus) => c.entities().filter((e) => e.type !== 'person').map((e) => `${e.id}:${e.mentions.length}`).sort();
      const before = typed(corpus);
      const entry = api.manager.entries().find((e) => e.root === workspaceRoot());
      assert.ok(entry?.cache, 'the extension has storage for the warm-start cache');
      await entry.cache.flush();
      await api.manager.refresh();
      await api.manager.whenIdle();
      const reloaded = await eventually(() => api.manager.entries().find((e) => e.root === workspaceRoot() && e.state === 'ready'), 30_000, 'the reload');
      assert.ok((reloaded.cache?.reused ?? 0) > 0, 'the reload reused cached extractions');
      assert.ok(reloaded.corpus);
      assert.deepStrictEqual(typed(reloaded.corpus), before);
    });

    it('Search Entities narrows with #org and #place', async () => {
      const orgs = await searchItems('#org nato');
      assert.ok(orgs.length > 0 && orgs.every((i) => i.type === 'organization'));
      assert.match(orgs[0].label, /nato/i);
      assert.match(orgs[0].description ?? '', /^Organisation/);
      const places = await searchItems('russia #place');
      assert.ok(places.every((i) => i.type === 'place'));
      assert.match(places[0].label, /Russia$/);
      const api = await extensionApi();
      assert.ok(api.manager.corpora().length > 0);
    });
  });
});
