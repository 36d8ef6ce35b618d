/**
 * "Sans voiture": a documented, conservative approximation of door-to-door times on foot or by
 * public transport, for when no public-transport matrix was imported. It is an approximation and
 * the interface labels it so: it knows no timetable and no line, only orders of magnitude.
 *
 *   walk(km)     = 60 × walkDetour × km / walkSpeed
 *   transit(km)  = stopAccess + max(wait(a), wait(b)) + 60 × transitDetour × km × (1/s(a) + 1/s(b)) / 2
 *   minutes(a,b) = min(walk, transit)
 *   km(a, a)     = mean distance from a home to the centre of the commune's built-up part
 *   local(site)  = 0
 *
 * A trip within a commune goes from where its inhabitants live to the site: the distance is that
 * of a home to the centre of the built-up part (the area the population would fill at
 * `settledDensityPerKm2`, at most the commune), and it is walked or ridden, whichever is faster.
 * The site's own position in its commune is below what this estimate can tell (it knows no line):
 * walking the rest of the way from the town hall after a bus ride put Verdun 53 min from its own
 * France Services. So a commune that hosts a site is always within its local time of it, and
 * opening a site in a commune always brings the commune within that time.
 *
 * The wait is half the interval between two departures, taken at the less served end (a line
 * runs as often as its rarest part allows), so the model stays symmetric. Defaults:
 * - walking 4.5 km/h with the car's detour factor 1.3: the low end of usual walking speeds
 *   (4.5–5 km/h), for people who are older, carry children or shopping;
 * - 10 min to walk to and from the stops (about 400 m at each end, the usual catchment of a bus
 *   stop);
 * - waits of 5 / 10 / 45 / 90 min (dense … very sparse): services every 10 and 20 min in urban
 *   networks, every 1 h 30 in market towns, a few runs a day in the countryside. The Autorité de
 *   la qualité de service dans les transports (AQST, 2019, 120 random itineraries) measured a
 *   mean 80 min of waits and connections for rural trips under 50 km, and public transport 5.3
 *   times slower than the car there;
 * - vehicle speeds 15 / 20 / 30 / 35 km/h on the route distance (detour 1.4, routes serve stops
 *   rather than go straight): UTP figures quoted by the FNAUT (2024) give 15 km/h for the bus
 *   networks of cities over 250 000 inhabitants and 17 km/h for smaller ones; interurban coaches
 *   run faster between villages but stop often.
 * With these values 15 km between two very sparse communes take 2 h 16 without a car against
 * 23 min by car, a ratio of 5.9 close to the AQST's 5.3; 5 km in a dense city 43 min against 16.
 */
import { networkKm, type TravelModel, type TravelNetwork } from './model.ts';
import { checkPositive, pointModel, type PerDensity } from './point-model.ts';

export interface NoCarParameters {
  walkSpeedKmh: number;
  walkDetourFactor: number;
  /** Walking to the first stop and from the last one, minutes in all. */
  stopAccessMinutes: number;
  /** Mean wait (half the interval between departures) by density level, minutes. */
  waitMinutes: PerDensity;
  /** Commercial speed of the vehicle on the route distance, by density level, km/h. */
  transitSpeedKmh: PerDensity;
  /** Route distance of the line ÷ great-circle distance. */
  transitDetourFactor: number;
  /** Density of a commune's built-up part, inhabitants per km²: sets the length of local trips. */
  settledDensityPerKm2: number;
}

export const DEFAULT_NO_CAR_PARAMETERS: NoCarParameters = {
  walkSpeedKmh: 4.5,
  walkDetourFactor: 1.3,
  stopAccessMinutes: 10,
  waitMinutes: [5, 10, 45, 90],
  transitSpeedKmh: [15, 20, 30, 35],
  transitDetourFactor: 1.4,
  settledDensityPerKm2: 1500,
};

