import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, fileFor, precompressDir, precompressedMiddleware } from './precompress.ts';

describe('chooseEncoding', () => {
  it('prefers Brotli, then gzip, among the copies there are', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('gzip, deflate, br', ['gzip'])).toBe('gzip');
    expect(chooseEncoding('gzip, deflate', ['br', 'gzip'])).toBe('gzip');
  });

  it('sends the file as it is when no copy is accepted', () => {
    expect(chooseEncoding(undefined, ['br', 'gzip'])).toBeNull();
    expect(chooseEncoding('identity', ['br', 'gzip'])).toBeNull();
    expect(chooseEncoding('br;q=0, gzip;q=0', ['br', 'gzip'])).toBeNull();
    expect(chooseEncoding('br', [])).toBeNull();
  });

  it('honours q=0 and the wildcard', () => {
    expect(chooseEncoding('br;q=0, gzip', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('*', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('*, br;q=0', ['br', 'gzip'])).toBe('gzip');
  });
});

describe('fileFor', () => {
  it('maps a URL path into the folder, index.html for the folder itself', () => {
    const root = mkdtempSync(join(tmpdir(), 'precompress-'));
    try {
      expect(fileFor(root, '/assets/a.js?v=1')).toBe(join(root, 'assets', 'a.js'));
      expect(fileFor(root, '/')).toBe(join(root, 'index.html'));
      // Never outside the folder, however the path climbs.
      expect(fileFor(root, '/../etc/passwd')).toBe(join(root, 'etc', 'passwd'));
      expect(fileFor(root, '/%2e%2e/%2e%2e/secret')).toBe(join(root, 'secret'));
      expect(fileFor(root, '/a%00b')).toBeNull();
    } finally {
      rmSync(root, { recursive: true });
    }
  });
});

describe('precompressed build and its server', () => {
  const root = mkdtempSync(join(tmpdir(), 'precompress-'));
  const text = 'const communes = ["Arras", "Béthune", "Calais"];\n'.repeat(200);
  let server: Server;
  let port = 0;

  beforeAll(async () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets', 'app.js'), text);
    writeFileSync(join(root, 'assets', 'tiny.js'), 'x');
    writeFileSync(join(root, 'assets', 'picture.png'), Buffer.alloc(4096, 7));
    await precompressDir(root);
    const serve = precompressedMiddleware(root);
    server = createServer((req, res) =>
      serve(req, res, () => res.writeHead(200, { 'x-next': '1' }).end('plain')),
    );
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    port = (server.address() as { port: number }).port;
  });

  afterAll(() => {
    server.close();
    rmSync(root, { recursive: true });
  });

  it('writes a Brotli and a gzip copy of the text files that decode to the file', () => {
    const file = join(root, 'assets', 'app.js');
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(text);
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(text);
  });

  it('leaves tiny files and images alone', () => {
    expect(existsSync(join(root, 'assets', 'tiny.js.br'))).toBe(false);
    expect(existsSync(join(root, 'assets', 'picture.png.br'))).toBe(false);
    expect(existsSync(join(root, 'assets', 'picture.png.gz'))).toBe(false);
  });

  const get = (path: string, acceptEncoding?: string) =>
    new Promise<{ headers: Record<string, unknown>; body: Buffer }>((ok, fail) => {
      const req = request(
        {
          port,
          host: '127.0.0.1',
          path,
          headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => ok({ headers: res.headers, body: Buffer.concat(chunks) }));
        },
      );
      req.on('error', fail);
      req.end();
    });

  it('serves the copy the request accepts, with its type and encoding', async () => {
    const br = await get('/assets/app.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers['vary']).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.body).toString()).toBe(text);
    const gz = await get('/assets/app.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(text);
  });

  it('hands the rest to the next handler', async () => {
    expect((await get('/assets/app.js')).headers['x-next']).toBe('1');
    expect((await get('/assets/tiny.js', 'br')).headers['x-next']).toBe('1');
    expect((await get('/assets/missing.js', 'br')).headers['x-next']).toBe('1');
  });
});
