import { describe, expect, it } from 'vitest';
import { Resource } from './resource.svelte.ts';

/** A promise settled from outside, to order answers as a slow network would. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('a keyed asynchronous value', () => {
  it('drops an answer that comes after a newer key was asked', async () => {
    const r = new Resource<string>();
    const slow = deferred<string>();
    const first = r.load('a', () => slow.promise);
    const second = r.load('b', async () => 'B');
    expect(await second).toBe(true);
    slow.resolve('A');
    expect(await first).toBe(false);
    expect(r.current).toEqual({ key: 'b', value: 'B' });
    expect(r.loading).toBe(false);
  });

  it('does not load again the key shown or on its way', async () => {
    const r = new Resource<number>();
    let calls = 0;
    const fetch = async () => ++calls;
    await Promise.all([r.load('k', fetch), r.load('k', fetch)]);
    await r.load('k', fetch);
    expect(calls).toBe(1);
    expect(r.valueFor('k')).toBe(1);
    expect(r.valueFor('other')).toBeNull();
  });

  it('keeps the value shown on a failure, says why, and lets the same key be asked again', async () => {
    const r = new Resource<string>();
    await r.load('a', async () => 'A');
    await r.load('b', async () => {
      throw new Error('requête refusée');
    });
    expect(r.error).toBe('requête refusée');
    expect(r.value).toBe('A');
    expect(await r.load('b', async () => 'B')).toBe(true);
    expect(r.error).toBeNull();
    expect(r.value).toBe('B');
  });

  it('drops a load on its way when a value is set from elsewhere', async () => {
    const r = new Resource<string>();
    const slow = deferred<string>();
    const load = r.load('live', () => slow.promise);
    r.set('snapshot', 'S');
    slow.resolve('L');
    expect(await load).toBe(false);
    expect(r.current).toEqual({ key: 'snapshot', value: 'S' });
    r.clear();
    expect(r.current).toBeNull();
  });
});
