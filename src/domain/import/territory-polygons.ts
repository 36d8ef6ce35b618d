/**
 * Territories drawn as polygons (a GeoJSON FeatureCollection, as a GIS exports a département's
 * action territories): each feature is one territory, named by its properties. The polygons are
 * checked (coordinate system, null or non-polygon geometry, unclosed rings, self-intersections,
 * duplicate codes), then every commune of the département goes to the territory containing its
 * reference point, or, when no territory contains it, to the one covering the largest share of
 * its area. Communes in none are listed in the report and grouped as « hors territoire », as a
 * territory list in CSV does.
 */
import { decimalPoint } from '../format.ts';
import { area, bbox, featureCollection, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { Membership, Territory } from '../model.ts';
import { toWgs84 } from './geojson-crs.ts';
import { normaliseName } from './names.ts';
import { pointLocator } from './point-locator.ts';
import { FileRefused } from './refusal.ts';
import { tableReport } from './report.ts';
import { cellAt, findColumn, type TableInput } from './table.ts';
import {
  UNASSIGNED_TERRITORY,
  type TerritoryContext,
  type TerritoryResult,
} from './territory-types.ts';

const NAME_COLUMNS = [
  'territoire',
  'nom_territoire',
  'territoire_pti',
  'libelle_territoire',
  'libelle',
  'nom',
  'name',
  'territory',
];
const CODE_COLUMNS = ['code_territoire', 'territoire_code', 'id_territoire', 'code', 'id'];

/** Names of unassigned communes written in the report's note; the count stays exact. */
const MAX_NAMED = 30;

type Shape = Polygon | MultiPolygon;

/** Whether a table is a GeoJSON of territory shapes (not a list of communes as properties). */
export function isTerritoryShapes(table: TableInput): boolean {
  if (!table.geojson) return false;
  const h = table.header;
  const listsCommunes =
    findColumn(h, ['code_insee', 'insee', 'codgeo', 'depcom', 'code_commune', 'commune']) >= 0 ||
    findColumn(h, ['epci', 'siren_epci', 'code_epci', 'siren', 'nom_epci']) >= 0;
  return !listsCommunes;
}

/** A ring checked: closed when it was not (`closed` true), or the reason it is unusable. */
function checkRing(ring: unknown): { ring: Position[]; closed: boolean } | string {
  if (!Array.isArray(ring)) return 'anneau qui n’est pas une liste de positions';
  for (const p of ring) {
    if (!Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1]))
      return 'position non numérique';
  }
  const positions = ring as Position[];
  const distinct = new Set(positions.map((p) => `${p[0]},${p[1]}`)).size;
  if (distinct < 3) return `anneau de ${distinct} point(s) distinct(s) : ce n’est pas une surface`;
  const first = positions[0] as Position;
  const last = positions[positions.length - 1] as Position;
  if (first[0] === last[0] && first[1] === last[1]) return { ring: positions, closed: false };
  return { ring: [...positions, [first[0] as number, first[1] as number]], closed: true };
}

/** A feature's geometry as a (Multi)Polygon with closed rings, or the reason it is refused. */
function checkShape(
  g: unknown,
): { shape: Shape; closed: boolean } | { code: 'missing' | 'type' | 'invalid'; detail: string } {
  if (!g || typeof g !== 'object') return { code: 'missing', detail: 'geometry null' };
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon')
    return { code: 'type', detail: `« ${String(type).slice(0, 40)} »` };
  const polys = (type === 'Polygon' ? [coordinates] : coordinates) as unknown;
  if (!Array.isArray(polys) || polys.length === 0)
    return { code: 'missing', detail: 'coordonnées vides' };
  let closed = false;
  const out: Position[][][] = [];
  for (const rings of polys) {
    if (!Array.isArray(rings) || rings.length === 0)
      return { code: 'invalid', detail: 'polygone sans anneau' };
    const checked: Position[][] = [];
    for (const ring of rings) {
      const r = checkRing(ring);
      if (typeof r === 'string') return { code: 'invalid', detail: r };
      closed ||= r.closed;
      checked.push(r.ring);
    }
    out.push(checked);
  }
  const shape: Shape =
    type === 'Polygon'
      ? { type: 'Polygon', coordinates: out[0] as Position[][] }
      : { type: 'MultiPolygon', coordinates: out };
  return { shape, closed };
}

