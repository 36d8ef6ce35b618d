/**
 * Where a row of an offer file is: its commune (by INSEE code, former code, name, or point) and
 * its point (coordinates read and checked, or the commune's chef-lieu). Shared by every offer
 * parser so that all sources are held to the same rules and report the same way.
 */
import { communeOfCode, type CommuneIndex } from './commune-index.ts';
import { isInBbox, readPoint } from './coordinates.ts';
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
}

/** About 3 km: a site just across the border still serves the département's people. */
export const BBOX_MARGIN_DEG = 0.03;

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
    report.reject(
      line,
      point.reason === 'outside_france' ? 'coordinates_outside_france' : 'coordinates_not_a_number',
      cells,
      `« ${raw.x ?? ''} ; ${raw.y ?? ''} »`,
    );
    return null;
  }
  if (point.ok) {
    if (!isInBbox(point.lon, point.lat, ctx.bbox, BBOX_MARGIN_DEG)) {
      report.reject(
        line,
        'coordinates_outside_departement',
        cells,
        `${point.lon.toFixed(5)}, ${point.lat.toFixed(5)}`,
      );
      return null;
    }
    if (communeCode === null) {
      const found = ctx.communeAt?.(point.lon, point.lat) ?? null;
      if (found === null) {
        report.reject(
          line,
          raw.communeName ? 'commune_unknown' : 'coordinates_outside_departement',
          cells,
          raw.communeName
            ? `« ${raw.communeName} »`
            : `${point.lon.toFixed(5)}, ${point.lat.toFixed(5)}`,
        );
        return null;
      }
      communeCode = found;
      report.repair(line, 'commune_from_point');
    }
    report.repairAll(line, point.repairs);
    return { communeCode, lon: point.lon, lat: point.lat };
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
