// What a correction command acts on (the mention under the cursor, a hover link's span, a tree node, or an
// entity id given as an argument) and the prompts that ask the user the rest.
import * as vscode from 'vscode';
import type { Corpus } from '../../core/api';
import { entitiesToOffer, type CorrectionScope } from '../../core/query/corrections';
import { articleCount, plural } from '../../core/query/labels';
import type { Entity, EntityType, Mention } from '../../core/types';
import type { CorpusEntry, CorpusManager } from '../corpusManager';
import { entityAt } from './shared';

/** A command's arguments: what it acts on, and (to skip the prompts) the user's choices. */
export interface CorrectionArgs {
  /** A span in an article (hover links), or with `entityId` an entity of the corpus at `root`. */
  root?: string;
  path?: string;
  start?: number;
  end?: number;
  entityId?: string;
  /** Tree nodes: a person, a mention, or an article listed under a person. */
  entry?: CorpusEntry;
  entity?: Entity;
  mention?: Mention;
  mentions?: Mention[];
  /** Not an Entity: in every article or only the mention's. */
  scope?: CorrectionScope;
  /** Merge With: the entity id to merge into. Someone Else: an entity id, or the name of the person it is. */
  into?: string;
  /** Rename: the new name. */
  name?: string;
  /** Create corpus.yaml without asking when there is none. */
  create?: boolean;
}

export interface CorrectionTarget {
  corpus: Corpus;
  entity: Entity;
  /** The mention the command was chosen on, when it was. */
  mention?: Mention;
}

/** Merge, rename and split act on person identity: those palette commands take the person under the cursor. */
export const PEOPLE: ReadonlySet<EntityType> = new Set(['person']);

/** The entity a correction command acts on: from its arguments, else the one under the cursor (of `types`). */
export function targetOf(manager: CorpusManager, args: CorrectionArgs | undefined, types: ReadonlySet<EntityType>): CorrectionTarget | undefined {
  if (args?.entry?.corpus) {
    const corpus = args.entry.corpus;
    const mention = args.mention ?? args.mentions?.[0];
    const entity = corpus.entity(mention?.entityId ?? args.entity?.id ?? '');
    return entity ? { corpus, entity, mention } : undefined;
  }
  if (args?.root !== undefined) {
    const corpus = manager.corpora().find((c) => c.root === args.root);
    if (!corpus) return undefined;
    if (args.path !== undefined && args.start !== undefined) {
      const mention = corpus.mentionAt(args.path, args.start);
      const entity = mention && corpus.entity(mention.entityId);
      return mention && entity ? { corpus, entity, mention } : undefined;
    }
    const entity = corpus.entity(args.entityId ?? '');
    return entity ? { corpus, entity } : undefined;
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  manager.syncDocument(editor.document);
  const hit = entityAt(manager, editor.document, editor.selection.active, types);
  return hit ? { corpus: hit.ref.corpus, entity: hit.entity, mention: hit.mention } : undefined;
}

export async function pickScope(target: CorrectionTarget): Promise<CorrectionScope | undefined> {
  const text = target.mention?.text ?? target.entity.name;
  const items: (vscode.QuickPickItem & { scope: CorrectionScope })[] = [
    { label: `$(globe) In every article`, description: `"${text}" is never an entity`, scope: 'corpus' },
    { label: `$(file) Only in this article`, description: target.mention?.path, scope: 'article' },
  ];
  const choice = await vscode.window.showQuickPick(items, { title: `"${text}" is not an entity`, placeHolder: 'Where?' });
  return choice?.scope;
}

/** An entity of the target's corpus other than the target, similar names first; with `offerNew`, also "a new person". */
export async function pickEntity(target: CorrectionTarget, title: string, offerNew = false): Promise<Entity | 'new' | undefined> {
  type Item = vscode.QuickPickItem & { entity: Entity | 'new' };
  const items: Item[] = [];
  if (offerNew) items.push({ label: '$(add) Someone not listed…', description: 'type their name', entity: 'new', alwaysShow: true });
  for (const entity of entitiesToOffer(target.corpus, target.mention?.text ?? target.entity.name, target.entity.id)) {
    items.push({
      label: entity.name,
      description: `${plural(entity.mentions.length, 'mention')} in ${plural(articleCount(entity.mentions), 'article')}`,
      detail: entity.aliases.length ? `Also: ${entity.aliases.slice(0, 5).join(', ')}` : undefined,
      entity,
    });
  }
  const choice = await vscode.window.showQuickPick(items, { title, placeHolder: 'Type to filter', matchOnDetail: true });
  return choice?.entity;
}

export function pickName(prompt: string, value: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({ prompt, value, validateInput: (text) => (text.trim() ? undefined : 'A name, please') });
}
