// A corpus that reloads (corpus.yaml appeared) keeps up with what happens meanwhile: a correction applied and
// an article saved while the reload reads the folder reach the corpus the reload makes. The generated articles
// only make the reload long enough to act inside it; the hand-written one sorts first, so it is read early.
import * as assert from 'assert';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { generateCorpus, writeCorpus } from '../support/corpusGenerator';
import type { Corpus } from '../../src/core/api';
import type { CorpusEntry } from '../../src/editor/corpusManager';
import type { CorpusNavigatorApi } from '../../src/editor/extension';
import { Commands } from '../../src/editor/ids';
import type { CorrectionResult } from '../../src/editor/features/corrections';
import { eventually, extensionApi } from './_helpers';

const FIRST = '0000-greens.txt';
const TEXT = 'Greens ready\n\nThe tournament returns next year. Mr Black, the greenkeeper, said the course was ready.\n';
const ADDED = 'Ms Jane Holloway, the club secretary, said tickets had sold out.\n';

describe('a corpus reloading', function () {
  this.timeout(180_000);
  let root = '';

  before(async () => {
    root = await fsp.mkdtemp(path.join(os.tmpdir(), 'corpus-nav-reload-'));
    writeCorpus(generateCorpus(600), root);
    await fsp.writeFile(path.join(root, FIRST), TEXT);
    const api = await extensionApi();
    await api.manager.addFolder(vscode.Uri.file(root));
    await ready();
  });

  after(async () => {
    const api = await extensionApi();
    if (api.manager.entries().some((e) => e.root === root)) await api.manager.removeFolder(root);
    await fsp.rm(root, { recursive: true, force: true });
  });

  /** The corpus's entry now (`extensionApi()` would wait for the manager to be idle). */
  function entry(api: CorpusNavigatorApi): CorpusEntry {
    const found = api.manager.entries().find((e) => e.root === root);
    assert.ok(found, 'the corpus is registered');
    return found;
  }

  async function ready(): Promise<Corpus> {
    const api = await extensionApi();
    return eventually(() => entry(api).state === 'ready' && entry(api).corpus, 60_000, 'the corpus to be ready');
  }

  /** Rewrites the first article until the index reports it: the corpus's file watcher is running. */
  async function watcherRunning(): Promise<void> {
    const api = await extensionApi();
    let reported = false;
    const listener = api.manager.onDidChange((change) => (reported ||= change.entry?.root === root && !!change.paths?.includes(FIRST)));
    try {
      await eventually(async () => {
        await fsp.writeFile(path.join(root, FIRST), TEXT);
        await new Promise((resolve) => setTimeout(resolve, 200));
        return reported;
      }, 20_000, 'the file watcher to report a change');
    } finally {
      listener.dispose();
    }
  }

  it('a correction and a saved article during the reload are in the reloaded corpus', async () => {
    const start = TEXT.indexOf('Mr Black');
    assert.ok((await ready()).mentionAt(FIRST, start), 'Mr Black is a person before the correction');
    await watcherRunning();

    const api = await extensionApi();
    await fsp.writeFile(path.join(root, 'corpus.yaml'), '# corrections\n');
    await eventually(() => entry(api).state === 'loading', 20_000, 'the reload corpus.yaml causes');
    // The reload has read corpus.yaml and the first article by now; both change after it did.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.strictEqual(entry(api).state, 'loading', 'the reload is still running (the corpus loads too fast for this test)');
    await fsp.writeFile(path.join(root, FIRST), TEXT + ADDED);
    const result = await vscode.commands.executeCommand<CorrectionResult>(Commands.notAnEntity, { root, path: FIRST, start, end: start + 'Mr Black'.length, scope: 'article' });
    assert.ok(result?.applied, result?.message);

    await api.manager.whenIdle();
    assert.strictEqual((await ready()).mentionAt(FIRST, start), undefined, 'the correction made during the reload holds');
    const corpus = await eventually(async () => {
      const current = await ready();
      return current.article(FIRST)?.text.includes('Jane Holloway') && current;
    }, 10_000, 'the article saved during the reload');
    assert.ok(corpus.mentionAt(FIRST, TEXT.length + 'Ms '.length), 'the new sentence is indexed');
  });
});
