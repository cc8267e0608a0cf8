/**
 * The `sale.*` contract: the sale in progress, kept by main in SQLite. Each call names the draft it
 * is meant for, is applied by the pure rules in ./draft.ts under main's own settings, stored, and
 * answered with the new view. Prices come from main's catalog (or a live lookup main made), the
 * customer from main's own copy, points only after main checked the PIN, and anything beyond the
 * store's limits only with a manager's approval of that exact change.
 */
import type { ContractHandlers } from '../../shared/contract';
import { normalizeCode } from '../../shared/catalog/barcode';
import { itemCodeCandidates, readScaleLabel, type ScaleBarcodeRule, type ScaleLabelReading } from '../../shared/catalog/scaleBarcode';
import type { CatalogItem, ResolveResult } from '../../shared/contract/catalog';
import type { CheckoutState, ReceiptedSale, RecordedSale, SaleApproval, SaleView, ScanOutcome } from '../../shared/contract/sale';
import { buildReceipt, type ReceiptContext } from '../../shared/receipt/receipt';
import { ServiceError } from '../../shared/errors';
import { formatMoney, IDR, type Money } from '../../shared/money';
import type { Discount } from '../../shared/sale/sale';
import type { PaymentMethodRule } from '../../shared/sale/saleRules';
import type { ReturnedCustomer } from '../customer/customerService';
import type { Logger } from '../logging/logger';
import type { DraftStore } from '../store/draftStore';
import type { OutboxStore } from '../store/outboxStore';
import * as rules from './draft';
import { SaleValidationError, type SaleService } from './saleService';
import { timeOrderedId } from '../store/timeOrderedId';

type SaleMethod = Extract<keyof ContractHandlers, `sale.${string}`>;
export type SaleHandlers = Pick<ContractHandlers, SaleMethod>;

/** Exactly what a manager approves; main checks the approval was given for this and nothing else. */
export type ApprovalSubject =
  | { readonly action: 'line_discount'; readonly draftId: string; readonly lineId: string; readonly discount: Discount }
  | { readonly action: 'sale_discount'; readonly draftId: string; readonly discount: Discount }
  | { readonly action: 'price_override'; readonly draftId: string; readonly lineId: string; readonly unitPrice: Money };

/** Main's approval service (main/approval): uses up a manager's approval or throws `forbidden`. */
export interface ApprovalGate {
  consume(approvalId: string, subject: ApprovalSubject): { readonly approvedBy: string; readonly approvedAt: string };
}

export interface CheckoutServiceOptions {
  readonly drafts: DraftStore;
  readonly outbox: OutboxStore;
  readonly sales: SaleService;
  /** Pricing rules from the session's settings and cached DealPOS options. */
  readonly pricing: () => rules.PricingRules;
  /** The enabled payment methods, from the same settings. */
  readonly paymentMethods: () => readonly PaymentMethodRule[];
  /** Scan resolution: cache, else a live `Variant/Detail` that main caches. */
  readonly resolve: (code: string) => Promise<ResolveResult>;
  /** An exact catalog code (search picks, confirmed discontinued items). */
  readonly findItem: (code: string) => CatalogItem | null;
  /** How price- and weight-embedded scale labels are read (Settings). */
  readonly scaleRules: () => readonly ScaleBarcodeRule[];
  /**
   * Whether a full catalog pass has finished, so the local catalog knows every product. Until then a
   * code that looks like a scale label is first asked of DealPOS as a product. Default: true.
   */
  readonly catalogSynced?: () => boolean;
  readonly customers: {
    returned(customerId: string): ReturnedCustomer | null;
    consumeProof(proof: string, customerId: string): boolean;
  };
  readonly approvals: () => ApprovalGate;
  /** Header, footer, demo mark and currency digits the receipt is built with. */
  readonly receiptContext: () => ReceiptContext;
  /**
   * Told once a sale is durably recorded (printing: auto-print and the cash drawer). It runs after
   * the answer is settled and must not throw: printing never decides whether a sale happened.
   */
  readonly onRecorded?: (sale: ReceiptedSale) => void;
  /**
   * The shift a completed sale belongs to (issue 15): its cashier becomes the invoice's SalesPerson
   * and `attach` runs in the sale's transaction. Throws when the store requires an open shift and
   * none is open. Without it sales belong to no shift.
   */
  readonly shiftOfSale?: () => SaleShift;
  readonly logger: Logger;
  readonly now?: () => number;
  readonly newId?: () => string;
}

/** See CheckoutServiceOptions.shiftOfSale. */
export interface SaleShift {
  readonly cashier: string | null;
  attach(localId: string): void;
}

