/**
 * Vitest globalSetup for the browser tests (`vitest.e2e.config.ts`): builds the site once,
 * serves `dist/` with `vite preview` on a free local port and hands its URL to the tests, which
 * read it with `inject('baseUrl')`.
 *
 * Environment variables:
 * - `E2E_SKIP_BUILD=1`: reuse the existing `dist/` instead of running `npm run build` (only when
 *   `dist/index.html` exists; otherwise the build runs anyway). Saves a minute when iterating on
 *   tests without touching the app.
 * - `E2E_NO_SERVER=1`: neither build nor serve; `baseUrl` is `about:blank`. Only for tests that
 *   do not need the app, such as the harness self-test (`src/e2e/harness.e2e.ts`).
 * - `CHROMIUM_PATH`: Chromium executable used by `launchBrowser()` (default `/usr/bin/chromium`,
 *   Debian's package; playwright's own browser downloads are never used).
 * - `OPENDATA_DIR`: folder of the official open-data files read by the real-data tests (default
 *   `<repo>/../shared/opendata`); those tests skip themselves when it is absent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { messageOf } from '../domain/errors.ts';
import { serveStatic } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The public build (dist-public/), served under a sub-path. */
    publicUrl: string;
  }
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const host = '127.0.0.1';
const serverStartTimeoutMs = 60_000;

/**
 * Environment for the build and the preview server. Vitest sets NODE_ENV=test, TEST and VITEST
 * in its own process; inherited by `vite build`, they would switch Svelte and Vite into test or
 * development behaviour, and the tests would then exercise something other than what ships.
 */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === 'NODE_ENV' || key === 'TEST' || key.startsWith('VITEST')) continue;
    env[key] = value;
  }
  return env;
}

function log(message: string): void {
  process.stderr.write(`[e2e] ${message}\n`);
}

/** Runs a command to completion, keeping its output to show only if it fails. */
function runQuietly(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) {
        resolve();
        return;
      }
      process.stderr.write(Buffer.concat(output));
      reject(
        new Error(`\`${command} ${args.join(' ')}\` failed (${signal ?? `exit code ${code}`})`),
      );
    });
  });
}

/** Asks the OS for a port nobody listens on; the tiny race until preview binds is acceptable. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the port of a probe server'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `url` until it answers 200, the process dies, or the timeout passes. */
async function waitForHttp200(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`vite preview exited early (${child.signalCode ?? child.exitCode})`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      // Drain the body so the connection does not linger until teardown.
      await response.arrayBuffer();
      if (response.status === 200) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = messageOf(error);
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s (${lastProblem})`);
}

/**
 * Stops the whole process group: `npx` starts npm, which starts node running vite, and killing
 * only the first would leave the server holding the port.
 */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      // The group is already gone.
    }
  };
  signalGroup('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(5_000).then(() => true)]);
  if (timedOut) signalGroup('SIGKILL');
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (process.env.E2E_NO_SERVER === '1') {
    project.provide('baseUrl', 'about:blank');
    project.provide('publicUrl', 'about:blank');
    return;
  }

  const skipBuild = process.env.E2E_SKIP_BUILD === '1' && existsSync(`${repoRoot}/dist/index.html`);
  if (skipBuild) {
    log('E2E_SKIP_BUILD=1: reusing dist/');
  } else {
    const started = Date.now();
    log('npm run build…');
    await runQuietly('npm', ['run', 'build']);
    log(`build done in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  if (!skipBuild || !existsSync(`${repoRoot}/dist-public/index.html`)) {
    const started = Date.now();
    log('public build…');
    // The data is fresh from the build above: publish it and build the public site only.
    await runQuietly('npx', ['tsx', 'scripts/build-public.ts']);
    log(`public build done in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  // A sub-path, as on a département's own site.
  const publicServer = await serveStatic(`${repoRoot}/dist-public`, '/publication/carte/');
  project.provide('publicUrl', publicServer.url);
  log(`serving dist-public/ at ${publicServer.url}`);

  const port = await freePort();
  const baseUrl = `http://${host}:${port}/`;
  const preview = spawn(
    'npx',
    ['vite', 'preview', '--host', host, '--strictPort', '--port', String(port)],
    {
      cwd: repoRoot,
      env: childEnv(),
      // Its own process group, so that teardown can stop npx and vite together.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const previewOutput: Buffer[] = [];
  preview.stdout.on('data', (chunk: Buffer) => previewOutput.push(chunk));
  preview.stderr.on('data', (chunk: Buffer) => previewOutput.push(chunk));
  // Last resort if the run is interrupted before teardown: do not leave a server behind.
  const killOnExit = (): void => {
    if (preview.pid !== undefined && preview.exitCode === null) {
      try {
        process.kill(-preview.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };
  process.once('exit', killOnExit);

  try {
    await waitForHttp200(baseUrl, preview, serverStartTimeoutMs);
  } catch (error) {
    process.stderr.write(Buffer.concat(previewOutput));
    await stopGroup(preview);
    await publicServer.close();
    process.off('exit', killOnExit);
    throw error;
  }
  log(`serving dist/ at ${baseUrl}`);
  project.provide('baseUrl', baseUrl);

  return async () => {
    await stopGroup(preview);
    await publicServer.close();
    process.off('exit', killOnExit);
  };
}
