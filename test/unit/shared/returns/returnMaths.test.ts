/**
 * The return maths (issue 16): what each return gives back, table-driven over tax added and tax
 * included, line and sale discounts and points; returns of a line in parts add up to exactly what
 * it was worth; over-returns and bad choices are refused naming the line.
 */
import { describe, expect, it } from 'vitest';
import { buildReturn, lineNets, shareByWeight, type ReturnRequestLine } from '../../../../shared/returns/returnMaths';
import type { SaleDraft, TaxRule } from '../../../../shared/sale/sale';
import { computeTotals } from '../../../../shared/sale/totals';

const PPN_ADDED: TaxRule = { name: 'PPN 11%', rateBasisPoints: 1_100, inclusive: false };
const PPN_INCLUDED: TaxRule = { name: 'PPN 11% incl', rateBasisPoints: 1_100, inclusive: true };
const CASH = { method: 'Cash', cash: true } as const;

function sale(tax: TaxRule, extra: Partial<SaleDraft> = {}): SaleDraft {
  return {
    lines: [
      { variantCode: 'A', name: 'Indomie', quantity: 3, unitPrice: 3_500, discount: { kind: 'percent', basisPoints: 1_250 } },
      { variantCode: 'B', name: 'Cardigan', quantity: 1, unitPrice: 149_999, discount: { kind: 'amount', amount: 17_333 } },
      { variantCode: 'C', name: 'Roti', quantity: 7, unitPrice: 8_000, discount: null },
    ],
    saleDiscount: { kind: 'percent', basisPoints: 725 },
    customer: null,
    pointsRedeemed: 0,
    pointValue: 0,
    tax,
    payments: [],
    ...extra,
  };
}

