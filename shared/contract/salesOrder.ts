import { z } from 'zod';
import { text } from '../text/text';
import { method, returns } from './define';

/**
 * Sales-order fulfilment (issue 14): the courier's tracking number recorded with
 * `PUT SalesOrder/ReferenceNumber`. Every record goes through this register's durable queue, so one
 * made offline is sent when DealPOS answers again, exactly once.
 */

/**
 * pending: waiting to be sent (or retried); sending: a request carrying it is in flight;
 * sent: DealPOS confirmed it; rejected: DealPOS refused it (details in `problem`).
 */
export const REFERENCE_STATES = ['pending', 'sending', 'sent', 'rejected'] as const;
export type ReferenceState = (typeof REFERENCE_STATES)[number];

/** Why DealPOS refused a record, worded by the screen in the UI language. */
export const REFERENCE_PROBLEMS = ['unknown_order', 'lacks_role', 'refused'] as const;
export type ReferenceProblem = (typeof REFERENCE_PROBLEMS)[number];

export interface ReferenceRecord {
  readonly id: number;
  readonly outlet: string;
  readonly number: string;
  /** Null: left unchanged in DealPOS. */
  readonly referenceNumber: string | null;
  readonly logisticServiceCode: string | null;
  readonly note: string | null;
  readonly state: ReferenceState;
  readonly attempts: number;
  readonly problem: ReferenceProblem | null;
  /** The DealPOS role a `lacks_role` record needs. */
  readonly role: string | null;
  /** DealPOS's own message (rejected) or the last transient failure. */
  readonly lastError: string | null;
  readonly lastErrorCode: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
}

export interface LogisticServiceChoices {
  readonly codes: readonly string[];
  /** The code used last on this register, offered first. */
  readonly lastUsed: string | null;
}

/** Empty means "leave the stored value unchanged" (seed: "If this property is null or empty, it will not update"). */
const optionalField = (max: number): ReturnType<typeof text> => text({ max, min: 0 });

export const salesOrderMethods = {
  /**
   * Queues the record and sends it at once when DealPOS can be reached; waits briefly for the answer.
   * Errors: `validation` (no order number; nothing to change: issues name `referenceNumber`; an outlet
   * the DealPOS user cannot access: issues name `outlet`).
   */
  'salesOrder.record': method({
    input: z
      .object({
        outlet: text({ max: 100 }),
        number: text({ max: 64 }),
        referenceNumber: optionalField(100),
        logisticServiceCode: optionalField(64),
        note: optionalField(500),
      })
      .strict(),
    result: returns<ReferenceRecord>(),
  }),
  /** The newest records first (read back what was recorded, and what is still waiting). */
  'salesOrder.list': method({ input: z.object({ limit: z.number().int().min(1).max(200).default(20) }).strict(), result: returns<ReferenceRecord[]>() }),
  'salesOrder.logisticServices': method({ input: z.object({}).strict(), result: returns<LogisticServiceChoices>() }),
};

export const salesOrderEvents = {
  salesOrderReferenceChanged: returns<ReferenceRecord>(),
};
