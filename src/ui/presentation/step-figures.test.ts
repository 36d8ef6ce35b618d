import { describe, expect, it } from 'vitest';
import type { ReachFigures } from '../../domain/reach/summary.ts';
import { NO_PARTS } from '../../domain/value-state.ts';
import { defaultFigureIds, pickFigures, reachFigures } from './step-figures.ts';

const total: ReachFigures = {
  communes: 499,
  population: 180_000,
  need: 4_000,
  needParts: { ...NO_PARTS, known: 499 },
  needPopulation: 180_000,
  communesBeyond: 0,
  populationBeyond: 0,
  needBeyond: 0,
  needBeyondParts: { ...NO_PARTS },
  needBeyondPopulation: 0,
};

describe('step figures', () => {
  it('writes the reach figures as the panel does, a true zero as 0', () => {
    const f = reachFigures(total, 30, 'Foyers allocataires du RSA');
    expect(f.map((x) => [x.label, x.value])).toEqual([
      ['Foyers allocataires du RSA au-delà de 30 min', '0'],
      ['Population au-delà de 30 min', '0'],
      ['Communes au-delà de 30 min', '0'],
    ]);
    expect(f[2]!.detail.replace(/\s/g, ' ')).toBe('sur 499');
  });

  it('says a secret need in words, never as a number', () => {
    const secret = {
      ...total,
      communesBeyond: 3,
      populationBeyond: 400,
      needBeyond: 0,
      needBeyondParts: { ...NO_PARTS, secret: 3 },
    };
    expect(reachFigures(secret, 30, 'Foyers')[0]!.value).toBe('secret');
  });

  it('keeps the figures a step names, in its order, and the mode’s usual ones otherwise', () => {
    const f = reachFigures(total, 30, 'Foyers');
    expect(
      pickFigures(f, ['reach-communes-beyond', 'unknown', 'reach-need-beyond']).map((x) => x.id),
    ).toEqual(['reach-communes-beyond', 'reach-need-beyond']);
    expect(defaultFigureIds('reach')).toHaveLength(3);
    expect(defaultFigureIds('gaps')).toEqual([]);
  });
});
