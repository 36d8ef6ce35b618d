/**
 * The demo département: fictional but plausible, generated from a seed, with no network.
 *
 * The generator is the source of truth of the demo: nothing it writes is edited by hand, and the
 * same seed gives the same bytes (see generate.test.ts). Only the transport barrier shares are
 * real figures, quoted from the Pas-de-Calais PDI survey with their source.
 */
import type { Polygon } from 'geojson';
import type { DatasetBundle } from '../../src/domain/dataset.ts';
import { densityLevel } from '../../src/domain/density.ts';
import type {
  Axis,
  BarrierShare,
  Commune,
  Membership,
  NeedValue,
  Site,
  SiteKind,
  Source,
  Territory,
} from '../../src/domain/model.ts';
import { NEED_RSA_FOYERS } from '../../src/domain/model.ts';
import { createRandom } from '../../src/domain/random.ts';
import {
  SURVEY_SOURCE,
  SURVEY_YEAR,
  TRANSPORT_ANSWERS,
  TRANSPORT_QUESTION,
  TRANSPORT_SHARES_PERCENT,
  type SurveyTerritory,
} from '../../src/domain/survey-pas-de-calais.ts';
import { RIVERS, associationName, communeName, paysNames, uniqueNames } from './names.ts';
import { tessellate, type Pt } from './tessellation.ts';

export const DEMO_SEED = 20_240_601;
export const DEMO_ID = 'demo';
const DEP_CODE = '00';
const YEAR = 2024;
const DEMO_SOURCE_ID = 'demo';

/** Where the fictional département sits on the globe (centre of its local plane). */
const ORIGIN = { lon: 2.45, lat: 46.95 };
const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON = 111.32 * Math.cos((ORIGIN.lat * Math.PI) / 180);

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const toLonLat = (p: Pt): [number, number] => [
  round(ORIGIN.lon + p[0] / KM_PER_DEG_LON, 6),
  round(ORIGIN.lat + p[1] / KM_PER_DEG_LAT, 6),
];
const dist = (a: Pt, b: Pt) => Math.hypot(a[0] - b[0], a[1] - b[1]);

function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`index ${i} out of range`);
  return x;
}

/** Survey profiles, from the most urban to the most rural territory of the Pas-de-Calais PTI. */
const PROFILES_URBAN_TO_RURAL: SurveyTerritory[] = [
  'Lensois',
  'Hénin-Carvin',
  'Artois',
  'Calaisis',
  'Boulonnais',
  'Arrageois',
  'Audomarois',
  'Montreuillois',
  'Ternois',
];

/** Cells of the urban poles: population of the pole commune; the first is the préfecture. */
const POLES = [62_000, 27_000, 18_500, 10_500];
const BOURGS = 13;
const RURAL_EPCI = 18;
const PTI_COUNT = 9;

interface Grouping {
  /** Region index of every cell. */
  region: number[];
  /** Seed cell of every region. */
  seeds: number[];
}

/**
 * Grow contiguous regions from seed cells over the adjacency graph: each cell goes to the seed
 * with the smallest path length divided by the seed's pull. Weighted growth can leave islands;
 * they join the neighbouring region that surrounds them most, so every region is connected.
 */
