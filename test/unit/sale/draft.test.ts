/**
 * What a sale is worth, decided by main's pure draft rules: prices stay as quoted, limits hold
 * unless a manager approved, points need main's PIN check, amounts never leave the exact range.
 */
import { describe, expect, it } from 'vitest';
import type { SaleApproval } from '../../../shared/contract/sale';
import { DEFAULT_SETTINGS } from '../../../shared/contract/settings';
import { ServiceError } from '../../../shared/errors';
import { discountLimitFromPercent, NO_DISCOUNT_LIMIT } from '../../../shared/sale/discountLimits';
import { NO_TAX, type SaleCustomer } from '../../../shared/sale/sale';
import * as draft from '../../../main/sale/draft';
import { pricingRules } from '../../../main/sale/pricingRules';
import { thrownBy } from '../../support/thrownBy';

const RULES: draft.PricingRules = {
  tax: NO_TAX,
  taxFallback: null,
  pointValue: 1,
  lineLimit: discountLimitFromPercent(10),
  saleLimit: discountLimitFromPercent(10),
  decimals: 0,
  cashRoundingCoin: null,
};
const INDOMIE = { code: '8991001000019', name: 'Indomie Goreng 85g', price: 3_500 };
const TEH = { code: '8991001000033', name: 'Teh Botol Sosro 450ml', price: 5_000 };
const APPROVAL: SaleApproval = { action: 'line_discount', approvedBy: 'Bu Sari', approvedAt: '2026-12-04T10:00:00+07:00', detail: 'Indomie: 50% off' };
const TAFTA: SaleCustomer = { id: 'c-1', code: 'HW008', name: 'Tafta', email: null, mobile: null, group: null, loyaltyPoints: 88 };

function withLines(...items: Array<typeof INDOMIE>): { sale: draft.Draft; ids: string[] } {
  let sale = draft.emptyDraft('d-1');
  const ids: string[] = [];
  for (const item of items) {
    const added = draft.addItem(sale, item, 1, RULES);
    sale = added.draft;
    ids.push(added.lineId);
  }
  return { sale, ids };
}

function refusedAt(run: () => unknown): { code: string; path: string | undefined; message: string } {
  const error = thrownBy(ServiceError, run);
  return { code: error.code, path: error.issues?.[0]?.path, message: error.message };
}

describe('prices', () => {
  it('keeps the price quoted at the first scan when the same item is scanned again at a new price', () => {
    const { sale } = withLines(INDOMIE);
    const again = draft.addItem(sale, { ...INDOMIE, price: 4_000 }, 2, RULES).draft;
    expect(again.lines).toHaveLength(1);
    expect(again.lines[0]).toMatchObject({ quantity: 3, unitPrice: 3_500, listPrice: 3_500 });
    expect(draft.viewOf(again, RULES).totals.total).toBe(10_500);
  });

  it('refuses a quantity × price beyond the exact range as a validation error naming the line', () => {
    const { sale, ids } = withLines({ code: 'GOLD', name: 'Gold bar', price: 1_000_000_000_000 });
    expect(refusedAt(() => draft.setQuantity(sale, ids[0] ?? '', 100_000, RULES))).toMatchObject({ code: 'validation', path: 'lines.0.quantity' });
  });

  it('refuses a change to a line that is not on the sale, naming it', () => {
    expect(refusedAt(() => draft.removeLine(draft.emptyDraft('d'), 'L9', RULES))).toMatchObject({ code: 'validation', path: 'lineId' });
  });
});

