import { mulDivRound, percentOf, sum, type Money } from '../money';
import { cashRoundedTaxable, taxOf, totalOf } from './cashRounding';
import type { Discount, SaleDraft, SaleLine } from './sale';

export interface LineTotals {
  readonly gross: Money;
  readonly discount: Money;
  readonly net: Money;
}

export interface SaleTotals {
  readonly lines: readonly LineTotals[];
  readonly itemCount: number;
  /** Sum of line nets (after line discounts). */
  readonly subtotal: Money;
  readonly saleDiscount: Money;
  readonly pointsDiscount: Money;
  /** Cash rounding taken off before tax: what DealPOS gets as discount (shared/sale/cashRounding.ts). */
  readonly roundingDiscount: Money;
  /** What tax is computed on: subtotal less sale, points and rounding discounts. */
  readonly taxable: Money;
  readonly tax: Money;
  /** What the customer pays, after cash rounding. */
  readonly total: Money;
  /** What cash rounding took off the total ("Rounding −Rp 85"); equals `roundingDiscount` unless tax is added on top. */
  readonly rounding: Money;
  readonly paid: Money;
  /** Still to pay (in cash, rounded); 0 once fully paid. */
  readonly due: Money;
  /** Still to pay without cash rounding: the most a card or other non-cash payment can be charged. */
  readonly exactDue: Money;
  /** Cash to hand back. */
  readonly change: Money;
}

/** A discount never exceeds what it applies to. */
export function discountAmount(base: Money, discount: Discount | null): Money {
  if (!discount) return 0;
  const raw = discount.kind === 'percent' ? percentOf(base, discount.basisPoints) : discount.amount;
  return Math.min(raw, base);
}

/** What a line is worth before discounts: price × quantity, or price per kg × grams / 1000 rounded half up once. */
export function lineGross(line: SaleLine): Money {
  return line.weightGrams === undefined ? mulDivRound(line.unitPrice, line.quantity, 1) : mulDivRound(line.unitPrice, line.weightGrams, 1000);
}

export function lineTotals(line: SaleLine): LineTotals {
  const gross = lineGross(line);
  const discount = discountAmount(gross, line.discount);
  return { gross, discount, net: gross - discount };
}

export function computeTotals(sale: SaleDraft): SaleTotals {
  const lines = sale.lines.map(lineTotals);
  const subtotal = sum(lines.map((l) => l.net));
  const saleDiscount = discountAmount(subtotal, sale.saleDiscount);
  const afterDiscount = subtotal - saleDiscount;
  const pointsDiscount = Math.min(mulDivRound(sale.pointValue, sale.pointsRedeemed, 1), afterDiscount);
  const exactTaxable = afterDiscount - pointsDiscount;
  const exactTotal = totalOf(exactTaxable, sale.tax);
  const nonCash = sum(sale.payments.filter((p) => !p.cash).map((p) => p.amount));
  const taxable = cashRoundedTaxable(exactTaxable, sale.tax, sale.cashRoundingCoin, nonCash);
  const tax = taxOf(taxable, sale.tax);
  const total = totalOf(taxable, sale.tax);
  const paid = sum(sale.payments.map((p) => p.amount));
  const due = Math.max(0, total - paid);
  const overpaid = Math.max(0, paid - total);
  const cashPaid = sum(sale.payments.filter((p) => p.cash).map((p) => p.amount));
  return {
    lines,
    itemCount: sale.lines.reduce((n, l) => n + l.quantity, 0),
    subtotal,
    saleDiscount,
    pointsDiscount,
    roundingDiscount: exactTaxable - taxable,
    taxable,
    tax,
    total,
    rounding: exactTotal - total,
    paid,
    due,
    exactDue: Math.max(0, exactTotal - paid),
    change: Math.min(overpaid, cashPaid),
  };
}

export type SaleProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'unpaid'; readonly due: Money }
  | { readonly kind: 'non_cash_overpaid'; readonly excess: Money }
  | { readonly kind: 'points_without_customer' }
  | { readonly kind: 'points_exceed_balance'; readonly balance: number };

/** Why a sale cannot be completed yet; empty when it can. Main re-checks this before saving. */
export function saleProblems(sale: SaleDraft, totals: SaleTotals = computeTotals(sale)): SaleProblem[] {
  const problems: SaleProblem[] = [];
  if (sale.lines.length === 0) problems.push({ kind: 'empty' });
  if (totals.due > 0) problems.push({ kind: 'unpaid', due: totals.due });
  const excess = totals.paid - totals.total - totals.change;
  if (excess > 0) problems.push({ kind: 'non_cash_overpaid', excess });
  if (sale.pointsRedeemed > 0) {
    if (!sale.customer) problems.push({ kind: 'points_without_customer' });
    else if (sale.pointsRedeemed > sale.customer.loyaltyPoints) {
      problems.push({ kind: 'points_exceed_balance', balance: sale.customer.loyaltyPoints });
    }
  }
  return problems;
}

/** Totals as stored with a recorded sale. Those stored before cash rounding (issue 13) lack its fields: they were exact. */
export function readStoredTotals(json: string): SaleTotals {
  const stored = JSON.parse(json) as Omit<SaleTotals, 'roundingDiscount' | 'rounding' | 'exactDue'> & Partial<SaleTotals>;
  return { roundingDiscount: 0, rounding: 0, exactDue: stored.due, ...stored };
}
