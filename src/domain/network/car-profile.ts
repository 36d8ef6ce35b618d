/* eslint-disable max-lines -- OSRM's car profile as one set of tables (speeds, access, barriers, directions), kept together as OSRM has them so that they can be compared. */
/**
 * Which OpenStreetMap ways a car may drive, in which direction and at what speed, and which nodes
 * stop it: the rules of the car profile of the OSRM routing engine (profiles/car.lua and its
 * acceptance tests), reduced to what a travel time needs.
 *
 * - Speed by highway type (motorway 90 km/h … service 15 km/h); a posted `maxspeed` (number, km/h
 *   or mph, or a symbolic value such as FR:urban / FR:rural / none) replaces it at 80 % of the
 *   limit (OSRM's speed_reduction: free-flow speed is below the limit); surface, tracktype and
 *   smoothness cap it.
 * - Direction: `oneway` (yes/1/true, -1, mode-specific oneway:motorcar…), implied by
 *   motorway and roundabouts unless `oneway=no`; reversible ways are never used.
 * - Access: motorcar > motor_vehicle > vehicle > access, with :forward/:backward variants;
 *   blacklisted values (no, agricultural, forestry, psv, military…) close the direction.
 *   "Restricted" values (private, destination, delivery, customers, permit, residents, unknown)
 *   are routable in OSRM only at a prohibitive turn cost, i.e. at the very start or end of a
 *   trip: the profile says so (`restricted`), and a graph built for times between communes leaves
 *   them out of through routes.
 * - Barriers on nodes: OSRM lets gates (with a 60 s penalty), cattle grids, toll booths, border
 *   controls, entrances, arches… through, stops bollards (unless rising), walls, fences (unless
 *   audible), blocks, raised kerbs and height restrictors below the car's height; an access tag
 *   on the node decides instead of the barrier.
 *
 * Left out, because a time between communes does not depend on it: turn penalties and turn
 * restrictions, the "rate" multipliers (narrow roads, side roads, HOV) that bias the choice of a
 * route without changing its duration, and a ferry's own `duration` tag (ferries are driven at
 * OSRM's 5 km/h).
 */

export type Tags = Readonly<Record<string, string | undefined>>;

/** Km/h by highway type (OSRM car profile). */
const HIGHWAY_SPEEDS: Readonly<Record<string, number>> = {
  motorway: 90,
  motorway_link: 45,
  trunk: 85,
  trunk_link: 40,
  primary: 65,
  primary_link: 30,
  secondary: 55,
  secondary_link: 25,
  tertiary: 40,
  tertiary_link: 20,
  unclassified: 25,
  residential: 25,
  living_street: 10,
  service: 15,
  winter_road: 20,
  ice_road: 15,
};

/** Share of a posted limit that is driven (OSRM's speed_reduction). */
const SPEED_REDUCTION = 0.8;
/** Km/h on a way that is routable only through an explicit access tag (OSRM's default_speed). */
const DEFAULT_SPEED = 10;
const ROUTE_SPEEDS: Readonly<Record<string, number>> = { ferry: 5, shuttle_train: 10 };
/** Seconds lost at a gate or a lift gate without an access tag. */
const GATE_PENALTY_SECONDS = 60;
/** The car's size, for height and width restrictions (OSRM's vehicle_height, vehicle_width). */
const VEHICLE_HEIGHT_M = 2.0;
const VEHICLE_WIDTH_M = 1.9;

const ACCESS_HIERARCHY = ['motorcar', 'motor_vehicle', 'vehicle', 'access'] as const;
const ONEWAY_KEYS = ['oneway:motorcar', 'oneway:motor_vehicle', 'oneway:vehicle'] as const;

