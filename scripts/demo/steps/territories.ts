/**
 * Step "territories" (territories.arrow, memberships.arrow): the three territory schemes of the
 * demo, EPCI, bassins de vie and PTI territories, each a partition of the communes into
 * contiguous regions.
 */
import type { Membership, Territory } from '../../../src/domain/model.ts';
import type { Random } from '../../../src/domain/random.ts';
import { paysNames } from '../names.ts';
import { at } from '../plane.ts';
import { balancedGrowth, growRegions, spreadCells } from '../regions.ts';
import type { Pt } from '../tessellation.ts';
import type { DemoCommunes } from './communes.ts';
import { POLES, type DemoLand } from './land.ts';
import { ofPlace } from '../../../src/domain/french.ts';

const RURAL_EPCI = 18;
export const PTI_COUNT = 9;

export interface DemoTerritories {
  territories: Territory[];
  /** Sorted by scheme, then commune code. */
  memberships: Membership[];
  /** EPCI of every cell; the first POLES.length EPCI are the poles' agglomerations. */
  epciRegion: number[];
  epciCount: number;
  epciName: (epci: number) => string;
  /** Name of the "pays" of every rural EPCI (index: epci − POLES.length). */
  pays: string[];
  /** PTI territory of every cell, its code and name. */
  ptiRegion: number[];
  ptiCode: (pti: number) => string;
  ptiNames: string[];
}

export function territoriesStep(
  land: DemoLand,
  { code, names, population }: DemoCommunes,
  rnd: Random,
): DemoTerritories {
  const { cells, seeds, neighbours, poleCells, polePts, bourgCells, interior } = land;
  const territories: Territory[] = [];
  const memberships: Membership[] = [];
  const addScheme = (
    schemeId: string,
    region: number[],
    codeOf: (r: number) => string,
    nameOf: (r: number) => string,
    count: number,
  ) => {
    for (let r = 0; r < count; r++)
      territories.push({ schemeId, code: codeOf(r), name: nameOf(r) });
    region.forEach((r, i) =>
      memberships.push({ schemeId, communeCode: code(i), territoryCode: codeOf(r) }),
    );
  };

  // EPCI: one agglomeration per pole, rural communautés de communes elsewhere.
  const ruralEpciSeeds = spreadCells(seeds, interior, RURAL_EPCI, polePts);
  const epciSeedCells = [...poleCells, ...ruralEpciSeeds];
  const epci = growRegions(
    neighbours,
    seeds,
    epciSeedCells,
    epciSeedCells.map((_, k) => (k < POLES.length ? 1.5 - 0.1 * k : 1)),
  );
  const pays = paysNames(rnd, RURAL_EPCI);
  const epciCode = (r: number) => `20000${String(1001 + r)}`;
  const epciName = (r: number) =>
    r < POLES.length
      ? `Communauté d'agglomération ${ofPlace(at(names, at(poleCells, r)))}`
      : `Communauté de communes ${at(pays, r - POLES.length)}`;
  addScheme('epci', epci.region, epciCode, epciName, epciSeedCells.length);

  // Bassins de vie: around every commune with a range of services (poles and bourgs), the bigger
  // pulling further, as INSEE draws them around "pôles de services".
  const bvSeedCells = [...poleCells, ...bourgCells];
  const bv = growRegions(
    neighbours,
    seeds,
    bvSeedCells,
    bvSeedCells.map((c) => Math.pow(at(population, c) / 2000, 0.3)),
  );
  addScheme(
    'bv2022',
    bv.region,
    (r) => code(at(bvSeedCells, r)),
    (r) => at(names, at(bvSeedCells, r)),
    bvSeedCells.length,
  );

  // PTI territories: groups of whole EPCI, grown over the EPCI adjacency graph.
  const epciCount = epciSeedCells.length;
  const epciAdj: number[][] = Array.from({ length: epciCount }, () => []);
  const epciPts: Pt[] = Array.from({ length: epciCount }, () => [0, 0] as Pt);
  const epciSize = new Array<number>(epciCount).fill(0);
  cells.forEach((c, i) => {
    const e = at(epci.region, i);
    const p = at(epciPts, e);
    p[0] += c.seed[0];
    p[1] += c.seed[1];
    epciSize[e] = at(epciSize, e) + 1;
    for (const j of c.neighbours) {
      const f = at(epci.region, j);
      if (f !== e && !at(epciAdj, e).includes(f)) at(epciAdj, e).push(f);
    }
  });
  epciPts.forEach((p, e) => ((p[0] /= at(epciSize, e)), (p[1] /= at(epciSize, e))));
  epciAdj.forEach((a) => a.sort((x, y) => x - y));
  const ptiSeeds = [
    ...POLES.map((_, k) => k),
    ...spreadCells(
      epciPts,
      epciPts.map((_, e) => e).filter((e) => e >= POLES.length),
      PTI_COUNT - POLES.length,
      polePts,
    ),
  ];
  const ptiOfEpci = balancedGrowth(epciAdj, epciPts, ptiSeeds, epciSize);
  const ptiRegion = epci.region.map((e) => at(ptiOfEpci, e));
  // Name PTI territories after their seed: the pole town, or the pays of the rural EPCI.
  const ptiNames = ptiSeeds.map((e) =>
    e < POLES.length
      ? `Territoire ${ofPlace(at(names, at(poleCells, e)))}`
      : `Territoire ${at(pays, e - POLES.length)}`,
  );
  const ptiCode = (r: number) => `T${r + 1}`;
  addScheme('pti', ptiRegion, ptiCode, (r) => at(ptiNames, r), PTI_COUNT);

  memberships.sort(
    (a, b) => a.schemeId.localeCompare(b.schemeId) || a.communeCode.localeCompare(b.communeCode),
  );
  return {
    territories,
    memberships,
    epciRegion: epci.region,
    epciCount,
    epciName,
    pays,
    ptiRegion,
    ptiCode,
    ptiNames,
  };
}
