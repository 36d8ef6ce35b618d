import { describe, expect, it } from 'vitest';
import { createRandom, type Random } from '../random.ts';
import { greatCircleKm } from '../travel/geo.ts';
import { gtfsDate } from './calendar.ts';
import { readGtfs } from './gtfs.ts';
import { transitTimes, type Place, type RouterOptions } from './router.ts';
import { EVERY_DAY, STOP_LON, memorySource, stopLat, stopsTxt, tripsOf } from './test-feeds.ts';
import { DEFAULT_WALK, buildTimetable, walkSeconds, type Timetable } from './timetable.ts';

const H = 3600;
const hm = (h: number, m = 0) => h * H + m * 60;
const MONDAY = gtfsDate('2026-03-09');

const OPTIONS: RouterOptions = {
  windowStartSeconds: hm(8),
  windowEndSeconds: hm(9),
  maxMinutes: 120,
  walk: DEFAULT_WALK,
};

/** One place on each stop of the line (10 km apart: nobody walks between them). */
const placesOnStops = (n: number): Place[] =>
  Array.from({ length: n }, (_, i) => ({ lon: STOP_LON, lat: stopLat(i) }));

function times(
  files: Record<string, string>,
  places: Place[],
  options: RouterOptions = OPTIONS,
  ymd = MONDAY,
): Map<string, number> {
  const feed = readGtfs(memorySource('test.zip', files));
  const tt = buildTimetable(
    [feed],
    ymd,
    options.windowStartSeconds,
    options.windowEndSeconds + options.maxMinutes * 60,
    options.walk,
  );
  const out = new Map<string, number>();
  transitTimes(tt, places, options, (o, d, m) => out.set(`${o}>${d}`, Math.round(m * 1000) / 1000));
  return out;
}

const feedOf = (runs: string[], extra: Record<string, string> = {}, stops = 4) => ({
  'stops.txt': stopsTxt(stops),
  'calendar.txt': EVERY_DAY,
  ...tripsOf(runs),
  ...extra,
});

