import { describe, expect, it } from 'vitest';
import type { BarrierShare } from '../model.ts';
import { ScenarioError } from '../reach/scenario.ts';
import { TRANSPORT_ANSWERS, TRANSPORT_SHARES_PERCENT } from '../survey-pas-de-calais.ts';
import { barrierProfile, communeShares, surveyDepartementShare } from './barriers.ts';
import {
  defaultMobilityAssumptions,
  defaultPlatformCapacity,
  mobilitySiting,
  mobilityTable,
  type MobilityInput,
} from './mobility.ts';
import { sitesUnderScenario } from './scenario-sites.ts';
import { smallInput, testSite } from './test-fixtures.ts';

/** Survey rows of one territory: `percent` for the answer given, the rest spread evenly. */
function profileRows(scheme: string, code: string, shares: Record<string, number>): BarrierShare[] {
  return TRANSPORT_ANSWERS.map((a) => ({
    schemeId: scheme,
    territoryCode: code,
    question: 'transport',
    answer: a.id,
    share: shares[a.id] ?? 0,
    year: 2009,
    sourceId: `enquete-${code}`,
  }));
}

describe('barrier shares', () => {
  it('adds the shares of the chosen answers by territory, the survey département elsewhere', () => {
    const rows = [
      ...profileRows('pti', 'A', { aucun_moyen: 0.2, transports_en_commun_seulement: 0.4 }),
      // A partial profile (one answer only) is not used: it would understate the barrier.
      {
        ...profileRows('pti', 'B', { aucun_moyen: 0.9 })[5]!,
      },
    ];
    const p = barrierProfile(rows, { answers: ['aucun_moyen'], shareOverride: null }, ['pti']);
    expect(p.schemeId).toBe('pti');
    expect([...p.byTerritory.keys()]).toEqual(['A']);
    expect(p.byTerritory.get('A')!.share).toBe(0.2);
    expect(p.fallback.share).toBe(TRANSPORT_SHARES_PERCENT.Département.aucun_moyen / 100);
    const s = communeShares(
      p,
      ['C0', 'C1', 'C2'],
      new Map([
        ['C0', 'A'],
        ['C1', 'B'],
      ]),
    );
    expect(Array.from(s.share)).toEqual([0.2, 0.1392, 0.1392]);
    expect(s.origin).toEqual(['territory', 'default', 'default']);
    expect(s.sourceId).toEqual(['enquete-A', 'pdi62-echelles-2009', 'pdi62-echelles-2009']);
  });

  it('quotes the Pas-de-Calais département row for the default answers: 65,94 %', () => {
    expect(surveyDepartementShare(defaultMobilityAssumptions().answers)).toBe(0.6594);
  });

  it('imposes one share everywhere when asked, and refuses an empty choice', () => {
    const p = barrierProfile([], { answers: [], shareOverride: 0.5 });
    expect(Array.from(communeShares(p, ['C0'], new Map()).share)).toEqual([0.5]);
    expect(() => barrierProfile([], { answers: [], shareOverride: null })).toThrow(/Au moins/);
    expect(() => barrierProfile([], { answers: ['aucun_moyen'], shareOverride: 2 })).toThrow(
      /Part imposée/,
    );
  });
});

/** The small input of the coverage tests, with mobility services and a survey. */
function mobilityInput(need: number[] | null = [30, 20, 10, 8]): MobilityInput {
  const base = smallInput(need);
  return {
    ...base,
    sites: [
      // 50 people a year in C0 (reaches C0, C1); unknown capacity in C2 (reaches C2).
      testSite('m1', 'C0', ['mobilite'], 50, 'mobilite'),
      testSite('m2', 'C2', ['mobilite'], null, 'mobilite'),
      // Not a mobility service although it has the axis: an action.
      testSite('a1', 'C3', ['mobilite'], 100, 'action'),
    ],
    barriers: profileRows('pti', 'A', { aucun_moyen: 0.5, transports_en_commun_seulement: 0.3 }),
    schemeOrder: ['pti'],
    barrierTerritoryOf: new Map([
      ['C0', 'A'],
      ['C1', 'A'],
      ['C2', 'B'],
      ['C3', 'B'],
    ]),
  };
}

