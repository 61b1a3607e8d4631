import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'corpus-navigator.corpus-navigator';

interface ContributedCommand {
  command: string;
}

function corpusExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  return extension;
}

describe('Corpus Navigator in VS Code', () => {
  before(() => {
    // The log shows which VS Code ran the suite.
    console.log(`  VS Code ${vscode.version} (${vscode.env.appName}, host: ${vscode.env.appHost})`);
  });

  it('runs inside VS Code 1.100 or later', () => {
    const [major, minor] = vscode.version.split('.').map(Number);
    assert.ok(major > 1 || (major === 1 && minor >= 100), `VS Code ${vscode.version} is older than engines.vscode`);
  });

  it('has the corpus workspace open', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1, 'expected exactly one workspace folder');
    const corpusYaml = path.join(folders[0].uri.fsPath, 'corpus.yaml');
    assert.ok(fs.existsSync(corpusYaml), `${corpusYaml} missing`);
  });

  it('loads the development copy of the extension and activates it', async () => {
    const extension = corpusExtension();
    const manifest = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, 'package.json'), 'utf8')) as { main?: string };
    assert.ok(manifest.main, 'package.json has no main');
    assert.ok(fs.existsSync(path.join(extension.extensionPath, manifest.main)), `${manifest.main} not built`);
    if (!extension.isActive) await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  it('registers every command its manifest contributes', async () => {
    const extension = corpusExtension();
    if (!extension.isActive) await extension.activate();
    const contributed = ((extension.packageJSON.contributes?.commands ?? []) as ContributedCommand[]).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((command) => !registered.has(command));
    assert.deepStrictEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
    console.log(`  ${contributed.length} contributed command(s) registered`);
  });
});
