/**
 * The coordinate system of a GeoJSON file, found before anything else reads it: its `crs` member
 * when it has one (GeoJSON 2008 files, QGIS and ogr2ogr exports), else the range of its
 * coordinates. WGS84 degrees are read as they are; Lambert-93 metres (EPSG:2154, what French
 * GIS software exports by default) are converted to degrees; any other projected system is
 * refused with its name, never read as degrees (where a polygon in metres would cover the
 * planet many times over).
 */
import { formatNumber } from '../format.ts';
import type { GeoJSON, Position } from 'geojson';
import { lambert93ToWgs84, looksLikeLambert93 } from './lambert93.ts';
import { FileRefused } from './refusal.ts';

export type CrsName = 'wgs84' | 'lambert93';

export interface CrsReading {
  crs: CrsName;
  /** What the report says of it (null for plain WGS84 without a `crs` member). */
  note: string | null;
}

const WGS84_NAMES = /(CRS84|EPSG:+4326|EPSG::?4326|WGS ?84)$/i;
const LAMBERT93_NAMES = /(EPSG:+2154|EPSG::?2154|RGF93.*Lambert.?93|Lambert.?93)$/i;

/** The `crs` member's name ("urn:ogc:def:crs:EPSG::2154"), or null. */
function crsMemberName(doc: unknown): string | null {
  if (!doc || typeof doc !== 'object') return null;
  const crs = (doc as { crs?: { properties?: { name?: unknown } } }).crs;
  const name = crs?.properties?.name;
  return typeof name === 'string' ? name : null;
}

/** Calls `f` with every position of every geometry of a GeoJSON document. */
function eachPosition(doc: GeoJSON, f: (p: Position) => void): void {
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') f(c as Position);
    else for (const x of c) walk(x);
  };
  const geometry = (g: unknown): void => {
    if (!g || typeof g !== 'object') return;
    const o = g as { type?: string; coordinates?: unknown; geometries?: unknown[] };
    if (o.type === 'GeometryCollection') o.geometries?.forEach(geometry);
    else walk(o.coordinates);
  };
  if (doc.type === 'FeatureCollection') for (const f of doc.features) geometry(f.geometry);
  else if (doc.type === 'Feature') geometry(doc.geometry);
  else geometry(doc);
}

const fr = (v: number) => formatNumber(Math.round(v));

/**
 * The coordinate system of a document, or `FileRefused` ('crs_unknown') when it is neither WGS84
 * nor Lambert-93. One pass over the positions, nothing else: cheap before the heavy steps.
 */
export function detectCrs(doc: GeoJSON): CrsReading {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  let count = 0;
  eachPosition(doc, ([x, y]) => {
    if (x === undefined || y === undefined) return;
    count++;
    if (x < b[0]!) b[0] = x;
    if (y < b[1]!) b[1] = y;
    if (x > b[2]!) b[2] = x;
    if (y > b[3]!) b[3] = y;
  });
  const [minX, minY, maxX, maxY] = b as [number, number, number, number];
  const degrees = count === 0 || (minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90);
  const lambert = count > 0 && looksLikeLambert93(minX, minY) && looksLikeLambert93(maxX, maxY);
  const extent = `x de ${fr(minX)} à ${fr(maxX)}, y de ${fr(minY)} à ${fr(maxY)}`;
  const advice =
    'fournissez les contours en longitude/latitude WGS84 (EPSG:4326) ou en Lambert-93 (EPSG:2154)';
  const member = crsMemberName(doc);
  if (member !== null) {
    if (WGS84_NAMES.test(member)) {
      if (!degrees)
        throw new FileRefused(
          'crs_unknown',
          `le fichier se dit en WGS84 (« ${member} ») mais ses coordonnées ne sont pas des degrés (${extent}) : ${advice}`,
        );
      return { crs: 'wgs84', note: null };
    }
    if (LAMBERT93_NAMES.test(member)) {
      if (!lambert)
        throw new FileRefused(
          'crs_unknown',
          `le fichier se dit en Lambert-93 (« ${member} ») mais ses coordonnées n’en sont pas (${extent}) : ${advice}`,
        );
      return {
        crs: 'lambert93',
        note: `Contours en Lambert-93 (membre crs « ${member} ») : convertis en longitude/latitude WGS84.`,
      };
    }
    throw new FileRefused(
      'crs_unknown',
      `système de coordonnées « ${member} » non pris en charge : ${advice}`,
    );
  }
  if (degrees) return { crs: 'wgs84', note: null };
  if (lambert)
    return {
      crs: 'lambert93',
      note: `Contours sans membre crs, en mètres dans l’étendue du Lambert-93 (${extent}) : lus en Lambert-93 (EPSG:2154) et convertis en longitude/latitude WGS84.`,
    };
  throw new FileRefused(
    'crs_unknown',
    `coordonnées projetées (${extent}) d’un système non reconnu, ni degrés ni Lambert-93 : ${advice}`,
  );
}

/**
 * A document in WGS84, converted in place from Lambert-93 when it was in it, with what the
 * report should say; refused (`FileRefused`) in any other system.
 */
export function toWgs84<T extends GeoJSON>(doc: T): { doc: T; note: string | null } {
  const { crs, note } = detectCrs(doc);
  if (crs === 'lambert93') {
    eachPosition(doc, (p) => {
      const [lon, lat] = lambert93ToWgs84(p[0] as number, p[1] as number);
      p[0] = Math.round(lon * 1e7) / 1e7;
      p[1] = Math.round(lat * 1e7) / 1e7;
    });
    delete (doc as { crs?: unknown }).crs;
  }
  return { doc, note };
}
