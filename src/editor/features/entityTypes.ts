// Which entity types the editor shows (the `corpusNavigator.entities.types` setting), and how each type looks.
import * as vscode from 'vscode';
import type { Entity, EntityType } from '../../core/types';
import { entityTypeName } from '../../core/query/labels';
import { Settings, settingId } from '../ids';

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place'];

/** The codicon of each type, in hover cards, pickers, the tree and the Outline. */
export const ENTITY_ICONS: Record<EntityType, string> = { person: 'person', organization: 'organization', place: 'location' };

const isEntityType = (type: string): type is EntityType => (ENTITY_TYPES as readonly string[]).includes(type);

/** The codicon of a type as an archive stores it (a string a newer indexer may have widened). */
export function entityIconOf(type: string): string {
  return isEntityType(type) ? ENTITY_ICONS[type] : 'symbol-misc';
}

/** The symbol kind (and so the icon) of each type in Ctrl+T and the Outline. */
const SYMBOL_KINDS: Record<EntityType, vscode.SymbolKind> = {
  person: vscode.SymbolKind.Constant,
  organization: vscode.SymbolKind.Class,
  place: vscode.SymbolKind.Field,
};

/** The symbol kind of a type; a type an archive stores that this version does not know is a Variable. */
export function entitySymbolKindOf(type: string): vscode.SymbolKind {
  return isEntityType(type) ? SYMBOL_KINDS[type] : vscode.SymbolKind.Variable;
}

/** "Organisation" for a known type; an unknown one as stored. */
export function entityTypeLabel(type: string): string {
  return isEntityType(type) ? entityTypeName(type) : type;
}

/** The types the user wants shown; every type when the setting is unset, empty or unreadable. */
export function shownEntityTypes(): ReadonlySet<EntityType> {
  const value = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.entityTypes);
  const types = Array.isArray(value) ? ENTITY_TYPES.filter((t) => value.includes(t)) : [];
  return new Set(types.length > 0 ? types : ENTITY_TYPES);
}

/** True when an entity's type is shown. */
export function isShown(entity: Entity | undefined, types: ReadonlySet<EntityType> = shownEntityTypes()): entity is Entity {
  return !!entity && types.has(entity.type);
}

/** True when a configuration change touches the setting. */
export function affectsEntityTypes(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(settingId(Settings.entityTypes));
}
