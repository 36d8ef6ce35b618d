/**
 * The road step of the build: from an OpenStreetMap extract and a list of points (the communes'
 * reference points), car times between every pair of points within a cutoff, and what the app
 * needs to name them (label, source, how they were computed).
 */
import { formatDecimal, plainSpaces } from '../../src/domain/format.ts';
import { basename } from 'node:path';
import { buildRoadGraph } from '../../src/domain/network/road-graph.ts';
import {
  MAX_SNAP_METERS,
  SNAP_KMH,
  mainComponent,
  roadTimes,
  snapPoints,
} from '../../src/domain/network/road-times.ts';
import { MAX_REACH_MINUTES } from '../../src/domain/reach/scenario.ts';
import type { Source } from '../../src/domain/model.ts';
import { toTenthOfMinute } from '../../src/data/network-times.ts';
import type { NetworkTimes } from '../lib/network-times.ts';
import { readOsmRoads } from './read-osm.ts';

export interface RoadPoint {
  code: string;
  lon: number;
  lat: number;
}

export interface RoadStepStats {
  /** Milliseconds per phase. */
  timings: { read: number; graph: number; snap: number; times: number };
  /** Largest resident set size seen, bytes. */
  peakRssBytes: number;
  waysRead: number;
  waysKept: number;
  nodesKept: number;
  nodesMissing: number;
  vertices: number;
  arcs: number;
  segments: number;
  mainVertices: number;
  /** The farthest snap, metres. */
  maxSnapMeters: number;
  pairs: number;
}

export interface RoadStepResult {
  times: NetworkTimes;
  stats: RoadStepStats;
}

/** Default cutoff: the longest threshold the app lets a user ask for. */
export const ROAD_MAX_MINUTES = MAX_REACH_MINUTES;

const fr = (v: number) => plainSpaces(formatDecimal(v, 3));

export async function roadStep(
  file: string,
  points: readonly RoadPoint[],
  options: { maxMinutes?: number; fictional?: boolean } = {},
): Promise<RoadStepResult> {
  const maxMinutes = options.maxMinutes ?? ROAD_MAX_MINUTES;
  let peak = process.memoryUsage().rss;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 50);
  try {
    let t = performance.now();
    const lap = () => {
      sample();
      const now = performance.now();
      const ms = Math.round(now - t);
      t = now;
      return ms;
    };
    const osm = await readOsmRoads(file);
    const read = lap();
    const graph = buildRoadGraph(osm.ways);
    const graphMs = lap();
    const inMain = mainComponent(graph);
    const snaps = snapPoints(
      graph,
      points.map((p) => p.lon),
      points.map((p) => p.lat),
      inMain,
    );
    const snap = lap();
    const origin: string[] = [];
    const destination: string[] = [];
    const minutes: number[] = [];
    roadTimes(graph, snaps, maxMinutes * 60, (o, d, s) => {
      origin.push((points[o] as RoadPoint).code);
      destination.push((points[d] as RoadPoint).code);
      // To the tenth of a minute (6 s), as the artefact holds them: below the network's precision.
      minutes.push(toTenthOfMinute(s / 60));
    });
    const times = lap();
    let mainVertices = 0;
    for (const v of inMain) mainVertices += v;
    const unsnapped = points.filter((_, i) => !snaps[i]).map((p) => p.code);
    if (unsnapped.length > 0)
      throw new Error(
        `L'extrait « ${basename(file)} » n'a aucune route à moins de ` +
          `${MAX_SNAP_METERS / 1000} km de ${unsnapped.length} point(s) sur ${points.length} ` +
          `(${unsnapped.slice(0, 5).join(', ')}${unsnapped.length > 5 ? '…' : ''}) : ` +
          `il ne couvre pas ce territoire.`,
      );
    const maxSnapMeters = Math.max(0, ...snaps.map((s) => s?.meters ?? 0));
    const date = osm.date;
    const name = basename(file);
    const source: Source = {
      id: 'osm-routes',
      producer: options.fictional
        ? 'réseau fictif généré avec la démo'
        : "© les contributeurs d'OpenStreetMap",
      title: `Réseau routier, extrait OpenStreetMap « ${name} »`,
      licence: options.fictional ? 'Données fictives' : 'ODbL 1.0',
      millesime: date ? `extrait du ${date}` : "date de l'extrait non indiquée",
      url: options.fictional ? '' : 'https://www.openstreetmap.org/copyright',
      note:
        `Temps en voiture calculés à la construction du jeu, de chef-lieu à chef-lieu, ` +
        `avec les règles du profil voiture d'OSRM.`,
    };
    const detail =
      `Plus court temps en voiture sur le réseau routier du fichier OpenStreetMap « ${name} »` +
      `${date ? ` (extrait du ${date})` : ''}, ` +
      `de point de référence de commune à point de référence de commune, selon les règles du ` +
      `profil voiture d'OSRM : vitesse par type de route (autoroute 90 km/h … desserte 15 km/h), ` +
      `80 % de la vitesse limite indiquée (maxspeed), sens uniques, accès interdits et barrières ; ` +
      `voies privées ou réservées aux riverains exclues. Chaque point est rattaché à la route la ` +
      `plus proche du réseau principal, la distance parcourue à ${SNAP_KMH} km/h. Ni feux, ni ` +
      `virages, ni trafic : des temps à vide. Paires calculées jusqu'à ${fr(maxMinutes)} min.`;
    const stats: RoadStepStats = {
      timings: { read, graph: graphMs, snap, times },
      peakRssBytes: peak,
      ...osm.counts,
      vertices: graph.vertexCount,
      arcs: graph.arcHead.length,
      segments: graph.segmentCount,
      mainVertices,
      maxSnapMeters,
      pairs: origin.length,
    };
    return {
      times: {
        mode: 'voiture',
        network: 'routes',
        label: options.fictional ? 'Réseau routier de la démo' : 'Réseau routier OpenStreetMap',
        source,
        maxMinutes,
        rows: { origin, destination, minutes: Float64Array.from(minutes) },
        detail,
      },
      stats,
    };
  } finally {
    clearInterval(timer);
  }
}

/** One line for the build's log. */
export function roadStepSummary(s: RoadStepStats): string {
  const mb = (b: number) => `${Math.round(b / 1e6)} Mo`;
  return (
    `Routes : ${fr(s.waysKept)} voies retenues sur ${fr(s.waysRead)}, ${fr(s.vertices)} sommets ` +
    `(${fr(s.mainVertices)} dans le réseau principal), ${fr(s.pairs)} paires ; ` +
    `lecture ${s.timings.read} ms, graphe ${s.timings.graph} ms, rattachement ${s.timings.snap} ms, ` +
    `temps ${s.timings.times} ms ; mémoire max ${mb(s.peakRssBytes)}` +
    ` ; rattachement le plus long ${Math.round(s.maxSnapMeters)} m`
  );
}
