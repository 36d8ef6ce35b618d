/* eslint-disable max-lines -- the GTFS tables a router needs read together, since their cross references (stops, trips, services) are checked against one another. */
/**
 * Reading a GTFS feed (https://gtfs.org/documentation/schedule/reference/): the text files a
 * timetable router needs, parsed with the project's CSV tokenizer (comma-separated UTF-8, quoted
 * fields, optional byte order mark), into compact arrays. The files come as chunks of text, so a
 * stop_times.txt of hundreds of megabytes is never one string; unzipping is the caller's job.
 *
 * Kept: agency, feed_info, stops, routes, trips, stop_times (times may pass 24:00:00: a trip
 * that runs after midnight belongs to the service day it started on), calendar, calendar_dates,
 * frequencies, transfers; pickup_type and drop_off_type 1 (no boarding, no alighting) are kept,
 * other values (2 and 3: on request, by phone or to the driver) count as possible. Stop times without a time (non-timepoints) are interpolated linearly
 * between the timed stops around them, by stop order.
 */
import { CsvTokenizer } from '../import/csv.ts';

/** Reads one file of the feed as chunks of text, or null when the feed does not have it. */
export interface GtfsSource {
  /** File name of the feed, for messages and for the dataset's source. */
  readonly name: string;
  read(file: string): Iterable<string> | null;
}

export interface GtfsStop {
  id: string;
  name: string;
  lon: number;
  lat: number;
}

export interface GtfsCalendar {
  /** Monday first, as in calendar.txt. */
  days: readonly boolean[];
  /** YYYYMMDD, inclusive. */
  start: string;
  end: string;
}

export interface GtfsFrequency {
  startSeconds: number;
  endSeconds: number;
  headwaySeconds: number;
  /** 1: trips leave exactly every headway from the start; 0: a headway-based service. */
  exactTimes: 0 | 1;
}

export interface GtfsTransfer {
  from: number;
  to: number;
  /** transfer_type: 0 recommended, 1 timed, 2 minimum time, 3 not possible. */
  type: number;
  minSeconds: number | null;
}

export interface GtfsFeed {
  name: string;
  agencies: string[];
  /** feed_info.txt, when present. Dates YYYYMMDD or null. */
  feedInfo: { publisher: string; version: string; start: string | null; end: string | null } | null;
  /** Boarding points: stops and platforms (location_type 0 or empty); stations are left out. */
  stops: GtfsStop[];
  stopIndex: Map<string, number>;
  trips: { id: string; routeId: string; serviceId: string }[];
  routes: Map<string, { shortName: string; longName: string; type: number }>;
  /** Stop times of trip t are rows tripStart[t] … tripStart[t + 1] − 1, in stop_sequence order. */
  tripStart: Int32Array;
  stopOf: Int32Array;
  arrival: Int32Array;
  departure: Int32Array;
  /** 1 where pickup_type (resp. drop_off_type) is 1: no boarding (alighting) at that stop time. */
  noPickup: Uint8Array;
  noDropOff: Uint8Array;
  calendars: Map<string, GtfsCalendar>;
  /** service_id → date YYYYMMDD → exception_type (1 added, 2 removed). */
  calendarDates: Map<string, Map<string, 1 | 2>>;
  /** trip index → its frequency periods (frequencies.txt). */
  frequencies: Map<number, GtfsFrequency[]>;
  transfers: GtfsTransfer[];
}

/** A feed that cannot be used, with the French reason. */
export class GtfsError extends Error {
  override name = 'GtfsError';
}

