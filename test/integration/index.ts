// The extension host loads this module (--extensionTestsPath) and awaits run(): resolving ends VS Code with
// exit code 0, rejecting with 1. esbuild bundles every test/integration/*.ts beside it; mocha stays external
// and resolves from the repository's node_modules.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    // The output travels as plain text through the workbench's log (code-server) or stdout (desktop).
    color: false,
    timeout: 60_000,
    grep: process.env.CORPUS_NAV_TEST_GREP,
  });
  const testFiles = fs
    .readdirSync(__dirname)
    .filter((file) => file.endsWith('.test.js'))
    .sort();
  for (const file of testFiles) mocha.addFile(path.join(__dirname, file));

  // The first line of the suite's output; the code-server launcher starts echoing the workbench log here.
  console.log(`[integration] mocha: ${testFiles.length} test file(s) in VS Code ${vscode.version}`);

  return new Promise((resolve, reject) => {
    if (testFiles.length === 0) {
      reject(new Error(`no *.test.js files in ${__dirname}`));
      return;
    }
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (error) {
      reject(error);
    }
  });
}
