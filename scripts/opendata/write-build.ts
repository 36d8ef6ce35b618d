/**
 * Writes a built département: the dataset artefacts (scripts/lib/write-dataset.ts) and, next to
 * them, `reports.json`, the validation report of every input, which the app shows.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDataset } from '../lib/write-dataset.ts';
import type { BuildResult } from './build-departement.ts';

export function writeBuild(result: BuildResult, dataDir: string): string {
  const dir = writeDataset(result.bundle, dataDir);
  writeFileSync(join(dir, 'reports.json'), JSON.stringify(result.reports) + '\n');
  return dir;
}
