import { describe, expect, it } from 'vitest';
import type { CommuneFeature } from '../data/geometry.ts';
import {
  NO_DATA_COLOR,
  REACH_BAND_COLORS,
  GAIN_COLORS,
  PAIR_COLORS,
  REACH_SITE_COLORS,
  hexToRgba,
} from './colors.ts';
import type { ReachSitePoint } from './layers/reach-sites-layer.ts';
import { reachLayers, type ReachLayersInput } from './reach-layers.ts';
import { lines, square, prop } from './test-fixtures.ts';

const point = (id: string, status: ReachSitePoint['status']): ReachSitePoint => ({
  id,
  lon: 0.5,
  lat: 0.5,
  status,
  origin: status === 'moved' ? { lon: 0.2, lat: 0.2 } : null,
});

const input = (over: Partial<ReachLayersInput> = {}): ReachLayersInput => ({
  features: [square, { ...square, id: '00002' }],
  border: lines,
  communeBorders: lines,
  outlines: lines,
  bandOf: (code) => (code === '00001' ? 3 : null),
  bandKey: 'b1',
  sites: [point('a', 'existing'), point('b', 'opened'), point('c', 'moved'), point('d', 'closed')],
  sitesKey: 's1',
  suggestions: [{ rank: 1, lon: 0.3, lat: 0.3 }],
  ...over,
});

describe('reach layers', () => {
  it('stacks bands, borders, moves, sites and proposals with stable ids', () => {
    expect(reachLayers(input()).map((l) => l.id)).toEqual([
      'reach-communes',
      'commune-borders',
      'border',
      'scheme-outlines',
      'reach-moves',
      'reach-sites',
      'reach-suggestions',
      'reach-suggestion-ranks',
    ]);
    expect(reachLayers(input({ outlines: null, suggestions: [] })).map((l) => l.id)).toEqual([
      'reach-communes',
      'commune-borders',
      'border',
      'reach-moves',
      'reach-sites',
    ]);
  });

  it('fills communes with their band colour, grey while unknown, refilled on a new key', () => {
    const [communes] = reachLayers(input());
    const fill = prop<CommuneFeature>(communes!, 'getFillColor');
    expect(fill(square)).toEqual(hexToRgba(REACH_BAND_COLORS[3]!, 235));
    expect(fill({ ...square, id: '00002' })).toEqual(hexToRgba(NO_DATA_COLOR, 235));
    expect(communes!.props.updateTriggers).toEqual({ getFillColor: 'band|b1' });
  });

  it('draws the difference map with the gain classes when asked', () => {
    const [communes] = reachLayers(input({ gainClassOf: (c) => (c === '00001' ? 0 : null) }));
    const fill = prop<CommuneFeature>(communes!, 'getFillColor');
    expect(fill(square)).toEqual(hexToRgba(GAIN_COLORS[0]!, 235));
    expect(fill({ ...square, id: '00002' })).toEqual(hexToRgba(NO_DATA_COLOR, 235));
    expect(communes!.props.updateTriggers).toEqual({ getFillColor: 'gain|b1' });
  });

  it('draws the A vs B map in its own colours, without data grey (never the neutral class)', () => {
    const [communes] = reachLayers(
      input({
        gainClassOf: (c) => (c === '00001' ? 2 : null),
        gainColors: PAIR_COLORS,
        gainKey: 'pair|A|B',
      }),
    );
    const fill = prop<CommuneFeature>(communes!, 'getFillColor');
    expect(fill(square)).toEqual(hexToRgba(PAIR_COLORS[2]!, 235));
    expect(fill({ ...square, id: '00002' })).toEqual(hexToRgba(NO_DATA_COLOR, 235));
    expect(PAIR_COLORS[2]).not.toBe(NO_DATA_COLOR);
    expect(communes!.props.updateTriggers).toEqual({ getFillColor: 'gain|pair|A|B|b1' });
  });

  it('draws each site by its state, opened and moved larger, closed hollow, opened on top', () => {
    const sites = reachLayers(input()).find((l) => l.id === 'reach-sites')!;
    const fill = prop<ReachSitePoint>(sites, 'getFillColor');
    const radius = prop<ReachSitePoint>(sites, 'getRadius');
    expect(fill(point('a', 'existing'))).toEqual(hexToRgba(REACH_SITE_COLORS.existing));
    expect(fill(point('b', 'opened'))).toEqual(hexToRgba(REACH_SITE_COLORS.opened));
    expect(fill(point('d', 'closed'))).toEqual([255, 255, 255, 230]);
    expect(radius(point('b', 'opened'))).toBeGreaterThan(radius(point('a', 'existing')) as number);
    const order = (sites.props.data as ReachSitePoint[]).map((s) => s.status);
    expect(order).toEqual(['closed', 'existing', 'moved', 'opened']);
    const moves = reachLayers(input()).find((l) => l.id === 'reach-moves')!;
    expect((moves.props.data as ReachSitePoint[]).map((s) => s.id)).toEqual(['c']);
  });
});
