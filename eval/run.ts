// `npm run eval`: the gold scorer, then the CoNLL-2003 evaluation when eval/conll.ts exists, then the BBC speaker sample.
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
if (fs.existsSync(path.join(__dirname, 'conll.ts'))) {
  console.log('');
  const conllStatus = runTs('conll.ts', ['testb']);
  status = status || conllStatus;
} else {
  console.log('\n(CoNLL-2003: eval/conll.ts not present, skipped)');
}
console.log('');
status = runTs('bbcSpeakers.ts', []) || status;
process.exitCode = status;
