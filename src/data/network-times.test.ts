import { describe, expect, it } from 'vitest';
import type { DatasetMeta } from '../domain/model.ts';
import { decodeNetworkTimes, encodeNetworkTimes, loadNetworkTimes } from './network-times.ts';

describe('network times artefact', () => {
  const rows = {
    origin: ['62001', '62001', '62002'],
    destination: ['62001', '62002', '62001'],
    minutes: [0, 12.34, 13.5],
  };

  it('round-trips through Arrow', () => {
    const back = decodeNetworkTimes(encodeNetworkTimes(rows));
    expect(back.origin).toEqual(rows.origin);
    expect(back.destination).toEqual(rows.destination);
    expect(Array.from(back.minutes)).toEqual(rows.minutes);
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
