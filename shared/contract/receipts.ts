import { z } from 'zod';
import type { QueueState } from './queue';
import type { ReceiptedSale } from './sale';
import { text } from '../text/text';
import { method, returns } from './define';

/** One recorded sale in the day's list: enough to pick it, not the whole receipt. */
export interface SaleSummary {
  readonly localId: string;
  readonly invoiceNumber: string;
  /** ISO 8601 with the register's offset. */
  readonly completedAt: string;
  /** Minor units. */
  readonly total: number;
  readonly itemCount: number;
  /** Where its invoice is on the way to DealPOS (null once retention removed the outbox row). */
  readonly state: QueueState | null;
}

export interface TodaysSales {
  readonly sales: readonly SaleSummary[];
  /** Every sale since `since`, beyond the `limit` listed. */
  readonly total: number;
  /** The start of today on this computer's clock, ISO 8601 with its offset. */
  readonly since: string;
}

export const receiptsMethods = {
  /** Today's recorded sales on this register, newest first, to show or reprint any receipt. */
  'receipts.today': method({
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    result: returns<TodaysSales>(),
  }),
  /** A recorded sale with the receipt main builds from it (the same model the printer lays out). Errors: `not_found`. */
  'receipts.get': method({ input: z.object({ localId: text({ max: 64 }) }).strict(), result: returns<ReceiptedSale>() }),
};