export interface CheckoutService {
  readonly handlers: SaleHandlers;
  /** The open draft a call names; `conflict` when another one is open (held sales). */
  openDraft(draftId: string): rules.Draft;
  /** Puts `next` in place of the open draft in one transaction with `alsoInTransaction` (parking, resuming); answers its view. */
  replaceDraft(draftId: string, next: rules.Draft, alsoInTransaction: () => void): SaleView;
}

const DISCOUNT_WORDS = (discount: Discount, decimals: number): string =>
  discount.kind === 'percent' ? `${discount.basisPoints / 100}% off` : `${formatMoney(discount.amount, { ...IDR, decimals })} off`;

export function createCheckoutService(options: CheckoutServiceOptions): CheckoutService {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? timeOrderedId;
  let current: rules.Draft | null = null;

  /** The open draft, creating the first one on demand. */
  const draft = (): rules.Draft => {
    if (current) return current;
    const stored = options.drafts.open();
    if (stored) {
      current = stored;
      return stored;
    }
    const fresh = rules.emptyDraft(newId());
    options.drafts.create(fresh, now());
    current = fresh;
    return fresh;
  };

  /** The draft a call names must be the open one: a stale screen never edits the next customer's sale. */
  const open = (draftId: string): rules.Draft => {
    const live = draft();
    if (live.id !== draftId) {
      throw new ServiceError('conflict', 'That sale is no longer open (it was completed or voided); the checkout now shows the current sale', {
        details: { currentDraftId: live.id },
      });
    }
    return live;
  };

  const view = (value: rules.Draft = draft()): SaleView => rules.viewOf(value, options.pricing());

  /** Applies a change: stored first, then the in-memory copy, so a failed write changes nothing. */
  const change = (draftId: string, apply: (value: rules.Draft, pricing: rules.PricingRules) => rules.Draft): SaleView => {
    const pricing = options.pricing();
    const next = apply(open(draftId), pricing);
    options.drafts.save(next, now());
    current = next;
    return rules.viewOf(next, pricing);
  };

  const approve = (approvalId: string | undefined, subject: ApprovalSubject, detail: string): SaleApproval | null => {
    if (approvalId === undefined) return null;
    const granted = options.approvals().consume(approvalId, subject);
    options.logger.info(`Checkout: ${subject.action} approved by ${granted.approvedBy}: ${detail}`);
    return { action: subject.action, approvedBy: granted.approvedBy, approvedAt: granted.approvedAt, detail };
  };

  const addQuoted = (draftId: string, item: CatalogItem, quantity: number): { lineId: string; sale: SaleView } => {
    let lineId = '';
    const sale = change(draftId, (value, pricing) => {
      const added = rules.addItem(value, { code: item.code, name: item.name, price: item.price }, quantity, pricing);
      lineId = added.lineId;
      return added.draft;
    });
    return { lineId, sale };
  };

  /**
   * The scan read as a scale label, or null. A product whose own code is in the catalog is never
   * hijacked by a rule: the catalog match on the full code wins. Once the catalog is synced in full
   * only the local copy is asked, so a weighed item costs no DealPOS request for its label code.
   */
  const scaleLabelOf = async (code: string): Promise<{ readonly code: string; readonly reading: ScaleLabelReading } | null> => {
    const normalized = normalizeCode(code);
    if (!normalized.ok || normalized.symbology !== 'ean13') return null;
    const reading = readScaleLabel(normalized.code, options.scaleRules(), options.pricing().decimals);
    if (!reading || options.findItem(normalized.code)) return null;
    if (!(options.catalogSynced?.() ?? true) && (await options.resolve(normalized.code)).status === 'found') return null;
    return { code: normalized.code, reading };
  };

  /** The labelled item: stored under the item code without the prefix, as printed or without leading zeros; else DealPOS. */
  const findLabelItem = async (itemCode: string): Promise<ResolveResult> => {
    for (const candidate of itemCodeCandidates(itemCode)) {
      const cached = options.findItem(candidate);
      if (cached) return { status: 'found', item: cached, source: 'cache', warning: cached.discontinued ? 'discontinued' : null };
    }
    return options.resolve(itemCode);
  };

  const scanScaleLabel = async (draftId: string, code: string, reading: ScaleLabelReading): Promise<ScanOutcome> => {
    if (!reading.ok) return { status: 'invalid_code', code, reason: 'scale_label', sale: view() };
    const { label } = reading;
    const result = await findLabelItem(label.itemCode);
    if (result.status === 'not_cached_offline') return { status: 'not_cached_offline', code, sale: view() };
    if (result.status !== 'found') return { status: 'unknown_code', code, sale: view() };
    const { item } = result;
    if (item.discontinued) return { status: 'discontinued', item, sale: view(), scaleLabel: code };
    let lineId = '';
    const sale = change(draftId, (value, pricing) => {
      const added = rules.addScaleLabel(value, { code: item.code, name: item.name, price: item.price }, label, code, pricing);
      lineId = added.lineId;
      return added.draft;
    });
    return { status: 'added', item, source: result.source, lineId, sale };
  };
  const withReceipt = (recorded: RecordedSale): ReceiptedSale => ({ ...recorded, receipt: buildReceipt(recorded, options.receiptContext()) });

  const lineName = (value: rules.Draft, lineId: string): string => value.lines.find((l) => l.lineId === lineId)?.name ?? lineId;

  const handlers: SaleHandlers = {
    'sale.current': async (): Promise<CheckoutState> => {
      const last = options.outbox.lastRecorded();
      return { sale: view(), lastRecorded: last ? withReceipt(last) : null };
    },

    'sale.scan': async ({ draftId, code }): Promise<ScanOutcome> => {
      open(draftId);
      const label = await scaleLabelOf(code);
      if (label) return scanScaleLabel(draftId, label.code, label.reading);
      const result = await options.resolve(code);
      switch (result.status) {
        case 'found': {
          if (result.warning === 'discontinued') return { status: 'discontinued', item: result.item, sale: view() };
          const added = addQuoted(draftId, result.item, 1);
          return { status: 'added', item: result.item, source: result.source, ...added };
        }
        case 'invalid_code':
          return { ...result, sale: view() };
        case 'unknown_code':
        case 'not_cached_offline':
          return { ...result, sale: view() };
      }
    },

    'sale.addItem': async ({ draftId, code, quantity, allowDiscontinued }) => {
      open(draftId);
      const item = options.findItem(code);
      if (!item) throw new ServiceError('unknown_code', `No item with code ${code} is in this register's catalog`, { issues: [{ path: 'code', message: `Unknown code ${code}` }] });
      if (item.discontinued && !allowDiscontinued) {
        throw new ServiceError('discontinued', `${item.name} (${code}) is discontinued; confirm to sell it anyway`, { issues: [{ path: 'allowDiscontinued', message: 'Discontinued item not confirmed' }] });
      }
      return addQuoted(draftId, item, quantity);
    },

    'sale.setQuantity': async ({ draftId, lineId, quantity }) => change(draftId, (value, pricing) => rules.setQuantity(value, lineId, quantity, pricing)),
    'sale.removeLine': async ({ draftId, lineId }) => change(draftId, (value, pricing) => rules.removeLine(value, lineId, pricing)),

    'sale.setLineDiscount': async ({ draftId, lineId, discount, approvalId }) =>
      change(draftId, (value, pricing) => {
        // Only a discount beyond the limit uses up an approval; a draft check first keeps an unneeded approval unspent.
        const within = tryWithout(() => rules.setLineDiscount(value, lineId, discount, null, pricing));
        if (within) return within;
        const approval =
          discount === null ? null : approve(approvalId, { action: 'line_discount', draftId, lineId, discount }, `${lineName(value, lineId)}: ${DISCOUNT_WORDS(discount, pricing.decimals)}`);
        return rules.setLineDiscount(value, lineId, discount, approval, pricing);
      }),

    'sale.setSaleDiscount': async ({ draftId, discount, approvalId }) =>
      change(draftId, (value, pricing) => {
        const within = tryWithout(() => rules.setSaleDiscount(value, discount, null, pricing));
        if (within) return within;
        const approval = discount === null ? null : approve(approvalId, { action: 'sale_discount', draftId, discount }, `Sale: ${DISCOUNT_WORDS(discount, pricing.decimals)}`);
        return rules.setSaleDiscount(value, discount, approval, pricing);
      }),

    'sale.overridePrice': async ({ draftId, lineId, unitPrice, approvalId }) =>
      change(draftId, (value, pricing) => {
        const line = value.lines.find((l) => l.lineId === lineId);
        if (!line) return rules.removeLine(value, lineId, pricing); // refuses naming the line
        const format = (amount: Money): string => formatMoney(amount, { ...IDR, decimals: pricing.decimals });
        const approval = approve(approvalId, { action: 'price_override', draftId, lineId, unitPrice }, `${line.name}: price ${format(unitPrice)} (was ${format(line.listPrice)})`);
        if (!approval) throw new rules.NeedsApprovalError('approvalId', 'A price change needs a manager’s approval');
        return rules.overridePrice(value, lineId, unitPrice, approval, pricing);
      }),

    'sale.setCustomer': async ({ draftId, customerId }) =>
      change(draftId, (value) => {
        if (customerId === null) return rules.setCustomer(value, null, null);
        const returned = options.customers.returned(customerId);
        if (!returned) {
          throw new ServiceError('forbidden', 'Look the customer up first: a sale takes only a customer this register found', {
            issues: [{ path: 'customerId', message: `Customer ${customerId} was not returned by a lookup on this register` }],
          });
        }
        return rules.setCustomer(value, returned.customer, returned.seenAt);
      }),

    'sale.acceptPinProof': async ({ draftId, proof }) =>
      change(draftId, (value) => {
        const customerId = value.customer?.id ?? null;
        // Offline details are refused before the proof is spent: it stays good once DealPOS answers.
        if (customerId !== null) rules.acceptPin(value, customerId);
        if (customerId === null || !options.customers.consumeProof(proof, customerId)) {
          throw new ServiceError('forbidden', 'The PIN check is missing, expired, already used or for another customer; check the PIN again', {
            issues: [{ path: 'proof', message: 'Not a valid PIN proof for this customer' }],
          });
        }
        return rules.acceptPin(value, customerId);
      }),

    'sale.redeemPoints': async ({ draftId, points }) => change(draftId, (value, pricing) => rules.redeemPoints(value, points, pricing)),

    'sale.addPayment': async ({ draftId, method, amount }) =>
      change(draftId, (value, pricing) => {
        const rule = options.paymentMethods().find((m) => m.name === method);
        if (!rule) {
          throw new ServiceError('validation', `${method} is not one of this counter's payment methods (Settings → Payment methods)`, {
            issues: [{ path: 'method', message: `Payment method ${method} is not enabled` }],
          });
        }
        return rules.addPayment(value, rule, amount, pricing);
      }),

    'sale.removePayment': async ({ draftId, index }) => change(draftId, (value) => rules.removePayment(value, index)),

    'sale.void': async ({ draftId }) => {
      const closing = open(draftId);
      const next = rules.emptyDraft(newId());
      options.drafts.replace(closing.id, next, now());
      current = next;
      if (closing.lines.length > 0) options.logger.info(`Checkout: sale in progress voided (${closing.lines.length} lines)`);
      return view(next);
    },

    'sale.complete': async ({ draftId }) => {
      // A retry after a lost answer: the draft was recorded under its own id, so answer that sale again.
      const already = options.outbox.recordedSale(draftId);
      if (already) return { recorded: withReceipt(already), next: view() };
      const closing = open(draftId);
      const pricing = options.pricing();
      const issues = rules.completionIssues(closing, pricing);
      const methods = options.paymentMethods();
      closing.payments.forEach((payment, index) => {
        if (!methods.some((m) => m.name === payment.method)) {
          issues.push({ path: `payments.${index}.method`, message: `Payment method ${payment.method} is no longer enabled; remove that payment` });
        }
      });
      if (issues.length > 0) throw new SaleValidationError(issues);
      const sale = rules.pricedSale(closing, pricing);
      rules.checkedTotals(sale);
      const next = rules.emptyDraft(newId());
      const approvals = rules.approvalsOf(closing);
      const shift = options.shiftOfSale?.() ?? null;
      options.sales.complete(sale, {
        localId: closing.id,
        approvals,
        salesPerson: shift?.cashier ?? null,
        alsoInTransaction: () => {
          options.drafts.replace(closing.id, next, now());
          shift?.attach(closing.id);
        },
      });
      current = next;
      const recorded: RecordedSale | null = options.outbox.recordedSale(closing.id);
      if (!recorded) throw new ServiceError('storage', 'The sale was saved but could not be read back; check the Queue');
      const receipted = withReceipt(recorded);
      try {
        options.onRecorded?.(receipted);
      } catch (error) {
        // The sale is recorded and must be answered as such; printing it is the cashier's to retry.
        options.logger.error(`Checkout: sale ${recorded.invoiceNumber} is recorded, but printing could not be told`, error);
      }
      return { recorded: receipted, next: view(next) };
    },
  };

  const replaceDraft = (draftId: string, next: rules.Draft, alsoInTransaction: () => void): SaleView => {
    const closing = open(draftId);
    options.drafts.replace(closing.id, next, now(), alsoInTransaction);
    current = next;
    return view(next);
  };

  return { handlers, openDraft: open, replaceDraft };
}

/** The change as it is without an approval, or null when it needs one. */
function tryWithout(apply: () => rules.Draft): rules.Draft | null {
  try {
    return apply();
  } catch (error) {
    if (error instanceof rules.NeedsApprovalError) return null;
    throw error;
  }
}
