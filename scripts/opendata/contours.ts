/**
 * Commune contours, as published by IGN/Etalab/geo.api.gouv.fr (`code`, `nom`), IGN ADMIN
 * EXPRESS (`INSEE_COM`, `NOM`) or Opendatasoft's georef export (`com_code` arrays, with the
 * commune's EPCI, bassin de vie and zone d'emploi), brought to the COG of the dataset: a commune
 * merged since the contours were made is joined to the commune that took it over (polygons
 * dissolved), and every such remap is listed in the report.
 */
import { area, featureCollection, pointOnFeature, union, booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { CodeChange } from '../../src/domain/import/cog-history.ts';
import type { CommuneIndex } from '../../src/domain/import/commune-index.ts';
import { ReportBuilder, type ValidationReport } from '../../src/domain/import/report.ts';
import {
  departementOfCommune,
  isDepartementCode,
  normaliseInseeCode,
  unknownCodeDetail,
} from '../../src/domain/import/values.ts';

type Geometry = Polygon | MultiPolygon;

/** Zonings some contour files carry with each commune (georef export). */
export interface ContourZonings {
  epci?: { code: string; name: string };
  bv2022?: { code: string; name: string };
  ze2020?: { code: string; name: string };
  point?: [number, number];
  /** com_is_mountain_area of the georef export: in the mountain zone of the loi Montagne. */
  mountain?: boolean;
}

export interface HarmonisedContours {
  polygons: Map<string, Geometry>;
  zonings: Map<string, ContourZonings>;
  report: ValidationReport;
  /** "georef" (Opendatasoft), "code-nom" (geo.api.gouv.fr, france-geojson), "admin-express". */
  flavour: string;
  /** Millésime written in the file (georef `year`), or null. */
  year: string | null;
}

const first = (v: unknown): string | undefined => {
  if (Array.isArray(v)) return v[0] === undefined || v[0] === null ? undefined : String(v[0]);
  return v === undefined || v === null ? undefined : String(v);
};

function pair(code: unknown, name: unknown): { code: string; name: string } | undefined {
  const c = first(code);
  return c ? { code: c, name: first(name) ?? c } : undefined;
}

export function harmoniseContours(
  fc: FeatureCollection | Feature,
  fileName: string,
  dep: string,
  communes: CommuneIndex,
  passages: ReadonlyMap<string, CodeChange>,
  sourceId: string,
): HarmonisedContours {
  const features = fc.type === 'FeatureCollection' ? fc.features : [fc];
  const props0 = (features[0]?.properties ?? {}) as Record<string, unknown>;
  const flavour =
    'com_code' in props0 ? 'georef' : 'INSEE_COM' in props0 ? 'admin-express' : 'code-nom';
  const report = new ReportBuilder({
    inputId: 'contours',
    label: 'Contours des communes',
    fileName,
    sourceId,
    format: `GeoJSON (${flavour === 'georef' ? 'export georef, champs com_code' : flavour === 'admin-express' ? 'ADMIN EXPRESS, champs INSEE_COM/NOM' : 'champs code/nom'}) ; les numéros de ligne sont les rangs des objets`,
    header: ['code', 'nom'],
  });
  const parts = new Map<string, Geometry[]>();
  const zonings = new Map<string, ContourZonings>();
  let year: string | null = null;
  features.forEach((f, i) => {
    const line = i + 1;
    report.read();
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const rawCode =
      first(p.com_code) ??
      first(p.code) ??
      first(p.INSEE_COM) ??
      first(p.insee) ??
      first(p.codgeo) ??
      '';
    const name = first(p.com_name) ?? first(p.nom) ?? first(p.NOM) ?? '';
    const cells = [rawCode, name];
    year ??= first(p.year) ?? null;
    const insee = normaliseInseeCode(rawCode);
    if (!insee.ok) {
      report.reject(
        line,
        insee.reason === 'missing' ? 'insee_missing' : 'insee_malformed',
        cells,
        `« ${rawCode} »`,
      );
      return;
    }
    const codeDep = departementOfCommune(insee.code);
    if (codeDep !== dep && isDepartementCode(codeDep)) {
      report.ignore(line, 'other_departement');
      return;
    }
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || g.coordinates.length === 0) {
      report.reject(line, 'geometry_missing', cells);
      return;
    }
    let code = insee.code;
    if (!communes.get(code)) {
      const change = passages.get(code);
      const former = communes.byCode(code);
      if (change?.to && communes.get(change.to)) {
        report.remap(line, code, change.to, `${name} : ${change.reason}`);
        report.repair(line, 'commune_remapped');
        code = change.to;
      } else if (former.kind === 'former') {
        report.remap(
          line,
          code,
          former.commune.code,
          `${name} : ancienne commune de ${former.commune.name}`,
        );
        report.repair(line, 'commune_remapped');
        code = former.commune.code;
      } else if (former.kind === 'arrondissement') {
        report.remap(line, code, former.commune.code, `${name} : arrondissement de ${former.city}`);
        report.repair(line, 'arrondissement');
        code = former.commune.code;
      } else {
        report.reject(
          line,
          'insee_unknown',
          cells,
          change && !change.to ? `${code} (${change.reason})` : unknownCodeDetail(code, dep),
        );
        return;
      }
    }
    const list = parts.get(code) ?? [];
    list.push(g);
    parts.set(code, list);
    if (flavour === 'georef') {
      const pt = p.geo_point_2d as { lon?: number; lat?: number } | undefined;
      zonings.set(code, {
        epci: pair(p.epci_code, p.epci_name),
        bv2022: pair(p.bv2022_code, p.bv2022_name),
        ze2020: pair(p.ze2020_code, p.ze2020_name),
        point: pt?.lon !== undefined && pt.lat !== undefined ? [pt.lon, pt.lat] : undefined,
        mountain: mountainFlag(p.com_is_mountain_area),
      });
    }
    report.keep();
  });
  const polygons = new Map<string, Geometry>();
  for (const [code, geoms] of parts)
    polygons.set(code, geoms.length === 1 ? (geoms[0] as Geometry) : dissolve(geoms));
  const missing = communes.communes.filter((c) => c.dep === dep && !polygons.has(c.code));
  if (missing.length > 0) {
    report.note(
      `Communes du COG sans contour : ${missing.map((c) => `${c.code} ${c.name}`).join(', ')}.`,
    );
  }
  return { polygons, zonings, report: report.build(), flavour, year };
}