function growRegions(
  neighbours: readonly number[][],
  seeds: readonly Pt[],
  seedCells: readonly number[],
  pull: readonly number[],
): Grouping {
  const n = neighbours.length;
  const best = new Float64Array(n).fill(Infinity);
  const region = new Array<number>(n).fill(-1);
  seedCells.forEach((start, k) => {
    const d = new Float64Array(n).fill(Infinity);
    d[start] = 0;
    const done = new Uint8Array(n);
    // Dense Dijkstra: a few hundred cells, a few dozen seeds.
    for (;;) {
      let u = -1;
      let du = Infinity;
      for (let i = 0; i < n; i++)
        if (!done[i] && (d[i] as number) < du) [u, du] = [i, d[i] as number];
      if (u < 0) break;
      done[u] = 1;
      for (const v of at(neighbours, u)) {
        const alt = du + dist(at(seeds, u), at(seeds, v));
        if (alt < (d[v] as number)) d[v] = alt;
      }
    }
    for (let i = 0; i < n; i++) {
      const score = (d[i] as number) / at(pull, k);
      if (score < (best[i] as number)) {
        best[i] = score;
        region[i] = k;
      }
    }
  });
  for (let pass = 0; pass < 10; pass++) {
    let moved = false;
    seedCells.forEach((start, k) => {
      const reached = new Set([start]);
      const queue = [start];
      while (queue.length) {
        const u = queue.pop() as number;
        for (const v of at(neighbours, u)) {
          if (region[v] === k && !reached.has(v)) {
            reached.add(v);
            queue.push(v);
          }
        }
      }
      for (let i = 0; i < n; i++) {
        if (region[i] !== k || reached.has(i)) continue;
        const counts = new Map<number, number>();
        for (const v of at(neighbours, i)) {
          const r = at(region, v);
          if (r !== k) counts.set(r, (counts.get(r) ?? 0) + 1);
        }
        const target = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
        if (target) {
          region[i] = target[0];
          moved = true;
        }
      }
    });
    if (!moved) break;
  }
  return { region, seeds: [...seedCells] };
}

/**
 * Contiguous regions of similar weight: the lightest region that can still grow takes its nearest
 * unassigned neighbour, until every node is assigned.
 */
function balancedGrowth(
  adjacency: readonly number[][],
  points: readonly Pt[],
  seedNodes: readonly number[],
  weight: readonly number[],
): number[] {
  const region = new Array<number>(adjacency.length).fill(-1);
  const load = seedNodes.map((s) => at(weight, s));
  seedNodes.forEach((s, k) => (region[s] = k));
  for (;;) {
    let bestK = -1;
    let bestNode = -1;
    let bestD = Infinity;
    const growable = seedNodes.map((_, k) => k).sort((a, b) => at(load, a) - at(load, b) || a - b);
    for (const k of growable) {
      region.forEach((r, node) => {
        if (r !== k) return;
        for (const v of at(adjacency, node)) {
          const d = dist(at(points, v), at(points, at(seedNodes, k)));
          if (region[v] === -1 && d < bestD) [bestNode, bestD, bestK] = [v, d, k];
        }
      });
      if (bestNode >= 0) break;
    }
    if (bestNode < 0) break;
    region[bestNode] = bestK;
    load[bestK] = at(load, bestK) + at(weight, bestNode);
  }
  return region;
}

/** Farthest-point sampling: `count` cells spread out, away from `avoid` points. */
function spreadCells(
  seeds: readonly Pt[],
  candidates: readonly number[],
  count: number,
  avoid: readonly Pt[],
): number[] {
  const chosen: number[] = [];
  const minDist = candidates.map((c) =>
    avoid.reduce((m, p) => Math.min(m, dist(at(seeds, c), p)), Infinity),
  );
  for (let k = 0; k < count; k++) {
    let bestI = -1;
    let bestD = -1;
    candidates.forEach((c, i) => {
      if ((minDist[i] as number) > bestD && !chosen.includes(c))
        [bestI, bestD] = [i, minDist[i] as number];
    });
    if (bestI < 0) break;
    const c = at(candidates, bestI);
    chosen.push(c);
    candidates.forEach((d, i) => {
      minDist[i] = Math.min(at(minDist, i), dist(at(seeds, c), at(seeds, d)));
    });
  }
  return chosen;
}

function pointInRing(p: Pt, ring: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = at(ring, i);
    const [xj, yj] = at(ring, j);
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi)
      inside = !inside;
  }
  return inside;
}