const ACCESS_WHITELIST = new Set([
  'yes',
  'motorcar',
  'motor_vehicle',
  'vehicle',
  'permissive',
  'designated',
  'hov',
]);
const ACCESS_BLACKLIST = new Set([
  'no',
  'agricultural',
  'forestry',
  'emergency',
  'psv',
  'taxi',
  'share_taxi',
  'minibus',
  'bus',
  'foot',
  'emergency_vehicle',
  'restricted',
  'military',
  'official',
  'customers',
  'private',
  'delivery',
  'destination',
  'permit',
  'residents',
]);
const RESTRICTED_ACCESS = new Set([
  'private',
  'delivery',
  'destination',
  'customers',
  'permit',
  'residents',
  'unknown',
]);
const RESTRICTED_HIGHWAYS = new Set([
  'motorway',
  'motorway_link',
  'trunk',
  'trunk_link',
  'primary',
  'primary_link',
  'secondary',
  'secondary_link',
  'tertiary',
  'tertiary_link',
  'residential',
  'living_street',
  'unclassified',
  'service',
  'winter_road',
  'ice_road',
]);
const AVOIDED_HIGHWAYS = new Set([
  'area',
  'reversible',
  'impassable',
  'hov_lanes',
  'steps',
  'construction',
  'proposed',
]);
const CONSTRUCTION_WHITELIST = new Set(['no', 'widening', 'minor']);
const BARRIER_WHITELIST = new Set([
  'cattle_grid',
  'border_control',
  'toll_booth',
  'sally_port',
  'no',
  'entrance',
  'height_restrictor',
  'arch',
]);
const BARRIER_PENALTIES: Readonly<Record<string, number>> = {
  gate: GATE_PENALTY_SECONDS,
  lift_gate: GATE_PENALTY_SECONDS,
};

const SURFACE_SPEEDS: Readonly<Record<string, number>> = {
  cement: 80,
  compacted: 80,
  fine_gravel: 80,
  paving_stones: 60,
  metal: 60,
  bricks: 60,
  grass: 40,
  wood: 40,
  sett: 40,
  grass_paver: 40,
  gravel: 40,
  unpaved: 40,
  ground: 40,
  dirt: 40,
  pebblestone: 40,
  tartan: 40,
  cobblestone: 30,
  clay: 30,
  earth: 20,
  stone: 20,
  rocky: 20,
  sand: 20,
  laterite: 15,
  mud: 10,
  ice: 20,
  snow: 30,
};
const TRACKTYPE_SPEEDS: Readonly<Record<string, number>> = {
  grade1: 60,
  grade2: 40,
  grade3: 30,
  grade4: 25,
  grade5: 20,
};
const SMOOTHNESS_SPEEDS: Readonly<Record<string, number>> = {
  intermediate: 80,
  bad: 40,
  very_bad: 20,
  horrible: 10,
  very_horrible: 5,
  impassable: 0,
};

/** Posted limits of symbolic values, km/h: the default table, then the countries' exceptions. */
const MAXSPEED_DEFAULT: Readonly<Record<string, number>> = {
  urban: 50,
  rural: 90,
  trunk: 110,
  motorway: 130,
};
const MAXSPEED_TABLE: Readonly<Record<string, number>> = {
  'at:rural': 100,
  'at:trunk': 100,
  'be:motorway': 120,
  'ch:rural': 80,
  'ch:trunk': 100,
  'ch:motorway': 120,
  'de:living_street': 7,
  'de:rural': 100,
  'de:motorway': 0,
  'es:trunk': 90,
  'fr:rural': 80,
  'it:rural': 90,
  'lv:living_street': 20,
  'uk:nsl_single': (60 * 1609) / 1000,
  'uk:nsl_dual': (70 * 1609) / 1000,
  'uk:motorway': (70 * 1609) / 1000,
  'gb:nsl_single': (60 * 1609) / 1000,
  'gb:nsl_dual': (70 * 1609) / 1000,
  'gb:motorway': (70 * 1609) / 1000,
  none: 140,
};

/**
 * A posted limit in km/h: "50", "30 mph", "10 knots", "FR:urban", "FR:rural", "FR:motorway",
 * "none"…; 0 when the value says nothing usable (OSRM then keeps the highway's speed).
 */
export function parseMaxspeed(value: string | undefined): number {
  if (value === undefined) return 0;
  const v = value.trim().toLowerCase();
  const m = /^(\d+(?:\.\d+)?)\s*(km\/h|kmh|kph|mph|knots)?$/.exec(v);
  if (m) {
    const n = Number(m[1]);
    if (m[2] === 'mph') return n * 1.609344;
    if (m[2] === 'knots') return n * 1.852;
    return n;
  }
  if (v in MAXSPEED_TABLE) return MAXSPEED_TABLE[v] as number;
  const symbolic = /^[a-z][a-z](?:-[a-z]+)?:([a-z_]+)$/.exec(v);
  return (symbolic && MAXSPEED_DEFAULT[symbolic[1] as string]) || 0;
}

