import { describe, expect, it } from 'vitest';
import type { FigureState } from '../../domain/value-state.ts';
import { cellText, exportCell, type Column } from './table-column.ts';

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
    expect(cellText(c, { v: null, state: 'secret' })).toBe('s');
    expect(cellText(c, { v: null, state: 'missing' })).toBe('non renseigné');
    expect(cellText(c, { v: null, state: 'unknown' })).toBe('inconnu');
    expect(cellText(c, { v: null, state: 'na' })).toBe('sans objet');
    expect(cellText(c, { v: 0, state: 'known' })).toBe('0');
    expect(exportCell(c, { v: null, state: 'secret' })).toBe('s');
    expect(exportCell(c, { v: null, state: 'na' })).toBe('sans objet');
  });

  it('keeps the plain rules without a state: "s" in a secret column, "–" elsewhere', () => {
    const row = { v: null, state: 'known' as const };
    expect(cellText(col({ secret: true }), row)).toBe('s');
    expect(cellText(col(), row)).toBe('–');
    // A plain missing value exports as an empty cell, never as the secrecy mark.
    expect(exportCell(col(), row)).toBe('');
  });
});