describe('transitTimes: door to door on hand-built feeds', () => {
  it('rides one line, and gives 0 from a place to itself', () => {
    const t = times(feedOf(['T1 ALL L1: S0 08:10:00 S1 08:25:00 S2 08:40:00']), placesOnStops(3));
    expect(t.get('0>1')).toBe(15);
    expect(t.get('0>2')).toBe(30);
    expect(t.get('1>2')).toBe(15);
    expect(t.get('1>1')).toBe(0);
    // Against the direction of the only trip: no service, not "long".
    expect(t.has('2>0')).toBe(false);
  });

  it('changes vehicle with the default change time, or transfers.txt’s own', () => {
    const runs = [
      'A ALL L1: S0 08:10:00 S1 08:20:00',
      'B1 ALL L2: S1 08:21:00 S2 08:30:00', // 1 min: too short for the default 2 min
      'B2 ALL L2: S1 08:24:00 S2 08:33:00',
      'B3 ALL L2: S1 08:27:00 S2 08:36:00',
    ];
    expect(times(feedOf(runs), placesOnStops(3)).get('0>2')).toBe(23);
    const fiveMinutes = 'from_stop_id,to_stop_id,transfer_type,min_transfer_time\nS1,S1,2,300\n';
    expect(times(feedOf(runs, { 'transfers.txt': fiveMinutes }), placesOnStops(3)).get('0>2')).toBe(
      26,
    );
    // A timed transfer (type 1) holds the connection: 0 min to change.
    const timed = 'from_stop_id,to_stop_id,transfer_type\nS1,S1,1\n';
    expect(times(feedOf(runs, { 'transfers.txt': timed }), placesOnStops(3)).get('0>2')).toBe(20);
    const forbidden = 'from_stop_id,to_stop_id,transfer_type\nS1,S1,3\n';
    expect(times(feedOf(runs, { 'transfers.txt': forbidden }), placesOnStops(3)).has('0>2')).toBe(
      false,
    );
  });

  it('boards only where pickup is allowed and gets off only where drop-off is', () => {
    // A coach that only picks up at S0 and only sets down at S2.
    const t = times(
      feedOf(['C ALL L1: S0 08:10:00!d S1 08:25:00!pd S2 08:40:00!p']),
      placesOnStops(3),
    );
    expect(t.get('0>2')).toBe(30);
    expect(t.has('0>1')).toBe(false);
    expect(t.has('1>2')).toBe(false);
  });

  it('walks between two nearby stops to change, at the stated speed', () => {
    // S3 stands 300 m east of S1: 0.3 km × 1.3 at 4.5 km/h = 5.2 min.
    const km = 0.3;
    const lonS3 = STOP_LON + km / (111.195 * Math.cos((stopLat(1) * Math.PI) / 180));
    const stops = stopsTxt(3) + `S3,Arrêt 3,${stopLat(1)},${lonS3}\n`;
    const walk = walkSeconds(greatCircleKm(STOP_LON, stopLat(1), lonS3, stopLat(1)), DEFAULT_WALK);
    expect(walk / 60).toBeCloseTo(5.2, 1);
    const runs = [
      'A ALL L1: S0 08:10:00 S1 08:20:00',
      'B1 ALL L2: S3 08:25:00 S2 08:30:00',
      'B2 ALL L2: S3 08:35:00 S2 08:40:00',
    ];
    const t = times({ ...feedOf(runs), 'stops.txt': stops }, placesOnStops(3));
    expect(t.get('0>2')).toBe(30);
  });

  it('runs a trip past 24:00:00 on the morning after its service day', () => {
    const cal =
      'service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\n' +
      'MON,1,0,0,0,0,0,0,20260101,20261231\n';
    const files = feedOf(['NIGHT MON L1: S0 24:40:00 S1 25:05:00'], { 'calendar.txt': cal });
    const night = { ...OPTIONS, windowStartSeconds: hm(0, 30), windowEndSeconds: hm(1, 30) };
    // Monday's 24:40 runs on Tuesday at 00:40…
    expect(times(files, placesOnStops(2), night, gtfsDate('2026-03-10')).get('0>1')).toBe(25);
    // …and not on Monday's own early morning (Sunday's service does not run).
    expect(times(files, placesOnStops(2), night, MONDAY).has('0>1')).toBe(false);
  });

  it('leaves out a service removed by calendar_dates, keeps one added', () => {
    const runs = ['T1 ALL L1: S0 08:10:00 S1 08:25:00', 'T2 EXTRA L1: S1 08:10:00 S0 08:40:00'];
    const dates = 'service_id,date,exception_type\nALL,20260309,2\nEXTRA,20260309,1\n';
    const t = times(feedOf(runs, { 'calendar_dates.txt': dates }), placesOnStops(2));
    expect(t.has('0>1')).toBe(false);
    expect(t.get('1>0')).toBe(30);
    const tuesday = times(
      feedOf(runs, { 'calendar_dates.txt': dates }),
      placesOnStops(2),
      OPTIONS,
      gtfsDate('2026-03-10'),
    );
    expect(tuesday.get('0>1')).toBe(15);
    expect(tuesday.has('1>0')).toBe(false);
  });

  it('expands a frequency-based line (exact_times 1 and 0)', () => {
    const runs = ['F ALL L1: S0 06:00:00 S1 06:12:00 S2 06:30:00'];
    for (const exact of ['1', '0']) {
      const freq = `trip_id,start_time,end_time,headway_secs,exact_times\nF,07:50:00,09:00:00,1200,${exact}\n`;
      const files = feedOf(runs, { 'frequencies.txt': freq });
      const feed = readGtfs(memorySource('f', files));
      const tt = buildTimetable([feed], MONDAY, hm(8), hm(11));
      // Runs at 07:50 (boarded at S1 at 08:02 only), 08:10, 08:30, 08:50; never at the
      // template's 06:00.
      expect(tt.runCount).toBe(4);
      expect([...new Set(tt.depTime.filter((_, c) => tt.depStop[c] === 0))]).toEqual([
        hm(8, 10),
        hm(8, 30),
        hm(8, 50),
      ]);
      const t = times(files, placesOnStops(3));
      expect(t.get('0>1')).toBe(12);
      expect(t.get('0>2')).toBe(30);
      expect(t.get('1>2')).toBe(18);
    }
  });

  it('waits past the window for a stop whose only departure is later, within the cutoff', () => {
    const runs = ['EARLY ALL L1: S0 07:00:00 S1 07:20:00', 'LATE ALL L1: S0 10:30:00 S1 10:50:00'];
    // Leaving at 9:00, the end of the window, for the 10:30: 110 min.
    expect(times(feedOf(runs), placesOnStops(2)).get('0>1')).toBe(110);
    // Beyond the cutoff: absent ("more than 60 min"), not an estimate.
    expect(times(feedOf(runs), placesOnStops(2), { ...OPTIONS, maxMinutes: 60 }).has('0>1')).toBe(
      false,
    );
  });

  it('walks all the way when it is faster, or when there is no service', () => {
    // Two places 1 km apart, no stop near them: 1 × 1.3 / 4.5 h = 17.33 min.
    const a = { lon: 2, lat: 46 };
    const b = { lon: 2, lat: 46 + 1 / 111.195 };
    const km = greatCircleKm(a.lon, a.lat, b.lon, b.lat);
    const t = times(feedOf(['T1 ALL L1: S0 08:10:00 S1 08:25:00']), [a, b]);
    expect(t.get('0>1')).toBeCloseTo(walkSeconds(km, DEFAULT_WALK) / 60, 3);
    expect(t.get('1>0')).toBeCloseTo(17.33, 1);
  });

  it('walks to the stop and from the stop', () => {
    // Places 500 m north of S0 and of S1: 500 m walked at each end (8.67 min each).
    const off = 0.5 / 111.195;
    const places = [
      { lon: STOP_LON, lat: stopLat(0) + off },
      { lon: STOP_LON, lat: stopLat(1) + off },
    ];
    const t = times(feedOf(['T1 ALL L1: S0 08:20:00 S1 08:35:00']), places);
    expect(t.get('0>1')).toBeCloseTo(15 + (2 * 0.5 * 1.3 * 60) / 4.5, 2);
  });
});

