import { describe, expect, it } from 'vitest';
import { rankBy } from './common.ts';

describe('ranks', () => {
  it('gives the same rank to values that read the same, and skips after a tie', () => {
    // 0.04 and 0 both read "0,0" (ties at 0,0 %); 3.3 + 0.05 computed in floating point is
    // 3.3499999999999996, which reads "3,3" as 3.3 does (Math.round(33.5) would say 3,4).
    const rows = [3.3 + 0.05, 3.3, 0.04, 0, null, 5];
    expect(rankBy(rows, (v) => v, 1)).toEqual([2, 2, 4, 4, null, 1]);
    expect(rankBy([5, 5, 5], (v) => v, 0)).toEqual([1, 1, 1]);
  });
});
