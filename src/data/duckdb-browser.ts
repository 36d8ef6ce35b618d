/**
 * DuckDB-WASM in the browser: the files come from this site (bundled by Vite), never from a CDN;
 * the engine runs in its own worker so queries never block the map.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { OFFLINE_SETTINGS, assertIdentifier, type Db, type SqlValue } from './db.ts';
import { arrowToRows } from './tables.ts';

export interface StartProgress {
  /** Bytes of the wasm module loaded so far, and in all (0 while unknown). */
  loaded: number;
  total: number;
}

// Relative URLs resolve against the page, so the site works from any sub-path.
const absolute = (url: string) => new URL(url, document.baseURI).href;

export async function openBrowserDb(onProgress?: (p: StartProgress) => void): Promise<Db> {
  // The threaded (coi) bundle is left out: it needs cross-origin isolation headers that a plain
  // static host does not send.
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: absolute(mvpWasm), mainWorker: absolute(mvpWorker) },
    eh: { mainModule: absolute(ehWasm), mainWorker: absolute(ehWorker) },
  });
  const worker = new Worker(bundle.mainWorker as string);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) =>
    onProgress?.({ loaded: p.bytesLoaded, total: p.bytesTotal }),
  );
  const conn = await db.connect();
  for (const s of OFFLINE_SETTINGS) await conn.query(s);

  return {
    async query<T extends object>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
      if (params.length === 0) return arrowToRows(await conn.query(sql)) as T[];
      const stmt = await conn.prepare(sql);
      try {
        return arrowToRows(await stmt.query(...params)) as T[];
      } finally {
        await stmt.close();
      }
    },
    async insertArrow(name: string, ipc: Uint8Array): Promise<void> {
      await conn.query(`DROP TABLE IF EXISTS ${assertIdentifier(name)}`);
      await conn.insertArrowFromIPCStream(ipc, { name, create: true });
    },
    async close(): Promise<void> {
      await conn.close();
      await db.terminate();
    },
  };
}
