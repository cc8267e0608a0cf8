/**
 * Cash rounding to the store's smallest coin (issue 13): the maths of shared/sale/cashRounding.ts
 * and what computeTotals makes of it for tax included, tax added and no tax; cash, card and mixed
 * payments; with points.
 */
import { describe, expect, it } from 'vitest';
import { cashRoundedTaxable, MAX_COIN_STEPS, taxableFor, totalOf } from '../../../../shared/sale/cashRounding';
import { EMPTY_SALE, NO_TAX, type Payment, type SaleDraft, type TaxRule } from '../../../../shared/sale/sale';
import { computeTotals, saleProblems } from '../../../../shared/sale/totals';

const PPN_ADDED: TaxRule = { name: 'PPN 11%', rateBasisPoints: 1_100, inclusive: false };
const PPN_INCLUDED: TaxRule = { name: 'PPN 11% incl', rateBasisPoints: 1_100, inclusive: true };
const cash = (amount: number): Payment => ({ method: 'Cash', amount, cash: true });
const card = (amount: number): Payment => ({ method: 'Debit BCA', amount, cash: false });

/** One line at `price`, rounded to the Rp 100 coin unless said otherwise. */
const sale = (price: number, over: Partial<SaleDraft> = {}): SaleDraft => ({
  ...EMPTY_SALE,
  lines: [{ variantCode: '8991002101104', name: 'Kopi', quantity: 1, unitPrice: price, discount: null }],
  cashRoundingCoin: 100,
  ...over,
});

describe('computeTotals with cash rounding', () => {
  it.each([
    // name, sale, expected figures
    ['no tax, nothing paid yet: the cash due is rounded down', sale(3_885), { total: 3_800, rounding: 85, roundingDiscount: 85, tax: 0, due: 3_800, exactDue: 3_885, change: 0 }],
    ['no tax, paid in cash with change from the rounded total', sale(3_885, { payments: [cash(5_000)] }), { total: 3_800, rounding: 85, roundingDiscount: 85, tax: 0, due: 0, exactDue: 0, change: 1_200 }],
    ['no tax, all by card: exact', sale(3_885, { payments: [card(3_885)] }), { total: 3_885, rounding: 0, roundingDiscount: 0, tax: 0, due: 0, exactDue: 0, change: 0 }],
    ['no tax, card then cash: only the cash part is rounded', sale(3_885, { payments: [card(2_000)] }), { total: 3_800, rounding: 85, roundingDiscount: 85, tax: 0, due: 1_800, exactDue: 1_885, change: 0 }],
    ['no tax, a card part that leaves a whole coin: nothing to round', sale(3_885, { payments: [card(1_885)] }), { total: 3_885, rounding: 0, roundingDiscount: 0, tax: 0, due: 2_000, exactDue: 2_000, change: 0 }],
    ['no tax, already a whole coin', sale(3_800), { total: 3_800, rounding: 0, roundingDiscount: 0, tax: 0, due: 3_800, exactDue: 3_800, change: 0 }],
    ['no tax, no coin set: exact', sale(3_885, { cashRoundingCoin: undefined }), { total: 3_885, rounding: 0, roundingDiscount: 0, tax: 0, due: 3_885, exactDue: 3_885, change: 0 }],
    ['no tax, Rp 500 coin', sale(3_885, { cashRoundingCoin: 500 }), { total: 3_500, rounding: 385, roundingDiscount: 385, tax: 0, due: 3_500, exactDue: 3_885, change: 0 }],
    // Tax included: the total is the taxable amount, the tax is carved out of the rounded total.
    ['tax included, cash', sale(3_885, { tax: PPN_INCLUDED, payments: [cash(4_000)] }), { total: 3_800, rounding: 85, roundingDiscount: 85, tax: 377, due: 0, exactDue: 0, change: 200 }],
    ['tax included, card: exact', sale(3_885, { tax: PPN_INCLUDED, payments: [card(3_885)] }), { total: 3_885, rounding: 0, roundingDiscount: 0, tax: 385, due: 0, exactDue: 0, change: 0 }],
    // Tax added: 3,500 + 385 = 3,885; taxable 3,423 + tax 377 = 3,800, so 77 off before tax is 85 off the total.
    ['tax added, cash', sale(3_500, { tax: PPN_ADDED }), { total: 3_800, rounding: 85, roundingDiscount: 77, tax: 377, due: 3_800, exactDue: 3_885, change: 0 }],
    ['tax added, card: exact', sale(3_500, { tax: PPN_ADDED, payments: [card(3_885)] }), { total: 3_885, rounding: 0, roundingDiscount: 0, tax: 385, due: 0, exactDue: 0, change: 0 }],
    ['tax added, card then cash', sale(3_500, { tax: PPN_ADDED, payments: [card(1_000)] }), { total: 3_800, rounding: 85, roundingDiscount: 77, tax: 377, due: 2_800, exactDue: 2_885, change: 0 }],
    // 4,550 + 501 = 5,051; 5,050, 5,000 and 4,950 cannot be reached (one more rupiah adds two), 4,414 + 486 = 4,900 can.
    ['tax added, Rp 50 coin, totals that tax skips', sale(4_550, { tax: PPN_ADDED, cashRoundingCoin: 50 }), { total: 4_900, rounding: 151, roundingDiscount: 136, tax: 486, due: 4_900, exactDue: 5_051, change: 0 }],
  ])('%s', (_name, draft, expected) => {
    const totals = computeTotals(draft);
    expect({ total: totals.total, rounding: totals.rounding, roundingDiscount: totals.roundingDiscount, tax: totals.tax, due: totals.due, exactDue: totals.exactDue, change: totals.change }).toEqual(expected);
    expect(totals.taxable + (draft.tax.inclusive ? 0 : totals.tax)).toBe(totals.total);
  });

  it('rounds after redeemed points, and the points stay whole', () => {
    const totals = computeTotals(sale(3_885, { pointsRedeemed: 10, pointValue: 1, payments: [cash(3_800)] }));
    expect({ pointsDiscount: totals.pointsDiscount, roundingDiscount: totals.roundingDiscount, total: totals.total, due: totals.due }).toEqual({
      pointsDiscount: 10,
      roundingDiscount: 75,
      total: 3_800,
      due: 0,
    });
  });

  it('completes a sale whose card payment leaves less than a coin: the rest is rounded away', () => {
    const draft = sale(3_885, { payments: [card(3_800)] });
    expect(computeTotals(draft)).toMatchObject({ total: 3_800, rounding: 85, due: 0 });
    expect(saleProblems(draft)).toEqual([]);
  });

  it('still flags a card charged beyond the exact total', () => {
    expect(saleProblems(sale(3_885, { payments: [card(3_900)] }))).toEqual([{ kind: 'non_cash_overpaid', excess: 15 }]);
  });
});

