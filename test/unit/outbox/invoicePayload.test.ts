import { describe, expect, it } from 'vitest';
import { invoicePayloadSchema, shareSaleDiscount, toInvoicePayload, type InvoiceContext } from '../../../shared/invoice/invoicePayload';
import { localTime } from '../../../shared/invoice/localTime';
import { EMPTY_SALE, type SaleDraft } from '../../../shared/sale/sale';
import { computeTotals } from '../../../shared/sale/totals';

const context: InvoiceContext = { outlet: 'Outlet1', register: 'Kasir 1', tag: 'Offline', decimals: 0, salesPerson: null };
const identity = { number: 'POS-7KQ2M-261122-0001', date: '2026-11-22' };

function draft(overrides: Partial<SaleDraft>): SaleDraft {
  return {
    ...EMPTY_SALE,
    lines: [
      { variantCode: '1315L', name: 'Cardigan (L)', quantity: 2, unitPrice: 280_000, discount: null },
      { variantCode: '200535', name: 'Boots (35)', quantity: 1, unitPrice: 540_000, discount: { kind: 'percent', basisPoints: 1000 } },
    ],
    payments: [{ method: 'Cash', amount: 1_100_000, cash: true }],
    ...overrides,
  };
}

describe('toInvoicePayload', () => {
  it('sends a weighed line as kilograms with three decimals at the price per kg, and the payload still parses', () => {
    const sale = draft({
      lines: [{ variantCode: '00042', name: 'Daging Sapi (per kg)', quantity: 1, unitPrice: 149_900, discount: null, weightGrams: 1_235 }],
      payments: [{ method: 'Cash', amount: 185_127, cash: true }],
    });
    const totals = computeTotals(sale);
    expect(totals.total).toBe(185_127);
    const payload = toInvoicePayload(sale, totals, context, identity);
    expect(payload.Variants).toEqual([{ Code: '00042', Quantity: 1.235, Price: 149_900 }]);
    expect(JSON.stringify(payload.Variants)).toContain('"Quantity":1.235');
    expect(invoicePayloadSchema.safeParse(payload).success).toBe(true);
    expect(invoicePayloadSchema.safeParse({ ...payload, Variants: [{ Code: '00042', Quantity: 1.2345, Price: 149_900 }] }).success).toBe(false);
  });

  it('maps a cash sale with change: payments settle exactly the total', () => {
    const sale = draft({});
    const totals = computeTotals(sale);
    const payload = toInvoicePayload(sale, totals, context, identity);
    expect(payload).toEqual({
      Outlet: 'Outlet1',
      Number: identity.number,
      Date: '2026-11-22',
      Tag: 'Offline',
      TaxType: 'No Tax',
      Register: 'Kasir 1',
      DiscountAmount: 54_000,
      Fulfillment: 'Sent',
      Variants: [
        { Code: '1315L', Quantity: 2, Price: 280_000 },
        { Code: '200535', Quantity: 1, Price: 540_000, Note: 'Discount 10%' },
      ],
      Payments: [{ Amount: totals.total, Method: 'Cash' }],
    });
    expect(invoicePayloadSchema.parse(payload)).toEqual(payload);
  });

  it('sends line and sale discounts as one exact amount', () => {
    const sale = draft({
      lines: [
        { variantCode: 'A1', name: 'A', quantity: 3, unitPrice: 3_333, discount: { kind: 'amount', amount: 1_000 } },
        { variantCode: 'B2', name: 'B', quantity: 1, unitPrice: 10_000, discount: null },
      ],
      saleDiscount: { kind: 'percent', basisPoints: 250 },
      payments: [{ method: 'QRIS', amount: 0, cash: false }],
    });
    const totals = computeTotals(sale);
    const paid = { ...sale, payments: [{ method: 'QRIS', amount: totals.total, cash: false }] };
    const payload = toInvoicePayload(paid, computeTotals(paid), context, identity);
    expect(payload.DiscountAmount).toBe(1_000 + totals.saleDiscount);
    expect(payload.Variants.map((v) => v.Discount)).toEqual([undefined, undefined]);
    expect(payload.Variants[0]?.Note).toBe('Discount 1000');
    expect(payload.Payments).toEqual([{ Amount: totals.total, Method: 'QRIS' }]);
  });

  it('with redeemed points, leaves DiscountAmount to DealPOS and moves other discounts into line percentages', () => {
    const sale = draft({
      lines: [
        { variantCode: 'A1', name: 'A', quantity: 2, unitPrice: 10_000, discount: { kind: 'percent', basisPoints: 1000 } },
        { variantCode: 'B2', name: 'B', quantity: 1, unitPrice: 30_000, discount: null },
      ],
      saleDiscount: { kind: 'amount', amount: 4_800 },
      customer: { id: null, code: 'HW008', name: 'Tafta tata', email: 'Tafta@dealpos.com', mobile: null, group: 'Gold', loyaltyPoints: 88 },
      pointsRedeemed: 5,
      pointValue: 100,
    });
    const totals = computeTotals(sale);
    const paid = { ...sale, payments: [{ method: 'Cash', amount: totals.total, cash: true }] };
    const payload = toInvoicePayload(paid, computeTotals(paid), context, identity);
    expect(payload.PointUsed).toBe(5);
    expect(payload.DiscountAmount).toBeUndefined();
    expect(payload.Customer).toEqual({ Code: 'HW008', Name: 'Tafta tata', Email: 'Tafta@dealpos.com' });
    // Nets 18,000 and 30,000; the 4,800 sale discount splits 1,800 / 3,000.
    expect(payload.Variants.map((v) => v.Discount)).toEqual([19, 10]);
  });

  it('shares a sale discount over the lines exactly', () => {
    const sale = draft({
      lines: [1, 1, 1].map((q, i) => ({ variantCode: `C${i}`, name: 'C', quantity: q, unitPrice: 1_000, discount: null })),
      saleDiscount: { kind: 'amount', amount: 100 },
    });
    const shares = shareSaleDiscount(computeTotals(sale));
    expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
    expect([...shares].sort()).toEqual([33, 33, 34]);
  });

  it('takes change off cash only, last cash payment first, and drops emptied payments', () => {
    const sale = draft({
      payments: [
        { method: 'Card', amount: 500_000, cash: false },
        { method: 'Cash', amount: 100_000, cash: true },
        { method: 'Cash', amount: 600_000, cash: true },
      ],
    });
    const totals = computeTotals(sale);
    const payload = toInvoicePayload(sale, totals, { ...context, register: null }, identity);
    const paid = payload.Payments.reduce((n, p) => n + p.Amount, 0);
    expect(paid).toBe(totals.total);
    expect(payload.Payments[0]).toEqual({ Amount: 500_000, Method: 'Card' });
    expect(payload.Register).toBeUndefined();
  });

  it('sends major units for currencies with decimals', () => {
    const sale = draft({
      lines: [{ variantCode: 'X', name: 'X', quantity: 1, unitPrice: 1_999, discount: null }],
      payments: [{ method: 'Cash', amount: 1_999, cash: true }],
    });
    const payload = toInvoicePayload(sale, computeTotals(sale), { ...context, decimals: 2 }, identity);
    expect(payload.Variants[0]?.Price).toBe(19.99);
    expect(payload.Payments[0]?.Amount).toBe(19.99);
  });
});

