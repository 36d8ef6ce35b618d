/**
 * The difference map of two scenarios: for every commune, how B's travel time to the nearest site
 * compares with A's. The classes that cross the threshold are those the comparison table counts
 * (a commune is beyond N minutes when its time is more than N), so the communes coloured « B
 * mieux » are exactly those whose people leave the « au-delà » figure between A and B.
 */

/** Classes from B better to B worse, the neutral one in the middle (a diverging legend). */
export const PAIR_CLASS_IDS = ['enters', 'closer', 'same', 'farther', 'leaves'] as const;
export type PairClassId = (typeof PAIR_CLASS_IDS)[number];

/** A change smaller than this (rounding of estimated times) is no change. */
export const SAME_TIME_MINUTES = 0.5;

/** No time for the commune in one of the scenarios (not in the travel network). */
export const PAIR_NO_DATA = -1;

/** The legend's words of each class, for a threshold. */
export function pairClassLabels(maxMinutes: number): Record<PairClassId, string> {
  return {
    enters: `B mieux : à ${maxMinutes} min ou moins avec B, au-delà avec A`,
    closer: 'B mieux : plus proche, sans changer de côté du seuil',
    same: 'inchangé (écart de moins de 30 s)',
    farther: 'B moins bien : plus loin, sans changer de côté du seuil',
    leaves: `B moins bien : au-delà de ${maxMinutes} min avec B, à ${maxMinutes} min ou moins avec A`,
  };
}

/**
 * Class (index in PAIR_CLASS_IDS) of every commune, in network order, or PAIR_NO_DATA where a
 * time is missing. Times beyond the engine's horizon are Infinity: such a commune is beyond the
 * threshold, and unchanged when it is so in both.
 */
export function pairDifferenceClasses(
  aMinutes: ArrayLike<number>,
  bMinutes: ArrayLike<number>,
  maxMinutes: number,
): Int8Array {
  if (aMinutes.length !== bMinutes.length) {
    throw new Error('Les deux scénarios ne portent pas sur les mêmes communes.');
  }
  const out = new Int8Array(aMinutes.length);
  for (let i = 0; i < aMinutes.length; i++) {
    const a = aMinutes[i] as number;
    const b = bMinutes[i] as number;
    if (Number.isNaN(a) || Number.isNaN(b)) out[i] = PAIR_NO_DATA;
    else if (a > maxMinutes && b <= maxMinutes) out[i] = 0;
    else if (a <= maxMinutes && b > maxMinutes) out[i] = 4;
    else if (a === b || Math.abs(b - a) < SAME_TIME_MINUTES) out[i] = 2;
    else out[i] = b < a ? 1 : 3;
  }
  return out;
}

export interface PairClassTotal {
  communes: number;
  population: number;
  /** Indices (network order) of the communes of the class. */
  members: number[];
}

/** Communes and inhabitants of each class, and of the communes without data. */
export function pairClassTotals(
  classes: Int8Array,
  population: ArrayLike<number>,
): { byClass: PairClassTotal[]; noData: PairClassTotal } {
  const byClass = PAIR_CLASS_IDS.map(() => ({
    communes: 0,
    population: 0,
    members: [] as number[],
  }));
  const noData: PairClassTotal = { communes: 0, population: 0, members: [] };
  for (let i = 0; i < classes.length; i++) {
    const k = classes[i] as number;
    const t = k === PAIR_NO_DATA ? noData : (byClass[k] as PairClassTotal);
    t.communes++;
    t.population += population[i] as number;
    t.members.push(i);
  }
  return { byClass, noData };
}