describe('cashRoundedTaxable', () => {
  it.each([
    ['tax included: the total itself', 3_885, PPN_INCLUDED, 100, 0, 3_800],
    ['no tax', 3_885, NO_TAX, 50, 0, 3_850],
    ['no coin', 3_885, NO_TAX, undefined, 0, 3_885],
    ['non-cash covers all of it', 3_885, NO_TAX, 100, 3_885, 3_885],
    ['the cash part is below one coin: rounded to nothing', 3_885, NO_TAX, 100, 3_800, 3_800],
    ['tax added', 3_500, PPN_ADDED, 100, 0, 3_423],
    ['tax added, cash part after a card', 3_500, PPN_ADDED, 100, 1_000, 3_423],
  ])('%s', (_name, taxable, tax, coin, nonCash, expected) => {
    expect(cashRoundedTaxable(taxable, tax, coin, nonCash)).toBe(expected);
  });

  it('keeps the sale exact when the only target left is one tax added on top cannot reach', () => {
    // 4,550 + 501 = 5,051 with 5,002 paid by card: 49 left, less than a coin; 4,506 + 496 = 5,002 settles it.
    expect(cashRoundedTaxable(4_550, PPN_ADDED, 50, 5_002)).toBe(4_506);
    // With 5,050 by card the one target, 5,050, cannot be reached, and the next is below the card: no rounding at all.
    expect(cashRoundedTaxable(4_550, PPN_ADDED, 50, 5_050)).toBe(4_550);
  });

  it('finds a taxable amount for every total within the search, for common rates and every IDR coin', () => {
    const misses: Array<{ rateBasisPoints: number; coin: number; taxable: number; total: number }> = [];
    for (const rateBasisPoints of [0, 500, 1_000, 1_100, 1_200, 10_000]) {
      const tax: TaxRule = { name: 'T', rateBasisPoints, inclusive: false };
      for (const coin of [50, 100, 200, 500, 1_000]) {
        for (let taxable = coin * MAX_COIN_STEPS; taxable < 30_000; taxable += 3) {
          const exact = totalOf(taxable, tax);
          const total = totalOf(cashRoundedTaxable(taxable, tax, coin, 0), tax);
          if (total % coin !== 0 || total > exact || total <= exact - coin * MAX_COIN_STEPS) misses.push({ rateBasisPoints, coin, taxable, total });
        }
      }
    }
    expect(misses).toEqual([]);
  });
});

describe('taxableFor', () => {
  it.each([
    [3_800, PPN_ADDED, 3_423],
    [5_051, PPN_ADDED, 4_550],
    [5_050, PPN_ADDED, null],
    [3_800, PPN_INCLUDED, 3_800],
    [0, PPN_ADDED, 0],
  ])('total %i under %o', (total, tax, expected) => {
    expect(taxableFor(total, tax)).toBe(expected);
  });
});