export const NO_CAR_JUSTIFICATIONS = {
  walkSpeedKmh:
    'Bas de la fourchette usuelle des vitesses de marche (4,5 à 5 km/h), pour des personnes ' +
    'âgées, chargées ou accompagnées d’enfants.',
  walkDetourFactor:
    'Les itinéraires à pied sont au moins aussi détournés que par la route : même coefficient ' +
    'qu’en voiture.',
  stopAccessMinutes:
    "Environ 400 m à pied jusqu'à l'arrêt à chaque extrémité, la zone de desserte usuelle d'un " +
    'arrêt de bus.',
  waitMinutes:
    'La moitié de l’intervalle entre deux passages, à l’extrémité la moins desservie : toutes les ' +
    '10 et 20 min en réseau urbain, toutes les 1 h 30 dans les bourgs, quelques cars par jour à ' +
    'la campagne. L’AQST (2019) mesure en moyenne 80 min d’attente et de correspondances pour un ' +
    'trajet rural de moins de 50 km, 5,3 fois plus long qu’en voiture.',
  transitSpeedKmh:
    'Vitesse commerciale sur le trajet de la ligne : 15 km/h pour les bus des villes de plus de ' +
    '250 000 habitants et 17 km/h ailleurs (UTP, cité par la FNAUT, 2024) ; les cars ' +
    'interurbains vont plus vite entre les villages mais s’arrêtent souvent.',
  transitDetourFactor:
    'Les lignes desservent des arrêts plutôt que d’aller droit : un peu plus que le coefficient ' +
    'de la route.',
  settledDensityPerKm2:
    'Pour un trajet dans la commune : la population occupe une zone bâtie à cette densité ' +
    '(1 500 hab./km², le seuil des centres urbains denses de la grille de densité de l’INSEE et ' +
    'd’Eurostat), au plus toute la commune ; le trajet va d’un logement au centre de cette zone.',
} as const;

export function checkNoCarParameters(p: NoCarParameters): void {
  checkPositive('vitesse de marche', p.walkSpeedKmh);
  checkPositive('détour à pied', p.walkDetourFactor);
  checkPositive('accès aux arrêts', p.stopAccessMinutes, true);
  p.waitMinutes.forEach((v, i) => checkPositive(`attente (densité ${i + 1})`, v, true));
  p.transitSpeedKmh.forEach((v, i) =>
    checkPositive(`vitesse des transports (densité ${i + 1})`, v),
  );
  checkPositive('détour des lignes', p.transitDetourFactor);
  checkPositive('densité des zones bâties', p.settledDensityPerKm2);
}

/**
 * Mean distance from a home to the centre of the built-up part of commune `c`, km: the
 * intrazonal distance of the area the population fills at `settledDensity`, at most the commune's.
 */
export function settledKm(net: TravelNetwork, c: number, settledDensity: number): number {
  const density = net.densityPerKm2[c] as number;
  const share = density > 0 ? Math.min(1, density / settledDensity) : 1;
  return (net.intraKm[c] as number) * Math.sqrt(share);
}

/** The legs of a trip without a car, as a tooltip shows them. */
export interface NoCarLegs {
  /** Walked all the way, or by public transport. */
  by: 'marche' | 'transports';
  /** Walking to the stop and from the last one (or the whole walk). */
  walkMinutes: number;
  waitMinutes: number;
  rideMinutes: number;
}

/** The legs of the estimated trip from commune `a` to a site in commune `b`. */
export function noCarLegs(net: TravelNetwork, p: NoCarParameters, a: number, b: number): NoCarLegs {
  const km = a === b ? settledKm(net, a, p.settledDensityPerKm2) : networkKm(net, a, b);
  const da = net.densityIndex[a] as number;
  const db = net.densityIndex[b] as number;
  const walk = ((60 * p.walkDetourFactor) / p.walkSpeedKmh) * km;
  const wait = Math.max(p.waitMinutes[da] as number, p.waitMinutes[db] as number);
  const ride =
    (km *
      ((60 * p.transitDetourFactor) / (p.transitSpeedKmh[da] as number) +
        (60 * p.transitDetourFactor) / (p.transitSpeedKmh[db] as number))) /
    2;
  return walk <= p.stopAccessMinutes + wait + ride
    ? { by: 'marche', walkMinutes: walk, waitMinutes: 0, rideMinutes: 0 }
    : { by: 'transports', walkMinutes: p.stopAccessMinutes, waitMinutes: wait, rideMinutes: ride };
}

