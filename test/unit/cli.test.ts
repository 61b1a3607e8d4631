import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { promises as fsp, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { main, USAGE } from '../../src/cli/main';
import type { CorpusExport } from '../../src/core/types';

const projectRoot = path.join(__dirname, '..', '..');
const corpusDir = path.join(projectRoot, 'corpus');

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('cli', () => {
  let tmp: string;
  beforeEach(async () => {
    tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'cn-cli-'));
  });
  afterEach(async () => {
    await fsp.rm(tmp, { recursive: true, force: true });
  });

  it('prints help', async () => {
    const { code, stdout } = await run('--help');
    assert.strictEqual(code, 0);
    assert.match(stdout, /corpus-navigator <command> <folder>/);
    assert.match(stdout, /export/);
    assert.match(stdout, /stats/);
  });

  it('rejects wrong usage with exit 2', async () => {
    assert.strictEqual((await run()).code, 2);
    assert.strictEqual((await run('frobnicate', corpusDir)).code, 2);
    assert.strictEqual((await run('export')).code, 2);
    assert.strictEqual((await run('export', corpusDir, '--bogus')).code, 2);
  });

  it('reports a missing folder in one line with exit 1', async () => {
    const { code, stdout, stderr } = await run('export', path.join(tmp, 'missing'));
    assert.strictEqual(code, 1);
    assert.strictEqual(stdout, '');
    assert.strictEqual(stderr.trim().split('\n').length, 1);
    assert.match(stderr, /no such folder/);
  });

  it('exports the sample corpus with the metadata of corpus.yaml', async () => {
    const { code, stdout, stderr } = await run('export', corpusDir);
    assert.strictEqual(code, 0, stderr);
    const exported = JSON.parse(stdout) as CorpusExport;
    assert.strictEqual(exported.version, 2);
    const yaml = parseYaml(readFileSync(path.join(corpusDir, 'corpus.yaml'), 'utf8')) as { articles: Record<string, Record<string, unknown>> };
    assert.deepStrictEqual(exported.articles.map((a) => a.path), Object.keys(yaml.articles).sort());
    for (const article of exported.articles) {
      const expected = yaml.articles[article.path];
      assert.deepStrictEqual(Object.keys(article), ['path', 'title', 'outlet', 'credit', 'date']);
      assert.strictEqual(article.title, expected.title, article.path);
      assert.strictEqual(article.outlet, (expected.outlet as string | undefined) ?? null, article.path);
      assert.strictEqual(article.date, expected.date, article.path);
    }
    for (const person of exported.people) {
      for (const mention of person.mentions) {
        const text = readFileSync(path.join(corpusDir, mention.path), 'utf8');
        assert.strictEqual(text.slice(mention.start, mention.end), mention.text);
      }
    }
  });

  it('writes --out, reports a bad file on stderr and exports the rest', async () => {
    await fsp.writeFile(path.join(tmp, 'good.txt'), 'Good headline\n\n14 November 2016\n\nText.\n');
    await fsp.writeFile(path.join(tmp, 'bad.txt'), new Uint8Array([1, 0, 2, 0]));
    const out = path.join(tmp, 'out', '..', 'export.json');
    const { code, stdout, stderr } = await run('export', tmp, '--out', out);
    assert.strictEqual(code, 0);
    assert.strictEqual(stdout, '');
    assert.match(stderr, /bad\.txt: binary/);
    const exported = JSON.parse(readFileSync(out, 'utf8')) as CorpusExport;
    assert.deepStrictEqual(exported.articles, [{ path: 'good.txt', title: 'Good headline', outlet: null, credit: null, date: '2016-11-14' }]);
  });

  it('prints stats with counts and articles per outlet', async () => {
    const { code, stdout } = await run('stats', corpusDir);
    assert.strictEqual(code, 0);
    assert.match(stdout, /^Articles: 5$/m);
    assert.match(stdout, /Top people:/);
    assert.match(stdout, /^ {2}The Independent +2 articles/m);
  });

  it('exports and counts who a story is credited to, apart from its outlet', async () => {
    await fsp.writeFile(path.join(tmp, 'wire.txt'), 'Harbour plan approved\n\nBy Greta Holm, The Associated Press\n\n"We will build it," the mayor said.\n');
    await fsp.writeFile(path.join(tmp, 'local.txt'), 'Council meets\n\nThe council met on Monday.\n');
    const out = path.join(tmp, 'export.json');
    assert.strictEqual((await run('export', tmp, '--out', out)).code, 0);
    const exported = JSON.parse(readFileSync(out, 'utf8')) as CorpusExport;
    assert.deepStrictEqual(
      exported.articles.map((article) => [article.path, article.credit]),
      [['local.txt', null], ['wire.txt', 'The Associated Press']],
    );
    const { stdout } = await run('stats', tmp);
    assert.match(stdout, /^Articles per credit:\n {2}The Associated Press +1 articles +1 quotes$/m);
    const { stdout: sample } = await run('stats', corpusDir);
    assert.doesNotMatch(sample, /Articles per credit/);
  });

  it('runs as an executable and exits non-zero on a missing folder', function () {
    this.timeout(20000);
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src', 'cli', 'cli.ts'), 'stats', path.join(tmp, 'missing')], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    assert.strictEqual(result.status, 1);
    assert.match(result.stderr, /^corpus-navigator: no such folder: .*\n$/);
  });

  it('documents --workers and takes only a whole number', async () => {
    assert.match(USAGE, /--workers N +extract articles in N worker threads \(default: one fewer than the cores, at least 1,\s+here \d+\); 0 extracts/);
    for (const bad of ['-1', '1.5', 'x', '']) {
      const { code, stderr } = await run('export', corpusDir, '--workers', bad);
      assert.strictEqual(code, 2, bad);
      assert.match(stderr, /--workers needs a whole number/);
    }
  });

  it('exports the same with and without --workers', async () => {
    const inThread = await run('export', corpusDir, '--workers', '0');
    assert.strictEqual(inThread.code, 0);
    for (const workers of ['1', '2']) assert.deepStrictEqual(await run('export', corpusDir, '--workers', workers), inThread);
  });
});