describe('mobility table, hand-checked', () => {
  const a = { ...defaultMobilityAssumptions(), maxMinutes: 30 };

  it('estimates the support need, takes away the services in reach, ranks the unmet need', () => {
    const t = mobilityTable(mobilityInput(), a);
    const [ta, tb] = t.rows;
    // A: survey share 0.8 (0.5 + 0.3): 40 people; 50 a year in reach: all served.
    expect(ta).toMatchObject({ need: 50, supportNeed: 40, served: 40, unmet: 0, services: 1 });
    expect(ta!.share).toBeCloseTo(0.8, 12);
    expect(ta!.shareOrigin).toBe('territory');
    // B: no survey row, the Pas-de-Calais département share (0.6594): C2's 6.594 served by the
    // service of unknown capacity, C3's 5.2752 out of reach (the action does not count).
    const fb = 0.6594;
    expect(tb!.shareOrigin).toBe('default');
    expect(tb!.supportNeed).toBeCloseTo(18 * fb, 10);
    expect(tb!.servedByUnknown).toBeCloseTo(10 * fb, 10);
    expect(tb!.outOfReach).toBeCloseTo(8 * fb, 10);
    expect(tb!.unmet).toBeCloseTo(8 * fb, 10);
    expect(tb).toMatchObject({ services: 1, servicesUnknownCapacity: 1, capacityPerYear: 0 });
    expect([ta!.rank, tb!.rank]).toEqual([2, 1]);
    expect(t.total.services).toBe(2);
    expect(t.total.capacityPerYear).toBe(50);
  });

  it('counts capacity over the years assumed, and nothing for unknown capacities if asked', () => {
    const t = mobilityTable(mobilityInput([100, 0, 10, 0]), {
      ...a,
      capacityYears: 0.5,
      unknownCapacity: 'zero',
    });
    const [ta, tb] = t.rows;
    // 80 people in C0, 25 taken in half a year.
    expect(ta).toMatchObject({ supportNeed: 80, served: 25, overCapacity: 55 });
    expect(tb!.overCapacity).toBeCloseTo(6.594, 10);
  });

  it('sites platforms on the unmet need, and their announced gain is realised', () => {
    const input = mobilityInput([100, 60, 10, 40]);
    const before = mobilityTable(input, a);
    const siting = mobilitySiting(input, before, { k: 2, capacityPerYear: 20 })!;
    expect(siting.picks.length).toBeGreaterThan(0);
    for (const p of siting.picks) expect(p.gain).toBeLessThanOrEqual(20 + 1e-9);
    // Open the proposals as sites of the scenario: the unmet need falls by at least their gain.
    const opened = sitesUnderScenario(
      input.sites,
      siting.picks.map((p, i) => ({
        op: 'open' as const,
        site: {
          id: `p${i}`,
          name: `Plateforme ${i}`,
          kind: 'mobilite' as const,
          lon: 2,
          lat: 46,
          communeCode: `C${p.commune}`,
          capacity: 20,
        },
      })),
    );
    const after = mobilityTable({ ...input, sites: opened }, a);
    expect(before.total.unmet! - after.total.unmet!).toBeGreaterThanOrEqual(
      siting.totalGain - 1e-9,
    );
  });

  it('without beneficiaries by commune, estimates where one share covers a territory', () => {
    const input = mobilityInput(null);
    input.publishedNeed = {
      byTerritory: new Map([
        ['A', 50],
        ['B', 12],
      ]),
      total: 62,
    };
    const t = mobilityTable(input, a);
    const [ta, tb] = t.rows;
    expect(ta).toMatchObject({ supportNeed: 40, unmet: null, served: null, rank: null });
    // 12 published beneficiaries × a published share: anyone can compute it, it is shown.
    expect(tb!.supportNeed).toBeCloseTo(12 * tb!.share!, 10);
    // The département mixes two shares: the sum of its territories' estimates.
    expect(t.total.supportNeed).toBeCloseTo(40 + 12 * tb!.share!, 10);
    expect(mobilitySiting(input, t, { k: 1, capacityPerYear: null })).toBeNull();
    // A masked territory: its estimate, and the département's, stay masked.
    input.publishedNeed = { byTerritory: new Map([['A', 50]]), total: 62 };
    const masked = mobilityTable(input, a);
    expect(masked.rows[1]!.supportNeed).toBeNull();
    expect(masked.total.supportNeed).toBeNull();
  });

  it('takes the median capacity of the dataset’s platforms as the default of a new one', () => {
    const p = (id: string, cap: number | null) => ({
      ...testSite(id, 'C0', ['mobilite'], cap, 'mobilite'),
      detail: 'plateforme_mobilite',
    });
    expect(defaultPlatformCapacity([p('a', 300), p('b', 600), p('c', null)])).toBe(450);
    expect(defaultPlatformCapacity([p('a', 300), p('b', 601)])).toBe(451);
    expect(defaultPlatformCapacity([testSite('g', 'C0', ['mobilite'], 80, 'mobilite')])).toBe(null);
  });
});

describe('sites under a scenario', () => {
  const sites = [testSite('a', 'C0', ['iae'], 10, 'siae'), testSite('b', 'C1', ['iae'], 5, 'siae')];

  it('opens, moves and closes in order, opened sites taking the axes of their kind', () => {
    const out = sitesUnderScenario(sites, [
      {
        op: 'open',
        site: {
          id: 'n1',
          name: 'Nouveau',
          kind: 'france_services',
          lon: 3,
          lat: 47,
          communeCode: 'C2',
          capacity: null,
        },
      },
      { op: 'move', siteId: 'a', lon: 2.5, lat: 46.5, communeCode: 'C3' },
      { op: 'close', siteId: 'b' },
    ]);
    expect(out.map((s) => [s.id, s.communeCode])).toEqual([
      ['a', 'C3'],
      ['n1', 'C2'],
    ]);
    expect(out[1]!.axes).toEqual(['accueil', 'numerique']);
    expect(sites[0]!.communeCode).toBe('C0');
  });

  it('refuses an edit on a site that is unknown or closed', () => {
    expect(() =>
      sitesUnderScenario(sites, [
        { op: 'close', siteId: 'b' },
        { op: 'close', siteId: 'b' },
        { op: 'close', siteId: 'zz' },
      ]),
    ).toThrow(ScenarioError);
  });
});
