/**
 * Step "communes" (communes.arrow): population (INSEE's file when present, else the COG's),
 * reference point (the chef-lieu when known, else a point inside the polygon), area and density
 * level of every commune. Also returns the commune index with the points, which places sites
 * given by commune only.
 */
import { densityLevel } from '../../../src/domain/density.ts';
import { parsePopulation } from '../../../src/domain/import/cog-history.ts';
import { CommuneIndex } from '../../../src/domain/import/commune-index.ts';
import type { Commune } from '../../../src/domain/model.ts';
import { areaKm2, referencePoint } from '../contours.ts';
import { findFile, readTableFile } from '../files.ts';
import { SOURCES } from '../sources.ts';
import type { CommuneList } from './commune-list.ts';
import type { BuildContext } from './context.ts';
import type { CommunePolygons } from './polygons.ts';

export interface Communes {
  communes: Commune[];
  populationSourceId: string;
  /** The commune list's index, with the reference points. */
  index: CommuneIndex;
}

function populationOf(ctx: BuildContext, list: CommuneList) {
  const popFile = findFile(ctx.from, 'population', /^insee_pop.*\.csv$/i);
  if (!popFile) {
    return {
      population: new Map(list.cog.communes.map((c) => [c.code, c.population ?? 0])),
      sourceId: ctx.use(SOURCES.cogPopulation),
    };
  }
  const r = parsePopulation(readTableFile(popFile), ctx.dep, new Set(list.codes), {
    inputId: 'population',
    label: 'Population municipale (INSEE)',
    sourceId: SOURCES.population.id,
  });
  ctx.accept(r.report);
  return { population: r.population, sourceId: ctx.use(SOURCES.population) };
}

function chefsLieuxOf(ctx: BuildContext): Map<string, [number, number]> {
  const chefLieuFile = findFile(ctx.from, 'population', /chefs?_?lieux.*\.csv$/i);
  const chefsLieux = new Map<string, [number, number]>();
  if (!chefLieuFile) return chefsLieux;
  const t = readTableFile(chefLieuFile);
  const [ci, xi, yi] = ['geo_code', 'lon', 'lat'].map((n) => t.header.indexOf(n)) as [
    number,
    number,
    number,
  ];
  for (const r of t.records) {
    if ((r.cells[ci] ?? '').startsWith(ctx.dep))
      chefsLieux.set(r.cells[ci] as string, [Number(r.cells[xi]), Number(r.cells[yi])]);
  }
  ctx.use(SOURCES.chefsLieux);
  return chefsLieux;
}

export function communesStep(
  ctx: BuildContext,
  list: CommuneList,
  contours: CommunePolygons,
): Communes {
  const { population, sourceId } = populationOf(ctx, list);
  const chefsLieux = chefsLieuxOf(ctx);
  const communes: Commune[] = list.cog.communes.map((c) => {
    const g = contours.polygons.get(c.code)!;
    const [lon, lat] = referencePoint(
      g,
      chefsLieux.get(c.code) ?? contours.zonings.get(c.code)?.point,
    );
    const pop = population.get(c.code) ?? 0;
    const a = areaKm2(g);
    const mountain = contours.zonings.get(c.code)?.mountain;
    return {
      code: c.code,
      name: c.name,
      population: pop,
      lon,
      lat,
      areaKm2: a,
      density: densityLevel(pop, a),
      ...(mountain === undefined ? {} : { mountain }),
    };
  });
  const withoutPop = list.codes.filter((c) => !population.has(c));
  if (withoutPop.length > 0)
    ctx.log(
      `Attention : ${withoutPop.length} commune(s) sans population (${withoutPop.join(', ')})`,
    );
  const point = new Map(communes.map((c) => [c.code, c]));
  const index = new CommuneIndex(
    list.cog.communes.map((c) => ({
      ...c,
      lon: point.get(c.code)?.lon,
      lat: point.get(c.code)?.lat,
    })),
    list.cog.formers,
  );
  return { communes, populationSourceId: sourceId, index };
}
