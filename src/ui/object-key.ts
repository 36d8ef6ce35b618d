/**
 * A short key that names an immutable object for as long as it lives: deck.gl's update triggers
 * compare strings, and a new snapshot (a new object) must read as a change, the same one never.
 */
const keys = new WeakMap<object, string>();
let next = 0;

export function objectKey(o: object | null | undefined): string {
  if (!o) return '';
  let key = keys.get(o);
  if (key === undefined) {
    key = `o${++next}`;
    keys.set(o, key);
  }
  return key;
}
