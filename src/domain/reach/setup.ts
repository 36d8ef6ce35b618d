/**
 * From the dataset's records to a running what-if session: the travel network, who lives where,
 * the model of the chosen mode, the session with its edits. The interface and the headless
 * report both go through these functions, so they compute the same figures.
 */
import type { Commune, Site } from '../model.ts';
import type { MatrixSource } from '../travel/matrix-model.ts';
import { createTravelNetwork, type TravelModel, type TravelNetwork } from '../travel/model.ts';
import { modelFor } from '../travel/models.ts';
import {
  networkSources,
  type NetworkSource,
  type NetworkTimesByMode,
} from '../travel/network-model.ts';
import { horizonFor } from './engine.ts';
import type { ReachAssumptions, ScenarioEdit } from './scenario.ts';
import { ReachSession } from './session.ts';
import type { ReachPeople } from './summary.ts';
import { STATE_CODES } from '../value-state.ts';

export interface ReachData {
  network: TravelNetwork;
  people: ReachPeople;
  /** Commune names, in network order. */
  names: string[];
  /** Times the dataset computed on a real network, by travel mode. */
  networks?: Partial<Record<ReachAssumptions['mode'], NetworkSource>>;
}

/**
 * @param needByCommune the need indicator by commune code, or null when the dataset has none by
 *   commune (a published dataset under statistical secrecy): beneficiaries are then unknown. A
 *   null value is a value masked at the source (secret), an absent commune has none (missing):
 *   both stay 0 in `need`, which only sums and weights read, and are marked in `needState` so
 *   that figures count them apart, never as 0.
 * @param networkTimes the dataset's times on a real network (DatasetMeta.networkTimes), loaded.
 */
export function reachData(
  communes: readonly Commune[],
  needByCommune: ReadonlyMap<string, number | null> | null,
  networkTimes: NetworkTimesByMode = {},
): ReachData {
  const network = createTravelNetwork(communes);
  return {
    network,
    people: reachPeople(communes, needByCommune),
    names: communes.map((c) => c.name),
    networks: networkSources(networkTimes, network),
  };
}

/** Who lives in each commune, in the order of `communes` (see `reachData`). */
export function reachPeople(
  communes: readonly Commune[],
  needByCommune: ReadonlyMap<string, number | null> | null,
): ReachPeople {
  const stateOf = (code: string) => {
    const v = needByCommune?.get(code);
    return v === undefined
      ? STATE_CODES.missing
      : v === null
        ? STATE_CODES.secret
        : STATE_CODES.known;
  };
  return {
    population: Float64Array.from(communes, (c) => c.population),
    need: needByCommune ? Float64Array.from(communes, (c) => needByCommune.get(c.code) ?? 0) : null,
    needState: needByCommune ? Uint8Array.from(communes, (c) => stateOf(c.code)) : null,
  };
}

/** Imported matrices, by travel mode. */
export type ReachMatrices = Partial<Record<ReachAssumptions['mode'], MatrixSource>>;

export function reachModel(
  data: ReachData,
  assumptions: ReachAssumptions,
  matrices: ReachMatrices = {},
): TravelModel {
  return modelFor(
    data.network,
    assumptions,
    matrices[assumptions.mode] ?? null,
    data.networks?.[assumptions.mode] ?? null,
  );
}

export function reachSession(
  data: ReachData,
  sites: readonly Site[],
  assumptions: ReachAssumptions,
  matrices: ReachMatrices = {},
  edits: readonly ScenarioEdit[] = [],
  redo: readonly ScenarioEdit[] = [],
): ReachSession {
  return new ReachSession({
    model: reachModel(data, assumptions, matrices),
    network: data.network,
    sites,
    kinds: assumptions.kinds,
    horizonMinutes: horizonFor(assumptions.maxMinutes),
    edits,
    redo,
  });
}
