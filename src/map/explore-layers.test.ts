import { describe, expect, it } from 'vitest';
import type { CommuneFeature } from '../data/geometry.ts';
import type { Site } from '../domain/model.ts';
import { AXIS_COLORS, NO_DATA_COLOR, STATE_COLORS, hexToRgba, sequentialRamp } from './colors.ts';
import type { MultiLineString } from 'geojson';
import { layerPlanes, sameLayers } from './common-layers.ts';
import { exploreLayers, type ExploreLayersInput } from './explore-layers.ts';
import { lines, square } from './test-fixtures.ts';

const site: Site = {
  id: 's1',
  name: 'S',
  kind: 'mobilite',
  detail: 'garage_solidaire',
  axes: ['mobilite'],
  capacity: 10,
  lon: 0.5,
  lat: 0.5,
  communeCode: '00001',
  operator: '',
  public: '',
  hours: '',
  sourceId: 'x',
};

const input = (over: Partial<ExploreLayersInput> = {}): ExploreLayersInput => ({
  features: [square, { ...square, id: '00002' }],
  border: lines,
  communeClass: new Map([
    ['00001', 4],
    ['00002', null],
  ]),
  classCount: 5,
  classKey: 'k1',
  communeBorders: null,
  outlines: lines,
  selectionOutline: null,
  sites: [site],
  labels: [{ code: 'T1', text: 'T', position: [0.5, 0.5] }],
  ...over,
});

describe('explore layers', () => {
  it('stacks choropleth, borders, outlines, points and labels with stable ids', () => {
    expect(exploreLayers(input()).map((l) => l.id)).toEqual([
      'communes',
      'border',
      'scheme-outlines',
      'sites',
      'territory-labels',
    ]);
    const withSelection = exploreLayers(input({ selectionOutline: lines, sites: [], labels: [] }));
    expect(withSelection.map((l) => l.id)).toEqual([
      'communes',
      'border',
      'scheme-outlines',
      'selection',
    ]);
  });

  it('draws the borders between communes as one static line layer, not as polygon strokes', () => {
    const layers = exploreLayers(input({ communeBorders: lines }));
    expect(layers.map((l) => l.id).slice(0, 3)).toEqual(['communes', 'commune-borders', 'border']);
    expect(layers[0]!.props).toMatchObject({ stroked: false });
    // The same lines give the same data array: deck.gl does not cut them into segments again.
    const again = exploreLayers(input({ communeBorders: lines }));
    expect(again[1]!.props.data).toBe(layers[1]!.props.data);
  });

  it('fills communes with their class colour, grey without a value, and refills at once on a new key', () => {
    const [communes] = exploreLayers(input());
    const getFill = (
      communes!.props as unknown as { getFillColor: (f: CommuneFeature) => number[] }
    ).getFillColor;
    expect(getFill(square)).toEqual(hexToRgba(sequentialRamp(5)[4]!, 235));
    expect(getFill({ ...square, id: '00002' })).toEqual(hexToRgba(NO_DATA_COLOR, 235));
    expect(communes!.props.updateTriggers).toEqual({ getFillColor: 'k1' });
    // No fade: the first frame after a change already has the new classes.
    expect(communes!.props.transitions ?? null).toBeNull();
  });

  it('draws a commune without a value in the colour of its state, never in the lowest class', () => {
    const [communes] = exploreLayers(
      input({
        communeClass: new Map<string, number | 'missing' | 'secret' | null>([
          ['00001', 'missing'],
          ['00002', 'secret'],
        ]),
      }),
    );
    const getFill = (
      communes!.props as unknown as { getFillColor: (f: CommuneFeature) => number[] }
    ).getFillColor;
    expect(getFill(square)).toEqual(hexToRgba(STATE_COLORS.missing, 235));
    expect(getFill({ ...square, id: '00002' })).toEqual(hexToRgba(STATE_COLORS.secret, 235));
    expect(getFill(square)).not.toEqual(hexToRgba(sequentialRamp(5)[0]!, 235));
  });

  it('colours a site by its first axis', () => {
    const sites = exploreLayers(input()).find((l) => l.id === 'sites')!;
    const getColor = (sites.props as unknown as { getFillColor: (s: Site) => number[] })
      .getFillColor;
    expect(getColor(site)).toEqual(hexToRgba(AXIS_COLORS.mobilite));
  });
});

describe('layer planes', () => {
  it('puts the fills under the static lines, and the selection, points and labels over them', () => {
    const layers = exploreLayers(input({ communeBorders: lines, selectionOutline: lines }));
    const planes = layerPlanes(layers).map((p) => p.map((l) => l.id));
    expect(planes).toEqual([
      ['communes'],
      ['commune-borders', 'border', 'scheme-outlines'],
      ['selection', 'sites', 'territory-labels'],
    ]);
    expect(planes.flat()).toEqual(layers.map((l) => l.id));
  });
});

describe('same layers', () => {
  it('holds for layers rebuilt from the same values, not once a value changed', () => {
    const a = exploreLayers(input({ communeBorders: lines }));
    const b = exploreLayers(input({ communeBorders: lines }));
    const [, linesA] = layerPlanes(a);
    const [fillsB, linesB] = layerPlanes(b);
    // The fills are rebuilt with a new colour function each time: handed again, to be safe.
    expect(sameLayers(layerPlanes(a)[0], fillsB)).toBe(false);
    expect(sameLayers(linesA, linesB)).toBe(true);
    const moved: MultiLineString = {
      type: 'MultiLineString',
      coordinates: [
        [
          [0, 0],
          [2, 2],
        ],
      ],
    };
    const [, linesC] = layerPlanes(
      exploreLayers(input({ communeBorders: lines, outlines: moved })),
    );
    expect(sameLayers(linesA, linesC)).toBe(false);
    expect(sameLayers(linesA, linesA.slice(1))).toBe(false);
  });
});