// ---------------------------------------------------------------------------------------------
// The router against a brute-force search on random small feeds.

/** Earliest arrival at place d leaving place o at τ: relaxes every connection until nothing moves. */
function bruteEarliest(
  tt: Timetable,
  places: Place[],
  o: number,
  d: number,
  tau: number,
  rnd: Random,
): number {
  const walk = DEFAULT_WALK;
  const km = (p: Place, s: number) => greatCircleKm(p.lon, p.lat, tt.stopLon[s]!, tt.stopLat[s]!);
  const ready = new Float64Array(tt.stopCount).fill(Infinity);
  for (let s = 0; s < tt.stopCount; s++) {
    const k = km(places[o]!, s);
    if (k <= walk.maxAccessKm) ready[s] = tau + walkSeconds(k, walk);
  }
  const pk = greatCircleKm(places[o]!.lon, places[o]!.lat, places[d]!.lon, places[d]!.lat);
  let arrival = tau + walkSeconds(pk, walk);
  const boarded = new Float64Array(tt.runCount).fill(Infinity);
  const order = rnd.shuffle(Array.from({ length: tt.connectionCount }, (_, c) => c));
  for (let changed = true; changed;) {
    changed = false;
    for (const c of order) {
      const dep = tt.depTime[c]!;
      const r = tt.run[c]!;
      if (!((tt.canBoard[c] && ready[tt.depStop[c]!]! <= dep) || boarded[r]! <= dep)) continue;
      if (dep < boarded[r]!) {
        boarded[r] = dep;
        changed = true;
      }
      if (!tt.canAlight[c]) continue;
      const v = tt.arrStop[c]!;
      const arr = tt.arrTime[c]!;
      const e = km(places[d]!, v);
      if (e <= walk.maxAccessKm) arrival = Math.min(arrival, arr + walkSeconds(e, walk));
      const next = (s: number, t: number) => {
        if (t < ready[s]!) {
          ready[s] = t;
          changed = true;
        }
      };
      if (tt.changeSeconds[v]! >= 0) next(v, arr + tt.changeSeconds[v]!);
      for (let f = tt.footStart[v]!; f < tt.footStart[v + 1]!; f++)
        next(tt.footTo[f]!, arr + tt.footSeconds[f]!);
    }
  }
  return arrival;
}

/**
 * min over τ in the window of EA(τ) − τ: EA is a step function of τ that only changes just
 * after a time at which some first stop must be left for (a departure minus the walk to its
 * stop), so its minimum is at one of those times or at the window's end.
 */
function bruteTime(tt: Timetable, places: Place[], o: number, d: number, rnd: Random): number {
  if (o === d) return 0;
  const { windowStartSeconds: w0, windowEndSeconds: w1 } = OPTIONS;
  const taus = new Set<number>([w1]);
  for (let c = 0; c < tt.connectionCount; c++) {
    const s = tt.depStop[c]!;
    const k = greatCircleKm(places[o]!.lon, places[o]!.lat, tt.stopLon[s]!, tt.stopLat[s]!);
    if (k > DEFAULT_WALK.maxAccessKm) continue;
    const tau = tt.depTime[c]! - walkSeconds(k, DEFAULT_WALK);
    if (tau >= w0 && tau <= w1) taus.add(tau);
  }
  let best = Infinity;
  for (const tau of taus) best = Math.min(best, bruteEarliest(tt, places, o, d, tau, rnd) - tau);
  return best / 60;
}

