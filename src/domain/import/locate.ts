/**
 * Where a row of an offer file is: its commune (by INSEE code, former code, name, or point) and
 * its point (coordinates read and checked, or the commune's chef-lieu). Shared by every offer
 * parser so that all sources are held to the same rules and report the same way.
 */
import { decimalPoint, formatDecimal } from '../format.ts';
import { communeOfCode, type CommuneIndex } from './commune-index.ts';
import { bboxDistanceKm, distanceKm, isInBbox, readPoint } from './coordinates.ts';
import type { ReportBuilder } from './report.ts';
import { normaliseInseeCode, normalisePostcode, unknownCodeDetail } from './values.ts';

export interface LocateContext {
  /** Département of the dataset ("62"). */
  dep: string;
  communes: CommuneIndex;
  /** Box of the département's communes; points farther than `BBOX_MARGIN_DEG` are refused. */
  bbox: readonly [number, number, number, number];
  /** The commune whose polygon contains a point, when the caller has the polygons. */
  communeAt?: (lon: number, lat: number) => string | null;
  /**
   * Kilometres from a point to the polygon of a commune, or to the département's when no code is
   * given (0 inside; null for a commune without a polygon), when the caller has the polygons.
   */
  distanceKm?: (lon: number, lat: number, communeCode?: string) => number | null;
}

/** About 3 km: a site just across the border still serves the département's people. */
export const BBOX_MARGIN_DEG = 0.03;
export const BORDER_MARGIN_KM = 3;

/**
 * A point farther than this from the commune the row names (its polygon, else its chef-lieu) is
 * kept at the file's commune but flagged: one of the two is wrong, and only the user can tell.
 */
export const FAR_FROM_COMMUNE_KM = 10;

const km = (d: number) => (d < 10 ? formatDecimal(d, 1) : String(Math.round(d)));

export interface RawLocation {
  insee?: string;
  communeName?: string;
  postcode?: string;
  x?: string;
  y?: string;
}

export interface Located {
  communeCode: string;
  lon: number;
  lat: number;
}

/**
 * Resolves a row's location, recording repairs, remaps and the rejection reason in `report`.
 * Returns null when the row is rejected.
 */
export function locateRow(
  raw: RawLocation,
  line: number,
  cells: string[],
  ctx: LocateContext,
  report: ReportBuilder,
): Located | null {
  let communeCode: string | null = null;
  const hasCode = raw.insee !== undefined && raw.insee.trim() !== '';
  if (hasCode) {
    const insee = normaliseInseeCode(raw.insee);
    if (!insee.ok) {
      report.reject(line, 'insee_malformed', cells, `« ${raw.insee} »`);
      return null;
    }
    const commune = communeOfCode(insee.code, ctx.communes, line, report);
    if (commune === null) {
      report.reject(line, 'insee_unknown', cells, unknownCodeDetail(insee.code, ctx.dep));
      return null;
    }
    report.repairAll(line, insee.repairs);
    communeCode = commune.code;
  } else if (raw.communeName !== undefined && raw.communeName.trim() !== '') {
    const match = ctx.communes.byName(raw.communeName, [ctx.dep], normalisePostcode(raw.postcode));
    if (match.kind === 'ambiguous') {
      const names = match.candidates.map((c) => `${c.name} (${c.code})`).join(', ');
      report.reject(line, 'commune_ambiguous', cells, `« ${raw.communeName} » : ${names}`);
      return null;
    }
    if (match.kind === 'unique') {
      communeCode = match.commune.code;
      report.repair(line, 'commune_from_name');
      if (match.viaFormer) {
        report.repair(line, 'commune_remapped');
        report.remap(
          line,
          match.viaFormer.code,
          communeCode,
          `ancienne commune ${match.viaFormer.name}`,
        );
      }
    } else if (!raw.x && !raw.y) {
      report.reject(line, 'commune_unknown', cells, `« ${raw.communeName} »`);
      return null;
    }
  }

  const point = readPoint(raw.x, raw.y);
  if (!point.ok && point.reason !== 'missing') {
    const code =
      point.reason === 'outside_france'
        ? 'coordinates_outside_france'
        : point.reason === 'zero'
          ? 'coordinates_zero'
          : 'coordinates_not_a_number';
    report.reject(line, code, cells, `« ${raw.x ?? ''} ; ${raw.y ?? ''} »`);
    return null;
  }
  if (point.ok) {
    const { lon, lat } = point;
    const where = `${decimalPoint(lon, 5)}, ${decimalPoint(lat, 5)}${point.repairs.includes('lambert93') ? ' (converti du Lambert-93)' : ''}`;
    // How far outside the département: by its polygons when known, else by its box.
    const here = ctx.communeAt?.(lon, lat) ?? null;
    const inBox = isInBbox(lon, lat, ctx.bbox, BBOX_MARGIN_DEG);
    const outsideKm =
      here !== null
        ? 0
        : (ctx.distanceKm?.(lon, lat) ?? (inBox ? 0 : bboxDistanceKm(lon, lat, ctx.bbox)));
    if (!inBox || outsideKm > BORDER_MARGIN_KM) {
      report.reject(
        line,
        'coordinates_outside_departement',
        cells,
        `${where} : à ${km(outsideKm)} km du département`,
      );
      return null;
    }
    if (communeCode === null) {
      if (here === null) {
        report.reject(
          line,
          raw.communeName ? 'commune_unknown' : 'coordinates_outside_departement',
          cells,
          raw.communeName ? `« ${raw.communeName} »` : where,
        );
        return null;
      }
      communeCode = here;
      report.repair(line, 'commune_from_point');
    } else if (here !== communeCode) {
      const commune = ctx.communes.get(communeCode);
      const fromCommune =
        ctx.distanceKm?.(lon, lat, communeCode) ??
        (commune?.lon !== undefined && commune.lat !== undefined
          ? distanceKm(lon, lat, commune.lon, commune.lat)
          : null);
      if (fromCommune !== null && fromCommune > FAR_FROM_COMMUNE_KM) {
        report.warn(
          line,
          'point_far_from_commune',
          `${where} : à ${km(fromCommune)} km de ${commune?.name ?? communeCode} (${communeCode})`,
        );
      }
    }
    report.repairAll(line, point.repairs);
    return { communeCode, lon, lat };
  }
  if (communeCode === null) {
    report.reject(line, 'commune_missing', cells);
    return null;
  }
  const commune = ctx.communes.get(communeCode);
  if (commune?.lon === undefined || commune.lat === undefined) {
    report.reject(line, 'commune_missing', cells);
    return null;
  }
  report.repair(line, 'located_at_commune');
  return { communeCode, lon: commune.lon, lat: commune.lat };
}
