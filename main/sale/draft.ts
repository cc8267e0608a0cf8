/**
 * The sale in progress as main keeps it, and every change a cashier can make to it. Pure: no I/O,
 * no clock. A change either answers the next draft or throws a `ServiceError` naming the field, and
 * then the draft is untouched. What a sale is worth is decided here: prices are the ones main
 * quoted, discounts are held to the store's limits unless a manager approved them, points need a
 * PIN main checked for this customer, and no amount may leave the exact integer range.
 */
import { z } from 'zod';
import type { DraftLine, SaleApproval, SaleView } from '../../shared/contract/sale';
import { ServiceError, type ValidationIssue } from '../../shared/errors';
import { formatMoney, IDR, MAX_MONEY, type Money } from '../../shared/money';
import { MAX_LINES } from '../../shared/sale/cart';
import { discountProblem, type DiscountLimit, type DiscountProblem } from '../../shared/sale/discountLimits';
import { maxRedeemablePoints } from '../../shared/sale/points';
import {
  discountSchema,
  MAX_QUANTITY,
  paymentSchema,
  saleCustomerSchema,
  type Discount,
  type Payment,
  type SaleCustomer,
  type SaleDraft,
  type TaxRule,
} from '../../shared/sale/sale';
import type { PaymentMethodRule } from '../../shared/sale/saleRules';
import { computeTotals, lineTotals, type SaleTotals } from '../../shared/sale/totals';
import type { ScaleLabel } from '../../shared/catalog/scaleBarcode';

/** The store rules a draft is priced under, from main's settings (never from the renderer). */
export interface PricingRules {
  readonly tax: TaxRule;
  readonly taxFallback: string | null;
  readonly pointValue: Money;
  readonly lineLimit: DiscountLimit;
  readonly saleLimit: DiscountLimit;
  /** Currency decimals, for amounts in messages. */
  readonly decimals: number;
  /** The store's smallest coin when cash is rounded down to it; null: exact. */
  readonly cashRoundingCoin: Money | null;
}

function money(amount: Money, rules: PricingRules): string {
  return formatMoney(amount, { ...IDR, decimals: rules.decimals });
}

/** A manager's approval as stored with the draft and the recorded sale. */
export const saleApprovalSchema = z.object({
  action: z.enum(['line_discount', 'sale_discount', 'price_override', 'return_without_receipt']),
  approvedBy: z.string(),
  approvedAt: z.string(),
  detail: z.string(),
});

const draftLineSchema = z.object({
  lineId: z.string(),
  variantCode: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  unitPrice: z.number().int(),
  listPrice: z.number().int(),
  discount: discountSchema.nullable(),
  priceApproval: saleApprovalSchema.nullable(),
  discountApproval: saleApprovalSchema.nullable(),
  weightGrams: z.number().int().optional(),
  scaleLabel: z.string().optional(),
});

/** The stored form; read back through this schema so a damaged row fails loudly. */
export const draftSchema = z.object({
  id: z.string(),
  lines: z.array(draftLineSchema),
  /** Next line id number: ids are never reused within a draft, so an old approval cannot land on a new line. */
  nextLine: z.number().int(),
  saleDiscount: discountSchema.nullable(),
  saleDiscountApproval: saleApprovalSchema.nullable(),
  customer: saleCustomerSchema.nullable(),
  customerSeenAt: z.string().nullable(),
  /** The customer id whose PIN main checked during this sale. */
  pinVerifiedFor: z.string().nullable(),
  pointsRedeemed: z.number().int(),
  payments: z.array(paymentSchema),
});
export type Draft = z.infer<typeof draftSchema>;

export function emptyDraft(id: string): Draft {
  return {
    id,
    lines: [],
    nextLine: 1,
    saleDiscount: null,
    saleDiscountApproval: null,
    customer: null,
    customerSeenAt: null,
    pinVerifiedFor: null,
    pointsRedeemed: 0,
    payments: [],
  };
}

