import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import { DEFAULT_CAR_PARAMETERS, carDistanceModel } from './distance-model.ts';
import { createTravelNetwork, type TravelModel, type TravelNetwork } from './model.ts';
import { DEFAULT_NO_CAR_PARAMETERS, noCarLegs, noCarModel } from './no-car-model.ts';
import { commune, randomNetwork } from './test-network.ts';

/** 0.1° of latitude on a meridian: 11.119508 km exactly with the mean Earth radius. */
const D = 11.11950802335329;

const net = createTravelNetwork([
  commune('A', 2, 46, 1, 10),
  commune('B', 2, 46.1, 2, 10),
  commune('C', 2, 46.2, 4, 10),
]);

describe('car model calibrated on INSEE, hand-computed', () => {
  // A: 100 inhabitants per km², B: 20 per km², C: 2 000 per km² (the floor), D: mountain.
  const cal = createTravelNetwork([
    commune('A', 2, 46, 3, 10, 1000),
    commune('B', 2, 46.1, 4, 10, 200),
    commune('C', 2, 46.2, 1, 10, 20000),
    commune('D', 2, 46.3, 4, 10, 1000, true),
  ]);
  const m = carDistanceModel(cal, DEFAULT_CAR_PARAMETERS);

  it('drives at the pace of the origin, fitted minutes per straight-line km', () => {
    // 0.25 + 1.05 × 11.1195 km
    expect(m.communeMinutes(0, 1)).toBeCloseTo(0.25 + 1.05 * D, 9);
    // From 20 inhabitants per km²: 1.05 × 5^0.4 min per km
    expect(m.communeMinutes(1, 0)).toBeCloseTo(0.25 + 1.05 * Math.pow(5, 0.4) * D, 9);
    expect(m.symmetric).toBe(false);
  });

  it('never drives faster than the floor', () => {
    // 2 000 per km² would give 1.05 × 20^-0.4 = 0.317 min per km: the floor 0.9 holds.
    expect(m.communeMinutes(2, 0)).toBeCloseTo(0.25 + 0.9 * 2 * D, 9);
  });

  it('is slower from the mountain zone', () => {
    expect(m.communeMinutes(3, 0)).toBeCloseTo(0.25 + 1.05 * 1.5 * 3 * D, 9);
  });

  it('adds no door-to-door time unless asked', () => {
    expect(m.accessMinutes).toBe(0);
    expect(m.communeMinutes(0, 0)).toBe(0.25);
    const door = carDistanceModel(cal, { ...DEFAULT_CAR_PARAMETERS, accessMinutes: 5 });
    expect(door.accessMinutes).toBe(5);
  });

  it('reaches a site off the chef-lieu at the pace of its commune', () => {
    expect(m.localMinutes(0, 2, 46.01)).toBeCloseTo((1.05 * D) / 10, 9);
    expect(m.localMinutes(0, 2, 46)).toBe(0);
  });

  it('refuses absurd parameters with a clear message', () => {
    expect(() =>
      carDistanceModel(cal, { ...DEFAULT_CAR_PARAMETERS, minutesPerKmAtReference: 0 }),
    ).toThrow(/minutes par km/);
    expect(() => carDistanceModel(cal, { ...DEFAULT_CAR_PARAMETERS, mountainFactor: 0.5 })).toThrow(
      /montagne/,
    );
    expect(() => carDistanceModel(cal, { ...DEFAULT_CAR_PARAMETERS, accessMinutes: NaN })).toThrow(
      /porte à porte/,
    );
  });

  it('documents every parameter with its justification', () => {
    expect(m.parameters.map((p) => p.id)).toEqual(Object.keys(DEFAULT_CAR_PARAMETERS));
    for (const p of m.parameters) expect(p.justification.length).toBeGreaterThan(20);
  });
});

