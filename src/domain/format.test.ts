import { describe, expect, it } from 'vitest';
import { roundAsShown } from '../domain/rounding.ts';
import { createRandom } from '../domain/random.ts';
import { knownFigure, missingFigure } from '../domain/value-state.ts';
import { clipText, formatFigure, formatNumber, formatPercent, plural } from './format.ts';

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

  it('rounds exports exactly as it writes figures', () => {
    const rnd = createRandom(7);
    for (let i = 0; i < 2000; i++) {
      const d = rnd.int(0, 3);
      const v = (rnd.int(-100000, 100000) / 1000) * (rnd.chance(0.5) ? 1 : 1.001);
      const shown = formatNumber(v, d).replace(/\s/g, '').replace(',', '.');
      expect(roundAsShown(v, d), `${v} à ${d} décimales`).toBe(Number(shown));
    }
  });
});

describe('texts from a file cut for display', () => {
  it('keeps a short text, cuts a long one at a space when one is near', () => {
    expect(clipText('Accueil de Verdun')).toBe('Accueil de Verdun');
    expect(clipText('x'.repeat(100_000))).toBe('x'.repeat(120) + '…');
    expect(clipText('mot '.repeat(100), 20)).toBe('mot mot mot mot mot…');
  });
});
