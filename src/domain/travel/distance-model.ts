/**
 * The car model: the road time from where a commune's inhabitants live to a site, as INSEE
 * defines its access times (free-flow road time from the home, no walking to the car, no
 * parking; Metric-OSRM distancier, "Données sur la localisation et l'accès de la population aux
 * équipements"). It is calibrated on INSEE's published curves (share of the population within 10,
 * 15, 20 and 30 min of the nearest France Services, BPE 2023), see the README's calibration table
 * and `npm run report -- validate`.
 *
 *   minutes(commune a → site s) = start + perKm(a) × km(chef-lieu of a, s) + doorToDoor
 *   perKm(a) = max(floor, atReference × (density(a) / 100)^(−densityExponent)) × (mountain(a) ? mountainFactor : 1)
 *
 * - Minutes per straight-line kilometre fall with the origin's density: in a dense commune the
 *   nearest site is reached through streets and expressways where straight-line progress is fast;
 *   from a sparse commune the roads wind and the nearest site is far along them. A single speed
 *   cannot reproduce the curves of both the Nord (97 % within 10 min) and the Meuse (65 %).
 * - Mountain communes (loi Montagne zone, as the commune contours give it) are slower per km.
 * - A floor keeps the speed physical: at most 67 km/h straight-line, about 50 km/h on the road.
 * - The start term is the time to reach the road network; no access or parking time is added
 *   by default, so that figures compare with INSEE's and ANCT's. The door-to-door option adds a
 *   stated time to every trip.
 * - Inhabitants are placed at the chef-lieu: spreading a share of them over the commune's polygon
 *   was measured and fitted the curves no better (README).
 *
 * The parameters were fitted on six départements (62, 34, 55, 59, 07, 94) and checked on splits
 * that leave some out; Calvados (14) is kept out, its reference uses a set of sites that the 2024
 * list does not reproduce (README).
 */
import type { TravelModel, TravelNetwork } from './model.ts';
import { checkPositive, pointModel } from './point-model.ts';

export interface CarParameters {
  /** Minutes per straight-line km from a commune of 100 inhabitants per km². */
  minutesPerKmAtReference: number;
  /** How minutes per km fall with density: perKm ∝ density^(−exponent). */
  densityExponent: number;
  /** Fewest minutes per straight-line km, whatever the density. */
  minMinutesPerKm: number;
  /** Minutes per km multiplied by this from a commune of the mountain zone. */
  mountainFactor: number;
  /** Minutes to reach the road network, added to every trip. */
  startMinutes: number;
  /** Door-to-door option: walking to the car and parking, minutes added to every trip (0 = off). */
  accessMinutes: number;
}

/** Fitted on INSEE's curves of six départements (README, "Calibration"). */
export const DEFAULT_CAR_PARAMETERS: CarParameters = {
  minutesPerKmAtReference: 1.05,
  densityExponent: 0.4,
  minMinutesPerKm: 0.9,
  mountainFactor: 1.5,
  startMinutes: 0.25,
  accessMinutes: 0,
};

/**
 * Densities below this count as this: the sparsest inhabited communes of the départements fitted
 * are about this dense, and a commune without inhabitants (the villages destroyed in 1916 near
 * Verdun) would otherwise be put an hour from a site 10 km away.
 */
export const MIN_DENSITY_PER_KM2 = 10;

/** Density at which `minutesPerKmAtReference` applies, inhabitants per km². */
export const REFERENCE_DENSITY = 100;

