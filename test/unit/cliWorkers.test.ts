// The CLI's --workers option: validated, documented, and the export the same with or without workers.
import * as assert from 'assert';
import * as path from 'path';
import { main, USAGE } from '../../src/cli/main';

const corpusDir = path.join(__dirname, '..', '..', 'corpus');

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('cli --workers', () => {
  it('is documented', () => {
    assert.match(USAGE, /--workers N +extract articles in N worker threads \(default: one per core\); 0 extracts/);
  });

  it('takes a whole number of workers', async () => {
    for (const bad of ['-1', '1.5', 'x', '']) {
      const { code, stderr } = await run('export', corpusDir, '--workers', bad);
      assert.strictEqual(code, 2, bad);
      assert.match(stderr, /--workers needs a whole number/);
    }
  });

  it('exports the same corpus with and without workers', async () => {
    const inThread = await run('export', corpusDir, '--workers', '0');
    assert.strictEqual(inThread.code, 0);
    for (const workers of ['1', '2']) assert.deepStrictEqual(await run('export', corpusDir, '--workers', workers), inThread);
  });
});
