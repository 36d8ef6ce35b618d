/**
 * Where the real open-data files are for the tests: OPENDATA_DIR, else ../shared/opendata beside
 * the repository. Tests that need them skip with this message when the folder is absent.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const OPENDATA_DIR =
  process.env.OPENDATA_DIR ?? resolve(import.meta.dirname, '..', '..', '..', 'shared', 'opendata');

export const HAS_OPENDATA = existsSync(resolve(OPENDATA_DIR, 'README.md'));

export const SKIP_MESSAGE = `Tests sur données réelles ignorés : dossier ${OPENDATA_DIR} absent (définir OPENDATA_DIR).`;
