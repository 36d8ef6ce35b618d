import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { DatasetMeta } from '../domain/model.ts';
import {
  NETWORK_TIMES_MAX_MINUTES,
  decodeNetworkTimes,
  encodeNetworkTimes,
  loadNetworkTimes,
  toTenthOfMinute,
} from './network-times.ts';

describe('network times artefact', () => {
  const rows = {
    origin: ['62001', '62001', '62002'],
    destination: ['62001', '62002', '62001'],
    minutes: [0, 12.3, 6553.5],
  };

  it('round-trips through Arrow, to the tenth of a minute', () => {
    const back = decodeNetworkTimes(encodeNetworkTimes(rows));
    expect(back.origin).toEqual(rows.origin);
    expect(back.destination).toEqual(rows.destination);
    expect(Array.from(back.minutes)).toEqual(rows.minutes);
    // Every time a build rounds reads back as the same number.
    const many = Array.from({ length: 20_000 }, (_, i) => toTenthOfMinute(i * 0.0317));
    const codes = many.map(() => '62001');
    const again = decodeNetworkTimes(
      encodeNetworkTimes({ origin: codes, destination: codes, minutes: many }),
    );
    expect(Array.from(again.minutes)).toEqual(many);
  });

  it('refuses a time not rounded to the tenth, negative, or beyond what 16 bits hold', () => {
    const one = (m: number) => ({ origin: ['62001'], destination: ['62002'], minutes: [m] });
    expect(() => encodeNetworkTimes(one(12.34))).toThrow(
      /12\.34 min n'est pas un temps au dixième/,
    );
    expect(() => encodeNetworkTimes(one(-0.1))).toThrow(/dixième de minute/);
    expect(() => encodeNetworkTimes(one(NETWORK_TIMES_MAX_MINUTES + 0.1))).toThrow(/6553\.5 min/);
    expect(() => encodeNetworkTimes(one(Number.NaN))).toThrow(/ligne 1/);
  });

  it('reads codes written without a dictionary too', () => {
    const plain = tableFromArrays({
      origin: ['62001', '62002'],
      destination: ['62002', '62001'],
      tenths: Uint16Array.of(5, 123),
    });
    const back = decodeNetworkTimes(tableToIPC(plain, 'stream'));
    expect(back.origin).toEqual(['62001', '62002']);
    expect(back.destination).toEqual(['62002', '62001']);
    expect(Array.from(back.minutes)).toEqual([0.5, 12.3]);
  });

  it('says to rebuild a file of an earlier version', () => {
    expect(() =>
      decodeNetworkTimes(tableToIPC(tableFromArrays({ minutes: [1] }), 'stream')),
    ).toThrow(/reconstruire le jeu de données/);
  });

  it('loads every mode of the dataset with the source it names', async () => {
    const bytes = encodeNetworkTimes(rows);
    const meta = {
      sources: [{ id: 'osm-routes', producer: 'OSM' }],
      networkTimes: {
        voiture: {
          file: 'temps-voiture.arrow',
          network: 'routes',
          label: 'Réseau routier OpenStreetMap',
          sourceId: 'osm-routes',
          maxMinutes: 240,
          pairs: 3,
        },
      },
    } as unknown as DatasetMeta;
    const read = async (f: string) => {
      expect(f).toBe('temps-voiture.arrow');
      return bytes;
    };
    const loaded = await loadNetworkTimes(meta, read);
    expect(Object.keys(loaded)).toEqual(['voiture']);
    expect(loaded.voiture?.source?.producer).toBe('OSM');
    expect(loaded.voiture?.rows.origin).toEqual(rows.origin);
    expect(await loadNetworkTimes({ ...meta, networkTimes: undefined }, read)).toEqual({});
  });
});
