import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isStale, newestMtime } from './build.ts';

describe('staleness of a build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-build-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const at = (path: string, seconds: number) => {
    writeFileSync(path, 'x');
    utimesSync(path, seconds, seconds);
  };

  it('finds the newest file in nested folders, ignoring node_modules and dot folders', () => {
    mkdirSync(join(dir, 'src', 'deep'), { recursive: true });
    mkdirSync(join(dir, 'src', 'node_modules'));
    mkdirSync(join(dir, 'src', '.cache'));
    at(join(dir, 'src', 'a.ts'), 1000);
    at(join(dir, 'src', 'deep', 'b.ts'), 2000);
    at(join(dir, 'src', 'node_modules', 'c.js'), 9000);
    at(join(dir, 'src', '.cache', 'd'), 9000);
    expect(newestMtime([join(dir, 'src'), join(dir, 'missing')])).toBe(2000 * 1000);
    expect(newestMtime([join(dir, 'missing')])).toBe(0);
  });

  it('calls an output stale when missing or older than an input', () => {
    const out = join(dir, 'index.html');
    expect(isStale(out, [join(dir, 'src')])).toBe(true);
    at(out, 3000);
    expect(isStale(out, [join(dir, 'src')])).toBe(false);
    at(join(dir, 'src', 'deep', 'b.ts'), 4000);
    expect(isStale(out, [join(dir, 'src')])).toBe(true);
  });
});
