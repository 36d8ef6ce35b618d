import { describe, expect, it } from 'vitest';
import { knownFigure, missingFigure, sumFigure } from '../../domain/value-state.ts';
import { editText } from '../common/scenario-text.ts';
import { formatMinutes } from '../common/travel-text.ts';
import { countCell, deltaLines, signed } from './reach-text.ts';

const plain = (s: string) => s.replace(/\s/g, ' ');

describe('reach wording', () => {
  it('writes minutes, hours, and beyond the horizon', () => {
    expect(formatMinutes(12.4)).toBe('13 min');
    expect(formatMinutes(12)).toBe('12 min');
    expect(formatMinutes(59.6)).toBe('1 h 00');
    expect(formatMinutes(125)).toBe('2 h 05');
    expect(formatMinutes(Infinity, 90)).toBe('plus de 90 min');
  });

  it('signs counts with a true minus', () => {
    expect(plain(signed(1240))).toBe('+1 240');
    expect(signed(-35)).toBe('−35');
    expect(signed(0)).toBe('0');
  });

  it('says what changed from the initial situation', () => {
    expect(
      deltaLines(
        { needWithin: 1240, populationWithin: 30150, communesWithin: 1 },
        'foyers',
        30,
      ).map(plain),
    ).toEqual([
      '+1 240 foyers à moins de 30 min',
      '+30 150 habitants à moins de 30 min',
      '+1 commune à moins de 30 min',
    ]);
    expect(
      deltaLines({ needWithin: null, populationWithin: -20, communesWithin: -2 }, 'x', 45),
    ).toEqual(['−20 habitants à moins de 45 min', '−2 communes à moins de 45 min']);
    expect(deltaLines({ needWithin: 0, populationWithin: 0, communesWithin: 0 }, 'x', 30)).toEqual(
      [],
    );
  });

  it('describes the edits of a scenario', () => {
    const name = (id: string) => `site ${id}`;
    const commune = (code: string) => `commune ${code}`;
    expect(editText({ op: 'close', siteId: 'a' }, name, commune)).toBe('Fermeture : site a');
    expect(
      editText({ op: 'move', siteId: 'a', lon: 2, lat: 46, communeCode: '001' }, name, commune),
    ).toBe('Déplacement : site a vers commune 001');
  });

  it('writes a count beyond N min as a number, a lower bound, or its state', () => {
    expect(plain(countCell(knownFigure(1240)))).toBe('1 240');
    expect(countCell(knownFigure(0))).toBe('0');
    const parts = { known: 3, missing: 0, unknown: 0, secret: 2 };
    expect(countCell(sumFigure(120, parts, 0.8, 'commune'))).toBe('≥ 120');
    expect(countCell(sumFigure(120, parts, 0.2, 'commune'))).toBe('secret');
    expect(countCell(missingFigure('missing'))).toBe('non renseigné');
  });

  it('never writes N min for a time beyond N minutes, nor more than N within', () => {
    for (const n of [10, 20, 30, 45]) {
      for (const t of [n - 0.6, n - 0.01, n, n + 1e-6, n + 0.01, n + 0.4, n + 0.6]) {
        const shown = Number(formatMinutes(t).replace(' min', ''));
        // The summary's rule: within when t <= n, beyond when t > n.
        expect(shown <= n, `${t} min au seuil de ${n}`).toBe(t <= n);
      }
    }
  });
});
