/**
 * The import worker: reads a file dropped in the app in slices (FileReaderSync, so the file is
 * never held whole), parses and checks it (import-job.ts), and tells its progress, all off the
 * page's thread. The dataset it checks against is sent once and kept until the next one.
 */
/// <reference lib="webworker" />
import type { Epci } from '../domain/import/pti-territories.ts';
import type { DatasetForImport } from '../domain/import/user-import.ts';
import { runImportJob, type ImportJob } from './import-job.ts';

export type WorkerRequest =
  | { type: 'dataset'; key: number; dataset: Omit<DatasetForImport, 'epcis'> }
  | { type: 'run'; key: number; job: ImportJob; file: Blob; epcis: Epci[] };

const SLICE_BYTES = 1 << 20;

let current: { key: number; dataset: Omit<DatasetForImport, 'epcis'> } | null = null;

function* slices(file: Blob): Generator<Uint8Array> {
  const reader = new FileReaderSync();
  for (let start = 0; start < file.size; start += SLICE_BYTES)
    yield new Uint8Array(reader.readAsArrayBuffer(file.slice(start, start + SLICE_BYTES)));
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const msg = e.data;
  if (msg.type === 'dataset') {
    current = { key: msg.key, dataset: msg.dataset };
    return;
  }
  if (current?.key !== msg.key) {
    self.postMessage({ type: 'failed', message: 'jeu de données du fichier introuvable' });
    return;
  }
  const dataset = { ...current.dataset, epcis: msg.epcis };
  const outcome = runImportJob(msg.job, dataset, slices(msg.file), msg.file.size, (p) =>
    self.postMessage({ type: 'progress', progress: p }),
  );
  // The sites' chunks are Blobs: handed over as handles, not copied.
  self.postMessage(outcome);
};
