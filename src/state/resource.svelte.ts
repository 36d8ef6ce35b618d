/**
 * A value loaded asynchronously for a key of its inputs ("revision|scheme|need"): the figures on
 * screen answer one key, a load for the key already shown or on its way is not started again, and
 * an answer that comes after a newer key was asked is dropped, so a slow query never overwrites
 * the figures of a later choice. Every keyed load of the state goes through it.
 */
import { messageOf } from '../domain/errors.ts';

export class Resource<T> {
  /** The value shown and the key it answers. */
  current = $state.raw<{ key: string; value: T } | null>(null);
  /** Why the last load failed (cleared by the next value). */
  error = $state<string | null>(null);
  /** A load is on its way. */
  loading = $state(false);
  #pending: string | null = null;

  get key(): string | null {
    return this.current?.key ?? null;
  }

  get value(): T | null {
    return this.current?.value ?? null;
  }

  /** The value if it answers `key`, else null (figures of other inputs are never shown). */
  valueFor(key: string): T | null {
    return this.current?.key === key ? this.current.value : null;
  }

  /**
   * Loads the value of `key` unless it is shown or on its way; returns whether this call showed
   * it. After a failure the same key can be asked again.
   */
  async load(key: string, fetch: () => Promise<T>): Promise<boolean> {
    if (key === this.current?.key || key === this.#pending) return false;
    this.#pending = key;
    this.loading = true;
    try {
      const value = await fetch();
      if (this.#pending !== key) return false;
      this.current = { key, value };
      this.error = null;
      return true;
    } catch (e) {
      if (this.#pending === key) this.error = messageOf(e);
      return false;
    } finally {
      if (this.#pending === key) {
        this.#pending = null;
        this.loading = false;
      }
    }
  }

  /** Shows a value obtained otherwise (a build-time snapshot); a load on its way is dropped. */
  set(key: string, value: T): void {
    this.#pending = null;
    this.loading = false;
    this.current = { key, value };
    this.error = null;
  }

  /** Forgets the value (a new dataset). */
  clear(): void {
    this.#pending = null;
    this.loading = false;
    this.current = null;
    this.error = null;
  }
}