/**
 * Where a ring crosses itself, or null: its edges sorted by their west end, each compared with
 * the edges that start before it ends (a sweep), so a contour of 100 000 points costs about as
 * much as sorting them, not the square of it. Edges that share an end (neighbours, the closing
 * edge) do not count as crossing.
 */
export function ringCrossing(ring: Position[]): Position | null {
  const n = ring.length - 1;
  const edges = Array.from({ length: n }, (_, i) => {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    return { i, a, b, minX: Math.min(a[0]!, b[0]!), maxX: Math.max(a[0]!, b[0]!) };
  }).sort((p, q) => p.minX - q.minX);
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k]!;
    for (let m = k + 1; m < edges.length && edges[m]!.minX <= e.maxX; m++) {
      const f = edges[m]!;
      const gap = Math.abs(e.i - f.i);
      if (gap <= 1 || gap === n - 1) continue;
      const p = segmentCrossing(e.a, e.b, f.a, f.b);
      if (p) return p;
    }
  }
  return null;
}

/** The point where segments ab and cd cross (touching ends excluded), or null. */
function segmentCrossing(a: Position, b: Position, c: Position, d: Position): Position | null {
  const [ax, ay] = a as [number, number];
  const [bx, by] = b as [number, number];
  const [cx, cy] = c as [number, number];
  const [dx, dy] = d as [number, number];
  const den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
  if (den === 0) return null;
  const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den;
  const u = ((cx - ax) * (by - ay) - (cy - ay) * (bx - ax)) / den;
  if (t <= 0 || t >= 1 || u <= 0 || u >= 1) return null;
  return [ax + t * (bx - ax), ay + t * (by - ay)];
}

/** Where a shape crosses itself (the first crossing found in one of its rings), or null. */
function selfCrossing(shape: Shape): Position | null {
  const polys = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
  for (const rings of polys)
    for (const ring of rings) {
      const p = ringCrossing(ring);
      if (p) return p;
    }
  return null;
}

/** Area (m²) of the intersection of two shapes; 0 when they do not meet or cannot be cut. */
function sharedArea(a: Shape, b: Shape): number {
  try {
    const i = intersect(featureCollection<Shape>([feature(a), feature(b)]));
    return i ? area(i) : 0;
  } catch {
    return 0;
  }
}

const feature = (g: Shape): Feature<Shape> => ({ type: 'Feature', properties: {}, geometry: g });

const boxesMeet = (a: number[], b: number[]) =>
  (a[0] as number) <= (b[2] as number) &&
  (b[0] as number) <= (a[2] as number) &&
  (a[1] as number) <= (b[3] as number) &&
  (b[1] as number) <= (a[3] as number);

const fmt = (v: number) => decimalPoint(v, 5);

