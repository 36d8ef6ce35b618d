import { describe, expect, it } from 'vitest';
import { knownFigure, missingFigure } from '../domain/value-state.ts';
import { formatFigure, formatNumber, formatPercent, plural } from './format.ts';

describe('French number format', () => {
  it('groups thousands and uses a decimal comma', () => {
    expect(formatNumber(1234567).replace(/\s/g, ' ')).toBe('1 234 567');
    expect(formatNumber(4.75, 1)).toBe('4,8');
    expect(formatNumber(null)).toBe('–');
    expect(formatPercent(0.4376, 1)).toBe('43,8 %');
    expect(plural(1, 'commune', 'communes')).toBe('1 commune');
    expect(plural(3, 'commune', 'communes')).toBe('3 communes');
  });

  it('never writes "-0,0"', () => {
    expect(formatNumber(-0.04, 1)).toBe('0,0');
    expect(formatNumber(-0, 0)).toBe('0');
    expect(formatNumber(-1.04, 1)).toBe('-1,0');
    expect(formatPercent(-0.0004, 1)).toBe('0,0 %');
  });

  it('writes a figure without a value as its state, never 0', () => {
    expect(formatFigure(missingFigure('missing'))).toBe('non renseigné');
    expect(formatFigure(missingFigure('secret'))).toBe('secret');
    expect(formatFigure(missingFigure('unknown'), 1)).toBe('inconnu');
    expect(formatFigure(missingFigure('na'), 1)).toBe('sans objet');
    expect(formatFigure(knownFigure(0), 1)).toBe('0,0');
  });
});