describe('discount limits', () => {
  it('applies a discount within the limit and asks for a manager beyond it', () => {
    const { sale, ids } = withLines(INDOMIE);
    const lineId = ids[0] ?? '';
    expect(draft.setLineDiscount(sale, lineId, { kind: 'percent', basisPoints: 1_000 }, null, RULES).lines[0]?.discount).toEqual({ kind: 'percent', basisPoints: 1_000 });
    const refused = thrownBy(draft.NeedsApprovalError, () => draft.setLineDiscount(sale, lineId, { kind: 'percent', basisPoints: 10_000 }, null, RULES));
    expect(refused.code).toBe('forbidden');
    expect(refused.details).toEqual({ needsApproval: true });
    // An amount is held to the same percent limit: 400 off 3,500 is over 10 %.
    expect(() => draft.setLineDiscount(sale, lineId, { kind: 'amount', amount: 400 }, null, RULES)).toThrow(draft.NeedsApprovalError);
  });

  it('records who approved a discount beyond the limit, and lists it for the receipt', () => {
    const { sale, ids } = withLines(INDOMIE, TEH);
    const approved = draft.setLineDiscount(sale, ids[0] ?? '', { kind: 'percent', basisPoints: 5_000 }, APPROVAL, RULES);
    expect(approved.lines[0]?.discountApproval).toEqual(APPROVAL);
    expect(draft.viewOf(approved, RULES).totals.total).toBe(1_750 + 5_000);
    expect(draft.approvalsOf(approved)).toEqual([APPROVAL]);
  });

  it('refuses a discount larger than what it applies to, even with no limit', () => {
    const { sale, ids } = withLines(INDOMIE);
    const open = { ...RULES, lineLimit: NO_DISCOUNT_LIMIT };
    expect(refusedAt(() => draft.setLineDiscount(sale, ids[0] ?? '', { kind: 'amount', amount: 3_501 }, null, open))).toMatchObject({ code: 'validation', path: 'discount' });
  });

  it('will not let a smaller sale push an unapproved discount over the limit', () => {
    const { sale, ids } = withLines(INDOMIE, TEH);
    // 800 off 8,500 is within 10 %; without the tea it would be 800 off 3,500.
    const discounted = draft.setSaleDiscount(sale, { kind: 'amount', amount: 800 }, null, RULES);
    expect(refusedAt(() => draft.removeLine(discounted, ids[1] ?? '', RULES))).toMatchObject({ code: 'validation', path: 'saleDiscount' });
  });

  it('finds a discount that a lowered limit no longer allows before the sale is recorded', () => {
    const { sale, ids } = withLines(INDOMIE);
    const discounted = draft.setLineDiscount(sale, ids[0] ?? '', { kind: 'percent', basisPoints: 1_000 }, null, RULES);
    expect(draft.completionIssues(discounted, { ...RULES, lineLimit: discountLimitFromPercent(5) })).toEqual([
      { path: 'lines.0.discount', message: expect.stringContaining('over the 5% limit') },
    ]);
  });
});

describe('customers and points', () => {
  it('redeems points only after main checked this customer’s PIN, and never more than the sale takes', () => {
    const { sale } = withLines(INDOMIE);
    const attached = draft.setCustomer(sale, TAFTA, null);
    expect(refusedAt(() => draft.redeemPoints(attached, 10, RULES))).toMatchObject({ code: 'forbidden', path: 'points' });
    const verified = draft.acceptPin(attached, 'c-1');
    expect(draft.viewOf(verified, RULES)).toMatchObject({ pinVerified: true, maxPoints: 88 });
    expect(draft.viewOf(draft.redeemPoints(verified, 88, RULES), RULES).totals.total).toBe(3_500 - 88);
    expect(refusedAt(() => draft.redeemPoints(verified, 89, RULES))).toMatchObject({ code: 'validation', path: 'points' });
  });

  it('forgets the PIN check and the points when the customer changes', () => {
    const { sale } = withLines(INDOMIE);
    const redeemed = draft.redeemPoints(draft.acceptPin(draft.setCustomer(sale, TAFTA, null), 'c-1'), 20, RULES);
    const other = draft.setCustomer(redeemed, { ...TAFTA, id: 'c-2', code: 'HW021' }, null);
    expect(draft.viewOf(other, RULES)).toMatchObject({ pinVerified: false, pointsRedeemed: 0, maxPoints: 0 });
  });

  it('refuses a PIN proof for another customer, and any for offline details', () => {
    const { sale } = withLines(INDOMIE);
    expect(refusedAt(() => draft.acceptPin(draft.setCustomer(sale, TAFTA, null), 'c-2'))).toMatchObject({ path: 'proof' });
    expect(refusedAt(() => draft.acceptPin(draft.setCustomer(sale, TAFTA, '2026-12-01T09:00:00+07:00'), 'c-1'))).toMatchObject({ path: 'proof' });
  });

  it('shrinks redeemed points when the sale gets smaller instead of wasting them', () => {
    const { sale, ids } = withLines(INDOMIE, TEH);
    const rich = { ...RULES, pointValue: 100 };
    const redeemed = draft.redeemPoints(draft.acceptPin(draft.setCustomer(sale, { ...TAFTA, loyaltyPoints: 500 }, null), 'c-1'), 85, rich);
    expect(draft.removeLine(redeemed, ids[1] ?? '', rich).pointsRedeemed).toBe(35);
  });
});

