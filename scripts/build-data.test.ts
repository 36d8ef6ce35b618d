/**
 * The build command's own words: its usage on --help, one line naming what is wrong (then the
 * usage) for an unknown option or a missing value, never a Node stack trace.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

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
});
