/**
 * Hand-built GTFS feeds for the tests: a feed is its files as text, read in chunks of a few
 * characters so that the readers never rely on a file arriving whole.
 */
import type { GtfsSource } from './gtfs.ts';

export function memorySource(
  name: string,
  files: Readonly<Record<string, string>>,
  chunkSize = 7,
): GtfsSource {
  return {
    name,
    read(file) {
      const text = files[file];
      if (text === undefined) return null;
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += chunkSize) chunks.push(text.slice(i, i + chunkSize));
      return chunks;
    },
  };
}

/** A stop every 10 km along a meridian at 45° N (no walk between them), `S0`, `S1`, … */
export const stopLat = (i: number) => 45 + (i * 10) / 111.2;
export const STOP_LON = 3;

export function stopsTxt(count: number): string {
  const lines = ['stop_id,stop_name,stop_lat,stop_lon'];
  for (let i = 0; i < count; i++) lines.push(`S${i},Arrêt ${i},${stopLat(i)},${STOP_LON}`);
  return lines.join('\n') + '\n';
}

/** calendar.txt with one service running every day of 2026. */
export const EVERY_DAY =
  'service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nALL,1,1,1,1,1,1,1,20260101,20261231\n';

/**
 * trips.txt and stop_times.txt from runs written as "TRIP SERVICE ROUTE: S0 08:00 S1 08:10 …"
 * (arrival = departure at each stop; "08:10:00!p" no pickup there, "!d" no drop-off, "!pd" neither).
 */
export function tripsOf(lines: readonly string[]): Record<string, string> {
  const trips = ['route_id,service_id,trip_id'];
  const times = [
    'trip_id,arrival_time,departure_time,stop_id,stop_sequence,pickup_type,drop_off_type',
  ];
  const routes = new Set<string>();
  for (const line of lines) {
    const colon = line.indexOf(': ');
    const [trip, service, route] = line.slice(0, colon).trim().split(/\s+/) as [
      string,
      string,
      string,
    ];
    routes.add(route);
    trips.push(`${route},${service},${trip}`);
    const parts = line
      .slice(colon + 2)
      .trim()
      .split(/\s+/);
    for (let k = 0; k < parts.length; k += 2) {
      const [time, rule = ''] = parts[k + 1]!.split('!');
      const pickup = rule.includes('p') ? 1 : 0;
      const dropOff = rule.includes('d') ? 1 : 0;
      times.push(`${trip},${time},${time},${parts[k]},${k / 2 + 1},${pickup},${dropOff}`);
    }
  }
  return {
    'routes.txt':
      ['route_id,route_short_name,route_type', ...[...routes].map((r) => `${r},${r},3`)].join(
        '\n',
      ) + '\n',
    'trips.txt': trips.join('\n') + '\n',
    'stop_times.txt': times.join('\n') + '\n',
  };
}
