import { describe, expect, it } from 'vitest';
import { STATE_CODES } from '../value-state.ts';
import { coverageTable, defaultCoverageAssumptions, scoreFigure } from './coverage.ts';
import { smallInput, testSite } from './test-fixtures.ts';

describe('coverage table, hand-checked', () => {
  const a = { ...defaultCoverageAssumptions(), axis: 'remobilisation' as const, maxMinutes: 30 };

  it('splits the beneficiaries and scores the gap', () => {
    const t = coverageTable(smallInput(), a);
    const [ta, tb] = t.rows;
    // A: 50 beneficiaries, 40 places within reach: 40 served (C0's 30 first, then 10 of C1).
    expect(ta).toMatchObject({
      sites: 1,
      places: 40,
      need: 50,
      concerned: 50,
      served: 40,
      overCapacity: 10,
      outOfReach: 0,
      placesPer100: 80,
      score: 20,
      communesOutOfReach: 0,
    });
    // B: the unknown-capacity site serves C2's 10 without limit (flagged); C3's 8 are out of reach.
    expect(tb).toMatchObject({
      sites: 1,
      sitesUnknownCapacity: 1,
      places: 0,
      need: 18,
      served: 10,
      servedByUnknown: 10,
      overCapacity: 0,
      outOfReach: 8,
      communesOutOfReach: 1,
      populationOutOfReach: 300,
    });
    expect(tb!.score).toBeCloseTo((100 * 8) / 18, 10);
    // Département: 68 beneficiaries, 18 without a place.
    expect(t.total).toMatchObject({ need: 68, served: 50, sites: 2, places: 40 });
    expect(t.total.score).toBeCloseTo((100 * 18) / 68, 10);
    expect(ta!.scoreVsDepartement).toBeCloseTo(20 - (100 * 18) / 68, 10);
    // B has the larger gap: rank 1.
    expect([ta!.rank, tb!.rank]).toEqual([2, 1]);
    expect(t.communes.map((c) => c.nearestMinutes)).toEqual([5, 20, 5, null]);
  });

  it('applies the share concerned by the axis and the rule for unknown capacities', () => {
    const t = coverageTable(smallInput(), {
      ...a,
      concernedShare: 0.5,
      unknownCapacity: 'zero',
    });
    const [ta, tb] = t.rows;
    // A: 25 concerned, all served. B: 9 concerned, C2's 5 within reach of a site with no place.
    expect(ta).toMatchObject({ concerned: 25, served: 25, overCapacity: 0, score: 0 });
    expect(tb).toMatchObject({ concerned: 9, served: 0, overCapacity: 5, outOfReach: 4 });
    expect(tb!.score).toBe(100);
  });

  it('shows only what published territory figures allow, without beneficiaries by commune', () => {
    const input = smallInput(null);
    input.publishedNeed = {
      byTerritory: new Map([
        ['A', 50],
        ['B', null],
      ]),
      total: 68,
    };
    const t = coverageTable(input, a);
    const [ta, tb] = t.rows;
    expect(t.byCommune).toBe(false);
    expect(ta).toMatchObject({ need: 50, placesPer100: 80, served: null, score: null, rank: null });
    expect(tb).toMatchObject({ need: null, placesPer100: null, communesOutOfReach: 1 });
    expect(t.communes[0]!.served).toBeNull();
  });

  it('says an axis has no site in the data instead of scoring 100 %', () => {
    const t = coverageTable(smallInput(), { ...a, axis: 'mobilite' });
    expect(t.axisSites).toBe(0);
    expect(t.rows.map((r) => [r.score, r.rank])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(t.total.score).toBeNull();
    expect(scoreFigure(t.total, t.axisSites).state).toBe('missing');
    // The split is still there: everyone is out of reach of a site the data does not have.
    expect(t.total.outOfReach).toBe(68);
  });

  it('scores over the communes whose need is known, and says so', () => {
    const input = smallInput();
    // C1 (20 beneficiaries, territory A) has no value; C3 (8, territory B) is masked.
    input.data.people.needState = Uint8Array.of(0, STATE_CODES.missing, 0, STATE_CODES.secret);
    const t = coverageTable(input, a);
    const [ta, tb] = t.rows;
    expect(ta).toMatchObject({ need: 30, served: 30, overCapacity: 0, score: 0 });
    expect(ta!.needParts).toEqual({ known: 1, missing: 1, unknown: 0, secret: 0 });
    // A: C0 holds 1000 of 1800 inhabitants, enough for a partial score.
    expect(scoreFigure(ta!, t.axisSites)).toMatchObject({ state: 'partial', value: 0 });
    // B: C2 holds 400 of 700: partial too; its 10 are served, C3 is not counted.
    expect(tb).toMatchObject({ need: 10, outOfReach: 0, score: 0 });
    expect(t.communes.map((c) => c.needState)).toEqual(['known', 'missing', 'known', 'secret']);
    expect(t.communes[1]!.need).toBeNull();
  });

  it('refuses absurd assumptions with a clear message', () => {
    expect(() => coverageTable(smallInput(), { ...a, concernedShare: 0 })).toThrow(/part/);
    expect(() => coverageTable(smallInput(), { ...a, maxMinutes: 0 })).toThrow(/seuil/);
  });

  it('lists the sites whose commune is not in the dataset', () => {
    const input = smallInput();
    input.sites = [...input.sites, testSite('ailleurs', '99999', ['remobilisation'], 10)];
    expect(coverageTable(input, a).unplacedSites).toEqual(['ailleurs']);
  });
});
