/**
 * The car profile against the routability tables of OSRM's own car acceptance tests (speed, way,
 * oneway, access, barrier, maxspeed): same routable directions, same speeds. OSRM measures its
 * speeds on a routed grid, rounded down to the km/h (trunk 85 → "84 km/h"), so speeds are
 * compared within 1 km/h. A way's highway is primary unless the row says otherwise, as in OSRM's
 * tests.
 */
import { describe, expect, it } from 'vitest';
import { carNode, carWay, parseMaxspeed, type Tags } from './car-profile.ts';

/** "x" per routable direction, as in the feature tables: [forward, backward]. */
function directions(tags: Record<string, string>): [boolean, boolean] {
  const r = carWay({ highway: 'primary', ...tags });
  return [!!r && r.forwardKmh > 0, !!r && r.backwardKmh > 0];
}
const row = (cells: string) =>
  Object.fromEntries(
    cells
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c.includes('='))
      .map((c) => c.split('=') as [string, string]),
  );

describe('speeds by highway type (speed.feature)', () => {
  it.each([
    ['motorway', 90],
    ['motorway_link', 45],
    ['trunk', 84],
    ['trunk_link', 40],
    ['primary', 64],
    ['primary_link', 30],
    ['secondary', 54],
    ['secondary_link', 25],
    ['tertiary', 40],
    ['tertiary_link', 20],
    ['unclassified', 25],
    ['residential', 25],
    ['living_street', 10],
    ['service', 15],
    ['winter_road', 20],
    ['ice_road', 15],
  ])('%s at %d km/h both ways with oneway=no', (highway, kmh) => {
    const r = carWay({ highway, oneway: 'no' });
    expect(Math.abs((r?.forwardKmh ?? 0) - kmh)).toBeLessThanOrEqual(1);
    expect(r?.backwardKmh).toBe(r?.forwardKmh);
  });

  it.each([
    ['highway=tertiary', 40, 40],
    ['highway=tertiary,oneway=alternating', 40, 40],
    ['highway=motorway', 90, 0],
    ['highway=motorway,oneway=alternating', 90, 0],
    ['highway=motorway,oneway=reversible', 0, 0],
    ['highway=primary,junction=roundabout', 65, 0],
    ['highway=primary,oneway=alternating,junction=roundabout', 65, 0],
    ['highway=primary,oneway=reversible,junction=roundabout', 0, 0],
    ['highway=primary,maxspeed=60', 48, 48],
  ])('%s → %d / %d km/h', (cells, fwd, bwd) => {
    const r = carWay(row(cells));
    expect(r?.forwardKmh ?? 0).toBeCloseTo(fwd, 6);
    expect(r?.backwardKmh ?? 0).toBeCloseTo(bwd, 6);
  });
});

describe('routable way types (way.feature)', () => {
  const routable = [
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
    'service',
    'unclassified',
    'living_street',
  ];
  const closed = [
    'road',
    'track',
    'path',
    'footway',
    'pedestrian',
    'steps',
    'pier',
    'cycleway',
    'bridleway',
  ];
  it.each(routable)('%s is routable', (highway) => expect(carWay({ highway })).not.toBeNull());
  it.each(closed)('%s is not', (highway) => expect(carWay({ highway })).toBeNull());
  it('a way without highway is not', () => expect(carWay({ name: 'x' })).toBeNull());
});

describe('oneway (oneway.feature)', () => {
  it.each([
    ['oneway=yes', true, false],
    ['oneway=-1', false, true],
    ['oneway=1', true, false],
    ['oneway=true', true, false],
    ['', true, true],
    ['oneway:motorcar=yes', true, false],
    ['oneway:motor_vehicle=yes', true, false],
    ['oneway:vehicle=yes', true, false],
    ['oneway:motorcar=yes,oneway:motor_vehicle=no', true, false],
    ['oneway:motor_vehicle=yes,oneway:vehicle=no', true, false],
    ['oneway:vehicle=yes,oneway=no', true, false],
    ['oneway:motorcar=no,oneway:motor_vehicle=yes', true, true],
    ['oneway:motor_vehicle=no,oneway:vehicle=yes', true, true],
    ['oneway:vehicle=no,oneway=yes', true, true],
    ['highway=motorway', true, false],
    ['highway=motorway_link', true, true],
    ['highway=motorway,junction=roundabout', true, false],
    ['highway=motorway_link,junction=roundabout', true, false],
    ['junction=roundabout', true, false],
    ['highway=motorway,oneway=no', true, true],
    ['highway=motorway_link,oneway=no', true, true],
    ['highway=motorway_link,oneway=yes', true, false],
    ['oneway=yes,oneway:bicycle=no', true, false],
    ['oneway=no,oneway:bicycle=yes', true, true],
    ['oneway=-1,oneway:bicycle=yes', false, true],
    ['junction=roundabout,oneway:bicycle=-1', true, false],
    ['oneway=reversible', false, false],
    ['oneway=alternating', true, true],
  ])('%s → forward %s, backward %s', (cells, fwd, bwd) => {
    expect(directions(row(cells))).toEqual([fwd, bwd]);
  });
});

