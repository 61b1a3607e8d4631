import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Corpus } from '../../src/core/api';
import type { Timeline } from '../../src/core/query/timeline';
import type { Person } from '../../src/core/types';
import { Commands, Panels } from '../../src/editor/ids';
import { eventually, hoverMarkdown, openArticle, personAtText, positionOf, revertAll, sampleCorpus, unescapeMarkdown } from './_helpers';

const FALLON_ARTICLE = 'uk-and-us-accuse-russia-of-interfering.txt';

function timelineTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(Panels.timeline));
}

/** Mentions and quotes per period, counted straight from the corpus with the timeline's own period keys. */
function expectedCounts(corpus: Corpus, person: Person, timeline: Timeline): Map<string, string> {
  const keyOf = (path: string): string | undefined => {
    const date = corpus.article(path)?.date;
    if (!date) return undefined;
    return timeline.periods.find((p) => p.from <= date && date <= p.to)?.key ?? `outside ${date}`;
  };
  const counts = new Map<string, [number, number]>();
  const add = (path: string, which: 0 | 1) => {
    const key = keyOf(path);
    if (!key) return;
    const entry = counts.get(key) ?? [0, 0];
    entry[which]++;
    counts.set(key, entry);
  };
  for (const m of person.mentions) add(m.path, 0);
  for (const q of corpus.quotesFrom(person.id)) add(q.path, 1);
  return new Map([...counts].map(([key, [m, q]]) => [key, `${m} mentions, ${q} quotes`]));
}

function shownCounts(timeline: Timeline): Map<string, string> {
  return new Map(timeline.periods.filter((p) => p.mentions + p.quotes > 0).map((p) => [p.key, `${p.mentions} mentions, ${p.quotes} quotes`]));
}

describe('timeline panel', () => {
  afterEach(revertAll);

  it('Show Timeline opens a panel for a person with the corpus’ counts per period', async () => {
    const { api, corpus } = await sampleCorpus();
    const document = await openArticle(FALLON_ARTICLE);
    // Earlier suites' reverted edits may still be re-indexing.
    await api.manager.whenIdle();
    const { person } = personAtText(corpus, document, 'Fallon');
    // Earlier suites' edits may still be settling in the index: the panel follows, so ask until it agrees.
    const timeline = await eventually(async () => {
      const shown = await vscode.commands.executeCommand<Timeline | undefined>(Commands.showTimeline, { root: corpus.root, entityId: person.id });
      const current = corpus.person(person.id);
      return shown && current && shown.totals.mentions === current.mentions.length && shown.totals.quotes === corpus.quotesFrom(person.id).length && shown;
    }, 10_000, 'a timeline that agrees with the index');
    const tab = await eventually(() => timelineTabs().find((t) => t.label === `Timeline: ${person.name}`), 5000, 'the timeline tab');
    assert.ok(tab.isActive, 'the timeline panel is not the active tab');

    assert.strictEqual(timeline.entityId, person.id);
    const fallon = corpus.person(person.id)!;
    assert.strictEqual(timeline.totals.mentions, fallon.mentions.length);
    assert.strictEqual(timeline.totals.quotes, corpus.quotesFrom(person.id).length);
    assert.ok(timeline.totals.quotes > 0, 'Fallon is quoted in the sample corpus');
    assert.deepStrictEqual(shownCounts(timeline), expectedCounts(corpus, fallon, timeline));
    const articles = new Set([...fallon.mentions.map((m) => m.path), ...corpus.quotesFrom(person.id).map((q) => q.path)]);
    assert.strictEqual(timeline.totals.articles, articles.size);

    // Asking again reveals the same panel instead of opening a second one.
    await vscode.commands.executeCommand(Commands.showTimeline, { root: corpus.root, entityId: person.id });
    assert.strictEqual(timelineTabs().length, 1);
  });

  it('from the palette, offers the name under the cursor first', async () => {
    const { api, corpus } = await sampleCorpus();
    const document = await openArticle(FALLON_ARTICLE);
    await api.manager.whenIdle();
    // Someone other than the most mentioned, who would be first without the cursor.
    const { person } = personAtText(corpus, document, 'Mattis');
    assert.notStrictEqual(corpus.entities()[0].id, person.id, 'precondition: Mattis is not the most mentioned');
    const at = positionOf(document, 'Mattis');
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(at, at);
    const shown = vscode.commands.executeCommand<Timeline | undefined>(Commands.showTimeline);
    // The picker is open once the command waits on it; accepting takes its first row.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const timeline = await shown;
    assert.ok(timeline, 'nothing was picked');
    assert.strictEqual(timeline.entityId, person.id);
  });

  it('opens from a person of the Articles tree', async () => {
    const { api, corpus } = await sampleCorpus();
    const previous = api.tree.grouping;
    await api.tree.setGroupBy('person');
    try {
      const nodes = api.tree.getChildren();
      const node = nodes.find((n) => n.kind === 'entity' && n.entity.type === 'person');
      assert.ok(node && node.kind === 'entity', 'the tree lists no person');
      const timeline = await vscode.commands.executeCommand<Timeline | undefined>(Commands.showTimeline, node);
      assert.ok(timeline, 'no timeline from a tree node');
      assert.strictEqual(timeline.entityId, node.entity.id);
      assert.deepStrictEqual(shownCounts(timeline), expectedCounts(corpus, node.entity, timeline));
      await eventually(() => timelineTabs().find((t) => t.label === `Timeline: ${node.entity.name}`), 5000, 'the timeline tab');
    } finally {
      await api.tree.setGroupBy(previous);
    }
  });
});