/** A length or height in metres ("2.5", "2.5 m", "6'6\""); undefined when unreadable. */
function parseMetres(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  const m = /^(\d+(?:\.\d+)?)\s*(m)?$/.exec(v);
  if (m) return Number(m[1]);
  const ft = /^(\d+)'(?:\s*(\d+)")?$/.exec(v);
  if (ft) return Number(ft[1]) * 0.3048 + Number(ft[2] ?? 0) * 0.0254;
  return undefined;
}

/** One access value among several ("agricultural;forestry"): a permitted one wins. */
function resolveAccess(value: string | undefined): string | undefined {
  if (value === undefined || !value.includes(';')) return value;
  const parts = value.split(';').map((p) => p.trim());
  return (
    parts.find((p) => ACCESS_WHITELIST.has(p)) ??
    parts.find((p) => !ACCESS_BLACKLIST.has(p)) ??
    parts[0]
  );
}

/** The first tag of `keys` (with :forward/:backward variants first) per direction. */
function forwardBackward(
  tags: Tags,
  keys: readonly string[],
): [string | undefined, string | undefined] {
  let fwd: string | undefined;
  let bwd: string | undefined;
  for (const key of keys) {
    fwd ??= tags[`${key}:forward`];
    bwd ??= tags[`${key}:backward`];
    if (fwd === undefined || bwd === undefined) {
      const common = tags[key];
      fwd ??= common;
      bwd ??= common;
    }
    if (fwd !== undefined && bwd !== undefined) break;
  }
  return [fwd, bwd];
}

const blocks = (access: string | undefined, restrictedOk: boolean) =>
  access !== undefined && ACCESS_BLACKLIST.has(access) && !restrictedOk;

/** What the car profile makes of one way. */
export interface WayRouting {
  /** Km/h in the way's direction of digitisation; 0 when a car may not drive it that way. */
  forwardKmh: number;
  /** Km/h against it; 0 when closed. */
  backwardKmh: number;
  /** Open to cars only at the end of a trip (private, destination, delivery…). */
  restricted: boolean;
}

