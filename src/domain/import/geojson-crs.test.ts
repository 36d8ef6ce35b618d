import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { detectCrs, toWgs84 } from './geojson-crs.ts';
import { wgs84ToLambert93 } from './lambert93.ts';
import { FileRefused } from './refusal.ts';

/** A commune-sized square near Arras, in degrees, or as `project` gives it. */
function square(project: (p: [number, number]) => [number, number] = (p) => p, crs?: string) {
  const ring: [number, number][] = [
    [2.7, 50.25],
    [2.8, 50.25],
    [2.8, 50.32],
    [2.7, 50.32],
    [2.7, 50.25],
  ];
  const fc: FeatureCollection<Polygon> & { crs?: unknown } = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { code: '62041' },
        geometry: { type: 'Polygon', coordinates: [ring.map(project)] },
      },
    ],
  };
  if (crs) fc.crs = { type: 'name', properties: { name: crs } };
  return fc;
}

const toL93 = ([lon, lat]: [number, number]) => wgs84ToLambert93(lon, lat);

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (e instanceof FileRefused && e.code === 'crs_unknown') return e.message;
    throw e;
  }
  throw new Error('not refused');
}

describe('the coordinate system of a GeoJSON file', () => {
  it('reads degrees as they are', () => {
    const fc = square();
    expect(toWgs84(fc)).toEqual({ doc: square(), note: null });
    expect(detectCrs(square(undefined, 'urn:ogc:def:crs:OGC:1.3:CRS84')).crs).toBe('wgs84');
  });

  it.each([
    ['without a crs member, by its range', undefined, /sans membre crs.*lus en Lambert-93/],
    [
      'by its crs member',
      'urn:ogc:def:crs:EPSG::2154',
      /membre crs « urn:ogc:def:crs:EPSG::2154 »/,
    ],
    ['by its short crs name', 'EPSG:2154', /Lambert-93 \(membre crs « EPSG:2154 »\)/],
  ])('converts Lambert-93 %s', (_, crs, note) => {
    const r = toWgs84(square(toL93, crs));
    expect(r.note).toMatch(note);
    const back = r.doc.features[0]!.geometry.coordinates[0]!;
    const expected = square().features[0]!.geometry.coordinates[0]!;
    back.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(expected[i]![0]!, 6);
      expect(p[1]).toBeCloseTo(expected[i]![1]!, 6);
    });
    expect('crs' in r.doc).toBe(false);
  });

  it('refuses another projected system, named or not, before reading it as degrees', () => {
    const mercator = ([lon, lat]: [number, number]): [number, number] => [
      (lon * Math.PI * 6378137) / 180,
      6378137 * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)),
    ];
    expect(refusal(() => toWgs84(square(mercator, 'urn:ogc:def:crs:EPSG::3857')))).toBe(
      'système de coordonnées « urn:ogc:def:crs:EPSG::3857 » non pris en charge : fournissez les contours en longitude/latitude WGS84 (EPSG:4326) ou en Lambert-93 (EPSG:2154)',
    );
    // Lambert II étendu (EPSG:27572) without a crs member: y of 2 500 km is no Lambert-93.
    const lambert2 = ([lon, lat]: [number, number]): [number, number] => {
      const [x, y] = wgs84ToLambert93(lon, lat);
      return [x - 50_000, y - 4_780_000];
    };
    expect(refusal(() => toWgs84(square(lambert2)))).toMatch(
      /^coordonnées projetées \(x de .* y de 2\s2\d\d\s\d{3} à .*\) d’un système non reconnu, ni degrés ni Lambert-93/,
    );
  });

  it('refuses a file whose crs member says the contrary of its coordinates', () => {
    expect(refusal(() => toWgs84(square(toL93, 'EPSG:4326')))).toMatch(
      /se dit en WGS84 .* ne sont pas des degrés/,
    );
    expect(refusal(() => toWgs84(square(undefined, 'EPSG:2154')))).toMatch(
      /se dit en Lambert-93 .* n’en sont pas/,
    );
  });
});
