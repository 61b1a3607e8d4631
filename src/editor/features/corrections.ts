// Corrections from the editor: Not an Entity, Merge With…, This Mention Is Someone Else, Rename. Each is
// written into the corpus' corpus.yaml (never into an article; the user is asked before the file is created),
// applied to the index at once (it re-resolves identities, it does not re-extract) and undoable: the
// notification's Undo button, Undo Last Correction, or Ctrl+Z in corpus.yaml. Every command takes its
// choices as arguments too (scope, into, name, create), which the tests use instead of the prompts.
import * as path from 'path';
import * as vscode from 'vscode';
import { applyCorrection, revertCorrection, type Correction } from '../../core/extract/corpusYamlEdit';
import { CORPUS_CONFIG_FILE } from '../../core/extract/loader';
import { describeCorrection, identityNameOf, notEntityCorrection, splitCorrection, type CorrectionScope } from '../../core/query/corrections';
import type { CorpusManager } from '../corpusManager';
import { Commands } from '../ids';
import { readConfigText, writeConfigText } from './correctionsFile';
import type { EntityType } from '../../core/types';
import { PEOPLE, pickEntity, pickName, pickScope, targetOf, type CorrectionArgs, type CorrectionTarget } from './correctionsPick';
import { ENTITY_TYPES } from './entityTypes';

const ANY_TYPE: ReadonlySet<EntityType> = new Set(ENTITY_TYPES);

/** A correction written, with what undoing it needs. */
interface AppliedCorrection {
  /** The corpus root: a reload (corpus.yaml created) replaces the corpus object. */
  root: string;
  uri: vscode.Uri;
  correction: Correction;
  /** corpus.yaml before (null: there was none) and after the edit. */
  before: string | null;
  after: string;
  /** The value a merge or rename replaced. */
  previous: string | null;
}

/** What a correction command did, for its caller (the tests). */
export interface CorrectionResult {
  applied: boolean;
  message: string;
}

const OPEN_CONFIG = 'Open corpus.yaml';
const UNDO = 'Undo';

export class CorrectionService {
  private readonly applied: AppliedCorrection[] = [];

  constructor(private readonly manager: CorpusManager) {}

  async notAnEntity(args?: CorrectionArgs): Promise<CorrectionResult> {
    const target = await this.target(args, ANY_TYPE);
    if (!target) return nothing('No entity here to correct.');
    const scope = args?.scope ?? (target.mention ? await pickScope(target) : 'corpus');
    if (!scope) return nothing('Cancelled.');
    return this.apply(target, notEntityCorrection(target, scope as CorrectionScope), args);
  }

  async mergeWith(args?: CorrectionArgs): Promise<CorrectionResult> {
    const target = await this.target(args);
    if (!target) return nothing('No entity here to correct.');
    const chosen = args?.into === undefined ? await pickEntity(target, `Merge ${target.entity.name} with…`) : undefined;
    const into = args?.into ?? (chosen && chosen !== 'new' ? chosen.id : undefined);
    if (!into) return nothing('Cancelled.');
    if (into === target.entity.id || !target.corpus.entity(into)) return nothing(`No other entity "${into}" to merge with.`);
    return this.apply(target, { kind: 'merge', from: target.entity.id, into }, args);
  }

  async splitMention(args?: CorrectionArgs): Promise<CorrectionResult> {
    const target = await this.target(args);
    if (!target?.mention) return nothing('No mention here to correct.');
    let name = args?.into;
    if (name === undefined) {
      const chosen = await pickEntity(target, `Who is "${target.mention.text}" in this article?`, true);
      if (chosen === undefined) return nothing('Cancelled.');
      name = chosen === 'new' ? await pickName(`Who is "${target.mention.text}" in this article? (its full name if you know it)`, target.mention.text) : identityNameOf(target.corpus, chosen);
    } else {
      const entity = target.corpus.entity(name);
      if (entity) name = identityNameOf(target.corpus, entity);
    }
    if (!name?.trim()) return nothing('Cancelled.');
    return this.apply(target, splitCorrection(target.mention, name), args);
  }

  async rename(args?: CorrectionArgs): Promise<CorrectionResult> {
    const target = await this.target(args);
    if (!target) return nothing('No entity here to correct.');
    const name = args?.name ?? (await pickName(`Rename ${target.entity.name} to…`, target.entity.name));
    if (!name?.trim() || name.trim() === target.entity.name) return nothing('Cancelled.');
    return this.apply(target, { kind: 'rename', id: target.entity.id, name: name.trim() }, args);
  }