export function noCarModel(net: TravelNetwork, p: NoCarParameters): TravelModel {
  checkNoCarParameters(p);
  const walkPerKm = (60 * p.walkDetourFactor) / p.walkSpeedKmh;
  const ridePerKm = p.transitSpeedKmh.map((v) => (60 * p.transitDetourFactor) / v);
  const wait = p.waitMinutes;
  return pointModel(net, {
    id: 'sans-voiture',
    label: 'Approximation sans voiture (marche ou transports en commun)',
    description:
      'Approximation prudente, sans horaires ni lignes : le plus court entre la marche et un ' +
      'trajet en transports en commun estimé (marche jusqu’aux arrêts, attente selon la densité ' +
      'de la commune la moins desservie, vitesse commerciale selon la densité). Importez une ' +
      'matrice de temps en transports en commun pour des temps mesurés.',
    approximation: true,
    accessMinutes: 0,
    parameters: [
      {
        id: 'walkSpeedKmh',
        label: 'Vitesse de marche',
        value: p.walkSpeedKmh,
        unit: 'km/h',
        justification: NO_CAR_JUSTIFICATIONS.walkSpeedKmh,
      },
      {
        id: 'walkDetourFactor',
        label: 'Coefficient de détour à pied',
        value: p.walkDetourFactor,
        unit: '',
        justification: NO_CAR_JUSTIFICATIONS.walkDetourFactor,
      },
      {
        id: 'stopAccessMinutes',
        label: 'Marche jusqu’aux arrêts (aller et arrivée)',
        value: p.stopAccessMinutes,
        unit: 'min',
        justification: NO_CAR_JUSTIFICATIONS.stopAccessMinutes,
      },
      {
        id: 'waitMinutes',
        label: 'Attente moyenne (dense, intermédiaire, peu dense, très peu dense)',
        value: p.waitMinutes,
        unit: 'min',
        justification: NO_CAR_JUSTIFICATIONS.waitMinutes,
      },
      {
        id: 'transitSpeedKmh',
        label: 'Vitesse commerciale (dense, intermédiaire, peu dense, très peu dense)',
        value: p.transitSpeedKmh,
        unit: 'km/h',
        justification: NO_CAR_JUSTIFICATIONS.transitSpeedKmh,
      },
      {
        id: 'transitDetourFactor',
        label: 'Coefficient de détour des lignes',
        value: p.transitDetourFactor,
        unit: '',
        justification: NO_CAR_JUSTIFICATIONS.transitDetourFactor,
      },
      {
        id: 'settledDensityPerKm2',
        label: 'Densité des zones bâties (trajets dans la commune)',
        value: p.settledDensityPerKm2,
        unit: 'hab./km²',
        justification: NO_CAR_JUSTIFICATIONS.settledDensityPerKm2,
      },
    ],
    pairMinutes: (km, a, b) => {
      const da = net.densityIndex[a] as number;
      const db = net.densityIndex[b] as number;
      const walk = walkPerKm * km;
      const transit =
        p.stopAccessMinutes +
        Math.max(wait[da] as number, wait[db] as number) +
        (km * ((ridePerKm[da] as number) + (ridePerKm[db] as number))) / 2;
      return Math.min(walk, transit);
    },
    localMinutes: () => 0,
    withinKm: (c) => settledKm(net, c, p.settledDensityPerKm2),
    minMinutesPerKm: Math.min(walkPerKm, ...ridePerKm),
  });
}
