import { describe, expect, it } from 'vitest';
import { activeServices, checkFeedCoversDay, feedValidity, gtfsDate } from './calendar.ts';
import { GtfsError, parseGtfsTime, readGtfs } from './gtfs.ts';
import { EVERY_DAY, memorySource, stopsTxt, tripsOf } from './test-feeds.ts';

const base = (extra: Record<string, string> = {}) => ({
  'agency.txt':
    'agency_id,agency_name,agency_url,agency_timezone\nA,Réseau test,https://example.org,Europe/Paris\n',
  'stops.txt': stopsTxt(3),
  'calendar.txt': EVERY_DAY,
  ...tripsOf(['T1 ALL L1: S0 08:00:00 S1 08:10:00 S2 08:30:00']),
  ...extra,
});

describe('readGtfs', () => {
  it('reads times past midnight', () => {
    expect(parseGtfsTime('25:10:30')).toBe(25 * 3600 + 630);
    expect(parseGtfsTime('7:05:00')).toBe(7 * 3600 + 300);
    expect(parseGtfsTime('08:61:00')).toBeNaN();
  });

  it('reads a byte order mark, quoted fields and CRLF, in any chunks', () => {
    const stops =
      '\uFEFFstop_id,stop_name,stop_lat,stop_lon,location_type\r\n' +
      'S0,"Gare, parvis ""nord""",45.0,3.0,0\r\nST,Station,45.0,3.0,1\r\nS1,Mairie,45.1,3.0,\r\nS2,Église,45.2,3.0,0\r\n';
    for (const chunk of [1, 3, 1000]) {
      const feed = readGtfs(memorySource('test.zip', base({ 'stops.txt': stops }), chunk));
      expect(feed.stops.map((s) => s.name)).toEqual(['Gare, parvis "nord"', 'Mairie', 'Église']);
      expect(feed.agencies).toEqual(['Réseau test']);
      expect([...feed.departure]).toEqual([8 * 3600, 8 * 3600 + 600, 8 * 3600 + 1800]);
    }
  });

  it('sorts stop times by stop_sequence and interpolates untimed stops', () => {
    const feed = readGtfs(
      memorySource(
        'f',
        base({
          'stop_times.txt':
            'trip_id,arrival_time,departure_time,stop_id,stop_sequence\n' +
            'T1,08:30:00,08:30:00,S2,30\nT1,,,S1,20\nT1,08:00:00,08:02:00,S0,10\n',
        }),
      ),
    );
    expect([...feed.stopOf]).toEqual([0, 1, 2]);
    expect([...feed.arrival]).toEqual([8 * 3600, 8 * 3600 + 960, 8 * 3600 + 1800]);
    expect(feed.departure[0]).toBe(8 * 3600 + 120);
  });

  it('says which column is missing, in French', () => {
    expect(() =>
      readGtfs(memorySource('f.zip', base({ 'trips.txt': 'route_id,trip_id\nL1,T1\n' }))),
    ).toThrow(/trips.txt n’a pas la colonne service_id/);
    expect(() =>
      readGtfs(memorySource('f.zip', { ...base(), 'stops.txt': undefined } as never)),
    ).toThrow(GtfsError);
  });
});

describe('calendars', () => {
  const cal =
    'service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\n' +
    'SEM,1,1,1,1,1,0,0,20260105,20260630\n';
  const feed = readGtfs(
    memorySource(
      'f.zip',
      base({
        'calendar.txt': cal,
        ...tripsOf(['T1 SEM L1: S0 08:00:00 S1 08:10:00 S2 08:30:00']),
        'calendar_dates.txt':
          'service_id,date,exception_type\nSEM,20260310,2\nSEM,20260314,1\nEXTRA,20260701,1\n',
      }),
    ),
  );

  it('runs a service on its weekdays within its dates, with the exceptions', () => {
    expect(activeServices(feed, gtfsDate('2026-03-09'))).toEqual(new Set(['SEM'])); // Monday
    expect(activeServices(feed, gtfsDate('2026-03-10'))).toEqual(new Set()); // removed
    expect(activeServices(feed, gtfsDate('2026-03-14'))).toEqual(new Set(['SEM'])); // added Saturday
    expect(activeServices(feed, gtfsDate('2026-03-15'))).toEqual(new Set()); // Sunday
    expect(activeServices(feed, gtfsDate('2026-07-06'))).toEqual(new Set()); // after the end
  });

  it('takes its validity from feed_info, else from the calendars', () => {
    expect(feedValidity(feed)).toEqual({ start: '20260105', end: '20260701' });
    const withInfo = readGtfs(
      memorySource(
        'f.zip',
        base({
          'feed_info.txt':
            'feed_publisher_name,feed_publisher_url,feed_lang,feed_start_date,feed_end_date\nP,https://p,fr,20260201,20260331\n',
        }),
      ),
    );
    expect(feedValidity(withInfo)).toEqual({ start: '20260201', end: '20260331' });
    expect(() => checkFeedCoversDay(withInfo, '20260401')).toThrow(
      'Le flux GTFS « f.zip » est valable du 01/02/2026 au 31/03/2026 : il ne couvre pas le mercredi 01/04/2026.',
    );
  });

  it('refuses a day of the validity on which nothing runs', () => {
    expect(() => checkFeedCoversDay(feed, '20260310')).toThrow(
      /aucune course le mardi 10\/03\/2026/,
    );
    expect(() => checkFeedCoversDay(feed, '20260309')).not.toThrow();
  });

  it('reads a date or says how to write it', () => {
    expect(gtfsDate('2026-03-10')).toBe('20260310');
    expect(() => gtfsDate('2026-02-30')).toThrow(/AAAA-MM-JJ/);
  });
});