function refuse(path: string, message: string): never {
  throw new ServiceError('validation', message, { issues: [{ path, message }] });
}

/** The change needs a manager: the renderer asks for the PIN and retries with the approval. */
export class NeedsApprovalError extends ServiceError {
  constructor(path: string, message: string) {
    super('forbidden', message, { issues: [{ path, message }], details: { needsApproval: true } });
  }
}

/** What a draft is worth: the shape the invoice mapping and the totals take. */
export function pricedSale(draft: Draft, rules: PricingRules): SaleDraft {
  return {
    lines: draft.lines.map(({ variantCode, name, quantity, unitPrice, discount, weightGrams }) =>
      weightGrams === undefined ? { variantCode, name, quantity, unitPrice, discount } : { variantCode, name, quantity, unitPrice, discount, weightGrams },
    ),
    saleDiscount: draft.saleDiscount,
    customer: draft.customer,
    pointsRedeemed: draft.pointsRedeemed,
    pointValue: rules.pointValue,
    tax: rules.tax,
    payments: draft.payments,
    ...(rules.cashRoundingCoin === null ? {} : { cashRoundingCoin: rules.cashRoundingCoin }),
  };
}

function lineIndex(draft: Draft, lineId: string): number {
  const index = draft.lines.findIndex((line) => line.lineId === lineId);
  if (index === -1) refuse('lineId', `Line ${lineId} is not on this sale (it may have been removed)`);
  return index;
}

function describeLimit(problem: DiscountProblem, limit: DiscountLimit, rules: PricingRules): string {
  if (problem.kind === 'over_amount_limit') return `over the limit of ${money(problem.maxAmount, rules)}`;
  return `over the ${limit.maxBasisPoints / 100}% limit`;
}

/**
 * Totals, after checking that every amount stays exact: a quantity × price beyond the safe integer
 * range is a typing or scanning mistake, refused naming the line instead of failing as a RangeError.
 */
export function checkedTotals(sale: SaleDraft): SaleTotals {
  let subtotal = 0;
  sale.lines.forEach((line, index) => {
    const gross = line.weightGrams === undefined ? line.unitPrice * line.quantity : Math.ceil((line.unitPrice * line.weightGrams) / 1000);
    if (!Number.isSafeInteger(gross)) {
      const amount = line.weightGrams === undefined ? `${line.quantity} × ${line.unitPrice}` : `${line.weightGrams} g × ${line.unitPrice}/kg`;
      refuse(`lines.${index}.quantity`, `${line.name}: ${amount} is beyond the largest amount this register can total`);
    }
    subtotal += gross;
  });
  if (!Number.isSafeInteger(subtotal)) refuse('lines', 'The sale is beyond the largest amount this register can total');
  const paid = sale.payments.reduce((n, p) => n + p.amount, 0);
  if (paid > MAX_MONEY) refuse('payments', 'The payments are beyond the largest amount this register can total');
  return computeTotals(sale);
}

/**
 * Re-checks the limits on the draft as it would be after a change: an unapproved discount that
 * was within its limit can go over it when the quantity or the other lines change (an amount off
 * a smaller base). Approved discounts carry their approval and are not re-checked.
 */
function checkLimits(draft: Draft, rules: PricingRules): Draft {
  const sale = pricedSale(draft, rules);
  const totals = checkedTotals(sale);
  draft.lines.forEach((line, index) => {
    if (!line.discount || line.discountApproval) return;
    const gross = totals.lines[index]?.gross ?? 0;
    const problem = discountProblem(line.discount, gross, rules.lineLimit);
    if (problem && problem.kind !== 'exceeds_base') {
      refuse(`lines.${index}.discount`, `${line.name}: its discount would be ${describeLimit(problem, rules.lineLimit, rules)}; change the discount first`);
    }
  });
  if (draft.saleDiscount && !draft.saleDiscountApproval) {
    const problem = discountProblem(draft.saleDiscount, totals.subtotal, rules.saleLimit);
    if (problem && problem.kind !== 'exceeds_base') {
      refuse('saleDiscount', `The sale discount would be ${describeLimit(problem, rules.saleLimit, rules)}; change the sale discount first`);
    }
  }
  // Fewer or cheaper items: points beyond what the sale can take would be wasted, so they shrink with it.
  const maxPoints = pointsCap(draft, rules);
  return draft.pointsRedeemed > maxPoints ? { ...draft, pointsRedeemed: maxPoints } : draft;
}

