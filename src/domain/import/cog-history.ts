/**
 * Millésime harmonisation: the INSEE passage tables (commune code changes between two COG years)
 * composed into one mapping from any older code to the code of the target year. Merges (`f`,
 * fusion) and code changes map one old commune to one new one; a split (`d`, défusion) cannot
 * carry a polygon or a count to the right part and is reported instead of guessed.
 */
import { ReportBuilder, type ValidationReport } from './report.ts';
import { cellAt, findColumn, type TableInput } from './table.ts';

export interface PassageStep {
  fromYear: number;
  toYear: number;
  from: string;
  to: string;
  date: string;
  /** INSEE modification type: f fusion, d défusion, … */
  type: string;
}

export function readPassageTable(table: TableInput): PassageStep[] {
  const h = table.header;
  const col = {
    fromYear: findColumn(h, ['cog_from']),
    toYear: findColumn(h, ['cog_to']),
    from: findColumn(h, ['cod_from']),
    to: findColumn(h, ['cod_to']),
    date: findColumn(h, ['date']),
    type: findColumn(h, ['typemodif']),
  };
  return Array.from(table.records, (r) => ({
    fromYear: Number(cellAt(r, col.fromYear)),
    toYear: Number(cellAt(r, col.toYear)),
    from: cellAt(r, col.from),
    to: cellAt(r, col.to),
    date: cellAt(r, col.date),
    type: cellAt(r, col.type),
  }));
}

export interface CodeChange {
  /** Current code of the target year, or null when the commune was split. */
  to: string | null;
  /** The steps followed, for the report ("fusion 2018-09-25 dans 62154"). */
  reason: string;
}

/**
 * Old code → code in `targetYear`, following the steps year by year. Codes that do not change
 * are absent from the result.
 */
export function composePassages(
  steps: readonly PassageStep[],
  targetYear: number,
): Map<string, CodeChange> {
  const byYear = new Map<number, PassageStep[]>();
  for (const s of steps) {
    if (s.toYear > targetYear) continue;
    const list = byYear.get(s.fromYear) ?? [];
    list.push(s);
    byYear.set(s.fromYear, list);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const out = new Map<string, CodeChange>();
  const starts = new Set(steps.filter((s) => s.from !== s.to).map((s) => s.from));
  for (const start of starts) {
    let codes = [start];
    const reasons: string[] = [];
    for (const y of years) {
      const next: string[] = [];
      for (const code of codes) {
        const moves = (byYear.get(y) ?? []).filter((s) => s.from === code);
        if (moves.length === 0) next.push(code);
        else {
          for (const m of moves) next.push(m.to);
          const changed = moves.filter((m) => m.to !== code);
          if (changed.length > 0) {
            const kind =
              changed[0]?.type === 'd'
                ? 'défusion'
                : changed[0]?.type === 'f'
                  ? 'fusion'
                  : 'changement de code';
            reasons.push(
              `${kind} ${changed[0]?.date ?? ''} → ${[...new Set(moves.map((m) => m.to))].join(', ')}`.trim(),
            );
          }
        }
      }
      codes = [...new Set(next)];
    }
    if (codes.length === 1 && codes[0] === start) continue;
    out.set(start, {
      to: codes.length === 1 ? (codes[0] as string) : null,
      reason: reasons.join(' ; '),
    });
  }
  return out;
}

/** Population of each commune from INSEE's "population municipale" table (CODGEO, POP). */
export function parsePopulation(
  table: TableInput,
  dep: string,
  known: ReadonlySet<string>,
  meta: { inputId: string; label: string; sourceId: string },
): { population: Map<string, number>; report: ValidationReport } {
  const report = new ReportBuilder({
    ...meta,
    fileName: table.fileName,
    format: table.format,
    header: table.header,
  }).readsFrom(table);
  const col = {
    code: findColumn(table.header, ['CODGEO', 'code_insee', 'COM']),
    pop: findColumn(table.header, ['POP', 'PMUN', 'population']),
  };
  const population = new Map<string, number>();
  for (const r of table.records) {
    report.read();
    const code = cellAt(r, col.code).trim().padStart(5, '0');
    if (!code.startsWith(dep) || (dep.length === 2 && code.startsWith('97'))) {
      report.ignore(r.line, 'other_departement');
      continue;
    }
    if (!known.has(code)) {
      report.reject(r.line, 'insee_unknown', r.cells, code);
      continue;
    }
    const v = Number(cellAt(r, col.pop).replace(/\s/g, ''));
    if (!Number.isFinite(v) || v < 0) {
      report.reject(r.line, 'value_invalid', r.cells, `« ${cellAt(r, col.pop)} »`);
      continue;
    }
    population.set(code, v);
    report.keep();
  }
  return { population, report: report.build() };
}
