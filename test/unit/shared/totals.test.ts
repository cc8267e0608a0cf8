import { describe, expect, it } from 'vitest';
import { EMPTY_SALE, type SaleDraft, type SaleLine } from '../../../shared/sale/sale';
import { computeTotals, saleProblems } from '../../../shared/sale/totals';

const line = (over: Partial<SaleLine> = {}): SaleLine => ({ variantCode: '8991002101104', name: 'Kopi', quantity: 1, unitPrice: 10_000, discount: null, ...over });
const sale = (over: Partial<SaleDraft> = {}): SaleDraft => ({ ...EMPTY_SALE, ...over });

describe('sale totals', () => {
  it.each([
    ['1.234 kg at 149,900/kg', 1_234, 149_900, 184_977],
    ['half a minor unit rounds up once: 1.235 kg at 149,900/kg', 1_235, 149_900, 185_127],
    ['1 g at 1,499/kg rounds to 1', 1, 1_499, 1],
    ['99.999 kg at 1,000,000,000/kg stays exact', 99_999, 1_000_000_000, 99_999_000_000],
  ])('values a weighed line from whole grams: %s', (_name, weightGrams, unitPrice, gross) => {
    const line: SaleLine = { variantCode: '00042', name: 'Daging', quantity: 1, unitPrice, discount: null, weightGrams };
    const totals = computeTotals({ ...EMPTY_SALE, lines: [line] });
    expect(totals.lines[0]?.gross).toBe(gross);
    expect(totals.itemCount).toBe(1);
  });

  it('sums lines with percent and amount discounts, capped at the line', () => {
    const totals = computeTotals(
      sale({
        lines: [
          line({ quantity: 3, unitPrice: 3_333, discount: { kind: 'percent', basisPoints: 1_000 } }), // 9,999 − 1,000
          line({ quantity: 1, unitPrice: 5_000, discount: { kind: 'amount', amount: 9_000 } }), // capped: 0
        ],
      }),
    );
    expect(totals.lines.map((l) => l.net)).toEqual([8_999, 0]);
    expect(totals.subtotal).toBe(8_999);
    expect(totals.itemCount).toBe(4);
  });

  it('applies sale discount and points before tax, then adds exclusive tax', () => {
    const totals = computeTotals(
      sale({
        lines: [line({ quantity: 2, unitPrice: 50_000 })],
        saleDiscount: { kind: 'percent', basisPoints: 500 },
        pointsRedeemed: 10,
        pointValue: 100,
        tax: { name: 'PPN 11%', rateBasisPoints: 1_100, inclusive: false },
      }),
    );
    expect(totals.saleDiscount).toBe(5_000);
    expect(totals.pointsDiscount).toBe(1_000);
    expect(totals.taxable).toBe(94_000);
    expect(totals.tax).toBe(10_340);
    expect(totals.total).toBe(104_340);
  });

  it('carves inclusive tax out of the price without changing the total', () => {
    const totals = computeTotals(sale({ lines: [line({ unitPrice: 111_000 })], tax: { name: 'PPN incl', rateBasisPoints: 1_100, inclusive: true } }));
    expect(totals.total).toBe(111_000);
    expect(totals.tax).toBe(11_000);
  });

  it('gives change only from cash, and flags a non-cash overpayment', () => {
    const base = { lines: [line({ unitPrice: 18_000 })] };
    const cash = computeTotals(sale({ ...base, payments: [{ method: 'QRIS', amount: 8_000, cash: false }, { method: 'Cash', amount: 20_000, cash: true }] }));
    expect(cash.change).toBe(10_000);
    expect(cash.due).toBe(0);
    const card = sale({ ...base, payments: [{ method: 'Debit', amount: 20_000, cash: false }] });
    expect(computeTotals(card).change).toBe(0);
    expect(saleProblems(card)).toEqual([{ kind: 'non_cash_overpaid', excess: 2_000 }]);
  });

  it('lists why a sale cannot be completed', () => {
    expect(saleProblems(EMPTY_SALE)).toEqual([{ kind: 'empty' }]);
    const unpaid = sale({ lines: [line()], payments: [{ method: 'Cash', amount: 4_000, cash: true }] });
    expect(saleProblems(unpaid)).toEqual([{ kind: 'unpaid', due: 6_000 }]);
    const points = sale({ lines: [line()], pointsRedeemed: 5, pointValue: 1, payments: [{ method: 'Cash', amount: 10_000, cash: true }] });
    expect(saleProblems(points)).toContainEqual({ kind: 'points_without_customer' });
  });
});
