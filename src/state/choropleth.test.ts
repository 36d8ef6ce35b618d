import { describe, expect, it } from 'vitest';
import { SHARE_BREAKS } from '../domain/classify.ts';
import { coveragePer100Figure, coveragePlacesFigure } from './gaps.svelte.ts';
import { choropleth, type Measure } from './territory-measure.svelte.ts';

interface Row {
  code: string;
  v: number | null;
}
const territoryOf = new Map([
  ['c1', 'A'],
  ['c2', 'B'],
  ['c3', 'C'],
]);
const rows: Row[] = [
  { code: 'A', v: 0.6 },
  { code: 'B', v: 0 },
  { code: 'C', v: null },
];
const measure = (scale?: Measure<Row>['scale']): Measure<Row> => ({
  id: 'm',
  label: 'M',
  short: 'M',
  unit: '%',
  decimals: 1,
  value: (r) => r.v,
  byCommune: false,
  scale,
});

describe('choropleth of a coverage or mobility measure', () => {
  it('classes a share on the fixed breaks: 0,6 % is never the worst class', () => {
    const m = choropleth(rows, measure('share'), territoryOf);
    expect(m.classes?.breaks).toEqual([...SHARE_BREAKS]);
    expect(m.communeClass.get('c1')).toBe(0);
    expect(m.communeClass.get('c2')).toBe(0);
    expect(m.communeClass.get('c3')).toBeNull();
    expect(m.hasNoData).toBe(true);
  });

  it('classes a rate on the values', () => {
    const m = choropleth(rows, measure(), territoryOf);
    expect(m.classes).toMatchObject({ min: 0, max: 0.6 });
  });

  it('draws nothing but « non renseigné » when the figures are withheld', () => {
    const m = choropleth(rows, measure('share'), territoryOf, true);
    expect(m.classes).toBeNull();
    expect([...m.communeClass.values()]).toEqual(['missing', 'missing', 'missing']);
    expect(m.withheld).toBe(true);
    expect(m.hasNoData).toBe(false);
  });
});

describe('places of a coverage line', () => {
  const row = (sites: number, unknown: number, places: number, need: number | null) =>
    ({ sites, sitesUnknownCapacity: unknown, places, need }) as unknown as Parameters<
      typeof coveragePlacesFigure
    >[0];

  it('are unknown when no capacity is known, never 0 places', () => {
    expect(coveragePlacesFigure(row(50, 50, 0, 1000))).toMatchObject({
      value: null,
      state: 'unknown',
    });
    expect(coveragePer100Figure(row(50, 50, 0, 1000)).state).toBe('unknown');
  });

  it('are over the sites of known capacity when some are, a true 0 without sites', () => {
    expect(coveragePer100Figure(row(4, 1, 30, 100))).toMatchObject({ value: 30, state: 'partial' });
    expect(coveragePer100Figure(row(0, 0, 0, 100))).toMatchObject({ value: 0, state: 'known' });
    expect(coveragePer100Figure(row(2, 0, 10, null)).state).toBe('secret');
  });
});
