import { describe, expect, it } from 'vitest';
import { createRandom } from '../domain/random.ts';
import { EMPTY_VIEW, decodeView, encodeView, type ViewParams } from './url.ts';

describe('URL codec', () => {
  it('round-trips any valid view (randomised)', () => {
    const rnd = createRandom(7);
    const id = () => rnd.pick(['demo', 'dep-62', 'pti', 'epci', 'T3', '62041', 'rsa_foyers', null]);
    for (let k = 0; k < 500; k++) {
      const v: ViewParams = {
        dataset: id(),
        scheme: id(),
        indicator: id(),
        need: id(),
        territory: id(),
        camera: rnd.chance(0.5)
          ? {
              lon: Math.round(rnd.range(-5, 9) * 1e5) / 1e5,
              lat: Math.round(rnd.range(41, 51) * 1e5) / 1e5,
              zoom: Math.round(rnd.range(0, 20) * 100) / 100,
            }
          : null,
        mode: rnd.pick(['reach', 'import', null]),
      };
      expect(decodeView(encodeView(v))).toEqual(v);
    }
  });

  it('ignores unknown parameters and invalid values', () => {
    expect(decodeView('?x=1&d=<script>&c=2,3')).toEqual(EMPTY_VIEW);
    expect(decodeView('?c=200,1,3').camera).toBeNull();
    expect(decodeView('?s=pti&t=T1').territory).toBe('T1');
  });

  it('writes nothing for an empty view', () => {
    expect(encodeView(EMPTY_VIEW)).toBe('');
  });
});
