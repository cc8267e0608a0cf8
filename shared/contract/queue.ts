import { z } from 'zod';
import { invoicePatchSchema } from '../invoice/invoicePatch';
import type { InvoicePayload } from '../invoice/invoicePayload';
import { text } from '../text/text';
import type { SaleApproval } from './sale';
import { method, returns } from './define';

/**
 * pending: waiting to be sent (or retried); sending: a request carrying it is in flight;
 * synced: DealPOS has it (serverId set); rejected: DealPOS refused it — needs a manager;
 * voided: a manager gave up on it locally, with a reason that is kept.
 */
export const QUEUE_STATES = ['pending', 'sending', 'synced', 'rejected', 'voided'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

export interface QueueEntry {
  readonly localId: string;
  readonly invoiceNumber: string;
  readonly state: QueueState;
  readonly attempts: number;
  /** ISO 8601; when the worker will try again (pending only). */
  readonly nextAttemptAt: string | null;
  /** The server's message for rejected invoices, else the last transient failure. */
  readonly lastError: string | null;
  /** The error code of `lastError` (`network`, `timeout` …): the screen words connectivity failures in the UI language. */
  readonly lastErrorCode: string | null;
  readonly serverId: string | null;
  readonly createdAt: string;
  readonly syncedAt: string | null;
  readonly voidReason: string | null;
  /** The manager who approved the void (voided entries; null for ones voided before approvals existed). */
  readonly voidedBy: string | null;
  /** Sale total in minor units. */
  readonly total: number;
  /** Line names from the sale, index-aligned with the payload's Variants as first completed. */
  readonly lineNames: readonly string[];
  /** Exactly what is (or will be) sent to DealPOS, including manager edits. */
  readonly payload: InvoicePayload;
  /** The payload was changed by a manager after completion. */
  readonly edited: boolean;
  /** Price overrides and discounts beyond the limits on the sale, and who approved each. */
  readonly approvals: readonly SaleApproval[];
}

/**
 * The Queue's pageable views: waiting (pending and sending, oldest first), synced and voided (newest
 * first), or every entry (newest first), e.g. to find one by invoice number.
 */
export const QUEUE_VIEWS = ['waiting', 'synced', 'voided', 'all'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

export interface QueuePage {
  readonly entries: readonly QueueEntry[];
  /** Entries in the view matching `number`, over every page. */
  readonly total: number;
  readonly offset: number;
}

export const QUEUE_PAGE_MAX = 200;

export interface QueueCounts {
  readonly pending: number;
  readonly needsAttention: number;
}

// The uuid format admits only hex digits and dashes, so it needs no text rule.
const localId = z.string().uuid();

export const queueMethods = {
  /** Pending, sending and rejected oldest first; synced and voided newest first; all states newest first. */
  'queue.list': method({
    input: z
      .object({ state: z.enum(QUEUE_STATES).optional(), limit: z.number().int().min(1).max(500).default(100) })
      .strict(),
    result: returns<QueueEntry[]>(),
  }),
  /**
   * One page of a view. `number`: part of an invoice number (any case), to find one among thousands.
   * An offset past the end answers an empty page with the true total, so the screen can step back.
   */
  'queue.page': method({
    input: z
      .object({
        view: z.enum(QUEUE_VIEWS),
        offset: z.number().int().min(0).max(1_000_000_000).default(0),
        limit: z.number().int().min(1).max(QUEUE_PAGE_MAX).default(50),
        number: text({ max: 60 }).optional(),
      })
      .strict(),
    result: returns<QueuePage>(),
  }),
  /** Sends a rejected invoice again (or a pending one now). Errors: `not_found`, `conflict`. */
  'queue.retry': method({ input: z.object({ localId }).strict(), result: returns<QueueEntry>() }),
  /** Fixes fields of a rejected invoice; it stays rejected until `queue.retry`. Errors: `validation`, `not_found`, `conflict`. */
  'queue.edit': method({ input: z.object({ localId, patch: invoicePatchSchema }).strict(), result: returns<QueueEntry>() }),
  /**
   * Gives up on a rejected invoice locally; the entry, the reason and the approving manager are kept.
   * Needs `approvalId` from `manager.approve` for `{ action: 'queue_void', localId }`.
   * Errors: `forbidden` (no approval: details.needsApproval; or one used, expired or for another
   * invoice: issues name `approvalId`), `not_found`, `conflict`.
   */
  'queue.void': method({
    input: z.object({ localId, reason: text({ max: 500, min: 3 }), approvalId: text({ max: 64 }).optional() }).strict(),
    result: returns<QueueEntry>(),
  }),
  /** Wakes the worker now (clears backoff, and the pause if credentials were fixed). */
  'queue.syncNow': method({ input: z.object({}).strict(), result: returns<QueueCounts>() }),
};

export const queueEvents = {
  invoiceSynced: returns<{ readonly localId: string; readonly invoiceNumber: string; readonly serverId: string }>(),
  invoiceRejected: returns<{ readonly localId: string; readonly invoiceNumber: string; readonly message: string }>(),
  queueChanged: returns<QueueCounts>(),
};
