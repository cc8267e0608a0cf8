/**
 * The sale in progress lives in main (issue 12). The renderer shows main's `SaleView` and asks for
 * changes; every change names the draft it is meant for, and main prices, checks limits, approvals,
 * customers and points before it stores anything. A scan is one call: resolve and add.
 */
import { z } from 'zod';
import type { CatalogItem } from './catalog';
import type { InvalidCodeReason } from '../catalog/barcode';
import type { Money } from '../money';
import type { Receipt } from '../receipt/receipt';
import type { DiscountLimit } from '../sale/discountLimits';
import { discountSchema, MAX_QUANTITY, MAX_UNIT_PRICE, type Discount, type Payment, type SaleCustomer, type SaleDraft, type SaleLine, type TaxRule } from '../sale/sale';
import type { SaleTotals } from '../sale/totals';
import { text } from '../text/text';
import { method, returns } from './define';

/** What a manager approved on a sale: shown on the receipt and in the Queue. */
export interface SaleApproval {
  readonly action: 'line_discount' | 'sale_discount' | 'price_override' | 'return_without_receipt';
  /** The manager's name, as set in Settings. */
  readonly approvedBy: string;
  /** ISO 8601 with the register's offset. */
  readonly approvedAt: string;
  /** What was approved, in words a receipt can print, e.g. "Teh Botol: 50% off" or "Teh Botol: price 2.000 (was 3.500)". */
  readonly detail: string;
}

export interface DraftLine extends SaleLine {
  /** Stable for the life of the draft (indexes move when lines are removed); approvals bind to it. */
  readonly lineId: string;
  /** The price main quoted when the item was added: the catalog's outlet price at that moment. */
  readonly listPrice: Money;
  readonly priceApproval: SaleApproval | null;
  readonly discountApproval: SaleApproval | null;
  /** The scale label (price- or weight-embedded EAN-13) this line was read from; such a line never merges with another. */
  readonly scaleLabel?: string;
}

/** The sale in progress as main holds it, priced and totalled by main. */
export interface SaleView {
  readonly draftId: string;
  readonly lines: readonly DraftLine[];
  readonly saleDiscount: Discount | null;
  readonly saleDiscountApproval: SaleApproval | null;
  readonly customer: SaleCustomer | null;
  /** Set (ISO 8601) when the customer's details came from main's offline cache. */
  readonly customerSeenAt: string | null;
  /** Main checked this customer's PIN with DealPOS during this sale: points may be redeemed. */
  readonly pinVerified: boolean;
  readonly pointsRedeemed: number;
  /** Most points this sale can take (0 until the PIN is verified). */
  readonly maxPoints: number;
  /** Minor units one point is worth, from main's settings. */
  readonly pointValue: Money;
  readonly tax: TaxRule;
  /** The configured tax type when it could not be applied (priced as No Tax); null normally. */
  readonly taxFallback: string | null;
  readonly payments: readonly Payment[];
  readonly totals: SaleTotals;
  /** Beyond these a discount needs a manager's approval. */
  readonly limits: { readonly line: DiscountLimit; readonly sale: DiscountLimit };
}

/** What recording a sale answers. */
export interface CompletedSale {
  /** Local UUID of the sale and its outbox entry: the draft's id. */
  readonly localId: string;
  /** `<prefix>-<registerCode>-<yyMMdd>-<seq>`, e.g. POS-R1-261122-0007. */
  readonly invoiceNumber: string;
  /** ISO 8601 with the register's offset. */
  readonly completedAt: string;
  /** Recomputed in main. */
  readonly totals: SaleTotals;
}

/** A sale as recorded: enough to show and reprint its receipt. */
export interface RecordedSale extends CompletedSale {
  /** The sale exactly as priced and recorded. */
  readonly sale: SaleDraft;
  readonly approvals: readonly SaleApproval[];
  /** The DealPOS outlet and register the invoice carries (as edited in the Queue, if it was). */
  readonly outlet: string | null;
  readonly register: string | null;
  /** Set on a return (issue 16): the invoice number it returns. Its `sale` holds the returned lines and the refund. */
  readonly returnOf?: string;
}

/** A recorded sale with the receipt main built from it: the screen and the printer show this one model. */
export interface ReceiptedSale extends RecordedSale {
  readonly receipt: Receipt;
}

export interface CheckoutState {
  readonly sale: SaleView;
  /** The newest recorded sale on this register (null before the first): shown after a restart with an empty cart. */
  readonly lastRecorded: ReceiptedSale | null;
}

