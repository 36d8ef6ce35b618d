/**
 * Step "sans-voiture" (temps-sans-voiture.arrow, scripts/lib/network-times.ts): door-to-door times without a car between
 * the communes' reference points, from GTFS timetables (`--gtfs FILE.zip`, repeatable), for one
 * weekday and a morning departure window (src/domain/transit/router.ts says what the time is).
 * A feed that does not cover the day is refused with the reason.
 */
import { decimalComma } from '../../src/domain/format.ts';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Commune, Source } from '../../src/domain/model.ts';
import { MAX_REACH_MINUTES } from '../../src/domain/reach/scenario.ts';
import {
  addDays,
  checkFeedCoversDay,
  feedValidity,
  frenchDate,
  frenchDay,
  gtfsDate,
  weekdayIndex,
} from '../../src/domain/transit/calendar.ts';
import {
  GtfsError,
  readGtfs,
  type GtfsFeed,
  type GtfsSource,
} from '../../src/domain/transit/gtfs.ts';
import { transitTimes } from '../../src/domain/transit/router.ts';
import { DEFAULT_WALK, buildTimetable } from '../../src/domain/transit/timetable.ts';
import { toTenthOfMinute } from '../../src/data/network-times.ts';
import type { NetworkTimes } from '../lib/network-times.ts';
import { StepTimer } from '../lib/steps.ts';
import { readZip } from './zip.ts';

export const TRANSIT_SOURCE_ID = 'gtfs';
export const DEFAULT_WINDOW = '08:00-09:00';
/** The cutoff: the longest threshold a user can set, so every threshold reads its pairs. */
export const TRANSIT_MAX_MINUTES = MAX_REACH_MINUTES;

export interface TransitOptions {
  /** Paths of the GTFS zip files. */
  feeds: readonly string[];
  /** YYYY-MM-DD; default: the first Tuesday of the period every feed covers. */
  date?: string | undefined;
  /** "HH:MM-HH:MM"; default DEFAULT_WINDOW. */
  window?: string | undefined;
  /** Licence line of the source, when the caller knows it (GTFS files do not say). */
  licence?: string;
  log?: (message: string) => void;
}

export interface TransitBuild {
  /** The sans-voiture times, for addNetworkTimes (scripts/lib/network-times.ts). */
  times: NetworkTimes;
  timings: Record<string, number>;
  stats: { stops: number; runs: number; connections: number; pairs: number };
}

/**
 * Decodes UTF-8 bytes in 64 kB chunks of text. Measured: with 1 MB chunks, reading a 3 MB
 * stop_times.txt took 0.5 s in a fresh process but 11 s once a small feed had been read before
 * (the CSV tokenizer's optimised code then slows down on long chunks); 64 kB chunks take 0.9 s
 * in both cases.
 */
function* chunksOf(bytes: Uint8Array): Generator<string> {
  const decoder = new TextDecoder('utf-8');
  const step = 1 << 16;
  for (let i = 0; i < bytes.length; i += step)
    yield decoder.decode(bytes.subarray(i, i + step), { stream: i + step < bytes.length });
}

/** A GTFS zip as a feed source: each file inflated when it is read. */
export function zipSource(path: string): GtfsSource {
  const name = basename(path);
  const entries = readZip(readFileSync(path), name);
  return {
    name,
    read(file) {
      const entry = entries.get(file);
      return entry ? chunksOf(entry.bytes()) : null;
    },
  };
}

/** [start, end] in seconds from "08:00-09:00". */
export function parseWindow(text: string): [number, number] {
  const m = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(text.trim());
  const s = m ? Number(m[1]) * 3600 + Number(m[2]) * 60 : NaN;
  const e = m ? Number(m[3]) * 3600 + Number(m[4]) * 60 : NaN;
  if (!m || !(s < e) || Number(m[2]) > 59 || Number(m[4]) > 59 || e > 30 * 3600)
    throw new GtfsError(
      `Plage de départ illisible « ${text} » : HH:MM-HH:MM attendu (08:00-09:00).`,
    );
  return [s, e];
}

/** The first Tuesday (an ordinary weekday) of the period every feed covers, YYYYMMDD. */
export function defaultDay(feeds: readonly GtfsFeed[]): string {
  let start = '';
  let end = '99991231';
  for (const f of feeds) {
    const v = feedValidity(f);
    if (!v) continue;
    if (v.start > start) start = v.start;
    if (v.end < end) end = v.end;
  }
  if (!start || start > end)
    throw new GtfsError(
      'Les flux GTFS n’ont pas de période de validité commune : précisez le jour avec --gtfs-date AAAA-MM-JJ.',
    );
  return addDays(start, (8 - weekdayIndex(start)) % 7);
}

