/**
 * Runs the app's imports in a worker (import.worker.ts), so that reading and checking a large
 * file never blocks the page; tells the progress and can cancel (the worker is then stopped and
 * a fresh one serves the next import). Where workers are not available (Node, the unit tests)
 * the same job runs inline.
 */
import type { Epci } from '../domain/import/pti-territories.ts';
import type { DatasetForImport } from '../domain/import/user-import.ts';
import {
  runImportJob,
  type ImportJob,
  type ImportOutcome,
  type ImportProgress,
} from './import-job.ts';
import type { WorkerRequest } from './import.worker.ts';

export type RunOutcome = ImportOutcome | { type: 'cancelled' };

type Reply = ImportOutcome | { type: 'progress'; progress: ImportProgress };

export class ImportRunner {
  #worker: Worker | null = null;
  /** The dataset the worker holds, by identity, and its key. */
  #sent: { dataset: object; key: number } | null = null;
  #keys = 0;
  #settle: ((o: RunOutcome) => void) | null = null;

  /**
   * Runs a job. `dataset` is sent to the worker only when it is another object than the last
   * one sent (its polygons weigh megabytes); pass the same object for the same dataset.
   */
  run(
    job: ImportJob,
    file: Blob,
    dataset: Omit<DatasetForImport, 'epcis'>,
    epcis: Epci[],
    onProgress: (p: ImportProgress) => void,
  ): Promise<RunOutcome> {
    if (typeof Worker === 'undefined') return this.#inline(job, file, { ...dataset, epcis });
    const { worker, key } = this.prepare(dataset)!;
    return new Promise<RunOutcome>((resolve) => {
      this.#settle = resolve;
      worker.onmessage = (e: MessageEvent<Reply>) => {
        if (e.data.type === 'progress') onProgress(e.data.progress);
        else this.#finish(e.data);
      };
      worker.onerror = (e) => {
        e.preventDefault();
        this.#stop();
        this.#finish({ type: 'failed', message: e.message || 'erreur du lecteur de fichiers' });
      };
      this.#post(worker, { type: 'run', key, job, file, epcis });
    });
  }

  /**
   * Starts the worker and hands it the dataset, if not done yet: called when the import tools
   * open, so that the first import does not pay for it. Null where workers are not available.
   */
  prepare(dataset: Omit<DatasetForImport, 'epcis'>): { worker: Worker; key: number } | null {
    if (typeof Worker === 'undefined') return null;
    const worker = this.#ensureWorker();
    if (this.#sent?.dataset !== dataset) {
      this.#sent = { dataset, key: ++this.#keys };
      this.#post(worker, { type: 'dataset', key: this.#sent.key, dataset });
    }
    return { worker, key: this.#sent.key };
  }

  /** Stops the import under way: nothing of it is kept. */
  cancel(): void {
    if (!this.#settle) return;
    this.#stop();
    this.#finish({ type: 'cancelled' });
  }

  #finish(outcome: RunOutcome): void {
    const settle = this.#settle;
    this.#settle = null;
    settle?.(outcome);
  }

  #stop(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#sent = null;
  }

  #ensureWorker(): Worker {
    this.#worker ??= new Worker(new URL('./import.worker.ts', import.meta.url), {
      type: 'module',
    });
    return this.#worker;
  }

  #post(worker: Worker, msg: WorkerRequest): void {
    worker.postMessage(msg);
  }

  async #inline(job: ImportJob, file: Blob, dataset: DatasetForImport): Promise<RunOutcome> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return runImportJob(job, dataset, [bytes], bytes.length);
  }
}