describe('access on ways (access.feature)', () => {
  it.each([
    ['', true],
    ['access=yes', true],
    ['access=no', false],
    ['vehicle=yes', true],
    ['vehicle=no', false],
    ['access=no,vehicle=yes', true],
    ['access=yes,vehicle=no', false],
    ['motor_vehicle=yes', true],
    ['motor_vehicle=no', false],
    ['access=no,motor_vehicle=yes', true],
    ['access=yes,motor_vehicle=no', false],
    ['vehicle=no,motor_vehicle=yes', true],
    ['vehicle=yes,motor_vehicle=no', false],
    ['motorcar=yes', true],
    ['motorcar=no', false],
    ['access=no,motorcar=yes', true],
    ['access=yes,motorcar=no', false],
    ['vehicle=no,motorcar=yes', true],
    ['vehicle=yes,motorcar=no', false],
    ['motor_vehicle=no,motorcar=yes', true],
    ['motor_vehicle=yes,motorcar=no', false],
  ])('hierarchy: %s → %s', (cells, ok) => {
    expect(directions(row(cells))).toEqual([ok, ok]);
  });

  it.each([
    ['yes', true],
    ['permissive', true],
    ['designated', true],
    ['no', false],
    ['private', true],
    ['agricultural', false],
    ['forestry', false],
    ['psv', false],
    ['taxi', false],
    ['share_taxi', false],
    ['minibus', false],
    ['bus', false],
    ['delivery', true],
    ['some_tag', true],
    ['destination', true],
    ['permit', true],
    ['residents', true],
    ['foot', false],
    ['restricted', false],
    ['military', false],
    ['official', false],
    ['emergency_vehicle', false],
    ['unknown', true],
    ['agricultural;forestry', false],
  ])('access=%s → %s', (value, ok) => {
    expect(directions({ access: value })).toEqual([ok, ok]);
  });

  it.each([
    ['yes', true],
    ['permissive', true],
    ['designated', true],
    ['no', false],
    ['private', true],
    ['agricultural', false],
    ['forestry', false],
    ['psv', false],
    ['delivery', true],
    ['destination', true],
    ['permit', true],
    ['customers', true],
    ['residents', true],
    ['foot', false],
    ['restricted', false],
    ['military', false],
    ['official', false],
    ['emergency_vehicle', false],
    ['unknown', true],
    ['agricultural;forestry', false],
  ])('motorcar=%s → %s', (value, ok) => {
    expect(directions({ motorcar: value })).toEqual([ok, ok]);
  });

  it('private, destination and delivery are routable only at the end of a trip', () => {
    expect(carWay({ highway: 'residential', access: 'private' })?.restricted).toBe(true);
    expect(carWay({ highway: 'residential', motor_vehicle: 'destination' })?.restricted).toBe(true);
    expect(carWay({ highway: 'residential', access: 'yes' })?.restricted).toBe(false);
  });

  it.each([
    ['', true, true],
    ['access=yes', true, true],
    ['access=yes,access:forward=no', false, true],
    ['access=yes,access:forward=yes,motorcar=no', false, false],
    ['access=yes,access:forward=yes,motorcar=yes,motorcar:forward=no', false, true],
    ['access=yes,access:backward=no', true, false],
    ['access=yes,access:backward=yes,motorcar=no', false, false],
    ['access=yes,access:backward=yes,motorcar=yes,motorcar:backward=no', true, false],
    ['access=no', false, false],
    ['access=no,access:forward=yes', true, false],
    ['access=no,access:forward=no,motorcar=yes', true, true],
    ['access=no,access:forward=no,motorcar=no,motorcar:forward=yes', true, false],
    ['access=no,access:backward=yes', false, true],
    ['access=no,access:backward=no,motorcar=yes', true, true],
    ['access=no,access:backward=no,motorcar=no,motorcar:backward=yes', false, true],
    ['access:forward=no,motorcar:forward=no', false, true],
    ['access:backward=no,motorcar:backward=no', true, false],
    ['access:forward=no,motorcar:backward=no', false, false],
    ['access:backward=no,motorcar=no', false, false],
    ['access:forward=no,motorcar:forward=yes', true, true],
    ['access:backward=no,motorcar:backward=yes', true, true],
    ['access:forward=yes,motorcar:forward=no', false, true],
    ['access:backward=yes,motorcar:backward=no', true, false],
  ])('directional: %s → forward %s, backward %s', (cells, fwd, bwd) => {
    expect(directions(row(cells))).toEqual([fwd, bwd]);
  });

  it.each([
    ['highway=runway', false, false],
    ['highway=runway,access=yes', true, true],
    ['highway=runway,vehicle=yes', true, true],
    ['highway=runway,motor_vehicle=yes', true, true],
    ['highway=runway,motorcar=yes', true, true],
    ['highway=runway,access=private,motorcar=permissive', true, true],
    ['highway=primary,access=forestry,motor_vehicle=yes', true, true],
    ['highway=cycleway,motor_vehicle=designated', true, true],
    ['highway=unclassified,motor_vehicle=destination,motorcar=destination', true, true],
    ['highway=residential,vehicle=yes,motor_vehicle=no', false, false],
    ['highway=motorway,access=yes,vehicle=permissive,motorcar=private', true, false],
    [
      'highway=trunk,access=agricultural,vehicle=designated,motor_vehicle=permissive,motorcar=no',
      false,
      false,
    ],
    ['highway=pedestrian', false, false],
    ['highway=pedestrian,motorcar=destination', false, false],
    ['highway=runway,foot=yes', false, false],
    ['highway=primary,foot=no', true, true],
    ['highway=primary,bicycle=no', true, true],
    ['highway=primary,psv=no', true, true],
    ['highway=primary,toll=yes', true, true],
    ['highway=primary,access=yes,access:backward=no', true, false],
    ['highway=primary,access=no,access:forward=yes', true, false],
    ['highway=primary,access=no,access:forward=yes,access:backward=yes', true, true],
  ])('combinations: %s → forward %s, backward %s', (cells, fwd, bwd) => {
    expect(directions(row(cells))).toEqual([fwd, bwd]);
  });

  it('a runway opened by an access tag is driven at the default 10 km/h', () => {
    expect(carWay({ highway: 'runway', access: 'yes' })?.forwardKmh).toBe(10);
  });
});