/** Seconds after midnight of the service day; hours may pass 24 ("25:10:00"). NaN if unreadable. */
export function parseGtfsTime(s: string): number {
  const m = /^\s*(\d{1,3}):([0-5]\d):([0-5]\d)\s*$/.exec(s);
  if (!m) return NaN;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

const isDate = (s: string) => /^\d{8}$/.test(s);

interface Row {
  get(column: string): string;
  line: number;
}

/**
 * Calls onRow for every record of `file`; the columns of `required` must be in the header. Returns
 * false when the feed has no such file.
 */
function readTable(
  source: GtfsSource,
  file: string,
  required: readonly string[],
  onRow: (row: Row) => void,
): boolean {
  const chunks = source.read(file);
  if (!chunks) return false;
  let columns: Map<string, number> | null = null;
  const cellsRef: { cells: string[]; line: number } = { cells: [], line: 0 };
  const row: Row = {
    get: (c) => {
      const i = columns?.get(c);
      return i === undefined ? '' : (cellsRef.cells[i] ?? '').trim();
    },
    get line() {
      return cellsRef.line;
    },
  };
  const tokenizer = new CsvTokenizer(',', (cells, line) => {
    if (!columns) {
      columns = new Map(cells.map((c, i) => [c.replace(/^\uFEFF/, '').trim(), i]));
      const missing = required.filter((c) => !columns!.has(c));
      if (missing.length > 0)
        throw new GtfsError(
          `${source.name} : ${file} n’a pas la colonne ${missing.join(', ')} qu’exige le format GTFS.`,
        );
      return;
    }
    cellsRef.cells = cells;
    cellsRef.line = line;
    onRow(row);
  });
  for (const chunk of chunks) tokenizer.push(chunk);
  if (tokenizer.end() !== null)
    throw new GtfsError(`${source.name} : ${file} a un guillemet jamais refermé.`);
  return true;
}

/** A growable Int32Array, for the stop_times of large feeds. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

const fail = (source: GtfsSource, file: string, line: number, what: string): never => {
  throw new GtfsError(`${source.name} : ${file}, ligne ${line} : ${what}.`);
};

/** Reads the feed; throws GtfsError (French message) when a required file or column is missing. */
export function readGtfs(source: GtfsSource): GtfsFeed {
  const agencies: string[] = [];
  readTable(source, 'agency.txt', ['agency_name'], (r) => agencies.push(r.get('agency_name')));

  let feedInfo: GtfsFeed['feedInfo'] = null;
  readTable(source, 'feed_info.txt', ['feed_publisher_name'], (r) => {
    const start = r.get('feed_start_date');
    const end = r.get('feed_end_date');
    feedInfo = {
      publisher: r.get('feed_publisher_name'),
      version: r.get('feed_version'),
      start: isDate(start) ? start : null,
      end: isDate(end) ? end : null,
    };
  });

  const stops: GtfsStop[] = [];
  const stopIndex = new Map<string, number>();
  const hasStops = readTable(source, 'stops.txt', ['stop_id'], (r) => {
    const type = r.get('location_type');
    if (type !== '' && type !== '0') return;
    const lon = Number(r.get('stop_lon'));
    const lat = Number(r.get('stop_lat'));
    if (r.get('stop_lon') === '' || !Number.isFinite(lon) || !Number.isFinite(lat))
      fail(source, 'stops.txt', r.line, 'arrêt sans coordonnées');
    stopIndex.set(r.get('stop_id'), stops.length);
    stops.push({ id: r.get('stop_id'), name: r.get('stop_name'), lon, lat });
  });
  if (!hasStops) throw new GtfsError(`${source.name} : le fichier stops.txt manque.`);

  const routes: GtfsFeed['routes'] = new Map();
  readTable(source, 'routes.txt', ['route_id'], (r) =>
    routes.set(r.get('route_id'), {
      shortName: r.get('route_short_name'),
      longName: r.get('route_long_name'),
      type: Number(r.get('route_type')),
    }),
  );

  const trips: GtfsFeed['trips'] = [];
  const tripIndex = new Map<string, number>();
  const hasTrips = readTable(source, 'trips.txt', ['route_id', 'service_id', 'trip_id'], (r) => {
    tripIndex.set(r.get('trip_id'), trips.length);
    trips.push({
      id: r.get('trip_id'),
      routeId: r.get('route_id'),
      serviceId: r.get('service_id'),
    });
  });
  if (!hasTrips) throw new GtfsError(`${source.name} : le fichier trips.txt manque.`);

  // stop_times in file order; sorted by (trip, stop_sequence) afterwards.
  const tripOf = new IntList();
  const seqOf = new IntList();
  const stopList = new IntList();
  const arr = new IntList();
  const dep = new IntList();
  const rules = new IntList(); // bit 0: no pickup, bit 1: no drop-off
  const hasStopTimes = readTable(
    source,
    'stop_times.txt',
    ['trip_id', 'stop_id', 'stop_sequence', 'arrival_time', 'departure_time'],
    (r) => {
      const t = tripIndex.get(r.get('trip_id'));
      if (t === undefined)
        fail(source, 'stop_times.txt', r.line, `course inconnue ${r.get('trip_id')}`);
      const s = stopIndex.get(r.get('stop_id'));
      if (s === undefined)
        fail(source, 'stop_times.txt', r.line, `arrêt inconnu ${r.get('stop_id')}`);
      const a = r.get('arrival_time');
      const d = r.get('departure_time');
      const as = a === '' ? -1 : parseGtfsTime(a);
      const ds = d === '' ? -1 : parseGtfsTime(d);
      if (Number.isNaN(as) || Number.isNaN(ds))
        fail(source, 'stop_times.txt', r.line, `heure illisible « ${Number.isNaN(as) ? a : d} »`);
      tripOf.push(t as number);
      seqOf.push(Number(r.get('stop_sequence')));
      stopList.push(s as number);
      // A time given on one side only stands for both.
      arr.push(as < 0 ? ds : as);
      dep.push(ds < 0 ? as : ds);
      rules.push((r.get('pickup_type') === '1' ? 1 : 0) | (r.get('drop_off_type') === '1' ? 2 : 0));
    },
  );
  if (!hasStopTimes) throw new GtfsError(`${source.name} : le fichier stop_times.txt manque.`);
  const n = tripOf.length;
  const order = new Int32Array(n).map((_, i) => i);
  order.sort(
    (i, j) =>
      (tripOf.data[i] as number) - (tripOf.data[j] as number) ||
      (seqOf.data[i] as number) - (seqOf.data[j] as number),
  );
  const tripStart = new Int32Array(trips.length + 1);
  const stopOf = new Int32Array(n);
  const arrival = new Int32Array(n);
  const departure = new Int32Array(n);
  const noPickup = new Uint8Array(n);
  const noDropOff = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    noPickup[k] = (rules.data[i] as number) & 1;
    noDropOff[k] = ((rules.data[i] as number) >> 1) & 1;
    stopOf[k] = stopList.data[i] as number;
    arrival[k] = arr.data[i] as number;
    departure[k] = dep.data[i] as number;
    const t = (tripOf.data[i] as number) + 1;
    tripStart[t] = (tripStart[t] as number) + 1;
  }
  for (let t = 0; t < trips.length; t++)
    tripStart[t + 1] = (tripStart[t + 1] as number) + (tripStart[t] as number);
  for (let t = 0; t < trips.length; t++) {
    interpolate(source, trips[t]!.id, arrival, departure, tripStart[t]!, tripStart[t + 1]!);
  }

  const calendars = new Map<string, GtfsCalendar>();
  const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  readTable(source, 'calendar.txt', ['service_id', ...DAYS, 'start_date', 'end_date'], (r) => {
    const start = r.get('start_date');
    const end = r.get('end_date');
    if (!isDate(start) || !isDate(end))
      fail(source, 'calendar.txt', r.line, 'date illisible (AAAAMMJJ attendu)');
    calendars.set(r.get('service_id'), {
      days: DAYS.map((d) => r.get(d) === '1'),
      start,
      end,
    });
  });
  const calendarDates = new Map<string, Map<string, 1 | 2>>();
  readTable(source, 'calendar_dates.txt', ['service_id', 'date', 'exception_type'], (r) => {
    const date = r.get('date');
    const type = r.get('exception_type');
    if (!isDate(date) || (type !== '1' && type !== '2'))
      fail(source, 'calendar_dates.txt', r.line, 'date ou type d’exception illisible');
    const id = r.get('service_id');
    let m = calendarDates.get(id);
    if (!m) calendarDates.set(id, (m = new Map()));
    m.set(date, type === '1' ? 1 : 2);
  });
  if (calendars.size === 0 && calendarDates.size === 0)
    throw new GtfsError(`${source.name} : ni calendar.txt ni calendar_dates.txt.`);

  const frequencies = new Map<number, GtfsFrequency[]>();
  readTable(
    source,
    'frequencies.txt',
    ['trip_id', 'start_time', 'end_time', 'headway_secs'],
    (r) => {
      const t = tripIndex.get(r.get('trip_id'));
      if (t === undefined)
        fail(source, 'frequencies.txt', r.line, `course inconnue ${r.get('trip_id')}`);
      const f: GtfsFrequency = {
        startSeconds: parseGtfsTime(r.get('start_time')),
        endSeconds: parseGtfsTime(r.get('end_time')),
        headwaySeconds: Number(r.get('headway_secs')),
        exactTimes: r.get('exact_times') === '1' ? 1 : 0,
      };
      if (Number.isNaN(f.startSeconds) || Number.isNaN(f.endSeconds) || !(f.headwaySeconds > 0))
        fail(source, 'frequencies.txt', r.line, 'heure ou intervalle illisible');
      let list = frequencies.get(t as number);
      if (!list) frequencies.set(t as number, (list = []));
      list.push(f);
    },
  );

  const transfers: GtfsTransfer[] = [];
  readTable(source, 'transfers.txt', ['from_stop_id', 'to_stop_id', 'transfer_type'], (r) => {
    const from = stopIndex.get(r.get('from_stop_id'));
    const to = stopIndex.get(r.get('to_stop_id'));
    // Transfers between stations or trip-to-trip rules are not modelled: stop to stop only.
    if (from === undefined || to === undefined || r.get('from_trip_id') || r.get('to_trip_id'))
      return;
    const min = r.get('min_transfer_time');
    transfers.push({
      from,
      to,
      type: Number(r.get('transfer_type') || '0'),
      minSeconds: min === '' ? null : Number(min),
    });
  });

  return {
    name: source.name,
    agencies,
    feedInfo,
    stops,
    stopIndex,
    trips,
    routes,
    tripStart,
    stopOf,
    arrival,
    departure,
    noPickup,
    noDropOff,
    calendars,
    calendarDates,
    frequencies,
    transfers,
  };
}

/** Fills the stop times left empty (-1) between two timed stops, linearly by stop order. */
function interpolate(
  source: GtfsSource,
  trip: string,
  arrival: Int32Array,
  departure: Int32Array,
  start: number,
  end: number,
): void {
  if (end - start < 1) return;
  if ((arrival[start] as number) < 0 || (departure[end - 1] as number) < 0)
    throw new GtfsError(
      `${source.name} : la course ${trip} n’a pas d’heure au premier ou au dernier arrêt.`,
    );
  let last = start;
  for (let k = start + 1; k < end; k++) {
    if ((arrival[k] as number) < 0) continue;
    const t0 = departure[last] as number;
    const t1 = arrival[k] as number;
    for (let j = last + 1; j < k; j++) {
      const t = Math.round(t0 + ((t1 - t0) * (j - last)) / (k - last));
      arrival[j] = t;
      departure[j] = t;
    }
    last = k;
  }
}
