/**
 * The `held.*` contract: park the sale in progress and serve the next customer, list what is parked,
 * resume one. A held sale is the draft itself, moved aside whole: its lines keep the prices main
 * quoted, its customer, discounts and the managers' approvals; only a manager's price override
 * (on the resumed sale) changes a price. Parking and resuming swap drafts in one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { ContractHandlers } from '../../shared/contract';
import type { CatalogItem } from '../../shared/contract/catalog';
import type { HeldSaleSummary } from '../../shared/contract/held';
import { ServiceError } from '../../shared/errors';
import type { Logger } from '../logging/logger';
import type { CheckoutService } from '../sale/checkoutService';
import * as rules from '../sale/draft';
import type { HeldSaleRow, HeldSaleStore } from '../store/heldSaleStore';
import type { IsoClock } from '../store/outboxStore';

type HeldMethod = Extract<keyof ContractHandlers, `held.${string}`>;
export type HeldHandlers = Pick<ContractHandlers, HeldMethod>;

export interface HeldSaleServiceOptions {
  readonly store: HeldSaleStore;
  readonly checkout: CheckoutService;
  readonly pricing: () => rules.PricingRules;
  /** Settings: a held sale older than this is flagged. */
  readonly staleAfterHours: () => number;
  /** Who is at the counter (the register's name until cashiers sign in). */
  readonly cashier: () => string | null;
  /** An exact catalog code, to warn about items discontinued since the sale was parked. */
  readonly findItem: (code: string) => CatalogItem | null;
  readonly iso: IsoClock;
  readonly logger: Logger;
  readonly now?: () => number;
  readonly newId?: () => string;
}

/** The note main writes on a cart it parked to make room for a resumed one. */
export const PARKED_FOR_RESUME_NOTE = 'Parked to resume another sale';

export function createHeldSaleService(options: HeldSaleServiceOptions): { readonly handlers: HeldHandlers } {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? randomUUID;
  const HOUR_MS = 3_600_000;

  const summary = (row: HeldSaleRow, nowMs: number): HeldSaleSummary => ({
    heldId: row.draft.id,
    heldAt: options.iso(row.heldAtMs),
    cashier: row.cashier,
    note: row.note,
    total: row.total,
    customerName: row.draft.customer?.name ?? null,
    lines: row.draft.lines.map((line) => ({ name: line.name, quantity: line.quantity })),
    stale: nowMs - row.heldAtMs > options.staleAfterHours() * HOUR_MS,
  });

  /** What parking `draft` stores; refuses a sale that cannot be parked, naming why. */
  const toHold = (draft: rules.Draft, note: string, nowMs: number): HeldSaleRow => {
    if (draft.lines.length === 0) {
      throw new ServiceError('validation', 'There is nothing to park: the sale has no items', { issues: [{ path: 'draftId', message: 'The sale is empty' }] });
    }
    if (draft.payments.length > 0) {
      // Money taken for this sale belongs with it at the drawer now; a parked tender would be forgotten.
      throw new ServiceError('validation', 'Remove the payments taken on this sale before parking it', {
        issues: [{ path: 'payments', message: 'The sale has payments on it' }],
      });
    }
    const total = rules.viewOf(draft, options.pricing()).totals.total;
    return { draft, note, cashier: options.cashier(), total, heldAtMs: nowMs };
  };

  const handlers: HeldHandlers = {
    'held.park': async ({ draftId, note }) => {
      const nowMs = now();
      const row = toHold(options.checkout.openDraft(draftId), note, nowMs);
      const sale = options.checkout.replaceDraft(draftId, rules.emptyDraft(newId()), () => options.store.insert(row));
      options.logger.info(`Held sales: parked a sale of ${row.draft.lines.length} lines`);
      return { sale, held: summary(row, nowMs) };
    },

    'held.list': async () => {
      const nowMs = now();
      return { held: options.store.list().map((row) => summary(row, nowMs)), staleAfterHours: options.staleAfterHours() };
    },

    'held.resume': async ({ draftId, heldId, parkCurrent }) => {
      const open = options.checkout.openDraft(draftId);
      const held = options.store.get(heldId) ?? notHeld(heldId);
      const cartInUse = open.lines.length > 0 || open.payments.length > 0;
      if (cartInUse && !parkCurrent) {
        throw new ServiceError('conflict', 'The cart has items: park it (or complete or clear it) before resuming a held sale', {
          details: { cartNotEmpty: true },
        });
      }
      const parked = cartInUse ? toHold(open, PARKED_FOR_RESUME_NOTE, now()) : null;
      const sale = options.checkout.replaceDraft(draftId, held.draft, () => {
        // Taken inside the swap: a second screen resuming the same sale gets `not_found` and changes nothing.
        if (!options.store.take(heldId)) notHeld(heldId);
        if (parked) options.store.insert(parked);
      });
      const discontinued = held.draft.lines.flatMap((line) => {
        const item = options.findItem(line.variantCode);
        return item?.discontinued ? [item] : [];
      });
      options.logger.info(`Held sales: resumed a sale of ${held.draft.lines.length} lines${parked ? ' (the open cart was parked)' : ''}`);
      return { sale, discontinued, parkedCurrent: parked ? parked.draft.id : null };
    },
  };

  return { handlers };
}

function notHeld(heldId: string): never {
  throw new ServiceError('not_found', 'That held sale is no longer held (it was resumed on another screen); the list shows the ones left', {
    issues: [{ path: 'heldId', message: `No held sale ${heldId}` }],
  });
}
