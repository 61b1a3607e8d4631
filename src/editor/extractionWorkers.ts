// The extension host's worker threads for article extraction: one shared WorkerExtractor, sized by the
// `indexing.workers` setting, which is read again at every corpus load (a change applies from the next load).
import { availableParallelism } from 'os';
import * as vscode from 'vscode';
import { defaultWorkerCount, WorkerExtractor } from '../core/index/workers/workerExtractor';
import { Settings } from './ids';

/** Worker threads for a setting value: 0 extracts in the extension host; more workers than cores never help. */
export function workerCount(setting: unknown, cores = availableParallelism()): number {
  if (typeof setting !== 'number' || !Number.isFinite(setting) || setting < 0) return defaultWorkerCount(cores);
  return Math.min(Math.floor(setting), cores);
}

export class ExtractionWorkers implements vscode.Disposable {
  private current: WorkerExtractor | undefined;
  /** Replaced after a setting change: their idle workers stop by themselves, they are closed on dispose. */
  private readonly retired: WorkerExtractor[] = [];
  private disposed = false;

  /** The extractor for a load starting now, or undefined to extract in the extension host. */
  forLoad(): WorkerExtractor | undefined {
    if (this.disposed) return undefined;
    const workers = workerCount(vscode.workspace.getConfiguration(Settings.section).get(Settings.indexingWorkers));
    if (this.current?.workers === workers) return this.current;
    if (this.current) this.retired.push(this.current);
    this.current = workers > 0 ? new WorkerExtractor({ workers }) : undefined;
    return this.current;
  }

  /** Files extracted in worker threads since activation (the integration tests check that workers ran). */
  get extractedFiles(): number {
    return [...this.retired, ...(this.current ? [this.current] : [])].reduce((sum, extractor) => sum + extractor.extractedFiles, 0);
  }

  /** Stops every worker (the loads still running fall back to problems for their remaining files). */
  close(): Promise<void> {
    this.disposed = true;
    const all = [...this.retired.splice(0), ...(this.current ? [this.current] : [])];
    this.current = undefined;
    return Promise.all(all.map((extractor) => extractor.close())).then(() => undefined);
  }

  dispose(): void {
    void this.close();
  }
}