describe('related entities in the hover card', () => {
  afterEach(revertAll);

  it('lists the people and organisations most often in the same articles, with their shared-article counts and links', async () => {
    const { corpus } = await sampleCorpus();
    const document = await openArticle(FALLON_ARTICLE);
    const { person } = personAtText(corpus, document, 'Fallon');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'Fallon'));
    const markdown = hoverMarkdown(hovers ?? [])[0];
    assert.ok(markdown, 'no hover card');
    const line = markdown.value.split('\n').find((l) => l.startsWith('In the same articles:'));
    assert.ok(line, `the card has no related entities:\n${markdown.value}`);

    // Shared articles, counted here from each article's mentions.
    const fallonArticles = new Set(person.mentions.map((m) => m.path));
    const shared = new Map<string, number>();
    for (const path of fallonArticles) {
      for (const id of new Set(corpus.mentionsIn(path).map((m) => m.entityId))) {
        const type = corpus.entity(id)?.type;
        if (id !== person.id && (type === 'person' || type === 'organization')) shared.set(id, (shared.get(id) ?? 0) + 1);
      }
    }
    const links = [...line.matchAll(/\[([^\]]+)\]\((command:[^ )]+) "[^"]*"\) \((\d+)\)/g)];
    assert.ok(links.length > 0 && links.length <= 5, `expected 1 to 5 related entities: ${line}`);
    const counts = links.map((l) => Number(l[3]));
    assert.deepStrictEqual(counts, [...counts].sort((a, b) => b - a), 'most shared first');
    const best = Math.max(...shared.values());
    assert.strictEqual(counts[0], best, 'the first has the most shared articles');
    for (const [, label, uri, count] of links) {
      assert.ok(uri.startsWith(`command:${Commands.showEntityCard}?`), uri);
      const [target] = JSON.parse(decodeURIComponent(uri.slice(uri.indexOf('?') + 1))) as [{ root: string; entityId: string; path: string }];
      const entity = corpus.entity(target.entityId);
      assert.ok(entity, `no entity ${target.entityId}`);
      assert.strictEqual(unescapeMarkdown(label), entity.name);
      assert.strictEqual(Number(count), shared.get(entity.id), `${entity.name}: shared articles`);
      assert.ok(corpus.mentionsIn(target.path).some((m) => m.entityId === entity.id), `${entity.name} is not named in ${target.path}`);
    }
    assert.ok(markdown.value.includes(`command:${Commands.showTimeline}?`), 'the card has no Show timeline link');
    assert.ok(markdown.isTrusted && typeof markdown.isTrusted === 'object' && markdown.isTrusted.enabledCommands.includes(Commands.showEntityCard));

    // Following the first link puts the cursor on that person in the article it names.
    const [target] = JSON.parse(decodeURIComponent(links[0][2].slice(links[0][2].indexOf('?') + 1))) as [{ root: string; entityId: string; path: string }];
    await vscode.commands.executeCommand(Commands.showEntityCard, target);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no editor after following the link');
    assert.ok(editor.document.uri.fsPath.endsWith(target.path), editor.document.uri.fsPath);
    const at = corpus.mentionAt(target.path, editor.document.offsetAt(editor.selection.active));
    assert.strictEqual(at?.entityId, target.entityId, 'the cursor is not on the related person');
  });
});
