/**
 * No path turns a missing value into 0. Over random territories whose communes' need values are
 * randomly known, missing or secret, every aggregate of the domain (reach summary, coverage table,
 * mobility table, territory sums) must:
 * - not depend on the values at masked communes (they stand in the arrays as placeholders);
 * - count the masked communes in its parts, by state;
 * - give no number, never 0, for a line none of whose communes is known.
 */
import { describe, expect, it } from 'vitest';
import { coverageTable, defaultCoverageAssumptions } from './gaps/coverage.ts';
import { fixedModel } from './gaps/fixed-model.ts';
import { defaultMobilityAssumptions, mobilityTable } from './gaps/mobility.ts';
import { testSite } from './gaps/test-fixtures.ts';
import type { TableInput } from './gaps/common.ts';
import { needFigure, sumAggregates, type TerritoryAggregate } from './indicators.ts';
import { createRandom, type Random } from './random.ts';
import { summariseReach, territoryIndex } from './reach/summary.ts';
import { STATE_CODES, partsCount, stateOfCode, type Parts } from './value-state.ts';

interface Case {
  input: TableInput;
  state: Uint8Array;
  /** Territory of each commune. */
  of: number[];
  territories: number;
}

function randomCase(rnd: Random): Case {
  const n = rnd.int(3, 14);
  const territories = rnd.int(1, Math.min(4, n));
  const of = Array.from({ length: n }, (_, i) =>
    i < territories ? i : rnd.int(0, territories - 1),
  );
  // Some cases mask a whole territory, others a random share of communes.
  const masked = rnd.chance(0.3) ? rnd.int(0, territories - 1) : -1;
  const state = Uint8Array.from({ length: n }, (_, i) =>
    of[i] === masked || rnd.chance(0.35)
      ? rnd.pick([STATE_CODES.missing, STATE_CODES.secret])
      : STATE_CODES.known,
  );
  const minutes = Array.from({ length: n }, (_, a) =>
    Array.from({ length: n }, (_, b) =>
      a === b ? 2 : rnd.chance(0.4) ? rnd.int(5, 60) : Infinity,
    ),
  );
  const { model, network } = fixedModel(minutes);
  const sites = Array.from({ length: rnd.int(1, 4) }, (_, k) =>
    testSite(
      `s${k}`,
      `C${rnd.int(0, n - 1)}`,
      ['remobilisation'],
      rnd.chance(0.3) ? null : rnd.int(0, 40),
      rnd.chance(0.5) ? 'mobilite' : 'action',
    ),
  );
  const codes = network.codes;
  const input: TableInput = {
    data: {
      network,
      people: {
        population: Float64Array.from({ length: n }, () => rnd.int(50, 3000)),
        need: Float64Array.from({ length: n }, () => rnd.int(0, 200)),
        needState: state,
      },
      names: codes.map((c) => `Commune ${c}`),
    },
    model,
    sites,
    territories: territoryIndex(
      codes,
      new Map(codes.map((c, i) => [c, `T${of[i]}`])),
      new Map(Array.from({ length: territories }, (_, t) => [`T${t}`, `Territoire ${t}`])),
    ),
  };
  return { input, state, of, territories };
}

/** The same case with other numbers at the masked communes. */
function scrambled(c: Case, rnd: Random): TableInput {
  const need = Float64Array.from(c.input.data.people.need!, (v, i) =>
    c.state[i] === STATE_CODES.known ? v : rnd.int(1, 10_000),
  );
  return { ...c.input, data: { ...c.input.data, people: { ...c.input.data.people, need } } };
}

/** Parts expected for a territory (or the whole when t is null). */
function expectedParts(c: Case, t: number | null): Parts {
  const p: Parts = { known: 0, missing: 0, unknown: 0, secret: 0 };
  c.state.forEach((s, i) => {
    if (t === null || c.of[i] === t) p[stateOfCode(s)] += 1;
  });
  return p;
}

const seeds = Array.from({ length: 150 }, (_, i) => i + 1);

