/**
 * Writes a built département: the dataset artefacts (scripts/lib/write-dataset.ts) and, next to
 * them, the files of its steps (`reports.json`, the validation report of every input, which the
 * app shows).
 */
import { writeDataset } from '../lib/write-dataset.ts';
import type { BuildResult } from './build-departement.ts';

export const writeBuild = (
  result: BuildResult,
  dataDir: string,
  tables?: ReadonlyMap<string, Uint8Array>,
): string => writeDataset(result.bundle, dataDir, result.files, tables);
