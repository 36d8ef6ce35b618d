/**
 * One run of the road step in a fresh process, for the benchmark's peak memory: reads an
 * OpenStreetMap extract and a points CSV, routes, encodes the artefact, and prints its measures
 * as JSON (the process's own maximum resident set size, like `/usr/bin/time -v`).
 *
 *   npx tsx bench/lib/road-step-run.ts EXTRACT.osm.pbf POINTS.csv
 */
import { gzipSync } from 'node:zlib';
import { encodeNetworkTimes } from '../../src/data/network-times.ts';
import { readPoints } from '../../scripts/roads/points.ts';
import { roadStep } from '../../scripts/roads/road-step.ts';

export interface RoadStepRun {
  totalMs: number;
  timings: { read: number; graph: number; snap: number; times: number };
  maxRssBytes: number;
  vertices: number;
  arcs: number;
  waysKept: number;
  nodesKept: number;
  points: number;
  pairs: number;
  rawBytes: number;
  gzipBytes: number;
}

const [pbf, pointsFile] = process.argv.slice(2);
if (!pbf || !pointsFile) throw new Error('Usage : road-step-run.ts EXTRAIT.osm.pbf POINTS.csv');
const points = readPoints(pointsFile);
const t0 = performance.now();
const { times, stats } = await roadStep(pbf, points);
const bytes = encodeNetworkTimes(times.rows);
const totalMs = performance.now() - t0;
const run: RoadStepRun = {
  totalMs,
  timings: stats.timings,
  // resourceUsage().maxRSS is in kilobytes.
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
  vertices: stats.vertices,
  arcs: stats.arcs,
  waysKept: stats.waysKept,
  nodesKept: stats.nodesKept,
  points: points.length,
  pairs: stats.pairs,
  rawBytes: bytes.length,
  gzipBytes: gzipSync(bytes).length,
};
console.log(JSON.stringify(run));
