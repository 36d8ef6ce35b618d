/**
 * The points of the road step run alone (`npm run data -- roads`): a CSV with a header
 * `code,lon,lat` (WGS84 degrees, `,` or `;` separated), and the times it writes back
 * (`origin,destination,minutes`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { NetworkTimesRows } from '../../src/data/network-times.ts';
import type { RoadPoint } from './road-step.ts';

export function parsePoints(text: string): RoadPoint[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const sep = (lines[0] ?? '').includes(';') ? ';' : ',';
  const header = (lines[0] ?? '').split(sep).map((h) => h.trim().toLowerCase());
  const [ci, xi, yi] = ['code', 'lon', 'lat'].map((h) => header.indexOf(h)) as [
    number,
    number,
    number,
  ];
  if (ci < 0 || xi < 0 || yi < 0) throw new Error('Points : colonnes code, lon, lat attendues.');
  const seen = new Set<string>();
  return lines.slice(1).map((line, i) => {
    const cells = line.split(sep).map((c) => c.trim());
    const code = cells[ci] ?? '';
    const lon = Number(cells[xi]);
    const lat = Number(cells[yi]);
    if (!code || seen.has(code) || !(Math.abs(lon) <= 180) || !(Math.abs(lat) <= 90))
      throw new Error(
        `Points, ligne ${i + 2} : code absent ou en double, ou coordonnées invalides.`,
      );
    seen.add(code);
    return { code, lon, lat };
  });
}

export const readPoints = (file: string) => parsePoints(readFileSync(file, 'utf8'));

export function writeTimesCsv(file: string, rows: NetworkTimesRows): void {
  const out = ['origin,destination,minutes'];
  for (let i = 0; i < rows.origin.length; i++)
    out.push(`${rows.origin[i]},${rows.destination[i]},${rows.minutes[i]}`);
  writeFileSync(file, out.join('\n') + '\n');
}