describe('no path turns a missing value into 0 (random masks)', () => {
  it('reach summary: masked communes leave the sums and are counted by state', () => {
    for (const seed of seeds) {
      const rnd = createRandom(seed);
      const c = randomCase(rnd);
      const minutes = Float64Array.from({ length: c.state.length }, () => rnd.int(0, 60));
      const a = summariseReach(minutes, c.input.data.people, c.input.territories, 30);
      const b = summariseReach(minutes, scrambled(c, rnd).data.people, c.input.territories, 30);
      expect(b, `seed ${seed}`).toEqual(a);
      expect(a.total.needParts).toEqual(expectedParts(c, null));
      a.territories.forEach((t, k) => expect(t.needParts).toEqual(expectedParts(c, k)));
    }
  });

  it('coverage and mobility tables: same figures whatever the masked values, no 0 for nothing', () => {
    for (const seed of seeds) {
      const rnd = createRandom(seed);
      const c = randomCase(rnd);
      const cov = () => defaultCoverageAssumptions();
      const mob = () => defaultMobilityAssumptions();
      const mobility = (input: TableInput) =>
        mobilityTable(
          { ...input, barriers: [], schemeOrder: [], barrierTerritoryOf: new Map() },
          mob(),
        );
      const other = scrambled(c, rnd);
      const ca = coverageTable(c.input, cov());
      const ma = mobility(c.input);
      expect(coverageTable(other, cov()), `seed ${seed}`).toEqual(ca);
      expect(mobility(other), `seed ${seed}`).toEqual(ma);
      for (const [k, row] of ca.rows.entries()) {
        const parts = expectedParts(c, k);
        expect(row.needParts).toEqual(parts);
        if (parts.known === 0) {
          // Nothing known: no number at all, not the 0 of an empty sum.
          expect([row.need, row.concerned, row.served, row.outOfReach, row.score]).toEqual([
            null,
            null,
            null,
            null,
            null,
          ]);
          const m = ma.rows[k]!;
          expect([m.need, m.supportNeed, m.unmet, m.unmetPer100]).toEqual([null, null, null, null]);
        }
      }
      for (const commune of ca.communes) {
        if (commune.needState !== 'known') expect(commune.need).toBeNull();
      }
    }
  });

  it('territory sums: a total over masked parts stays partial or without a value', () => {
    for (const seed of seeds) {
      const rnd = createRandom(seed);
      const c = randomCase(rnd);
      const need = c.input.data.people.need!;
      const pop = c.input.data.people.population;
      const aggregates: TerritoryAggregate[] = Array.from({ length: c.territories }, (_, t) => {
        const idx = c.of.flatMap((x, i) => (x === t ? [i] : []));
        const parts = expectedParts(c, t);
        const knownIdx = idx.filter((i) => c.state[i] === STATE_CODES.known);
        const sum = knownIdx.reduce((s, i) => s + need[i]!, 0);
        return {
          code: `T${t}`,
          name: `T${t}`,
          communes: idx.length,
          population: idx.reduce((s, i) => s + pop[i]!, 0),
          areaKm2: 1,
          need: parts.known === idx.length ? sum : null,
          needKnown: knownIdx.length > 0 ? sum : null,
          needParts: parts,
          needPopulation: knownIdx.reduce((s, i) => s + pop[i]!, 0),
          needSuppressed: false,
          accueilSites: 0,
          offerSites: 0,
          offerPlaces: 0,
          offerPlacesKnown: 0,
          offerUnknownCapacity: 0,
        };
      });
      const total = sumAggregates(aggregates, 'D', 'D');
      const f = needFigure(total);
      const parts = expectedParts(c, null);
      expect(total.needParts).toEqual(parts);
      if (parts.known === 0) expect(f.value).toBeNull();
      if (parts.known < partsCount(parts)) {
        expect(total.need).toBeNull();
        expect(f.state).not.toBe('known');
      }
      for (const a of aggregates) {
        if (a.needParts.known === 0) expect(needFigure(a).value).toBeNull();
      }
    }
  });
});
