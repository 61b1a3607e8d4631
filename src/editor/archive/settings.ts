// The archives the user lists in `corpusNavigator.archives` (name and connection, never a password) and the
// query timeout. Passwords live in VS Code's SecretStorage under a key naming the connection.
import * as vscode from 'vscode';
import type { ConnectionFields } from '../../archive/archiveReader';
import { Settings, settingId } from '../ids';

export interface ArchiveConfig extends ConnectionFields {
  name: string;
  /** A folder on this machine holding the archive's articles (absolute, or relative to the workspace folder). */
  folder?: string;
  /** Connect when the window opens. */
  connectOnStartup: boolean;
}

const DEFAULT_PORT = 5432;
const DEFAULT_TIMEOUT_SECONDS = 10;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** The valid entries of the setting; an entry without a name or a database is skipped. */
export function readArchives(): ArchiveConfig[] {
  const value = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.archives);
  if (!Array.isArray(value)) return [];
  const archives: ArchiveConfig[] = [];
  for (const entry of value as Record<string, unknown>[]) {
    if (!entry || typeof entry !== 'object') continue;
    const name = text(entry.name);
    const database = text(entry.database);
    if (!name || !database) continue;
    const port = Number(entry.port ?? DEFAULT_PORT);
    archives.push({
      name,
      database,
      host: text(entry.host) ?? 'localhost',
      port: Number.isInteger(port) && port > 0 && port < 65536 ? port : DEFAULT_PORT,
      user: text(entry.user) ?? 'postgres',
      folder: text(entry.folder),
      connectOnStartup: entry.connectOnStartup === true,
    });
  }
  return archives;
}

/** How long an archive query may take before the editor gives up on it, in ms. */
export function archiveTimeoutMs(): number {
  const seconds = vscode.workspace.getConfiguration(Settings.section).get<number>(Settings.archiveTimeoutSeconds, DEFAULT_TIMEOUT_SECONDS);
  return Math.max(1, Math.min(300, Number(seconds) || DEFAULT_TIMEOUT_SECONDS)) * 1000;
}

export function affectsArchives(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(settingId(Settings.archives)) || e.affectsConfiguration(settingId(Settings.archiveTimeoutSeconds));
}

/** `user@host:port/database`: how messages name a connection, and the password's key in SecretStorage. */
export function connectionLabel(config: ConnectionFields): string {
  return `${config.user}@${config.host}:${config.port}/${config.database}`;
}

export function passwordKey(config: ConnectionFields): string {
  return `corpusNavigator.archivePassword:${connectionLabel(config)}`;
}
