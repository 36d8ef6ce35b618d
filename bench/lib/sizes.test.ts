import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyAsset, isMvpOnly, measureFiles, total } from './sizes.ts';

describe('classifyAsset', () => {
  it('tells app code, each library, the wasm modules and the data apart', () => {
    const cases: [string, string][] = [
      ['index.html', 'app'],
      ['favicon.svg', 'app'],
      ['robots.txt', 'app'],
      ['assets/index-B7K46Vcm.js', 'app'],
      ['assets/index-BFV1yCBU.css', 'app'],
      ['assets/import.worker-BCQ6vQZI.js', 'app'],
      ['assets/vendor-maplibre-NKI1D1-K.js', 'maplibre'],
      ['assets/vendor-maplibre-qvkd0SPb.css', 'maplibre'],
      ['assets/maplibre-gl-worker-CZtFQQIV.mjs', 'maplibre'],
      ['assets/vendor-deckgl-C6rwUq87.js', 'deckgl'],
      ['assets/vendor-duckdb-Y3NF15Iu.js', 'duckdb-js'],
      ['assets/duckdb-browser-eh.worker-hQa-dcAV.js', 'duckdb-js'],
      ['assets/duckdb-browser-mvp.worker-C9hF7LGh.js', 'duckdb-js'],
      ['assets/duckdb-eh-9ubY-jlA.wasm', 'wasm-eh'],
      ['assets/duckdb-mvp-BP0pRkMH.wasm', 'wasm-mvp'],
      ['assets/vendor-DQCc31EO.js', 'other-libs'],
      ['data/datasets.json', 'data-index'],
      ['data/demo/communes.arrow', 'data:demo'],
      ['data/dep-62/communes.topo.json', 'data:dep-62'],
      ['assets/webgl-BntRD_Ev.js', 'unclassified'],
      ['favicon.ico', 'unclassified'],
    ];
    for (const [path, category] of cases)
      expect([path, classifyAsset(path)]).toEqual([path, category]);
  });

  it('knows which files only the mvp bundle loads', () => {
    expect(isMvpOnly('assets/duckdb-mvp-BP0pRkMH.wasm')).toBe(true);
    expect(isMvpOnly('assets/duckdb-browser-mvp.worker-C9hF7LGh.js')).toBe(true);
    expect(isMvpOnly('assets/duckdb-eh-9ubY-jlA.wasm')).toBe(false);
  });
});

describe('measureFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sizes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('measures every file, raw and gzip, with forward-slash paths', () => {
    mkdirSync(join(dir, 'assets'));
    mkdirSync(join(dir, 'data', 'demo'), { recursive: true });
    const js = 'export const x = 1;\n'.repeat(200);
    writeFileSync(join(dir, 'assets', 'index-abc.js'), js);
    writeFileSync(join(dir, 'data', 'demo', 'meta.json'), '{}');
    const files = measureFiles(dir);
    expect(files.map((f) => [f.path, f.category])).toEqual([
      ['assets/index-abc.js', 'app'],
      ['data/demo/meta.json', 'data:demo'],
    ]);
    expect(files[0]!.rawBytes).toBe(Buffer.byteLength(js));
    expect(files[0]!.gzipBytes).toBe(gzipSync(js).length);
    expect(files[0]!.gzipBytes).toBeLessThan(files[0]!.rawBytes / 10);
    expect(total(files)).toEqual({
      rawBytes: Buffer.byteLength(js) + 2,
      gzipBytes: files[0]!.gzipBytes + files[1]!.gzipBytes,
      servedBytes: Buffer.byteLength(js) + 2,
      files: 2,
    });
  });

  it('counts a precompressed copy as what is sent for its file, never as a file', () => {
    const js = join(dir, 'assets', 'index-abc.js');
    writeFileSync(`${js}.br`, Buffer.alloc(40));
    writeFileSync(`${js}.gz`, Buffer.alloc(50));
    const files = measureFiles(dir);
    expect(files.map((f) => f.path)).toEqual(['assets/index-abc.js', 'data/demo/meta.json']);
    expect(files[0]!.servedBytes).toBe(40);
    expect(files[1]!.servedBytes).toBe(2);
  });
});