/** "Oui"/"Non" (or a boolean) to a flag; anything else is unknown. */
function mountainFlag(v: unknown): boolean | undefined {
  const s = first(v)?.toString().trim().toLowerCase();
  if (v === true || s === 'oui' || s === 'true' || s === '1') return true;
  if (v === false || s === 'non' || s === 'false' || s === '0') return false;
  return undefined;
}

/** Union of the polygons of merged communes; falls back to a multipolygon if union fails. */
function dissolve(geoms: Geometry[]): Geometry {
  try {
    const u = union(
      featureCollection(
        geoms.map((g) => ({ type: 'Feature' as const, properties: {}, geometry: g })),
      ),
    );
    if (u?.geometry) return u.geometry;
  } catch {
    // Invalid rings (self-intersections in simplified files): keep the parts side by side.
  }
  return {
    type: 'MultiPolygon',
    coordinates: geoms.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)),
  };
}

export function areaKm2(g: Geometry): number {
  return Math.round(area({ type: 'Feature', properties: {}, geometry: g }) / 1e3) / 1e3;
}

/**
 * The commune's reference point: its chef-lieu when known and inside the polygon (or very near:
 * coastal town halls), else a point surely inside the polygon.
 */
export function referencePoint(
  g: Geometry,
  chefLieu: [number, number] | undefined,
): [number, number] {
  if (chefLieu && booleanPointInPolygon(chefLieu, g)) return chefLieu;
  const p = pointOnFeature({ type: 'Feature', properties: {}, geometry: g }).geometry.coordinates;
  return [Math.round((p[0] as number) * 1e6) / 1e6, Math.round((p[1] as number) * 1e6) / 1e6];
}
