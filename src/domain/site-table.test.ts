import { describe, expect, it } from 'vitest';
import { testSite } from './gaps/test-fixtures.ts';
import type { Source } from './model.ts';
import {
  SITE_CSV_HEADER,
  siteCsvCells,
  siteRows,
  siteShown,
  siteSourceText,
} from './site-table.ts';

const sources = new Map<string, Source>([
  [
    'test',
    {
      id: 'test',
      producer: 'ASP',
      title: 'Liste des SIAE',
      licence: '',
      millesime: '2019-07',
      url: '',
      note: '',
    },
  ],
]);
const sites = [
  testSite('a', 'C0', ['remobilisation'], 12),
  { ...testSite('b', 'C1', ['iae'], null, 'siae'), detail: 'ACI' },
  { ...testSite('c', 'C1', ['mobilite'], 30, 'mobilite'), detail: 'garage_solidaire' },
];
const names = new Map([
  ['C0', 'Arras'],
  ['C1', 'Lens'],
]);

describe('the table of the sites', () => {
  it('gives each site its kind, axes, capacity or « inconnue », commune, source and date', () => {
    const rows = siteRows(sites, names, sources);
    const b = rows.find((r) => r.id === 'b')!;
    expect(b).toMatchObject({
      kindLabel: "Structure d'insertion par l'activité économique (ACI)",
      axesLabel: "Insertion par l'activité économique (SIAE)",
      capacity: null,
      capacityStatus: 'inconnue',
      communeName: 'Lens',
      sourceLabel: 'ASP, Liste des SIAE',
      sourceDate: '2019-07',
    });
    expect(rows.find((r) => r.id === 'c')!.kindLabel).toBe(
      'Service de mobilité solidaire (garage solidaire)',
    );
    // Exported: an empty cell and its status, never 0.
    const cells = siteCsvCells(b);
    expect(cells[SITE_CSV_HEADER.indexOf('capacite')]).toBeNull();
    expect(cells[SITE_CSV_HEADER.indexOf('statut_capacite')]).toBe('inconnue');
  });

  it('filters by kind and by axis as the map does', () => {
    expect(
      siteRows(sites, names, sources, { kinds: ['siae'], hiddenAxes: [] }).map((r) => r.id),
    ).toEqual(['b']);
    expect(
      siteRows(sites, names, sources, { kinds: null, hiddenAxes: ['iae', 'mobilite'] }).map(
        (r) => r.id,
      ),
    ).toEqual(['a']);
    expect(siteShown({ ...sites[0]!, axes: [] }, { kinds: null, hiddenAxes: ['iae'] })).toBe(false);
  });

  it('says the source and date of a site for its tooltip', () => {
    expect(siteSourceText(sites[1]!, sources)).toBe(
      'Source : ASP, Liste des SIAE, millésime 2019-07',
    );
    expect(siteSourceText({ ...sites[1]!, sourceId: 'x' }, sources)).toBe('Source : x');
  });
});
