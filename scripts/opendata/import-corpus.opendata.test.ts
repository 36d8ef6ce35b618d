/**
 * The corpus of messy and hostile files (src/domain/import/fixtures/corpus.ts) through the command
 * line: each file is given to `npm run data` for the Meuse (55), with --offre, --caf or --pti,
 * and must give its expected report (reports.json) or stop the build with its refusal and a
 * non-zero exit. The same table runs through the app's import job and the browser.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CORPUS,
  corpusMismatches,
  observedOf,
  refusedObservation,
  type CorpusKind,
  type CorpusPlace,
  type ObservedReport,
} from '../../src/domain/import/fixtures/corpus.ts';
import type { ValidationReport } from '../../src/domain/import/report.ts';
import { buildDepartement } from './build-departement.ts';
import { HAS_OPENDATA, OPENDATA_DIR, SKIP_MESSAGE } from './opendata-dir.ts';

if (!HAS_OPENDATA) console.warn(SKIP_MESSAGE);

const DEP = '55';
const OPTION: Record<CorpusKind, string> = {
  offer: '--offre',
  needs: '--caf',
  territories: '--pti',
};

describe.skipIf(!HAS_OPENDATA)('the corpus through the command line', () => {
  let dir: string;
  let place: CorpusPlace;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-cli-'));
    const { bundle } = buildDepartement({ dep: DEP, from: OPENDATA_DIR });
    const communes = [...bundle.communes].sort((a, b) => a.code.localeCompare(b.code));
    const codes = new Set(communes.map((c) => c.code));
    const former = bundle.meta.formerCommunes?.find((f) => codes.has(f.currentCode));
    place = {
      dep: DEP,
      communes: communes.slice(0, 5),
      bbox: [
        Math.min(...communes.map((c) => c.lon)),
        Math.min(...communes.map((c) => c.lat)),
        Math.max(...communes.map((c) => c.lon)),
        Math.max(...communes.map((c) => c.lat)),
      ],
      ...(former ? { former: { code: former.code, currentCode: former.currentCode } } : {}),
    };
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(CORPUS.map((c) => [c.name, c] as const))(
    '%s',
    (_, c) => {
      if (c.needsFormer && !place.former) return;
      const file = join(dir, c.fileName);
      writeFileSync(file, c.file(place));
      const out = join(dir, 'out');
      rmSync(out, { recursive: true, force: true });
      const run = spawnSync(
        'npx',
        [
          'tsx',
          'scripts/build-data.ts',
          '--departement',
          DEP,
          '--from',
          OPENDATA_DIR,
          '--out',
          out,
          OPTION[c.kind],
          file,
        ],
        { encoding: 'utf8', cwd: join(import.meta.dirname, '..', '..') },
      );
      let observed: ObservedReport;
      if (run.status !== 0) observed = refusedObservation(run.stderr.trim());
      else {
        const reports = JSON.parse(
          readFileSync(join(out, `dep-${DEP}`, 'reports.json'), 'utf8'),
        ) as ValidationReport[];
        const report = reports.find((r) => r.fileName === c.fileName);
        expect(report, `rapport de ${c.fileName}`).toBeDefined();
        observed = observedOf(report!);
      }
      expect(corpusMismatches(c.expected, observed)).toEqual([]);
      // A refusal stops the build with a non-zero exit.
      if ('refused' in c.expected) expect(run.status).not.toBe(0);
    },
    90_000,
  );
});
