/**
 * Checking a travel-time model against published access curves: the share of a département's
 * population living within 5, 10, … 60 minutes of the nearest site. INSEE publishes such curves for
 * every equipment of its Base permanente des équipements (car time by road from a 200 m population
 * grid, Metric-OSRM distancier, free flow); the RESP 2025 data re-publishes them per département
 * (see the README of the open-data folder's `reference/`).
 *
 * Curves compare at 10, 15, 20 and 30 minutes, the thresholds a planner reads; the error of a
 * département is the mean absolute difference over those four, in points of percentage.
 */
import { parseCsv } from '../import/csv.ts';

/** Thresholds of the published curves, minutes. */
export const CURVE_MINUTES = [5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60] as const;
/** Thresholds the error is measured on. */
export const COMPARED_MINUTES = [10, 15, 20, 30] as const;
/** A département is "close" when its error is at most this many points. */
export const CLOSE_POINTS = 3;

/** One published curve: the share (%, 0–100) within each threshold of CURVE_MINUTES. */
export interface ReferenceCurve {
  departement: string;
  name: string;
  /** Minutes → share (%). */
  shares: ReadonlyMap<number, number>;
}

/**
 * Reads a curve file in the format of INSEE's per-département access table: one row per
 * département, a column `dep` (or `departement`, `code`), an optional name (`LIBGEO`, `nom`), and
 * columns `5min` … `60min` (or `5`, `5_min`) with shares in % (0–100). Decimal commas are read.
 */
export function parseReferenceCurves(text: string): ReferenceCurve[] {
  const t = parseCsv(text.replace(/^\uFEFF/, ''));
  const header = t.header.map((h) => h.trim().toLowerCase());
  const depAt = header.findIndex((h) => ['dep', 'departement', 'département', 'code'].includes(h));
  if (depAt < 0) throw new Error('Fichier de référence : colonne « dep » introuvable.');
  const nameAt = header.findIndex((h) => ['libgeo', 'nom', 'name', 'libelle'].includes(h));
  const columns: [number, number][] = [];
  header.forEach((h, i) => {
    const m = /^(\d+)\s*_?\s*(min)?$/.exec(h);
    if (m && i !== depAt) columns.push([Number(m[1]), i]);
  });
  if (columns.length === 0) {
    throw new Error('Fichier de référence : aucune colonne de seuil (« 10min », « 15min »…).');
  }
  for (const need of COMPARED_MINUTES) {
    if (!columns.some(([m]) => m === need)) {
      throw new Error(`Fichier de référence : colonne du seuil ${need} min absente.`);
    }
  }
  return t.records.flatMap((r) => {
    const dep = (r.cells[depAt] ?? '').trim();
    if (!dep) return [];
    const shares = new Map<number, number>();
    for (const [m, i] of columns) {
      const v = Number((r.cells[i] ?? '').trim().replace(',', '.'));
      if (!Number.isFinite(v) || v < 0 || v > 100.0001) {
        throw new Error(
          `Fichier de référence, ligne ${r.line} : part invalide au seuil ${m} min (« ${r.cells[i] ?? ''} »).`,
        );
      }
      shares.set(m, v);
    }
    return [
      {
        departement: dep.padStart(2, '0').toUpperCase(),
        name: nameAt >= 0 ? (r.cells[nameAt] ?? '').trim() : dep,
        shares,
      },
    ];
  });
}

/**
 * Share (%) of the population whose time is at most each threshold: a commune counts whole, at
 * its time (the time from its chef-lieu, where the car model places its inhabitants).
 */
export function accessCurve(
  minutes: ArrayLike<number>,
  population: ArrayLike<number>,
  thresholds: readonly number[] = CURVE_MINUTES,
): Map<number, number> {
  let total = 0;
  const within = thresholds.map(() => 0);
  for (let c = 0; c < minutes.length; c++) {
    const p = population[c] as number;
    const t = minutes[c] as number;
    total += p;
    thresholds.forEach((m, k) => {
      if (t <= m) within[k] = (within[k] as number) + p;
    });
  }
  return new Map(
    thresholds.map((m, k) => [m, total > 0 ? (100 * (within[k] as number)) / total : 0]),
  );
}

/** The model against the reference at the compared thresholds. */
export interface CurveComparison {
  /** One entry per compared threshold. */
  points: { minutes: number; model: number; reference: number }[];
  /** Mean absolute difference over the compared thresholds, points of %. */
  meanAbsError: number;
}

export function compareCurves(
  model: ReadonlyMap<number, number>,
  reference: ReadonlyMap<number, number>,
): CurveComparison {
  const points = COMPARED_MINUTES.map((m) => {
    const a = model.get(m);
    const b = reference.get(m);
    if (a === undefined || b === undefined) throw new Error(`Seuil ${m} min absent d'une courbe.`);
    return { minutes: m, model: a, reference: b };
  });
  const meanAbsError =
    points.reduce((s, p) => s + Math.abs(p.model - p.reference), 0) / points.length;
  return { points, meanAbsError };
}

export interface ValidationSummary {
  count: number;
  medianError: number | null;
  worstError: number | null;
  /** Code of the département with the worst error. */
  worst: string | null;
  /** Départements within CLOSE_POINTS points. */
  close: number;
}

export function summariseValidation(
  rows: readonly { departement: string; meanAbsError: number }[],
): ValidationSummary {
  if (rows.length === 0) {
    return { count: 0, medianError: null, worstError: null, worst: null, close: 0 };
  }
  const errors = rows.map((r) => r.meanAbsError).sort((a, b) => a - b);
  const mid = errors.length >> 1;
  const median =
    errors.length % 2
      ? (errors[mid] as number)
      : ((errors[mid - 1] as number) + (errors[mid] as number)) / 2;
  const worstRow = rows.reduce((a, b) => (b.meanAbsError > a.meanAbsError ? b : a));
  return {
    count: rows.length,
    medianError: median,
    worstError: worstRow.meanAbsError,
    worst: worstRow.departement,
    close: rows.filter((r) => r.meanAbsError <= CLOSE_POINTS).length,
  };
}
