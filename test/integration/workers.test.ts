// Extraction in worker threads inside VS Code: the bundled worker (dist/extractWorker.js beside dist/extension.js)
// starts in the extension host, a corpus on disk is extracted in it by default, and the index is the same as
// with `corpusNavigator.indexing.workers` set to 0 (extraction in the extension host).
import * as assert from 'assert';
import { existsSync, promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { generateCorpus, writeCorpus } from '../support/corpusGenerator';
import type { Corpus } from '../../src/core/api';
import type { CorpusNavigatorApi } from '../../src/editor/extension';
import { EXTENSION_ID, Settings, settingId } from '../../src/editor/ids';
import { eventually, extensionApi } from './_helpers';

const ARTICLES = 400;

/** Everything the index found, in a comparable form. */
function summary(corpus: Corpus): string[] {
  const people = corpus.people().map((p) => `${p.id} ${p.name} ${p.mentions.map((m) => `${m.path}:${m.start}-${m.end}`).join(',')}`);
  const quotes = corpus.quotes().map((q) => `${q.path}:${q.start}-${q.end} ${q.speaker ?? '-'}`);
  const articles = corpus.articles().map((a) => `${a.path} ${a.title} ${a.outlet ?? '-'} ${a.date ?? '-'}`);
  return [...articles, ...people, ...quotes];
}

async function indexFolder(api: CorpusNavigatorApi, root: string): Promise<Corpus> {
  await api.manager.addFolder(vscode.Uri.file(root));
  await api.manager.whenIdle();
  const entry = await eventually(() => api.manager.entries().find((e) => e.root === root && e.state !== 'loading'), 60_000, 'the corpus to load');
  assert.strictEqual(entry.state, 'ready', entry.error);
  return entry.corpus!;
}

describe('extraction in worker threads', function () {
  this.timeout(180_000);
  let folder: string | undefined;

  after(async () => {
    const api = await extensionApi();
    await vscode.workspace.getConfiguration(Settings.section).update(Settings.indexingWorkers, undefined, vscode.ConfigurationTarget.Global);
    if (folder) {
      if (api.manager.entries().some((e) => e.root === folder)) await api.manager.removeFolder(folder);
      await fsp.rm(folder, { recursive: true, force: true });
    }
  });

  it('has the worker script next to the bundled extension', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    assert.ok(existsSync(path.join(extension.extensionPath, 'dist', 'extension.js')));
    assert.ok(existsSync(path.join(extension.extensionPath, 'dist', 'extractWorker.js')), 'dist/extractWorker.js is missing');
  });

  it(`indexes a generated ${ARTICLES}-article corpus in workers by default, the same as in the extension host`, async () => {
    const api = await extensionApi();
    assert.strictEqual(vscode.workspace.getConfiguration().inspect(settingId(Settings.indexingWorkers))?.globalValue, undefined, 'the suite runs with the default');
    folder = await fsp.mkdtemp(path.join(os.tmpdir(), 'corpus-nav-workers-'));
    writeCorpus(generateCorpus(ARTICLES), folder);

    const before = api.workers.extractedFiles;
    const corpus = await indexFolder(api, folder);
    assert.strictEqual(corpus.articles().length, ARTICLES);
    assert.ok(corpus.quotes().length > ARTICLES, 'quotes found');
    assert.strictEqual(api.workers.extractedFiles - before, ARTICLES, 'every article was extracted in a worker');
    const inWorkers = summary(corpus);
    await api.manager.removeFolder(folder);

    await vscode.workspace.getConfiguration(Settings.section).update(Settings.indexingWorkers, 0, vscode.ConfigurationTarget.Global);
    const afterSetting = api.workers.extractedFiles;
    const inHost = summary(await indexFolder(api, folder));
    assert.strictEqual(api.workers.extractedFiles, afterSetting, 'with the setting at 0 no article goes to a worker');
    assert.deepStrictEqual(inWorkers, inHost);
    await api.manager.removeFolder(folder);
  });
});
