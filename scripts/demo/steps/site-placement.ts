/**
 * How the demo's "sites" step places a site: in a given cell, at a random point inside its
 * polygon, with an id numbered by kind and random opening hours.
 */
import type { Axis, Site, SiteKind } from '../../../src/domain/model.ts';
import type { Random } from '../../../src/domain/random.ts';
import { at, pointInRing, toLonLat } from '../plane.ts';
import type { Pt } from '../tessellation.ts';
import type { DemoCommunes } from './communes.ts';
import type { DemoLand } from './land.ts';
import { DEMO_SOURCE_ID } from './sources.ts';
import type { DemoTerritories } from './territories.ts';

const HOURS = [
  'Lundi-vendredi 9h-12h, 13h30-17h',
  'Lundi-jeudi 8h30-12h, 14h-17h ; vendredi 8h30-12h',
  'Mardi, jeudi 9h-12h, 14h-16h30',
  'Sur rendez-vous',
];

/** What a group of sites needs to place its sites. */
export interface SitePlacement {
  land: DemoLand;
  territories: DemoTerritories;
  rnd: Random;
  population: number[];
  /** Name of the commune of a cell. */
  nm: (cell: number) => string;
  /** Cells sorted by decreasing population (ties by cell index). */
  byPop: (cells: number[]) => number[];
  /** The 60 most populated cells. */
  towns: number[];
  add: (
    cell: number,
    kind: SiteKind,
    detail: string,
    axes: Axis[],
    name: string,
    capacity: number | null,
    operator: string,
    publicText: string,
  ) => void;
}

export function sitePlacement(
  land: DemoLand,
  communes: DemoCommunes,
  territories: DemoTerritories,
  rnd: Random,
  sites: Site[],
): SitePlacement {
  const { population, names, code } = communes;
  const counters = new Map<string, number>();
  const placeIn = (cell: number): [number, number] => {
    const c = at(land.cells, cell);
    for (let tries = 0; tries < 8; tries++) {
      const p: Pt = [c.seed[0] + rnd.range(-0.6, 0.6), c.seed[1] + rnd.range(-0.6, 0.6)];
      if (pointInRing(p, c.ring)) return toLonLat(p);
    }
    return toLonLat(c.seed);
  };
  const byPop = (list: number[]) =>
    [...list].sort((a, b) => at(population, b) - at(population, a) || a - b);
  const place: SitePlacement = {
    land,
    territories,
    rnd,
    population,
    nm: (cell) => at(names, cell),
    byPop,
    towns: byPop(population.map((_, i) => i)).slice(0, 60),
    add: (cell, kind, detail, axes, name, capacity, operator, publicText) => {
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
    },
  };
  return place;
}