function returned(original: SaleDraft, before: ReadonlyMap<number, number>, asked: readonly ReturnRequestLine[]) {
  const outcome = buildReturn(original, before, asked, CASH);
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.problems)}`);
  return outcome;
}

describe('shareByWeight', () => {
  it.each([
    { amount: 10, weights: [1, 1, 1], shares: [4, 3, 3] },
    { amount: 0, weights: [5, 7], shares: [0, 0] },
    { amount: 7, weights: [0, 0], shares: [0, 0] },
    { amount: 100, weights: [1, 3], shares: [25, 75] },
  ])('splits $amount over $weights as $shares', ({ amount, weights, shares }) => {
    expect(shareByWeight(amount, weights)).toEqual(shares);
  });
});

describe('what a return gives back', () => {
  it.each([
    { tax: PPN_ADDED, name: 'tax added' },
    { tax: PPN_INCLUDED, name: 'tax included' },
  ])('returning every line in one go gives back the whole sale before tax ($name)', ({ tax }) => {
    const original = sale(tax);
    const all = original.lines.map((line, index) => ({ line: index, quantity: line.quantity }));
    const { totals } = returned(original, new Map(), all);
    expect(totals.taxable).toBe(computeTotals(original).taxable);
    expect(totals.total).toBe(computeTotals(original).total);
  });

  it.each([
    { tax: PPN_ADDED, parts: [1, 1, 1] },
    { tax: PPN_ADDED, parts: [2, 1] },
    { tax: PPN_INCLUDED, parts: [1, 2] },
    { tax: PPN_INCLUDED, parts: [1, 1, 1] },
  ])('partial returns of a discounted line ($parts, tax inclusive: $tax.inclusive) add up to exactly its net', ({ tax, parts }) => {
    const original = sale(tax);
    const net = lineNets(original)[0] ?? 0;
    let before = 0;
    const refunds: number[] = [];
    for (const quantity of parts) {
      const { totals } = returned(original, new Map([[0, before]]), [{ line: 0, quantity }]);
      refunds.push(totals.taxable);
      before += quantity;
    }
    expect(refunds.reduce((a, b) => a + b, 0)).toBe(net);
    // Each part is its proportion of the net, give or take a rounding unit.
    parts.forEach((quantity, i) => expect(Math.abs((refunds[i] ?? 0) - (net * quantity) / 3)).toBeLessThanOrEqual(1));
  });

  it('values a return line at the price sold, with the discounts it carried as one amount', () => {
    const { draft, totals } = returned(sale(PPN_ADDED), new Map(), [{ line: 0, quantity: 1 }]);
    // 3 × 3,500 = 10,500, 12.5 % off → 9,188 (half up); then its share of 7.25 % off the subtotal.
    const nets = lineNets(sale(PPN_ADDED));
    expect(draft.lines).toEqual([{ variantCode: 'A', name: 'Indomie', quantity: 1, unitPrice: 3_500, discount: { kind: 'amount', amount: 3_500 - Math.round((nets[0] ?? 0) / 3) } }]);
    expect(totals.tax).toBe(Math.round((totals.taxable * 11) / 100));
    expect(draft.payments).toEqual([{ ...CASH, amount: totals.total }]);
  });

  it('takes the points off what comes back, as the sale did', () => {
    const withPoints = sale(PPN_ADDED, { pointsRedeemed: 50, pointValue: 100, saleDiscount: null });
    const nets = lineNets(withPoints);
    expect(nets.reduce((a, b) => a + b, 0)).toBe(computeTotals(withPoints).taxable);
  });

  it.each([
    { tax: PPN_ADDED, name: 'tax added' },
    { tax: PPN_INCLUDED, name: 'tax included' },
    { tax: { name: 'No Tax', rateBasisPoints: 0, inclusive: false }, name: 'no tax' },
  ])('a cash-rounded sale refunds what the customer paid, whole or in parts, never rounded again ($name)', ({ tax }) => {
    const draft = sale(tax, { cashRoundingCoin: 500 });
    const paid = computeTotals(draft);
    const rounded = { ...draft, payments: [{ ...CASH, amount: paid.total }] };
    const original = computeTotals(rounded);
    expect(original.rounding).toBeGreaterThan(0);
    const all = rounded.lines.map((line, index) => ({ line: index, quantity: line.quantity }));
    expect(returned(rounded, new Map(), all).totals.total).toBe(original.total);
    // Indomie one by one, then the rest: the parts add up to the same refund.
    const parts = [0, 1, 2].map((before) => returned(rounded, new Map([[0, before]]), [{ line: 0, quantity: 1 }]).totals.taxable);
    const rest = returned(rounded, new Map(), [{ line: 1, quantity: 1 }, { line: 2, quantity: 7 }]).totals.taxable;
    expect(parts.reduce((a, b) => a + b, 0) + rest).toBe(original.taxable);
  });

  it('returns a weighed pack whole, at what it was worth', () => {
    const weighed: SaleDraft = { ...sale(PPN_ADDED), lines: [{ variantCode: 'W', name: 'Keju', quantity: 1, unitPrice: 120_000, discount: null, weightGrams: 333 }], saleDiscount: null };
    const { totals } = returned(weighed, new Map(), [{ line: 0, quantity: 1 }]);
    expect(totals.taxable).toBe(39_960);
  });
});

describe('what a return refuses', () => {
  it.each([
    { asked: [{ line: 0, quantity: 2 }], before: [[0, 2]], problem: { kind: 'more_than_sold', line: 0, sold: 3, returnedBefore: 2, asked: 2 } },
    { asked: [{ line: 1, quantity: 2 }], before: [], problem: { kind: 'more_than_sold', line: 1, sold: 1, returnedBefore: 0, asked: 2 } },
    { asked: [{ line: 9, quantity: 1 }], before: [], problem: { kind: 'unknown_line', line: 9 } },
    { asked: [{ line: 0, quantity: 0 }], before: [], problem: { kind: 'bad_quantity', line: 0 } },
    { asked: [{ line: 2, quantity: 1 }, { line: 2, quantity: 1 }], before: [], problem: { kind: 'repeated_line', line: 2 } },
    { asked: [], before: [], problem: { kind: 'nothing_chosen' } },
  ])('refuses $asked with $problem.kind', ({ asked, before, problem }) => {
    const outcome = buildReturn(sale(PPN_ADDED), new Map(before as Array<[number, number]>), asked, CASH);
    expect(outcome).toMatchObject({ ok: false, problems: [problem] });
  });
});
