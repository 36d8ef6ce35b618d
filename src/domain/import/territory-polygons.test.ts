import { kinks, polygon as turfPolygon } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { createRandom } from '../random.ts';
import { describe, expect, it } from 'vitest';
import { testIndex } from './fixtures/communes.ts';
import { wgs84ToLambert93 } from './lambert93.ts';
import { parsePtiTerritories } from './pti-territories.ts';
import { ringCrossing } from './territory-polygons.ts';
import { FileRefused } from './refusal.ts';
import { readTableBytes } from './table.ts';
import { UNASSIGNED_TERRITORY, type TerritoryContext } from './territory-types.ts';

const ctx: TerritoryContext = {
  dep: '01',
  communes: testIndex(),
  epcis: [],
  schemeId: 'pti',
  sourceId: 'pti',
  inputId: 'pti',
  label: 'Territoires',
};

type Ring = [number, number][];
const box = (w: number, s: number, e: number, n: number): Ring => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];
const poly = (props: Record<string, unknown>, geometry: unknown): string =>
  JSON.stringify({ type: 'Feature', properties: props, geometry });
const polygonOf = (ring: Ring) => ({ type: 'Polygon', coordinates: [ring] });

/** A FeatureCollection, one feature per line: feature i is on line i + 2. */
function file(features: string[], extra = ''): Uint8Array {
  return new TextEncoder().encode(
    `{"type": "FeatureCollection",${extra} "features": [\n${features.join(',\n')}\n]}\n`,
  );
}

const WEST = box(5.0, 45.95, 5.25, 46.4);
/** East, south edge above 01006 Œuilly-d’Ain (5.35, 46.0). */
const EAST = box(5.25, 46.05, 5.5, 46.4);

const parse = (bytes: Uint8Array, extra: Partial<TerritoryContext> = {}) =>
  parsePtiTerritories(readTableBytes(bytes, 'territoires.geojson'), { ...ctx, ...extra });