describe('payments', () => {
  const CASH = { name: 'Cash', cash: true };
  const CARD = { name: 'Debit Card', cash: false };

  it('merges tenders by method, lets cash over-tender and charges a card at most what is due', () => {
    const { sale } = withLines(INDOMIE, TEH);
    const card = draft.addPayment(sale, CARD, 5_000, RULES);
    expect(refusedAt(() => draft.addPayment(card, CARD, 4_000, RULES))).toMatchObject({ code: 'validation', path: 'amount' });
    const paid = draft.addPayment(draft.addPayment(card, CASH, 2_000, RULES), CASH, 8_000, RULES);
    expect(paid.payments).toEqual([
      { method: 'Debit Card', amount: 5_000, cash: false },
      { method: 'Cash', amount: 10_000, cash: true },
    ]);
    expect(draft.viewOf(paid, RULES).totals).toMatchObject({ due: 0, change: 6_500 });
    expect(refusedAt(() => draft.addPayment(paid, CASH, 1, RULES))).toMatchObject({ path: 'amount' });
  });

  it('rounds the cash due to the store’s coin from main’s settings, and still lets a card pay the exact amount', () => {
    const rules = pricingRules({ ...DEFAULT_SETTINGS, cashRoundingCoin: 100 }, null);
    const sale = draft.addItem(draft.emptyDraft('d-r'), { code: 'KOPI', name: 'Kopi', price: 3_885 }, 1, rules).draft;
    expect(draft.viewOf(sale, rules).totals).toMatchObject({ total: 3_800, rounding: 85, due: 3_800, exactDue: 3_885 });
    expect(refusedAt(() => draft.addPayment(sale, CARD, 3_886, rules))).toMatchObject({ path: 'amount', message: expect.stringContaining('3.885') as unknown });
    expect(draft.viewOf(draft.addPayment(sale, CARD, 3_885, rules), rules).totals).toMatchObject({ total: 3_885, rounding: 0, due: 0 });
    expect(draft.pricedSale(sale, pricingRules(DEFAULT_SETTINGS, null)).cashRoundingCoin).toBeUndefined();
  });
});

describe('tax from main’s settings', () => {
  const settings = { ...DEFAULT_SETTINGS, taxType: 'PPN Toko' };
  const coffee = { code: 'KOPI', name: 'Kopi Susu', price: 111_000 };
  const total = (rules: draft.PricingRules): { tax: number; total: number } => {
    const { totals } = draft.viewOf(draft.addItem(draft.emptyDraft('d'), coffee, 1, rules).draft, rules);
    return { tax: totals.tax, total: totals.total };
  };
  const option = (inclusive: boolean): { id: string; name: string; rateBasisPoints: number; inclusive: boolean } => ({ id: 't', name: 'PPN Toko', rateBasisPoints: 1_100, inclusive });
  const options = (taxes: ReturnType<typeof option>[]) => ({ outlets: [], paymentMethods: [], taxes, source: 'cache' as const, fetchedAt: null });

  it('carves an inclusive tax out of the price and adds an exclusive one, as DealPOS types it', () => {
    expect(total(pricingRules(settings, options([option(true)])))).toEqual({ tax: 11_000, total: 111_000 });
    expect(total(pricingRules(settings, options([option(false)])))).toEqual({ tax: 12_210, total: 123_210 });
  });

  it('prices as No Tax and names the tax type when the tax list does not know it', () => {
    const rules = pricingRules(settings, options([]));
    expect(rules).toMatchObject({ tax: NO_TAX, taxFallback: 'PPN Toko' });
    expect(total(rules)).toEqual({ tax: 0, total: 111_000 });
  });
});
