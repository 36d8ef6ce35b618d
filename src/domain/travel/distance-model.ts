/**
 * The car distance model: great-circle distance × a detour factor, driven at a speed that depends
 * on the density of the places at both ends, plus a fixed access time.
 *
 *   communeMinutes(a, b) = 60 × detour × km(a, b) × (1/v(a) + 1/v(b)) / 2
 *   km(a, a)             = intrazonal distance of a, (2/3)·√(area/π)
 *   localMinutes(site)   = 60 × detour × km(site, its commune's point) / v(commune)
 *
 * Half of the route is driven at the speed of each end (the harmonic mean of the two speeds), so
 * the model is symmetric. The defaults rest on published figures, quoted in `justification`
 * (shown in the interface) and in the README:
 * - detour 1.3: road distance over straight-line distance is about 1.2 for random points in a
 *   city (Newell 1980; O'Sullivan 1996: 1.21–1.23 around transit stations) and higher on sparser,
 *   more sinuous rural networks; national estimates (Ballou, Rahardja & Sakai 2002, "Selected
 *   country circuity factors for road travel distance estimation", Transportation Research A 36)
 *   lie between 1.2 and 1.4. 1.3 is the middle of that range.
 * - speeds 35 / 45 / 55 / 65 km/h on the road distance: the 2019 mobility survey (Enquête
 *   mobilité des personnes, SDES) gives 36 km/h door to door for car trips of 10–20 km, all areas
 *   together; dense areas are slower (signals, congestion), rural departmental roads faster (80
 *   km/h limit, villages crossed). With these values 15 km of road between two intermediate
 *   communes take 25 min door to door, i.e. 36 km/h as in the survey, and 31 min between two
 *   dense ones (29 km/h). A first calibration at 25 km/h in dense areas put Hénin-Beaumont
 *   (62), 7 km from a France Services in the Lens conurbation, at 31 min: trips between the
 *   communes of a conurbation use its expressways and are faster than its centres.
 * - access 5 min: walking to and from the car and parking, and reaching the road network from a
 *   home of the origin commune (a mean 1.5 km in a commune of 15 km², the mean size of a commune
 *   of metropolitan France: 2 to 3 min).
 */
import type { TravelModel, TravelNetwork } from './model.ts';
import { checkPositive, pointModel, type PerDensity } from './point-model.ts';

export interface CarParameters {
  /** Road distance ÷ great-circle distance. */
  detourFactor: number;
  /** Average road speed by density level (dense, intermediate, sparse, very sparse), km/h. */
  speedKmh: PerDensity;
  /** Minutes added to every trip. */
  accessMinutes: number;
}

export const DEFAULT_CAR_PARAMETERS: CarParameters = {
  detourFactor: 1.3,
  speedKmh: [35, 45, 55, 65],
  accessMinutes: 5,
};

export const CAR_JUSTIFICATIONS = {
  detourFactor:
    "Rapport entre distance par la route et distance à vol d'oiseau : environ 1,2 en ville " +
    "(Newell, 1980 ; O'Sullivan, 1996 : 1,21 à 1,23), davantage sur les réseaux ruraux plus " +
    'sinueux ; les estimations nationales (Ballou, Rahardja et Sakai, 2002) vont de 1,2 à 1,4. ' +
    '1,3 est le milieu de cette fourchette.',
  speedKmh:
    'Vitesse moyenne sur la route selon la densité de la commune de départ et d’arrivée (la ' +
    'moitié du trajet à la vitesse de chaque extrémité). L’enquête mobilité des personnes 2019 ' +
    '(SDES) donne 36 km/h de porte à porte pour les trajets en voiture de 10 à 20 km ; avec ces ' +
    'valeurs, 15 km de route entre deux communes de densité intermédiaire prennent 25 min, soit ' +
    '36 km/h, et 31 min entre deux communes denses.',
  accessMinutes:
    'Aller à la voiture, se garer, et rejoindre la route depuis un logement de la commune ' +
    '(en moyenne 1,5 km dans une commune de 15 km², la taille moyenne en métropole).',
} as const;

export function checkCarParameters(p: CarParameters): void {
  checkPositive('coefficient de détour', p.detourFactor);
  if (p.detourFactor < 1) {
    throw new Error(
      `Paramètre invalide : le coefficient de détour ne peut être inférieur à 1 (reçu ${p.detourFactor}).`,
    );
  }
  p.speedKmh.forEach((v, i) => checkPositive(`vitesse (densité ${i + 1})`, v));
  checkPositive("temps d'accès", p.accessMinutes, true);
}

export function carDistanceModel(net: TravelNetwork, p: CarParameters): TravelModel {
  checkCarParameters(p);
  const inverse = p.speedKmh.map((v) => 1 / v);
  const k = 60 * p.detourFactor;
  return pointModel(net, {
    id: 'distance',
    label: 'Modèle de distance (voiture)',
    description:
      "Distance à vol d'oiseau entre les points de référence des communes × coefficient de " +
      'détour, parcourue à une vitesse qui dépend de la densité des deux communes, plus un ' +
      "temps d'accès fixe. Au sein d'une commune, la distance est celle d'un logement moyen à " +
      'son point de référence.',
    approximation: true,
    accessMinutes: p.accessMinutes,
    parameters: [
      {
        id: 'detourFactor',
        label: 'Coefficient de détour',
        value: p.detourFactor,
        unit: '',
        justification: CAR_JUSTIFICATIONS.detourFactor,
      },
      {
        id: 'speedKmh',
        label: 'Vitesse sur route (dense, intermédiaire, peu dense, très peu dense)',
        value: p.speedKmh,
        unit: 'km/h',
        justification: CAR_JUSTIFICATIONS.speedKmh,
      },
      {
        id: 'accessMinutes',
        label: "Temps d'accès ajouté à chaque trajet",
        value: p.accessMinutes,
        unit: 'min',
        justification: CAR_JUSTIFICATIONS.accessMinutes,
      },
    ],
    pairMinutes: (km, da, db) => (k * km * ((inverse[da] as number) + (inverse[db] as number))) / 2,
    localMinutes: (km, d) => k * km * (inverse[d] as number),
    minMinutesPerKm: k / Math.max(...p.speedKmh),
  });
}
