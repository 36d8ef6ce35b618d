import { describe, expect, it } from 'vitest';
import { toCsv } from '../../domain/csv-export.ts';
import type { Source } from '../../domain/model.ts';
import type { FigureState } from '../../domain/value-state.ts';
import { cellText, exportCell, exportNotes, type Column } from './table-column.ts';

interface Row {
  v: number | null;
  state: FigureState;
}

const col = (extra: Partial<Column<Row>> = {}): Column<Row> => ({
  key: 'v',
  label: 'Valeur',
  value: (r) => r.v,
  decimals: 0,
  ...extra,
});

describe('table cells', () => {
  it('writes the secrecy mark only for a secret value', () => {
    const c = col({ state: (r) => r.state });
    expect(cellText(c, { v: null, state: 'secret' })).toBe('secret');
    expect(cellText(c, { v: null, state: 'missing' })).toBe('non renseigné');
    expect(cellText(c, { v: null, state: 'unknown' })).toBe('inconnu');
    expect(cellText(c, { v: null, state: 'na' })).toBe('sans objet');
    expect(cellText(c, { v: 0, state: 'known' })).toBe('0');
    expect(exportCell(c, { v: null, state: 'secret' })).toBe('secret');
    expect(exportCell(c, { v: null, state: 'na' })).toBe('sans objet');
  });

  it('keeps the plain rules without a state: « secret » in a secret column, "–" elsewhere', () => {
    const row = { v: null, state: 'known' as const };
    expect(cellText(col({ secret: true }), row)).toBe('secret');
    expect(cellText(col(), row)).toBe('–');
    // A plain missing value exports as an empty cell, never as the secrecy mark.
    expect(exportCell(col(), row)).toBe('');
  });

  it('exports values rounded as shown, with the source and millésime of every figure', () => {
    const insee: Source = {
      id: 'pop',
      producer: 'INSEE',
      title: 'Population municipale',
      licence: 'Licence Ouverte 2.0',
      millesime: '2021',
      url: '',
      note: '',
    };
    const caf = { ...insee, id: 'caf', producer: 'CAF', title: 'Foyers RSA', millesime: '2023' };
    const columns: Column<Row>[] = [
      col({ key: 'pop', label: 'Population', sources: [insee] }),
      col({
        key: 'rate',
        label: 'Pour 100 habitants',
        value: (r) => (r.v === null ? null : r.v / 3),
        decimals: 1,
        state: (r) => r.state,
        sources: [caf, insee, undefined, insee],
      }),
    ];
    const rows: Row[] = [
      { v: 116.6, state: 'known' },
      { v: null, state: 'secret' },
    ];
    expect(rows.map((r) => columns.map((c) => exportCell(c, r)))).toEqual([
      [117, 38.9],
      ['', 'secret'],
    ]);
    const notes = exportNotes('Taux par EPCI', columns, {
      exportedOn: new Date(2025, 11, 6),
      hasSecret: true,
      assumptions: [
        {
          id: 'survey_other_departement',
          badge: 'hypothèse : parts du Pas-de-Calais, 2009',
          detail: "Parts de l'enquête du Pas-de-Calais (2009).",
        },
      ],
    });
    expect(notes).toEqual([
      ['Tableau', 'Taux par EPCI'],
      ['Source', 'Population', 'INSEE, Population municipale (millésime 2021)'],
      ['Source', 'Pour 100 habitants', 'CAF, Foyers RSA (millésime 2023)'],
      ['Source', 'Pour 100 habitants', 'INSEE, Population municipale (millésime 2021)'],
      [
        'Hypothèse',
        'hypothèse : parts du Pas-de-Calais, 2009',
        "Parts de l'enquête du Pas-de-Calais (2009).",
      ],
      ['secret', 'masqué par le secret statistique'],
      ['Arrondi', 'valeurs arrondies comme dans le tableau affiché'],
      ['Exporté le', '2025-12-06'],
    ]);
    const csv = toCsv(
      columns.map((c) => c.label),
      rows.map((r) => columns.map((c) => exportCell(c, r))),
      { separator: ';', notes },
    );
    expect(csv).not.toMatch(/\d[.,]\d{2,}/);
    expect(csv.split('\r\n').slice(0, 4)).toEqual([
      '\uFEFFPopulation;Pour 100 habitants',
      '117;38,9',
      ';secret',
      '',
    ]);
  });
});

describe('« lisible » and « données » exports', () => {
  const rate = col({
    label: 'Pour 100 habitants',
    decimals: 1,
    value: (r) => r.v,
    state: (r) => r.state,
  });
  const rows: Row[] = [
    { v: 38.86861313868613, state: 'known' },
    { v: null, state: 'secret' },
  ];

  it('rounds as shown for people, and keeps full precision for machines', () => {
    expect(rows.map((r) => exportCell(rate, r))).toEqual([38.9, 'secret']);
    expect(rows.map((r) => exportCell(rate, r, 'donnees'))).toEqual([38.86861313868613, 'secret']);
  });

  it('says which in the lines under the table', () => {
    const notes = (kind: 'lisible' | 'donnees') =>
      exportNotes('T', [rate], { exportedOn: new Date(2025, 0, 1), hasSecret: false, kind });
    expect(notes('lisible')).toContainEqual([
      'Arrondi',
      'valeurs arrondies comme dans le tableau affiché',
    ]);
    expect(notes('donnees')).toContainEqual(['Précision', 'valeurs complètes, non arrondies']);
    expect(notes('donnees').map((n) => n[0])).not.toContain('Arrondi');
  });
});
