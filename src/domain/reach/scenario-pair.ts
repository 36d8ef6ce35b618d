/**
 * Two saved scenarios side by side: the figures beyond N minutes of each, by territory and in
 * all, and the difference B − A. Two scenarios compare only under the same assumptions (travel
 * mode, threshold, kinds of sites, need indicator, travel-time model): otherwise the difference
 * would mix what the proposals change with what the settings change.
 */
import type { ReachAssumptions } from './scenario.ts';
import type { ReachFigures, ReachSummary } from './summary.ts';

export interface ScenarioSnapshot {
  /** How the user knows it: « A : 2 modifications ». */
  label: string;
  assumptions: ReachAssumptions;
  summary: ReachSummary;
}

export interface PairRow {
  code: string;
  name: string;
  a: ReachFigures;
  b: ReachFigures;
}

/** Why two scenarios cannot be compared, in words; null when they can. */
export function incomparable(a: ScenarioSnapshot, b: ScenarioSnapshot): string | null {
  const x = a.assumptions;
  const y = b.assumptions;
  if (x.maxMinutes !== y.maxMinutes)
    return `seuils différents (${x.maxMinutes} et ${y.maxMinutes} min)`;
  if (x.mode !== y.mode) return 'modes de déplacement différents';
  if (x.needId !== y.needId) return 'publics de référence différents';
  if ([...x.kinds].sort().join() !== [...y.kinds].sort().join())
    return 'types de lieux comptés différents';
  if (
    JSON.stringify([x.car, x.noCar, x.matrices]) !== JSON.stringify([y.car, y.noCar, y.matrices])
  ) {
    return 'paramètres de temps de trajet différents';
  }
  return null;
}

/** The territories (in A's order) and the whole, each with A's and B's figures. */
export function pairRows(
  a: ReachSummary,
  b: ReachSummary,
): { total: PairRow; territories: PairRow[] } {
  const byCode = new Map(b.territories.map((t) => [t.code, t]));
  return {
    total: { code: '*', name: 'Ensemble du département', a: a.total, b: b.total },
    territories: a.territories.flatMap((t) => {
      const other = byCode.get(t.code);
      return other ? [{ code: t.code, name: t.name, a: t, b: other }] : [];
    }),
  };
}
