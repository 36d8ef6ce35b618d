import { describe, expect, it } from 'vitest';
import {
  INDICATORS,
  indicatorById,
  indicatorLabel,
  needFigure,
  placesFigure,
  sumAggregates,
  type TerritoryAggregate,
} from './indicators.ts';
import { coverageText, figureStatus } from './value-state.ts';

/** One complete territory: 1 commune with a value, 3 offer sites of known capacity. */
const a = (over: Partial<TerritoryAggregate>): TerritoryAggregate => ({
  code: 'x',
  name: 'X',
  communes: 1,
  population: 1000,
  areaKm2: 10,
  need: 50,
  needKnown: 50,
  needParts: { known: 1, missing: 0, unknown: 0, secret: 0 },
  needPopulation: 1000,
  needSuppressed: false,
  accueilSites: 2,
  offerSites: 3,
  offerPlaces: 40,
  offerPlacesKnown: 40,
  offerUnknownCapacity: 0,
  ...over,
});

/** 10 communes of 100 inhabitants; `known` of them have a need of 5, the others none. */
const partialNeed = (known: number, secret = 0): TerritoryAggregate =>
  a({
    communes: 10,
    need: known === 10 ? 50 : null,
    needKnown: known > 0 ? 5 * known : null,
    needParts: { known, missing: 10 - known - secret, unknown: 0, secret },
    needPopulation: 100 * known,
  });

const v = (id: string, x: TerritoryAggregate) => indicatorById(id).value(x);
const f = (id: string, x: TerritoryAggregate) => indicatorById(id).figure(x);

describe('indicators', () => {
  it('computes each formula, and "sans objet" when the denominator is zero', () => {
    expect(v('taux_besoin', a({}))).toBe(5);
    expect(v('densite', a({}))).toBe(100);
    expect(v('places_pour_100', a({}))).toBe(80);
    expect(v('accueils_pour_10000', a({}))).toBe(20);
    expect(v('taux_besoin', a({ population: 0 }))).toBeNull();
    expect(f('taux_besoin', a({ population: 0 })).state).toBe('na');
    expect(v('places_pour_100', a({ need: 0, needKnown: 0 }))).toBeNull();
    expect(f('places_pour_100', a({ need: 0, needKnown: 0 })).state).toBe('na');
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
});

describe('need figures over communes with and without a value', () => {
  it('gives a partial sum "sur N communes renseignées" when enough communes have a value', () => {
    const t = partialNeed(6);
    const need = needFigure(t);
    expect(need).toMatchObject({ value: 30, state: 'partial', coverage: 0.6 });
    expect(coverageText(need)).toBe('sur 6 communes renseignées sur 10');
    // The rate is over the same communes: 30 for 600 inhabitants.
    expect(f('taux_besoin', t)).toMatchObject({ value: 5, state: 'partial' });
    expect(figureStatus(f('taux_besoin', t))).toBe('partiel : sur 6 communes renseignées sur 10');
  });

  it('withholds the figure when too few communes have a value, and says how many do', () => {
    const t = partialNeed(2);
    const need = needFigure(t);
    expect(need).toMatchObject({ value: null, state: 'missing' });
    expect(v('besoin', t)).toBeNull();
    expect(v('taux_besoin', t)).toBeNull();
    expect(figureStatus(need)).toMatch(
      /^non renseigné : sur 2 communes renseignées sur 10, 20 % de la population/,
    );
  });

  it('names the dominant state of the communes without a value', () => {
    expect(needFigure(partialNeed(0, 7)).state).toBe('secret');
    expect(needFigure(partialNeed(0, 3)).state).toBe('missing');
    expect(needFigure(partialNeed(0)).value).toBeNull();
    expect(needFigure(a({ needSuppressed: true })).state).toBe('secret');
  });

  it('keeps the need of a complete territory as it is', () => {
    expect(needFigure(partialNeed(10))).toMatchObject({ value: 50, state: 'known' });
    expect(figureStatus(needFigure(partialNeed(10)))).toBe('');
  });
});

describe('places over sites whose capacity may be unknown', () => {
  it('says the places are unknown rather than 0 when no capacity is given', () => {
    const t = a({ offerSites: 4, offerPlaces: null, offerPlacesKnown: 0, offerUnknownCapacity: 4 });
    expect(placesFigure(t)).toMatchObject({ value: null, state: 'unknown', unit: 'lieu' });
    expect(f('places_pour_100', t)).toMatchObject({ value: null, state: 'unknown' });
    expect(figureStatus(placesFigure(t))).toBe('inconnu');
  });

  it('counts places over the sites of known capacity when most are known', () => {
    const t = a({
      offerSites: 4,
      offerPlaces: null,
      offerPlacesKnown: 30,
      offerUnknownCapacity: 1,
    });
    expect(placesFigure(t)).toMatchObject({ value: 30, state: 'partial' });
    expect(coverageText(placesFigure(t))).toBe('sur 3 lieux à capacité connue sur 4');
    expect(f('places_pour_100', t)).toMatchObject({ value: 60, state: 'partial' });
  });

  it('gives 0 places, a true zero, where there is no site', () => {
    const t = a({ offerSites: 0, offerPlaces: 0, offerPlacesKnown: 0 });
    expect(placesFigure(t)).toMatchObject({ value: 0, state: 'known' });
  });
});

describe('the département as the sum of its territories', () => {
  it('adds values, and stays partial when a part is', () => {
    const t = sumAggregates([a({}), a({ population: 500, need: 10, needKnown: 10 })], '', 'D');
    expect(t.population).toBe(1500);
    expect(t.need).toBe(60);
    expect(t.communes).toBe(2);
    expect(indicatorById('taux_besoin').value(t)).toBe(4);
    const p = sumAggregates([partialNeed(10), partialNeed(4)], '', 'D');
    expect(p.need).toBeNull();
    expect(needFigure(p)).toMatchObject({ value: 70, state: 'partial' });
    expect(coverageText(needFigure(p))).toBe('sur 14 communes renseignées sur 20');
  });

  it('counts the communes of a masked part as secret', () => {
    const p = sumAggregates([partialNeed(10), a({ communes: 10, needSuppressed: true })], '', 'D');
    expect(p.needParts).toMatchObject({ known: 10, secret: 10 });
    expect(needFigure(p)).toMatchObject({ value: 50, state: 'partial' });
  });
});
