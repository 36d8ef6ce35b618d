import { describe, expect, it } from 'vitest';
import { nameKeys, normaliseName } from './names.ts';

describe('normaliseName', () => {
  it.each([
    ['Saint-Omer', 'SAINT OMER'],
    ['ST OMER', 'SAINT OMER'],
    ['St-Omer', 'SAINT OMER'],
    ['STE CATHERINE', 'SAINTE CATHERINE'],
    ['Sainte-Catherine', 'SAINTE CATHERINE'],
    ['Bruay-la-Buissière', 'BRUAY LA BUISSIERE'],
    ["L'Isle-sur-la-Sorgue", 'L ISLE SUR LA SORGUE'],
    ['L’ISLE SUR LA SORGUE CEDEX 2', 'L ISLE SUR LA SORGUE'],
    ['Œuilly', 'OEUILLY'],
    ['Boulogne s/ Mer', 'BOULOGNE SUR MER'],
    ['  Hénin   Beaumont ', 'HENIN BEAUMONT'],
  ])('%j → %j', (raw, key) => {
    expect(normaliseName(raw)).toBe(key);
  });

  it('gives keys without the article and without an arrondissement number', () => {
    expect(nameKeys('Le Portel')).toEqual(['LE PORTEL', 'PORTEL']);
    expect(nameKeys('MARSEILLE 13')).toEqual(['MARSEILLE 13', 'MARSEILLE']);
    expect(nameKeys('Arras')).toEqual(['ARRAS']);
  });
});
