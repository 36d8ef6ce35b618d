import { area, booleanPointInPolygon, intersect, kinks, polygon as turfPolygon } from '@turf/turf';
import type { Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatasetBundle } from '../../src/domain/dataset.ts';
import { AXES, SITE_KINDS } from '../../src/domain/model.ts';
import { datasetFiles } from '../lib/write-dataset.ts';
import { sharedDemo } from '../lib/test-fixtures.ts';
import { DEMO_SEED, generateDemo } from './generate.ts';

let demo: DatasetBundle;
beforeAll(() => {
  demo = sharedDemo();
});

describe('demo generator', () => {
  it('gives the same bytes for the same seed, other bytes for another seed', () => {
    const a = datasetFiles(demo);
    const b = datasetFiles(generateDemo(DEMO_SEED));
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, bytes] of a)
      expect(Buffer.from(bytes).equals(Buffer.from(b.get(name)!)), name).toBe(true);
    const other = datasetFiles(generateDemo(DEMO_SEED + 1));
    expect(
      Buffer.from(other.get('communes.arrow')!).equals(Buffer.from(a.get('communes.arrow')!)),
    ).toBe(false);
  });

  it('has 600 to 900 communes with unique codes and names, a few urban poles and many villages', () => {
    const n = demo.communes.length;
    expect(n).toBeGreaterThanOrEqual(600);
    expect(n).toBeLessThanOrEqual(900);
    expect(new Set(demo.communes.map((c) => c.code)).size).toBe(n);
    expect(new Set(demo.communes.map((c) => c.name)).size).toBe(n);
    for (const c of demo.communes) expect(c.code).toMatch(/^00\d{3}$/);
    const byDensity = [1, 2, 3, 4].map((d) => demo.communes.filter((c) => c.density === d).length);
    expect(byDensity[0]).toBeGreaterThanOrEqual(3);
    expect(byDensity[3]).toBeGreaterThan(byDensity[0]! * 10);
    const pops = demo.communes.map((c) => c.population).sort((a, b) => b - a);
    expect(pops[0]).toBeGreaterThan(40_000);
    expect(pops[Math.floor(n / 2)]).toBeLessThan(1_000);
  });

  it('puts every commune in exactly one territory of each scheme, and every territory is used', () => {
    for (const scheme of demo.meta.schemes) {
      const members = demo.memberships.filter((m) => m.schemeId === scheme.id);
      const perCommune = new Map<string, number>();
      for (const m of members)
        perCommune.set(m.communeCode, (perCommune.get(m.communeCode) ?? 0) + 1);
      expect(perCommune.size, scheme.id).toBe(demo.communes.length);
      expect(
        [...perCommune.values()].every((k) => k === 1),
        scheme.id,
      ).toBe(true);
      const codes = new Set(
        demo.territories.filter((t) => t.schemeId === scheme.id).map((t) => t.code),
      );
      expect(new Set(members.map((m) => m.territoryCode))).toEqual(codes);
    }
    expect(demo.territories.filter((t) => t.schemeId === 'pti')).toHaveLength(9);
  });

  it('keeps population and beneficiary totals identical across schemes', () => {
    const pop = new Map(demo.communes.map((c) => [c.code, c.population]));
    const rsa = new Map(
      demo.needs
        .filter((n) => n.indicator === demo.meta.defaultNeed)
        .map((n) => [n.communeCode, n.value!]),
    );
    const totalPop = [...pop.values()].reduce((a, b) => a + b, 0);
    const totalRsa = [...rsa.values()].reduce((a, b) => a + b, 0);
    for (const scheme of demo.meta.schemes) {
      const byTerritory = new Map<string, [number, number]>();
      for (const m of demo.memberships.filter((x) => x.schemeId === scheme.id)) {
        const t = byTerritory.get(m.territoryCode) ?? [0, 0];
        byTerritory.set(m.territoryCode, [
          t[0] + pop.get(m.communeCode)!,
          t[1] + rsa.get(m.communeCode)!,
        ]);
      }
      const sums = [...byTerritory.values()].reduce((a, b) => [a[0] + b[0], a[1] + b[1]], [0, 0]);
      expect(sums).toEqual([totalPop, totalRsa]);
    }
    // Higher rates in the urban poles than in very sparse areas.
    const rate = (d: number) => {
      const cs = demo.communes.filter((c) => c.density === d);
      return (
        cs.reduce((s, c) => s + rsa.get(c.code)!, 0) / cs.reduce((s, c) => s + c.population, 0)
      );
    };
    expect(rate(1)).toBeGreaterThan(1.5 * rate(4));
  });

  it('draws valid, non-overlapping polygons whose areas add up', () => {
    const polys = new Map<string, ReturnType<typeof turfPolygon>>();
    for (const c of demo.communes) {
      const g = demo.polygons.get(c.code) as Polygon;
      const p = turfPolygon(g.coordinates);
      expect(kinks(p).features, c.code).toHaveLength(0);
      polys.set(c.code, p);
      // The reference point lies inside the commune.
      expect(booleanPointInPolygon([c.lon, c.lat], p), c.code).toBe(true);
      expect(Math.abs(area(p) / 1e6 - c.areaKm2) / c.areaKm2).toBeLessThan(0.02);
    }
    // Neighbours (communes sharing a border vertex) overlap by less than a square metre.
    const byVertex = new Map<string, string[]>();
    for (const [code, p] of polys) {
      for (const [x, y] of p.geometry.coordinates[0]!) {
        const k = `${x},${y}`;
        byVertex.set(k, [...(byVertex.get(k) ?? []), code]);
      }
    }
    const pairs = new Set<string>();
    for (const codes of byVertex.values())
      for (const a of codes) for (const b of codes) if (a < b) pairs.add(`${a}|${b}`);
    expect(pairs.size).toBeGreaterThan(demo.communes.length * 2);
    for (const pair of pairs) {
      const [a, b] = pair.split('|') as [string, string];
      const inter = intersect({
        type: 'FeatureCollection',
        features: [polys.get(a)!, polys.get(b)!],
      });
      expect(inter ? area(inter) : 0, pair).toBeLessThan(1);
    }
  });

  it('places every site inside its own commune, with known kinds and axes', () => {
    const polys = new Map(demo.communes.map((c) => [c.code, demo.polygons.get(c.code) as Polygon]));
    for (const s of demo.sites) {
      expect(SITE_KINDS).toContain(s.kind);
      for (const a of s.axes) expect(AXES).toContain(a);
      expect(booleanPointInPolygon([s.lon, s.lat], polys.get(s.communeCode)!), s.id).toBe(true);
    }
    expect(new Set(demo.sites.map((s) => s.id)).size).toBe(demo.sites.length);
    // Every axis and every kind has some offer.
    for (const a of AXES)
      expect(
        demo.sites.some((s) => s.axes.includes(a)),
        a,
      ).toBe(true);
    for (const k of SITE_KINDS)
      expect(
        demo.sites.some((s) => s.kind === k),
        k,
      ).toBe(true);
  });

  it('gives every PTI territory a full, quoted set of transport barrier shares', () => {
    const sourceIds = new Set(demo.meta.sources.map((s) => s.id));
    const pti = demo.territories.filter((t) => t.schemeId === 'pti');
    for (const t of pti) {
      const rows = demo.barriers.filter((b) => b.territoryCode === t.code);
      expect(rows).toHaveLength(6);
      expect(rows.reduce((s, b) => s + b.share, 0)).toBeCloseTo(1, 3);
      for (const r of rows) expect(sourceIds.has(r.sourceId)).toBe(true);
    }
    // Nine territories, nine distinct survey profiles.
    expect(new Set(demo.barriers.map((b) => b.sourceId)).size).toBe(9);
  });
});
