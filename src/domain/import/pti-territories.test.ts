import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testIndex } from './fixtures/communes.ts';
import { parsePtiTerritories, UNASSIGNED_TERRITORY } from './pti-territories.ts';
import { readTableBytes } from './table.ts';

describe('PTI territories', () => {
  const bytes = readFileSync(new URL('./fixtures/territoires-pti-fictif.csv', import.meta.url));
  const { territories, memberships, report, unassigned } = parsePtiTerritories(
    readTableBytes(new Uint8Array(bytes), 'pti.csv'),
    {
      dep: '01',
      communes: testIndex(),
      epcis: [{ code: '200000001', name: 'CC des Lacs', communes: ['01002', '01003', '01007'] }],
      schemeId: 'pti',
      sourceId: 'pti',
      inputId: 'pti',
      label: 'Territoires',
    },
  );

  it('groups communes, EPCI and former communes into territories', () => {
    expect(territories.map((t) => [t.code, t.name])).toEqual([
      ['T1', 'Bresse'],
      ['T2', 'Lacs'],
      ['T3', 'Montagne'],
      [UNASSIGNED_TERRITORY.code, UNASSIGNED_TERRITORY.name],
    ]);
    const of = Object.fromEntries(memberships.map((m) => [m.communeCode, m.territoryCode]));
    expect(of).toEqual({
      '01001': 'T1',
      '01005': 'T1',
      '01002': 'T2',
      '01003': 'T2',
      '01007': 'T2',
      '01004': 'T3',
      '01006': UNASSIGNED_TERRITORY.code,
    });
    expect(unassigned).toEqual(['01006']);
  });

  it('rejects clashes, unknown EPCI, bad codes and rows without a territory', () => {
    expect(Object.fromEntries(report.rejections.map((g) => [g.code, g.lines]))).toEqual({
      commune_in_two_territories: [7],
      territory_missing: [8],
      epci_unknown: [9],
      insee_malformed: [10],
    });
    expect(report.remaps).toMatchObject([{ from: '01099', to: '01007' }]);
    expect(report.notes[0]).toContain('1 commune(s)');
  });
});
