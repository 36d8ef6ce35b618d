import { describe, expect, it } from 'vitest';
import { roundAsShown } from './rounding.ts';
import { createRandom } from './random.ts';
import { knownFigure, missingFigure } from './value-state.ts';
import {
  clipText,
  decimalComma,
  decimalPoint,
  formatDecimal,
  formatFigure,
  formatNumber,
  formatPercent,
  plainSpaces,
  plural,
} from './format.ts';

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

describe('numbers in running text and in files', () => {
  it('writes at most the decimals asked, without trailing zeros', () => {
    expect(formatDecimal(2.5, 2)).toBe('2,5');
    expect(formatDecimal(2, 2)).toBe('2');
    expect(formatDecimal(1.2345, 2)).toBe('1,23');
    expect(formatDecimal(12_345.5, 1)).toBe('12\u202f345,5');
    expect(formatDecimal(-0.001, 1)).toBe('0');
    expect(formatDecimal(Number.NaN, 1)).toBe('–');
  });

  it('matches what toLocaleString gave with three decimals at most', () => {
    const rnd = createRandom(7);
    for (let i = 0; i < 500; i++) {
      const v = Math.round((rnd.next() - 0.2) * 1e7) / 10 ** rnd.int(0, 4);
      if (Math.abs(v) < 0.001) continue;
      expect(formatDecimal(v, 3)).toBe(v.toLocaleString('fr-FR'));
    }
  });

  it('keeps every digit with a decimal comma for French files, a point for machine text', () => {
    expect(decimalComma(0.125)).toBe('0,125');
    expect(decimalComma(1234)).toBe('1234');
    expect(decimalPoint(2.123456, 5)).toBe('2.12346');
    expect(plainSpaces(formatNumber(1_234_567))).toBe('1 234 567');
  });
});
