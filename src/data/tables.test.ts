import { describe, expect, it } from 'vitest';
import { decodeTable, encodeTable } from './tables.ts';

describe('rows read back from Arrow', () => {
  it('gives every string as written: accents, emoji, empty, null', () => {
    const names = ['Maison des solidarités', '', null, 'Ré🚗 mobilité', 'a'.repeat(300), 'x'];
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      id: `s-${i}`,
      name: names[i % names.length]!,
      kind: 'action',
      detail: i % 3 === 0 ? null : 'détail n° ' + i,
      axes: '',
      capacity: i % 7 === 0 ? null : i,
      lon: 2.5,
      lat: 50,
      commune_code: '62001',
      operator: '',
      public: '',
      hours: '',
      source_id: 'x',
    }));
    const back = decodeTable(encodeTable('sites', rows));
    expect(back).toEqual(rows);
  });
});
