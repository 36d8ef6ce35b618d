/**
 * DuckDB-WASM in Node (Vitest, the report command): the blocking build, same engine and SQL as
 * the browser. Never imported by the app.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { OFFLINE_SETTINGS, assertIdentifier, type Db, type SqlValue } from './db.ts';
import { arrowToRows } from './tables.ts';

export async function openNodeDb(): Promise<Db> {
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm'));
  const bundles = {
    mvp: {
      mainModule: join(dist, 'duckdb-mvp.wasm'),
      mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs'),
    },
    eh: {
      mainModule: join(dist, 'duckdb-eh.wasm'),
      mainWorker: join(dist, 'duckdb-node-eh.worker.cjs'),
    },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  const conn = db.connect();
  for (const s of OFFLINE_SETTINGS) conn.query(s);

  return {
    async query<T extends object>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
      let table;
      if (params.length === 0) table = conn.query(sql);
      else {
        const stmt = conn.prepare(sql);
        try {
          table = stmt.query(...params);
        } finally {
          stmt.close();
        }
      }
      return arrowToRows(table) as T[];
    },
    async insertArrow(name: string, ipc: Uint8Array): Promise<void> {
      conn.query(`DROP TABLE IF EXISTS ${assertIdentifier(name)}`);
      conn.insertArrowFromIPCStream(ipc, { name, create: true });
    },
    async close(): Promise<void> {
      conn.close();
      db.reset();
    },
  };
}
