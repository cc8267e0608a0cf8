import type { ContractHandlers } from '../../shared/contract';
import { ServiceError } from '../../shared/errors';
import { buildReceipt, type ReceiptContext } from '../../shared/receipt/receipt';
import { systemIso, type OutboxStore } from '../store/outboxStore';

type ReceiptsHandlers = Pick<ContractHandlers, 'receipts.today' | 'receipts.get'>;

export interface ReceiptHistoryOptions {
  /** The session's outbox store, which keeps every recorded sale until retention removes it. */
  readonly outbox: () => OutboxStore;
  readonly receiptContext: () => ReceiptContext;
  readonly now?: () => number;
}

/** Midnight today on this computer's clock: "today's sales" is the shop's day, not UTC's. */
export function startOfLocalDay(nowMs: number): number {
  const day = new Date(nowMs);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/** Today's sales and any of their receipts, for the cashier's reprint list. */
export function createReceiptHistory(options: ReceiptHistoryOptions): ReceiptsHandlers {
  const now = options.now ?? Date.now;
  return {
    'receipts.today': async ({ limit }) => {
      const since = startOfLocalDay(now());
      const { sales, total } = options.outbox().recordedSince(since, limit);
      return { sales, total, since: systemIso(since) };
    },
    'receipts.get': async ({ localId }) => {
      const recorded = options.outbox().recordedSale(localId);
      if (!recorded) throw new ServiceError('not_found', 'That sale is not on this computer (it may have been removed after it synced)');
      return { ...recorded, receipt: buildReceipt(recorded, options.receiptContext()) };
    },
  };
}
