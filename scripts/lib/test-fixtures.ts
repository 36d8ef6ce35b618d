/**
 * One demo and one DuckDB holding it, per test worker: generating the demo takes about a second
 * and starting DuckDB one to four, and most test files only read them. The files that use these
 * run without module isolation (vitest.config.ts, project « shared-demo »), so the cache below
 * lives as long as the worker.
 *
 * Both are read-only: a test that changes the bundle works on a copy (`{ ...sharedDemo() }` when
 * it replaces whole fields), and a test that writes to DuckDB opens its own (loadBundle).
 */
import type { DatasetBundle } from '../../src/domain/dataset.ts';
import type { Source } from '../../src/domain/model.ts';
import { generateDemo } from '../demo/generate.ts';
import { loadBundle, type LoadedDataset } from './demo-db.ts';

let demo: DatasetBundle | null = null;
let demoDb: Promise<LoadedDataset> | null = null;

/** The demo bundle (default seed), generated once per worker. Never mutate it. */
export function sharedDemo(): DatasetBundle {
  return (demo ??= generateDemo());
}

/** The demo loaded into DuckDB, once per worker; never closed by a test (the worker ends it). */
export function sharedDemoDb(): Promise<LoadedDataset> {
  return (demoDb ??= loadBundle(sharedDemo()));
}

/** The source of a local import, as the app records it for a file given by the user. */
export function importSource(id: string): Source {
  return {
    id,
    producer: 'Import local',
    title: 'offre.csv',
    licence: 'fichier local',
    millesime: '2025',
    url: '',
    note: '',
  };
}
