/**
 * The timetable of one day for the router: every vehicle run of the day's services (and of the
 * day before, for trips past 24:00:00 that run into the morning), frequency-based trips expanded,
 * cut into elementary connections (one vehicle from one stop to the next) sorted by departure,
 * with the walking transfers between nearby stops and the minimum change times.
 *
 * Choices, stated:
 * - frequencies.txt: a trip's stop times give its pattern (times relative to its first
 *   departure); it runs at start_time, start_time + headway, … while before end_time, for
 *   exact_times 1 as the specification says and for exact_times 0 (a headway-based service whose
 *   real departures are not published) as well: with the router's "best trip in the window"
 *   measure, the phase of a frequent service changes nothing but the window's edges.
 * - Changing vehicle at the same stop takes `defaultChangeSeconds` unless transfers.txt says
 *   otherwise (min_transfer_time; type 1 timed transfer: 0; type 3: no change there).
 * - Walking transfers link stops at most `maxTransferKm` apart, straight line × detour at the
 *   walking speed; a transfers.txt row between two stops replaces the walk by its
 *   min_transfer_time, or forbids it (type 3).
 */
import { DEFAULT_NO_CAR_PARAMETERS } from '../travel/no-car-model.ts';
import { activeServices, addDays } from './calendar.ts';
import type { GtfsFeed } from './gtfs.ts';
import { PointGrid } from './nearby.ts';

export interface WalkParameters {
  walkSpeedKmh: number;
  /** Walking distance ÷ straight-line distance. */
  walkDetourFactor: number;
  /** Longest straight line walked between a commune point and a stop. */
  maxAccessKm: number;
  /** Longest straight line walked between two stops to change vehicle. */
  maxTransferKm: number;
  defaultChangeSeconds: number;
}

/**
 * The walking speed (4.5 km/h) and detour (1.3) of the app's sans-voiture estimate
 * (no-car-model.ts, where they are justified); 1.5 km (about 26 min) to reach a stop, the
 * distance from a hamlet to its village's stop; 400 m between stops, the usual catchment of a
 * stop; 2 min to change at the same stop.
 */
export const DEFAULT_WALK: WalkParameters = {
  walkSpeedKmh: DEFAULT_NO_CAR_PARAMETERS.walkSpeedKmh,
  walkDetourFactor: DEFAULT_NO_CAR_PARAMETERS.walkDetourFactor,
  maxAccessKm: 1.5,
  maxTransferKm: 0.4,
  defaultChangeSeconds: 120,
};

export const walkSeconds = (km: number, p: WalkParameters) =>
  (km * p.walkDetourFactor * 3600) / p.walkSpeedKmh;

export interface Timetable {
  stopCount: number;
  stopLon: Float64Array;
  stopLat: Float64Array;
  /** Connections sorted by departure, then arrival: seconds after midnight of the chosen day. */
  connectionCount: number;
  depStop: Int32Array;
  arrStop: Int32Array;
  depTime: Int32Array;
  arrTime: Int32Array;
  /** 1 when one may board at the connection's departure (pickup_type is not 1). */
  canBoard: Uint8Array;
  /** 1 when one may get off at the connection's arrival (drop_off_type is not 1). */
  canAlight: Uint8Array;
  /** Vehicle run of each connection (a trip, or one departure of a frequency-based trip). */
  run: Int32Array;
  runCount: number;
  /** Minimum change time at each stop, seconds; -1 where changing is not possible. */
  changeSeconds: Int32Array;
  /** Walking transfers from stop s: footTo/footSeconds[footStart[s] … footStart[s + 1] − 1]. */
  footStart: Int32Array;
  footTo: Int32Array;
  footSeconds: Float64Array;
  /** Runs of the day per feed (for the build's log). */
  runsPerFeed: number[];
}

const DAY = 86_400;
/** Numbers per connection while building: dep stop, arr stop, dep, arr, run, rank, rules. */
const W = 7;

/**
 * Builds the timetable of `ymd` for journeys within [fromSeconds, toSeconds] of that day: only
 * connections that leave at or after fromSeconds and arrive by toSeconds are kept. Several feeds
 * are merged (their stops and trips kept apart).
 */
