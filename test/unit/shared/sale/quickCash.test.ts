import { describe, expect, it } from 'vitest';
import { quickCashAmounts } from '../../../../shared/sale/quickCash';

describe('quickCashAmounts', () => {
  it.each([
    [37_500, 0, [37_500, 38_000, 40_000, 100_000]],
    [100_000, 0, [100_000]],
    [95_000, 0, [95_000, 96_000, 100_000]],
    [1_250, 0, [1_250, 2_000, 5_000, 100_000]],
    [0, 0, []],
    // Two decimals: minor units are cents of a unit worth 1/100.
    [3_750_050, 2, [3_750_050, 3_800_000, 4_000_000, 10_000_000]],
  ])('due %i (decimals %i)', (due, decimals, expected) => {
    expect(quickCashAmounts(due, decimals)).toEqual(expected);
  });

  it('always starts with the exact amount and rises strictly', () => {
    for (const due of [1, 999, 12_345, 187_650, 2_000_001]) {
      const amounts = quickCashAmounts(due, 0);
      expect(amounts[0]).toBe(due);
      for (let i = 1; i < amounts.length; i++) expect(amounts[i]).toBeGreaterThan(amounts[i - 1] ?? 0);
    }
  });
});
