/**
 * What the coverage and mobility reports read from a dataset loaded in DuckDB, as the interface
 * reads it: communes, sites, beneficiaries by commune (or, in a published dataset, by territory),
 * the territories of the scheme, the survey shares; and the options they share (scenario, matrix).
 */
import { basename } from 'node:path';
import type { Db } from '../../src/data/db.ts';
import { listCommunes } from '../../src/data/queries/communes.ts';
import { listBarriers } from '../../src/data/queries/gaps.ts';
import { communeNeeds, schemeTerritories } from '../../src/data/queries/reach.ts';
import { DEPARTEMENT_SCHEME_ID } from '../../src/data/queries/schema.ts';
import { listSites } from '../../src/data/queries/sites.ts';
import { territoryAggregates } from '../../src/data/queries/territories.ts';
import type { MobilityReportInput } from '../../src/domain/gaps/reports.ts';
import { barrierSchemeId } from '../../src/domain/gaps/mobility.ts';
import { ACCUEIL_KINDS, COMMUNE_SCHEME_ID, type DatasetMeta } from '../../src/domain/model.ts';
import {
  MAX_REACH_MINUTES,
  MIN_REACH_MINUTES,
  defaultAssumptions,
  parseScenario,
  type ScenarioEdit,
} from '../../src/domain/reach/scenario.ts';
import { parseMatrixCsv } from '../../src/domain/travel/matrix-csv.ts';
import { OdMatrix } from '../../src/domain/travel/matrix-model.ts';
import { TRAVEL_MODES, type TravelMode } from '../../src/domain/travel/model.ts';
import { TRANSPORT_QUESTION } from '../../src/domain/survey-pas-de-calais.ts';

export interface GapsLoadOptions {
  schemeId: string;
  /** Need indicator; null for the dataset's default. */
  needId: string | null;
  edits?: ScenarioEdit[];
  /** Travel model parameters of a scenario, if any. */
  travel?: Pick<ReturnType<typeof defaultAssumptions>, 'car' | 'noCar'>;
  /** An imported matrix (CSV text) for one mode. */
  matrix?: { mode: TravelMode; name: string; text: string };
  log?: (line: string) => void;
}

/** Every input of both reports; the coverage report ignores the survey fields. */
export async function loadGapsInput(
  db: Db,
  meta: DatasetMeta,
  o: GapsLoadOptions,
): Promise<MobilityReportInput> {
  const needId = o.needId ?? meta.defaultNeed;
  const indicator = meta.needIndicators.find((n) => n.id === needId);
  if (!indicator) {
    throw new Error(
      `Indicateur de besoin inconnu : ${needId} (disponibles : ${meta.needIndicators.map((n) => n.id).join(', ')}).`,
    );
  }
  const schemes = [
    ...meta.schemes.map((s) => [s.id, s.label] as const),
    [COMMUNE_SCHEME_ID, 'Communes'] as const,
    [DEPARTEMENT_SCHEME_ID, 'Département'] as const,
  ];
  const scheme = schemes.find(([id]) => id === o.schemeId);
  if (!scheme) {
    throw new Error(
      `Découpage inconnu : ${o.schemeId} (disponibles : ${schemes.map(([id]) => id).join(', ')}).`,
    );
  }
  const [communes, sites, needs, territories, barriers] = await Promise.all([
    listCommunes(db),
    listSites(db),
    communeNeeds(db, needId),
    schemeTerritories(db, o.schemeId),
    listBarriers(db, TRANSPORT_QUESTION),
  ]);
  const schemeOrder = meta.schemes.map((s) => s.id);
  const surveyScheme = barrierSchemeId(barriers, schemeOrder);
  const barrierTerritoryOf = surveyScheme
    ? (await schemeTerritories(db, surveyScheme)).territoryOf
    : new Map<string, string>();
  // A published dataset has no need by commune: only the published territory figures.
  const published = Boolean(meta.tables.published_needs);
  let publishedNeed: MobilityReportInput['publishedNeed'];
  if (published) {
    const params = { needId, accueilKinds: ACCUEIL_KINDS };
    const [rows, [dep]] = await Promise.all([
      territoryAggregates(db, { ...params, schemeId: o.schemeId }),
      territoryAggregates(db, { ...params, schemeId: DEPARTEMENT_SCHEME_ID }),
    ]);
    publishedNeed = {
      byTerritory: new Map(rows.map((r) => [r.code, r.need])),
      total: dep?.need ?? null,
    };
  }
  const defaults = defaultAssumptions();
  const matrices: MobilityReportInput['matrices'] = {};
  if (o.matrix) {
    const index = new Map(communes.map((c, i) => [c.code, i]));
    const { pairs, report } = parseMatrixCsv(o.matrix.text, index, o.matrix.name);
    o.log?.(
      `Matrice ${o.matrix.name} : ${report.rowsRead} lignes lues, ${report.kept} gardées, ${report.rejectedCount} rejetées`,
    );
    matrices[o.matrix.mode] = {
      name: o.matrix.name,
      matrix: new OdMatrix(communes.length, pairs),
    };
  }
  return {
    datasetId: meta.id,
    departement: { code: meta.departement.code, name: 'Ensemble du département' },
    communes,
    sites,
    needByCommune: published ? null : needs,
    publishedNeed,
    needLabel: indicator.label,
    needUnit: indicator.unit,
    scheme: { id: o.schemeId, label: scheme[1], ...territories },
    car: o.travel?.car ?? defaults.car,
    noCar: o.travel?.noCar ?? defaults.noCar,
    matrices,
    edits: o.edits ?? [],
    barriers,
    schemeOrder,
    barrierTerritoryOf,
  };
}

/** The default scheme of a report: the first of `preferred` the dataset has, else its first. */
export function defaultScheme(meta: DatasetMeta, preferred: readonly string[]): string {
  return (
    preferred.find((id) => meta.schemes.some((s) => s.id === id)) ??
    meta.schemes[0]?.id ??
    COMMUNE_SCHEME_ID
  );
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

/** The scenario file's edits and travel parameters, checked against the dataset asked for. */
export function scenarioOption(
  file: string | undefined,
  datasetId: string | undefined,
  readText: (file: string) => string,
): { datasetId: string | undefined; edits: ScenarioEdit[]; travel?: GapsLoadOptions['travel'] } {
  if (!file) return { datasetId, edits: [] };
  let json: unknown;
  try {
    json = JSON.parse(readText(file));
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
    travel: { car: scenario.assumptions.car, noCar: scenario.assumptions.noCar },
  };
}

export function matrixOption(
  file: string | undefined,
  mode: TravelMode,
  readText: (file: string) => string,
): GapsLoadOptions['matrix'] {
  return file ? { mode, name: basename(file), text: readText(file) } : undefined;
}

/** Rounds a figure for CSV (people can be fractions of a household once shares apply). */
export const round = (v: number | null, d = 2) =>
  v === null ? null : Math.round(v * 10 ** d) / 10 ** d;
