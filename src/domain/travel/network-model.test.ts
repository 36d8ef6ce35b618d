import { describe, expect, it } from 'vitest';
import type { NetworkTimesMeta, Source } from '../model.ts';
import { DEFAULT_CAR_PARAMETERS } from './distance-model.ts';
import { OdMatrix } from './matrix-model.ts';
import { createTravelNetwork } from './model.ts';
import { modelFor } from './models.ts';
import { networkModel, networkSource, type NetworkTimesData } from './network-model.ts';
import { DEFAULT_NO_CAR_PARAMETERS } from './no-car-model.ts';
import { commune } from './test-network.ts';

const net = createTravelNetwork([
  commune('A', 2, 46, 1, 10),
  commune('B', 2, 46.1, 2, 10),
  commune('C', 2, 46.2, 4, 10),
]);
const meta: NetworkTimesMeta = {
  file: 'temps-voiture.arrow',
  network: 'routes',
  label: 'Réseau routier OpenStreetMap',
  sourceId: 'osm-routes',
  maxMinutes: 60,
  pairs: 5,
  detail: 'Plus court temps en voiture sur le réseau.',
};
const source: Source = {
  id: 'osm-routes',
  producer: "© les contributeurs d'OpenStreetMap",
  title: 'Réseau routier',
  licence: 'ODbL 1.0',
  millesime: 'extrait du 2026-11-30',
  url: '',
  note: '',
};
const data: NetworkTimesData = {
  meta,
  source,
  rows: {
    origin: ['A', 'A', 'B', 'B', 'C'],
    destination: ['A', 'B', 'A', 'B', 'C'],
    minutes: [0, 12.5, 14, 0, 0],
  },
};
const car = {
  mode: 'voiture' as const,
  car: DEFAULT_CAR_PARAMETERS,
  noCar: DEFAULT_NO_CAR_PARAMETERS,
};

describe('times computed on a real network', () => {
  const model = networkModel(networkSource(data, net));

  it('answers the pairs of the file, and Infinity beyond the cutoff, never an estimate', () => {
    expect(model.communeMinutes(0, 1)).toBe(12.5);
    expect(model.communeMinutes(1, 0)).toBe(14);
    expect(model.communeMinutes(0, 2)).toBe(Infinity);
    expect(model.communeMinutes(2, 2)).toBe(0);
    expect(model.isMeasured(0, 2)).toBe(true);
    expect(model.symmetric).toBe(false);
    expect(model.accessMinutes).toBe(0);
    expect(model.localMinutes(0, 2.01, 46.01)).toBe(0);
  });

  it('lists the origins and destinations within a budget', () => {
    const within = (to: number, max: number) => {
      const out: [number, number][] = [];
      model.forEachOriginWithin(to, max, (o, m) => out.push([o, m]));
      return out.sort((a, b) => a[0] - b[0]);
    };
    expect(within(1, 20)).toEqual([
      [0, 12.5],
      [1, 0],
    ]);
    expect(within(1, 10)).toEqual([[1, 0]]);
    const from: [number, number][] = [];
    model.forEachDestinationWithin(1, 14, (d, m) => from.push([d, m]));
    expect(from.sort((a, b) => a[0] - b[0])).toEqual([
      [0, 14],
      [1, 0],
    ]);
  });

  it('is named with its network and its source', () => {
    expect(model.id).toBe('reseau');
    expect(model.label).toBe(
      "Réseau routier OpenStreetMap (© les contributeurs d'OpenStreetMap, extrait du 2026-11-30)",
    );
    expect(model.description).toContain('Plus court temps en voiture');
    expect(model.description).toContain('Au-delà de 60 min');
    expect(model.approximation).toBe(false);
  });

  it('refuses a file that names a commune outside the dataset', () => {
    const bad = { ...data, rows: { ...data.rows, origin: ['Z', 'A', 'B', 'B', 'C'] } };
    expect(() => networkSource(bad, net)).toThrow(/commune Z hors du jeu/);
  });

  it('comes after an imported matrix and before the distance estimate', () => {
    const network = networkSource(data, net);
    expect(modelFor(net, car).id).toBe('distance');
    expect(modelFor(net, car, null, network).id).toBe('reseau');
    const matrix = new OdMatrix(3, {
      origin: Int32Array.from([0]),
      destination: Int32Array.from([2]),
      minutes: Float64Array.from([30]),
    });
    const m = modelFor(net, car, { name: 'essai.csv', matrix }, network);
    expect(m.id).toBe('matrice');
    expect(m.fallback?.id).toBe('reseau');
    expect(m.communeMinutes(0, 2)).toBe(30);
    expect(m.communeMinutes(0, 1)).toBe(12.5);
    expect(m.communeMinutes(2, 0)).toBe(Infinity);
    expect(m.description).toContain('prises dans : réseau routier OpenStreetMap');
  });
});
