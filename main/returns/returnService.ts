/**
 * The `returns.*` contract (issue 16). The original is looked up on this register first (exact:
 * the sale as it was priced), then in DealPOS (`Invoice/Number` in the counter's outlet). What can
 * come back is what was sold minus what earlier returns took; what it is worth is
 * shared/returns/returnMaths.ts. A return is recorded like a sale, in one durable transaction with
 * its outbox entry (a return invoice: RETURN_INVOICE in main/dealpos/assumptions.ts), which waits
 * for the original's entry when that is still queued here.
 */
import type { ContractHandlers } from '../../shared/contract';
import type { ReceiptedSale, RecordedSale, SaleApproval, SaleView } from '../../shared/contract/sale';
import type { ReturnableSale } from '../../shared/contract/returns';
import type { TaxOption } from '../../shared/contract/settings';
import { ServiceError, type ValidationIssue } from '../../shared/errors';
import { formatMoney, fromMajor, IDR } from '../../shared/money';
import { buildReturn, lineNets, unitsOf, type ReturnProblem } from '../../shared/returns/returnMaths';
import { buildReceipt, type ReceiptContext } from '../../shared/receipt/receipt';
import type { SaleDraft, SaleLine } from '../../shared/sale/sale';
import { taxRuleFor, type PaymentMethodRule } from '../../shared/sale/saleRules';
import type { ApprovalConsumer } from '../approval/approvalService';
import type { InvoiceDetail } from '../dealpos/schemas';
import type { Logger } from '../logging/logger';
import type { CheckoutService, SaleShift } from '../sale/checkoutService';
import { addPayment, viewOf, type PricingRules } from '../sale/draft';
import type { SaleService } from '../sale/saleService';
import type { OutboxStore } from '../store/outboxStore';

type ReturnsMethod = Extract<keyof ContractHandlers, `returns.${string}`>;
export type ReturnsHandlers = Pick<ContractHandlers, ReturnsMethod>;

export interface ReturnServiceOptions {
  readonly outbox: OutboxStore;
  readonly sales: SaleService;
  /** The counter's outlet (returns are taken in it) and currency decimals. */
  readonly outlet: () => string | null;
  readonly decimals: () => number;
  readonly paymentMethods: () => readonly PaymentMethodRule[];
  /** The cached DealPOS tax list, to read an invoice found in DealPOS. */
  readonly taxes: () => readonly TaxOption[];
  /** `Invoice/Number` in the outlet: null when DealPOS has no such invoice; throws when it cannot be asked. */
  readonly fetchInvoice: (outlet: string, number: string) => Promise<InvoiceDetail | null>;
  readonly approvals: () => ApprovalConsumer;
  readonly receiptContext: () => ReceiptContext;
  /** The checkout's open sale, which an exchange credits. */
  readonly checkout: Pick<CheckoutService, 'openDraft' | 'replaceDraft'>;
  /** The open shift (issue 15): a return counts into it, apart from its sales, in the return's transaction. */
  readonly shiftOfSale?: () => SaleShift;
  readonly pricing: () => PricingRules;
  /** Told once a return is durably recorded (printing its receipt); must not throw. */
  readonly onRecorded?: (sale: ReceiptedSale) => void;
  readonly logger: Logger;
}

/** An original sale, however it was found: priced as sold, with its outbox state when it is ours. */
interface Original {
  readonly number: string;
  readonly outlet: string;
  readonly source: 'local' | 'dealpos';
  readonly soldAt: string;
  readonly sale: SaleDraft;
  readonly localId: string | null;
  readonly queued: boolean;
}

function refuse(path: string, message: string): never {
  throw new ServiceError('validation', message, { issues: [{ path, message }] });
}

/** A DealPOS invoice read back as the sale it was (its discounts as DealPOS shows them). */
function saleOf(detail: InvoiceDetail, decimals: number, taxes: readonly TaxOption[]): SaleDraft {
  const lines: SaleLine[] = (detail.Variants ?? []).map((v) => {
    const weighed = !Number.isInteger(v.Quantity);
    const base = { variantCode: v.Code ?? '', name: v.Name ?? v.Code ?? '', unitPrice: fromMajor(v.Price, decimals) };
    const discount = v.Discount ? { kind: 'percent' as const, basisPoints: Math.round(v.Discount * 100) } : null;
    return weighed ? { ...base, quantity: 1, weightGrams: Math.round(v.Quantity * 1000), discount } : { ...base, quantity: v.Quantity, discount };
  });
  const off = fromMajor(detail.DiscountAmount ?? 0, decimals);
  return {
    lines,
    saleDiscount: off > 0 ? { kind: 'amount', amount: off } : null,
    customer: null,
    pointsRedeemed: 0,
    pointValue: 0,
    tax: taxRuleFor(detail.TaxType ?? 'No Tax', taxes).tax,
    payments: (detail.Payments ?? []).map((p) => ({ method: p.Method, amount: fromMajor(p.Amount, decimals), cash: false })),
  };
}

