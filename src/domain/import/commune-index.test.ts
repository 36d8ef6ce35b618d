import { describe, expect, it } from 'vitest';
import { arrondissementOf, CommuneIndex } from './commune-index.ts';
import { testIndex } from './fixtures/communes.ts';

describe('CommuneIndex', () => {
  const index = testIndex();

  it('finds a commune by current or former code', () => {
    expect(index.byCode('01001')).toMatchObject({
      kind: 'current',
      commune: { name: 'Abergement-le-Grand' },
    });
    expect(index.byCode('01099')).toMatchObject({
      kind: 'former',
      commune: { code: '01007' },
      former: { name: 'Vieux-Moulin' },
    });
    expect(index.byCode('01098')).toEqual({ kind: 'unknown' });
  });

  it('matches an export-style name within the département', () => {
    expect(index.byName('STE CROIX EN BRESSE', ['01'])).toMatchObject({
      kind: 'unique',
      commune: { code: '01005' },
    });
    expect(index.byName('OEUILLY D AIN', ['01'])).toMatchObject({
      kind: 'unique',
      commune: { code: '01006' },
    });
    expect(index.byName('PORTEL SUR VEYLE', ['01'])).toMatchObject({
      kind: 'unique',
      commune: { code: '01004' },
    });
    expect(index.byName('Abergement-le-Grand', ['02'])).toEqual({ kind: 'unknown' });
  });

  it('reports a shared name as ambiguous, unless the postcode settles it', () => {
    const m = index.byName('ST MARTIN DU LAC', ['01']);
    expect(m.kind).toBe('ambiguous');
    expect(m.kind === 'ambiguous' && m.candidates.map((c) => c.code)).toEqual(['01002', '01003']);
    expect(index.byName('ST MARTIN DU LAC', ['01'], '01300')).toMatchObject({
      kind: 'unique',
      commune: { code: '01003' },
    });
  });

  it('finds a former commune by its name, and says so', () => {
    expect(index.byName('VIEUX MOULIN', ['01'])).toMatchObject({
      kind: 'unique',
      commune: { code: '01007' },
      viaFormer: { code: '01099' },
    });
  });

  it('says unknown for a name it does not have', () => {
    expect(index.byName('Ailleurs', ['01'])).toEqual({ kind: 'unknown' });
  });
});

describe('municipal arrondissements', () => {
  it.each([
    ['75101', '75056', 'Paris'],
    ['75120', '75056', 'Paris'],
    ['13201', '13055', 'Marseille'],
    ['13216', '13055', 'Marseille'],
    ['69381', '69123', 'Lyon'],
    ['69389', '69123', 'Lyon'],
  ])('%s is in %s (%s)', (code, commune, city) => {
    expect(arrondissementOf(code)).toEqual({ commune, city });
  });

  it.each(['75121', '13217', '69380', '69390', '75056'])('%s is no arrondissement', (code) => {
    expect(arrondissementOf(code)).toBeNull();
  });

  it('brings an arrondissement code to its commune when the index has it', () => {
    const index = new CommuneIndex([{ code: '13055', name: 'Marseille', dep: '13' }]);
    expect(index.byCode('13201')).toMatchObject({
      kind: 'arrondissement',
      commune: { code: '13055' },
      city: 'Marseille',
    });
    expect(index.byCode('69381')).toEqual({ kind: 'unknown' });
  });
});