/** A random feed: stops in clusters, lines, frequencies, transfers, and places near the stops. */
function randomFeed(rnd: Random): { files: Record<string, string>; places: Place[] } {
  const stopCount = rnd.int(3, 8);
  // Stops in a few clusters (to change on foot between them), clusters spread over 8 km.
  const at = (x: number, y: number) => ({ lon: 3 + x / 78.7, lat: 45 + y / 111.2 });
  const centres = Array.from({ length: rnd.int(2, 4) }, () => [rnd.range(0, 8), rnd.range(0, 8)]);
  const near = (km: number) => {
    const [x, y] = rnd.pick(centres) as [number, number];
    return at(x + rnd.range(-km, km), y + rnd.range(-km, km));
  };
  const stops = Array.from({ length: stopCount }, () => near(0.3));
  const stopLines = ['stop_id,stop_name,stop_lat,stop_lon'];
  stops.forEach((s, i) => stopLines.push(`S${i},S${i},${s.lat},${s.lon}`));
  const runs: string[] = [];
  const freq = ['trip_id,start_time,end_time,headway_secs,exact_times'];
  const t = (sec: number) =>
    `${String(Math.floor(sec / H)).padStart(2, '0')}:${String(Math.floor(sec / 60) % 60).padStart(2, '0')}:00`;
  for (let l = 0, lines = rnd.int(1, 5); l < lines; l++) {
    const path = rnd
      .shuffle(Array.from({ length: stopCount }, (_, i) => i))
      .slice(0, rnd.int(2, 4));
    const hops = path.slice(1).map(() => rnd.int(1, 15) * 60);
    for (let k = 0, trips = rnd.int(1, 5); k < trips; k++) {
      let time = hm(7, 30) + rnd.int(0, 180) * 60;
      const id = `L${l}T${k}`;
      const parts = path.map((s, i) => {
        if (i > 0) time += hops[i - 1]!;
        return `S${s} ${t(time)}${rnd.chance(0.15) ? rnd.pick(['!p', '!d', '!pd']) : ''}`;
      });
      runs.push(`${id} ALL L${l}: ${parts.join(' ')}`);
      if (rnd.chance(0.2))
        freq.push(`${id},07:40:00,09:10:00,${rnd.int(5, 25) * 60},${rnd.int(0, 1)}`);
    }
  }
  const transfers = ['from_stop_id,to_stop_id,transfer_type,min_transfer_time'];
  for (let k = 0; k < rnd.int(0, 3); k++) {
    const a = rnd.int(0, stopCount - 1);
    const b = rnd.chance(0.5) ? a : rnd.int(0, stopCount - 1);
    const type = rnd.pick([1, 2, 2, 3]);
    transfers.push(`S${a},S${b},${type},${type === 2 ? rnd.int(0, 8) * 60 : ''}`);
  }
  const places = Array.from({ length: rnd.int(2, 4) }, () => near(1.2));
  return {
    files: {
      'stops.txt': stopLines.join('\n') + '\n',
      'calendar.txt': EVERY_DAY,
      ...tripsOf(runs),
      'frequencies.txt': freq.join('\n') + '\n',
      'transfers.txt': transfers.join('\n') + '\n',
    },
    places,
  };
}

describe('transitTimes against a brute-force search', () => {
  it('gives the same time for every pair of 150 random feeds', () => {
    const rnd = createRandom(17);
    let pairs = 0;
    let byTransit = 0;
    for (let n = 0; n < 150; n++) {
      const { files, places } = randomFeed(rnd);
      const feed = readGtfs(memorySource(`random-${n}`, files));
      const tt = buildTimetable(
        [feed],
        MONDAY,
        OPTIONS.windowStartSeconds,
        OPTIONS.windowEndSeconds + OPTIONS.maxMinutes * 60,
      );
      const got = new Map<string, number>();
      transitTimes(tt, places, OPTIONS, (o, d, m) => got.set(`${o}>${d}`, m));
      for (let o = 0; o < places.length; o++) {
        for (let d = 0; d < places.length; d++) {
          const want = bruteTime(tt, places, o, d, rnd);
          const key = `${o}>${d}`;
          if (want <= OPTIONS.maxMinutes) {
            expect(got.get(key), `feed ${n}, ${key}`).toBeCloseTo(want, 6);
            pairs++;
            const pk = greatCircleKm(
              places[o]!.lon,
              places[o]!.lat,
              places[d]!.lon,
              places[d]!.lat,
            );
            if (o !== d && want < walkSeconds(pk, DEFAULT_WALK) / 60 - 1e-9) byTransit++;
          } else expect(got.has(key), `feed ${n}, ${key}`).toBe(false);
        }
      }
    }
    // The random feeds do exercise the timetable, not only walking.
    expect(byTransit).toBeGreaterThan(50);
    expect(pairs).toBeGreaterThan(500);
  });
});
