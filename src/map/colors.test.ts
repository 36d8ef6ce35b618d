import { describe, expect, it } from 'vitest';
import { GAIN_COLORS, REACH_BAND_COLORS, gapRamp, mobilityRamp, sequentialRamp } from './colors.ts';

// Expected values are ColorBrewer's published sets (colorbrewer2.org), written out here so that a
// change of library or of the way sets are picked shows.
describe('colour ramps', () => {
  it("gives 3 classes ColorBrewer's 3-class set, light to dark, not the dark half of a longer ramp", () => {
    expect(sequentialRamp(3)).toEqual(['#e0f3db', '#a8ddb5', '#43a2ca']);
    expect(gapRamp(3)).toEqual(['#fee6ce', '#fdae6b', '#e6550d']);
    expect(mobilityRamp(3)).toEqual(['#efedf5', '#bcbddc', '#756bb1']);
  });

  it('gives every class count its own set, as many colours as classes', () => {
    expect(gapRamp(5)).toEqual(['#feedde', '#fdbe85', '#fd8d3c', '#e6550d', '#a63603']);
    expect(sequentialRamp(7)).toEqual([
      '#f0f9e8',
      '#ccebc5',
      '#a8ddb5',
      '#7bccc4',
      '#4eb3d3',
      '#2b8cbe',
      '#08589e',
    ]);
    for (let n = 1; n <= 9; n++) {
      expect(sequentialRamp(n)).toHaveLength(n);
      expect(mobilityRamp(n)).toHaveLength(n);
    }
  });

  it('draws the travel-time bands in YlOrBr and keeps « unchanged » grey on the difference map', () => {
    expect(REACH_BAND_COLORS).toEqual(['#ffffd4', '#fed98e', '#fe9929', '#d95f0e', '#993404']);
    expect(GAIN_COLORS[0]).toBe('#1a9850');
    expect(GAIN_COLORS[3]).toBe('#f2f2f2');
    expect(GAIN_COLORS[6]).toBe('#d73027');
  });
});
