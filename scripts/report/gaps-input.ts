/**
 * What the coverage and mobility reports read from a dataset loaded in DuckDB, as the interface
 * reads it: communes, sites, beneficiaries by commune (or, in a published dataset, by territory),
 * the territories of the scheme, the survey shares; and the options that choose them.
 */
import { loadNeedInputs, loadPublishedNeed, schemeChoices } from '../../src/data/inputs.ts';
import { networkTimesFromDb } from '../../src/data/queries/network-times.ts';
import type { Db } from '../../src/data/db.ts';
import { listCommunes } from '../../src/data/queries/communes.ts';
import { listBarriers } from '../../src/data/queries/gaps.ts';
import { schemeTerritories } from '../../src/data/queries/reach.ts';
import { listSites } from '../../src/data/queries/sites.ts';
import type { MobilityReportInput } from '../../src/domain/gaps/reports.ts';
import { barrierSchemeId } from '../../src/domain/gaps/mobility.ts';
import {
  effectiveBarriers,
  surveySchemeId,
  type BarrierEdits,
} from '../../src/domain/gaps/barrier-edits.ts';
import { COMMUNE_SCHEME_ID, type DatasetMeta } from '../../src/domain/model.ts';
import { defaultAssumptions, type ScenarioEdit } from '../../src/domain/reach/scenario.ts';
import type { MatrixFileInput } from '../../src/domain/travel/matrix-import.ts';
import type { TravelMode } from '../../src/domain/travel/model.ts';
import { TRANSPORT_QUESTION } from '../../src/domain/survey-pas-de-calais.ts';
import { needIndicator } from './common.ts';
import { loadMatrix, matrixOption, scenarioOption, type MatrixArgs } from './options.ts';

/** The source of the need indicator, as the assumptions name it. */
function needSourceOf(meta: DatasetMeta, id: string) {
  const s = meta.sources.find((x) => x.id === id);
  return s ? { id, label: `${s.producer}, ${s.title}`, millesime: s.millesime } : undefined;
}

export interface GapsLoadOptions {
  schemeId: string;
  /** Need indicator; null for the dataset's default. */
  needId: string | null;
  edits?: ScenarioEdit[];
  /** Travel model parameters of a scenario, if any. */
  travel?: Pick<ReturnType<typeof defaultAssumptions>, 'car' | 'noCar'>;
  /** An imported matrix file for one mode. */
  matrix?: MatrixFileInput & { mode: TravelMode };
  /** Survey rows chosen and shares entered by territory (a scenario's), if any. */
  barrierEdits?: BarrierEdits | null;
  log?: (line: string) => void;
}

/** Every input of both reports; the coverage report ignores the survey fields. */
export async function loadGapsInput(
  db: Db,
  meta: DatasetMeta,
  o: GapsLoadOptions,
): Promise<MobilityReportInput> {
  const needId = o.needId ?? meta.defaultNeed;
  const indicator = needIndicator(meta, needId);
  const schemes = schemeChoices(meta);
  const scheme = schemes.find(([id]) => id === o.schemeId);
  if (!scheme) {
    throw new Error(
      `Découpage inconnu : ${o.schemeId} (disponibles : ${schemes.map(([id]) => id).join(', ')}).`,
    );
  }
  const [communes, sites, needs, territories, datasetBarriers] = await Promise.all([
    listCommunes(db),
    listSites(db),
    loadNeedInputs(db, meta, needId),
    schemeTerritories(db, o.schemeId),
    listBarriers(db, TRANSPORT_QUESTION),
  ]);
  const schemeOrder = meta.schemes.map((s) => s.id);
  // The survey rows as the app applies them: the Pas-de-Calais rows on its own territories, and
  // the rows chosen or shares entered by the user (a scenario's).
  const edits = o.barrierEdits ?? null;
  const surveyId = surveySchemeId(schemeOrder, edits);
  const survey = surveyId ? await schemeTerritories(db, surveyId) : null;
  const { barriers } = effectiveBarriers(
    datasetBarriers,
    meta.departement.code,
    surveyId && survey
      ? { id: surveyId, territories: [...survey.names].map(([code, name]) => ({ code, name })) }
      : null,
    edits,
    new Date().getFullYear(),
  );
  const profileOrder = [...(surveyId ? [surveyId] : []), ...schemeOrder];
  const surveyScheme = barrierSchemeId(barriers, profileOrder);
  const barrierTerritoryOf = surveyScheme
    ? (await schemeTerritories(db, surveyScheme)).territoryOf
    : new Map<string, string>();
  // A published dataset has no need by commune: only the published territory figures.
  const publishedNeed = await loadPublishedNeed(db, meta, needId, o.schemeId);
  const defaults = defaultAssumptions();
  const matrices: MobilityReportInput['matrices'] = {};
  if (o.matrix) matrices[o.matrix.mode] = loadMatrix(o.matrix, communes, o.log);
  return {
    datasetId: meta.id,
    departement: { code: meta.departement.code, name: 'Ensemble du département' },
    communes,
    sites,
    needByCommune: needs.byCommune,
    publishedNeed,
    needLabel: indicator.label,
    needId,
    needSource: needSourceOf(meta, indicator.sourceId),
    needUnit: indicator.unit,
    scheme: { id: o.schemeId, label: scheme[1], ...territories },
    car: o.travel?.car ?? defaults.car,
    noCar: o.travel?.noCar ?? defaults.noCar,
    matrices,
    networkTimes: await networkTimesFromDb(db, meta),
    edits: o.edits ?? [],
    barriers,
    schemeOrder: profileOrder,
    barrierTerritoryOf,
  };
}

/** The dataset and what to load from it, from the command line (scheme, need, scenario, matrix). */
export function gapsLoadOptionsFrom(
  v: { dataset?: string; scheme?: string; need?: string; scenario?: string } & MatrixArgs,
  mode: TravelMode,
  read: (file: string) => string,
): { datasetId: string; options: Partial<GapsLoadOptions> } {
  const scenario = scenarioOption(v.scenario, v.dataset, read);
  return {
    datasetId: scenario.datasetId ?? 'demo',
    options: {
      schemeId: v.scheme,
      needId: v.need ?? null,
      edits: scenario.edits,
      travel: scenario.assumptions,
      barrierEdits: scenario.assumptions?.barriers ?? null,
      matrix: matrixOption(v, mode),
      log: (line) => console.error(line),
    },
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
