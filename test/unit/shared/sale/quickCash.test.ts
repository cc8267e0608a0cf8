import { describe, expect, it } from 'vitest';
import { quickCashAmounts } from '../../../../shared/sale/quickCash';

describe('quickCashAmounts', () => {
  it.each([
    // The example: the notes people hand over for Rp 3.885.
    [3_885, 0, [3_885, 5_000, 10_000, 20_000, 50_000, 100_000]],
    // The same sale with cash rounded to a Rp 100 coin: the buttons start at the rounded cash due.
    [3_800, 0, [3_800, 5_000, 10_000, 20_000, 50_000, 100_000]],
    [37_500, 0, [37_500, 40_000, 50_000, 100_000]],
    [100_000, 0, [100_000]],
    [95_000, 0, [95_000, 100_000]],
    [310_800, 0, [310_800, 315_000, 320_000, 350_000, 400_000]],
    [0, 0, []],
    // Two decimals: minor units are cents of a unit worth 1/100.
    [3_750_050, 2, [3_750_050, 4_000_000, 5_000_000, 10_000_000]],
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