function problemIssue(problem: ReturnProblem): ValidationIssue {
  switch (problem.kind) {
    case 'nothing_chosen':
      return { path: 'lines', message: 'Choose at least one item to return' };
    case 'unknown_line':
      return { path: `lines.${problem.line}`, message: `The original sale has no line ${problem.line + 1}` };
    case 'repeated_line':
      return { path: `lines.${problem.line}`, message: `Line ${problem.line + 1} is chosen twice; give it one quantity` };
    case 'bad_quantity':
      return { path: `lines.${problem.line}.quantity`, message: `${problem.name}: the quantity must be a whole number from 1` };
    case 'more_than_sold': {
      const left = problem.sold - problem.returnedBefore;
      const before = problem.returnedBefore > 0 ? ` (${problem.returnedBefore} already returned)` : '';
      return {
        path: `lines.${problem.line}.quantity`,
        message: `${problem.name}: ${problem.asked} cannot be returned; ${problem.sold} were sold${before}, so at most ${left} can come back`,
      };
    }
  }
}

export function createReturnService(options: ReturnServiceOptions): { readonly handlers: ReturnsHandlers } {
  const outletOrRefuse = (): string => {
    const outlet = options.outlet();
    if (!outlet) throw new ServiceError('not_configured', 'Choose this counter’s outlet in Settings before taking returns');
    return outlet;
  };

  const localOriginal = (number: string, outlet: string): Original | null => {
    const found = options.outbox.recordedByNumber(number);
    if (!found) return null;
    const { recorded, state } = found;
    if (recorded.returnOf !== undefined) refuse('number', `${number} is itself a return (of ${recorded.returnOf}); scan the original sale’s receipt`);
    if (state === 'voided') refuse('number', `Invoice ${number} was voided; there is nothing to return against it`);
    return {
      number,
      outlet: recorded.outlet ?? outlet,
      source: 'local',
      soldAt: recorded.completedAt,
      sale: recorded.sale,
      localId: recorded.localId,
      queued: state === 'pending' || state === 'sending' || state === 'rejected',
    };
  };

  const remoteOriginal = async (number: string, outlet: string): Promise<Original> => {
    let detail: InvoiceDetail | null;
    try {
      detail = await options.fetchInvoice(outlet, number);
    } catch (error) {
      if (error instanceof ServiceError && (error.code === 'network' || error.code === 'timeout' || error.code === 'offline')) {
        throw new ServiceError('offline', `Invoice ${number} is not on this register, and DealPOS cannot be reached to look it up; try again when the connection is back`, {
          cause: error,
        });
      }
      throw error;
    }
    if (!detail) {
      throw new ServiceError('not_found', `There is no invoice ${number} on this register or in DealPOS for outlet ${outlet}; check the number on the receipt`, {
        issues: [{ path: 'number', message: `Unknown invoice ${number}` }],
      });
    }
    if (detail.Status !== null && detail.Status !== undefined && detail.Status !== 'Active') {
      refuse('number', `Invoice ${number} was voided in DealPOS; there is nothing to return against it`);
    }
    if ((detail.Variants ?? []).some((v) => v.Quantity < 0)) refuse('number', `${number} is itself a return; scan the original sale’s receipt`);
    return { number, outlet, source: 'dealpos', soldAt: detail.Date, sale: saleOf(detail, options.decimals(), options.taxes()), localId: null, queued: false };
  };

  const findOriginal = async (number: string): Promise<Original> => {
    const outlet = outletOrRefuse();
    return localOriginal(number, outlet) ?? (await remoteOriginal(number, outlet));
  };

  /** The original's method (its largest payment) when still enabled, else cash. */
  const defaultRefund = (sale: SaleDraft): string => {
    const methods = options.paymentMethods();
    const largest = [...sale.payments].sort((a, b) => b.amount - a.amount)[0];
    if (largest && methods.some((m) => m.name === largest.method)) return largest.method;
    return (methods.find((m) => m.cash) ?? methods[0])?.name ?? 'Cash';
  };

  const withReceipt = (recorded: RecordedSale): ReceiptedSale => ({ ...recorded, receipt: buildReceipt(recorded, options.receiptContext()) });

  const handlers: ReturnsHandlers = {
    'returns.find': async ({ number }) => {
      const original = await findOriginal(number);
      const returned = options.outbox.returnedQuantities(original.outlet, number);
      const nets = lineNets(original.sale);
      const found: ReturnableSale = {
        invoiceNumber: number,
        outlet: original.outlet,
        source: original.source,
        soldAt: original.soldAt,
        customerName: original.sale.customer?.name ?? null,
        tax: original.sale.tax,
        lines: original.sale.lines.map((line, index) => ({
          line: index,
          variantCode: line.variantCode,
          name: line.name,
          sold: unitsOf(line),
          returnedBefore: returned.get(index) ?? 0,
          unitPrice: line.unitPrice,
          net: nets[index] ?? 0,
          ...(line.weightGrams === undefined ? {} : { weightGrams: line.weightGrams }),
        })),
        refundMethod: defaultRefund(original.sale),
        originalQueued: original.queued,
      };
      return found;
    },

    'returns.complete': async ({ returnId, number, lines, refundMethod, found, approvalId, exchangeDraftId }) => {
      // A retry after a lost answer: the return was recorded under its own id (and any exchange credited with it).
      const already = options.outbox.recordedSale(returnId);
      if (already) return { recorded: withReceipt(already), exchange: null };
      const exchange = exchangeDraftId === undefined ? null : options.checkout.openDraft(exchangeDraftId);
      if (exchange && exchange.lines.length === 0) refuse('exchangeDraftId', 'Scan the new items first: an exchange credits the return to the sale on screen');
      const original = await findOriginal(number);
      const method = options.paymentMethods().find((m) => m.name === refundMethod);
      if (!method) refuse('refundMethod', `${refundMethod} is not one of this counter’s payment methods (Settings → Payment methods)`);
      const outcome = buildReturn(original.sale, options.outbox.returnedQuantities(original.outlet, number), lines, { method: method.name, cash: method.cash });
      if (!outcome.ok) {
        const issues = outcome.problems.map(problemIssue);
        throw new ServiceError('validation', `The return cannot be taken: ${issues.map((i) => i.message).join('; ')}`, { issues });
      }
      const approvals: SaleApproval[] = [];
      if (found === 'typed') {
        if (approvalId === undefined) {
          throw new ServiceError('forbidden', 'A return without the receipt needs a manager’s approval', {
            issues: [{ path: 'approvalId', message: 'No receipt: manager approval needed' }],
            details: { needsApproval: true },
          });
        }
        const granted = options.approvals().consume(approvalId, { action: 'return_without_receipt', returnId, invoiceNumber: number });
        approvals.push({ action: 'return_without_receipt', approvedBy: granted.approvedBy, approvedAt: granted.approvedAt, detail: `Return of ${number} without a receipt` });
      }
      let credited: SaleView | null = null;
      // An exchange: the refund pays for the new items, up to what they cost; any rest is handed back.
      const credit = (): void => {
        if (!exchange) return;
        const pricing = options.pricing();
        const amount = Math.min(outcome.totals.total, viewOf(exchange, pricing).totals.due);
        const next = amount > 0 ? addPayment(exchange, { name: method.name, cash: method.cash }, amount, pricing) : exchange;
        credited = options.checkout.replaceDraft(exchange.id, next, () => undefined);
      };
      const shift = options.shiftOfSale?.() ?? null;
      options.sales.complete(outcome.draft, {
        localId: returnId,
        approvals,
        salesPerson: shift?.cashier ?? null,
        returnOf: { number, outlet: original.outlet, lines, originalLocalId: original.queued ? original.localId : null },
        alsoInTransaction: () => {
          credit();
          shift?.attach(returnId);
        },
      });
      const recorded = options.outbox.recordedSale(returnId);
      if (!recorded) throw new ServiceError('storage', 'The return was saved but could not be read back; check the Queue');
      const money = formatMoney(outcome.totals.total, { ...IDR, decimals: options.decimals() });
      options.logger.info(`Returns: ${recorded.invoiceNumber} returns ${lines.length} lines of ${number}, refund ${money} by ${method.name}`);
      const receipted = withReceipt(recorded);
      try {
        options.onRecorded?.(receipted);
      } catch (error) {
        // The return is recorded and must be answered as such; printing is the cashier's to retry.
        options.logger.error(`Returns: ${recorded.invoiceNumber} is recorded, but printing could not be told`, error);
      }
      return { recorded: receipted, exchange: credited };
    },
  };
  return { handlers };
}
