import { z } from 'zod';

/** Largest quantity and price accepted on a line; beyond these it is a typing or scanning mistake. */
export const MAX_QUANTITY = 100_000;
export const MAX_UNIT_PRICE = 1_000_000_000_000;
/** Largest coin cash can be rounded to (minor units); IDR's largest coin is Rp 1.000. */
export const MAX_CASH_ROUNDING_COIN = 100_000;
/** Heaviest weighed line (grams); a scale label beyond a tonne is a misread. */
export const MAX_WEIGHT_GRAMS = 1_000_000;

const money = z.number().int().nonnegative().max(MAX_UNIT_PRICE);

export const discountSchema = z.discriminatedUnion('kind', [
  /** 1 % = 100 basis points. */
  z.object({ kind: z.literal('percent'), basisPoints: z.number().int().min(0).max(10_000) }),
  /** An amount off the line (or the sale) in minor units. */
  z.object({ kind: z.literal('amount'), amount: money }),
]);
export type Discount = z.infer<typeof discountSchema>;

export const saleLineSchema = z.object({
  variantCode: z.string().trim().min(1).max(64),
  name: z.string().min(1).max(200),
  quantity: z.number().int().min(1).max(MAX_QUANTITY),
  unitPrice: money,
  discount: discountSchema.nullable(),
  /**
   * A weighed line (from a scale label): the weight in whole grams, `unitPrice` is per kilogram and
   * `quantity` is 1. Grams keep the weight exact: the line is worth unitPrice × grams / 1000, rounded once.
   */
  weightGrams: z.number().int().min(1).max(MAX_WEIGHT_GRAMS).optional(),
});
export type SaleLine = z.infer<typeof saleLineSchema>;

export const taxRuleSchema = z.object({
  /** DealPOS TaxType name, e.g. "No Tax" or "PPN 11%". */
  name: z.string().min(1).max(100),
  rateBasisPoints: z.number().int().min(0).max(10_000),
  /** Prices already include the tax (it is carved out) rather than added on top. */
  inclusive: z.boolean(),
});
export type TaxRule = z.infer<typeof taxRuleSchema>;

export const NO_TAX: TaxRule = { name: 'No Tax', rateBasisPoints: 0, inclusive: false };

export const saleCustomerSchema = z.object({
  id: z.string().max(64).nullable(),
  code: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  email: z.string().max(200).nullable(),
  mobile: z.string().max(40).nullable(),
  group: z.string().max(100).nullable(),
  loyaltyPoints: z.number().int().nonnegative(),
});
export type SaleCustomer = z.infer<typeof saleCustomerSchema>;

export const paymentSchema = z.object({
  /** DealPOS payment method name, e.g. "Cash". */
  method: z.string().min(1).max(100),
  amount: money,
  /** Only cash can be over-tendered and give change. */
  cash: z.boolean(),
});
export type Payment = z.infer<typeof paymentSchema>;

export const saleDraftSchema = z.object({
  lines: z.array(saleLineSchema).max(500),
  saleDiscount: discountSchema.nullable(),
  customer: saleCustomerSchema.nullable(),
  /** Loyalty points redeemed; only allowed after the customer's PIN was verified. */
  pointsRedeemed: z.number().int().nonnegative(),
  /** Minor units one point is worth (a store setting; DealPOS derives the same from RedeemPointValue). */
  pointValue: money,
  tax: taxRuleSchema,
  payments: z.array(paymentSchema).max(20),
  /**
   * The store's smallest coin in minor units, when cash is rounded down to it (a store setting;
   * shared/sale/totals.ts `cashRoundedTaxable`). Absent: exact, as every sale before the setting.
   */
  cashRoundingCoin: z.number().int().min(2).max(MAX_CASH_ROUNDING_COIN).optional(),
});
export type SaleDraft = z.infer<typeof saleDraftSchema>;

export const EMPTY_SALE: SaleDraft = {
  lines: [],
  saleDiscount: null,
  customer: null,
  pointsRedeemed: 0,
  pointValue: 0,
  tax: NO_TAX,
  payments: [],
};