function pointsCap(draft: Draft, rules: PricingRules): number {
  return maxRedeemablePoints({ ...pricedSale(draft, rules), pointsRedeemed: 0 });
}

export interface QuotedItem {
  readonly code: string;
  readonly name: string;
  /** Main's price for the configured outlet at the moment of the scan. */
  readonly price: Money;
}

/** Adds `quantity` of an item at main's quoted price; the same variant merges into its line (keeping the price quoted first). */
export function addItem(draft: Draft, item: QuotedItem, quantity: number, rules: PricingRules): { draft: Draft; lineId: string } {
  // A line read from a scale label has its own weight or price; an ordinary scan never merges into it.
  const existing = draft.lines.findIndex((line) => line.variantCode === item.code && line.scaleLabel === undefined);
  if (existing !== -1) {
    const line = draft.lines[existing];
    if (line) return { draft: setQuantity(draft, line.lineId, line.quantity + quantity, rules), lineId: line.lineId };
  }
  if (draft.lines.length >= MAX_LINES) refuse('lines', `A sale holds at most ${MAX_LINES} different items; complete this one and start another`);
  checkQuantity(quantity, item.name, 'quantity');
  const line: DraftLine = {
    lineId: `L${draft.nextLine}`,
    variantCode: item.code,
    name: item.name,
    quantity,
    unitPrice: item.price,
    listPrice: item.price,
    discount: null,
    priceApproval: null,
    discountApproval: null,
  };
  return { draft: checkLimits({ ...draft, lines: [...draft.lines, line], nextLine: draft.nextLine + 1 }, rules), lineId: line.lineId };
}

/**
 * Adds one scale-labelled pack as its own line: a weight (the catalog price is per kilogram) or the
 * price printed on the label. Packs never merge: each label is a different weight or price.
 */
export function addScaleLabel(draft: Draft, item: QuotedItem, label: ScaleLabel, scannedCode: string, rules: PricingRules): { draft: Draft; lineId: string } {
  if (draft.lines.length >= MAX_LINES) refuse('lines', `A sale holds at most ${MAX_LINES} different items; complete this one and start another`);
  const line: DraftLine = {
    lineId: `L${draft.nextLine}`,
    variantCode: item.code,
    name: item.name,
    quantity: 1,
    unitPrice: label.kind === 'price' ? label.price : item.price,
    listPrice: item.price,
    discount: null,
    priceApproval: null,
    discountApproval: null,
    ...(label.kind === 'weight' ? { weightGrams: label.grams } : {}),
    scaleLabel: scannedCode,
  };
  return { draft: checkLimits({ ...draft, lines: [...draft.lines, line], nextLine: draft.nextLine + 1 }, rules), lineId: line.lineId };
}

function checkQuantity(quantity: number, name: string, path: string): void {
  if (quantity < 1 || quantity > MAX_QUANTITY) refuse(path, `${name}: the quantity must be between 1 and ${MAX_QUANTITY}`);
}

function replaceLine(draft: Draft, index: number, change: Partial<DraftLine>): Draft {
  return { ...draft, lines: draft.lines.map((line, i) => (i === index ? { ...line, ...change } : line)) };
}

