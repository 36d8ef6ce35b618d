import { describe, expect, it } from 'vitest';
import { lambert93ToWgs84, looksLikeLambert93, wgs84ToLambert93 } from './lambert93.ts';

/**
 * Reference points computed with PROJ 9 (`cs2cs EPSG:4326 EPSG:2154`), IGN's own parameters:
 * [lon, lat] → [x, y] in metres.
 */
const POINTS: [string, [number, number], [number, number]][] = [
  ['origin of the projection', [3, 46.5], [700000.0, 6600000.0]],
  ['Paris, Notre-Dame', [2.3488, 48.8534], [652216.626, 6861681.5]],
  ['Brest', [-4.4861, 48.3904], [146632.9785, 6836262.3267]],
  ['Strasbourg', [7.7521, 48.5734], [1050362.6954, 6840899.6472]],
  ['Bastia', [9.4508, 42.6977], [1228632.3307, 6199171.0411]],
  ['Arras', [2.7766, 50.291], [684059.9192, 7021481.5492]],
  ['Montpellier', [3.8767, 43.6108], [770795.5088, 6279476.1347]],
];

describe('Lambert-93', () => {
  it.each(POINTS)('projects %s to the PROJ value within a millimetre', (_, [lon, lat], [x, y]) => {
    const [px, py] = wgs84ToLambert93(lon, lat);
    expect(px).toBeCloseTo(x, 3);
    expect(py).toBeCloseTo(y, 3);
  });

  it.each(POINTS)('inverts %s to within 1e-8 degree', (_, [lon, lat], [x, y]) => {
    const [plon, plat] = lambert93ToWgs84(x, y);
    expect(plon).toBeCloseTo(lon, 8);
    expect(plat).toBeCloseTo(lat, 8);
  });

  it('matches an inverse computed by PROJ', () => {
    // cs2cs EPSG:2154 EPSG:4326 <<< "652000 6862000" → 48.856248141 2.345811959
    const [lon, lat] = lambert93ToWgs84(652000, 6862000);
    expect(lon).toBeCloseTo(2.345811959, 8);
    expect(lat).toBeCloseTo(48.856248141, 8);
  });

  it('recognises Lambert-93 ranges and not degrees', () => {
    expect(looksLikeLambert93(684059, 7021481)).toBe(true);
    expect(looksLikeLambert93(2.77, 50.29)).toBe(false);
    expect(looksLikeLambert93(50.29, 2.77)).toBe(false);
  });
});
