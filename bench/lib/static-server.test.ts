import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, resolveFile, serveStatic, type StaticServer } from './static-server.ts';

const root = mkdtempSync(join(tmpdir(), 'bench-static-'));
const floor = join(root, 'floor');
const mounts = { '/': join(root, 'app'), '/floor/': floor };

beforeAll(() => {
  mkdirSync(join(root, 'app', 'assets'), { recursive: true });
  mkdirSync(floor);
  writeFileSync(join(root, 'app', 'index.html'), '<p>app</p>');
  writeFileSync(join(root, 'app', 'assets', 'x.wasm'), Buffer.from([0, 97, 115, 109]));
  writeFileSync(join(floor, 'index.html'), '<p>floor</p>');
  writeFileSync(join(root, 'secret.txt'), 'secret');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('contentType', () => {
  it('sends wasm as application/wasm, which streaming compilation requires', () => {
    expect(contentType('a/duckdb-eh-x.wasm')).toBe('application/wasm');
    expect(contentType('a.mjs')).toMatch(/^text\/javascript/);
    expect(contentType('a.arrow')).toBe('application/vnd.apache.arrow.stream');
    expect(contentType('a.unknown')).toBe('application/octet-stream');
  });
});

describe('resolveFile', () => {
  it('maps URL paths to files under the longest matching mount, index.html for folders', () => {
    expect(resolveFile(mounts, '/')).toBe(join(root, 'app', 'index.html'));
    expect(resolveFile(mounts, '/assets/x.wasm?v=1')).toBe(join(root, 'app', 'assets', 'x.wasm'));
    expect(resolveFile(mounts, '/floor/')).toBe(join(floor, 'index.html'));
    expect(resolveFile(mounts, '/floor/?d=demo')).toBe(join(floor, 'index.html'));
  });

  it('never leaves the mounted folders', () => {
    expect(resolveFile(mounts, '/../secret.txt')).toBeNull();
    expect(resolveFile(mounts, '/%2e%2e/secret.txt')).toBeNull();
    expect(resolveFile(mounts, '/floor/..%2f..%2fsecret.txt')).toBeNull();
    expect(resolveFile(mounts, '/%E0%A4%A')).toBeNull();
    expect(resolveFile({ '/floor/': floor }, '/other')).toBeNull();
  });
});

describe('serveStatic', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(mounts);
  });
  afterAll(() => server.close());

  it('serves files with their type, and 404 for what is missing', async () => {
    const wasm = await fetch(`${server.url}assets/x.wasm`);
    expect(wasm.status).toBe(200);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
    expect(await (await fetch(`${server.url}floor/`)).text()).toBe('<p>floor</p>');
    const missing = await fetch(`${server.url}nothing.js`);
    expect(missing.status).toBe(404);
    await missing.arrayBuffer();
  });
});
