import { describe, expect, it } from 'vitest';
import {
  INDICATORS,
  indicatorById,
  indicatorLabel,
  sumAggregates,
  type TerritoryAggregate,
} from './indicators.ts';

const a = (over: Partial<TerritoryAggregate>): TerritoryAggregate => ({
  code: 'x',
  name: 'X',
  communes: 1,
  population: 1000,
  areaKm2: 10,
  need: 50,
  accueilSites: 2,
  offerSites: 3,
  offerPlaces: 40,
  ...over,
});

describe('indicators', () => {
  it('computes each formula, and null when the denominator is zero', () => {
    const v = (id: string, x: TerritoryAggregate) => indicatorById(id).value(x);
    expect(v('taux_besoin', a({}))).toBe(5);
    expect(v('densite', a({}))).toBe(100);
    expect(v('places_pour_100', a({}))).toBe(80);
    expect(v('accueils_pour_10000', a({}))).toBe(20);
    expect(v('taux_besoin', a({ population: 0 }))).toBeNull();
    expect(v('places_pour_100', a({ need: 0 }))).toBeNull();
    expect(new Set(INDICATORS.map((i) => i.id)).size).toBe(INDICATORS.length);
  });

  it('names the need indicator in labels, keeping acronyms', () => {
    expect(indicatorLabel(indicatorById('taux_besoin'), 'Foyers allocataires du RSA')).toBe(
      'Foyers allocataires du RSA pour 100 habitants',
    );
    expect(indicatorLabel(indicatorById('places_pour_100'), 'Foyers allocataires du RSA')).toBe(
      "Places d'insertion pour 100 foyers allocataires du RSA",
    );
  });

  it('sums territories into the département reference', () => {
    const t = sumAggregates([a({}), a({ population: 500, need: 10 })], '', 'Département');
    expect(t.population).toBe(1500);
    expect(t.need).toBe(60);
    expect(t.communes).toBe(2);
    expect(indicatorById('taux_besoin').value(t)).toBe(4);
  });
});
