import { describe, expect, it } from 'vitest';
import { bboxDistanceKm, distanceKm, isInBbox, isInFrance, readPoint } from './coordinates.ts';

describe('readPoint', () => {
  it('reads degrees, with decimal commas', () => {
    expect(readPoint('2,233133', '48,909987')).toEqual({
      ok: true,
      lon: 2.233133,
      lat: 48.909987,
      repairs: ['decimal_comma'],
    });
    expect(readPoint('3.8767', '43.6108')).toEqual({
      ok: true,
      lon: 3.8767,
      lat: 43.6108,
      repairs: [],
    });
  });

  it('converts Lambert-93 metres', () => {
    const p = readPoint('684059,9192', '7021481,5492');
    expect(p.ok && [p.lon, p.lat, p.repairs]).toEqual([
      2.7766,
      50.291,
      ['decimal_comma', 'lambert93'],
    ]);
  });

  it('swaps latitude and longitude given the wrong way round', () => {
    const p = readPoint('50.291', '2.7766');
    expect(p.ok && [p.lon, p.lat, p.repairs]).toEqual([2.7766, 50.291, ['lat_lon_swapped']]);
  });

  it('restores the lost sign of a Réunion latitude', () => {
    const p = readPoint('55,44652200', '20,88145500');
    expect(p.ok && [p.lon, p.lat, p.repairs]).toEqual([
      55.446522,
      -20.881455,
      ['decimal_comma', 'latitude_sign'],
    ]);
  });

  it('refuses points outside France, unreadable numbers, and says when there is none', () => {
    expect(readPoint('-73.98', '40.75')).toEqual({ ok: false, reason: 'outside_france' });
    expect(readPoint('12.5', '41.9')).toEqual({ ok: false, reason: 'outside_france' });
    expect(readPoint('abc', '48.2')).toEqual({ ok: false, reason: 'not_a_number' });
    expect(readPoint('NULL', 'NULL')).toEqual({ ok: false, reason: 'missing' });
    expect(readPoint('', '48.2')).toEqual({ ok: false, reason: 'missing' });
  });

  it('refuses (0, 0), a default value, as no position rather than as none', () => {
    expect(readPoint('0', '0')).toEqual({ ok: false, reason: 'zero' });
    expect(readPoint('0,0', '0.000')).toEqual({ ok: false, reason: 'zero' });
    expect(readPoint('', '48.2')).toEqual({ ok: false, reason: 'missing' });
  });

  it('knows the overseas départements', () => {
    expect(isInFrance(-61.53, 16.24)).toBe(true);
    expect(isInFrance(45.23, -12.78)).toBe(true);
    expect(isInFrance(-52.33, 4.93)).toBe(true);
    expect(isInFrance(0, 0)).toBe(false);
  });

  it('checks a point against a box with a margin', () => {
    expect(isInBbox(2.0, 50.0, [1.5, 50.1, 2.5, 51])).toBe(false);
    expect(isInBbox(2.0, 50.0, [1.5, 50.1, 2.5, 51], 0.2)).toBe(true);
  });
});

describe('distances', () => {
  it('measures great-circle kilometres', () => {
    // Notre-Dame de Paris to the Grand-Place of Lille: 205 km as the crow flies.
    expect(Math.round(distanceKm(2.3499, 48.853, 3.0635, 50.6372))).toBe(205);
    expect(distanceKm(2, 50, 2, 50)).toBe(0);
  });

  it('measures the way to a box, 0 inside', () => {
    expect(bboxDistanceKm(2, 50.5, [1.5, 50, 2.5, 51])).toBe(0);
    // One degree of latitude south of the box.
    expect(bboxDistanceKm(2, 49, [1.5, 50, 2.5, 51])).toBeCloseTo(111.2, 0);
  });
});
