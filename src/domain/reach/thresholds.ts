/**
 * Reach at several thresholds side by side (10, 20, 30 and 45 min by default, or the user's
 * list), by territory: one summary per threshold over the same travel times.
 */
import {
  summariseReach,
  type ReachFigures,
  type ReachPeople,
  type TerritoryIndex,
} from './summary.ts';

export const DEFAULT_THRESHOLDS_MINUTES: readonly number[] = [10, 20, 30, 45];
const MAX_THRESHOLDS = 8;

/**
 * Reads "10, 20, 30 45" into ascending distinct whole minutes. Times are known up to the
 * horizon only (beyond it a commune is "beyond", by how much is not computed), so a threshold
 * above it is refused.
 */
export function parseThresholds(
  text: string,
  horizonMinutes: number,
): { minutes: number[]; error: string | null } {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  const bad = parts.filter((p) => !/^\d+$/.test(p) || Number(p) < 1);
  if (bad.length > 0) {
    return { minutes: [], error: `Seuil illisible : « ${bad[0]} » (des minutes entières).` };
  }
  const minutes = [...new Set(parts.map(Number))].sort((a, b) => a - b);
  if (minutes.length === 0) return { minutes, error: 'Donnez au moins un seuil.' };
  if (minutes.length > MAX_THRESHOLDS) {
    return { minutes: [], error: `${MAX_THRESHOLDS} seuils au plus.` };
  }
  const over = minutes.find((m) => m > horizonMinutes);
  if (over !== undefined) {
    return {
      minutes: [],
      error: `${over} min dépasse l'horizon du calcul (${horizonMinutes} min) : au-delà, les temps ne sont pas calculés.`,
    };
  }
  return { minutes, error: null };
}

export interface ThresholdRow {
  code: string;
  name: string;
  /** The figures beyond each threshold, in the thresholds' order. */
  beyond: ReachFigures[];
}

/** The territories' and the département's figures beyond each threshold. */
export function reachByThresholds(
  minutes: Float64Array,
  people: ReachPeople,
  territories: TerritoryIndex,
  thresholds: readonly number[],
): { total: ThresholdRow; territories: ThresholdRow[] } {
  const summaries = thresholds.map((t) => summariseReach(minutes, people, territories, t));
  const first = summaries[0];
  return {
    total: { code: '', name: 'Ensemble', beyond: summaries.map((s) => s.total) },
    territories: (first?.territories ?? []).map((t, i) => ({
      code: t.code,
      name: t.name,
      beyond: summaries.map((s) => s.territories[i]!),
    })),
  };
}
