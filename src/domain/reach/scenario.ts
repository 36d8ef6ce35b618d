/**
 * A reach scenario: the sites opened, closed and moved, in order, with the assumptions the figures
 * were computed under. It is plain JSON, the format of saved and shared scenarios and of
 * `npm run report -- reach --scenario FILE`; README.md ("Scénarios") documents it. Version 1:
 *
 *   {
 *     "version": 1,
 *     "datasetId": "demo",
 *     "edits": [
 *       { "op": "open", "site": { "id": "nouveau-1", "name": "…", "kind": "france_services",
 *                                 "lon": 2.41, "lat": 46.93, "communeCode": "00412",
 *                                 "capacity": null } },
 *       { "op": "close", "siteId": "demo-ccas-004" },
 *       { "op": "move", "siteId": "demo-mds-002", "lon": 2.2, "lat": 46.8, "communeCode": "00200" }
 *     ],
 *     "assumptions": { "mode": "voiture", "kinds": ["mds", "ccas", "france_services"],
 *                      "maxMinutes": 30, "needId": null, "car": {…}, "noCar": {…},
 *                      "matrices": [], "barriers": {…} }
 *   }
 *
 * `assumptions.barriers` (optional) holds the survey shares of the mobility figures as the user
 * left them: the survey row chosen for a territory, or shares entered for it (barrier-edits.ts).
 */
import { messageOf } from '../errors.ts';
import { parseBarrierEdits, type BarrierEdits } from '../gaps/barrier-edits.ts';
import { ACCUEIL_KINDS, SITE_KINDS, type SiteKind } from '../model.ts';
import {
  DEFAULT_CAR_PARAMETERS,
  checkCarParameters,
  type CarParameters,
} from '../travel/distance-model.ts';
import { checkMatrixAccess } from '../travel/matrix-model.ts';
import { TRAVEL_MODES, type TravelMode } from '../travel/model.ts';
import {
  DEFAULT_NO_CAR_PARAMETERS,
  checkNoCarParameters,
  type NoCarParameters,
} from '../travel/no-car-model.ts';

export const SCENARIO_VERSION = 1;
export const DEFAULT_REACH_MINUTES = 30;
/** Bounds of the threshold a user can set. */
export const MIN_REACH_MINUTES = 1;
export const MAX_REACH_MINUTES = 240;

/** A site the scenario opens. */
export interface ScenarioSite {
  id: string;
  name: string;
  kind: SiteKind;
  lon: number;
  lat: number;
  communeCode: string;
  /** Places, or null when unknown. */
  capacity: number | null;
}

export type ScenarioEdit =
  | { op: 'open'; site: ScenarioSite }
  | { op: 'close'; siteId: string }
  | { op: 'move'; siteId: string; lon: number; lat: number; communeCode: string };

/** Everything the figures depend on besides the data and the edits. */
export interface ReachAssumptions {
  mode: TravelMode;
  /** Kinds of sites that count as reached (accueil kinds by default). */
  kinds: SiteKind[];
  /** The threshold N: "beyond N minutes". */
  maxMinutes: number;
  /** Need indicator counted as beneficiaries; null for the dataset's default. */
  needId: string | null;
  car: CarParameters;
  noCar: NoCarParameters;
  /**
   * Imported matrices the figures used, with the access time stated at their import (minutes
   * added to their times; absent in older files: 0); the matrices themselves stay in their files.
   */
  matrices: { mode: TravelMode; name: string; pairs: number; accessMinutes?: number }[];
  /** Survey shares chosen or entered by territory for the mobility figures; absent: none. */
  barriers?: BarrierEdits;
}

export interface ReachScenario {
  version: typeof SCENARIO_VERSION;
  datasetId: string;
  edits: ScenarioEdit[];
  assumptions: ReachAssumptions;
}

export function defaultAssumptions(): ReachAssumptions {
  return {
    mode: 'voiture',
    kinds: [...ACCUEIL_KINDS],
    maxMinutes: DEFAULT_REACH_MINUTES,
    needId: null,
    car: { ...DEFAULT_CAR_PARAMETERS },
    noCar: { ...DEFAULT_NO_CAR_PARAMETERS },
    matrices: [],
  };
}