describe('access and barriers on nodes (access.feature, barrier.feature)', () => {
  const passes = (tags: Tags) => !carNode(tags).blocked;
  it.each([
    ['', true],
    ['access=yes', true],
    ['access=no', false],
    ['vehicle=yes', true],
    ['vehicle=no', false],
    ['access=no,vehicle=yes', true],
    ['access=yes,vehicle=no', false],
    ['motor_vehicle=yes', true],
    ['motor_vehicle=no', false],
    ['access=no,motor_vehicle=yes', true],
    ['vehicle=no,motor_vehicle=yes', true],
    ['vehicle=yes,motor_vehicle=no', false],
    ['motorcar=no', false],
    ['access=no,motorcar=yes', true],
    ['motor_vehicle=no,motorcar=yes', true],
    ['motor_vehicle=yes,motorcar=no', false],
    ['access=private', true],
    ['access=agricultural', false],
    ['access=forestry', false],
    ['access=psv', false],
    ['access=bus', false],
    ['access=delivery', true],
    ['access=some_tag', true],
    ['access=permit', true],
    ['access=residents', true],
    ['access=foot', false],
    ['access=military', false],
    ['access=unknown', true],
    ['access=agricultural;forestry', false],
  ])('node %s → %s', (cells, ok) => expect(passes(row(cells))).toBe(ok));

  it.each([
    ['', true],
    ['barrier=bollard', false],
    ['barrier=gate', true],
    ['barrier=lift_gate', true],
    ['barrier=cattle_grid', true],
    ['barrier=border_control', true],
    ['barrier=toll_booth', true],
    ['barrier=sally_port', true],
    ['barrier=entrance', true],
    ['barrier=wall', false],
    ['barrier=fence', false],
    ['barrier=some_tag', false],
    ['barrier=block', false],
    ['barrier=gate,access=yes', true],
    ['barrier=gate,access=permissive', true],
    ['barrier=gate,access=designated', true],
    ['barrier=gate,access=no', false],
    ['barrier=gate,access=private', true],
    ['barrier=gate,access=agricultural', false],
    ['barrier=lift_gate,access=no', false],
    ['barrier=wall,access=yes', true],
    ['barrier=wall,access=private', true],
    ['barrier=wall,access=no', false],
    ['barrier=wall,access=agricultural', false],
    ['barrier=bollard,bollard=rising', true],
    ['barrier=bollard,bollard=removable', false],
    ['barrier=kerb', false],
    ['barrier=kerb,highway=crossing', true],
    ['barrier=kerb,highway=crossing,kerb=yes', true],
    ['barrier=kerb,kerb=lowered', true],
    ['barrier=kerb,kerb=flush', true],
    ['barrier=kerb,kerb=raised', false],
    ['barrier=kerb,kerb=yes', false],
    ['barrier=fence,sensory=audible', true],
    ['barrier=fence,sensory=audio', true],
    ['barrier=height_restrictor', true],
    ['barrier=height_restrictor,maxheight=1', false],
    ['barrier=height_restrictor,maxheight=3', true],
    ['barrier=height_restrictor,maxheight=default', true],
  ])('%s → %s', (cells, ok) => expect(passes(row(cells))).toBe(ok));

  it('a gate or lift gate costs 60 s, unless an access tag opens it', () => {
    expect(carNode({ barrier: 'gate' })).toEqual({ blocked: false, penaltySeconds: 60 });
    expect(carNode({ barrier: 'lift_gate' })).toEqual({ blocked: false, penaltySeconds: 60 });
    expect(carNode({ barrier: 'gate', access: 'yes' })).toEqual({
      blocked: false,
      penaltySeconds: 0,
    });
  });
});

