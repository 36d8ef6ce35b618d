/**
 * Where the step card goes on a projected map: in the corner that hides the fewest places of the
 * step's territory. The map is Web Mercator with 512-pixel tiles, as MapLibre draws it.
 */

export type Corner = 'bottom-left' | 'bottom-right' | 'top-left' | 'top-right';

/** Corners in order of preference when they hide as much: text reads best low and on the left. */
export const CORNERS: readonly Corner[] = ['bottom-left', 'bottom-right', 'top-left', 'top-right'];

export interface Size {
  width: number;
  height: number;
}

const TILE_PX = 512;

function mercator(lon: number, lat: number, worldPx: number): [number, number] {
  const sin = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
  const x = ((lon + 180) / 360) * worldPx;
  const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * worldPx;
  return [x, y];
}

/** A point's position in pixels on a map of `size` centred on the camera. */
export function projectPoint(
  lon: number,
  lat: number,
  camera: { lon: number; lat: number; zoom: number },
  size: Size,
): [number, number] {
  const world = TILE_PX * 2 ** camera.zoom;
  const [cx, cy] = mercator(camera.lon, camera.lat, world);
  const [x, y] = mercator(lon, lat, world);
  return [x - cx + size.width / 2, y - cy + size.height / 2];
}

/** The box a card of `card` size covers in a corner of `area`, `marginPx` from its edges. */
export function cornerBox(corner: Corner, area: Size, card: Size, marginPx: number) {
  const left = corner.endsWith('left') ? marginPx : area.width - marginPx - card.width;
  const top = corner.startsWith('top') ? marginPx : area.height - marginPx - card.height;
  return { left, top, right: left + card.width, bottom: top + card.height };
}

/** The corner whose card hides the fewest of `points` (pixels on the map), by `weights` if given. */
export function leastHiddenCorner(
  points: readonly [number, number][],
  area: Size,
  card: Size,
  marginPx: number,
  weights?: readonly number[],
  corners: readonly Corner[] = CORNERS,
): Corner {
  let best: Corner = corners[0] ?? CORNERS[0]!;
  let bestHidden = Infinity;
  for (const corner of corners) {
    const b = cornerBox(corner, area, card, marginPx);
    let hidden = 0;
    points.forEach(([x, y], i) => {
      if (x >= b.left && x <= b.right && y >= b.top && y <= b.bottom) hidden += weights?.[i] ?? 1;
    });
    if (hidden < bestHidden) {
      best = corner;
      bestHidden = hidden;
    }
  }
  return best;
}