describe('"sans voiture" approximation, hand-computed', () => {
  const m = noCarModel(net, DEFAULT_NO_CAR_PARAMETERS);

  it('walks when walking is faster', () => {
    const dense = createTravelNetwork([commune('X', 2, 46, 1), commune('Y', 2, 46.009, 1)]);
    const walk = noCarModel(dense, DEFAULT_NO_CAR_PARAMETERS);
    // 1.0008 km × 1.3 at 4.5 km/h = 17.35 min, against 10 + 5 + 5.6 min by bus
    expect(walk.communeMinutes(0, 1)).toBeCloseTo((60 * 1.3 * D * 0.09) / 4.5, 6);
  });

  it('takes the bus when it is faster, waiting at the less served end', () => {
    // 10 + max(5, 10) + 11.1195 × (5.6 + 4.2) / 2 = 74.486 min
    expect(m.communeMinutes(0, 1)).toBeCloseTo(74.48559, 4);
    expect(m.accessMinutes).toBe(0);
  });

  it('gives the documented orders of magnitude', () => {
    const rural = createTravelNetwork([
      commune('R', 2, 46, 4),
      commune('S', 2, 46 + 15 / 111.19508, 4),
    ]);
    // 10 + 90 + 15 km × 2.4 min/km = 136 min
    expect(noCarModel(rural, DEFAULT_NO_CAR_PARAMETERS).communeMinutes(0, 1)).toBeCloseTo(136, 3);
    const city = createTravelNetwork([
      commune('U', 2, 46, 1),
      commune('V', 2, 46 + 5 / 111.19508, 1),
    ]);
    expect(noCarModel(city, DEFAULT_NO_CAR_PARAMETERS).communeMinutes(0, 1)).toBeCloseTo(43, 3);
  });

  it('puts a site of the commune within its local time, wherever it stands in it', () => {
    expect(m.localMinutes(0, 2, 46.01)).toBe(0);
    // 1 000 inhabitants on 10 km² fill 0.667 km² at 1 500 per km²: homes 0.307 km from the centre
    const town = createTravelNetwork([commune('T', 2, 46, 3, 10, 1000)]);
    const walk = noCarModel(town, DEFAULT_NO_CAR_PARAMETERS);
    const km = (2 / 3) * Math.sqrt(10 / Math.PI) * Math.sqrt(1000 / 10 / 1500);
    expect(walk.communeMinutes(0, 0)).toBeCloseTo((60 * 1.3 * km) / 4.5, 9);
  });

  it('gives the legs of a trip, which add up to its time', () => {
    const legs = noCarLegs(net, DEFAULT_NO_CAR_PARAMETERS, 0, 1);
    expect(legs).toMatchObject({ by: 'transports', walkMinutes: 10, waitMinutes: 10 });
    expect(legs.walkMinutes + legs.waitMinutes + legs.rideMinutes).toBeCloseTo(
      m.communeMinutes(0, 1),
      9,
    );
    const near = noCarLegs(net, DEFAULT_NO_CAR_PARAMETERS, 0, 0);
    expect(near.by).toBe('marche');
    expect(near.walkMinutes).toBeCloseTo(m.communeMinutes(0, 0), 9);
  });

  it('is labelled an approximation', () => {
    expect(m.approximation).toBe(true);
    expect(m.description).toMatch(/Approximation/);
  });
});

/** Checks the search functions of a model against every pair, on a random network. */
function checkSearch(model: TravelModel, n: TravelNetwork, budgets: number[]) {
  for (const max of budgets) {
    for (let c = 0; c < n.count; c += 7) {
      const fromOrigins = new Map<number, number>();
      model.forEachOriginWithin(c, max, (o, m) => fromOrigins.set(o, m));
      const fromDest = new Map<number, number>();
      model.forEachDestinationWithin(c, max, (d, m) => fromDest.set(d, m));
      for (let o = 0; o < n.count; o++) {
        const toC = model.communeMinutes(o, c);
        expect(fromOrigins.get(o)).toBe(toC <= max ? toC : undefined);
        const fromC = model.communeMinutes(c, o);
        expect(fromDest.get(o)).toBe(fromC <= max ? fromC : undefined);
      }
    }
  }
}

describe.each([
  ['car', (n: TravelNetwork) => carDistanceModel(n, DEFAULT_CAR_PARAMETERS)],
  ['no car', (n: TravelNetwork) => noCarModel(n, DEFAULT_NO_CAR_PARAMETERS)],
])('%s model, properties', (_, make) => {
  const n = randomNetwork(createRandom(5), 300);
  const model = make(n);

  it('is exactly symmetric when it says so', () => {
    if (!model.symmetric) return;
    for (let a = 0; a < n.count; a += 3)
      for (let b = 0; b < n.count; b += 5)
        expect(model.communeMinutes(a, b)).toBe(model.communeMinutes(b, a));
  });

  it('finds exactly the communes within a time budget', () => {
    checkSearch(model, n, [0, 12, 45, 120]);
  });

  it('grows with distance along a line of equal density', () => {
    const line = createTravelNetwork(
      Array.from({ length: 20 }, (_, i) => commune(`L${i}`, 2, 46 + i * 0.03, 3)),
    );
    const m = make(line);
    for (let i = 2; i < 20; i++)
      expect(m.communeMinutes(0, i)).toBeGreaterThanOrEqual(m.communeMinutes(0, i - 1));
  });
});