export type ScanOutcome =
  | { readonly status: 'added'; readonly item: CatalogItem; readonly source: 'cache' | 'dealpos'; readonly lineId: string; readonly sale: SaleView }
  /** Not added: the cashier confirms with `sale.addItem` and `allowDiscontinued`. */
  | {
      readonly status: 'discontinued';
      readonly item: CatalogItem;
      readonly sale: SaleView;
      /** Set when the scan was a scale label: adding the item anyway would lose its weight or price, so it is not offered. */
      readonly scaleLabel?: string;
    }
  | { readonly status: 'unknown_code'; readonly code: string; readonly sale: SaleView }
  | { readonly status: 'not_cached_offline'; readonly code: string; readonly sale: SaleView }
  /** `scale_label`: a price- or weight-embedded label whose value cannot be sold (zero, too heavy, a price finer than the currency). */
  | { readonly status: 'invalid_code'; readonly code: string; readonly reason: InvalidCodeReason | 'scale_label'; readonly sale: SaleView };

const id = text({ max: 64 });
const draftId = { draftId: id };
const quantity = z.number().int().min(1).max(MAX_QUANTITY);
const money = z.number().int().nonnegative().max(MAX_UNIT_PRICE);
/** Set when a manager approved this exact change (see `manager.approve`). */
const approvalId = text({ max: 64 }).optional();

export const saleMethods = {
  /** The sale in progress (restored after a restart) and the last recorded sale. */
  'sale.current': method({ input: z.object({}).strict(), result: returns<CheckoutState>() }),
  /**
   * Resolves a scanned or typed code (cache, else DealPOS) and adds one at main's price, in one call.
   * Errors: `conflict` (the draft is no longer the current one), `validation` (too many lines, quantity or amount limits).
   */
  'sale.scan': method({ input: z.object({ ...draftId, code: text({ max: 4096 }) }).strict(), result: returns<ScanOutcome>() }),
  /** Adds a catalog item by its exact code (from search, or a confirmed discontinued one). `unknown_code` when the catalog does not hold it. */
  'sale.addItem': method({
    input: z.object({ ...draftId, code: text({ max: 64 }), quantity: quantity.default(1), allowDiscontinued: z.boolean().default(false) }).strict(),
    result: returns<{ readonly lineId: string; readonly sale: SaleView }>(),
  }),
  'sale.setQuantity': method({ input: z.object({ ...draftId, lineId: id, quantity }).strict(), result: returns<SaleView>() }),
  'sale.removeLine': method({ input: z.object({ ...draftId, lineId: id }).strict(), result: returns<SaleView>() }),
  /** Beyond the line limit: `forbidden` (details.needsApproval) unless `approvalId` approves this exact discount. */
  'sale.setLineDiscount': method({
    input: z.object({ ...draftId, lineId: id, discount: discountSchema.nullable(), approvalId }).strict(),
    result: returns<SaleView>(),
  }),
  'sale.setSaleDiscount': method({
    input: z.object({ ...draftId, discount: discountSchema.nullable(), approvalId }).strict(),
    result: returns<SaleView>(),
  }),
  /** Always needs a manager's approval of this exact price. */
  'sale.overridePrice': method({
    input: z.object({ ...draftId, lineId: id, unitPrice: money, approvalId: text({ max: 64 }) }).strict(),
    result: returns<SaleView>(),
  }),
  /** Attaches a customer main returned from `customer.lookup` in this session, with main's copy of the details; null detaches. */
  'sale.setCustomer': method({ input: z.object({ ...draftId, customerId: id.nullable() }).strict(), result: returns<SaleView>() }),
  /** Hands main the proof `customer.verifyPin` gave for the attached customer: points may then be redeemed on this sale. */
  'sale.acceptPinProof': method({ input: z.object({ ...draftId, proof: text({ max: 64 }) }).strict(), result: returns<SaleView>() }),
  'sale.redeemPoints': method({ input: z.object({ ...draftId, points: z.number().int().min(0).max(MAX_UNIT_PRICE) }).strict(), result: returns<SaleView>() }),
  /** A tender of an enabled payment method; the same method merges. Only cash may exceed what is due. */
  'sale.addPayment': method({ input: z.object({ ...draftId, method: text({ max: 100 }), amount: money }).strict(), result: returns<SaleView>() }),
  'sale.removePayment': method({ input: z.object({ ...draftId, index: z.number().int().min(0).max(50) }).strict(), result: returns<SaleView>() }),
  /** Drops the sale in progress and starts an empty one. */
  'sale.void': method({ input: z.object(draftId).strict(), result: returns<SaleView>() }),
  /**
   * Records the stored draft as a sale with its invoice outbox entry in one durable transaction and
   * starts the next draft. Idempotent by draft id: a retry after a lost answer returns the same sale.
   * Errors: `validation` (issues say what is missing), `conflict`, `not_configured`, `storage_full`, `storage`.
   */
  'sale.complete': method({ input: z.object(draftId).strict(), result: returns<{ readonly recorded: ReceiptedSale; readonly next: SaleView }>() }),
};

export const saleEvents = {};
