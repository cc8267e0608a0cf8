/**
 * Completed sale → the body of DealPOS `POST /Invoice` (one element of `POST /Invoice/List`).
 * Pure: no I/O, the number, local date and settings are passed in.
 *
 * Documented fields (seed "Create an Invoice"): Outlet, Number, Date, Tag, TaxType, Register,
 * Discount1 (integer %), DiscountAmount, PointUsed, Fulfillment, Note, Customer{Name, Email, Mobile,
 * Code}, Variants[{Code, Quantity, Price, Discount, Note}], Payments[{Amount, Method, Code, Note}].
 *
 * ASSUMPTIONS (not documented; the DealPOS client's main/dealpos/assumptions.ts holds the shared
 * ones — line `Discount` is a percentage, `DiscountAmount` an amount off the whole invoice):
 * - A1. Without redeemed points, every discount (line percent, line amount, sale discount) is sent
 *   as ONE exact amount in `DiscountAmount`, computed by shared/sale/totals.ts. Percentages would
 *   make DealPOS round on its own and its total could differ from the receipt; the amount keeps both
 *   identical. Each discounted line says what it got in its `Note` (e.g. "Discount 10%").
 * - A2. With redeemed points we send `PointUsed`, and DealPOS REPLACES `DiscountAmount` with the
 *   points' value (the docs: "DiscountAmount will be auto calculated"). The other discounts then
 *   travel as per-line `Discount` percentages (4 decimals; the sale discount shared pro rata over
 *   the lines), so DealPOS's total can differ from ours by rounding, at most a minor unit per line.
 * - A3. Payment `Amount` is what the payment settles: cash change is taken off the cash payments
 *   (last first), so the payments sum to the invoice total.
 * - A4. A counter sale is handed over at once: `Fulfillment: "Sent"`.
 * - A5. A weighed line (scale label) is sent as `Quantity` in kilograms with up to 3 decimals at
 *   `Price` per kilogram; DealPOS values it as we do, Price × Quantity rounded once per line
 *   (main/dealpos/assumptions.ts WEIGHED_QUANTITY). A price label is Quantity 1 at its price.
 * - A6. Cash rounding (issue 13; "Cash rounding" in main/dealpos/assumptions.ts) is a discount before
 *   tax: `totals.roundingDiscount` joins the one exact `DiscountAmount` of A1, or with redeemed
 *   points (A2) is shared over the lines with the sale discount as per-line `Discount` percentages.
 *   The invoice `Note` says how much was rounding ("Cash rounding 85", "… (77 before tax)"), so
 *   the back office can tell it from a discount. The create page documents no `Surcharge`, so the counter only rounds down.
 * Money is sent in major units (`toMajor`) with the store's currency decimals.
 */
import { z } from 'zod';
import { sum, toMajor } from '../money';
import { MAX_INVOICE_NUMBER_LENGTH } from './invoiceNumber';
import type { Discount, SaleDraft } from '../sale/sale';
import type { SaleTotals } from '../sale/totals';

export const invoiceVariantSchema = z.object({
  Code: z.string().min(1).max(64),
  /** Whole units, or a weighed line's kilograms with at most 3 decimals (A5). */
  Quantity: z
    .number()
    .refine((q) => q !== 0, 'Must not be zero')
    .refine((q) => Math.abs(q * 1000 - Math.round(q * 1000)) < 1e-6, 'At most 3 decimals (whole grams)'),
  Price: z.number().nonnegative(),
  /** Percent off the line; only used alongside redeemed points (A2). */
  Discount: z.number().min(0).max(100).optional(),
  Note: z.string().max(500).optional(),
});
export type InvoiceVariant = z.infer<typeof invoiceVariantSchema>;

export const invoicePaymentSchema = z.object({
  /** Negative only on a return (the refund). */
  Amount: z.number(),
  Method: z.string().min(1).max(100),
  Note: z.string().max(500).optional(),
});

export const invoiceCustomerSchema = z.object({
  Code: z.string().min(1).max(64),
  Name: z.string().min(1).max(200),
  Email: z.string().max(200).optional(),
  Mobile: z.string().max(40).optional(),
});

