import { describe, expect, it } from 'vitest';
import { GAIN_CLASSES, gainClassIndex } from './gain-classes.ts';

describe('gain classes', () => {
  it('sorts gains and losses into their class', () => {
    const label = (g: number) => GAIN_CLASSES[gainClassIndex(g)]!.label;
    expect(label(Infinity)).toBe('gagne 15 min ou plus');
    expect(label(20)).toBe('gagne 15 min ou plus');
    expect(label(5)).toBe('gagne 5 à 15 min');
    expect(label(1)).toBe('gagne moins de 5 min');
    expect(label(0)).toBe('inchangé');
    expect(label(-0.2)).toBe('inchangé');
    expect(label(-3)).toBe('perd moins de 5 min');
    expect(label(-15)).toBe('perd 5 à 15 min');
    expect(label(-Infinity)).toBe('perd 15 min ou plus');
  });
});
