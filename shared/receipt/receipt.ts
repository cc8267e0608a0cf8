/**
 * The one receipt model (issue 17). Main builds it once from the stored sale; the on-screen receipt
 * (renderer/components/checkout/ReceiptView.tsx) and the thermal layout (main/printing/thermalReceipt.ts)
 * both only lay it out, so what the screen shows and what the printer prints cannot drift.
 * Pure: no I/O, no clock, no locale of the machine.
 */
import { formatMoney, IDR, type Money } from '../money';
import type { SaleApproval } from '../contract/sale';
import { roundsBeforeTax } from '../sale/cashRounding';
import type { Discount, SaleDraft } from '../sale/sale';
import type { SaleTotals } from '../sale/totals';

/** A discount as printed: the percentage when it was one, and the amount it took off. */
export interface ReceiptDiscount {
  readonly basisPoints: number | null;
  readonly amount: Money;
}

export interface ReceiptLine {
  readonly code: string;
  readonly name: string;
  readonly quantity: number;
  /** A weighed line (scale label): its weight in whole grams, `unitPrice` being per kilogram. */
  readonly weightGrams: number | null;
  readonly unitPrice: Money;
  readonly discount: ReceiptDiscount | null;
  readonly net: Money;
}

export interface ReceiptPayment {
  readonly method: string;
  readonly amount: Money;
  readonly cash: boolean;
}

export interface Receipt {
  readonly invoiceNumber: string;
  /** ISO 8601 with the register's offset, as recorded. */
  readonly completedAt: string;
  readonly outlet: string | null;
  readonly register: string | null;
  /** The store's header and footer, one entry per printed line (blank lines kept). */
  readonly header: readonly string[];
  readonly footer: readonly string[];
  /** Demo store: marked in large type at the top and the bottom. */
  readonly demo: boolean;
  readonly customer: { readonly name: string; readonly code: string } | null;
  readonly lines: readonly ReceiptLine[];
  readonly itemCount: number;
  readonly subtotal: Money;
  readonly saleDiscount: ReceiptDiscount | null;
  readonly points: { readonly points: number; readonly amount: Money } | null;
  /**
   * Cash rounding to the store's coin, taken off before tax like a discount (issue 13), so the
   * printed lines add up to the total; null when the sale was not rounded.
   */
  readonly rounding: { readonly amount: Money; readonly beforeTax: boolean } | null;
  /** Null when the sale carries no tax. */
  readonly tax: { readonly name: string; readonly inclusive: boolean; readonly amount: Money } | null;
  readonly total: Money;
  readonly payments: readonly ReceiptPayment[];
  readonly change: Money;
  /** Whether a cash payment was taken: the drawer opens for these. */
  readonly cashPaid: boolean;
  /** Each manager approval, in words the receipt prints. */
  readonly approvals: ReadonlyArray<Pick<SaleApproval, 'detail' | 'approvedBy'>>;
  /** Minor-unit digits of the store currency. */
  readonly decimals: number;
  /** Set on a return receipt: the invoice it returns; `total` and `payments` are then the refund. */
  readonly returnOf: string | null;
}

/** A sale as recorded in main's database, with where it was recorded. */
export interface StoredSaleForReceipt {
  readonly invoiceNumber: string;
  readonly completedAt: string;
  readonly outlet: string | null;
  readonly register: string | null;
  readonly sale: SaleDraft;
  readonly totals: SaleTotals;
  readonly approvals: readonly SaleApproval[];
  readonly returnOf?: string;
}

export interface ReceiptContext {
  readonly header: string;
  readonly footer: string;
  readonly demo: boolean;
  readonly decimals: number;
}

const discountOf = (discount: Discount | null, amount: Money): ReceiptDiscount | null =>
  discount && amount > 0 ? { basisPoints: discount.kind === 'percent' ? discount.basisPoints : null, amount } : null;

/** Settings keep header and footer as text with LF; an empty one prints nothing. */
const linesOf = (text: string): string[] => (text === '' ? [] : text.split('\n'));

export function buildReceipt(stored: StoredSaleForReceipt, context: ReceiptContext): Receipt {
  const { sale, totals } = stored;
  const lines = sale.lines.map((line, index): ReceiptLine => {
    const figures = totals.lines[index];
    if (!figures) throw new RangeError(`Sale ${stored.invoiceNumber} has no totals for line ${index + 1}`);
    return {
      code: line.variantCode,
      name: line.name,
      quantity: line.quantity,
      weightGrams: line.weightGrams ?? null,
      unitPrice: line.unitPrice,
      discount: discountOf(line.discount, figures.discount),
      net: figures.net,
    };
  });
  return {
    invoiceNumber: stored.invoiceNumber,
    completedAt: stored.completedAt,
    outlet: stored.outlet,
    register: stored.register,
    header: linesOf(context.header),
    footer: linesOf(context.footer),
    demo: context.demo,
    customer: sale.customer ? { name: sale.customer.name, code: sale.customer.code } : null,
    lines,
    itemCount: totals.itemCount,
    subtotal: totals.subtotal,
    saleDiscount: discountOf(sale.saleDiscount, totals.saleDiscount),
    points: totals.pointsDiscount > 0 ? { points: sale.pointsRedeemed, amount: totals.pointsDiscount } : null,
    rounding: totals.roundingDiscount > 0 ? { amount: totals.roundingDiscount, beforeTax: roundsBeforeTax(sale.tax) } : null,
    tax: sale.tax.rateBasisPoints > 0 ? { name: sale.tax.name, inclusive: sale.tax.inclusive, amount: totals.tax } : null,
    total: totals.total,
    payments: sale.payments.map((p) => ({ method: p.method, amount: p.amount, cash: p.cash })),
    change: totals.change,
    cashPaid: sale.payments.some((p) => p.cash && p.amount > 0),
    approvals: stored.approvals.map((a) => ({ detail: a.detail, approvedBy: a.approvedBy })),
    decimals: context.decimals,
    returnOf: stored.returnOf ?? null,
  };
}

/**
 * Rupiah the Indonesian way ("Rp 12.500"), with a plain space: Intl puts a no-break space after
 * "Rp", which a thermal code page may not carry and which counts oddly in fixed columns.
 */
export function formatReceiptMoney(amount: Money, decimals: number): string {
  return formatMoney(amount, { ...IDR, decimals }).replace(/\u00a0/g, ' ');
}

/** "12,5%" from basis points, as the receipt prints a percentage (Indonesian decimal comma). */
export function formatReceiptPercent(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const rest = basisPoints % 100;
  return rest === 0 ? `${whole}%` : `${whole},${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}

/** "22/11/2026 17:05" from the recorded ISO time, in the register's own offset (no machine time zone involved). */
export function formatReceiptTime(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!match) return iso;
  const [, year, month, day, hour, minute] = match;
  return `${day}/${month}/${year} ${hour}:${minute}`;
}