const HOURS = [
  'Lundi-vendredi 9h-12h, 13h30-17h',
  'Lundi-jeudi 8h30-12h, 14h-17h ; vendredi 8h30-12h',
  'Mardi, jeudi 9h-12h, 14h-16h30',
  'Sur rendez-vous',
];

export function generateDemo(seed = DEMO_SEED): DatasetBundle {
  const rnd = createRandom(seed);
  const { cells, radiusAt } = tessellate({ seed, radiusKm: 52, spacingKm: 3.6 });
  const n = cells.length;
  const seeds = cells.map((c) => c.seed);
  const neighbours = cells.map((c) => c.neighbours);
  const nearestCell = (p: Pt) => {
    let best = 0;
    seeds.forEach((s, i) => {
      if (dist(s, p) < dist(at(seeds, best), p)) best = i;
    });
    return best;
  };

  // --- urban poles and bourgs-centres -------------------------------------------------------
  const poleCells: number[] = [];
  const baseAngle = rnd.range(0, 2 * Math.PI);
  POLES.forEach((_, k) => {
    const theta = baseAngle + (k * 2 * Math.PI) / POLES.length + rnd.range(-0.3, 0.3);
    const r = radiusAt(theta) * (k === 0 ? 0.15 : rnd.range(0.45, 0.62));
    poleCells.push(nearestCell([r * Math.cos(theta), r * Math.sin(theta)]));
  });
  const polePts = poleCells.map((c) => at(seeds, c));
  const interior = seeds
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => Math.hypot(p[0], p[1]) < 0.85 * radiusAt(Math.atan2(p[1], p[0])))
    .map(({ i }) => i);
  const bourgCells = spreadCells(
    seeds,
    interior,
    BOURGS,
    polePts.map((p) => p),
  );

  // --- populations ------------------------------------------------------------------------------
  const population = seeds.map((p, i) => {
    let factor = 1;
    POLES.forEach((w, k) => {
      const rel = w / POLES[0]!;
      const lambda = 5 + 5 * rel;
      factor += 9 * rel * Math.exp(-dist(p, at(polePts, k)) / lambda);
    });
    const base = Math.min(2000, Math.max(40, Math.exp(Math.log(230) + 0.75 * rnd.normal())));
    let pop = base * factor;
    if (poleCells.some((c) => at(neighbours, c).includes(i))) pop *= 1.5;
    return Math.round(pop);
  });
  poleCells.forEach((c, k) => (population[c] = at(POLES, k) + rnd.int(-400, 400)));
  bourgCells.forEach((c) => (population[c] = Math.max(at(population, c), rnd.int(1_600, 4_600))));

  // --- names and codes (INSEE numbers communes in alphabetical order) ---------------------------
  const riverOf = (p: Pt) => {
    const sector = Math.floor(((Math.atan2(p[1], p[0]) + Math.PI) / (2 * Math.PI)) * RIVERS.length);
    return rnd.chance(0.6) ? at(RIVERS, Math.min(sector, RIVERS.length - 1)) : null;
  };
  const names = uniqueNames(n, (i) => communeName(rnd, riverOf(at(seeds, i))));
  const order = names
    .map((_, i) => i)
    .sort((a, b) => at(names, a).localeCompare(at(names, b), 'fr'));
  const codes = new Array<string>(n);
  order.forEach((cell, rank) => (codes[cell] = `${DEP_CODE}${String(rank + 1).padStart(3, '0')}`));
  const code = (i: number) => at(codes, i);

  const communes: Commune[] = cells.map((c, i) => {
    const [lon, lat] = toLonLat(c.seed);
    const areaKm2 = round(c.areaKm2, 3);
    return {
      code: code(i),
      name: at(names, i),
      population: at(population, i),
      lon,
      lat,
      areaKm2,
      density: densityLevel(at(population, i), areaKm2),
    };
  });

  // --- territory schemes ----------------------------------------------------------------------
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
      ? `Communauté d'agglomération de ${at(names, at(poleCells, r))}`
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
      ? `Territoire de ${at(names, at(poleCells, e))}`
      : `Territoire ${at(pays, e - POLES.length)}`,
  );
  const ptiCode = (r: number) => `T${r + 1}`;
  addScheme('pti', ptiRegion, ptiCode, (r) => at(ptiNames, r), PTI_COUNT);

  // --- needs ------------------------------------------------------------------------------------
  // RSA households per inhabitant by density level: about 7 % in dense poles down to 2.5 % in
  // very sparse areas (national mean near 2.8 %, Pas-de-Calais 4.3 % in the PDI seed).
  const rsaRate = { 1: 0.07, 2: 0.045, 3: 0.03, 4: 0.025 } as const;
  const ptiFactor = Array.from({ length: PTI_COUNT }, () => rnd.range(0.85, 1.2));
  const needs: NeedValue[] = [];
  communes.forEach((c, i) => {
    // Rates of large communes vary less than those of villages.
    const sigma = 0.3 * Math.min(1, Math.sqrt(1000 / Math.max(1, c.population)));
    const rate =
      rsaRate[c.density] * at(ptiFactor, at(ptiRegion, i)) * Math.exp(sigma * rnd.normal());
    const foyers = Math.round(c.population * rate);
    // Personnes soumises aux droits et devoirs: 53 491 for 62 549 households in the PDI seed.
    const sdd = Math.round(foyers * rnd.range(0.8, 0.9));
    const de = Math.round(c.population * rate * rnd.range(1.6, 2.2));
    needs.push(
      {
        communeCode: c.code,
        indicator: NEED_RSA_FOYERS,
        value: foyers,
        year: YEAR,
        sourceId: DEMO_SOURCE_ID,
      },
      {
        communeCode: c.code,
        indicator: 'rsa_sdd',
        value: sdd,
        year: YEAR,
        sourceId: DEMO_SOURCE_ID,
      },
      {
        communeCode: c.code,
        indicator: 'demandeurs_emploi',
        value: de,
        year: YEAR,
        sourceId: DEMO_SOURCE_ID,
      },
    );
  });

  // --- barrier shares: one surveyed territory's profile per PTI territory ---------------------
  const ptiDensity = ptiNames.map((_, r) => {
    let pop = 0;
    let area = 0;
    communes.forEach((c, i) => {
      if (at(ptiRegion, i) === r) [pop, area] = [pop + c.population, area + c.areaKm2];
    });
    return pop / area;
  });
  const ptiByDensity = ptiNames
    .map((_, r) => r)
    .sort((a, b) => at(ptiDensity, b) - at(ptiDensity, a));
  const sources: Source[] = [
    {
      id: DEMO_SOURCE_ID,
      producer: 'Générateur de démonstration',
      title: 'Département de démonstration : communes, populations, bénéficiaires et offre fictifs',
      licence: 'Données fictives, libres de réutilisation',
      millesime: `${YEAR} (fictif)`,
      url: '',
      note: `Généré par scripts/demo (graine ${seed}). Aucune de ces données ne décrit un territoire réel.`,
    },
  ];
  const barriers: BarrierShare[] = [];
  ptiByDensity.forEach((r, rank) => {
    const profile = at(PROFILES_URBAN_TO_RURAL, rank);
    const sourceId = `${SURVEY_SOURCE.id}-${profile
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase()}`;
    sources.push({
      ...SURVEY_SOURCE,
      id: sourceId,
      note: `${SURVEY_SOURCE.note} Parts du territoire « ${profile} » appliquées au territoire fictif « ${at(ptiNames, r)} ».`,
    });
    for (const a of TRANSPORT_ANSWERS) {
      barriers.push({
        schemeId: 'pti',
        territoryCode: ptiCode(r),
        question: TRANSPORT_QUESTION,
        answer: a.id,
        share: round(TRANSPORT_SHARES_PERCENT[profile][a.id] / 100, 6),
        year: SURVEY_YEAR,
        sourceId,
      });
    }
  });

  // --- offer ----------------------------------------------------------------------------------
  const sites: Site[] = [];
  const counters = new Map<string, number>();
  const placeIn = (cell: number): [number, number] => {
    const c = at(cells, cell);
    for (let tries = 0; tries < 8; tries++) {
      const p: Pt = [c.seed[0] + rnd.range(-0.6, 0.6), c.seed[1] + rnd.range(-0.6, 0.6)];
      if (pointInRing(p, c.ring)) return toLonLat(p);
    }
    return toLonLat(c.seed);
  };
  const addSite = (
    cell: number,
    kind: SiteKind,
    detail: string,
    axes: Axis[],
    name: string,
    capacity: number | null,
    operator: string,
    publicText: string,
  ) => {
    const k = counters.get(kind) ?? 0;
    counters.set(kind, k + 1);
    const [lon, lat] = placeIn(cell);
    sites.push({
      id: `demo-${kind.replace('_', '-')}-${String(k + 1).padStart(3, '0')}`,
      name,
      kind,
      detail,
      axes,
      capacity,
      lon,
      lat,
      communeCode: code(cell),
      operator,
      public: publicText,
      hours: rnd.pick(HOURS),
      sourceId: DEMO_SOURCE_ID,
    });
  };
  const byPop = (list: number[]) =>
    [...list].sort((a, b) => at(population, b) - at(population, a) || a - b);
  const cellsOf = (region: number[], r: number) => region.flatMap((x, i) => (x === r ? [i] : []));
  const nm = (cell: number) => at(names, cell);
  const towns = byPop(population.map((_, i) => i)).slice(0, 60);

  // Maisons départementales des solidarités: one per PTI territory in its largest town, a second
  // in the two largest poles. Rural territories keep a single one: that is where the 30-minute
  // question bites.
  for (let r = 0; r < PTI_COUNT; r++) {
    const main = at(byPop(cellsOf(ptiRegion, r)), 0);
    addSite(
      main,
      'mds',
      '',
      ['accueil', 'accompagnement_social'],
      `Maison du Département Solidarité de ${nm(main)}`,
      rnd.int(35, 60) * 10,
      'Département',
      'Tout public ; allocataires du RSA orientés sphère sociale',
    );
  }
  for (const c of poleCells.slice(0, 2)) {
    const second = at(byPop(at(neighbours, c)), 0);
    addSite(
      second,
      'mds',
      '',
      ['accueil', 'accompagnement_social'],
      `Maison du Département Solidarité de ${nm(second)}`,
      rnd.int(30, 45) * 10,
      'Département',
      'Tout public ; allocataires du RSA orientés sphère sociale',
    );
  }
  // CCAS: compulsory in communes of 1 500 inhabitants or more; CIAS in some rural EPCI.
  population.forEach((p, i) => {
    if (p >= 1500)
      addSite(
        i,
        'ccas',
        'CCAS',
        p >= 8000 ? ['accueil', 'accompagnement_social'] : ['accueil'],
        `CCAS de ${nm(i)}`,
        p >= 8000 ? rnd.int(6, 16) * 10 : null,
        `Commune de ${nm(i)}`,
        'Habitants de la commune',
      );
  });
  for (let r = POLES.length; r < epciSeedCells.length; r++) {
    if (!rnd.chance(0.35)) continue;
    const seat = at(byPop(cellsOf(epci.region, r)), 0);
    addSite(
      seat,
      'ccas',
      'CIAS',
      ['accueil', 'accompagnement_social'],
      `CIAS ${at(pays, r - POLES.length)}`,
      rnd.int(3, 8) * 10,
      epciName(r),
      "Habitants de l'intercommunalité",
    );
  }
  // France Services: in about two thirds of rural EPCI, at a bourg; one in the préfecture.
  for (let r = POLES.length; r < epciSeedCells.length; r++) {
    if (!rnd.chance(0.65)) continue;
    const list = byPop(cellsOf(epci.region, r));
    const host = at(list, Math.min(list.length - 1, rnd.int(0, 2)));
    addSite(
      host,
      'france_services',
      rnd.chance(0.2) ? 'Itinérante' : 'Fixe',
      ['accueil', 'numerique'],
      `France Services ${nm(host)}`,
      null,
      rnd.chance(0.5) ? epciName(r) : 'La Poste',
      'Tout public',
    );
  }
  addSite(
    at(poleCells, 0),
    'france_services',
    'Fixe',
    ['accueil', 'numerique'],
    `France Services ${nm(at(poleCells, 0))} quartiers`,
    null,
    `Commune de ${nm(at(poleCells, 0))}`,
    'Tout public',
  );
  // CAF and MSA reception points, France Travail agencies.
  poleCells.forEach((c, k) =>
    addSite(
      c,
      'caf_msa',
      k === 3 ? 'MSA' : 'CAF',
      ['accueil'],
      `${k === 3 ? 'Agence MSA' : 'Accueil CAF'} de ${nm(c)}`,
      null,
      k === 3 ? 'MSA' : 'CAF',
      'Allocataires',
    ),
  );
  [...poleCells, ...byPop(bourgCells).slice(0, 2)].forEach((c) =>
    addSite(
      c,
      'france_travail',
      'Agence',
      ['mediation_emploi'],
      `France Travail ${nm(c)}`,
      rnd.int(8, 20) * 50,
      'France Travail',
      "Demandeurs d'emploi ; allocataires du RSA orientés sphère professionnelle",
    ),
  );
  // SIAE: mostly in poles and their rings; some rural ACI (market gardening, green spaces).
  const siaeCapacity = { ACI: [12, 30], EI: [5, 20], AI: [20, 60], ETTI: [10, 40] } as const;
  const siaeHosts = [...towns.slice(0, 30), ...bourgCells];
  for (let s = 0; s < 46; s++) {
    const measure = rnd.pick(['ACI', 'ACI', 'ACI', 'EI', 'EI', 'AI', 'ETTI'] as const);
    const host = s < 40 ? rnd.pick(siaeHosts) : rnd.pick(interior);
    const [lo, hi] = siaeCapacity[measure];
    const activity = rnd.pick([
      'maraîchage',
      'espaces verts',
      'recyclerie',
      'bâtiment',
      'restauration',
      'propreté',
      'mobilité',
    ]);
    addSite(
      host,
      'siae',
      measure,
      ['iae'],
      `${measure} ${activity} de ${nm(host)}`,
      rnd.int(lo, hi),
      associationName(rnd, nm(host)),
      "Personnes éloignées de l'emploi (pass IAE)",
    );
  }
  // Actions of the PDI, by axis. Some axes are concentrated in the poles on purpose: the gaps
  // view has gaps to show.
  const actionAxes: { axis: Axis; count: number; rural: number; title: string }[] = [
    { axis: 'remobilisation', count: 22, rural: 0.35, title: 'Atelier de remobilisation' },
    { axis: 'mediation_emploi', count: 16, rural: 0.25, title: "Médiation vers l'emploi" },
    {
      axis: 'accompagnement_social',
      count: 20,
      rural: 0.4,
      title: 'Accompagnement social renforcé',
    },
    {
      axis: 'garde_enfants',
      count: 9,
      rural: 0.15,
      title: "Solution de garde pour parents en parcours d'insertion",
    },
    { axis: 'numerique', count: 14, rural: 0.3, title: 'Atelier numérique' },
    { axis: 'innovation', count: 6, rural: 0.3, title: 'Expérimentation' },
  ];
  for (const a of actionAxes) {
    for (let s = 0; s < a.count; s++) {
      const host = rnd.chance(a.rural)
        ? rnd.pick([...bourgCells, ...interior.slice(0, 200)])
        : rnd.pick(towns.slice(0, 25));
      const axes: Axis[] = [a.axis];
      if (a.axis === 'remobilisation' && rnd.chance(0.3)) axes.push('accompagnement_social');
      addSite(
        host,
        'action',
        '',
        axes,
        `${a.title} — ${nm(host)}`,
        rnd.int(8, 40),
        associationName(rnd, nm(host)),
        'Allocataires du RSA',
      );
    }
  }
  // Mobility services (PRODUCT.md, question 3).
  const mobility: { detail: string; count: number; cap: [number, number]; label: string }[] = [
    { detail: 'plateforme_mobilite', count: 2, cap: [300, 600], label: 'Plateforme de mobilité' },
    { detail: 'garage_solidaire', count: 3, cap: [80, 150], label: 'Garage solidaire' },
    { detail: 'auto_ecole_sociale', count: 3, cap: [40, 80], label: 'Auto-école sociale' },
    {
      detail: 'transport_a_la_demande',
      count: 2,
      cap: [150, 250],
      label: 'Transport à la demande',
    },
    { detail: 'covoiturage_solidaire', count: 2, cap: [60, 120], label: 'Covoiturage solidaire' },
  ];
  mobility.forEach((m, mi) => {
    for (let s = 0; s < m.count; s++) {
      const host = mi === 0 ? at(poleCells, s) : rnd.pick([...poleCells, ...bourgCells]);
      addSite(
        host,
        'mobilite',
        m.detail,
        ['mobilite'],
        `${m.label} de ${nm(host)}`,
        rnd.int(m.cap[0], m.cap[1]),
        associationName(rnd, nm(host)),
        "Personnes en parcours d'insertion",
      );
    }
  });

  // --- assemble -------------------------------------------------------------------------------
  const polygons = new Map<string, Polygon>();
  cells.forEach((c, i) =>
    polygons.set(code(i), { type: 'Polygon', coordinates: [c.ring.map((p) => toLonLat(p))] }),
  );
  return {
    meta: {
      id: DEMO_ID,
      name: 'Département de démonstration (données fictives)',
      departement: { code: DEP_CODE, name: 'Département de démonstration' },
      fictional: true,
      schemes: [
        { id: 'epci', label: 'EPCI', unitLabel: 'EPCI', sourceId: DEMO_SOURCE_ID },
        {
          id: 'bv2022',
          label: 'Bassins de vie',
          unitLabel: 'bassin de vie',
          sourceId: DEMO_SOURCE_ID,
        },
        { id: 'pti', label: 'Territoires PTI', unitLabel: 'territoire', sourceId: DEMO_SOURCE_ID },
      ],
      needIndicators: [
        {
          id: NEED_RSA_FOYERS,
          label: 'Foyers allocataires du RSA',
          unit: 'foyers',
          sourceId: DEMO_SOURCE_ID,
        },
        {
          id: 'rsa_sdd',
          label: 'Personnes soumises aux droits et devoirs',
          unit: 'personnes',
          sourceId: DEMO_SOURCE_ID,
        },
        {
          id: 'demandeurs_emploi',
          label: "Demandeurs d'emploi",
          unit: 'personnes',
          sourceId: DEMO_SOURCE_ID,
        },
      ],
      defaultNeed: NEED_RSA_FOYERS,
      populationSourceId: DEMO_SOURCE_ID,
      sources: [...sources].sort((a, b) => a.id.localeCompare(b.id)),
    },
    communes: [...communes].sort((a, b) => a.code.localeCompare(b.code)),
    polygons,
    territories,
    memberships: memberships.sort(
      (a, b) => a.schemeId.localeCompare(b.schemeId) || a.communeCode.localeCompare(b.communeCode),
    ),
    sites,
    needs: needs.sort(
      (a, b) =>
        a.communeCode.localeCompare(b.communeCode) || a.indicator.localeCompare(b.indicator),
    ),
    barriers,
  };
}
