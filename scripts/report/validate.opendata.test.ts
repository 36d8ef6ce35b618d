/**
 * The default car model against INSEE's published access curves (share of the population within
 * 10, 15, 20 and 30 min of the nearest France Services), on every département of the open-data
 * folder's `reference/` whose contours are there. Built in memory from the open-data folder
 * (skipped, with a message, when it is absent); the expected shares are read from the reference
 * file, never copied here.
 *
 * Calvados (14) is reported but not held to the bound: its reference puts only 27.6 % of the
 * population within 5 min although the communes that host a France Services of the 2024 list hold
 * 41.8 % of it, so no travel model over that list can reproduce it (README, "Calibration").
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReferenceCurves } from '../../src/domain/travel/validation.ts';
import { loadBundle } from '../lib/demo-db.ts';
import { buildDepartement } from '../opendata/build-departement.ts';
import { HAS_OPENDATA, OPENDATA_DIR, SKIP_MESSAGE } from '../opendata/opendata-dir.ts';
import { validateDataset } from './validate.ts';

const REFERENCE = join(
  OPENDATA_DIR,
  'reference',
  'insee-acces-france-services-par-departement.csv',
);
const HAS_REFERENCE = HAS_OPENDATA && existsSync(REFERENCE);
if (!HAS_REFERENCE) console.warn(`${SKIP_MESSAGE} (courbes de référence : ${REFERENCE})`);

/** Within this many points of INSEE, on average over 10, 15, 20 and 30 min. */
const BOUND_POINTS = 2;
const NOT_HELD = new Set(['14']);

describe.skipIf(!HAS_REFERENCE)('default car model against INSEE access curves', () => {
  const curves = HAS_REFERENCE ? parseReferenceCurves(readFileSync(REFERENCE, 'utf8')) : [];
  it.each(curves.map((c) => [c.departement, c] as const))(
    'département %s',
    async (dep, reference) => {
      const built = buildDepartement({ dep, from: OPENDATA_DIR });
      const loaded = await loadBundle(built.bundle);
      try {
        const row = await validateDataset(loaded.db, loaded.meta, reference, {
          kinds: ['france_services'],
          mode: 'voiture',
        });
        console.info(
          `${dep} : écart moyen ${row.meanAbsError} point(s) ; ` +
            row.points.map((p) => `${p.minutes} min ${p.model} / ${p.reference}`).join(', '),
        );
        if (!NOT_HELD.has(dep)) {
          expect(row.meanAbsError).toBeLessThanOrEqual(BOUND_POINTS);
          return;
        }
        // Why it is not held: the population of the communes that host a site exceeds the share
        // the reference puts within 5 min, which no model over these sites can reproduce.
        const { communes, sites } = built.bundle;
        const hosts = new Set(
          sites.filter((s) => s.kind === 'france_services').map((s) => s.communeCode),
        );
        const total = communes.reduce((a, c) => a + c.population, 0);
        const hosted = communes
          .filter((c) => hosts.has(c.code))
          .reduce((a, c) => a + c.population, 0);
        expect((100 * hosted) / total).toBeGreaterThan((reference.shares.get(5) as number) + 10);
      } finally {
        await loaded.db.close();
      }
    },
    60_000,
  );
});
