import { computeTotals } from './totals';
import type { SaleDraft } from './sale';

/**
 * The most points worth redeeming on this sale: never more than the customer holds, and never more
 * than it takes to bring the amount after discounts to zero (extra points would be wasted).
 */
export function maxRedeemablePoints(sale: SaleDraft): number {
  if (!sale.customer || sale.pointValue <= 0) return 0;
  const totals = computeTotals({ ...sale, pointsRedeemed: 0, payments: [] });
  const afterDiscount = totals.subtotal - totals.saleDiscount;
  return Math.max(0, Math.min(sale.customer.loyaltyPoints, Math.floor(afterDiscount / sale.pointValue)));
}
