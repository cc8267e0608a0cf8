import { z } from 'zod';
import { saleDraftSchema } from '../sale/sale';
import type { SaleTotals } from '../sale/totals';
import { method, returns } from './define';

export interface CompletedSale {
  /** Local UUID of the sale and its outbox entry. */
  readonly localId: string;
  /** `<prefix>-<registerCode>-<yyMMdd>-<seq>`, e.g. POS-R1-261122-0007. */
  readonly invoiceNumber: string;
  /** ISO 8601 with the register's offset. */
  readonly completedAt: string;
  /** Recomputed in main; the renderer's totals are never trusted. */
  readonly totals: SaleTotals;
}

export const saleMethods = {
  /**
   * Saves the sale and its invoice outbox entry in one durable transaction; resolves only after
   * the commit. Errors: `validation` (issues name the problem), `not_configured`, `storage_full`, `storage`.
   */
  'sale.complete': method({ input: z.object({ sale: saleDraftSchema }).strict(), result: returns<CompletedSale>() }),
};

export const saleEvents = {};