export function buildTimetable(
  feeds: readonly GtfsFeed[],
  ymd: string,
  fromSeconds: number,
  toSeconds: number,
  walk: WalkParameters = DEFAULT_WALK,
): Timetable {
  const stopCount = feeds.reduce((s, f) => s + f.stops.length, 0);
  const stopLon = new Float64Array(stopCount);
  const stopLat = new Float64Array(stopCount);
  const rows: number[] = []; // dep stop, arr stop, dep, arr, run, order within run, rules
  let runCount = 0;
  const runsPerFeed: number[] = [];
  let base = 0;
  for (const feed of feeds) {
    feed.stops.forEach((s, i) => {
      stopLon[base + i] = s.lon;
      stopLat[base + i] = s.lat;
    });
    const firstRun = runCount;
    // The day's services, and yesterday's for the trips that pass midnight.
    for (const [services, offset] of [
      [activeServices(feed, ymd), 0],
      [activeServices(feed, addDays(ymd, -1)), -DAY],
    ] as const) {
      feed.trips.forEach((trip, t) => {
        if (!services.has(trip.serviceId)) return;
        const a = feed.tripStart[t] as number;
        const b = feed.tripStart[t + 1] as number;
        if (b - a < 2) return;
        const first = feed.departure[a] as number;
        const starts = (feed.frequencies.get(t) ?? []).flatMap((f) => {
          const list: number[] = [];
          for (let s = f.startSeconds; s < f.endSeconds; s += f.headwaySeconds) list.push(s);
          return list;
        });
        for (const start of starts.length > 0 ? starts : [first]) {
          const shift = offset + start - first;
          if ((feed.arrival[b - 1] as number) + shift < fromSeconds) continue;
          if ((feed.departure[a] as number) + shift > toSeconds) continue;
          let any = false;
          for (let k = a; k < b - 1; k++) {
            const dep = (feed.departure[k] as number) + shift;
            const arr = (feed.arrival[k + 1] as number) + shift;
            if (dep < fromSeconds || arr > toSeconds) continue;
            rows.push(
              base + (feed.stopOf[k] as number),
              base + (feed.stopOf[k + 1] as number),
              dep,
              arr,
              runCount,
              k - a,
              (feed.noPickup[k] as number) | ((feed.noDropOff[k + 1] as number) << 1),
            );
            any = true;
          }
          if (any) runCount++;
        }
      });
    }
    runsPerFeed.push(runCount - firstRun);
    base += feed.stops.length;
  }

  const connectionCount = rows.length / W;
  const order = new Int32Array(connectionCount).map((_, i) => i);
  // Ties keep a run's connections in their order, so a scan backwards meets a run's end first.
  order.sort(
    (i, j) =>
      (rows[W * i + 2] as number) - (rows[W * j + 2] as number) ||
      (rows[W * i + 3] as number) - (rows[W * j + 3] as number) ||
      (rows[W * i + 4] as number) - (rows[W * j + 4] as number) ||
      (rows[W * i + 5] as number) - (rows[W * j + 5] as number),
  );
  const depStop = new Int32Array(connectionCount);
  const arrStop = new Int32Array(connectionCount);
  const depTime = new Int32Array(connectionCount);
  const arrTime = new Int32Array(connectionCount);
  const run = new Int32Array(connectionCount);
  const canBoard = new Uint8Array(connectionCount);
  const canAlight = new Uint8Array(connectionCount);
  order.forEach((i, k) => {
    depStop[k] = rows[W * i] as number;
    arrStop[k] = rows[W * i + 1] as number;
    depTime[k] = rows[W * i + 2] as number;
    arrTime[k] = rows[W * i + 3] as number;
    run[k] = rows[W * i + 4] as number;
    canBoard[k] = 1 - ((rows[W * i + 6] as number) & 1);
    canAlight[k] = 1 - (((rows[W * i + 6] as number) >> 1) & 1);
  });

  const { changeSeconds, footStart, footTo, footSeconds } = transfersOf(
    feeds,
    stopLon,
    stopLat,
    walk,
  );
  return {
    stopCount,
    stopLon,
    stopLat,
    connectionCount,
    depStop,
    arrStop,
    depTime,
    arrTime,
    canBoard,
    canAlight,
    run,
    runCount,
    changeSeconds,
    footStart,
    footTo,
    footSeconds,
    runsPerFeed,
  };
}

function transfersOf(
  feeds: readonly GtfsFeed[],
  stopLon: Float64Array,
  stopLat: Float64Array,
  walk: WalkParameters,
) {
  const n = stopLon.length;
  const changeSeconds = new Int32Array(n).fill(walk.defaultChangeSeconds);
  // Walking transfers, then the feeds' own rules over them (-1: forbidden).
  const foot = Array.from({ length: n }, () => new Map<number, number>());
  const grid = new PointGrid(stopLon, stopLat, walk.maxTransferKm);
  for (let s = 0; s < n; s++) {
    grid.within(stopLon[s] as number, stopLat[s] as number, walk.maxTransferKm, (t, km) => {
      if (t !== s) foot[s]!.set(t, walkSeconds(km, walk));
    });
  }
  let base = 0;
  for (const feed of feeds) {
    for (const tr of feed.transfers) {
      const from = base + tr.from;
      const to = base + tr.to;
      const seconds = tr.type === 3 ? -1 : (tr.minSeconds ?? (tr.type === 1 ? 0 : null));
      if (from === to) {
        if (seconds !== null) changeSeconds[from] = seconds;
      } else if (seconds !== null) foot[from]!.set(to, seconds);
    }
    base += feed.stops.length;
  }
  const footStart = new Int32Array(n + 1);
  const to: number[] = [];
  const secs: number[] = [];
  for (let s = 0; s < n; s++) {
    for (const [t, sec] of [...foot[s]!].sort((a, b) => a[0] - b[0])) {
      if (sec < 0) continue;
      to.push(t);
      secs.push(sec);
    }
    footStart[s + 1] = to.length;
  }
  return {
    changeSeconds,
    footStart,
    footTo: Int32Array.from(to),
    footSeconds: Float64Array.from(secs),
  };
}
