// `npm run eval`: the gold scorer, then the CoNLL-2003 evaluation of the whole pipeline per type (PER, ORG,
// LOC on testa and testb) when the data is there, then the hand-judged BBC speaker sample when that corpus is there.
// Arguments (e.g. `npm run eval -- --verbose`) go to the scorer. Exits with the first non-zero status.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const tsxCli = require.resolve('tsx/cli');

function runTs(script: string, args: string[]): number {
  const result = spawnSync(process.execPath, [tsxCli, path.join(__dirname, script), ...args], { stdio: 'inherit' });
  return result.status ?? 1;
}

let status = runTs('score.ts', process.argv.slice(2));
const conllDirectory = process.env.CONLL2003_DIR ?? path.join(__dirname, '..', '..', 'shared', 'data', 'conll2003');
if (fs.existsSync(path.join(conllDirectory, 'eng.testb'))) {
  console.log('');
  const conllStatus = runTs('conllPipeline.ts', ['testa', 'testb']);
  status = status || conllStatus;
} else {
  console.log(`\n(CoNLL-2003: no eng.testb in ${conllDirectory}, skipped)`);
}
console.log('');
status = runTs('realNews.ts', []) || status;
status = runTs('bbcSpeakers.ts', []) || status;
process.exitCode = status;