export function setQuantity(draft: Draft, lineId: string, quantity: number, rules: PricingRules): Draft {
  const index = lineIndex(draft, lineId);
  const weighed = draft.lines[index];
  if (weighed?.weightGrams !== undefined && quantity !== weighed.quantity) {
    refuse(`lines.${index}.quantity`, `${weighed.name} was weighed: its quantity is the weight on its label; scan another label to add more`);
  }
  checkQuantity(quantity, draft.lines[index]?.name ?? '', `lines.${index}.quantity`);
  return checkLimits(replaceLine(draft, index, { quantity }), rules);
}

export function removeLine(draft: Draft, lineId: string, rules: PricingRules): Draft {
  const index = lineIndex(draft, lineId);
  return checkLimits({ ...draft, lines: draft.lines.filter((_, i) => i !== index) }, rules);
}

/** The approval a discount needs on `base`, or null when it is within the limit. Refuses one larger than what it applies to. */
export function discountNeedsApproval(discount: Discount | null, base: Money, limit: DiscountLimit, what: string, rules: PricingRules): string | null {
  if (!discount) return null;
  const problem = discountProblem(discount, base, limit);
  if (!problem) return null;
  if (problem.kind === 'exceeds_base') refuse('discount', `${what}: the discount is more than the ${money(base, rules)} it applies to`);
  return `${what}: a discount ${describeLimit(problem, limit, rules)} needs a manager's approval`;
}

/** Checks a line discount against the limit; throws `NeedsApprovalError` when beyond it and no approval is given. */
export function setLineDiscount(draft: Draft, lineId: string, discount: Discount | null, approval: SaleApproval | null, rules: PricingRules): Draft {
  const index = lineIndex(draft, lineId);
  const line = draft.lines[index];
  if (!line) return draft;
  const needs = discountNeedsApproval(discount, lineTotals(line).gross, rules.lineLimit, line.name, rules);
  if (needs && !approval) throw new NeedsApprovalError('discount', needs);
  return checkLimits(replaceLine(draft, index, { discount, discountApproval: needs ? approval : null }), rules);
}

export function setSaleDiscount(draft: Draft, discount: Discount | null, approval: SaleApproval | null, rules: PricingRules): Draft {
  const subtotal = checkedTotals(pricedSale(draft, rules)).subtotal;
  const needs = discountNeedsApproval(discount, subtotal, rules.saleLimit, 'Sale discount', rules);
  if (needs && !approval) throw new NeedsApprovalError('discount', needs);
  return checkLimits({ ...draft, saleDiscount: discount, saleDiscountApproval: needs ? approval : null }, rules);
}

/** A manager-approved price for one line; the quoted list price is kept alongside for the receipt and the audit. */
export function overridePrice(draft: Draft, lineId: string, unitPrice: Money, approval: SaleApproval, rules: PricingRules): Draft {
  const index = lineIndex(draft, lineId);
  return checkLimits(replaceLine(draft, index, { unitPrice, priceApproval: approval }), rules);
}

/** A new customer starts without a verified PIN and without points. */
export function setCustomer(draft: Draft, customer: SaleCustomer | null, seenAt: string | null): Draft {
  return { ...draft, customer, customerSeenAt: customer ? seenAt : null, pinVerifiedFor: null, pointsRedeemed: 0 };
}

export function acceptPin(draft: Draft, customerId: string): Draft {
  if (!draft.customer || draft.customer.id !== customerId) refuse('proof', 'The PIN was checked for a different customer than the one on this sale');
  if (draft.customerSeenAt !== null) {
    throw new ServiceError('forbidden', 'This customer’s details are from the offline copy; points can be redeemed only with DealPOS reachable', {
      issues: [{ path: 'proof', message: 'Offline customer details cannot redeem points' }],
    });
  }
  return { ...draft, pinVerifiedFor: customerId };
}