describe('toInvoicePayload with cash rounding (issue 13)', () => {
  const PPN_ADDED = { name: 'PPN 11%', rateBasisPoints: 1_100, inclusive: false };
  const kopi = (price: number, discount: SaleDraft['saleDiscount'] = null) => ({ variantCode: 'K1', name: 'Kopi', quantity: 1, unitPrice: price, discount });

  it.each([
    ['no tax: the 85 rounding joins the line discount in DiscountAmount', { lines: [kopi(4_885, { kind: 'amount', amount: 1_000 })], payments: [{ method: 'Cash', amount: 5_000, cash: true }] }, 1_085, 'Cash rounding 85', 3_800],
    ['tax added: 77 before tax is 85 off the total', { lines: [kopi(3_500)], tax: PPN_ADDED, payments: [{ method: 'Cash', amount: 3_800, cash: true }] }, 77, 'Cash rounding 85 (77 before tax)', 3_800],
    ['card and cash: only the cash part is rounded', { lines: [kopi(3_885)], payments: [{ method: 'Card', amount: 2_000, cash: false }, { method: 'Cash', amount: 2_000, cash: true }] }, 85, 'Cash rounding 85', 3_800],
    ['all by card: exact, no note', { lines: [kopi(3_885)], payments: [{ method: 'Card', amount: 3_885, cash: false }] }, undefined, undefined, 3_885],
  ])('%s', (_name, over: Partial<SaleDraft>, discountAmount, note, paid) => {
    const sale = draft({ ...over, cashRoundingCoin: 100 });
    const payload = toInvoicePayload(sale, computeTotals(sale), context, identity);
    expect({ DiscountAmount: payload.DiscountAmount, Note: payload.Note, paid: payload.Payments.reduce((n, p) => n + p.Amount, 0) }).toEqual({ DiscountAmount: discountAmount, Note: note, paid });
    expect(invoicePayloadSchema.safeParse(payload).success).toBe(true);
  });

  it('with redeemed points, shares the rounding over the line percentages with the sale discount', () => {
    const sale = draft({
      lines: [
        { variantCode: 'A1', name: 'A', quantity: 1, unitPrice: 10_000, discount: null },
        { variantCode: 'B2', name: 'B', quantity: 1, unitPrice: 30_085, discount: null },
      ],
      customer: { id: null, code: 'HW008', name: 'Tafta tata', email: null, mobile: null, group: null, loyaltyPoints: 88 },
      pointsRedeemed: 5,
      pointValue: 100,
      cashRoundingCoin: 100,
      payments: [{ method: 'Cash', amount: 40_000, cash: true }],
    });
    const totals = computeTotals(sale);
    // 40,085 less 500 of points is 39,585: 85 of rounding, 39,500 to pay.
    expect({ rounding: totals.rounding, total: totals.total }).toEqual({ rounding: 85, total: 39_500 });
    const payload = toInvoicePayload(sale, totals, context, identity);
    expect(payload.DiscountAmount).toBeUndefined();
    expect(shareSaleDiscount(totals)).toEqual([21, 64]);
    // Each line's percentage takes exactly its share off its price (DealPOS then takes the points off).
    const valued = payload.Variants.map((v) => Math.round(v.Price * (1 - (v.Discount ?? 0) / 100)));
    expect(valued).toEqual([10_000 - 21, 30_085 - 64]);
    expect(valued.reduce((a, b) => a + b, 0) - 500).toBe(totals.total);
  });
});

describe('localTime', () => {
  it('gives the local date and an ISO timestamp with offset', () => {
    const instant = Date.UTC(2026, 10, 22, 18, 30, 5, 7);
    expect(localTime(instant, 7 * 60)).toEqual({ date: '2026-11-23', iso: '2026-11-23T01:30:05.007+07:00' });
    expect(localTime(instant, -150)).toEqual({ date: '2026-11-22', iso: '2026-11-22T16:00:05.007-02:30' });
  });
});
