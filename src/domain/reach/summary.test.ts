import { describe, expect, it } from 'vitest';
import { STATE_CODES } from '../value-state.ts';
import {
  REACH_BANDS,
  bandIndex,
  communesBeyond,
  needBeyondFigure,
  reachDelta,
  summariseReach,
  territoryIndex,
} from './summary.ts';

const codes = ['c1', 'c2', 'c3', 'c4', 'c5'];
const names = ['Un', 'Deux', 'Trois', 'Quatre', 'Cinq'];
const minutes = Float64Array.from([4, 30, 30.5, 44, Infinity]);
const people = {
  population: Float64Array.from([1000, 200, 300, 400, 50]),
  need: Float64Array.from([40, 10, 12, 0, 3]),
};
const territories = territoryIndex(
  codes,
  new Map([
    ['c1', 'T2'],
    ['c2', 'T1'],
    ['c3', 'T1'],
    ['c4', 'T2'],
    ['c5', 'T2'],
  ]),
  new Map([
    ['T1', 'Nord'],
    ['T2', 'Sud'],
  ]),
);

describe('reach summary', () => {
  it('puts times in the bands of the map, limits included in the lower band', () => {
    expect([0, 10, 10.01, 20, 30, 30.01, 45, 46, Infinity].map(bandIndex)).toEqual([
      0, 0, 1, 1, 2, 3, 3, 4, 4,
    ]);
    expect(REACH_BANDS.map((b) => b.label)).toEqual([
      '10 min ou moins',
      'plus de 10 à 20 min',
      'plus de 20 à 30 min',
      'plus de 30 à 45 min',
      'plus de 45 min',
    ]);
  });

  it('counts people beyond N minutes, by territory and in all (hand-counted)', () => {
    const s = summariseReach(minutes, people, territories, 30);
    // Beyond 30 min: c3 (30.5), c4 (44), c5 (beyond the horizon); c2 at exactly 30 is within.
    const allKnown = (n: number, population: number) => ({
      needParts: { known: n, missing: 0, unknown: 0, secret: 0 },
      needPopulation: population,
    });
    const beyondKnown = (n: number, population: number) => ({
      needBeyondParts: { known: n, missing: 0, unknown: 0, secret: 0 },
      needBeyondPopulation: population,
    });
    expect(s.total).toEqual({
      communes: 5,
      population: 1950,
      need: 65,
      ...allKnown(5, 1950),
      communesBeyond: 3,
      populationBeyond: 750,
      needBeyond: 15,
      ...beyondKnown(3, 750),
    });
    expect(s.territories).toEqual([
      {
        code: 'T1',
        name: 'Nord',
        communes: 2,
        population: 500,
        need: 22,
        ...allKnown(2, 500),
        communesBeyond: 1,
        populationBeyond: 300,
        needBeyond: 12,
        ...beyondKnown(1, 300),
      },
      {
        code: 'T2',
        name: 'Sud',
        communes: 3,
        population: 1450,
        need: 43,
        ...allKnown(3, 1450),
        communesBeyond: 2,
        populationBeyond: 450,
        needBeyond: 3,
        ...beyondKnown(2, 450),
      },
    ]);
    expect(s.bands.map((b) => b.population)).toEqual([1000, 0, 200, 700, 50]);
  });

  it('says need is unknown rather than zero when there is none by commune', () => {
    const s = summariseReach(minutes, { ...people, need: null }, territories, 30);
    expect(s.total.need).toBeNull();
    expect(s.total.needBeyond).toBeNull();
    expect(s.total.populationBeyond).toBe(750);
  });

  it('counts communes without a known need apart, never as 0', () => {
    // c3 (need 12, beyond) is missing, c1 (need 40, within) is secret: both leave the sums.
    const needState = Uint8Array.from([STATE_CODES.secret, 0, STATE_CODES.missing, 0, 0]);
    const s = summariseReach(minutes, { ...people, needState }, territories, 30);
    expect(s.total.needParts).toEqual({ known: 3, missing: 1, unknown: 0, secret: 1 });
    expect(s.total.need).toBe(65 - 12 - 40);
    expect(s.total.needBeyond).toBe(15 - 12);
    expect(s.total.needPopulation).toBe(1950 - people.population[0]! - people.population[2]!);
    expect(communesBeyond(minutes, { ...people, needState }, 30, codes, names)[2]).toMatchObject({
      code: 'c3',
      need: null,
    });
  });

  it('gives the need beyond as a figure: 0 with no commune beyond, never a part for the whole', () => {
    // c3 (300 inhabitants, beyond) secret: c4 and c5 hold 450 of the 750 beyond, 60 %.
    const needState = Uint8Array.from([0, 0, STATE_CODES.secret, 0, 0]);
    const s = summariseReach(minutes, { ...people, needState }, territories, 30);
    expect(needBeyondFigure(s.total)).toMatchObject({ value: 3, state: 'partial' });
    // Nord: its only commune beyond is secret.
    expect(needBeyondFigure(s.territories[0]!)).toMatchObject({ value: null, state: 'secret' });
    expect(needBeyondFigure(s.territories[1]!)).toMatchObject({ value: 3, state: 'known' });
    // At 60 min nothing is beyond but c5: Nord's need beyond is 0, secret values or not.
    const at60 = summariseReach(minutes, { ...people, needState }, territories, 60);
    expect(needBeyondFigure(at60.territories[0]!)).toMatchObject({ value: 0, state: 'known' });
    // Without any need by commune, 0 still where no commune is beyond.
    const none = summariseReach(minutes, { ...people, need: null }, territories, 60);
    expect(needBeyondFigure(none.territories[0]!)).toMatchObject({ value: 0, state: 'known' });
    expect(needBeyondFigure(none.territories[1]!).value).toBeNull();
  });

  it('lists the communes beyond, the most beneficiaries first', () => {
    const list = communesBeyond(minutes, people, 30, codes, names);
    expect(list.map((c) => [c.code, c.minutes, c.need])).toEqual([
      ['c3', 30.5, 12],
      ['c5', Infinity, 3],
      ['c4', 44, 0],
    ]);
  });

  it('gives the change from the baseline as people brought within N minutes', () => {
    const after = summariseReach(Float64Array.from([4, 30, 12, 44, 20]), people, territories, 30);
    const before = summariseReach(minutes, people, territories, 30);
    expect(reachDelta(after.total, before.total)).toEqual({
      communesWithin: 2,
      populationWithin: 350,
      needWithin: 15,
    });
  });
});