describe('territories drawn as polygons', () => {
  it('puts each commune in the territory holding its chef-lieu and lists the others', () => {
    const r = parse(
      file([
        poly({ code: 'O', nom: 'Ouest' }, polygonOf(WEST)),
        poly({ code: 'E', nom: 'Est' }, polygonOf(EAST)),
      ]),
    );
    const of = Object.fromEntries(r.memberships.map((m) => [m.communeCode, m.territoryCode]));
    expect(of).toEqual({
      '01001': 'O',
      '01002': 'O',
      '01004': 'O',
      '01005': 'O',
      '01003': 'E',
      '01007': 'E',
      '01006': UNASSIGNED_TERRITORY.code,
    });
    expect(r.unassigned).toEqual(['01006']);
    expect(r.territories.map((t) => t.name)).toEqual(['Ouest', 'Est', UNASSIGNED_TERRITORY.name]);
    expect(r.report).toMatchObject({ rowsRead: 2, kept: 2, rejectedRows: 0 });
    expect(r.report.notes.join('\n')).toContain(
      '1 commune(s) du département dans aucun territoire du fichier, regroupée(s) dans « Hors territoire du fichier » : Œuilly-d’Ain (01006).',
    );
  });

  it('gives a commune whose chef-lieu is outside every territory to the one covering most of it', () => {
    // 01006's polygon: three quarters north of 46.05 (in Est), one quarter south.
    const r = parse(
      file([poly({ nom: 'Ouest' }, polygonOf(WEST)), poly({ nom: 'Est' }, polygonOf(EAST))]),
      {
        polygons: [{ code: '01006', geometry: polygonOf(box(5.3, 45.99, 5.4, 46.11)) as Polygon }],
      },
    );
    expect(r.memberships.find((m) => m.communeCode === '01006')?.territoryCode).toBe('T2');
    expect(r.unassigned).toEqual([]);
    expect(r.report.notes.join('\n')).toMatch(
      /1 commune\(s\) dont le chef-lieu .* plus grande part/,
    );
  });

  it('rejects null, non-polygon and unreadable geometries and duplicate codes, with their lines', () => {
    const open = WEST.slice(0, 4);
    const bowtie: Ring = [
      [5.25, 46.05],
      [5.5, 46.4],
      [5.5, 46.05],
      [5.25, 46.4],
      [5.25, 46.05],
    ];
    const r = parse(
      file([
        poly({ code: 'O', nom: 'Ouest' }, polygonOf(open)),
        poly({ code: 'E', nom: 'Est' }, polygonOf(bowtie)),
        poly({ code: 'X', nom: 'Vide' }, null),
        poly({ code: 'P', nom: 'Point' }, { type: 'Point', coordinates: [5.3, 46.2] }),
        poly({ code: 'O', nom: 'Ouest bis' }, polygonOf(WEST)),
        poly(
          { code: 'L', nom: 'Ligne' },
          polygonOf([
            [5, 46],
            [5.1, 46],
            [5, 46],
          ]),
        ),
        poly({ code: 'S', nom: 'Sud' }, polygonOf(box(5.0, 45.0, 5.1, 45.1))),
        poly({ nom: '' }, polygonOf(WEST)),
      ]),
    );
    expect(Object.fromEntries(r.report.rejections.map((g) => [g.code, g.lines]))).toEqual({
      geometry_missing: [4],
      geometry_not_polygon: [5],
      duplicate: [6],
      geometry_invalid: [7],
      territory_missing: [9],
    });
    expect(r.report.rejected.find((x) => x.line === 6)?.reason).toContain('déjà donné ligne 2');
    expect(r.report.repairs).toMatchObject([{ code: 'ring_closed', lines: [2] }]);
    expect(Object.fromEntries((r.report.warnings ?? []).map((g) => [g.code, g.lines]))).toEqual({
      self_intersection: [3],
      territory_without_commune: [8],
    });
    expect(r.report).toMatchObject({ rowsRead: 8, kept: 3, rejectedRows: 5 });
  });

  it('converts Lambert-93 polygons, said by the crs member or by their range', () => {
    const l93 = (ring: Ring) => ring.map(([x, y]) => wgs84ToLambert93(x, y));
    const features = [poly({ nom: 'Ouest' }, { type: 'Polygon', coordinates: [l93(WEST)] })];
    const named = parse(
      file(
        features,
        ' "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}},',
      ),
    );
    const bare = parse(file(features));
    for (const r of [named, bare]) {
      expect(
        r.memberships
          .filter((m) => m.territoryCode === 'T1')
          .map((m) => m.communeCode)
          .sort(),
      ).toEqual(['01001', '01002', '01004', '01005']);
      expect(r.report.notes.join('\n')).toMatch(/Lambert-93/);
    }
  });

  it('refuses an unknown projection and a file without a territory name before reading shapes', () => {
    const refusal = (bytes: Uint8Array) => {
      try {
        parse(bytes);
        return null;
      } catch (e) {
        return e instanceof FileRefused ? e.code : String(e);
      }
    };
    const webMercator = (ring: Ring) => ring.map(([x, y]) => [x * 111319, y * 111319 * 1.4]);
    expect(
      refusal(file([poly({ nom: 'A' }, { type: 'Polygon', coordinates: [webMercator(WEST)] })])),
    ).toBe('crs_unknown');
    expect(refusal(file([poly({ population: 3 }, polygonOf(WEST))]))).toBe('columns_missing');
  });

  it('reads a GeoJSON whose properties list communes as a territory list', () => {
    const r = parse(file([poly({ territoire: 'Nord', code_insee: '01005' }, null)]));
    expect(r.memberships.find((m) => m.communeCode === '01005')?.territoryCode).toBe('T1');
  });
});

describe('self-intersection of a contour', () => {
  it('agrees with turf’s kinks on random small rings', () => {
    const rnd = createRandom(11);
    let crossed = 0;
    for (let k = 0; k < 300; k++) {
      const ring: Position[] = Array.from({ length: rnd.int(4, 9) }, () => [
        rnd.next(),
        rnd.next(),
      ]);
      ring.push(ring[0]!);
      const expected = kinks(turfPolygon([ring])).features.length > 0;
      if (expected) crossed++;
      expect(ringCrossing(ring) !== null).toBe(expected);
    }
    expect(crossed).toBeGreaterThan(30);
  });

  it('finds none on a clean contour of 100 000 points, and the crossing of a figure eight', () => {
    const n = 100_000;
    const wavy: Position[] = Array.from({ length: n }, (_, i) => {
      const a = (2 * Math.PI * i) / n;
      const r = 0.3 + 0.01 * Math.sin(50 * a);
      return [5 + r * Math.cos(a), 46 + r * Math.sin(a)];
    });
    wavy.push(wavy[0]!);
    expect(ringCrossing(wavy)).toBeNull();
    // Half a step off, so the crossing falls inside two edges, not on a point.
    const eight: Position[] = Array.from({ length: n }, (_, i) => {
      const a = (2 * Math.PI * (i + 0.5)) / n;
      return [5 + 0.3 * Math.sin(a), 46 + 0.3 * Math.sin(a) * Math.cos(a)];
    });
    eight.push(eight[0]!);
    const p = ringCrossing(eight);
    expect(p?.[0]).toBeCloseTo(5, 3);
    expect(p?.[1]).toBeCloseTo(46, 3);
  });
});
