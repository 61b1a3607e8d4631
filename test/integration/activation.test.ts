import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { Commands, ContextKeys, EXTENSION_ID, Settings, Views, settingId } from '../../src/editor/ids';

interface ContributedCommand {
  command: string;
}

/** Every value of `key` anywhere in a JSON tree (menus, keybindings and welcome views nest them). */
function valuesOf(tree: unknown, key: string): string[] {
  if (Array.isArray(tree)) return tree.flatMap((item) => valuesOf(item, key));
  if (!tree || typeof tree !== 'object') return [];
  return Object.entries(tree).flatMap(([k, v]) => (k === key && typeof v === 'string' ? [v] : valuesOf(v, key)));
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

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

  it('keeps package.json and src/editor/ids.ts in step: commands, settings, context keys', () => {
    const contributes = corpusExtension().packageJSON.contributes as Record<string, unknown> & {
      commands: ContributedCommand[];
      configuration: { properties: Record<string, unknown> };
    };
    assert.deepStrictEqual(sorted(contributes.commands.map((c) => c.command)), sorted(Object.values(Commands)));
    // Menus and keybindings may only name contributed commands.
    const named = valuesOf({ menus: contributes.menus, keybindings: contributes.keybindings }, 'command');
    assert.deepStrictEqual(named.filter((c) => !Object.values<string>(Commands).includes(c)), []);

    type SettingName = Exclude<keyof typeof Settings, 'section'>;
    const names = Object.keys(Settings).filter((name): name is SettingName => name !== 'section');
    const settingKeys = names.map((name) => settingId(Settings[name]));
    assert.deepStrictEqual(sorted(Object.keys(contributes.configuration.properties)), sorted(settingKeys));

    // Every corpusNavigator.* name in a when-clause is a context key the extension sets (or a view id).
    const known = new Set<string>([...Object.values(ContextKeys), ...Object.values(Views)]);
    const inWhen = valuesOf(contributes, 'when').flatMap((when) => when.match(/corpusNavigator\.[\w.]+/g) ?? []);
    assert.ok(inWhen.length > 0, 'no when-clause names a context key of the extension');
    assert.deepStrictEqual(sorted(inWhen.filter((name) => !known.has(name))), []);
  });
});