  /** Takes back the last correction still recorded: the exact earlier text when corpus.yaml has not changed since. */
  async undoLast(): Promise<CorrectionResult> {
    const last = this.applied.pop();
    if (!last) return nothing('No correction to undo.');
    const current = await readConfigText(last.uri);
    let text: string | null;
    if (current === last.after) text = last.before;
    else {
      const reverted = revertCorrection(current ?? '', last.correction, last.previous);
      if (!reverted.ok) return this.fail(reverted.reason);
      text = reverted.text;
    }
    if (!(await writeConfigText(last.uri, text))) return this.fail('VS Code did not apply the edit to corpus.yaml.');
    await this.manager.applyConfigText(last.root, text);
    const message = 'Correction undone.';
    void vscode.window.showInformationMessage(message);
    return { applied: true, message };
  }

  /** The target of a correction; merge, split and rename take people only (`types`). */
  private async target(args: CorrectionArgs | undefined, types: ReadonlySet<EntityType> = PEOPLE): Promise<CorrectionTarget | undefined> {
    await this.manager.whenReady();
    const target = targetOf(this.manager, args, types);
    if (target && !types.has(target.entity.type)) {
      void vscode.window.showInformationMessage(
        `${target.entity.name} is ${target.entity.type === 'place' ? 'a place' : 'an organisation'}: merge and rename it with a typed alias in corpus.yaml ("${target.entity.type}:Name": [variants]).`,
      );
      return undefined;
    }
    return target;
  }

  private async apply(target: CorrectionTarget, correction: Correction, args?: CorrectionArgs): Promise<CorrectionResult> {
    const { corpus } = target;
    const uri = vscode.Uri.file(path.join(corpus.root, CORPUS_CONFIG_FILE));
    const before = await readConfigText(uri);
    if (before === null && !(args?.create ?? (await confirmCreate(uri)))) return nothing('Cancelled: corpus.yaml not created.');
    const edit = applyCorrection(before ?? '', correction);
    if (!edit.ok) return this.fail(edit.reason);
    const message = describeCorrection(correction, (id) => corpus.entity(id)?.name ?? id);
    if (!edit.changed) {
      void vscode.window.showInformationMessage(`Already in corpus.yaml: ${message}`);
      return { applied: false, message };
    }
    if (!(await writeConfigText(uri, edit.text))) return this.fail('VS Code did not apply the edit to corpus.yaml.');
    await this.manager.applyConfigText(corpus.root, edit.text);
    this.applied.push({ root: corpus.root, uri, correction, before, after: edit.text, previous: edit.previous });
    void vscode.window.showInformationMessage(message, UNDO, OPEN_CONFIG).then(async (choice) => {
      if (choice === UNDO) await vscode.commands.executeCommand(Commands.undoCorrection);
      else if (choice === OPEN_CONFIG) await vscode.window.showTextDocument(uri);
    });
    return { applied: true, message };
  }

  private fail(reason: string): CorrectionResult {
    void vscode.window.showErrorMessage(`Corpus Navigator: ${reason}`);
    return { applied: false, message: reason };
  }
}

function nothing(message: string): CorrectionResult {
  return { applied: false, message };
}

async function confirmCreate(uri: vscode.Uri): Promise<boolean> {
  const create = 'Create corpus.yaml';
  const choice = await vscode.window.showInformationMessage(
    `Corrections are saved in corpus.yaml at ${path.dirname(uri.fsPath)}. Create it?`,
    { modal: true, detail: 'Your articles are never changed.' },
    create,
  );
  return choice === create;
}

export function register(context: vscode.ExtensionContext, manager: CorpusManager): CorrectionService {
  const service = new CorrectionService(manager);
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.notAnEntity, (args?: CorrectionArgs) => service.notAnEntity(args)),
    vscode.commands.registerCommand(Commands.mergeWith, (args?: CorrectionArgs) => service.mergeWith(args)),
    vscode.commands.registerCommand(Commands.splitMention, (args?: CorrectionArgs) => service.splitMention(args)),
    vscode.commands.registerCommand(Commands.renameEntity, (args?: CorrectionArgs) => service.rename(args)),
    vscode.commands.registerCommand(Commands.undoCorrection, () => service.undoLast()),
  );
  return service;
}
