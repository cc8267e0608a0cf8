/**
 * Returns (issue 16): find the original sale by its receipt's barcode or its typed number (this
 * register first, then DealPOS), choose lines and quantities, refund. Main decides what can come
 * back (never more than was sold minus earlier returns), what it is worth (shared/returns/
 * returnMaths.ts), and records it with its invoice in the outbox, sent after the original.
 */
import { z } from 'zod';
import type { Money } from '../money';
import type { TaxRule } from '../sale/sale';
import { text } from '../text/text';
import { method, returns } from './define';
import type { ReceiptedSale, SaleView } from './sale';

const id = text({ max: 64 });

export interface ReturnableLine {
  /** Index in the original sale: what `returns.complete` names. */
  readonly line: number;
  readonly variantCode: string;
  readonly name: string;
  /** Units sold (a weighed line is one pack) and what earlier returns took back. */
  readonly sold: number;
  readonly returnedBefore: number;
  readonly unitPrice: Money;
  /** The whole line's worth after every discount, before tax. */
  readonly net: Money;
  readonly weightGrams?: number;
}

export interface ReturnableSale {
  readonly invoiceNumber: string;
  readonly outlet: string;
  /** Where it was found: this register's own records, or DealPOS (sold elsewhere, or pruned here). */
  readonly source: 'local' | 'dealpos';
  /** ISO 8601 with offset (local), or DealPOS's own date text. */
  readonly soldAt: string;
  readonly customerName: string | null;
  readonly tax: TaxRule;
  readonly lines: readonly ReturnableLine[];
  /** The refund method offered first: the original's (its largest payment), else cash. */
  readonly refundMethod: string;
  /** True while the original is still queued here: the return will be sent after it. */
  readonly originalQueued: boolean;
}

export const returnsMethods = {
  /**
   * The sale `number` names, with what can still be returned. Errors: `not_found` (no such invoice
   * here or in DealPOS for this outlet), `validation` (it was voided, or it is itself a return),
   * `offline` (not on this register and DealPOS cannot be reached), `not_configured` (no outlet).
   */
  'returns.find': method({ input: z.object({ number: text({ max: 64 }) }).strict(), result: returns<ReturnableSale>() }),
  /**
   * Records the return and its DealPOS invoice (negative quantities, the original as reference) in
   * one durable transaction. `returnId` is made by the screen when it starts the return: a retry
   * with it answers the same return, never a second one. `found: 'typed'` (no receipt) needs a
   * manager's `return_without_receipt` approval. With `exchangeDraftId` (an exchange) the refund is
   * added, in the same transaction, as a payment on that open sale up to what it still owes, so the
   * customer pays or gets back only the difference. Errors: `validation` (issues name each line:
   * more than sold minus earlier returns, unknown line, refund method), `forbidden`, `not_found`.
   */
  'returns.complete': method({
    input: z
      .object({
        returnId: id,
        number: text({ max: 64 }),
        lines: z.array(z.object({ line: z.number().int().min(0).max(499), quantity: z.number().int().min(1).max(100_000) }).strict()).min(1).max(500),
        refundMethod: text({ max: 100 }),
        found: z.enum(['scanned', 'typed']),
        approvalId: id.optional(),
        /** An exchange: the refund is credited, by `refundMethod`, to this open sale (the new items). */
        exchangeDraftId: id.optional(),
      })
      .strict(),
    result: returns<{ readonly recorded: ReceiptedSale; readonly exchange: SaleView | null }>(),
  }),
};

export const returnsEvents = {};
