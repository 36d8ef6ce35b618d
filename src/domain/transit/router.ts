/**
 * Door-to-door times without a car between points (commune reference points), on a one-day
 * timetable: walk to a stop, wait, ride, change (same stop or a short walk), walk to the
 * destination point; or walk all the way when that is faster.
 *
 * The measure: for a departure window [W0, W1] (8:00–9:00 by default), the time of the fastest
 * trip that leaves the origin point within the window,
 *
 *   minutes(o, d) = min over τ in [W0, W1] of (EA(o, d, τ) − τ) / 60
 *
 * where EA is the earliest arrival at d when leaving o at τ. It answers "someone who plans the
 * trip, as for an appointment, and may leave at any time of the morning window: how long is the
 * trip?" It does not say how often one can make it: a line running twice a day counts as soon as
 * one of its runs leaves in the window. Waiting at the first stop is not counted when one leaves
 * home just in time; waiting for a connection is.
 *
 * The algorithm is the profile variant of the Connection Scan Algorithm (Dibbelt, Pajor,
 * Strasser, Wagner, "Connection Scan Algorithm", ACM JEA 2018, §4), run once per destination
 * over the day's connections in decreasing departure order: each stop keeps the Pareto set of
 * (departure, arrival at the destination) pairs, from which every origin's best trip in the
 * window is read. Chosen over RAPTOR because its one-to-all profile per destination is exactly
 * this measure, on flat arrays, with no rounds to bound.
 */
import { PointGrid } from './nearby.ts';
import { walkSeconds, type Timetable, type WalkParameters } from './timetable.ts';

export interface RouterOptions {
  windowStartSeconds: number;
  windowEndSeconds: number;
  /** Pairs whose time is above this are not reported ("more than maxMinutes"). */
  maxMinutes: number;
  walk: WalkParameters;
}

export interface Place {
  lon: number;
  lat: number;
}

/** Stops within walking reach of each place, and the walking seconds. */
interface Access {
  stops: number[][];
  seconds: number[][];
}

function accessOf(tt: Timetable, places: readonly Place[], walk: WalkParameters): Access {
  const grid = new PointGrid(tt.stopLon, tt.stopLat, walk.maxAccessKm);
  const stops: number[][] = [];
  const seconds: number[][] = [];
  for (const p of places) {
    const s: number[] = [];
    const w: number[] = [];
    grid.within(p.lon, p.lat, walk.maxAccessKm, (i, km) => {
      s.push(i);
      w.push(walkSeconds(km, walk));
    });
    stops.push(s);
    seconds.push(w);
  }
  return { stops, seconds };
}

/**
 * Calls visit(origin, destination, minutes) for every pair of places whose time is at most
 * maxMinutes, destination by destination; a place to itself is 0 min. A pair not visited has no
 * trip within maxMinutes, walking included.
 */
