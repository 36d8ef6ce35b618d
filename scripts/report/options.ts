/**
 * Command-line options the reports share: those every report takes, and the checks of their
 * values (numbers within bounds, travel mode, scenario file, matrix file), with clear errors.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  MAX_REACH_MINUTES,
  MIN_REACH_MINUTES,
  parseScenario,
  type ReachAssumptions,
  type ScenarioEdit,
} from '../../src/domain/reach/scenario.ts';
import { TRAVEL_MODES, type TravelMode } from '../../src/domain/travel/model.ts';

/** Options of every report (`parseArgs` options); each report adds its own. */
export const COMMON_OPTIONS = {
  dataset: { type: 'string' },
  scheme: { type: 'string' },
  minutes: { type: 'string' },
  mode: { type: 'string' },
  need: { type: 'string' },
  scenario: { type: 'string' },
  matrix: { type: 'string' },
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
    throw new Error(`Scénario illisible (${file}) : ${e instanceof Error ? e.message : e}`);
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

/** An imported matrix (CSV text) for one mode. */
export function matrixOption(
  file: string | undefined,
  mode: TravelMode,
  read: (file: string) => string,
): { mode: TravelMode; name: string; text: string } | undefined {
  return file ? { mode, name: basename(file), text: read(file) } : undefined;
}
