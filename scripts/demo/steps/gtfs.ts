/**
 * Step "gtfs" (the demo's GTFS feed, a zip written outside the dataset and read back through
 * `--gtfs`): the fictional timetables of the demo département, for the school year 2024–2025.
 *
 * - Four coach lines between the urban poles (the préfecture to each other pole, and the second
 *   pole to the third), stopping in every commune they cross: hourly on weekdays, every two
 *   hours on Saturdays.
 * - The préfecture's town bus, a frequency-based line (frequencies.txt, every 10 min, headway-based:
 *   exact_times 0) through the préfecture and its neighbours.
 * - A rural line twice a day (two round trips, weekdays) from the bourg farthest from any pole.
 * - An on-demand line (transport à la demande): a line with three fixed runs a day each way that
 *   run only when booked (pickup_type and drop_off_type 2, « sur réservation » in its name and
 *   description). The router counts them as running: the times are those of a booked trip.
 *
 * Weekday services are removed on the public holidays of the period (calendar_dates.txt).
 */
import { decimalPoint } from '../../../src/domain/format.ts';
import type { Commune } from '../../../src/domain/model.ts';
import type { Random } from '../../../src/domain/random.ts';
import { at, dist } from '../plane.ts';
import type { DemoCommunes } from './communes.ts';
import type { DemoLand } from './land.ts';

export const DEMO_GTFS_NAME = 'demo-gtfs.zip';
const START = '20240902';
const END = '20250704';
/** Weekday public holidays between START and END. */
const HOLIDAYS = [
  '20241101',
  '20241111',
  '20241225',
  '20250101',
  '20250421',
  '20250501',
  '20250508',
  '20250529',
  '20250609',
];
/** Coach: straight line × 1.3 at 45 km/h, plus half a minute per stop. */
const hopMinutes = (km: number) => Math.max(1, Math.round((km * 1.3 * 60) / 45 + 0.5));

/** Shortest chain of neighbouring cells from a to b (Dijkstra on the distances between seeds). */
function cellPath(land: DemoLand, a: number, b: number): number[] {
  const n = land.seeds.length;
  const d = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  d[a] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && (u < 0 || d[i]! < d[u]!)) u = i;
    if (u < 0 || u === b || d[u] === Infinity) break;
    done[u] = 1;
    for (const v of at(land.neighbours, u)) {
      const w = d[u]! + dist(at(land.seeds, u), at(land.seeds, v));
      if (w < d[v]!) {
        d[v] = w;
        prev[v] = u;
      }
    }
  }
  const path = [b];
  while (path[0] !== a) path.unshift(prev[path[0]!]!);
  return path;
}