export function transitTimes(
  tt: Timetable,
  places: readonly Place[],
  options: RouterOptions,
  visit: (origin: number, destination: number, minutes: number) => void,
): void {
  const { walk, windowStartSeconds: w0, windowEndSeconds: w1 } = options;
  const maxSeconds = options.maxMinutes * 60;
  const access = accessOf(tt, places, walk);
  // Places reaching each stop on foot (the origins a stop's profile serves).
  const originsOf: number[][] = Array.from({ length: tt.stopCount }, () => []);
  access.stops.forEach((list, o) => list.forEach((s) => originsOf[s]!.push(o)));
  const placeGrid = new PointGrid(
    places.map((p) => p.lon),
    places.map((p) => p.lat),
    2,
  );
  const walkAloneKm = (maxSeconds * walk.walkSpeedKmh) / 3600 / walk.walkDetourFactor;

  const egress = new Float64Array(tt.stopCount).fill(Infinity);
  const runBest = new Float64Array(tt.runCount).fill(Infinity);
  const profDep: number[][] = Array.from({ length: tt.stopCount }, () => []);
  const profArr: number[][] = Array.from({ length: tt.stopCount }, () => []);
  const touched: number[] = [];
  const best = new Float64Array(places.length).fill(Infinity);
  // Candidate departures of one origin: (leave home at τ, arrive at).
  const candTau: number[] = [];
  const candArr: number[] = [];
  const candOrder: number[] = [];

  /** Earliest arrival among the profile entries of stop s leaving at or after t. */
  const evaluate = (s: number, t: number): number => {
    const dep = profDep[s]!;
    // Entries are in decreasing departure (and arrival) order: the last one leaving at or after t.
    let lo = 0;
    let hi = dep.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dep[mid]! >= t) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? Infinity : profArr[s]![lo - 1]!;
  };

  for (let d = 0; d < places.length; d++) {
    const egressStops = access.stops[d]!;
    egressStops.forEach((s, k) => (egress[s] = access.seconds[d]![k]!));
    const deadline = w1 + maxSeconds;
    for (let c = tt.connectionCount - 1; c >= 0; c--) {
      const arr = tt.arrTime[c]!;
      if (arr > deadline) continue;
      const v = tt.arrStop[c]!;
      const r = tt.run[c]!;
      let t = runBest[r]!;
      if (tt.canAlight[c]) {
        t = Math.min(t, arr + egress[v]!);
        const change = tt.changeSeconds[v]!;
        if (change >= 0 && profDep[v]!.length > 0) t = Math.min(t, evaluate(v, arr + change));
        for (let f = tt.footStart[v]!; f < tt.footStart[v + 1]!; f++) {
          const w = tt.footTo[f]!;
          if (profDep[w]!.length > 0) t = Math.min(t, evaluate(w, arr + tt.footSeconds[f]!));
        }
      }
      if (t > deadline) continue;
      runBest[r] = t;
      if (!tt.canBoard[c]) continue;
      const u = tt.depStop[c]!;
      const dep = tt.depTime[c]!;
      const pd = profDep[u]!;
      const pa = profArr[u]!;
      const last = pd.length - 1;
      if (last < 0) {
        touched.push(u);
        pd.push(dep);
        pa.push(t);
      } else if (t < pa[last]!) {
        if (pd[last] === dep) pa[last] = t;
        else {
          pd.push(dep);
          pa.push(t);
        }
      }
    }

    // Walking all the way.
    const dp = places[d]!;
    placeGrid.within(dp.lon, dp.lat, walkAloneKm, (o, km) => {
      if (o !== d) best[o] = walkSeconds(km, walk);
    });
    // By public transport, from the stops whose profile is not empty.
    const origins = new Set<number>();
    for (const s of touched) for (const o of originsOf[s]!) origins.add(o);
    for (const o of origins) {
      if (o === d) continue;
      candTau.length = 0;
      candArr.length = 0;
      // Trips leaving after the window count only through EA(W1): at each stop, the earliest
      // arrival of those is that of its last entry leaving after W1 (entries are in decreasing
      // departure and arrival order), found by bisection; the entries in the window follow.
      let ea = Infinity;
      const stops = access.stops[o]!;
      for (let k = 0; k < stops.length; k++) {
        const s = stops[k]!;
        const w = access.seconds[o]![k]!;
        const pd = profDep[s]!;
        const pa = profArr[s]!;
        let lo = 0;
        let hi = pd.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (pd[mid]! - w > w1) lo = mid + 1;
          else hi = mid;
        }
        if (lo > 0 && pa[lo - 1]! < ea) ea = pa[lo - 1]!;
        for (let e = lo; e < pd.length; e++) {
          const tau = pd[e]! - w;
          if (tau < w0) break;
          candTau.push(tau);
          candArr.push(pa[e]!);
        }
      }
      if (candTau.length === 0 && ea === Infinity) continue;
      candOrder.length = 0;
      for (let i = 0; i < candTau.length; i++) candOrder.push(i);
      if (stops.length > 1) candOrder.sort((a, b) => candTau[b]! - candTau[a]!);
      // EA(τ) is the earliest arrival among candidates leaving at or after τ; EA(τ) − τ is
      // smallest at a candidate's own τ, or at the window's end.
      let bestSeconds = best[o]!;
      let endDone = false;
      for (const i of candOrder) {
        const tau = candTau[i]!;
        if (tau < w1 && !endDone) {
          endDone = true;
          bestSeconds = Math.min(bestSeconds, ea - w1);
        }
        ea = Math.min(ea, candArr[i]!);
        bestSeconds = Math.min(bestSeconds, ea - tau);
      }
      if (!endDone) bestSeconds = Math.min(bestSeconds, ea - w1);
      best[o] = bestSeconds;
    }
    best[d] = 0;
    for (let o = 0; o < places.length; o++) {
      const s = best[o]!;
      if (s <= maxSeconds) visit(o, d, s / 60);
      best[o] = Infinity;
    }

    for (const s of egressStops) egress[s] = Infinity;
    for (const s of touched) {
      profDep[s]!.length = 0;
      profArr[s]!.length = 0;
    }
    touched.length = 0;
    runBest.fill(Infinity);
  }
}
