import { describe, expect, it } from 'vitest';
import type { Site } from '../../domain/model.ts';
import { IMPORT_HIGHLIGHT_COLOR } from '../colors.ts';
import { importedSitesLayer } from './imported-sites-layer.ts';

describe('importedSitesLayer', () => {
  it('rings the sites with the highlight colour, without fill', () => {
    const site = { lon: 2, lat: 48 } as Site;
    const layer = importedSitesLayer({ sites: [site], radiusPixels: 9 });
    expect(layer.id).toBe('imported-sites');
    expect(layer.props.filled).toBe(false);
    expect(layer.props.getLineColor).toEqual(IMPORT_HIGHLIGHT_COLOR);
    expect((layer.props.getPosition as unknown as (s: Site) => number[])(site)).toEqual([2, 48]);
    expect(layer.props.getRadius).toBe(9);
  });
});
