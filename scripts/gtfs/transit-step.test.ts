import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import type { Commune } from '../../src/domain/model.ts';
import { activeServices, checkFeedCoversDay } from '../../src/domain/transit/calendar.ts';
import { readGtfs } from '../../src/domain/transit/gtfs.ts';
import {
  memorySource,
  stopLat,
  stopsTxt,
  tripsOf,
  STOP_LON,
} from '../../src/domain/transit/test-feeds.ts';
import { buildDemo } from '../demo/generate.ts';
import { encodeNetworkTimes } from '../../src/data/network-times.ts';
import { addNetworkTimes } from '../lib/network-times.ts';
import { defaultDay, parseWindow, transitStep, type TransitBuild } from './transit-step.ts';
import { writeZip } from './zip.ts';

/** The artefact's table, as the build writes it. */
const tableOf = (build: TransitBuild) => tableFromIPC(encodeNetworkTimes(build.times.rows));

const dir = mkdtempSync(join(tmpdir(), 'gtfs-step-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const encoder = new TextEncoder();
function zipFeed(name: string, files: Record<string, string>): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    writeZip(new Map(Object.entries(files).map(([k, v]) => [k, encoder.encode(v)]))),
  );
  return path;
}

const commune = (i: number): Commune => ({
  code: `0100${i}`,
  name: `Commune ${i}`,
  population: 100,
  lon: STOP_LON,
  lat: stopLat(i),
  areaKm2: 10,
  density: 4,
});

const FEED = {
  'agency.txt':
    'agency_name,agency_url,agency_timezone\nCars du test,https://example.org,Europe/Paris\n',
  'feed_info.txt':
    'feed_publisher_name,feed_publisher_url,feed_lang,feed_start_date,feed_end_date\nRégion test,https://example.org,fr,20260105,20260630\n',
  'stops.txt': stopsTxt(3),
  'calendar.txt':
    'service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nSEM,1,1,1,1,1,0,0,20260105,20260630\n',
  ...tripsOf(['T1 SEM L1: S0 08:10:00 S1 08:25:00 S2 08:40:00']),
};

describe('transitStep', () => {
  const communes = [0, 1, 2].map(commune);

  it('writes the sans-voiture times of the contract, with the feed as source', () => {
    const build = transitStep(communes, { feeds: [zipFeed('cars.zip', FEED)] });
    const table = tableOf(build);
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'origin:Dictionary<Int16, Utf8>',
      'destination:Dictionary<Int16, Utf8>',
      'tenths:Uint16',
    ]);
    const rows = table.toArray().map((r) => `${r.origin}>${r.destination}=${r.tenths / 10}`);
    // Against the line's direction, 10 km are walked (10 × 1.3 / 4.5 h = 173.3 min); 20 km would
    // take 347 min, beyond the cutoff: that pair is absent.
    expect(rows).toEqual([
      '01000>01000=0',
      '01000>01001=15',
      '01000>01002=30',
      '01001>01000=173.3',
      '01001>01001=0',
      '01001>01002=15',
      '01002>01001=173.3',
      '01002>01002=0',
    ]);
    expect(build.times).toMatchObject({
      mode: 'sans-voiture',
      network: 'transports',
      maxMinutes: 240,
    });
    // The default day: the first Tuesday of the validity (Monday 5 January 2026).
    expect(build.times.source.millesime).toBe('mardi 06/01/2026, départs de 8 h à 9 h');
    expect(build.times.source.title).toContain(
      'cars.zip (Région test, valable du 05/01/2026 au 30/06/2026)',
    );
    const files = new Map<string, Uint8Array>();
    const bundle = buildDemo().bundle;
    addNetworkTimes(bundle, files, build.times);
    expect(bundle.meta.networkTimes?.['sans-voiture']).toMatchObject({
      file: 'temps-sans-voiture.arrow',
      sourceId: 'gtfs',
      pairs: 8,
    });
    expect(bundle.meta.sources.filter((s) => s.id === 'gtfs')).toEqual([build.times.source]);
    expect(files.get('temps-sans-voiture.arrow')).toEqual(encodeNetworkTimes(build.times.rows));
  });

  it('refuses a feed that does not cover the day, and says why', () => {
    expect(() =>
      transitStep(communes, { feeds: [zipFeed('cars.zip', FEED)], date: '2026-09-01' }),
    ).toThrow(
      'Le flux GTFS « cars.zip » est valable du 05/01/2026 au 30/06/2026 : il ne couvre pas le mardi 01/09/2026.',
    );
    expect(() =>
      transitStep(communes, { feeds: [zipFeed('cars.zip', FEED)], date: '2026-03-07' }),
    ).toThrow(/aucune course le samedi 07\/03\/2026/);
  });

  it('says which required file the zip lacks', () => {
    const { 'stops.txt': _stops, ...noStops } = FEED;
    expect(() => transitStep(communes, { feeds: [zipFeed('sans-arrets.zip', noStops)] })).toThrow(
      'sans-arrets.zip : le fichier stops.txt manque.',
    );
  });

  it('merges several feeds: a change from one network to the other', () => {
    const second = {
      ...FEED,
      'stops.txt':
        'stop_id,stop_name,stop_lat,stop_lon\nX1,Gare,' +
        `${stopLat(2)},${STOP_LON}\n` +
        `X2,Loin,${stopLat(3)},${STOP_LON}\n`,
      ...tripsOf(['TER SEM TER: X1 08:50:00 X2 09:00:00']),
    };
    const build = transitStep([0, 1, 2, 3].map(commune), {
      feeds: [zipFeed('cars.zip', FEED), zipFeed('ter.zip', second)],
    });
    const t = tableOf(build).toArray();
    expect(t.find((r) => r.origin === '01000' && r.destination === '01003')?.tenths).toBe(500);
  });

  it('takes the first Tuesday of the validity by default', () => {
    const from = (start: string) =>
      defaultDay([
        readGtfs(
          memorySource('f', {
            ...FEED,
            'feed_info.txt': `feed_publisher_name,feed_start_date,feed_end_date\nP,${start},20261231\n`,
          }),
        ),
      ]);
    expect(from('20260105')).toBe('20260106'); // a Monday
    expect(from('20260106')).toBe('20260106'); // a Tuesday
    expect(from('20260107')).toBe('20260113'); // a Wednesday
  });

  it('reads the window and says how to write it', () => {
    expect(parseWindow('07:30-09:00')).toEqual([27_000, 32_400]);
    expect(() => parseWindow('9h-10h')).toThrow('HH:MM-HH:MM attendu');
    expect(() => parseWindow('10:00-09:00')).toThrow(/illisible/);
  });
});

