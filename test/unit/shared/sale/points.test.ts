import { describe, expect, it } from 'vitest';
import { maxRedeemablePoints } from '../../../../shared/sale/points';
import { EMPTY_SALE, type SaleDraft } from '../../../../shared/sale/sale';

const customer = { id: 'c1', code: 'M-001', name: 'Sari', email: null, mobile: null, group: 'Gold', loyaltyPoints: 300 };
const sale: SaleDraft = {
  ...EMPTY_SALE,
  lines: [{ variantCode: 'A', name: 'A', quantity: 1, unitPrice: 10_500, discount: null }],
  customer,
  pointValue: 100,
};

describe('maxRedeemablePoints', () => {
  it('is capped by what the sale is worth, rounding down', () => {
    expect(maxRedeemablePoints(sale)).toBe(105);
    expect(maxRedeemablePoints({ ...sale, saleDiscount: { kind: 'amount', amount: 550 } })).toBe(99);
  });
  it('is capped by the balance', () => {
    expect(maxRedeemablePoints({ ...sale, customer: { ...customer, loyaltyPoints: 12 } })).toBe(12);
  });
  it('is zero without a customer or a point value', () => {
    expect(maxRedeemablePoints({ ...sale, customer: null })).toBe(0);
    expect(maxRedeemablePoints({ ...sale, pointValue: 0 })).toBe(0);
  });
});
