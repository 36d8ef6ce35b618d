/**
 * Imported files in DuckDB: their sites join the `sites` table, their territories a scheme of
 * their own, their source the `sources` table, so every query of the app counts them like the
 * dataset's own records. Each import is removed by its source id (and scheme id). Rows go in as
 * Arrow (no SQL text is built from file contents); every other value is a bound parameter.
 */
import type { Membership, NeedValue, Site, Source, Territory } from '../../domain/model.ts';
import type { Epci } from '../../domain/import/pti-territories.ts';
import type { Db } from '../db.ts';
import {
  encodeTable,
  membershipToRow,
  needToRow,
  siteToRow,
  sourceToRow,
  territoryToRow,
} from '../tables.ts';

const STAGING = {
  sites: 'import_staging_sites',
  territories: 'import_staging_territories',
  memberships: 'import_staging_memberships',
  needs: 'import_staging_needs',
  sources: 'import_staging_sources',
} as const;

async function append<T>(
  db: Db,
  table: keyof typeof STAGING,
  records: readonly T[],
  toRow: (r: T) => Record<string, string | number | null>,
): Promise<void> {
  if (records.length === 0) return;
  await appendIpc(db, table, encodeTable(table, records.map(toRow)));
}

/** Appends rows given as an Arrow IPC stream (a copy: the engine may take the buffer over). */
async function appendIpc(db: Db, table: keyof typeof STAGING, ipc: Uint8Array): Promise<void> {
  const staging = STAGING[table];
  await db.insertArrow(staging, ipc);
  try {
    await db.query(`INSERT INTO ${table} SELECT * FROM ${staging}`);
  } finally {
    await db.query(`DROP TABLE IF EXISTS ${staging}`);
  }
}

export interface ImportedRecords {
  source: Source;
  sites: readonly Site[];
  /** The same sites as Arrow IPC streams in Blobs, when encoded already (by the import worker). */
  siteChunks?: readonly Blob[];
  /** The same as one Arrow IPC stream (imports stored before the chunks). */
  sitesIpc?: Uint8Array;
  territories: readonly Territory[];
  memberships: readonly Membership[];
  needs?: readonly NeedValue[];
}

/** Adds an import's records; an import already present (same source id) is replaced. */
export async function applyImport(db: Db, r: ImportedRecords): Promise<void> {
  await removeImport(db, r.source.id, r.territories[0]?.schemeId ?? null);
  await append(db, 'sources', [r.source], sourceToRow);
  // Chunk by chunk: each is read from its Blob off the page and reaches the engine in one
  // message of a few megabytes, never one copy of them all.
  if (r.siteChunks && r.siteChunks.length > 0)
    for (const chunk of r.siteChunks)
      await appendIpc(db, 'sites', new Uint8Array(await chunk.arrayBuffer()));
  else if (r.sitesIpc) await appendIpc(db, 'sites', r.sitesIpc.slice());
  else await append(db, 'sites', r.sites, siteToRow);
  await append(db, 'territories', r.territories, territoryToRow);
  await append(db, 'memberships', r.memberships, membershipToRow);
  await append(db, 'needs', r.needs ?? [], needToRow);
}

export async function removeImport(
  db: Db,
  sourceId: string,
  schemeId: string | null,
): Promise<void> {
  await db.query('DELETE FROM sites WHERE source_id = ?', [sourceId]);
  await db.query('DELETE FROM needs WHERE source_id = ?', [sourceId]);
  await db.query('DELETE FROM sources WHERE id = ?', [sourceId]);
  if (schemeId) {
    await db.query('DELETE FROM territories WHERE scheme_id = ?', [schemeId]);
    await db.query('DELETE FROM memberships WHERE scheme_id = ?', [schemeId]);
  }
}

/** The EPCI of the dataset with their communes, for territory files that name EPCI. */
export async function listEpcis(db: Db): Promise<Epci[]> {
  const rows = await db.query<{ code: string; name: string; communes: string }>(
    `SELECT t.code, t.name, string_agg(m.commune_code, ',' ORDER BY m.commune_code) AS communes
     FROM territories t JOIN memberships m ON m.scheme_id = t.scheme_id AND m.territory_code = t.code
     WHERE t.scheme_id = ? GROUP BY 1, 2 ORDER BY 1`,
    ['epci'],
  );
  return rows.map((r) => ({ code: r.code, name: r.name, communes: r.communes.split(',') }));
}
