/**
 * Statistical secrecy for published counts of people.
 *
 * Primary suppression hides every count below the threshold (11 by default, the usual rule for
 * counts of people in French public statistics). Secondary suppression then hides enough other
 * cells that no hidden count can be recovered from what is published: a table is a set of cells
 * linked by additive constraints (a territory's total is the sum of its communes; the département
 * is the sum of the territories of every scheme), and a hidden cell is recoverable when those
 * constraints, with every published value, determine it. We check it exactly, by linear algebra
 * over the hidden cells, and suppress more until no hidden cell is determined; schemes that are
 * not nested (EPCI and bassins de vie) are handled alike, since every constraint enters the same
 * system. Counts being non-negative, a group whose hidden cells sum to zero would reveal them all
 * as zero: such groups get one more suppression too.
 *
 * A cell whose value anyone can tell from other published data (a count of people that is 0
 * because the territory has no inhabitant, by the INSEE legal population) protects nothing when
 * hidden, and an attacker would use it as a known constant anyway: such cells are `public`, never
 * suppressed, and enter the system as the published values they are.
 */

export interface Cell {
  id: string;
  value: number;
}

/** `total` equals the sum of `parts`. */
export interface SumConstraint {
  total: string;
  parts: string[];
}

export interface SecrecyResult {
  /** Ids of hidden cells. */
  suppressed: Set<string>;
  /** Hidden because below the threshold. */
  primary: Set<string>;
}

export const DEFAULT_SECRECY_THRESHOLD = 11;

const EPS = 1e-9;

/**
 * Which hidden cells the published values and the constraints determine. Gaussian elimination to
 * reduced row echelon form over the hidden cells; a cell is determined when a row of the reduced
 * form is the unit vector of that cell.
 */
export function determinedCells(
  cells: ReadonlyMap<string, number>,
  constraints: readonly SumConstraint[],
  suppressed: ReadonlySet<string>,
): Set<string> {
  const hidden = [...suppressed].filter((id) => cells.has(id));
  const col = new Map(hidden.map((id, i) => [id, i]));
  const rows: Map<number, number>[] = [];
  for (const c of constraints) {
    const row = new Map<number, number>();
    const add = (id: string, coef: number) => {
      const j = col.get(id);
      if (j !== undefined) row.set(j, (row.get(j) ?? 0) + coef);
    };
    add(c.total, -1);
    for (const p of c.parts) add(p, 1);
    for (const [j, v] of row) if (Math.abs(v) < EPS) row.delete(j);
    if (row.size > 0) rows.push(row);
  }
  // Sparse elimination: rows are small (a territory's communes), so maps beat dense arrays.
  const pivotRows: Map<number, number>[] = [];
  const pivotOf = new Map<number, Map<number, number>>();
  for (const original of rows) {
    const row = new Map(original);
    // Reduce by existing pivots.
    let changed = true;
    while (changed) {
      changed = false;
      for (const [j, v] of row) {
        const p = pivotOf.get(j);
        if (!p) continue;
        for (const [k, pv] of p) {
          const nv = (row.get(k) ?? 0) - v * pv;
          if (Math.abs(nv) < EPS) row.delete(k);
          else row.set(k, nv);
        }
        changed = true;
        break;
      }
    }
    if (row.size === 0) continue;
    // New pivot: the first column, normalised; eliminate it from the earlier pivot rows.
    const [pj, pv] = [...row.entries()].sort((a, b) => a[0] - b[0])[0] as [number, number];
    for (const [k, v] of row) row.set(k, v / pv);
    for (const other of pivotRows) {
      const f = other.get(pj);
      if (f === undefined) continue;
      for (const [k, v] of row) {
        const nv = (other.get(k) ?? 0) - f * v;
        if (Math.abs(nv) < EPS) other.delete(k);
        else other.set(k, nv);
      }
    }
    pivotRows.push(row);
    pivotOf.set(pj, row);
  }
  const out = new Set<string>();
  for (const [j, row] of pivotOf) {
    if (row.size === 1) out.add(hidden[j] as string);
  }
  return out;
}

/** Constraints whose hidden parts are revealed as zero: published total equals published parts. */
function zeroGroups(
  cells: ReadonlyMap<string, number>,
  constraints: readonly SumConstraint[],
  suppressed: ReadonlySet<string>,
): SumConstraint[] {
  return constraints.filter((c) => {
    if (suppressed.has(c.total)) return false;
    const hiddenParts = c.parts.filter((p) => suppressed.has(p));
    return hiddenParts.length > 0 && hiddenParts.every((p) => (cells.get(p) ?? 0) === 0);
  });
}

/**
 * Primary then secondary suppression. Among the published cells of a constraint that leaks, the
 * one with the smallest value is hidden next, so as little information as possible is lost.
 * @param publicCells cells whose value is known from elsewhere: never hidden (see above)
 */
export function applySecrecy(
  cellList: readonly Cell[],
  constraints: readonly SumConstraint[],
  threshold = DEFAULT_SECRECY_THRESHOLD,
  publicCells: ReadonlySet<string> = new Set(),
): SecrecyResult {
  const cells = new Map(cellList.map((c) => [c.id, c.value]));
  const primary = new Set(
    cellList.filter((c) => c.value < threshold && !publicCells.has(c.id)).map((c) => c.id),
  );
  const suppressed = new Set(primary);
  const byCell = new Map<string, SumConstraint[]>();
  for (const c of constraints) {
    for (const id of [c.total, ...c.parts]) {
      const list = byCell.get(id);
      if (list) list.push(c);
      else byCell.set(id, [c]);
    }
  }
  const smallestPublished = (c: SumConstraint, preferPositive: boolean): string | null => {
    let best: string | null = null;
    let bestV = Infinity;
    for (const id of [...c.parts, c.total]) {
      if (suppressed.has(id) || !cells.has(id) || publicCells.has(id)) continue;
      const v = cells.get(id) as number;
      if (preferPositive && v <= 0) continue;
      if (v < bestV) [best, bestV] = [id, v];
    }
    return best;
  };

  for (let guard = 0; guard < cellList.length + 1; guard++) {
    const leaks = determinedCells(cells, constraints, suppressed);
    const zeros = zeroGroups(cells, constraints, suppressed);
    if (leaks.size === 0 && zeros.length === 0) break;
    let added = false;
    for (const id of leaks) {
      // Hide one more cell in a constraint through which this one leaks.
      for (const c of byCell.get(id) ?? []) {
        const next = smallestPublished(c, false);
        if (next) {
          suppressed.add(next);
          added = true;
          break;
        }
      }
    }
    for (const c of zeros) {
      const next = smallestPublished(c, true) ?? smallestPublished(c, false);
      if (next) {
        suppressed.add(next);
        added = true;
      }
    }
    if (!added) break;
  }
  return { suppressed, primary };
}
