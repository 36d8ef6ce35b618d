import { TextLayer } from '@deck.gl/layers';
import { describe, expect, it } from 'vitest';
import type { CommuneFeature } from '../data/geometry.ts';
import { PICK_TOLERANCE_PIXELS, pickAt, preparePicking, type Project } from './cpu-pick.ts';
import type { ReachSitePoint } from './layers/reach-sites-layer.ts';
import { reachLayers } from './reach-layers.ts';
import { lines } from './test-fixtures.ts';

/** A unit square of degrees, from (x, y). */
const square = (id: string, x: number, y: number): CommuneFeature => ({
  type: 'Feature',
  id,
  properties: { name: id },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + 1, y],
        [x + 1, y + 1],
        [x, y + 1],
        [x, y],
      ],
    ],
  },
});

/** 100 pixels a degree, north up, (0, 0) at the top left of the screen for (0°, 2°). */
const project: Project = (lon, lat) => [lon * 100, (2 - lat) * 100];
const at = (lon: number, lat: number) => {
  const [x, y] = project(lon, lat);
  return { x, y, lon, lat };
};

const site = (id: string, lon: number, lat: number, status: ReachSitePoint['status']) => ({
  id,
  lon,
  lat,
  status,
  origin: null,
});

const layers = reachLayers({
  features: [square('A', 0, 0), square('B', 1, 0)],
  border: lines,
  communeBorders: lines,
  outlines: lines,
  bandOf: () => 0,
  bandKey: 'k',
  // Radius 4.5 px; an opened site is drawn 1.9 times larger.
  sites: [site('s1', 0.5, 0.5, 'existing'), site('s2', 1.5, 0.5, 'opened')],
  sitesKey: 'k',
  suggestions: [],
});

describe('CPU picking', () => {
  it('picks the commune under the pointer, as deck.gl reports it', () => {
    const info = pickAt(layers, at(1.2, 0.9), project);
    expect(info.picked).toBe(true);
    expect(info.layer?.id).toBe('reach-communes');
    expect((info.object as CommuneFeature).id).toBe('B');
    expect(info.index).toBe(1);
    expect(info.coordinate).toEqual([1.2, 0.9]);
  });

  it('picks a site drawn over a commune, within its drawn radius and ring', () => {
    // 4.5 px radius, 1.5 px ring (half outside), the tolerance.
    const reach = 4.5 + 0.75 + PICK_TOLERANCE_PIXELS;
    const inside = pickAt(layers, { ...at(0.5, 0.5), x: 50 + reach - 0.1 }, project);
    expect(inside.layer?.id).toBe('reach-sites');
    expect((inside.object as ReachSitePoint).id).toBe('s1');
    const outside = pickAt(layers, { ...at(0.5, 0.5), x: 50 + reach + 0.1 }, project);
    expect(outside.layer?.id).toBe('reach-communes');
    // The opened site is larger: picked further from its centre.
    const opened = pickAt(layers, { ...at(1.5, 0.5), x: 150 + 4.5 * 1.9 }, project);
    expect((opened.object as ReachSitePoint).id).toBe('s2');
  });

  it('picks the same once the polygons are indexed ahead', () => {
    preparePicking(layers);
    expect((pickAt(layers, at(0.2, 0.9), project).object as CommuneFeature).id).toBe('A');
  });

  it('picks nothing outside every commune and site, but gives the coordinate', () => {
    const info = pickAt(layers, at(3, 0.5), project);
    expect(info.picked).toBe(false);
    expect(info.layer).toBeNull();
    expect(info.coordinate).toEqual([3, 0.5]);
  });

  it('refuses a pickable layer it cannot pick, rather than ignoring it', () => {
    const text = new TextLayer({ id: 'words', data: [{}], pickable: true });
    expect(() => pickAt([text], at(0.5, 0.5), project)).toThrow(/words/);
  });
});
