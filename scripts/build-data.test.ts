/**
 * The build command's own words: its usage on --help, one line naming what is wrong (then the
 * usage) for an unknown option or a missing value, never a Node stack trace.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DatasetMeta } from '../src/domain/model.ts';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', ...args], {
    encoding: 'utf8',
    cwd: join(import.meta.dirname, '..'),
  });

describe('npm run data', () => {
  it('prints its usage, every option with the formats it reads, on --help', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage : npm run data/);
    for (const option of [
      '--departement',
      '--from',
      '--download',
      '--cache',
      '--mirror',
      '--pti',
      '--caf',
      '--offre',
      '--contours',
      '--gtfs',
      '--gtfs-date',
      '--gtfs-window',
      '--out',
    ])
      expect(r.stdout).toContain(option);
    expect(r.stdout).toMatch(/--caf FICHIER .*numcomdo/s);
    expect(r.stdout).toMatch(/--contours FICHIER .*Lambert-93/);
    expect(r.stdout).toMatch(/--gtfs-window HH:MM-HH:MM plage des départs \(défaut 08:00-09:00\)/);
  });

  it.each([
    [['--bogus'], 'Option inconnue : --bogus'],
    [['--departement', '62', '--caf'], 'Valeur manquante ou invalide : --caf'],
    [['62'], 'Argument inattendu : 62'],
  ])('says what is wrong with %j in one line, then the usage', (args, line) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    const [first, blank, usage] = r.stderr.split('\n');
    expect([first, blank, usage]).toEqual([line, '', 'Usage : npm run data [-- options]']);
    expect(r.stderr).not.toMatch(/ERR_PARSE_ARGS|at .*\.js:\d+/);
  });

  it('builds the demo with its sans-voiture times from its own GTFS feed', () => {
    const out = mkdtempSync(join(tmpdir(), 'build-data-'));
    try {
      const r = run('--out', out, '--gtfs-window', '07:30-08:30');
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/GTFS : demo-gtfs\.zip — mardi 03\/09\/2024/);
      const meta = JSON.parse(readFileSync(join(out, 'demo', 'meta.json'), 'utf8')) as DatasetMeta;
      const times = meta.networkTimes?.['sans-voiture'];
      expect(times).toMatchObject({ file: 'temps-sans-voiture.arrow', sourceId: 'gtfs' });
      expect(existsSync(join(out, 'demo', times!.file))).toBe(true);
      const source = meta.sources.find((s) => s.id === 'gtfs');
      expect(source?.millesime).toBe('mardi 03/09/2024, départs de 7 h 30 à 8 h 30');
      expect(source?.licence).toMatch(/fictives/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('refuses a GTFS day the demo feed does not cover, in one line', () => {
    const r = run('--out', join(tmpdir(), 'never-written'), '--gtfs-date', '2026-03-10');
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      'Erreur : Le flux GTFS « demo-gtfs.zip » est valable du 02/09/2024 au 04/07/2025 : il ne ' +
        'couvre pas le mardi 10/03/2026. Choisissez un jour de sa période (--gtfs-date AAAA-MM-JJ) ' +
        'ou un flux plus récent.',
    );
  });
});