/** Territories from a GeoJSON of polygons; `FileRefused` when its CRS or columns cannot be read. */
export function parseTerritoryShapes(table: TableInput, ctx: TerritoryContext): TerritoryResult {
  const doc = table.geojson;
  if (!doc) throw new FileRefused('geojson_shape', 'une FeatureCollection GeoJSON était attendue');
  // The coordinate system first, before any geometry is read as degrees.
  const { note: crsNote } = toWgs84(doc);
  const report = tableReport(table, ctx);
  if (crsNote) report.note(crsNote.replace('Contours', 'Contours des territoires'));
  const h = table.header;
  const col = { name: findColumn(h, NAME_COLUMNS), code: findColumn(h, CODE_COLUMNS) };
  report.readsColumns(col);
  if (col.name < 0 && col.code < 0) {
    const found = h.slice(0, 12).map((x) => `« ${x.slice(0, 40)} »`);
    throw new FileRefused(
      'columns_missing',
      `propriété attendue absente : « territoire » ou « nom » (nom du territoire), ou « code_territoire » ; propriétés des objets : ${found.join(', ') || '(aucune)'}`,
    );
  }
  const kept: { territory: Territory; shape: Shape; box: number[]; line: number }[] = [];
  const firstLine = new Map<string, number>();
  const records = [...table.records];
  doc.features.forEach((f, i) => {
    const r = records[i] as (typeof records)[number];
    report.read();
    const name = cellAt(r, col.name).trim();
    const code = cellAt(r, col.code).trim();
    if (!name && !code) {
      report.reject(r.line, 'territory_missing', r.cells);
      return;
    }
    const checked = checkShape(f?.geometry);
    if ('code' in checked) {
      if (checked.code === 'missing')
        report.reject(r.line, 'geometry_missing', r.cells, checked.detail);
      else if (checked.code === 'type')
        report.reject(r.line, 'geometry_not_polygon', r.cells, checked.detail);
      else report.reject(r.line, 'geometry_invalid', r.cells, checked.detail);
      return;
    }
    const key = code || normaliseName(name);
    const first = firstLine.get(key);
    if (first !== undefined) {
      report.reject(
        r.line,
        'duplicate',
        r.cells,
        `territoire « ${code || name} » déjà donné ligne ${first} (le premier est gardé, les suivants rejetés)`,
      );
      return;
    }
    firstLine.set(key, r.line);
    if (checked.closed) report.repair(r.line, 'ring_closed');
    const crossing = selfCrossing(checked.shape);
    if (crossing)
      report.warn(
        r.line,
        'self_intersection',
        `« ${name || code} » se recoupe près de ${fmt(crossing[0] as number)}, ${fmt(crossing[1] as number)}`,
      );
    const territory = {
      schemeId: ctx.schemeId,
      code: code || `T${kept.length + 1}`,
      name: name || code,
    };
    kept.push({ territory, shape: checked.shape, box: bbox(checked.shape), line: r.line });
    report.keep();
  });

  const locate = pointLocator(kept.map((k, i) => ({ code: String(i), geometry: k.shape })));
  const polygonOf = new Map((ctx.polygons ?? []).map((p) => [p.code, p.geometry]));
  const territoryOf = new Map<string, number>();
  let byArea = 0;
  const unassigned: { code: string; name: string }[] = [];
  for (const c of ctx.communes.communes) {
    if (c.dep !== ctx.dep) continue;
    const at = c.lon !== undefined && c.lat !== undefined ? locate(c.lon, c.lat) : null;
    if (at !== null) {
      territoryOf.set(c.code, Number(at));
      continue;
    }
    const g = polygonOf.get(c.code);
    let best = -1;
    let bestArea = 0;
    if (g) {
      const box = bbox(g);
      kept.forEach((k, i) => {
        if (!boxesMeet(box, k.box)) return;
        const a = sharedArea(g, k.shape);
        if (a > bestArea) [best, bestArea] = [i, a];
      });
    }
    if (best >= 0) {
      territoryOf.set(c.code, best);
      byArea++;
    } else unassigned.push({ code: c.code, name: c.name });
  }
  const used = new Set(territoryOf.values());
  kept.forEach((k, i) => {
    if (!used.has(i))
      report.warn(
        k.line,
        'territory_without_commune',
        `« ${k.territory.name} » ne contient le chef-lieu ni la plus grande part d’aucune commune du département`,
      );
  });
  if (byArea > 0)
    report.note(
      `${byArea} commune(s) dont le chef-lieu n’est dans aucun territoire : rattachée(s) au territoire qui couvre la plus grande part de leur surface.`,
    );
  const territories = kept.map((k) => k.territory);
  const memberships: Membership[] = [...territoryOf].map(([communeCode, i]) => ({
    schemeId: ctx.schemeId,
    communeCode,
    territoryCode: (kept[i] as (typeof kept)[number]).territory.code,
  }));
  if (unassigned.length > 0 && territories.length > 0) {
    territories.push({ schemeId: ctx.schemeId, ...UNASSIGNED_TERRITORY });
    for (const u of unassigned)
      memberships.push({
        schemeId: ctx.schemeId,
        communeCode: u.code,
        territoryCode: UNASSIGNED_TERRITORY.code,
      });
    const named = unassigned.slice(0, MAX_NAMED).map((u) => `${u.name} (${u.code})`);
    const more = unassigned.length - named.length;
    report.note(
      `${unassigned.length} commune(s) du département dans aucun territoire du fichier, regroupée(s) dans « ${UNASSIGNED_TERRITORY.name} » : ${named.join(', ')}${more > 0 ? ` et ${more} autre(s)` : ''}.`,
    );
  }
  return {
    territories,
    memberships,
    report: report.build(),
    unassigned: territories.length > 0 ? unassigned.map((u) => u.code) : [],
  };
}
