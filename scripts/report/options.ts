/**
 * Command-line options the reports share: those every report takes, and the checks of their
 * values (numbers within bounds, travel mode, scenario file, matrix file), with clear errors.
 */
import { messageOf } from '../../src/domain/errors.ts';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  MAX_REACH_MINUTES,
  MIN_REACH_MINUTES,
  parseScenario,
  type ReachAssumptions,
  type ScenarioEdit,
} from '../../src/domain/reach/scenario.ts';
import {
  MATRIX_ROWS,
  MATRIX_UNITS,
  matrixReportLine,
  type MatrixRows,
  type MatrixUnit,
} from '../../src/domain/travel/matrix-csv.ts';
import { importMatrixFile, type MatrixFileInput } from '../../src/domain/travel/matrix-import.ts';
import {
  MAX_MATRIX_ACCESS_MINUTES,
  type MatrixSource,
} from '../../src/domain/travel/matrix-model.ts';
import {
  TRAVEL_MODES,
  createTravelNetwork,
  type TravelCommune,
  type TravelMode,
} from '../../src/domain/travel/model.ts';

/** Options of an imported matrix (`parseArgs` options). */
export const MATRIX_OPTIONS = {
  matrix: { type: 'string' },
  'matrix-access': { type: 'string' },
  'matrix-unit': { type: 'string' },
  'matrix-rows': { type: 'string' },
} as const;

/** The help lines of the matrix options, their descriptions from column `width`. */
export function matrixHelp(width: number): string {
  const lines: [string, string[]][] = [
    [
      '--matrix FICHIER',
      [
        'matrice origine-destination CSV du mode choisi : format long',
        "(origine, destination, temps) ou carré (codes d'origine en 1re colonne,",
        'codes de destination en en-tête) ; ses temps sont pris tels quels',
      ],
    ],
    ['--matrix-access MIN', ["temps d'accès ajouté aux temps de la matrice (défaut : 0)"]],
    ['--matrix-unit U', ['minutes | secondes (défaut : déduite du nom de colonne ou des valeurs)']],
    [
      '--matrix-rows R',
      ['format carré : les lignes sont les origines | destinations (défaut : origines)'],
    ],
  ];
  return lines
    .flatMap(([option, text]) =>
      text.map((t, i) => `  ${(i === 0 ? option : '').padEnd(width - 2)}${t}\n`),
    )
    .join('');
}

/** Options of every report (`parseArgs` options); each report adds its own. */
export const COMMON_OPTIONS = {
  dataset: { type: 'string' },
  scheme: { type: 'string' },
  minutes: { type: 'string' },
  mode: { type: 'string' },
  need: { type: 'string' },
  scenario: { type: 'string' },
  ...MATRIX_OPTIONS,
  format: { type: 'string', default: 'csv' },
  help: { type: 'boolean', default: false },
} as const;

export function formatOption(value: string): 'csv' | 'json' {
  if (value !== 'csv' && value !== 'json') throw new Error('--format : csv ou json.');
  return value;
}

/** A file named on the command line. */
export function readText(file: string): string {
  if (!existsSync(file)) throw new Error(`Fichier introuvable : ${file}`);
  return readFileSync(file, 'utf8');
}

/** A file named on the command line, as bytes (for the readers that detect the encoding). */
export function readBytes(file: string): Uint8Array {
  if (!existsSync(file)) throw new Error(`Fichier introuvable : ${file}`);
  return new Uint8Array(readFileSync(file));
}

/** A number option within bounds, or a clear error. */
export function numberOption(
  name: string,
  value: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value.replace(',', '.'));
  if (!(x >= min && x <= max)) throw new Error(`--${name} : nombre de ${min} à ${max} attendu.`);
  return x;
}

export const minutesOption = (value: string | undefined) =>
  numberOption('minutes', value, MIN_REACH_MINUTES, MAX_REACH_MINUTES);

export function modeOption(value: string | undefined): TravelMode | undefined {
  if (value === undefined) return undefined;
  if (!TRAVEL_MODES.includes(value as TravelMode)) {
    throw new Error(`--mode : ${value} (voiture ou sans-voiture).`);
  }
  return value as TravelMode;
}

/** The scenario file's edits and assumptions, checked against the dataset asked for. */
export function scenarioOption(
  file: string | undefined,
  datasetId: string | undefined,
  read: (file: string) => string,
): { datasetId: string | undefined; edits: ScenarioEdit[]; assumptions?: ReachAssumptions } {
  if (!file) return { datasetId, edits: [] };
  let json: unknown;
  try {
    json = JSON.parse(read(file));
  } catch (e) {
    throw new Error(`Scénario illisible (${file}) : ${messageOf(e)}`);
  }
  const scenario = parseScenario(json);
  if (datasetId !== undefined && scenario.datasetId !== datasetId) {
    throw new Error(
      `Le scénario porte sur le jeu « ${scenario.datasetId} », pas sur « ${datasetId} ».`,
    );
  }
  return {
    datasetId: scenario.datasetId,
    edits: scenario.edits,
    assumptions: scenario.assumptions,
  };
}

/** The matrix options as given on the command line. */
export interface MatrixArgs {
  matrix?: string;
  'matrix-access'?: string;
  'matrix-unit'?: string;
  'matrix-rows'?: string;
}

/** The matrix file and how to read it, or undefined without --matrix. */
export function matrixFileOption(
  v: MatrixArgs,
  read: (file: string) => Uint8Array | string = readBytes,
): MatrixFileInput | undefined {
  const unit = v['matrix-unit'];
  const rows = v['matrix-rows'];
  if (!v.matrix) {
    const stray = (['matrix-access', 'matrix-unit', 'matrix-rows'] as const).find(
      (k) => v[k] !== undefined,
    );
    if (stray) throw new Error(`--${stray} : sans --matrix FICHIER, rien à lire.`);
    return undefined;
  }
  if (unit !== undefined && !MATRIX_UNITS.includes(unit as MatrixUnit)) {
    throw new Error(`--matrix-unit : ${unit} (${MATRIX_UNITS.join(' ou ')}).`);
  }
  if (rows !== undefined && !MATRIX_ROWS.includes(rows as MatrixRows)) {
    throw new Error(`--matrix-rows : ${rows} (${MATRIX_ROWS.join(' ou ')}).`);
  }
  return {
    name: basename(v.matrix),
    content: read(v.matrix),
    accessMinutes:
      numberOption('matrix-access', v['matrix-access'], 0, MAX_MATRIX_ACCESS_MINUTES) ?? 0,
    unit: (unit as MatrixUnit | undefined) ?? null,
    rows: (rows as MatrixRows | undefined) ?? 'origines',
  };
}

/** An imported matrix for one mode. */
export function matrixOption(
  v: MatrixArgs,
  mode: TravelMode,
  read?: (file: string) => Uint8Array | string,
): (MatrixFileInput & { mode: TravelMode }) | undefined {
  const file = matrixFileOption(v, read);
  return file ? { ...file, mode } : undefined;
}

/**
 * A matrix file read against a dataset's communes, its report logged in one line; refused when
 * it keeps no pair.
 */
export function loadMatrix(
  file: MatrixFileInput,
  communes: readonly TravelCommune[],
  log?: (line: string) => void,
): MatrixSource {
  const { source, report } = importMatrixFile(file, createTravelNetwork(communes));
  log?.(matrixReportLine(report));
  if (!source) {
    throw new Error(
      `Aucune paire utilisable dans la matrice ${file.name} : ${matrixReportLine(report)}`,
    );
  }
  return source;
}
