import { describe, expect, it } from 'vitest';
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
