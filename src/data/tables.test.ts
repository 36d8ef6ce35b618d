import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { decodeTable, encodeRecords, encodeTable, rowToSite, siteToRow } from './tables.ts';

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

describe('records encoded in batches', () => {
  it('gives the same rows as one encoding, across batch boundaries', () => {
    const sites = Array.from({ length: 2503 }, (_, i) =>
      rowToSite({
        id: `s-${i}`,
        name: i % 11 === 0 ? '' : `Site ${i}`,
        kind: 'action',
        detail: '',
        axes: i % 2 ? 'mobilite|remobilisation' : '',
        capacity: i % 7 === 0 ? null : i,
        lon: 2 + i / 1e4,
        lat: 50,
        commune_code: '62001',
        operator: '',
        public: '',
        hours: '',
        source_id: 'x',
      }),
    );
    const whole = decodeTable(encodeTable('sites', sites.map(siteToRow)));
    const batched = encodeRecords('sites', sites, siteToRow, 500);
    expect(tableFromIPC(batched).batches).toHaveLength(6);
    expect(decodeTable(batched)).toEqual(whole);
    expect(decodeTable(encodeRecords('sites', [], siteToRow, 500))).toEqual([]);
  });
});