export const CAR_JUSTIFICATIONS = {
  minutesPerKmAtReference:
    "Minutes par kilomètre à vol d'oiseau au départ d'une commune de 100 habitants au km², " +
    "ajustées sur les courbes d'accès de l'INSEE (part de la population à moins de 10, 15, 20 et " +
    '30 min de la France Services la plus proche, BPE 2023) de six départements.',
  densityExponent:
    'Plus la commune de départ est dense, plus on avance vite à vol d’oiseau (voies rapides, ' +
    'rues droites) ; plus elle est peu dense, plus les routes sinuent. Ajusté avec le paramètre ' +
    'précédent : 0,4 donne 0,42 min/km à 1 000 hab./km² (plancher) et 1,9 min/km à 20 hab./km².',
  minMinutesPerKm:
    "Plancher : au plus 67 km/h à vol d'oiseau, environ 50 km/h sur la route, la vitesse libre " +
    'des grands axes urbains.',
  mountainFactor:
    'Au départ d’une commune en zone de montagne (loi Montagne, selon les contours des communes) ' +
    'les routes sont plus lentes : ajusté sur l’Ardèche et l’Hérault.',
  startMinutes: 'Rejoindre la route depuis le logement.',
  accessMinutes:
    'Option porte à porte : marcher jusqu’à la voiture et se garer. 0 par défaut, comme les ' +
    'temps publiés par l’INSEE et l’ANCT, pour que les chiffres leur soient comparables.',
} as const;

export function checkCarParameters(p: CarParameters): void {
  checkPositive('minutes par km', p.minutesPerKmAtReference);
  checkPositive('exposant de densité', p.densityExponent, true);
  checkPositive('plancher de minutes par km', p.minMinutesPerKm);
  checkPositive('facteur montagne', p.mountainFactor);
  if (p.mountainFactor < 1) {
    throw new Error(
      `Paramètre invalide : le facteur montagne ne peut être inférieur à 1 (reçu ${p.mountainFactor}).`,
    );
  }
  checkPositive('temps de départ', p.startMinutes, true);
  checkPositive("temps d'accès porte à porte", p.accessMinutes, true);
}

/** Minutes per straight-line km from each commune of the network. */
export function carMinutesPerKm(net: TravelNetwork, p: CarParameters): Float64Array {
  const out = new Float64Array(net.count);
  for (let c = 0; c < net.count; c++) {
    const density = Math.max(MIN_DENSITY_PER_KM2, net.densityPerKm2[c] as number);
    const perKm = Math.max(
      p.minMinutesPerKm,
      p.minutesPerKmAtReference * Math.pow(density / REFERENCE_DENSITY, -p.densityExponent),
    );
    out[c] = perKm * (net.mountain[c] ? p.mountainFactor : 1);
  }
  return out;
}

export function carDistanceModel(net: TravelNetwork, p: CarParameters): TravelModel {
  checkCarParameters(p);
  const perKm = carMinutesPerKm(net, p);
  const parameter = (id: keyof CarParameters, label: string, unit: string) => ({
    id,
    label,
    value: p[id],
    unit,
    justification: CAR_JUSTIFICATIONS[id],
  });
  return pointModel(net, {
    id: 'distance',
    label: 'Modèle routier calé sur l’INSEE (voiture)',
    description:
      "Temps de route depuis le chef-lieu de la commune, comme l'INSEE mesure l'accès aux " +
      "équipements : distance à vol d'oiseau × minutes par km, qui dépendent de la densité de la " +
      'commune de départ et de la montagne, ajustées sur les courbes publiées par l’INSEE. Sans ' +
      "temps pour se garer, sauf l'option porte à porte.",
    approximation: true,
    symmetric: false,
    accessMinutes: p.accessMinutes,
    parameters: [
      parameter('minutesPerKmAtReference', 'Minutes par km à 100 hab./km²', 'min/km'),
      parameter('densityExponent', 'Exposant de densité', ''),
      parameter('minMinutesPerKm', 'Plancher de minutes par km', 'min/km'),
      parameter('mountainFactor', 'Facteur montagne', '×'),
      parameter('startMinutes', 'Temps pour rejoindre la route', 'min'),
      parameter('accessMinutes', 'Option porte à porte (0 = désactivée)', 'min'),
    ],
    // A trip is driven at the pace of its origin: the places people leave from set the roads.
    pairMinutes: (km, a) => p.startMinutes + km * (perKm[a] as number),
    // From the chef-lieu to a site of the same commune, at that commune's pace.
    localMinutes: (km, c) => km * (perKm[c] as number),
    // Inhabitants are placed at the chef-lieu: a trip within the commune starts there.
    withinKm: () => 0,
    minMinutesPerKm: p.minMinutesPerKm,
  });
}
