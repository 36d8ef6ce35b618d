/**
 * Where to write a territory's name: the area-weighted mean of its communes' reference points,
 * moved to the nearest of those points so the label always sits inside the territory, even for a
 * crescent-shaped one.
 */
export interface PointedCommune {
  code: string;
  lon: number;
  lat: number;
  areaKm2: number;
}

export function territoryLabelPoints(
  communes: readonly PointedCommune[],
  territoryOf: ReadonlyMap<string, string>,
): Map<string, [number, number]> {
  const groups = new Map<string, PointedCommune[]>();
  for (const c of communes) {
    const t = territoryOf.get(c.code);
    if (t === undefined) continue;
    const g = groups.get(t);
    if (g) g.push(c);
    else groups.set(t, [c]);
  }
  const out = new Map<string, [number, number]>();
  for (const [t, members] of groups) {
    let w = 0;
    let x = 0;
    let y = 0;
    for (const c of members) {
      const a = Math.max(c.areaKm2, 1e-6);
      w += a;
      x += a * c.lon;
      y += a * c.lat;
    }
    x /= w;
    y /= w;
    let best = members[0] as PointedCommune;
    let bestD = Infinity;
    for (const c of members) {
      const d = (c.lon - x) ** 2 + (c.lat - y) ** 2;
      if (d < bestD) [best, bestD] = [c, d];
    }
    out.set(t, [best.lon, best.lat]);
  }
  return out;
}