/** The car profile applied to a way's tags; null when no car may use it in any direction. */
export function carWay(tags: Tags): WayRouting | null {
  const highway = tags.highway || undefined;
  const route = tags.route || undefined;
  if (highway === undefined && route === undefined) return null;

  // Blocked ways.
  if (tags.area === 'yes' || highway === 'steps') return null;
  if (highway === 'construction' || tags.railway === 'construction') return null;
  if (tags.construction !== undefined && !CONSTRUCTION_WHITELIST.has(tags.construction))
    return null;
  if (tags.proposed !== undefined || tags.oneway === 'reversible') return null;
  if (tags.impassable === 'yes' || tags.status === 'impassable') return null;
  if (highway !== undefined && AVOIDED_HIGHWAYS.has(highway)) return null;
  const maxheight = parseMetres(tags.maxheight);
  if (maxheight !== undefined && maxheight < VEHICLE_HEIGHT_M) return null;
  const maxwidth = parseMetres(tags.maxwidth);
  if (maxwidth !== undefined && maxwidth < VEHICLE_WIDTH_M) return null;

  // Access, per direction.
  const [fwdRaw, bwdRaw] = forwardBackward(tags, ACCESS_HIERARCHY);
  const fwdAccess = resolveAccess(fwdRaw);
  const bwdAccess = resolveAccess(bwdRaw);
  const canRestrict = highway !== undefined && RESTRICTED_HIGHWAYS.has(highway);
  const fwdRestricted = canRestrict && fwdAccess !== undefined && RESTRICTED_ACCESS.has(fwdAccess);
  const bwdRestricted = canRestrict && bwdAccess !== undefined && RESTRICTED_ACCESS.has(bwdAccess);
  let forward = !blocks(fwdAccess, fwdRestricted);
  let backward = !blocks(bwdAccess, bwdRestricted);
  if (!forward && !backward) return null;

  // Direction.
  const oneway = ONEWAY_KEYS.map((k) => tags[k]).find((v) => v !== undefined) ?? tags.oneway;
  if (oneway === '-1') forward = false;
  else if (oneway === 'yes' || oneway === '1' || oneway === 'true') backward = false;
  else if (
    oneway !== 'no' &&
    (highway === 'motorway' || tags.junction === 'roundabout' || tags.junction === 'circular')
  )
    backward = false;

  // Service roads closed to all.
  if (tags.service === 'emergency_access') return null;

  // Speed by way type or route, else the default speed when an access tag opens the way.
  let fwdKmh = 0;
  let bwdKmh = 0;
  const routeSpeed = route !== undefined ? ROUTE_SPEEDS[route] : undefined;
  const wayTypeSpeed = highway !== undefined ? HIGHWAY_SPEEDS[highway] : undefined;
  if (routeSpeed !== undefined) {
    fwdKmh = bwdKmh = routeSpeed;
  } else if (wayTypeSpeed !== undefined) {
    fwdKmh = bwdKmh = wayTypeSpeed;
  } else {
    const opens = (a: string | undefined, other: string | undefined) =>
      (a !== undefined && (ACCESS_WHITELIST.has(a) || !ACCESS_BLACKLIST.has(a))) ||
      (a === undefined && other !== undefined);
    if (opens(fwdAccess, bwdAccess)) fwdKmh = DEFAULT_SPEED;
    if (opens(bwdAccess, fwdAccess)) bwdKmh = DEFAULT_SPEED;
  }

  if (routeSpeed === undefined) {
    // Posted limits, then road surface.
    const [fwdMax, bwdMax] = forwardBackward(tags, [
      'maxspeed:advisory',
      'maxspeed',
      'source:maxspeed',
      'maxspeed:type',
    ]);
    const fm = parseMaxspeed(fwdMax);
    const bm = parseMaxspeed(bwdMax);
    if (fm > 0 && fwdKmh > 0) fwdKmh = fm * SPEED_REDUCTION;
    if (bm > 0 && bwdKmh > 0) bwdKmh = bm * SPEED_REDUCTION;
    for (const [key, table] of [
      ['surface', SURFACE_SPEEDS],
      ['tracktype', TRACKTYPE_SPEEDS],
      ['smoothness', SMOOTHNESS_SPEEDS],
    ] as const) {
      const v = tags[key];
      const cap = v !== undefined ? table[v] : undefined;
      if (cap !== undefined) {
        fwdKmh = Math.min(fwdKmh, cap);
        bwdKmh = Math.min(bwdKmh, cap);
      }
    }
  }

  if (!forward) fwdKmh = 0;
  if (!backward) bwdKmh = 0;
  if (fwdKmh <= 0 && bwdKmh <= 0) return null;
  return {
    forwardKmh: fwdKmh,
    backwardKmh: bwdKmh,
    restricted: (fwdKmh > 0 ? fwdRestricted : true) && (bwdKmh > 0 ? bwdRestricted : true),
  };
}

/** What the car profile makes of a node: passable, with seconds lost there, or a barrier. */
export type NodeRouting = { blocked: true } | { blocked: false; penaltySeconds: number };

const PASS: NodeRouting = { blocked: false, penaltySeconds: 0 };

/** The car profile applied to a node's tags (barrier and access). */
export function carNode(tags: Tags | undefined): NodeRouting {
  if (tags === undefined) return PASS;
  const access = resolveAccess(ACCESS_HIERARCHY.map((k) => tags[k]).find((v) => v !== undefined));
  if (access !== undefined) {
    return ACCESS_BLACKLIST.has(access) && !RESTRICTED_ACCESS.has(access)
      ? { blocked: true }
      : PASS;
  }
  const barrier = tags.barrier;
  if (barrier === undefined) return PASS;
  let lowHeight = false;
  if (barrier === 'height_restrictor') {
    const h = parseMetres(tags.maxheight);
    lowHeight = h !== undefined && h < VEHICLE_HEIGHT_M;
  }
  const penalty = BARRIER_PENALTIES[barrier];
  const passes =
    BARRIER_WHITELIST.has(barrier) ||
    tags.bollard === 'rising' ||
    tags.kerb === 'lowered' ||
    tags.kerb === 'flush' ||
    (barrier === 'kerb' && tags.highway === 'crossing') ||
    (barrier === 'fence' && (tags.sensory === 'audible' || tags.sensory === 'audio')) ||
    penalty !== undefined;
  if (!passes || lowHeight) return { blocked: true };
  return penalty !== undefined ? { blocked: false, penaltySeconds: penalty } : PASS;
}

/** Node tag keys the profile reads (to keep only those while reading an extract). */
export const NODE_TAG_KEYS = [
  ...ACCESS_HIERARCHY,
  'barrier',
  'maxheight',
  'bollard',
  'kerb',
  'highway',
  'sensory',
] as const;
