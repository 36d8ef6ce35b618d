/**
 * The demo département: fictional but plausible, generated from a seed, with its road network.
 *
 * The generator is the source of truth of the demo: nothing it writes is edited by hand, and the
 * same seed gives the same bytes (see generate.test.ts). Only the transport barrier shares are
 * real figures, quoted from the Pas-de-Calais PDI survey with their source.
 *
 * The generation is a sequence of steps (steps/), each named after the artefact it returns. The
 * steps below share one random stream in this order: changing the order changes the demo. A new
 * step draws from a stream of its own, `stepRandom(seed, 'name')`, so that adding it leaves the
 * existing artefacts unchanged.
 */
import type { DatasetBundle } from '../../src/domain/dataset.ts';
import { createRandom, hashString, type Random } from '../../src/domain/random.ts';
import { StepTimer } from '../lib/steps.ts';
import { barriersStep } from './steps/barriers.ts';
import { communesStep } from './steps/communes.ts';
import { landStep } from './steps/land.ts';
import { gtfsStep } from './steps/gtfs.ts';
import { DEMO_ID, metaStep } from './steps/meta.ts';
import { needsStep } from './steps/needs.ts';
import { roadsStep, type DemoRoads } from './steps/roads.ts';
import { sitesStep } from './steps/sites.ts';
import { demoSource } from './steps/sources.ts';
import { territoriesStep } from './steps/territories.ts';

export const DEMO_SEED = 20_240_601;
export { DEMO_ID };

/** The random stream of a step added after the first ones (see the file comment). */
export const stepRandom = (seed: number, step: string): Random =>
  createRandom(hashString(`${seed}:${step}`));

export interface DemoBuild {
  bundle: DatasetBundle;
  /** Files written beside the tables, by steps that write their own (the network times, added
   * by with-networks.ts). */
  files: Map<string, Uint8Array>;
  /**
   * The demo's GTFS feed, file name → text: `npm run data` zips it outside the dataset and builds
   * the sans-voiture times from it through `--gtfs`, as for a real département.
   */
  gtfs: Map<string, string>;
  /** Milliseconds per step. */
  timings: Record<string, number>;
  /** The road network, as OpenStreetMap nodes and ways (written as a PBF by the build). */
  roads: DemoRoads;
}

export function buildDemo(seed = DEMO_SEED): DemoBuild {
  const rnd = createRandom(seed);
  const time = new StepTimer();
  const land = time.step('land', () => landStep(seed, rnd));
  const communes = time.step('communes', () => communesStep(land, rnd));
  const territories = time.step('territories', () => territoriesStep(land, communes, rnd));
  const needs = time.step('needs', () => needsStep(communes, territories, rnd));
  const barriers = time.step('barriers', () => barriersStep(communes, territories));
  const sites = time.step('sites', () => sitesStep(land, communes, territories, rnd));
  const gtfs = time.step('gtfs', () => gtfsStep(land, communes, stepRandom(seed, 'gtfs')));
  const meta = time.step('meta', () => metaStep([demoSource(seed), ...barriers.sources]));
  const roads = time.step('roads', () => roadsStep(land, communes, stepRandom(seed, 'roads')));
  const bundle: DatasetBundle = {
    meta,
    communes: [...communes.communes].sort((a, b) => a.code.localeCompare(b.code)),
    polygons: communes.polygons,
    territories: territories.territories,
    memberships: territories.memberships,
    sites,
    needs,
    barriers: barriers.barriers,
  };
  return { bundle, files: new Map(), gtfs, timings: time.timings, roads };
}

export const generateDemo = (seed = DEMO_SEED): DatasetBundle => buildDemo(seed).bundle;
