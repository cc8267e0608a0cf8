import { afterEach, describe, expect, it } from 'vitest';
import { cartSelectors } from '../../../../renderer/state/cartSlice';
import { customerSelectors } from '../../../../renderer/state/customerSlice';
import { paymentSelectors } from '../../../../renderer/state/paymentSlice';
import { selectSaleProblems, selectTotals } from '../../../../renderer/state/saleSelectors';
import { resetStore, useStore } from '../../../../renderer/state/store';

const tea = { variantCode: 'TEA-01', name: 'Teh Botol', unitPrice: 5_000 };
const rice = { variantCode: 'RICE-5', name: 'Beras 5 kg', unitPrice: 72_500 };
const sari = { id: 'c-1', code: 'M-001', name: 'Sari', email: null, mobile: '0812', group: 'Gold', loyaltyPoints: 300 };
const ppn11 = { name: 'PPN 11%', rateBasisPoints: 1_100, inclusive: false };

const store = (): ReturnType<typeof useStore.getState> => useStore.getState();

afterEach(() => resetStore());

describe('cart slice', () => {
  it('merges the same variant, selects the touched line, and derives totals with tax', () => {
    store().configureSale({ ...store().cart.rules, tax: ppn11 });
    store().addItem(tea);
    store().addItem(rice);
    store().addItem(tea);
    const s = store();
    expect(cartSelectors.lines(s).map((l) => [l.variantCode, l.quantity])).toEqual([['TEA-01', 2], ['RICE-5', 1]]);
    expect(cartSelectors.selectedIndex(s)).toBe(0);
    expect(cartSelectors.itemCount(s)).toBe(3);
    const totals = selectTotals(s);
    expect(totals.subtotal).toBe(82_500);
    expect(totals.tax).toBe(9_075);
    expect(totals.total).toBe(91_575);
  });

  it('changes quantity by keys and refuses to go below one', () => {
    store().addItem(tea);
    expect(store().changeSelectedQuantity(1).ok).toBe(true);
    expect(store().cart.lines[0]?.quantity).toBe(2);
    store().changeSelectedQuantity(-1);
    expect(store().changeSelectedQuantity(-1)).toEqual({ ok: false, reason: 'quantity_limit' });
    expect(store().cart.lines[0]?.quantity).toBe(1);
  });

  it('moves the selection within bounds and removes the selected line', () => {
    store().addItem(tea);
    store().addItem(rice);
    store().moveSelection(-5);
    expect(store().cart.selectedIndex).toBe(0);
    store().moveSelection(5);
    expect(store().cart.selectedIndex).toBe(1);
    store().removeLine(1);
    expect(store().cart.lines.map((l) => l.variantCode)).toEqual(['TEA-01']);
    expect(store().cart.selectedIndex).toBe(0);
  });

  it('holds line and sale discounts to the limits from settings', () => {
    const limit = { maxBasisPoints: 1_000, maxAmount: null };
    store().configureSale({ ...store().cart.rules, lineDiscountLimit: limit, saleDiscountLimit: limit });
    store().addItem(rice);
    expect(store().setLineDiscount(0, { kind: 'percent', basisPoints: 1_500 })).toEqual({
      ok: false,
      problem: { kind: 'over_percent_limit', maxBasisPoints: 1_000 },
    });
    expect(store().cart.lines[0]?.discount).toBeNull();
    expect(store().setLineDiscount(0, { kind: 'amount', amount: 7_250 })).toEqual({ ok: true });
    expect(selectTotals(store()).subtotal).toBe(65_250);
    expect(store().setSaleDiscount({ kind: 'amount', amount: 6_526 }).ok).toBe(false);
    expect(store().setSaleDiscount({ kind: 'percent', basisPoints: 1_000 })).toEqual({ ok: true });
    expect(selectTotals(store()).total).toBe(58_725);
  });

  it('returns the same totals object until the sale changes', () => {
    store().addItem(tea);
    const first = selectTotals(store());
    expect(selectTotals(store())).toBe(first);
    store().addItem(tea);
    expect(selectTotals(store())).not.toBe(first);
  });
});

describe('payment slice', () => {
  it('splits a sale across card and cash and gives change only from cash', () => {
    store().addItem(rice);
    expect(store().addPayment({ method: 'Card', amount: 80_000, cash: false })).toEqual({ ok: false, reason: 'non_cash_over_due', due: 72_500 });
    expect(store().addPayment({ method: 'Card', amount: 50_000, cash: false })).toEqual({ ok: true });
    expect(paymentSelectors.due(store())).toBe(22_500);
    expect(selectSaleProblems(store())).toEqual([{ kind: 'unpaid', due: 22_500 }]);
    store().addPayment({ method: 'Cash', amount: 50_000, cash: true });
    expect(paymentSelectors.due(store())).toBe(0);
    expect(paymentSelectors.change(store())).toBe(27_500);
    expect(selectSaleProblems(store())).toEqual([]);
    expect(store().addPayment({ method: 'Cash', amount: 1_000, cash: true })).toEqual({ ok: false, reason: 'nothing_due', due: 0 });
  });

  it('merges tenders of one method and can remove them', () => {
    store().addItem(rice);
    store().addPayment({ method: 'Cash', amount: 20_000, cash: true });
    store().addPayment({ method: 'Cash', amount: 10_000, cash: true });
    expect(paymentSelectors.payments(store())).toEqual([{ method: 'Cash', amount: 30_000, cash: true }]);
    store().removePayment(0);
    expect(paymentSelectors.paid(store())).toBe(0);
  });
});

describe('customer slice', () => {
  it('redeems points only after the PIN is verified for that customer, within the cap', () => {
    store().configureSale({ ...store().cart.rules, pointValue: 100 });
    store().addItem(tea);
    expect(store().redeemPoints(10)).toEqual({ ok: false, reason: 'no_customer', max: 0 });
    store().attachCustomer(sari);
    expect(store().redeemPoints(10)).toEqual({ ok: false, reason: 'pin_not_verified', max: 50 });
    expect(customerSelectors.maxPoints(store())).toBe(0);
    store().markPinVerified('SOMEONE-ELSE');
    expect(customerSelectors.pinVerified(store())).toBe(false);
    store().markPinVerified('M-001');
    expect(customerSelectors.maxPoints(store())).toBe(50);
    expect(store().redeemPoints(51)).toEqual({ ok: false, reason: 'too_many_points', max: 50 });
    expect(store().redeemPoints(20)).toEqual({ ok: true });
    expect(selectTotals(store()).pointsDiscount).toBe(2_000);
    expect(selectTotals(store()).total).toBe(3_000);
  });

  it('forgets the PIN and points when another customer is attached', () => {
    store().configureSale({ ...store().cart.rules, pointValue: 100 });
    store().addItem(tea);
    store().attachCustomer(sari);
    store().markPinVerified('M-001');
    store().redeemPoints(5);
    store().attachCustomer({ ...sari, code: 'M-002', name: 'Budi' });
    expect(store().customer).toMatchObject({ pinVerified: false, pointsRedeemed: 0 });
  });
});

describe('starting a new sale', () => {
  it('clears cart, customer and payments but keeps the rules', () => {
    store().configureSale({ ...store().cart.rules, tax: ppn11 });
    store().addItem(tea);
    store().attachCustomer(sari);
    store().addPayment({ method: 'Cash', amount: 10_000, cash: true });
    store().startNewSale();
    const s = store();
    expect(s.cart.lines).toEqual([]);
    expect(s.customer.current).toBeNull();
    expect(s.payment.payments).toEqual([]);
    expect(s.cart.rules.tax).toEqual(ppn11);
  });
});
