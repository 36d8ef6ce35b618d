/**
 * The view in the URL: a typed, documented contract (README, "Paramètres d'URL"). Unknown
 * parameters are ignored and invalid values fall back to defaults, so an old or hand-edited link
 * still opens.
 */
import { decimalPoint } from '../domain/format.ts';
import {
  decodeBarrierEdits,
  encodeBarrierEdits,
  type BarrierEdits,
} from '../domain/gaps/barrier-edits.ts';
import { parseScenario, type ScenarioEdit } from '../domain/reach/scenario.ts';
import { TRAVEL_MODES, type TravelMode } from '../domain/travel/model.ts';
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
  /** `v`: `table` when the table stands in for the map. */
  display: 'table' | null;
  /** `mn`: the threshold N, minutes, of the tool on screen (reach, coverage or mobility). */
  minutes: number | null;
  /** `tm`: how people travel in the tool on screen, `voiture` or `sans-voiture`. */
  travel: TravelMode | null;
  /** `k`: site kinds counted as reached, comma-separated. */
  kinds: string[] | null;
  /** `e`: the scenario's edits, when they are few enough for a link (base64url JSON). */
  edits: ScenarioEdit[] | null;
  /** `a`: axis of the offer, in the coverage view. */
  axis: string | null;
  /** `pc`: share of the beneficiaries concerned by the axis, in percent (coverage view). */
  concernedPercent: number | null;
  /**
   * `bs`: the scheme of the survey shares and the rows chosen or shares entered by territory
   * (mobility view), when short enough.
   */
  barriers: BarrierEdits | null;
}

/** Longest encoded scenario a link carries; longer ones are shared as files. */
export const MAX_URL_EDITS_CHARS = 1800;

export const EMPTY_VIEW: ViewParams = {
  dataset: null,
  scheme: null,
  indicator: null,
  need: null,
  territory: null,
  camera: null,
  mode: null,
  display: null,
  minutes: null,
  travel: null,
  kinds: null,
  edits: null,
  axis: null,
  concernedPercent: null,
  barriers: null,
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
    display: p.get('v') === 'table' ? 'table' : null,
    minutes: parseMinutes(p.get('mn')),
    travel: TRAVEL_MODES.find((m) => m === p.get('tm')) ?? null,
    kinds: parseKinds(p.get('k')),
    edits: parseEdits(p.get('e')),
    axis: id(p.get('a')),
    concernedPercent: parsePercent(p.get('pc')),
    barriers: parseBarriers(p.get('bs')),
  };
}

function parseBarriers(v: string | null): BarrierEdits | null {
  return v ? decodeBarrierEdits(v) : null;
}

function parsePercent(v: string | null): number | null {
  const n = v === null ? NaN : Number(v);
  return Number.isFinite(n) && n > 0 && n <= 100 ? n : null;
}

function parseMinutes(v: string | null): number | null {
  const n = v === null ? NaN : Number(v);
  return Number.isInteger(n) && n >= 1 && n <= 240 ? n : null;
}

function parseKinds(v: string | null): string[] | null {
  const kinds = (v ?? '').split(',').filter((k) => ID.test(k));
  return kinds.length > 0 ? kinds : null;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const bin = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** Edits from a link, checked like a scenario file; anything unreadable is dropped. */
function parseEdits(v: string | null): ScenarioEdit[] | null {
  if (!v) return null;
  try {
    const edits = JSON.parse(fromBase64Url(v)) as unknown;
    const scenario = parseScenario({ version: 1, datasetId: 'lien', edits });
    return scenario.edits.length > 0 ? scenario.edits : null;
  } catch {
    return null;
  }
}

/** The encoded edits, or null when they would make the link too long. */
export function encodeEdits(edits: readonly ScenarioEdit[]): string | null {
  if (edits.length === 0) return null;
  const text = toBase64Url(JSON.stringify(edits));
  return text.length <= MAX_URL_EDITS_CHARS ? text : null;
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
    p.set('c', `${decimalPoint(c.lon, 5)},${decimalPoint(c.lat, 5)},${decimalPoint(c.zoom, 2)}`);
  }
  if (v.mode) p.set('m', v.mode);
  if (v.display) p.set('v', v.display);
  if (v.minutes !== null) p.set('mn', String(v.minutes));
  if (v.travel) p.set('tm', v.travel);
  if (v.kinds && v.kinds.length > 0) p.set('k', v.kinds.join(','));
  const edits = v.edits ? encodeEdits(v.edits) : null;
  if (edits) p.set('e', edits);
  if (v.axis) p.set('a', v.axis);
  if (v.concernedPercent !== null) p.set('pc', String(v.concernedPercent));
  if (v.barriers) {
    const bs = encodeBarrierEdits(v.barriers);
    // Long entries are shared with the scenario file, as long edits are.
    if (bs.length <= MAX_URL_EDITS_CHARS) p.set('bs', bs);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}
