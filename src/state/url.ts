/**
 * The view in the URL: a typed, documented contract (README, "Paramètres d'URL"). Unknown
 * parameters are ignored and invalid values fall back to defaults, so an old or hand-edited link
 * still opens.
 */
export interface Camera {
  lon: number;
  lat: number;
  zoom: number;
}

export interface ViewParams {
  /** `d`: dataset id. */
  dataset: string | null;
  /** `s`: territory scheme id (`commune`, `epci`, `bv2022`, `pti`…). */
  scheme: string | null;
  /** `i`: indicator id. */
  indicator: string | null;
  /** `n`: need indicator id. */
  need: string | null;
  /** `t`: selected territory code, in the scheme `s`. */
  territory: string | null;
  /** `c`: camera as `lon,lat,zoom`. */
  camera: Camera | null;
  /** `m`: the tool (mode) on screen, when it is not the explore mode (`reach`…). */
  mode: string | null;
}

export const EMPTY_VIEW: ViewParams = {
  dataset: null,
  scheme: null,
  indicator: null,
  need: null,
  territory: null,
  camera: null,
  mode: null,
};

const ID = /^[A-Za-z0-9_.-]{1,64}$/;
const id = (v: string | null) => (v !== null && ID.test(v) ? v : null);

function parseCamera(v: string | null): Camera | null {
  if (!v) return null;
  const parts = v.split(',').map(Number);
  if (parts.length !== 3 || parts.some((x) => !Number.isFinite(x))) return null;
  const [lon, lat, zoom] = parts as [number, number, number];
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90 || zoom < 0 || zoom > 22) return null;
  return { lon, lat, zoom };
}

export function decodeView(search: string): ViewParams {
  const p = new URLSearchParams(search);
  return {
    dataset: id(p.get('d')),
    scheme: id(p.get('s')),
    indicator: id(p.get('i')),
    need: id(p.get('n')),
    territory: id(p.get('t')),
    camera: parseCamera(p.get('c')),
    mode: id(p.get('m')),
  };
}

export function encodeView(v: ViewParams): string {
  const p = new URLSearchParams();
  if (v.dataset) p.set('d', v.dataset);
  if (v.scheme) p.set('s', v.scheme);
  if (v.indicator) p.set('i', v.indicator);
  if (v.need) p.set('n', v.need);
  if (v.territory) p.set('t', v.territory);
  if (v.camera) {
    const c = v.camera;
    p.set('c', `${c.lon.toFixed(5)},${c.lat.toFixed(5)},${c.zoom.toFixed(2)}`);
  }
  if (v.mode) p.set('m', v.mode);
  const s = p.toString();
  return s ? `?${s}` : '';
}
