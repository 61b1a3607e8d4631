// The connection to one archive at a time: connects (asking the password once, when the server wants one, and
// keeping it in SecretStorage), runs the features' queries with a timeout and their cancellation token, and
// turns failures into one clear message with Retry, never into a waiting editor. A server that cannot be
// reached puts the session in the 'failed' state: features then get no answer at once until Retry succeeds.
import * as vscode from 'vscode';
import type { ArchiveReader, ArchiveReaderOptions, ArchiveSummary, ConnectionFields } from '../../archive/archiveReader';
import { ContextKeys, StateKeys } from '../ids';
import { archiveTimeoutMs, connectionLabel, passwordKey, type ArchiveConfig } from './settings';

export type ArchiveState = 'disconnected' | 'connecting' | 'connected' | 'failed';

export type OpenReader = (connection: ConnectionFields, options: ArchiveReaderOptions) => Promise<ArchiveReader>;

export type FailureKind = 'login' | 'timeout' | 'unreachable' | 'query';

class QueryTimeout extends Error {}
class NoPassword extends Error {}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', '57P01', '57P02', '57P03']);

/** What went wrong, from a node-postgres error (SQLSTATE or system code) or the session's own. */
export function failureKind(error: unknown): FailureKind {
  if (error instanceof QueryTimeout) return 'timeout';
  if (error instanceof NoPassword) return 'login';
  const code = typeof error === 'object' && error && 'code' in error ? String((error as { code: unknown }).code) : '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === '28P01' || code === '28000') return 'login';
  if (code === '57014' || /Query read timeout/i.test(message)) return 'timeout';
  if (UNREACHABLE_CODES.has(code) || code.startsWith('08') || /connect|terminated|closed|ended/i.test(message)) return 'unreachable';
  return 'query';
}

export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message || (typeof error === 'object' && error && 'code' in error ? String((error as { code: unknown }).code) : 'unknown error');
}

export interface ArchiveSessionOptions {
  secrets: vscode.SecretStorage;
  state: vscode.Memento;
  log: (line: string) => void;
  openReader?: OpenReader;
  askPassword?: (config: ArchiveConfig) => Thenable<string | undefined>;
}

function askPassword(config: ArchiveConfig): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: `Corpus Navigator: connect to ${config.name}`,
    prompt: `Password for ${connectionLabel(config)} (kept in VS Code's secret storage)`,
    password: true,
    ignoreFocusOut: true,
  });
}

export class ArchiveSession implements vscode.Disposable {
  private current: ArchiveState = 'disconnected';
  private reader: ArchiveReader | undefined;
  private connected: ArchiveConfig | undefined;
  private lastError: string | undefined;
  private counts: ArchiveSummary | undefined;
  /** One message at a time: a burst of failing hovers gives one message, not twenty. */
  private messageShown = false;
  /** Bumped on every connect and disconnect, so a connection finishing late is dropped. */
  private generation = 0;
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Any change: the state, the archive, the last error (the status bar). */
  readonly onDidChange = this.changeEmitter.event;
  private readonly stateEmitter = new vscode.EventEmitter<ArchiveState>();
  /** The state changed (what holds the archive's data drops it, or asks again). */
  readonly onDidChangeState = this.stateEmitter.event;

  constructor(private readonly options: ArchiveSessionOptions) {}

  get state(): ArchiveState {
    return this.current;
  }

  get config(): ArchiveConfig | undefined {
    return this.connected;
  }

  /** Why the session failed, or the last query that did not answer in time (the connection then stays). */
  get error(): string | undefined {
    return this.lastError;
  }

  get summary(): ArchiveSummary | undefined {
    return this.counts;
  }

  private setState(state: ArchiveState, error?: string): void {
    const changed = state !== this.current;
    this.current = state;
    this.lastError = error;
    void vscode.commands.executeCommand('setContext', ContextKeys.archiveState, state);
    if (changed) this.stateEmitter.fire(state);
    this.changeEmitter.fire();
  }

  /** Connects to `config` (closing any other archive first). True when connected. */
  async connect(config: ArchiveConfig): Promise<boolean> {
    const generation = ++this.generation;
    this.connected = config;
    this.setState('connecting');
    await this.close();
    const timeout = archiveTimeoutMs();
    let typed: string | undefined;
    let password: Promise<string> | undefined;
    // Asked once per connection attempt however many pooled connections want it.
    const passwordFor = () =>
      (password ??= (async () => {
        const stored = await this.options.secrets.get(passwordKey(config));
        if (stored !== undefined) return stored;
        typed = await (this.options.askPassword ?? askPassword)(config);
        if (typed === undefined) throw new NoPassword('no password given');
        return typed;
      })());
    try {
      // The database client is loaded on the first connection, not with the extension (most windows never connect).
      const open = this.options.openReader ?? (await import('../../archive/archiveReader')).openArchiveReader;
      const reader = await open(config, {
        statementTimeoutMs: timeout,
        queryTimeoutMs: timeout + 1000,
        connectTimeoutMs: Math.min(timeout, 10_000),
        password: passwordFor,
      });
      const summary = await reader.summary();
      if (generation !== this.generation) {
        await reader.close();
        return false;
      }
      // No await between the generation check and the new state: a disconnect cannot come in between.
      this.reader = reader;
      this.counts = summary;
      this.setState('connected');
      this.options.log(`Archive ${config.name} (${connectionLabel(config)}): connected, ${summary.articles} articles, ${summary.entities} entities.`);
      if (typed !== undefined) await this.options.secrets.store(passwordKey(config), typed);
      if (generation === this.generation) await this.options.state.update(StateKeys.connectedArchive, config.name);
      return true;
    } catch (error) {
      if (generation !== this.generation) return false;
      const kind = failureKind(error);
      // A refused password is forgotten, so Retry asks again.
      if (kind === 'login' && !(error instanceof NoPassword)) await this.options.secrets.delete(passwordKey(config));
      this.fail(kind, error);
      return false;
    }
  }

