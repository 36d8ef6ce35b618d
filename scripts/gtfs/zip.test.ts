import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readZip, writeZip } from './zip.ts';

const dir = mkdtempSync(join(tmpdir(), 'zip-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const text = (s: string) => new TextEncoder().encode(s);
const hasZipTools =
  spawnSync('zip', ['-v']).status === 0 && spawnSync('unzip', ['-v']).status === 0;

describe('zip', () => {
  const files = new Map([
    ['stops.txt', text('stop_id,stop_name\nA,Gare « centre »\n'.repeat(200))],
    ['empty.txt', new Uint8Array()],
  ]);

  it('reads back what it writes, the same bytes every time', () => {
    const zip = writeZip(files);
    expect(writeZip(files)).toEqual(zip);
    const entries = readZip(zip);
    expect([...entries.keys()]).toEqual(['stops.txt', 'empty.txt']);
    expect(entries.get('stops.txt')!.bytes()).toEqual(files.get('stops.txt'));
    expect(entries.get('empty.txt')!.bytes()).toEqual(new Uint8Array());
  });

  it('detects a damaged entry and a file that is no archive', () => {
    const zip = writeZip(files);
    const broken = zip.slice();
    broken[40] = broken[40]! ^ 0xff; // inside the first entry's deflated data
    expect(() => readZip(broken, 'f.zip').get('stops.txt')!.bytes()).toThrow(/f.zip/);
    expect(() => readZip(text('stop_id\n'), 'f.zip')).toThrow(
      'f.zip n’est pas une archive ZIP lisible.',
    );
  });

  it.skipIf(!hasZipTools)(
    'writes what unzip reads, reads what zip writes (stored, deflated, in a folder)',
    () => {
      const ours = join(dir, 'ours.zip');
      writeFileSync(ours, writeZip(files));
      expect(execFileSync('unzip', ['-p', ours, 'stops.txt'])).toEqual(
        Buffer.from(files.get('stops.txt')!),
      );
      mkdirSync(join(dir, 'feed'));
      writeFileSync(join(dir, 'feed', 'stops.txt'), files.get('stops.txt')!);
      writeFileSync(join(dir, 'feed', 'agency.txt'), 'agency_name\nA\n');
      execFileSync('zip', ['-qr', join(dir, 'deflated.zip'), 'feed'], { cwd: dir });
      execFileSync('zip', ['-qr0', join(dir, 'stored.zip'), 'feed'], { cwd: dir });
      for (const name of ['deflated.zip', 'stored.zip']) {
        const entries = readZip(readFileSync(join(dir, name)));
        expect(entries.get('stops.txt')!.bytes()).toEqual(files.get('stops.txt'));
        expect(new TextDecoder().decode(entries.get('agency.txt')!.bytes())).toBe(
          'agency_name\nA\n',
        );
      }
    },
  );
});
