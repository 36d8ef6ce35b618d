/**
 * The one interface every query runs through. The browser implements it over DuckDB-WASM in a
 * worker (`duckdb-browser.ts`), Node and the tests over the same DuckDB-WASM build, blocking
 * (`duckdb-node.ts`), so the SQL in `queries/` is tested exactly as the browser runs it.
 */
import type { TableRow } from './tables.ts';

export type SqlValue = string | number | boolean | null;

export interface Db {
  /** Run one statement with `?` parameters bound in order; rows come back as plain objects. */
  query<T extends object = TableRow>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Create (or replace) `table` from an Arrow IPC stream. */
  insertArrow(table: string, ipc: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** Extensions cannot be downloaded offline: fail at once instead of hanging on autoload. */
export const OFFLINE_SETTINGS = [
  'SET autoinstall_known_extensions=false',
  'SET autoload_known_extensions=false',
];

/** Table names are code constants, never user text; this guards the one place they are spliced. */
export function assertIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Nom de table invalide : ${name}`);
  return name;
}
