import { describe, expect, it } from 'vitest';
import type { CommuneFeature } from '../data/geometry.ts';
import type { Site } from '../domain/model.ts';
import { AXIS_COLORS, NO_DATA_COLOR, STATE_COLORS, hexToRgba, sequentialRamp } from './colors.ts';
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
  isCommuneScheme: false,
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

  it('fills communes with their class colour, grey without a value, and refills on a new key', () => {
    const [communes] = exploreLayers(input());
    const getFill = (
      communes!.props as unknown as { getFillColor: (f: CommuneFeature) => number[] }
    ).getFillColor;
    expect(getFill(square)).toEqual(hexToRgba(sequentialRamp(5)[4]!, 235));
    expect(getFill({ ...square, id: '00002' })).toEqual(hexToRgba(NO_DATA_COLOR, 235));
    expect(communes!.props.updateTriggers).toEqual({ getFillColor: 'k1' });
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
