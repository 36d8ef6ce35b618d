/**
 * The coverage and mobility figures of a dataset as plain objects: what the headless reports print
 * (JSON, CSV) and what the interface shows, from the same functions (coverageTable, mobilityTable).
 */
import type { NetworkTimesByMode } from '../travel/network-model.ts';
import {
  coverageAssumptionsOf,
  mobilityAssumptionsOf,
  type Assumption,
  type FigureContext,
} from '../assumptions.ts';
import type { BarrierShare, Commune, Site } from '../model.ts';
import type { ReportScheme } from '../reach/reach-report.ts';
import type { ScenarioEdit } from '../reach/scenario.ts';
import { reachData, type ReachData } from '../reach/setup.ts';
import { territoryIndex } from '../reach/summary.ts';
import type { CarParameters } from '../travel/distance-model.ts';
import type { MatrixSource } from '../travel/matrix-model.ts';
import type { ModelParameter, TravelMode, TravelModel } from '../travel/model.ts';
import { modelFor } from '../travel/models.ts';
import type { NoCarParameters } from '../travel/no-car-model.ts';
import type { TableInput } from './common.ts';
import { coverageTable, type CoverageAssumptions, type CoverageTable } from './coverage.ts';
import { allocationRule, coverageFormulas, mobilityFormulas, type Formula } from './formulas.ts';
import {
  mobilitySiting,
  mobilityTable,
  type MobilityAssumptions,
  type MobilityTable,
} from './mobility.ts';
import { sitesUnderScenario } from './scenario-sites.ts';

export interface GapsReportInput {
  datasetId: string;
  departement: { code: string; name: string };
  communes: readonly Commune[];
  sites: readonly Site[];
  /** Beneficiaries by commune; null in a published dataset (statistical secrecy). */
  needByCommune: ReadonlyMap<string, number | null> | null;
  /** Published beneficiaries by territory of the scheme and of the département (secrecy: null). */
  publishedNeed?: TableInput['publishedNeed'];
  needLabel: string;
  /** Id of the need indicator and its source, for the assumptions named with the figures. */
  needId?: string;
  needSource?: { id: string; label: string; millesime: string };
  /** Plural unit of the need ("foyers"). */
  needUnit: string;
  scheme: ReportScheme;
  /** Travel model parameters (a scenario's, or the defaults) and imported matrices by mode. */
  car: CarParameters;
  noCar: NoCarParameters;
  matrices?: Partial<Record<TravelMode, MatrixSource>>;
  /** The dataset's times on a real network, by travel mode. */
  networkTimes?: NetworkTimesByMode;
  edits?: readonly ScenarioEdit[];
}

export interface ReportModel {
  id: string;
  label: string;
  approximation: boolean;
  parameters: readonly ModelParameter[];
}

interface ReportBase {
  /**
   * What the figures rest on that is not the dataset's own data (assumptions.ts); the tables'
   * own `assumptions` are the parameters the user set.
   */
  hypotheses: Assumption[];
  datasetId: string;
  scheme: { id: string; label: string };
  needLabel: string;
  model: ReportModel;
  edits: ScenarioEdit[];
  formulas: Formula[];
  allocationRule: string[];
}

export interface CoverageReport extends ReportBase, Omit<CoverageTable, 'communes'> {
  communes: CoverageTable['communes'];
}

export interface MobilityReport
  extends
    ReportBase,
    Omit<MobilityTable, 'unmetByCommune' | 'supportByCommune' | 'shareByCommune'> {
  /** Badges of the assumptions of each line (by code, the département line's included). */
  rowHypotheses: Record<string, string[]>;
  /** Where k platforms would serve most of the unmet need, when asked. */
  siting: {
    k: number;
    capacityPerYear: number | null;
    picks: { code: string; name: string; gain: number; reachable: number; communes: number }[];
    totalGain: number;
    unmetBefore: number;
  } | null;
}