/** What the outbox stores and sends; parsed again whenever it is read back from SQLite. */
export const invoicePayloadSchema = z
  .object({
  Outlet: z.string().min(1).max(100),
  Number: z.string().min(1).max(MAX_INVOICE_NUMBER_LENGTH),
  Date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  Tag: z.string().min(1).max(100),
  TaxType: z.string().min(1).max(100),
  Register: z.string().min(1).max(100).optional(),
  SalesPerson: z.string().min(1).max(100).optional(),
  /** Negative only on a return. */
  DiscountAmount: z.number().optional(),
  PointUsed: z.number().int().positive().optional(),
  Fulfillment: z.enum(['Sent', 'Unsent']),
  Note: z.string().max(1000).optional(),
  Customer: invoiceCustomerSchema.optional(),
  Variants: z.array(invoiceVariantSchema).min(1),
  Payments: z.array(invoicePaymentSchema),
  /** A return's original invoice (main/dealpos/assumptions.ts RETURN_INVOICE). */
  ReferenceInvoiceNumber: z.string().min(1).max(MAX_INVOICE_NUMBER_LENGTH).optional(),
})
  .superRefine((payload, ctx) => {
    // A sale is all positive; a return is all negative (zero amounts aside) and names what it returns.
    const returning = payload.ReferenceInvoiceNumber !== undefined;
    const wrong = (value: number, zeroAllowed: boolean): boolean => (value === 0 ? !zeroAllowed : value < 0 !== returning);
    const message = returning ? 'Must be negative on a return' : 'Must not be negative on a sale';
    payload.Variants.forEach((v, i) => {
      if (wrong(v.Quantity, false)) ctx.addIssue({ code: 'custom', path: ['Variants', i, 'Quantity'], message });
    });
    payload.Payments.forEach((p, i) => {
      if (wrong(p.Amount, true)) ctx.addIssue({ code: 'custom', path: ['Payments', i, 'Amount'], message });
    });
    if (payload.DiscountAmount !== undefined && wrong(payload.DiscountAmount, true)) ctx.addIssue({ code: 'custom', path: ['DiscountAmount'], message });
  });
export type InvoicePayload = z.infer<typeof invoicePayloadSchema>;

/** Settings-derived fields of every invoice from this register. */
export interface InvoiceContext {
  /** DealPOS Outlet name. */
  readonly outlet: string;
  /** DealPOS Register name, when one is configured. */
  readonly register: string | null;
  /** Sales channel tag, e.g. "Offline". */
  readonly tag: string;
  /** Currency decimals of the store (0 for IDR). */
  readonly decimals: number;
  readonly salesPerson: string | null;
}

export interface InvoiceIdentity {
  readonly number: string;
  /** Local YYYY-MM-DD of the sale. */
  readonly date: string;
}

/** Cash change comes off the cash payments, last first (A3). */
function settledPayments(sale: SaleDraft, change: number): Array<{ method: string; amount: number }> {
  const settled = sale.payments.map((p) => ({ method: p.method, amount: p.amount, cash: p.cash }));
  let left = change;
  for (let i = settled.length - 1; i >= 0 && left > 0; i--) {
    const payment = settled[i];
    if (!payment?.cash) continue;
    const taken = Math.min(payment.amount, left);
    payment.amount -= taken;
    left -= taken;
  }
  return settled.filter((p) => p.amount > 0).map(({ method, amount }) => ({ method, amount }));
}

function discountNote(discount: Discount, amount: number, major: (amount: number) => number): string {
  return discount.kind === 'percent' ? `Discount ${discount.basisPoints / 100}%` : `Discount ${major(amount)}`;
}

/** A6: what the rounding took off the total, and off the taxable amount when tax is added on top. */
function roundingNote(totals: SaleTotals, major: (amount: number) => number): string {
  const beforeTax = totals.roundingDiscount === totals.rounding ? '' : ` (${major(totals.roundingDiscount)} before tax)`;
  return `Cash rounding ${major(totals.rounding)}${beforeTax}`;
}

/**
 * The sale discount and the cash rounding (A6) split over the lines in proportion to their nets;
 * the shares sum exactly (largest remainder).
 */