const csv = (header: string, rows: readonly (readonly (string | number)[])[]) =>
  [
    header,
    ...rows.map((r) =>
      r.map((v) => (/[",]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : v)).join(','),
    ),
  ].join('\n') + '\n';

const time = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;

interface Line {
  id: string;
  agency: string;
  short: string;
  long: string;
  desc: string;
  cells: number[];
  /** Departures from the first cell and from the last one, minutes after midnight, by service. */
  runs: { service: string; out: number[]; back: number[] }[];
  onDemand?: boolean;
}

/** The feed's files, as text. */
export function gtfsStep(land: DemoLand, demo: DemoCommunes, rnd: Random): Map<string, string> {
  const communes = demo.communes;
  const [pref, p1, p2, p3] = land.poleCells as [number, number, number, number];
  const hourly = (from: number, to: number, every: number) => {
    const out: number[] = [];
    for (let m = from; m <= to; m += every) out.push(m);
    return out;
  };
  const coach = (id: string, a: number, b: number): Line => ({
    id,
    agency: 'CARS',
    short: id,
    long: `${at(communes, a).name} – ${at(communes, b).name}`,
    desc: 'Ligne de car interurbaine (fictive)',
    cells: cellPath(land, a, b),
    runs: [
      {
        service: 'SEM',
        out: hourly(6 * 60 + 30, 19 * 60 + 30, 60),
        back: hourly(6 * 60, 19 * 60, 60),
      },
      {
        service: 'SAM',
        out: hourly(8 * 60, 18 * 60, 120),
        back: hourly(7 * 60 + 30, 17 * 60 + 30, 120),
      },
    ],
  });
  // The bourgs farthest from any pole: the rural line's and the on-demand line's ends.
  const poleDist = (c: number) =>
    Math.min(...land.poleCells.map((p) => dist(at(land.seeds, c), at(land.seeds, p))));
  const nearestPole = (c: number) =>
    land.poleCells.reduce((best, p) =>
      dist(at(land.seeds, c), at(land.seeds, p)) < dist(at(land.seeds, c), at(land.seeds, best))
        ? p
        : best,
    );
  const remote = [...land.bourgCells].sort((a, b) => poleDist(b) - poleDist(a));
  const rural = at(remote, 0);
  const tad = at(remote, 1);
  // The town bus: from one neighbour of the préfecture through it to the farthest neighbour.
  const around = at(land.neighbours, pref);
  const townA = at(around, 0);
  const townB = around.reduce((best, c) =>
    dist(at(land.seeds, c), at(land.seeds, townA)) >
    dist(at(land.seeds, best), at(land.seeds, townA))
      ? c
      : best,
  );
  const lines: Line[] = [
    coach('1', pref, p1),
    coach('2', pref, p2),
    coach('3', pref, p3),
    coach('4', p1, p2),
    {
      id: 'U',
      agency: 'URBAIN',
      short: 'U',
      long: `Bus de ${at(communes, pref).name}`,
      desc: 'Bus urbain, toutes les 10 minutes (fictif)',
      cells: [townA, pref, townB],
      runs: [{ service: 'SEM', out: [6 * 60], back: [6 * 60] }],
    },
    {
      id: 'R',
      agency: 'CARS',
      short: 'R',
      long: `${at(communes, rural).name} – ${at(communes, nearestPole(rural)).name}`,
      desc: 'Ligne rurale : deux allers-retours par jour en semaine (fictive)',
      cells: cellPath(land, rural, nearestPole(rural)),
      runs: [{ service: 'SEM', out: [7 * 60, 12 * 60 + 30], back: [12 * 60, 17 * 60 + 45] }],
    },
    {
      id: 'TAD',
      agency: 'TAD',
      short: 'TAD',
      long: `Transport à la demande ${at(communes, tad).name} – ${at(communes, nearestPole(tad)).name} (sur réservation)`,
      desc: 'Transport à la demande : ne circule que sur réservation, la veille avant 17 h (fictif)',
      cells: cellPath(land, tad, nearestPole(tad)),
      runs: [
        {
          service: 'SEM',
          out: [9 * 60, 13 * 60 + 30, 16 * 60 + 30],
          back: [10 * 60 + 30, 15 * 60, 18 * 60],
        },
      ],
      onDemand: true,
    },
  ];

  // One stop per commune served, 100 to 400 m from its reference point.
  const stopOf = new Map<number, string>();
  const stops: (string | number)[][] = [];
  for (const line of lines) {
    for (const cell of line.cells) {
      if (stopOf.has(cell)) continue;
      const c: Commune = at(communes, cell);
      const km = rnd.range(0.1, 0.4);
      const angle = rnd.range(0, 2 * Math.PI);
      const lat = c.lat + (km * Math.sin(angle)) / 111.2;
      const lon = c.lon + (km * Math.cos(angle)) / (111.2 * Math.cos((c.lat * Math.PI) / 180));
      const id = `A${c.code}`;
      stopOf.set(cell, id);
      stops.push([id, `${c.name} – Centre`, decimalPoint(lat, 6), decimalPoint(lon, 6)]);
    }
  }

  const trips: (string | number)[][] = [];
  const stopTimes: (string | number)[][] = [];
  const frequencies: (string | number)[][] = [];
  for (const line of lines) {
    for (const [dir, cells] of [
      [0, line.cells],
      [1, [...line.cells].reverse()],
    ] as const) {
      const hops = cells
        .slice(1)
        .map((c, i) => hopMinutes(dist(at(land.seeds, at(cells, i)), at(land.seeds, c))));
      for (const { service, out, back } of line.runs) {
        for (const start of dir === 0 ? out : back) {
          const trip = `${line.id}-${service}-${dir}-${time(start).slice(0, 5).replace(':', '')}`;
          trips.push([
            line.id,
            service,
            trip,
            `${at(communes, at(cells, cells.length - 1)).name}`,
            dir,
          ]);
          let t = start;
          cells.forEach((cell, k) => {
            if (k > 0) t += at(hops, k - 1);
            const rule = line.onDemand ? 2 : 0;
            stopTimes.push([trip, time(t), time(t), stopOf.get(cell)!, k + 1, rule, rule]);
          });
          if (line.id === 'U') frequencies.push([trip, '06:00:00', '20:00:00', 600, 0]);
        }
      }
    }
  }

  const agencies = [
    ['CARS', 'Cars du département (fictif)'],
    ['URBAIN', 'Bus de la préfecture (fictif)'],
    ['TAD', 'Transport à la demande du département (fictif)'],
  ];
  return new Map([
    [
      'agency.txt',
      csv(
        'agency_id,agency_name,agency_url,agency_timezone,agency_lang',
        agencies.map(([id, name]) => [id!, name!, 'https://example.org/', 'Europe/Paris', 'fr']),
      ),
    ],
    [
      'feed_info.txt',
      csv(
        'feed_publisher_name,feed_publisher_url,feed_lang,feed_start_date,feed_end_date,feed_version',
        [
          [
            'Réseau de démonstration (fictif)',
            'https://example.org/',
            'fr',
            START,
            END,
            '2024-2025',
          ],
        ],
      ),
    ],
    [
      'stops.txt',
      csv(
        'stop_id,stop_name,stop_lat,stop_lon,location_type',
        stops.map((s) => [...s, 0]),
      ),
    ],
    [
      'routes.txt',
      csv(
        'route_id,agency_id,route_short_name,route_long_name,route_desc,route_type',
        lines.map((l) => [l.id, l.agency, l.short, l.long, l.desc, 3]),
      ),
    ],
    ['trips.txt', csv('route_id,service_id,trip_id,trip_headsign,direction_id', trips)],
    [
      'stop_times.txt',
      csv(
        'trip_id,arrival_time,departure_time,stop_id,stop_sequence,pickup_type,drop_off_type',
        stopTimes,
      ),
    ],
    ['frequencies.txt', csv('trip_id,start_time,end_time,headway_secs,exact_times', frequencies)],
    [
      'calendar.txt',
      csv(
        'service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date',
        [
          ['SEM', 1, 1, 1, 1, 1, 0, 0, START, END],
          ['SAM', 0, 0, 0, 0, 0, 1, 0, START, END],
        ],
      ),
    ],
    [
      'calendar_dates.txt',
      csv(
        'service_id,date,exception_type',
        HOLIDAYS.map((d) => ['SEM', d, 2]),
      ),
    ],
  ]);
}
