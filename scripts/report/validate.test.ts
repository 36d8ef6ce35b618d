import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedDataset } from '../lib/demo-db.ts';
import { sharedDemo, sharedDemoDb } from '../lib/test-fixtures.ts';
import { writeDataset } from '../lib/write-dataset.ts';
import { defaultAssumptions } from '../../src/domain/reach/scenario.ts';
import { reachReportFromDb } from './reach.ts';
import { main, type ValidationReport } from './validate.ts';

let dir: string;
let loaded: LoadedDataset;
let demo: ReturnType<typeof sharedDemo>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'validate-'));
  demo = sharedDemo();
  writeDataset(demo, join(dir, 'data'));
  loaded = await sharedDemoDb();
  writeFileSync(
    join(dir, 'ref.csv'),
    'Source,dep,LIBGEO,5min,10min,15min,20min,25min,30min,35min,40min,45min,50min,55min,60min\n' +
      'x,00,Démonstration,10,20,30,40,50,60,70,80,90,95,99,100\n',
  );
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
});

describe('validate report', () => {
  it('gives the same share within 30 min as the reach report, and the error from the reference', async () => {
    const out = await main(
      ['--reference', join(dir, 'ref.csv'), '--all', '--format', 'json'],
      join(dir, 'data'),
    );
    const r = JSON.parse(out) as ValidationReport;
    expect(r.rows).toHaveLength(1);
    const row = r.rows[0]!;
    expect(row.departement).toBe('00');
    const reach = await reachReportFromDb(loaded.db, loaded.meta, {
      assumptions: { ...defaultAssumptions(), kinds: ['france_services'] },
      edits: [],
    });
    const within30 = 100 * (1 - reach.total.populationBeyond / reach.total.population);
    expect(row.curve['30']).toBeCloseTo(within30, 2);
    const ref = { 10: 20, 15: 30, 20: 40, 30: 60 } as Record<number, number>;
    const mae = row.points.reduce((s, p) => s + Math.abs(p.model - ref[p.minutes]!), 0) / 4;
    expect(row.meanAbsError).toBeCloseTo(mae, 1);
    expect(r.summary).toMatchObject({ count: 1, worst: '00' });
  });

  it('writes CSV with the summary block, and refuses a missing reference or an unknown dataset', async () => {
    const csv = await main(['--reference', join(dir, 'ref.csv')], join(dir, 'data'));
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(
      /^departement,nom,jeu,modele,sites,sites_hors_departement,modele_10min,reference_10min/,
    );
    expect(lines[1]).toMatch(/^00,Démonstration,demo,/);
    expect(lines[2]).toBe('');
    expect(lines[3]).toMatch(/^departements,ecart_median_points/);
    await expect(main([], join(dir, 'data'))).rejects.toThrow(/--reference/);
    await expect(
      main(['--reference', join(dir, 'ref.csv'), '--dataset', 'nope'], join(dir, 'data')),
    ).rejects.toThrow(/inconnu/);
  });

  it('checks an imported matrix with its times as given: square, in seconds, no access added', async () => {
    // A made-up matrix (never real data): every commune is (code mod 40) + 1 minutes from every
    // commune with a France Services, written in seconds, one row per origin as R writes it.
    const minutesOf = (code: string) => (Number.parseInt(code, 10) % 40) + 1;
    const fs = [
      ...new Set(demo.sites.filter((x) => x.kind === 'france_services').map((x) => x.communeCode)),
    ];
    expect(fs.length).toBeGreaterThan(0);
    const lines = [
      ['""', ...fs].join(','),
      ...demo.communes.map((c) => [c.code, ...fs.map(() => minutesOf(c.code) * 60)].join(',')),
    ];
    const file = join(dir, 'matrice-carree.csv');
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    const total = demo.communes.reduce((t, c) => t + c.population, 0);
    const expected = (added: number, m: number) =>
      (100 *
        demo.communes
          .filter((c) => minutesOf(c.code) + added <= m)
          .reduce((t, c) => t + c.population, 0)) /
      total;
    const run = async (...more: string[]) => {
      const args = ['--reference', join(dir, 'ref.csv'), '--dataset', 'demo', '--format', 'json'];
      return JSON.parse(await main([...args, '--matrix', file, ...more], join(dir, 'data')))
        .rows[0] as ValidationReport['rows'][number];
    };
    const asGiven = await run('--matrix-unit', 'secondes');
    expect(asGiven.model).toBe('Matrice importée (matrice-carree.csv)');
    for (const m of [5, 10, 15, 20, 30, 40, 60]) {
      expect(asGiven.curve[`${m}`], `${m} min`).toBeCloseTo(expected(0, m), 2);
    }
    // A stated access time is added to every time of the matrix, and only when asked.
    const withAccess = await run('--matrix-unit', 'secondes', '--matrix-access', '5');
    for (const m of [10, 15, 20, 30]) {
      expect(withAccess.curve[`${m}`], `${m} min`).toBeCloseTo(expected(5, m), 2);
    }
    await expect(run('--matrix-unit', 'heures')).rejects.toThrow(/--matrix-unit/);
    await expect(
      main(['--reference', join(dir, 'ref.csv'), '--matrix-access', '5'], join(dir, 'data')),
    ).rejects.toThrow(/sans --matrix/);
  });
});