  /** Disconnects (only from the archive named `name`, when given: it may have been replaced meanwhile). */
  async disconnect(name?: string): Promise<void> {
    if (name !== undefined && this.connected?.name !== name) return;
    const generation = ++this.generation;
    await this.close();
    if (generation !== this.generation) return; // a connection started meanwhile
    this.connected = undefined;
    this.counts = undefined;
    this.setState('disconnected');
    await this.options.state.update(StateKeys.connectedArchive, undefined);
  }

  /** Reconnects after a failure (or checks a connected archive still answers). */
  async retry(): Promise<boolean> {
    if (!this.connected) return false;
    if (!this.reader) return this.connect(this.connected);
    const generation = this.generation;
    this.setState('connecting');
    try {
      const summary = await this.reader.summary();
      if (generation !== this.generation) return false;
      this.counts = summary;
      this.setState('connected');
      return true;
    } catch (error) {
      if (generation === this.generation) this.fail(failureKind(error), error);
      return false;
    }
  }

  async forgetPassword(config: ConnectionFields): Promise<void> {
    await this.options.secrets.delete(passwordKey(config));
  }

  /**
   * Runs a query on the connected archive. Undefined when not connected, cancelled, timed out or failed: the
   * failure is reported (once) and, when the server is unreachable, the session waits for Retry.
   */
  async run<T>(work: (reader: ArchiveReader) => Promise<T>, token?: vscode.CancellationToken): Promise<T | undefined> {
    const reader = this.reader;
    if (this.current !== 'connected' || !reader || token?.isCancellationRequested) return undefined;
    const generation = this.generation;
    const timeoutMs = archiveTimeoutMs();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled: vscode.Disposable | undefined;
    const cancel = new Promise<undefined>((resolve) => {
      cancelled = token?.onCancellationRequested(() => resolve(undefined));
    });
    const late = new Promise<never>((_, reject) => {
      // The server's statement_timeout and pg's query_timeout come first; this one covers a stalled connect.
      timer = setTimeout(() => reject(new QueryTimeout(`no answer within ${timeoutMs / 1000} s`)), timeoutMs + 2000);
    });
    const query = work(reader);
    query.catch(() => undefined); // still settles after a cancellation
    try {
      return await Promise.race([query, cancel, late]);
    } catch (error) {
      if (generation === this.generation && this.current === 'connected') this.fail(failureKind(error), error);
      return undefined;
    } finally {
      clearTimeout(timer);
      cancelled?.dispose();
    }
  }

  private fail(kind: FailureKind, error: unknown): void {
    const config = this.connected;
    if (!config) return;
    const detail = errorText(error);
    this.options.log(`Archive ${config.name} (${connectionLabel(config)}): ${kind}: ${detail}`);
    const what =
      kind === 'login'
        ? `could not log in to the archive “${config.name}” (${detail})`
        : kind === 'timeout'
          ? `the archive “${config.name}” did not answer in time (${detail})`
          : kind === 'unreachable'
            ? `the archive “${config.name}” cannot be reached (${detail})`
            : `a query on the archive “${config.name}” failed (${detail})`;
    // A slow or failing query leaves the connection usable; a lost server or a refused login does not.
    if (kind === 'unreachable' || kind === 'login' || !this.reader) {
      this.setState('failed', what);
    } else {
      this.lastError = what;
      this.changeEmitter.fire();
    }
    this.showFailure(`Corpus Navigator: ${what}.`);
  }

  private showFailure(message: string): void {
    if (this.messageShown) return;
    this.messageShown = true;
    const retry = 'Retry';
    const disconnect = 'Disconnect';
    void vscode.window.showErrorMessage(message, retry, disconnect).then(async (choice) => {
      this.messageShown = false;
      if (choice === retry) await this.retry();
      else if (choice === disconnect) await this.disconnect();
    });
  }

  private async close(): Promise<void> {
    const reader = this.reader;
    this.reader = undefined;
    await reader?.close().catch(() => undefined);
  }

  dispose(): void {
    this.generation++;
    void this.close();
    this.changeEmitter.dispose();
    this.stateEmitter.dispose();
  }
}