describe('the demo’s GTFS feed', () => {
  const demo = buildDemo();
  const feed = readGtfs(memorySource('demo-gtfs.zip', Object.fromEntries(demo.gtfs), 1 << 16));
  const day = defaultDay([feed]);

  it('is valid for the school year 2024–2025, without its weekday holidays', () => {
    expect(day).toBe('20240903');
    expect(() => checkFeedCoversDay(feed, '20241111')).toThrow(
      /aucune course le lundi 11\/11\/2024/,
    );
    expect(activeServices(feed, '20241112')).toEqual(new Set(['SEM']));
  });

  it('has coach lines, a frequency-based town bus, a rural line twice a day and an on-demand line', () => {
    const routes = [...feed.routes.keys()];
    expect(routes).toEqual(['1', '2', '3', '4', 'U', 'R', 'TAD']);
    const runs = (route: string) =>
      feed.trips.filter((t) => t.routeId === route && t.serviceId === 'SEM').length;
    expect(runs('R')).toBe(4); // two round trips
    expect(runs('1')).toBe(28);
    expect(feed.frequencies.size).toBe(2); // the town bus, both ways
    expect(feed.routes.get('TAD')!.longName).toMatch(/sur réservation/);
  });

  it('gives the demo its sans-voiture times through the --gtfs path', () => {
    const path = join(dir, 'demo-gtfs.zip');
    writeFileSync(path, writeZip(new Map([...demo.gtfs].map(([k, v]) => [k, encoder.encode(v)]))));
    const build = transitStep(demo.bundle.communes, { feeds: [path] });
    const n = demo.bundle.communes.length;
    expect(build.stats.pairs).toBeGreaterThan(n); // beyond the diagonal
    // Some pairs are far beyond walking: 240 min walked is 13.8 km in a straight line.
    const t = tableOf(build);
    const lon = new Map(demo.bundle.communes.map((c) => [c.code, c]));
    let farByTransit = 0;
    for (const r of t.toArray()) {
      const a = lon.get(r.origin as string)!;
      const b = lon.get(r.destination as string)!;
      const km = Math.hypot((a.lon - b.lon) * 76, (a.lat - b.lat) * 111);
      if (km > 20) farByTransit++;
    }
    expect(farByTransit).toBeGreaterThan(100);
  });
});
