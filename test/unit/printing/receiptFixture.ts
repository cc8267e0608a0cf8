import type { RecordedSale } from '../../../shared/contract/sale';
import { buildReceipt, type Receipt } from '../../../shared/receipt/receipt';
import type { SaleDraft } from '../../../shared/sale/sale';
import { computeTotals } from '../../../shared/sale/totals';

/**
 * A sale with everything a receipt can carry: a percent and an amount line discount (one approved
 * by a manager), a sale discount, redeemed points, 11 % tax added on top, a card and a cash
 * payment, and change. Figures: 9.450 + 15.000 + 6.000 = 30.450; −5 % = 1.523; −20 points × 100;
 * tax 11 % of 26.927 = 2.962; total 29.889; paid 20.000 card + 50.000 cash; change 40.111.
 */
export const FULL_SALE: SaleDraft = {
  lines: [
    { variantCode: '8991001000019', name: 'Indomie Goreng Rendang 5 x 85g', quantity: 3, unitPrice: 3_500, discount: { kind: 'percent', basisPoints: 1_000 } },
    { variantCode: 'KOPI-25', name: 'Kopi Kapal Api Café Spesial Mix 25g', quantity: 1, unitPrice: 15_900, discount: { kind: 'amount', amount: 900 } },
    { variantCode: '8992753720023', name: 'Aqua 600ml', quantity: 2, unitPrice: 3_000, discount: null },
  ],
  saleDiscount: { kind: 'percent', basisPoints: 500 },
  customer: { id: 'c-8', code: 'HW008', name: 'Tafta tata', email: null, mobile: null, group: null, loyaltyPoints: 120 },
  pointsRedeemed: 20,
  pointValue: 100,
  tax: { name: 'PPN 11%', rateBasisPoints: 1_100, inclusive: false },
  payments: [
    { method: 'Debit Card', amount: 20_000, cash: false },
    { method: 'Cash', amount: 50_000, cash: true },
  ],
};

export const FULL_RECORDED: RecordedSale = {
  localId: '0b6f1c9e-3f57-4d0a-9a11-2f1c1c0e0001',
  invoiceNumber: 'POS-R7K2M-261122-0007',
  completedAt: '2026-11-22T17:05:09.123+07:00',
  totals: computeTotals(FULL_SALE),
  sale: FULL_SALE,
  approvals: [{ action: 'line_discount', approvedBy: 'Bu Sari', approvedAt: '2026-11-22T17:04:00.000+07:00', detail: 'Indomie Goreng Rendang 5 x 85g: 10% off' }],
  outlet: 'Main Store',
  register: 'Kasir 1',
};

export function fullReceipt(overrides: { demo?: boolean } = {}): Receipt {
  return buildReceipt(FULL_RECORDED, { header: 'Toko Maju Jaya\nJl. Merdeka 17', footer: 'Terima kasih!\nBarang yang sudah dibeli tidak dapat dikembalikan', demo: overrides.demo ?? false, decimals: 0 });
}
