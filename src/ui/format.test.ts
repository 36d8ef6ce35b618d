import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, plural } from './format.ts';

describe('French number format', () => {
  it('groups thousands and uses a decimal comma', () => {
    expect(formatNumber(1234567).replace(/\s/g, ' ')).toBe('1 234 567');
    expect(formatNumber(4.75, 1)).toBe('4,8');
    expect(formatNumber(null)).toBe('–');
    expect(formatPercent(0.4376, 1)).toBe('43,8 %');
    expect(plural(1, 'commune', 'communes')).toBe('1 commune');
    expect(plural(3, 'commune', 'communes')).toBe('3 communes');
  });
});
