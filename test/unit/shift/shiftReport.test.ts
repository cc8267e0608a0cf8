/**
 * The X and Z report maths: what a cashier's drawer should hold and what the Z prints, in exact
 * integer rupiah. Each case is a small shift worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { countDrawer, shiftTotals, type DrawerCount, type ShiftFigures, type ShiftSaleFigures } from '../../../shared/shift/shiftReport';

const cash = (amount: number): ShiftSaleFigures['payments'][number] => ({ method: 'Cash', amount, cash: true });
const card = (amount: number): ShiftSaleFigures['payments'][number] => ({ method: 'Debit Card', amount, cash: false });

function sale(over: Partial<ShiftSaleFigures> & Pick<ShiftSaleFigures, 'total' | 'payments'>): ShiftSaleFigures {
  return { gross: over.total, discounts: 0, rounding: 0, sales: over.total, tax: 0, change: 0, ...over };
}

const EMPTY: ShiftFigures = { openingFloat: 0, sales: [], returns: [], movements: [] };

describe('shiftTotals', () => {
  const cases: ReadonlyArray<{ name: string; figures: ShiftFigures; expect: Record<string, unknown> }> = [
    {
      name: 'an empty shift expects exactly its float',
      figures: { ...EMPTY, openingFloat: 500_000 },
      expect: { saleCount: 0, sales: 0, tax: 0, expectedCash: 500_000, payments: [] },
    },
    {
      name: 'change comes out of the cash taken, not out of the card',
      figures: { ...EMPTY, openingFloat: 200_000, sales: [sale({ total: 37_000, payments: [cash(50_000)], change: 13_000 })] },
      expect: { cashSales: 37_000, expectedCash: 237_000, payments: [{ method: 'Cash', cash: true, taken: 37_000, refunded: 0, net: 37_000 }] },
    },
    {
      name: 'split payment: only the cash part reaches the drawer',
      figures: { ...EMPTY, openingFloat: 100_000, sales: [sale({ total: 120_000, payments: [card(100_000), cash(50_000)], change: 30_000 })] },
      expect: {
        cashSales: 20_000,
        expectedCash: 120_000,
        payments: [
          { method: 'Debit Card', cash: false, taken: 100_000, refunded: 0, net: 100_000 },
          { method: 'Cash', cash: true, taken: 20_000, refunded: 0, net: 20_000 },
        ],
      },
    },
    {
      name: 'discounts and an exclusive tax: sales are after discounts and before tax',
      figures: {
        ...EMPTY,
        sales: [
          sale({ gross: 100_000, discounts: 10_000, sales: 90_000, tax: 9_900, total: 99_900, payments: [cash(100_000)], change: 100 }),
          sale({ gross: 7_000, discounts: 0, sales: 7_000, tax: 770, total: 7_770, payments: [card(7_770)] }),
        ],
      },
      expect: { saleCount: 2, gross: 107_000, discounts: 10_000, sales: 97_000, tax: 10_670, salesTotal: 107_670, cashSales: 99_900, expectedCash: 99_900 },
    },
    {
      name: 'cash rounding counts among the discounts and on its own; the drawer expects the rounded cash',
      figures: {
        ...EMPTY,
        sales: [
          // Rp 3.885 rounded to 3.800 and paid with 5.000; a card sale stays exact.
          sale({ gross: 3_885, discounts: 85, rounding: 85, sales: 3_800, total: 3_800, payments: [cash(5_000)], change: 1_200 }),
          sale({ gross: 3_885, total: 3_885, payments: [card(3_885)] }),
        ],
      },
      expect: { discounts: 85, rounding: 85, sales: 7_685, salesTotal: 7_685, cashSales: 3_800, expectedCash: 3_800 },
    },
    {
      name: 'cash in adds, cash out takes, a no-sale opening moves nothing',
      figures: {
        ...EMPTY,
        openingFloat: 300_000,
        sales: [sale({ total: 45_500, payments: [cash(45_500)] })],
        movements: [
          { kind: 'cash_in', amount: 100_000 },
          { kind: 'cash_out', amount: 75_000 },
          { kind: 'no_sale', amount: 0 },
          { kind: 'no_sale', amount: 0 },
        ],
      },
      expect: { cashIn: 100_000, cashOut: 75_000, noSaleCount: 2, expectedCash: 370_500 },
    },
    {
      name: 'a cash refund for a return leaves the drawer; a card refund does not',
      figures: {
        ...EMPTY,
        openingFloat: 50_000,
        sales: [sale({ total: 80_000, payments: [cash(80_000)] }), sale({ total: 60_000, payments: [card(60_000)] })],
        returns: [
          { total: 20_000, tax: 0, refunds: [cash(20_000)] },
          { total: 60_000, tax: 0, refunds: [card(60_000)] },
        ],
      },
      expect: {
        returnCount: 2,
        returns: 80_000,
        cashRefunds: 20_000,
        expectedCash: 110_000,
        payments: [
          { method: 'Cash', cash: true, taken: 80_000, refunded: 20_000, net: 60_000 },
          { method: 'Debit Card', cash: false, taken: 60_000, refunded: 60_000, net: 0 },
        ],
      },
    },
    {
      name: 'more cash out than the drawer holds shows a negative expectation rather than hiding it',
      figures: { ...EMPTY, openingFloat: 10_000, movements: [{ kind: 'cash_out', amount: 25_000 }] },
      expect: { expectedCash: -15_000 },
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      expect(shiftTotals(c.figures)).toMatchObject(c.expect);
    });
  }

  it('stays exact at large totals (2,000 sales of 9,999,999)', () => {
    const sales = Array.from({ length: 2_000 }, () => sale({ total: 9_999_999, tax: 990_999, payments: [cash(10_000_000)], change: 1 }));
    const totals = shiftTotals({ ...EMPTY, openingFloat: 1, sales });
    expect(totals.sales).toBe(19_999_998_000);
    expect(totals.tax).toBe(1_981_998_000);
    expect(totals.expectedCash).toBe(19_999_998_001);
  });
});

describe('countDrawer', () => {
  const cases: ReadonlyArray<{ name: string; count: DrawerCount; expected: number; decimals?: number; counted: number; variance: number; lines: number }> = [
    {
      name: 'by denomination, every note and coin from 100.000 down to 100',
      count: {
        kind: 'denominations',
        counts: [100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100].map((value) => ({ value: value as 100_000, count: 1 })),
      },
      expected: 188_800,
      counted: 188_800,
      variance: 0,
      lines: 10,
    },
    {
      name: 'short by 2.500: a negative variance',
      count: { kind: 'denominations', counts: [{ value: 50_000, count: 3 }, { value: 500, count: 5 }] },
      expected: 155_000,
      counted: 152_500,
      variance: -2_500,
      lines: 2,
    },
    {
      name: 'zero counts are left off and a denomination given twice adds up',
      count: { kind: 'denominations', counts: [{ value: 1_000, count: 0 }, { value: 2_000, count: 2 }, { value: 2_000, count: 1 }] },
      expected: 5_000,
      counted: 6_000,
      variance: 1_000,
      lines: 1,
    },
    { name: 'a total instead of denominations', count: { kind: 'total', amount: 1_234_500 }, expected: 1_234_000, counted: 1_234_500, variance: 500, lines: 0 },
    {
      name: 'a store with two currency decimals counts rupiah notes in minor units',
      count: { kind: 'denominations', counts: [{ value: 100, count: 3 }] },
      expected: 30_000,
      decimals: 2,
      counted: 30_000,
      variance: 0,
      lines: 1,
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const result = countDrawer(c.count, c.expected, c.decimals ?? 0);
      expect({ counted: result.counted, variance: result.variance, expected: result.expected, lines: result.lines.length }).toEqual({
        counted: c.counted,
        variance: c.variance,
        expected: c.expected,
        lines: c.lines,
      });
    });
  }

  it('lists the counted denominations largest first', () => {
    const result = countDrawer({ kind: 'denominations', counts: [{ value: 100, count: 2 }, { value: 20_000, count: 1 }] }, 0, 0);
    expect(result.lines).toEqual([
      { value: 20_000, count: 1, amount: 20_000 },
      { value: 100, count: 2, amount: 200 },
    ]);
  });
});
