import { describe, expect, it } from 'vitest';
import {
  NO_PARTS,
  countStates,
  coverageText,
  dominantMissingState,
  figureCells,
  figureStatus,
  knownFigure,
  missingFigure,
  ratioFigure,
  sumFigure,
} from './value-state.ts';

const parts = (known: number, missing = 0, secret = 0, unknown = 0) => ({
  known,
  missing,
  secret,
  unknown,
});

describe('figures over parts that may not all be known', () => {
  it('is known over every part, partial above the coverage rule, withheld below', () => {
    expect(sumFigure(10, parts(3), 1, 'commune')).toMatchObject({ value: 10, state: 'known' });
    expect(sumFigure(10, parts(3, 2), 0.8, 'commune')).toMatchObject({
      value: 10,
      state: 'partial',
    });
    expect(sumFigure(10, parts(3, 2), 0.4, 'commune')).toMatchObject({
      value: null,
      state: 'missing',
    });
    expect(sumFigure(0, parts(0, 0, 4), 0, 'commune')).toMatchObject({
      value: null,
      state: 'secret',
    });
  });

  it('names the most frequent state of the parts without a value', () => {
    expect(dominantMissingState(parts(0, 1, 2))).toBe('secret');
    expect(dominantMissingState(parts(0, 2, 2))).toBe('missing');
    expect(dominantMissingState(parts(0, 0, 0, 3))).toBe('unknown');
    expect(dominantMissingState(NO_PARTS)).toBe('missing');
  });

  it('carries the state of its inputs through a rate', () => {
    const partial = sumFigure(30, parts(6, 4), 0.6, 'commune');
    expect(ratioFigure(partial, 600, 100)).toMatchObject({ value: 5, state: 'partial' });
    expect(ratioFigure(missingFigure('secret'), 600)).toMatchObject({
      value: null,
      state: 'secret',
    });
    expect(ratioFigure(knownFigure(5), missingFigure('unknown'))).toMatchObject({
      state: 'unknown',
    });
    expect(ratioFigure(knownFigure(5), 0)).toMatchObject({ value: null, state: 'na' });
    expect(ratioFigure(knownFigure(5), partial, 100)).toMatchObject({ state: 'partial' });
    expect(coverageText(ratioFigure(knownFigure(5), partial, 100))).toBe(
      'sur 6 communes renseignées sur 10',
    );
  });

  it('says its state in words, and exports an empty cell with a status, never 0', () => {
    const withheld = sumFigure(5968, parts(12, 487), 0.36, 'commune');
    expect(figureStatus(withheld)).toBe(
      'non renseigné : sur 12 communes renseignées sur 499, 36 % de la population (chiffre calculé à partir de 50 %)',
    );
    expect(figureCells(withheld)).toEqual([null, figureStatus(withheld)]);
    expect(figureCells(knownFigure(0))).toEqual([0, '']);
    expect(figureStatus(sumFigure(3, parts(1, 0, 0, 1), 0.5, 'lieu'))).toBe(
      'partiel : sur 1 lieu à capacité connue sur 2',
    );
    expect(figureStatus(missingFigure('na'))).toBe('sans objet');
  });
});

describe('states counted for the legend', () => {
  it('counts every figure once, by state', () => {
    const c = countStates([
      knownFigure(1),
      missingFigure('missing'),
      missingFigure('missing'),
      missingFigure('secret'),
      sumFigure(3, parts(1, 1), 0.9, 'commune'),
    ]);
    expect(c).toEqual({ known: 1, partial: 1, missing: 2, unknown: 0, secret: 1, na: 0 });
  });
});
