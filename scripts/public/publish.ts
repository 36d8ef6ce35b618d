/**
 * The published (public) variant of a dataset: the same files, except that the need indicators,
 * which count people, leave as territory totals with statistical secrecy applied, and the
 * commune-level table they come from is not published at all.
 */
import { openNodeDb } from '../../src/data/duckdb-node.ts';
import { loadDatasetTables } from '../../src/data/load-dataset.ts';
import { allMemberships, needCells, needYear } from '../../src/data/queries/publication.ts';
import { DEPARTEMENT_SCHEME_ID } from '../../src/data/queries/schema.ts';
import { encodeTable, type TableRow } from '../../src/data/tables.ts';
import { firstFiguresBytes, firstFiguresOf } from '../lib/first-figures-step.ts';
import type { DatasetMeta } from '../../src/domain/model.ts';
import {
  DEFAULT_SECRECY_THRESHOLD,
  applySecrecy,
  type Cell,
  type SumConstraint,
} from '../../src/domain/secrecy.ts';

export interface PublishReport {
  indicator: string;
  cells: number;
  primary: number;
  secondary: number;
  /** Zeros published because the territory has no inhabitant (a zero anyone can tell). */
  structuralZeros: number;
}

export interface Published {
  files: Map<string, Uint8Array>;
  report: PublishReport[];
}

const cellId = (scheme: string, territory: string) => `${scheme}|${territory}`;

/** Builds the published files of one dataset from its artefacts (file name → bytes). */
export async function publishDataset(
  artefacts: ReadonlyMap<string, Uint8Array>,
  threshold = DEFAULT_SECRECY_THRESHOLD,
): Promise<Published> {
  const read = (name: string) => {
    const b = artefacts.get(name);
    if (!b) throw new Error(`Artefact absent : ${name}`);
    return b;
  };
  const meta = JSON.parse(new TextDecoder().decode(read('meta.json'))) as DatasetMeta;
  if (meta.tables.published_needs) throw new Error(`${meta.id} est déjà une version publiée.`);
  const db = await openNodeDb();
  try {
    await loadDatasetTables(db, meta, async (f) => read(f));
    const members = await allMemberships(db);
    // Additive constraints: each territory is the sum of its communes, and every scheme sums to
    // the département.
    const byTerritory = new Map<string, string[]>();
    const territoriesOf = new Map<string, Set<string>>();
    for (const m of members) {
      if (m.scheme_id === 'commune') continue;
      const id = cellId(m.scheme_id, m.territory_code);
      const list = byTerritory.get(id);
      if (list) list.push(cellId('commune', m.commune_code));
      else byTerritory.set(id, [cellId('commune', m.commune_code)]);
    }
    for (const m of members) {
      if (m.scheme_id === DEPARTEMENT_SCHEME_ID) continue;
      const set = territoriesOf.get(m.scheme_id) ?? new Set<string>();
      set.add(cellId(m.scheme_id, m.territory_code));
      territoriesOf.set(m.scheme_id, set);
    }
    const dep = cellId(DEPARTEMENT_SCHEME_ID, meta.departement.code);
    const constraints: SumConstraint[] = [
      ...[...byTerritory.entries()]
        .filter(([total]) => total !== dep)
        .map(([total, parts]) => ({ total, parts })),
      ...[...territoriesOf.values()].map((set) => ({ total: dep, parts: [...set] })),
    ];

    const rows: TableRow[] = [];
    const report: PublishReport[] = [];
    for (const indicator of meta.needIndicators) {
      const values = await needCells(db, indicator.id);
      const year = await needYear(db, indicator.id);
      // A territory none of whose communes has a value publishes no value: it is not a cell. In
      // the constraints its communes then count as known constants (their absence is public).
      const cells: Cell[] = values.flatMap((v) =>
        v.value === null ? [] : [{ id: cellId(v.scheme_id, v.territory_code), value: v.value }],
      );
      // A count of people in a territory without inhabitants is 0 for anyone who reads the INSEE
      // legal populations: hiding it protects nothing, and the other cells must be protected
      // against an attacker who knows it (secrecy.ts).
      const structuralZeros = new Set(
        values
          .filter((v) => v.value === 0 && v.population === 0)
          .map((v) => cellId(v.scheme_id, v.territory_code)),
      );
      const { suppressed, primary } = applySecrecy(cells, constraints, threshold, structuralZeros);
      for (const v of values) {
        const hidden = suppressed.has(cellId(v.scheme_id, v.territory_code));
        rows.push({
          scheme_id: v.scheme_id,
          territory_code: v.territory_code,
          indicator: indicator.id,
          value: hidden ? null : v.value,
          year,
          source_id: indicator.sourceId,
          communes_known: v.communes_known,
          communes_secret: v.communes_secret,
          population_known: v.population_known,
          suppressed: hidden ? 1 : 0,
        });
      }
      report.push({
        indicator: indicator.id,
        cells: cells.length,
        primary: primary.size,
        secondary: suppressed.size - primary.size,
        structuralZeros: structuralZeros.size,
      });
    }

    const files = new Map(artefacts);
    files.set('needs.arrow', encodeTable('needs', []));
    files.set('published_needs.arrow', encodeTable('published_needs', rows));
    const publishedMeta: DatasetMeta = {
      ...meta,
      tables: { ...meta.tables, published_needs: 'published_needs.arrow' },
      secrecyThreshold: threshold,
    };
    files.set('meta.json', new TextEncoder().encode(JSON.stringify(publishedMeta, null, 2) + '\n'));
    // The planner's snapshot holds the unpublished needs: the published one is computed again.
    if (meta.firstFigures)
      files.set(
        meta.firstFigures,
        firstFiguresBytes(await firstFiguresOf(publishedMeta, (f) => files.get(f))),
      );
    return { files, report };
  } finally {
    await db.close();
  }
}