export function shareSaleDiscount(totals: SaleTotals): number[] {
  const { subtotal } = totals;
  const shared = totals.saleDiscount + totals.roundingDiscount;
  if (shared === 0 || subtotal === 0) return totals.lines.map(() => 0);
  const exact = totals.lines.map((l) => (shared * l.net) / subtotal);
  const shares = exact.map(Math.floor);
  let left = shared - sum(shares);
  const byRemainder = exact.map((value, i) => ({ i, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left--;
  }
  return shares;
}

/**
 * A return (shared/returns/returnMaths.ts) → its invoice: the same body as a sale of the returned
 * lines, with quantities, discount and refund negative and the original's number as reference
 * (RETURN_INVOICE in main/dealpos/assumptions.ts). No customer: points are not moved by a return.
 */
export function toReturnPayload(returned: SaleDraft, totals: SaleTotals, context: InvoiceContext, identity: InvoiceIdentity, originalNumber: string): InvoicePayload {
  const { Customer: _customer, ...sale } = toInvoicePayload({ ...returned, customer: null }, totals, context, identity);
  return {
    ...sale,
    ...(sale.DiscountAmount === undefined ? {} : { DiscountAmount: -sale.DiscountAmount }),
    Note: `Return of ${originalNumber}`,
    Variants: sale.Variants.map((v) => ({ ...v, Quantity: -v.Quantity })),
    Payments: sale.Payments.map((p) => ({ ...p, Amount: -p.Amount })),
    ReferenceInvoiceNumber: originalNumber,
  };
}

export function toInvoicePayload(sale: SaleDraft, totals: SaleTotals, context: InvoiceContext, identity: InvoiceIdentity): InvoicePayload {
  const major = (amount: number): number => toMajor(amount, context.decimals);
  const withPoints = sale.pointsRedeemed > 0;
  const shares = withPoints ? shareSaleDiscount(totals) : [];
  const variants: InvoiceVariant[] = sale.lines.map((line, i) => {
    // A5: a weighed line is its weight in kg (grams / 1000: at most 3 decimals) at the price per kg.
    const quantity = line.weightGrams === undefined ? line.quantity : line.weightGrams / 1000;
    const base: InvoiceVariant = { Code: line.variantCode, Quantity: quantity, Price: major(line.unitPrice) };
    const lineTotals = totals.lines[i];
    const lineDiscount = lineTotals?.discount ?? 0;
    const noted = line.discount && lineDiscount > 0 ? { ...base, Note: discountNote(line.discount, lineDiscount, major) } : base;
    const off = lineDiscount + (shares[i] ?? 0);
    if (!withPoints || off === 0 || !lineTotals || lineTotals.gross === 0) return noted;
    return { ...noted, Discount: Math.round((off / lineTotals.gross) * 100 * 10_000) / 10_000 };
  });
  const discountAmount = withPoints ? 0 : sum(totals.lines.map((l) => l.discount)) + totals.saleDiscount + totals.roundingDiscount;
  return {
    Outlet: context.outlet,
    Number: identity.number,
    Date: identity.date,
    Tag: context.tag,
    TaxType: sale.tax.name,
    ...(context.register ? { Register: context.register } : {}),
    ...(context.salesPerson ? { SalesPerson: context.salesPerson } : {}),
    ...(discountAmount > 0 ? { DiscountAmount: major(discountAmount) } : {}),
    ...(sale.pointsRedeemed > 0 ? { PointUsed: sale.pointsRedeemed } : {}),
    Fulfillment: 'Sent',
    ...(totals.rounding > 0 ? { Note: roundingNote(totals, major) } : {}),
    ...(sale.customer
      ? {
          Customer: {
            Code: sale.customer.code,
            Name: sale.customer.name,
            ...(sale.customer.email ? { Email: sale.customer.email } : {}),
            ...(sale.customer.mobile ? { Mobile: sale.customer.mobile } : {}),
          },
        }
      : {}),
    Variants: variants,
    Payments: settledPayments(sale, totals.change).map((p) => ({ Amount: major(p.amount), Method: p.method })),
  };
}
