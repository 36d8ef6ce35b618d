/**
 * A matrix file to a matrix source the models use, the same way in the interface and in every
 * report: read (layout, orientation and unit detected or given), checked, and labelled with how
 * it was read and the access time the user stated.
 */
import {
  matrixReading,
  readMatrix,
  type MatrixImportReport,
  type MatrixNetwork,
  type MatrixReadOptions,
} from './matrix-csv.ts';
import { OdMatrix, checkMatrixAccess, type MatrixSource } from './matrix-model.ts';

export interface MatrixImportOptions extends MatrixReadOptions {
  /** Minutes added to every time of the matrix (the stated access time); default 0. */
  accessMinutes?: number;
}

export interface ImportedMatrix {
  /** Null when no pair could be kept. */
  source: MatrixSource | null;
  report: MatrixImportReport;
}

export function importMatrix(
  file: Uint8Array | string,
  network: MatrixNetwork & { count: number },
  name: string,
  options: MatrixImportOptions = {},
): ImportedMatrix {
  const accessMinutes = options.accessMinutes ?? 0;
  checkMatrixAccess(accessMinutes);
  const { pairs, report } = readMatrix(file, network, name, options);
  if (report.kept === 0) return { source: null, report };
  return {
    source: {
      name,
      matrix: new OdMatrix(network.count, pairs),
      accessMinutes,
      reading: matrixReading(report, false),
    },
    report,
  };
}

/** A matrix file as the reports are given it: its name, its content and how to read it. */
export interface MatrixFileInput extends MatrixImportOptions {
  name: string;
  /** The file's bytes (decoded by the common reader), or its text already decoded. */
  content: Uint8Array | string;
}

/** A matrix file read against the dataset's communes. */
export const importMatrixFile = (
  input: MatrixFileInput,
  network: MatrixNetwork & { count: number },
): ImportedMatrix => importMatrix(input.content, network, input.name, input);