describe('maxspeed (maxspeed.feature)', () => {
  it.each([
    ['highway=trunk', 85, 85],
    ['highway=trunk,maxspeed=60', 48, 48],
    ['highway=trunk,maxspeed=FR:urban', 40, 40],
    ['highway=trunk,maxspeed=CH:rural', 64, 64],
    ['highway=trunk,maxspeed=CH:trunk', 80, 80],
    ['highway=trunk,maxspeed=CH:motorway', 96, 96],
    ['highway=trunk,source:maxspeed=FR:urban', 40, 40],
    ['highway=trunk,source:maxspeed=CH:motorway', 96, 96],
    ['highway=residential', 25, 25],
    ['highway=residential,maxspeed=90', 72, 72],
    ['highway=living_street,maxspeed=FR:urban', 40, 40],
    ['highway=primary,maxspeed:forward=60', 48, 65],
    ['highway=primary,maxspeed:backward=60', 65, 48],
    ['highway=primary,maxspeed=15,maxspeed:forward=60', 48, 12],
    ['highway=primary,maxspeed=15,maxspeed:backward=60', 12, 48],
    ['highway=primary,maxspeed=15,maxspeed:forward=30,maxspeed:backward=60', 24, 48],
    ['highway=living_street,maxspeed=LV:living_street', 16, 16],
    ['highway=primary,oneway=-1,maxspeed=30', 0, 24],
    ['highway=primary,oneway=-1,maxspeed:forward=30', 0, 65],
    ['highway=primary,oneway=-1,maxspeed=20,maxspeed:forward=30', 0, 16],
    ['highway=primary,oneway=-1,maxspeed=20,maxspeed:backward=30', 0, 24],
    ['highway=primary,width=3', 65, 65],
    ['highway=primary,lanes=1', 65, 65],
  ])('%s → %d / %d km/h', (cells, fwd, bwd) => {
    const r = carWay(row(cells));
    expect(r?.forwardKmh ?? 0).toBeCloseTo(fwd, 6);
    expect(r?.backwardKmh ?? 0).toBeCloseTo(bwd, 6);
  });

  it.each([
    'highway=secondary,access=no,maxspeed=100',
    'highway=secondary,access=no,maxspeed:forward=100',
    'railway=train,maxspeed=100',
    'highway=runway,maxspeed=100',
    'highway=runway,maxspeed:backward=100',
  ])('a limit never makes a closed way routable: %s', (cells) => {
    expect(carWay(row(cells))).toBeNull();
  });

  it.each([
    ['50', 50],
    ['30 mph', 30 * 1.609344],
    ['FR:urban', 50],
    ['FR:rural', 80],
    ['FR:motorway', 130],
    ['fr:zone30', 0],
    ['none', 140],
    ['signals', 0],
    ['DE:motorway', 0],
  ])('parseMaxspeed(%s) = %d km/h', (value, kmh) => {
    expect(parseMaxspeed(value)).toBeCloseTo(kmh, 6);
  });
});

describe('blocked ways', () => {
  it.each([
    'highway=primary,area=yes',
    'highway=construction',
    'highway=primary,construction=yes',
    'highway=primary,proposed=primary',
    'highway=primary,impassable=yes',
    'highway=primary,status=impassable',
    'highway=service,service=emergency_access',
    'highway=primary,maxheight=1.8',
    'highway=primary,maxwidth=1.5',
  ])('%s is not routable', (cells) => expect(carWay(row(cells))).toBeNull());

  it('surface, tracktype and smoothness cap the speed', () => {
    expect(carWay({ highway: 'primary', surface: 'gravel' })?.forwardKmh).toBe(40);
    expect(carWay({ highway: 'primary', tracktype: 'grade5' })?.forwardKmh).toBe(20);
    expect(carWay({ highway: 'primary', smoothness: 'very_bad' })?.forwardKmh).toBe(20);
    expect(carWay({ highway: 'primary', construction: 'minor' })?.forwardKmh).toBe(65);
  });

  it('ferries run at 5 km/h', () => {
    expect(carWay({ route: 'ferry' })?.forwardKmh).toBe(5);
  });
});
