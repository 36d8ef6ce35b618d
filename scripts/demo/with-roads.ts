/**
 * The demo with its road network built the way a real département's is: the generated network is
 * written as an OpenStreetMap PBF file (in .cache/, never committed), then read back and routed
 * by the road step (scripts/roads/), whose times become the demo's car model.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { addNetworkTimes } from '../lib/network-times.ts';
import { roadStep, type RoadStepStats } from '../roads/road-step.ts';
import { writeOsmPbf } from '../roads/write-pbf.ts';
import { DEMO_SEED, buildDemo, type DemoBuild } from './generate.ts';

export const DEMO_ROADS_FILE = resolve(
  import.meta.dirname,
  '..',
  '..',
  '.cache',
  'demo',
  'routes-demo.osm.pbf',
);

export async function buildDemoWithRoads(
  seed = DEMO_SEED,
  pbfFile = DEMO_ROADS_FILE,
): Promise<DemoBuild & { roadStats: RoadStepStats }> {
  const demo = buildDemo(seed);
  const started = performance.now();
  mkdirSync(dirname(pbfFile), { recursive: true });
  writeFileSync(pbfFile, writeOsmPbf(demo.roads.nodes, demo.roads.ways));
  const { times, stats } = await roadStep(pbfFile, demo.bundle.communes, { fictional: true });
  addNetworkTimes(demo.bundle, demo.files, times);
  demo.timings['road-times'] = Math.round(performance.now() - started);
  return { ...demo, roadStats: stats };
}