/** The table input of a report: the reach data, the model of the mode, the scenario's sites. */
export function reportInput(
  input: GapsReportInput,
  mode: TravelMode,
  data: ReachData = reachData(input.communes, input.needByCommune, input.networkTimes),
): { table: TableInput; model: TravelModel } {
  const model = modelFor(
    data.network,
    { mode, car: input.car, noCar: input.noCar },
    input.matrices?.[mode] ?? null,
    data.networks?.[mode] ?? null,
  );
  return {
    model,
    table: {
      data,
      model,
      sites: sitesUnderScenario(input.sites, input.edits ?? []),
      territories: territoryIndex(data.network.codes, input.scheme.territoryOf, input.scheme.names),
      publishedNeed: input.publishedNeed,
      departement: input.departement,
    },
  };
}

/** What the assumptions of a report's figures depend on. */
export const figureContext = (input: GapsReportInput, model: TravelModel): FigureContext => ({
  departementCode: input.departement.code,
  needId: input.needId ?? '',
  needLabel: input.needLabel,
  needSource: input.needSource,
  model,
});

const describeModel = (m: TravelModel): ReportModel => ({
  id: m.id,
  label: m.label,
  approximation: m.approximation,
  parameters: m.parameters,
});

/** What a report states before its figures: its data, travel model, scenario and formulas. */
function reportBase(
  input: GapsReportInput,
  model: TravelModel,
  formulas: Formula[],
  maxMinutes: number,
  assumptions: (ctx: FigureContext) => Assumption[],
): ReportBase {
  return {
    hypotheses: assumptions(figureContext(input, model)),
    datasetId: input.datasetId,
    scheme: { id: input.scheme.id, label: input.scheme.label },
    needLabel: input.needLabel,
    model: describeModel(model),
    edits: [...(input.edits ?? [])],
    formulas,
    allocationRule: allocationRule(maxMinutes, input.needUnit),
  };
}

export function computeCoverageReport(
  input: GapsReportInput,
  a: CoverageAssumptions,
): CoverageReport {
  const { table, model } = reportInput(input, a.mode);
  const t = coverageTable(table, a);
  return {
    ...reportBase(input, model, coverageFormulas(a, input.needUnit), a.maxMinutes, (ctx) =>
      coverageAssumptionsOf(t, ctx),
    ),
    ...t,
  };
}

export interface MobilityReportInput extends GapsReportInput {
  barriers: readonly BarrierShare[];
  schemeOrder: readonly string[];
  barrierTerritoryOf: ReadonlyMap<string, string>;
}

export function computeMobilityReport(
  input: MobilityReportInput,
  a: MobilityAssumptions,
  siting: { k: number; capacityPerYear: number | null } | null = null,
): MobilityReport {
  const { table, model } = reportInput(input, a.mode);
  const mobilityInput = {
    ...table,
    barriers: input.barriers,
    schemeOrder: input.schemeOrder,
    barrierTerritoryOf: input.barrierTerritoryOf,
  };
  const t = mobilityTable(mobilityInput, a);
  const { unmetByCommune: _u, supportByCommune: _s, shareByCommune: _h, ...rest } = t;
  const result = siting ? mobilitySiting(mobilityInput, t, siting) : null;
  const net = table.data.network;
  return {
    ...reportBase(input, model, mobilityFormulas(a, input.needUnit), a.maxMinutes, (ctx) =>
      mobilityAssumptionsOf(t, ctx),
    ),
    ...rest,
    rowHypotheses: Object.fromEntries(
      [...t.rows, t.total].map((row) => [
        row.code,
        mobilityAssumptionsOf(t, figureContext(input, model), row).map((x) => x.badge),
      ]),
    ),
    siting:
      siting && result
        ? {
            ...siting,
            picks: result.picks.map((p) => ({
              code: net.codes[p.commune] as string,
              name: table.data.names[p.commune] as string,
              gain: p.gain,
              reachable: p.reachable,
              communes: p.communes.length,
            })),
            totalGain: result.totalGain,
            unmetBefore: result.uncoveredBefore,
          }
        : null,
  };
}
