import { describe, expect, it } from 'vitest';
import type { CommuneFeature } from '../data/geometry.ts';
import { NO_DATA_COLOR, gapRamp, hexToRgba, mobilityRamp } from './colors.ts';
import { gapsLayers, type GapsLayersInput } from './gaps-layers.ts';
import type { OfferPoint } from './layers/offer-points-layer.ts';
import { lines, square, prop } from './test-fixtures.ts';

const point = (id: string, knownCapacity: boolean, opened = false): OfferPoint => ({
  id,
  lon: 0.5,
  lat: 0.5,
  knownCapacity,
  opened,
});

const input = (over: Partial<GapsLayersInput> = {}): GapsLayersInput => ({
  id: 'gaps',
  features: [square, { ...square, id: '00002' }],
  border: lines,
  communeClass: new Map([
    ['00001', 4],
    ['00002', null],
  ]),
  ramp: gapRamp(5),
  classKey: 'k1',
  communeBorders: null,
  outlines: lines,
  selectionOutline: lines,
  points: [point('a', true), point('b', false), point('c', true, true)],
  pointColor: '#e8702a',
  pointsKey: 'p1',
  suggestions: [{ rank: 1, lon: 0.3, lat: 0.3 }],
  labels: [{ code: 'T1', text: 'Un', position: [0.5, 0.5] }],
  ...over,
});

describe('coverage and mobility layers', () => {
  it('stack choropleth, outlines, points, proposals and names with ids of their mode', () => {
    expect(gapsLayers(input()).map((l) => l.id)).toEqual([
      'gaps-communes',
      'border',
      'scheme-outlines',
      'selection',
      'gaps-sites',
      'reach-suggestions',
      'reach-suggestion-ranks',
      'territory-labels',
    ]);
    const bare = input({
      id: 'mobility',
      outlines: null,
      selectionOutline: null,
      points: [],
      suggestions: [],
      labels: [],
    });
    expect(gapsLayers(bare).map((l) => l.id)).toEqual(['mobility-communes', 'border']);
  });

  it('fill each commune with the class of its territory, grey without a value, at once', () => {
    const [communes] = gapsLayers(input({ ramp: mobilityRamp(5) }));
    const fill = prop<CommuneFeature>(communes!, 'getFillColor');
    expect(fill(square)).toEqual(hexToRgba(mobilityRamp(5)[4]!, 235));
    expect(fill({ ...square, id: '00002' })).toEqual(hexToRgba(NO_DATA_COLOR, 235));
    expect(communes!.props.updateTriggers).toEqual({ getFillColor: 'k1' });
    expect(communes!.props.transitions ?? null).toBeNull();
  });

  it('draw sites of unknown capacity hollow and opened ones larger', () => {
    const sites = gapsLayers(input()).find((l) => l.id === 'gaps-sites')!;
    const fill = prop<OfferPoint>(sites, 'getFillColor');
    const line = prop<OfferPoint>(sites, 'getLineColor');
    const radius = prop<OfferPoint>(sites, 'getRadius');
    expect(fill(point('a', true))).toEqual(hexToRgba('#e8702a'));
    expect(fill(point('b', false))).toEqual([255, 255, 255, 255]);
    expect(line(point('b', false))).toEqual(hexToRgba('#e8702a'));
    expect(radius(point('c', true, true))).toBeGreaterThan(radius(point('a', true)) as number);
  });

  it('give ramps of every class count, lightest first', () => {
    for (let n = 1; n <= 5; n++) expect(gapRamp(n)).toHaveLength(n);
    expect(gapRamp(5)[0]).toBe('#feedde');
  });
});