const hhmm = (s: number) =>
  `${Math.floor(s / 3600)} h${s % 3600 ? ` ${String(Math.floor(s / 60) % 60).padStart(2, '0')}` : ''}`;
const fr = (n: number) => decimalComma(n);

export function transitStep(communes: readonly Commune[], options: TransitOptions): TransitBuild {
  const time = new StepTimer();
  const log = options.log ?? (() => {});
  const feeds = time.step('gtfs-read', () => options.feeds.map((f) => readGtfs(zipSource(f))));
  const day = options.date ? gtfsDate(options.date) : defaultDay(feeds);
  for (const f of feeds) checkFeedCoversDay(f, day);
  const [w0, w1] = parseWindow(options.window ?? DEFAULT_WINDOW);
  const maxMinutes = TRANSIT_MAX_MINUTES;
  const tt = time.step('gtfs-timetable', () =>
    buildTimetable(feeds, day, w0, w1 + maxMinutes * 60, DEFAULT_WALK),
  );
  const pairs = { origin: [] as string[], destination: [] as string[], minutes: [] as number[] };
  time.step('gtfs-route', () =>
    transitTimes(
      tt,
      communes,
      { windowStartSeconds: w0, windowEndSeconds: w1, maxMinutes, walk: DEFAULT_WALK },
      (o, d, minutes) => {
        pairs.origin.push(communes[o]!.code);
        pairs.destination.push(communes[d]!.code);
        pairs.minutes.push(minutes);
      },
    ),
  );
  // In origin then destination order, to the tenth of a minute.
  const rows = time.step('gtfs-sort', () => {
    const order = pairs.origin.map((_, i) => i);
    const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    order.sort(
      (a, b) =>
        cmp(pairs.origin[a]!, pairs.origin[b]!) ||
        cmp(pairs.destination[a]!, pairs.destination[b]!),
    );
    return {
      origin: order.map((i) => pairs.origin[i]!),
      destination: order.map((i) => pairs.destination[i]!),
      minutes: Float64Array.from(order, (i) => toTenthOfMinute(pairs.minutes[i]!)),
    };
  });

  const w = DEFAULT_WALK;
  const detail =
    `Trajet le plus rapide partant du point de référence de la commune (chef-lieu) entre ` +
    `${hhmm(w0)} et ${hhmm(w1)} le ${frenchDay(day)}, jusqu’au point de référence de la commune ` +
    `d’arrivée : marche jusqu’à un arrêt (${fr(w.maxAccessKm)} km à vol d’oiseau au plus, ` +
    `${fr(w.walkSpeedKmh)} km/h, détour ${fr(w.walkDetourFactor)}), attente, trajets, ` +
    `correspondances (${w.defaultChangeSeconds / 60} min au même arrêt sauf indication du flux, à pied ` +
    `jusqu’à ${w.maxTransferKm * 1000} m), marche depuis l’arrêt ; à pied seulement quand c’est plus ` +
    `rapide. Un trajet qui passe une fois dans la plage compte, quelle que soit sa fréquence. Un ` +
    `couple absent n’a aucun trajet de ${maxMinutes} min ou moins partant dans la plage, même à pied.`;
  const validity = feeds
    .map((f) => {
      const v = feedValidity(f)!;
      const who = f.feedInfo?.publisher || f.agencies.join(', ') || 'producteur non indiqué';
      return `${f.name} (${who}, valable du ${frenchDate(v.start)} au ${frenchDate(v.end)})`;
    })
    .join(' ; ');
  const source: Source = {
    id: TRANSIT_SOURCE_ID,
    producer: [...new Set(feeds.map((f) => f.feedInfo?.publisher || f.agencies[0] || ''))]
      .filter(Boolean)
      .join(', '),
    title: `Horaires des transports publics (GTFS) : ${validity}`,
    licence:
      options.licence ??
      'Celle de chaque flux, donnée par son producteur (le format GTFS ne la porte pas)',
    millesime: `${frenchDay(day)}, départs de ${hhmm(w0)} à ${hhmm(w1)}`,
    url: '',
    note: detail,
  };
  const times: NetworkTimes = {
    mode: 'sans-voiture',
    network: 'transports',
    label: 'Transports publics (horaires GTFS) et marche',
    source,
    maxMinutes,
    rows,
    detail,
  };
  const stats = {
    stops: tt.stopCount,
    runs: tt.runCount,
    connections: tt.connectionCount,
    pairs: pairs.origin.length,
  };
  log(
    `  GTFS : ${feeds.map((f) => f.name).join(', ')} — ${frenchDay(day)}, ${tt.runsPerFeed.join(' + ')} courses, ` +
      `${tt.connectionCount} tronçons ; ${pairs.origin.length} couples de communes à ${maxMinutes} min ou moins`,
  );
  return { times, timings: time.timings, stats };
}
