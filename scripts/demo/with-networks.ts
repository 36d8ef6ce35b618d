/**
 * The demo with its networks built the way a real département's are: the generated road network
 * is written as an OpenStreetMap PBF file and its bus and coach lines as a GTFS zip (both in
 * .cache/demo/, never committed), then read back by the road step (scripts/roads/) and the GTFS
 * step (scripts/gtfs/), whose times become the demo's car and sans-voiture models.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { transitStep, type TransitOptions } from '../gtfs/transit-step.ts';
import { writeZip } from '../gtfs/zip.ts';
import { addNetworkTimes } from '../lib/network-times.ts';
import { roadStep, type RoadStepStats } from '../roads/road-step.ts';
import { writeOsmPbf } from '../roads/write-pbf.ts';
import { DEMO_SEED, buildDemo, type DemoBuild } from './generate.ts';
import { DEMO_GTFS_NAME } from './steps/gtfs.ts';

const CACHE = resolve(import.meta.dirname, '..', '..', '.cache', 'demo');
export const DEMO_ROADS_FILE = resolve(CACHE, 'routes-demo.osm.pbf');
export const DEMO_GTFS_FILE = resolve(CACHE, DEMO_GTFS_NAME);

export interface DemoNetworkOptions {
  seed?: number;
  roadsFile?: string;
  gtfsFile?: string;
  /** The day, window and log of the GTFS step (its defaults otherwise). */
  gtfs?: Omit<TransitOptions, 'feeds' | 'licence'>;
}

export async function buildDemoWithNetworks(
  o: DemoNetworkOptions = {},
): Promise<DemoBuild & { roadStats: RoadStepStats }> {
  const demo = buildDemo(o.seed ?? DEMO_SEED);
  const roadsFile = o.roadsFile ?? DEMO_ROADS_FILE;
  const gtfsFile = o.gtfsFile ?? DEMO_GTFS_FILE;

  let started = performance.now();
  mkdirSync(dirname(roadsFile), { recursive: true });
  writeFileSync(roadsFile, writeOsmPbf(demo.roads.nodes, demo.roads.ways));
  const { times, stats } = await roadStep(roadsFile, demo.bundle.communes, { fictional: true });
  addNetworkTimes(demo.bundle, demo.files, times);
  demo.timings['road-times'] = Math.round(performance.now() - started);

  started = performance.now();
  mkdirSync(dirname(gtfsFile), { recursive: true });
  const encoder = new TextEncoder();
  writeFileSync(
    gtfsFile,
    writeZip(new Map([...demo.gtfs].map(([name, text]) => [name, encoder.encode(text)]))),
  );
  const transit = transitStep(demo.bundle.communes, {
    ...o.gtfs,
    feeds: [gtfsFile],
    licence: 'Données fictives, libres de réutilisation',
  });
  addNetworkTimes(demo.bundle, demo.files, transit.times);
  Object.assign(demo.timings, transit.timings);
  demo.timings['transit-times'] = Math.round(performance.now() - started);
  return { ...demo, roadStats: stats };
}