/** A scenario file that cannot be used, with every problem found in it. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Scénario invalide :\n- ${problems.join('\n- ')}`);
    this.problems = problems;
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isLon = (v: unknown): v is number => typeof v === 'number' && Math.abs(v) <= 180;
const isLat = (v: unknown): v is number => typeof v === 'number' && Math.abs(v) <= 90;
const isKind = (v: unknown): v is SiteKind => SITE_KINDS.includes(v as SiteKind);

function parseEdit(v: unknown, where: string, problems: string[]): ScenarioEdit | null {
  if (!isObj(v)) {
    problems.push(`${where} : une modification doit être un objet.`);
    return null;
  }
  const bad = (what: string) => {
    problems.push(`${where} (${String(v.op)}) : ${what}.`);
    return null;
  };
  switch (v.op) {
    case 'open': {
      const s = v.site;
      if (!isObj(s)) return bad('« site » manquant');
      if (!isText(s.id)) return bad('identifiant du site manquant');
      if (!isKind(s.kind)) return bad(`type de site inconnu « ${String(s.kind)} »`);
      if (!isLon(s.lon) || !isLat(s.lat)) return bad('coordonnées invalides');
      if (!isText(s.communeCode)) return bad('code commune manquant');
      const capacity = s.capacity ?? null;
      if (capacity !== null && !(typeof capacity === 'number' && capacity >= 0)) {
        return bad('capacité invalide');
      }
      return {
        op: 'open',
        site: {
          id: s.id,
          name: isText(s.name) ? s.name : s.id,
          kind: s.kind,
          lon: s.lon,
          lat: s.lat,
          communeCode: s.communeCode,
          capacity,
        },
      };
    }
    case 'close':
      if (!isText(v.siteId)) return bad('« siteId » manquant');
      return { op: 'close', siteId: v.siteId };
    case 'move':
      if (!isText(v.siteId)) return bad('« siteId » manquant');
      if (!isLon(v.lon) || !isLat(v.lat)) return bad('coordonnées invalides');
      if (!isText(v.communeCode)) return bad('code commune manquant');
      return { op: 'move', siteId: v.siteId, lon: v.lon, lat: v.lat, communeCode: v.communeCode };
    default:
      problems.push(`${where} : opération inconnue « ${String(v.op)} » (open, close ou move).`);
      return null;
  }
}

function parseNumbers<T extends object>(
  value: unknown,
  defaults: T,
  label: string,
  problems: string[],
): T {
  if (value === undefined) return { ...defaults };
  if (!isObj(value)) {
    problems.push(`${label} : objet attendu.`);
    return { ...defaults };
  }
  const out: Obj = { ...(defaults as Obj) };
  for (const [key, def] of Object.entries(defaults)) {
    const v = value[key];
    if (v === undefined) continue;
    const ok = Array.isArray(def)
      ? Array.isArray(v) && v.length === def.length && v.every((x) => typeof x === 'number')
      : typeof v === 'number';
    if (ok) out[key] = v;
    else problems.push(`${label}.${key} : valeur invalide.`);
  }
  return out as T;
}

/** Reads a scenario from parsed JSON. Missing assumptions take their defaults. */
export function parseScenario(value: unknown): ReachScenario {
  const problems: string[] = [];
  if (!isObj(value)) throw new ScenarioError(['le fichier ne contient pas un objet JSON.']);
  if (value.version !== SCENARIO_VERSION) {
    problems.push(`version ${String(value.version)} inconnue (version attendue : 1).`);
  }
  if (!isText(value.datasetId)) problems.push('« datasetId » manquant.');
  const edits: ScenarioEdit[] = [];
  if (!Array.isArray(value.edits)) problems.push('« edits » doit être une liste.');
  else {
    value.edits.forEach((e, i) => {
      const edit = parseEdit(e, `modification n° ${i + 1}`, problems);
      if (edit) edits.push(edit);
    });
  }
  const defaults = defaultAssumptions();
  const a = value.assumptions;
  const assumptions: ReachAssumptions = { ...defaults };
  if (a !== undefined && !isObj(a)) problems.push('« assumptions » doit être un objet.');
  if (isObj(a)) {
    if (a.mode !== undefined) {
      if (TRAVEL_MODES.includes(a.mode as TravelMode)) assumptions.mode = a.mode as TravelMode;
      else problems.push(`assumptions.mode : « ${String(a.mode)} » (voiture ou sans-voiture).`);
    }
    if (a.kinds !== undefined) {
      if (Array.isArray(a.kinds) && a.kinds.length > 0 && a.kinds.every(isKind)) {
        assumptions.kinds = [...new Set(a.kinds)];
      } else problems.push('assumptions.kinds : liste de types de sites connus attendue.');
    }
    if (a.maxMinutes !== undefined) {
      const m = a.maxMinutes;
      if (typeof m === 'number' && m >= MIN_REACH_MINUTES && m <= MAX_REACH_MINUTES) {
        assumptions.maxMinutes = m;
      } else {
        problems.push(
          `assumptions.maxMinutes : nombre de ${MIN_REACH_MINUTES} à ${MAX_REACH_MINUTES} attendu.`,
        );
      }
    }
    if (a.needId !== undefined && a.needId !== null) {
      if (isText(a.needId)) assumptions.needId = a.needId;
      else problems.push('assumptions.needId : texte attendu.');
    }
    assumptions.car = parseNumbers(a.car, defaults.car, 'assumptions.car', problems);
    assumptions.noCar = parseNumbers(a.noCar, defaults.noCar, 'assumptions.noCar', problems);
    const check = (label: string, run: () => void) => {
      try {
        run();
      } catch (e) {
        problems.push(`${label} : ${messageOf(e)}`);
      }
    };
    check('assumptions.car', () => checkCarParameters(assumptions.car));
    check('assumptions.noCar', () => checkNoCarParameters(assumptions.noCar));
    if (Array.isArray(a.matrices)) {
      assumptions.matrices = a.matrices.filter(
        (m): m is ReachAssumptions['matrices'][number] =>
          isObj(m) && TRAVEL_MODES.includes(m.mode as TravelMode) && isText(m.name),
      );
      for (const m of assumptions.matrices) {
        if (m.accessMinutes !== undefined)
          check(`assumptions.matrices (${m.name})`, () => checkMatrixAccess(m.accessMinutes!));
      }
    }
    if (a.barriers !== undefined && a.barriers !== null) {
      check('assumptions.barriers', () => {
        assumptions.barriers = parseBarrierEdits(a.barriers);
      });
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  return {
    version: SCENARIO_VERSION,
    datasetId: value.datasetId as string,
    edits,
    assumptions,
  };
}
