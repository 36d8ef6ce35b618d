import { describe, expect, it } from 'vitest';
import { defaultAssumptions } from './scenario.ts';
import { incomparable, pairRows } from './scenario-pair.ts';
import { summariseReach, territoryIndex } from './summary.ts';

const codes = ['c1', 'c2', 'c3'];
const people = {
  population: Float64Array.from([1000, 200, 300]),
  need: Float64Array.from([40, 10, 12]),
};
const index = territoryIndex(
  codes,
  new Map([
    ['c1', 'T1'],
    ['c2', 'T1'],
    ['c3', 'T2'],
  ]),
  new Map([
    ['T1', 'Nord'],
    ['T2', 'Sud'],
  ]),
);
const snap = (label: string, minutes: number[], maxMinutes = 30) => ({
  label,
  assumptions: { ...defaultAssumptions(), maxMinutes },
  summary: summariseReach(Float64Array.from(minutes), people, index, maxMinutes),
});

describe('two scenarios side by side', () => {
  it('pairs the figures of each territory and of the whole', () => {
    const a = snap('A', [10, 40, 50]);
    const b = snap('B', [10, 20, 50]);
    const rows = pairRows(a.summary, b.summary);
    expect(rows.territories.map((r) => [r.name, r.a.needBeyond, r.b.needBeyond])).toEqual([
      ['Nord', 10, 0],
      ['Sud', 12, 12],
    ]);
    expect([rows.total.a.populationBeyond, rows.total.b.populationBeyond]).toEqual([500, 300]);
  });

  it('refuses to compare scenarios made under different settings, saying which', () => {
    const a = snap('A', [10, 40, 50]);
    expect(incomparable(a, snap('B', [10, 20, 50]))).toBeNull();
    expect(incomparable(a, snap('B', [10, 20, 50], 45))).toBe('seuils différents (30 et 45 min)');
    const other = snap('B', [10, 20, 50]);
    other.assumptions = { ...other.assumptions, mode: 'sans-voiture' };
    expect(incomparable(a, other)).toBe('modes de déplacement différents');
  });
});
