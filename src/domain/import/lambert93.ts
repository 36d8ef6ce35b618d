/**
 * Lambert-93 (EPSG:2154), the official projection of metropolitan France, to and from WGS84
 * longitude/latitude. RGF93 and WGS84 agree to a few centimetres, so no datum shift is applied.
 *
 * Formulas of IGN's "Projection cartographique conique conforme de Lambert" (notes NTG_71,
 * algorithms ALG0001–ALG0004 and ALG0019/ALG0054 for the constants of a secant cone), on the
 * GRS 80 ellipsoid with the Lambert-93 parameters: standard parallels 44° and 49° N, origin
 * 46°30' N 3° E, false easting 700 000 m, false northing 6 600 000 m.
 */

const A = 6_378_137; // GRS 80 semi-major axis, metres
const F = 1 / 298.257222101; // GRS 80 flattening
const E = Math.sqrt(2 * F - F * F); // first eccentricity
const DEG = Math.PI / 180;
const LAMBDA0 = 3 * DEG;
const PHI0 = 46.5 * DEG;
const PHI1 = 44 * DEG;
const PHI2 = 49 * DEG;
const X0 = 700_000;
const Y0 = 6_600_000;

/** ALG0001: isometric latitude of a geodetic latitude. */
function isometricLatitude(phi: number): number {
  const es = E * Math.sin(phi);
  return Math.log(Math.tan(Math.PI / 4 + phi / 2) * Math.pow((1 - es) / (1 + es), E / 2));
}

/** ALG0002: geodetic latitude of an isometric latitude, by fixed-point iteration. */
function latitudeFromIsometric(L: number): number {
  let phi = 2 * Math.atan(Math.exp(L)) - Math.PI / 2;
  for (let i = 0; i < 20; i++) {
    const es = E * Math.sin(phi);
    const next = 2 * Math.atan(Math.pow((1 + es) / (1 - es), E / 2) * Math.exp(L)) - Math.PI / 2;
    if (Math.abs(next - phi) < 1e-12) return next;
    phi = next;
  }
  return phi;
}

/** Radius of curvature of the prime vertical (grande normale). */
const grandeNormale = (phi: number) => A / Math.sqrt(1 - E * E * Math.sin(phi) ** 2);

// ALG0054: constants of the secant cone.
const N =
  Math.log((grandeNormale(PHI2) * Math.cos(PHI2)) / (grandeNormale(PHI1) * Math.cos(PHI1))) /
  (isometricLatitude(PHI1) - isometricLatitude(PHI2));
const C = ((grandeNormale(PHI1) * Math.cos(PHI1)) / N) * Math.exp(N * isometricLatitude(PHI1));
const XS = X0;
const YS = Y0 + C * Math.exp(-N * isometricLatitude(PHI0));

/** Lambert-93 metres → [longitude, latitude] in degrees (ALG0004). */
export function lambert93ToWgs84(x: number, y: number): [number, number] {
  const dx = x - XS;
  const dy = y - YS;
  const R = Math.hypot(dx, dy);
  const gamma = Math.atan(dx / -dy);
  const lon = LAMBDA0 + gamma / N;
  const L = (-1 / N) * Math.log(Math.abs(R / C));
  return [lon / DEG, latitudeFromIsometric(L) / DEG];
}

/** [longitude, latitude] in degrees → Lambert-93 metres (ALG0003). */
export function wgs84ToLambert93(lon: number, lat: number): [number, number] {
  const L = isometricLatitude(lat * DEG);
  const R = C * Math.exp(-N * L);
  const gamma = N * (lon * DEG - LAMBDA0);
  return [XS + R * Math.sin(gamma), YS - R * Math.cos(gamma)];
}

/**
 * Whether a pair of numbers looks like Lambert-93 metres over metropolitan France and Corsica
 * (the projection's valid area, with a margin): x 100–1 250 km, y 6 000–7 150 km.
 */
export function looksLikeLambert93(x: number, y: number): boolean {
  return x >= 100_000 && x <= 1_250_000 && y >= 6_000_000 && y <= 7_150_000;
}
