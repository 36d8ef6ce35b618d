/**
 * The reach figures of a dataset under a scenario, as one plain object: what the headless report
 * prints (JSON or CSV) and what the interface shows, computed by the same functions.
 */
import type { NetworkTimesByMode } from '../travel/network-model.ts';
import type { Commune, Site } from '../model.ts';
import type { ModelParameter } from '../travel/model.ts';
import type { ReachAssumptions, ScenarioEdit } from './scenario.ts';
import { reachData, reachSession, type ReachMatrices } from './setup.ts';
import {
  communesBeyond,
  reachDelta,
  summariseReach,
  territoryIndex,
  type CommuneBeyond,
  type ReachDelta,
  type ReachFigures,
  type TerritoryReach,
} from './summary.ts';

export interface ReportScheme {
  id: string;
  label: string;
  /** Territory of each commune code. */
  territoryOf: ReadonlyMap<string, string>;
  /** Name of each territory code. */
  names: ReadonlyMap<string, string>;
}

export interface ReachReportInput {
  datasetId: string;
  communes: readonly Commune[];
  sites: readonly Site[];
  needByCommune: ReadonlyMap<string, number | null> | null;
  /** Label of the need indicator ("Foyers allocataires du RSA"). */
  needLabel: string;
  schemes: readonly ReportScheme[];
  /** The dataset's times on a real network, by travel mode. */
  networkTimes?: NetworkTimesByMode;
}

export interface ReachReport {
  datasetId: string;
  assumptions: ReachAssumptions;
  edits: ScenarioEdit[];
  model: {
    id: string;
    label: string;
    description: string;
    approximation: boolean;
    parameters: readonly ModelParameter[];
  };
  horizonMinutes: number;
  needLabel: string;
  total: ReachFigures;
  baseline: ReachFigures;
  delta: ReachDelta;
  schemes: {
    id: string;
    label: string;
    territories: (TerritoryReach & {
      baselinePopulationBeyond: number;
      baselineNeedBeyond: number | null;
    })[];
  }[];
  communesBeyond: (Omit<CommuneBeyond, 'index' | 'minutes'> & { minutes: number | null })[];
  /** With an imported matrix: communes whose time rests on a measured pair. */
  measuredCommunes: number | null;
  /** Dataset sites left out because their commune is not in the dataset. */
  unplacedSites: string[];
}

export function computeReachReport(
  input: ReachReportInput,
  assumptions: ReachAssumptions,
  edits: readonly ScenarioEdit[] = [],
  matrices: ReachMatrices = {},
): ReachReport {
  const data = reachData(input.communes, input.needByCommune, input.networkTimes);
  const session = reachSession(data, input.sites, assumptions, matrices, edits);
  const { engine, baseline } = session;
  const max = assumptions.maxMinutes;
  const codes = data.network.codes;
  const schemes = input.schemes.map((s) => {
    const index = territoryIndex(codes, s.territoryOf, s.names);
    const now = summariseReach(engine.minutes, data.people, index, max);
    const before = summariseReach(baseline, data.people, index, max);
    return {
      id: s.id,
      label: s.label,
      territories: now.territories.map((t, i) => ({
        ...t,
        baselinePopulationBeyond: before.territories[i]!.populationBeyond,
        baselineNeedBeyond: before.territories[i]!.needBeyond,
      })),
    };
  });
  const none = territoryIndex(codes, new Map(), new Map());
  const total = summariseReach(engine.minutes, data.people, none, max).total;
  const base = summariseReach(baseline, data.people, none, max).total;
  let measured: number | null = null;
  if (engine.model.id === 'matrice') {
    measured = 0;
    for (let c = 0; c < data.network.count; c++) if (engine.isMeasured(c)) measured++;
  }
  return {
    datasetId: input.datasetId,
    assumptions,
    edits: session.edits,
    model: {
      id: engine.model.id,
      label: engine.model.label,
      description: engine.model.description,
      approximation: engine.model.approximation,
      parameters: engine.model.parameters,
    },
    horizonMinutes: engine.horizonMinutes,
    needLabel: input.needLabel,
    total,
    baseline: base,
    delta: reachDelta(total, base),
    schemes,
    communesBeyond: communesBeyond(engine.minutes, data.people, max, codes, data.names).map(
      ({ index: _, minutes, ...c }) => ({
        ...c,
        // JSON has no Infinity: null means "beyond the horizon".
        minutes: Number.isFinite(minutes) ? minutes : null,
      }),
    ),
    measuredCommunes: measured,
    unplacedSites: session.unplaced.map((s) => s.id),
  };
}