export function redeemPoints(draft: Draft, points: number, rules: PricingRules): Draft {
  if (points === 0) return { ...draft, pointsRedeemed: 0 };
  if (!draft.customer) refuse('points', 'Attach a customer before redeeming points');
  if (draft.pinVerifiedFor === null || draft.pinVerifiedFor !== draft.customer.id) {
    throw new ServiceError('forbidden', 'The customer’s PIN must be checked before points are redeemed', {
      issues: [{ path: 'points', message: 'PIN not verified for this customer on this sale' }],
    });
  }
  const max = pointsCap(draft, rules);
  if (points > max) refuse('points', `At most ${max} points can be redeemed on this sale`);
  return { ...draft, pointsRedeemed: points };
}

/**
 * Adds a tender of an enabled method (`rule`); tenders by the same method merge. Only cash may
 * exceed what is due. Cash rounding applies to cash only, so a card may be charged the exact amount
 * still due, above the rounded cash due.
 */
export function addPayment(draft: Draft, rule: PaymentMethodRule, amount: Money, rules: PricingRules): Draft {
  if (amount <= 0) refuse('amount', 'Enter an amount above zero');
  const { due, exactDue } = checkedTotals(pricedSale(draft, rules));
  if (due <= 0) refuse('amount', 'Nothing is left to pay');
  if (!rule.cash && amount > exactDue) refuse('amount', `${rule.name} can be charged at most the ${money(exactDue, rules)} still due; only cash gives change`);
  const index = draft.payments.findIndex((p) => p.method === rule.name);
  const payments: Payment[] =
    index === -1 ? [...draft.payments, { method: rule.name, amount, cash: rule.cash }] : draft.payments.map((p, i) => (i === index ? { ...p, amount: p.amount + amount } : p));
  const next = { ...draft, payments };
  checkedTotals(pricedSale(next, rules));
  return next;
}

export function removePayment(draft: Draft, index: number): Draft {
  if (!draft.payments[index]) refuse('index', `There is no payment ${index + 1} on this sale`);
  return { ...draft, payments: draft.payments.filter((_, i) => i !== index) };
}

/** Every approval on the draft, in line order then the sale discount: recorded with the sale. */
export function approvalsOf(draft: Draft): SaleApproval[] {
  const approvals: SaleApproval[] = [];
  for (const line of draft.lines) {
    if (line.priceApproval) approvals.push(line.priceApproval);
    if (line.discountApproval) approvals.push(line.discountApproval);
  }
  if (draft.saleDiscountApproval) approvals.push(draft.saleDiscountApproval);
  return approvals;
}

/**
 * Why the draft cannot be recorded as it is (settings may have changed since the last edit: a lower
 * discount limit, a customer who went offline), beyond the payment problems the recorder checks.
 */
export function completionIssues(draft: Draft, rules: PricingRules): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  try {
    checkLimits(draft, rules);
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    issues.push(...(error.issues ?? []));
  }
  if (draft.pointsRedeemed > 0 && (!draft.customer || draft.pinVerifiedFor !== draft.customer.id)) {
    issues.push({ path: 'pointsRedeemed', message: 'Points are redeemed without a PIN checked for this customer' });
  }
  return issues;
}

export function viewOf(draft: Draft, rules: PricingRules): SaleView {
  const sale = pricedSale(draft, rules);
  const verified = draft.customer !== null && draft.pinVerifiedFor === draft.customer.id;
  return {
    draftId: draft.id,
    lines: draft.lines,
    saleDiscount: draft.saleDiscount,
    saleDiscountApproval: draft.saleDiscountApproval,
    customer: draft.customer,
    customerSeenAt: draft.customerSeenAt,
    pinVerified: verified,
    pointsRedeemed: draft.pointsRedeemed,
    maxPoints: verified ? pointsCap(draft, rules) : 0,
    pointValue: rules.pointValue,
    tax: rules.tax,
    taxFallback: rules.taxFallback,
    payments: draft.payments,
    totals: computeTotals(sale),
    limits: { line: rules.lineLimit, sale: rules.saleLimit },
  };
}
